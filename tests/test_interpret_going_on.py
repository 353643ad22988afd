"""Rows and tables that are not one event each: an event going on in the row below it, a row of the
form left blank, a section's heading with its number in the № column, a theme heading under a title
naming the municipality, and tables of events planned, postponed or cancelled rather than held."""

from __future__ import annotations

from datetime import date

import pytest

from muniflow import contracts
from muniflow.interpret import InterpretError, interpret_document
from muniflow.interpret.not_held import not_held_heading
from muniflow.interpret.period import find_period
from muniflow.model import Period, RawDocument, RawRow, RawTable
from muniflow.rules import check_report

HEADER = (
    "№ п/п",
    "Наименование мероприятия",
    "Место проведения",
    "Дата проведения",
    "Результат",
    "Участники",
)
TITLE = "Информация о международных мероприятиях муниципальных образований за II квартал 2024 года"


def _table(
    rows: list[tuple[tuple[str | None, ...], frozenset[int]]], caption: str = "", n: int = 1
) -> RawTable:
    body = tuple(RawRow(cells, f"table {n}, row {i + 2}", above) for i, (cells, above) in enumerate(rows))
    return RawTable(HEADER, body, f"table {n}", caption)


def _report(*tables: RawTable, title: str = TITLE):  # type: ignore[no-untyped-def]
    doc = RawDocument("x.docx", "docx", title, tables)
    return interpret_document(doc, contracts.header_synonyms())


def _row(
    *cells: str | None, above: frozenset[int] = frozenset()
) -> tuple[tuple[str | None, ...], frozenset[int]]:
    return tuple(cells), above


HEADING = _row("Энский район", None, None, None, None, None)


def _events(*rows: tuple[tuple[str | None, ...], frozenset[int]]):  # type: ignore[no-untyped-def]
    """The report of one table holding `rows` under one municipality's heading."""
    return _report(_table([HEADING, *rows]))


def test_a_row_with_its_no_merged_down_carries_on_the_event_above() -> None:
    report = _report(
        _table(
            [
                HEADING,
                _row(
                    "1",
                    "Фестиваль «Дружба»",
                    "г. Энск",
                    "12.05.2024",
                    "Проведено 5 концертов",
                    "Российская сторона: 40",
                ),
                _row(
                    None,
                    None,
                    None,
                    None,
                    "подписано соглашение",
                    "Иностранная сторона: 12",
                    above=frozenset({0, 1, 2, 3}),
                ),
                _row("2", "Выставка", "г. Энск", "20.05.2024", "Открыта", "Мастера"),
            ]
        )
    )
    assert [r.seq_no for r in report.rows] == [1, 2]
    first = report.rows[0]
    assert first.goal == "Проведено 5 концертов подписано соглашение"
    assert first.participants == "Российская сторона: 40 Иностранная сторона: 12"
    assert first.source_locator == "table 1, row 3"


def test_events_under_one_no_merged_down_are_rows_of_their_own_counted_once_in_the_run() -> None:
    """A visit's days, each with its own title and date, under the visit's № merged down over them:
    three rows, no break of the № run (neither «№ 2 повторяется» nor a gap before № 3)."""
    report = _events(
        _row("1", "Фестиваль", "г. Энск", "12.04.2024", "Проведён", "Артисты"),
        _row("2", "Визит: встреча", "г. Энск", "15.05.2024", "Обсуждение", "Делегация"),
        _row(
            None, "Визит: экскурсия", "г. Энск", "16.05.2024", "Знакомство", "Делегация", above=frozenset({0})
        ),
        _row(None, "Визит: концерт", "г. Энск", "17.05.2024", "Обмен", "Делегация", above=frozenset({0})),
        _row("3", "Выставка", "г. Энск", "20.06.2024", "Открыта", "Мастера"),
    )
    assert [(r.seq_no, r.start_date) for r in report.rows] == [
        (1, date(2024, 4, 12)),
        (2, date(2024, 5, 15)),
        (2, date(2024, 5, 16)),
        (2, date(2024, 5, 17)),
        (3, date(2024, 6, 20)),
    ]
    assert report.shared_numbers == (2, 3)
    assert [f for f in check_report(report) if f.rule == "numbering"] == []
    # typed twice, the same № is a break of the run
    typed = _events(
        _row("1", "Фестиваль", "г. Энск", "12.04.2024", "Проведён", "Артисты"),
        _row("1", "Выставка", "г. Энск", "20.06.2024", "Открыта", "Мастера"),
    )
    assert [f.row_index for f in check_report(typed) if f.rule == "numbering"] == [1]


def test_a_row_with_no_no_title_or_date_carries_on_the_event_above() -> None:
    report = _events(
        _row("1", "Форум «Металлургия»", "г. Энск", "11.04.2024", "Подписано", "Специалисты"),
        _row("", "", "", "", "3 соглашения о поставках", "из КНР и Индии"),
    )
    (row,) = report.rows
    assert (row.goal, row.participants) == (
        "Подписано 3 соглашения о поставках",
        "Специалисты из КНР и Индии",
    )


def test_one_date_merged_down_for_two_events_keeps_them_two() -> None:
    report = _events(
        _row("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты"),
        _row("2", "Выставка", "г. Энск", None, "Открыта", "Мастера", above=frozenset({3})),
    )
    assert [(r.seq_no, r.start_date) for r in report.rows] == [(1, date(2024, 5, 12)), (2, date(2024, 5, 12))]


def test_a_row_of_the_form_left_blank_is_no_event() -> None:
    report = _events(
        _row("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты"),
        _row("2", "", "", "", "", ""),
        _row("3.", "", "", "", "", ""),
    )
    assert [r.seq_no for r in report.rows] == [1]


@pytest.mark.parametrize("number", ["1.", "2", "IV", "3)"])
def test_a_heading_numbered_in_the_no_column_is_a_heading(number: str) -> None:
    report = _report(
        _table(
            [
                _row(number, "Город Энск", None, None, None, None),
                _row("1.1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты"),
                _row(number, "Муниципальное образование «Н-ский район»", "", "", "", ""),
                _row("2.1", "Выставка", "г. Н", "20.05.2024", "Открыта", "Мастера"),
            ]
        )
    )
    assert [(r.title, r.municipality) for r in report.rows] == [
        ("Концерт", "город Энск"),
        ("Выставка", "Н-ский район"),
    ]


def test_a_numbered_row_with_a_title_and_no_date_stays_an_event() -> None:
    report = _report(_table([HEADING, _row("1", "Концерт «Весна»", "", "", "", "")]))
    assert [r.title for r in report.rows] == ["Концерт «Весна»"]


def test_theme_headings_under_a_title_naming_the_municipality_are_no_municipalities() -> None:
    title = "Информация о международных мероприятиях Энского района Н-ской области за II квартал 2024 года"
    report = _report(
        _table(
            [
                _row("1. Культура", None, None, None, None, None),
                _row("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты"),
                _row("Спорт", None, None, None, None, None),
                _row("2", "Турнир", "г. Энск", "20.05.2024", "Сыгран", "Команды"),
            ]
        ),
        title=title,
    )
    assert [r.municipality for r in report.rows] == ["Энский район", "Энский район"]
    assert [s.kind for s in report.reading.sections if s.text in ("1. Культура", "Спорт")] == [
        "theme",
        "theme",
    ]


def test_theme_headings_under_a_municipalitys_heading_keep_its_rows_a_place_heading_is_the_next() -> None:
    report = _report(
        _table(
            [
                _row("ГОРОД ЭНСК", None, None, None, None, None),
                _row("Культура", None, None, None, None, None),
                _row("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты"),
                _row("Спорт", None, None, None, None, None),
                _row("2", "Турнир", "г. Энск", "20.05.2024", "Сыгран", "Команды"),
                _row("Северск", None, None, None, None, None),
                _row("3", "Выставка", "г. Северск", "22.05.2024", "Открыта", "Мастера"),
                _row("Великий Новгород", None, None, None, None, None),
                _row("4", "Форум", "г. Новгород", "23.05.2024", "Проведён", "Гости"),
            ]
        )
    )
    assert [r.municipality for r in report.rows] == [
        "город Энск",
        "город Энск",
        "Северск",
        "Великий Новгород",
    ]
    assert [s.kind for s in report.reading.sections if s.text in ("Культура", "Спорт")] == ["theme", "theme"]


@pytest.mark.parametrize(
    "caption",
    [
        "I. Город Энск\nКультурные мероприятия",  # a theme's heading under the municipality's
        "I. Г О Р О Д   Э Н С К",  # typed letter by letter
        "Г О Р О Д   Э Н С К\nОбразование и наука",
    ],
)
def test_a_caption_names_its_municipality_above_a_theme_or_spaced_out(caption: str) -> None:
    first = _table([_row("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты")], caption=caption)
    second = _table(
        [_row("2", "Турнир", "г. Ключ", "20.05.2024", "Сыгран", "Команды")], "Ключевский район", n=2
    )
    report = _report(first, second)
    assert [r.municipality for r in report.rows] == ["город Энск", "Ключевский район"]


def test_a_bare_heading_with_no_municipality_in_the_title_still_names_one() -> None:
    report = _report(
        _table(
            [
                _row("ЙОШКАР-ОЛА", None, None, None, None, None),
                _row("1", "Концерт", "г. Й", "12.05.2024", "", ""),
            ]
        )
    )
    assert [r.municipality for r in report.rows] == ["Йошкар-Ола"]


@pytest.mark.parametrize(
    ("heading", "not_held"),
    [
        ("План мероприятий на III квартал 2024 года", True),
        ("Планируемые мероприятия", True),
        ("Мероприятия, запланированные на II квартал, но не проведённые (перенесённые)", True),
        ("Перечень предстоящих международных мероприятий", True),
        ("Мероприятия, которые не состоялись по независящим причинам", True),
        ("Отменённые и отложенные мероприятия", True),
        ("Мероприятия, которые планируется провести в III квартале", True),
        ("Перечень мероприятий, которые будут проведены", True),
        ("Мероприятия, которые были проведены", False),
        ("Информация о выполнении плана международных мероприятий за II квартал 2024 года", False),
        ("Мероприятия, запланированные и проведённые во II квартале", False),
        ("Сведения о мероприятиях, проведённых в соответствии с планом работы", False),
        ("План-отчёт о проведённых мероприятиях", False),
        ("Перечень мероприятий", False),
        ("Энский район", False),
        ("Мероприятия, перенесённые с I квартала", False),  # moved here: held this quarter
        ("Мероприятия, которые не проводились", True),
    ],
)
def test_a_heading_says_whether_its_events_were_held(heading: str, not_held: bool) -> None:
    assert (not_held_heading(heading) is not None) is not_held


@pytest.mark.parametrize(
    ("caption", "not_held"),
    [
        # a heading broken over lines: the line opening in lower case goes on the one above
        ("Сведения о мероприятиях, проведённых в Энском районе\nза I квартал и планируемых на II", False),
        ("План мероприятий\nна III квартал 2024 года", True),
        ("Энский район\nПланируемые мероприятия", True),
    ],
)
def test_a_heading_broken_over_lines_is_judged_whole(caption: str, not_held: bool) -> None:
    assert (not_held_heading(caption) is not None) is not_held


def test_a_title_naming_the_quarter_held_and_the_one_planned_heads_an_events_table() -> None:
    title = (
        "Отчёт о мероприятиях, проведённых органами местного самоуправления Энской области\n"
        "за II квартал 2024 года и планируемых на III квартал 2024 года"
    )
    report = _report(
        _table([HEADING, _row("1", "Концерт", "г. Энск", "12.05.2024", "", "")], caption=title), title=title
    )
    assert [r.title for r in report.rows] == ["Концерт"]
    assert report.period == Period(2024, 2)


def test_a_table_of_events_planned_or_called_off_is_no_events_table() -> None:
    held = _table([HEADING, _row("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты")])
    planned = _table(
        [_row("1", "Форум", "г. Энск", "15.09.2024", "", "")],
        caption="План мероприятий на III квартал 2024 г.",
        n=2,
    )
    # the planned table going on after a page break, with no header of its own
    going_on = RawTable(("2", "Ярмарка", "г. Энск", "20.09.2024", "", ""), (), "table 3", "")
    postponed = _table(
        [_row("1", "Визит делегации", "г. Энск", "20.06.2024", "Перенесён на осень", "")],
        caption="Энский район\nМероприятия, запланированные на II квартал, но не проведённые",
        n=4,
    )
    report = _report(held, planned, going_on, postponed)
    assert [r.title for r in report.rows] == ["Концерт"]
    skipped = {t.locator: t.reason for t in report.reading.tables if not t.chosen}
    assert set(skipped) == {"table 2", "table 3", "table 4"}
    assert all("not held" in reason for reason in skipped.values())


def test_rows_under_a_heading_row_of_planned_events_are_not_events() -> None:
    """A heading row inside the events table says the rows under it are planned: they are skipped
    and the report's note says so; the next section's heading reads on."""
    report = _report(
        _table(
            [
                _row("Проведённые мероприятия", None, None, None, None, None),
                _row("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты"),
                _row(
                    "Мероприятия, планируемые к проведению в III квартале 2024 года",
                    None,
                    None,
                    None,
                    None,
                    None,
                ),
                _row("2", "Ярмарка ремёсел", "г. Энск", "август 2024 г.", "", ""),
                _row("3", "Форум", "г. Энск", "15.09.2024", "", ""),
                HEADING,
                _row("4", "Выставка", "г. Энск", "20.06.2024", "Открыта", "Мастера"),
            ]
        )
    )
    assert [r.title for r in report.rows] == ["Концерт", "Выставка"]
    (note,) = [n for n in report.reading.notes if "under the heading" in n]
    assert note.startswith("2 row(s)") and note.endswith("(table 1, row 5, table 1, row 6)")


def test_a_plan_before_the_report_gives_not_its_quarter() -> None:
    """A plan for the next quarter opens the document: its heading is the document's first text,
    the quarter is the one the events table's own caption names."""
    plan_heading = "План мероприятий Озёрного района на IV квартал 2024 года"
    planned = _table([_row("1", "Форум", "г. Энск", "15.10.2024", "", "")], caption=plan_heading)
    held = _table(
        [HEADING, _row("1", "Концерт", "г. Энск", "12.08.2024", "Проведён", "Артисты")],
        caption="Информация о проведённых мероприятиях за III квартал 2024 года",
        n=2,
    )
    report = _report(planned, held, title=plan_heading)
    assert report.period == Period(2024, 3)
    assert [r.title for r in report.rows] == ["Концерт"]
    # the plan's heading alone names the quarter: it is the plan's, no report's
    untitled = _table([HEADING, _row("1", "Концерт", "г. Энск", "12.08.2024", "Проведён", "")], n=2)
    assert _report(planned, untitled, title=plan_heading).period is None


def test_a_quarter_a_plan_is_for_is_not_the_reports() -> None:
    text = (
        "Направляем информацию; мероприятия, запланированные на III квартал 2024 года, будут учтены.\n"
        "Информация о международных мероприятиях за II квартал 2024 года"
    )
    assert find_period(text).period == Period(2024, 2)
    assert find_period("Отчёт о выполнении плана мероприятий на II квартал 2024 года").period == Period(
        2024, 2
    )


def test_a_date_cell_naming_the_whole_quarter_takes_the_quarter_with_a_warning() -> None:
    report = _report(
        _table([HEADING, _row("1", "Выставка", "г. Энск", "в течение квартала", "Открыта", "Мастера")])
    )
    (row,) = report.rows
    assert (row.start_date, row.end_date, row.date_form) == (
        date(2024, 4, 1),
        date(2024, 6, 30),
        "whole_quarter",
    )


def test_a_quarter_named_with_no_year_takes_the_year_every_event_date_writes() -> None:
    title = "Информация о международных мероприятиях во II квартале текущего года"
    dated = _table(
        [
            HEADING,
            _row("1", "Концерт", "г. Энск", "12.05.2024", "", ""),
            _row("2", "Выставка", "г. Энск", "с 3 по 5 июня 2024 г.", "", ""),
        ]
    )
    assert _report(dated, title=title).period == Period(2024, 2)
    two_years = _table(
        [
            HEADING,
            _row("1", "Концерт", "г. Энск", "12.05.2024", "", ""),
            _row("2", "Выставка", "г. Энск", "05.06.2025", "", ""),
        ]
    )
    assert _report(two_years, title=title).period is None  # no one year: the analyst gives --period


def test_a_sub_column_is_named_by_its_own_label_before_its_groups() -> None:
    """Three header rows: «Сведения о мероприятии» over «Содержание» (a goal word) over «Цель,
    содержание и результат» and «Участники»: the participants sub-column is the participants', not
    a second goal column."""
    header = ("№ п/п", "Наименование мероприятия", "Сведения о мероприятии", None, None, None)
    above = frozenset({0, 1})
    labels = (
        "Место проведения",
        "Сроки проведения",
        "Цель, содержание и результат",
        "Участники (количество, состав)",
    )
    rows = (
        RawRow((None, None, "Место и сроки", None, "Содержание", None), "t, r2", above),
        RawRow((None, None, *labels), "t, r3", above),
        RawRow(("Энский район", None, None, None, None, None), "t, r4"),
        RawRow(("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты, 20 человек"), "t, r5"),
    )
    report = _report(RawTable(header, rows, "t"))
    (row,) = report.rows
    assert (row.goal, row.participants) == ("Проведён", "Артисты, 20 человек")


@pytest.mark.parametrize(
    ("heading", "municipality"),
    [
        ("Исполнительный комитет Елабужского муниципального района", "Елабужский район"),
        ("Муниципальный район Белорецкий район", "Белорецкий район"),
        ("Муниципальный район «Дзун-Хемчикский кожуун Республики Тыва»", "Дзун-Хемчикский кожуун"),
        ("Ургалинский сельсовет", "Ургалинский сельсовет"),
    ],
)
def test_a_heading_naming_its_municipality_among_other_words_heads_its_rows(
    heading: str, municipality: str
) -> None:
    report = _report(
        _table(
            [
                HEADING,
                _row("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты"),
                _row(heading, None, None, None, None, None),
                _row("2", "Выставка", "с. Н", "20.05.2024", "Открыта", "Мастера"),
                _row("Культурная программа", None, None, None, None, None),  # a note: skipped
                _row("3", "Ярмарка", "с. Н", "22.05.2024", "Проведена", "Мастера"),
            ]
        )
    )
    assert [r.municipality for r in report.rows] == ["Энский район", municipality, municipality]


def test_the_rest_of_cells_split_over_two_rows_carries_on_the_numbered_event_above() -> None:
    """A clerk's Enter (or a page) split an event's cells over two table rows: the lower row has no
    № and opens its title as no title opens (lower case, a bracket) or closes a quote left open
    above, or only ends a date range left open above. An unnumbered row of its own, dated, with a
    title of its own, stays an event."""
    report = _events(
        _row("1", "Форум «Амурская осень»: деловая программа, выставка", "г. Энск", "14.05.2024", "", ""),
        _row("", "инвестиционных проектов", "", "", "Подписано", ""),
        _row("2", "Выставка рисунков «Дружба", "г. Энск, ДК", "20.04.2024", "", ""),
        _row("", "России и Китая»", "", "", "", "120 человек"),
        _row("3", "Фестиваль «Амурские волны»", "г. Энск,", "05.06.2024–", "", ""),
        _row("", "", "парк культуры", "07.06.2024", "", ""),
        _row("4", "Встреча с делегацией", "г. Энск", "10.06.2024", "", ""),
        _row("", "(Федеративная Республика Германия)", "", "", "", ""),
        _row("", "Концерт", "г. Энск", "20.06.2024", "", ""),
    )
    assert [(r.title, r.place, r.start_date, r.end_date) for r in report.rows] == [
        (
            "Форум «Амурская осень»: деловая программа, выставка инвестиционных проектов",
            "г. Энск",
            date(2024, 5, 14),
            date(2024, 5, 14),
        ),
        ("Выставка рисунков «Дружба России и Китая»", "г. Энск, ДК", date(2024, 4, 20), date(2024, 4, 20)),
        ("Фестиваль «Амурские волны»", "г. Энск, парк культуры", date(2024, 6, 5), date(2024, 6, 7)),
        (
            "Встреча с делегацией (Федеративная Республика Германия)",
            "г. Энск",
            date(2024, 6, 10),
            date(2024, 6, 10),
        ),
        ("Концерт", "г. Энск", date(2024, 6, 20), date(2024, 6, 20)),
    ]
    assert report.rows[1].participants == "120 человек"


def test_a_heading_merged_across_beside_an_empty_no_cell_is_no_cut_off_title() -> None:
    """«город Курск» opens in lower case as a cut title's rest does, but it is one cell merged across
    the row beside an empty № cell: a municipality's heading, its events its own."""
    report = _events(
        _row("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты"),
        _row("", "город Курск", None, None, None, None),
        _row("2", "Выставка", "г. Курск", "20.05.2024", "Открыта", "Мастера"),
    )
    assert [(r.title, r.municipality) for r in report.rows] == [
        ("Концерт", "Энский район"),
        ("Выставка", "город Курск"),
    ]


DISTRICT_TITLE = (
    "Информация о международных мероприятиях Энского муниципального района за II квартал 2024 года"
)


def test_a_districts_own_report_headed_by_its_settlements_is_the_districts() -> None:
    """The district sends its own report and groups its events under its settlements («Таманское
    сельское поселение», «Изборская волость», the town it is named after): the rows are the
    district's, the municipality the region expects; the headings are kept as settlements."""
    report = _report(
        _table(
            [
                _row("Энское городское поселение", None, None, None, None, None),
                _row("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты"),
                _row("Сельское поселение «Заречная волость»", None, None, None, None, None),
                _row("2", "Выставка", "д. Заречье", "20.05.2024", "Открыта", "Мастера"),
                _row("Город Энск", None, None, None, None, None),
                _row("3", "Ярмарка", "г. Энск", "22.05.2024", "Проведена", "Мастера"),
            ]
        ),
        title=DISTRICT_TITLE,
    )
    assert [r.municipality for r in report.rows] == ["Энский район"] * 3
    kinds = [(s.kind, s.value) for s in report.reading.sections if s.kind != "municipality"]
    assert kinds == [
        ("settlement", "Энское городское поселение"),
        ("settlement", "Заречная волость"),
        ("settlement", "город Энск"),
    ]


def test_in_a_regions_report_settlements_under_a_districts_heading_are_the_districts() -> None:
    """A region's report grouping a district's events by its settlements, their headings right under
    the district's («Энский район» / «Заречное сельское поселение» / «… наслег», «Городское поселение
    «Рабочий поселок …»»): the rows are the district's, each keeping its settlement's heading as
    written; a settlement's heading under a city's (no district above) stays its own."""
    report = _report(
        _table(
            [
                HEADING,
                _row("Заречное сельское поселение", None, None, None, None, None),
                _row("1", "Концерт", "с. Заречье", "12.05.2024", "Проведён", "Артисты"),
                _row("Кедровый наслег", None, None, None, None, None),
                _row("2", "Выставка", "с. Кедровое", "20.05.2024", "Открыта", "Мастера"),
                _row("Городское поселение «Рабочий поселок Лесной»", None, None, None, None, None),
                _row("3", "Ярмарка", "рп Лесной", "21.05.2024", "Проведена", "Мастера"),
                _row("Город Северогорск", None, None, None, None, None),
                _row("4", "Форум", "г. Северогорск", "22.05.2024", "Проведён", "Гости"),
                _row("Озёрное сельское поселение", None, None, None, None, None),
                _row("5", "Слёт", "с. Озёрное", "23.05.2024", "Проведён", "Гости"),
            ]
        )
    )
    assert [(r.municipality, r.municipality_raw) for r in report.rows] == [
        ("Энский район", "Заречное сельское поселение"),
        ("Энский район", "Кедровый наслег"),
        ("Энский район", "Городское поселение «Рабочий поселок Лесной»"),
        ("город Северогорск", "Город Северогорск"),
        ("Озёрное сельское поселение", "Озёрное сельское поселение"),
    ]
    kinds = [s.kind for s in report.reading.sections]
    assert kinds == ["municipality", "settlement", "settlement", "settlement", "municipality", "municipality"]


def test_in_a_regions_report_a_town_beside_the_district_named_after_it_is_its_own() -> None:
    """In a region's report «город Энск» after «Энский район» is the city's own municipality (a
    city district beside the district named after it), not a settlement of the district."""
    report = _report(
        _table(
            [
                HEADING,
                _row("1", "Концерт", "с. Н", "12.05.2024", "Проведён", "Артисты"),
                _row("Город Энск", None, None, None, None, None),
                _row("2", "Выставка", "г. Энск", "20.05.2024", "Открыта", "Мастера"),
            ]
        )
    )
    assert [r.municipality for r in report.rows] == ["Энский район", "город Энск"]


def test_an_event_held_again_elsewhere_under_its_merged_no_and_title_is_a_row_of_its_own() -> None:
    """№ and title merged down over two rows, each with its own place and whole date: the event
    held twice, two rows of one title under one № (counted once); not one event from the first
    date to the last."""
    report = _events(
        _row("1", "Праздник «Кедровая ярмарка»", "с. Липовка", "7 июля 2024 г.", "Обмен опытом", "120"),
        _row(None, None, "с. Берёзовка", "23 июля 2024 г.", None, "80", above=frozenset({0, 1, 4})),
        _row("2", "Выставка", "с. Липовка", "30.07.2024", "Открыта", "Мастера"),
    )
    got = [(r.seq_no, r.title, r.place, r.start_date, r.end_date, r.goal) for r in report.rows]
    assert got == [
        (1, "Праздник «Кедровая ярмарка»", "с. Липовка", date(2024, 7, 7), date(2024, 7, 7), "Обмен опытом"),
        (
            1,
            "Праздник «Кедровая ярмарка»",
            "с. Берёзовка",
            date(2024, 7, 23),
            date(2024, 7, 23),
            "Обмен опытом",
        ),
        (2, "Выставка", "с. Липовка", date(2024, 7, 30), date(2024, 7, 30), "Открыта"),
    ]
    assert [f for f in check_report(report) if f.rule == "numbering"] == []


@pytest.mark.parametrize(
    ("place", "date_text", "reason"),
    [
        (None, "23 июля 2024 г.", "no place of its own: more days of the one holding"),
        ("с. Берёзовка", "", "no date of its own: more of the place"),
        ("с. Берёзовка", "9 июля 2024 г.", "the date above left its range open"),
        ("с. Берёзовка", "8 июля 2024 г.", "the next day: a visit's second day at another place"),
    ],
)
def test_a_row_under_a_merged_no_and_title_without_a_holding_of_its_own_carries_it_on(
    place: str | None, date_text: str, reason: str
) -> None:
    above_date = "7 –" if reason.startswith("the date above") else "7 июля 2024 г."
    report = _events(
        _row("1", "Праздник «Кедровая ярмарка»", "с. Липовка", above_date, "Обмен опытом", "120"),
        _row(None, None, place, date_text, None, "80", above=frozenset({0, 1, 4})),
    )
    assert len(report.rows) == 1, reason


def test_a_table_skipped_though_its_rows_read_like_events_is_said_on_the_report() -> None:
    """The events table's municipality tables read on: the next one read with a column fewer (its
    № column lost to a scan's broken rule) is not as wide, no header, and skipped; its rows hold
    dates (one run into the next column's text) and text in most cells, so the report's note names
    it. A table of totals (no date) and a signature's table (a date, two cells) are no such table."""
    wide = _table([HEADING, _row("1", "Концерт", "г. Энск", "12.05.2024", "Проведён", "Артисты")])
    lost = RawTable(
        ("Ярмарка ремёсел", "с. Заречное", "14.05.2024-16.05.2024", "Продажи", "20 мастеров"),
        (RawRow(("Форум", "г. Белозорск", "20.06.2024 – 30 делегатов", "Соглашение", ""), "table 2, row 2"),),
        "table 2",
        "Белозорский район",
    )
    counts = (RawRow(("Энский", "2", "40"), "table 3, row 2"),)
    totals = RawTable(("Район", "Мероприятий", "Участников"), counts, "table 3")
    signed = RawTable(("Глава района", "20.07.2024"), (), "table 4")
    report = _report(wide, lost, totals, signed)
    assert [r.title for r in report.rows] == ["Концерт"]
    (note,) = [n for n in report.reading.notes if "skipped though" in n]
    assert "table 2 under «Белозорский район» (2 rows)" in note
    assert "table 3" not in note and "table 4" not in note


def test_a_municipalitys_table_goes_on_with_one_numbering_its_rows_under_no_header() -> None:
    """A scan whose header was lost (read as the title's last line) and whose first row's number was
    misread: the first table's columns are typed by their cells, its № column not among them, yet
    most of its rows are numbered there. The next
    municipality's table, as wide, opening with a numbered row, goes on with it, as it would under
    a № column's header."""
    events = [
        ("Международный фестиваль «Дружба народов»", "г. Энск", "12.05.2024", "20 артистов"),
        ("Визит делегации г. Гомеля (Беларусь)", "г. Энск", "14.05.2024", "30 человек"),
        ("Дни культуры Республики Казахстан", "с. Заречье", "18.05.2024", "Около 300 человек"),
        ("Турнир по боксу «Кубок Энска»", "г. Энск", "с 22.05.2024 по 24.05.2024", "120 боксёров"),
        ("Онлайн-встреча с г. Шымкентом (Казахстан)", "онлайн", "30.05.2024", "15 участников"),
    ]
    rows = [(f"{n}." if n > 1 else "= я", *cells) for n, cells in enumerate(events, start=1)]  # «1.» misread
    first = RawTable(
        rows[0],
        tuple(RawRow(cells, f"table 1, row {n}") for n, cells in enumerate(rows[1:], start=2)),
        "table 1",
        "Энский район",
    )
    going_on = RawTable(
        ("6.", "Международная конференция «Граница»", "г. Белозорск", "20.06.2024", "70 участников"),
        (RawRow(("7.", "Новогодняя ёлка", "г. Белозорск", "22.06.2024", "40 детей"), "table 2, row 2"),),
        "table 2",
        "Белозорский район",
    )
    report = _report(first, going_on)
    assert len(report.rows) == 7
    assert [r.municipality for r in report.rows][-2:] == ["Белозорский район"] * 2


def test_a_plan_alone_is_refused_saying_what_to_send_not_which_header_to_add() -> None:
    planned = _table(
        [_row("1", "Форум", "г. Энск", "15.09.2024", "", "")],
        caption="План мероприятий на III квартал 2024 г.",
    )
    with pytest.raises(InterpretError) as refused:
        _report(planned)
    message = str(refused.value)
    assert "not held" in message and "send the report of them" in message
    assert "headerSynonyms" not in message


def test_a_months_report_is_loaded_under_its_quarter_adding_to_its_report() -> None:
    title = "Отчёт о международных мероприятиях муниципальных образований Энской области за май 2024 года"
    report = _report(_table([HEADING, _row("1", "Концерт", "г. Энск", "12.05.2024", "", "")]), title=title)
    assert report.period == Period(2024, 2)
    assert report.adds_to_report
    assert report.reading is not None
    assert any("part of 2024Q2" in note for note in report.reading.notes)


def test_the_period_typed_as_the_tables_first_row_is_the_reports() -> None:
    title = "Информация о международных мероприятиях муниципальных образований Энской области"
    table = _table(
        [
            _row("за III квартал 2024 года", None, None, None, None, None),
            HEADING,
            _row("1", "Концерт", "г. Энск", "12.08.2024", "", ""),
        ]
    )
    report = _report(table, title=title)
    assert report.period == Period(2024, 3)
    assert [(r.municipality, r.title) for r in report.rows] == [("Энский район", "Концерт")]
    assert report.reading is not None and report.reading.period_from == "table's first row"


def test_an_addendum_says_so_in_its_note() -> None:
    title = "Дополнение к отчёту Администрации Энского района о мероприятиях за II квартал 2024 года"
    report = _report(_table([HEADING, _row("1", "Концерт", "г. Энск", "12.05.2024", "", "")]), title=title)
    assert report.adds_to_report
    assert report.reading is not None
    assert any(note.startswith("an addendum («Дополнение к отчёту") for note in report.reading.notes)
