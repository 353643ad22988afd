"""Interpretation fixes found by scoring the generated layout corpus; one table-driven case each,
with its reason. Wordings are invented here, not taken from the generator's held-out pool."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from muniflow.contracts import header_synonyms
from muniflow.interpret import interpret_document
from muniflow.interpret.assignment import assign
from muniflow.interpret.columns import map_columns
from muniflow.interpret.combined import split_date_place
from muniflow.interpret.period import QUARTER, YEAR, find_period
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о мероприятиях муниципальных образований Смоленской области во II квартале 2024 года"


def _table(rows, locator="table 1", caption=""):
    header, *body = rows
    raw = tuple(RawRow(tuple(cells), f"{locator}, row {i + 2}") for i, cells in enumerate(body))
    return RawTable(tuple(c or "" for c in header), raw, locator, caption)


def _read(*tables, title=TITLE):
    return interpret_document(RawDocument("x.docx", "docx", title, tuple(tables)), header_synonyms())


def _columns(header):
    matches, _ = map_columns(header, header_synonyms())
    return {m.header: m.column for m in matches}


@pytest.mark.parametrize(
    ("header", "expected", "reason"),
    [
        (
            ("№", "Название проекта (мероприятия)", "Место", "Дата", "Содержание проведённого мероприятия"),
            {"Название проекта (мероприятия)": "title", "Содержание проведённого мероприятия": "goal"},
            "«мероприятия» in the goal's cell is a dependent word: the goal cell must not take the title"
            " from the cell that names nothing else",
        ),
        (
            ("Номер мероприятия", "Проводимые мероприятия", "Место", "Дата"),
            {"Номер мероприятия": "seq_no", "Проводимые мероприятия": "title"},
            "a № cell that mentions the event is the №, the events column is the title",
        ),
        (
            ("№", "Мероприятие", "Место", "Дата", "Цель мероприятия"),
            {"Мероприятие": "title", "Цель мероприятия": "goal"},
            "a stronger match still wins where both cells could name the column",
        ),
        (
            ("№", "Место", "Дата открытия мероприятия", "Дата закрытия", "Мероприятие"),
            {"Дата открытия мероприятия": "date_text", "Дата закрытия": "date_text", "Мероприятие": "title"},
            "start and end date cells both feed the dates: the first does not take the title by its"
            " dependent «мероприятия» to leave the second a column",
        ),
        (
            ("№", "Наименование мероприятия", "Вид мероприятия", "Место", "Дата"),
            {"Наименование мероприятия": "title"},
            "two cells naming only the title: the better one gets it, the other stays unmapped",
        ),
        (
            ("№", "Мероприятие", "Дата", "Населённый пункт", "Кто принимал участие"),
            {"Населённый пункт": "place", "Кто принимал участие": "participants"},
            "a place named as a settlement; participants as who took part (any tense of the verb)",
        ),
        (
            ("№", "Тема мероприятия", "Дата", "Страна / город", "Итоги"),
            {"Страна / город": "place"},
            "a place named by its country and town",
        ),
        (
            ("№", "МО", "Мероприятие", "МП", "ДП"),
            {"МО": "municipality", "МП": "place", "ДП": "date_text"},
            "a header written as the initials of a synonym of two or more words stands for it",
        ),
        (
            ("№", "Событие", "Место", "Период", "Итоги", "Иностранные партнёры"),
            {"Событие": "title", "Период": "date_text", "Иностранные партнёры": "participants"},
            "an event as an «event», the dates as a period, participants as partners",
        ),
    ],
)
def test_columns_are_assigned_jointly_over_the_header(header, expected, reason):
    got = _columns(header)
    for cell, column in expected.items():
        assert got.get(cell) == column, reason
    assert list(got.values()).count("title") == 1, reason


@pytest.mark.parametrize(
    ("header", "expected", "reason"),
    [
        (
            ("№ мероприятия", "Что", "Место", "Результаты мероприятия", "Дата"),
            {"№ мероприятия": "seq_no", "Результаты мероприятия": "goal"},
            "the title's own header names nothing: «мероприятия» after a head noun says whose",
        ),
        (
            ("№", "Наименование муниципалитета", "Акция", "Сроки, место", "Цель"),
            {"Наименование муниципалитета": "municipality", "Сроки, место": "place"},
            "a generic head («Наименование») is headed by what follows; after a comma no word depends",
        ),
    ],
)
def test_a_word_depending_on_a_head_noun_names_no_column_of_its_own(header, expected, reason):
    got = _columns(header)
    for cell, column in expected.items():
        assert got.get(cell) == column, reason
    assert "title" not in got.values(), reason


def test_only_capitals_spelling_one_columns_initials_stand_for_a_synonym():
    synonyms = {
        "place": ["место проведения"],
        "participants": ["участники делегации"],
        "title": ["мероприятие"],
    }
    assert _columns_of(("Мп", "мероприятие"), synonyms) == {"мероприятие": "title"}, "not in capitals"
    assert _columns_of(("МП", "мероприятие"), synonyms) == {"МП": "place", "мероприятие": "title"}
    synonyms["participants"] = ["место пребывания"]
    assert _columns_of(("МП", "мероприятие"), synonyms) == {"мероприятие": "title"}, (
        "initials two columns' synonyms share stand for neither"
    )


def _columns_of(header, synonyms):
    matches, _ = map_columns(header, synonyms)
    return {m.header: m.column for m in matches}


def test_a_report_whose_goal_header_mentions_the_event_keeps_its_titles():
    header = ("№", "Результаты проведения мероприятия", "Название проекта (мероприятия)", "Место", "Дата")
    row = ("1", "Подписано соглашение", "Фестиваль «Дружба»", "г. Энск", "6 апреля 2024 года")
    (event,) = _read(_table([header, row])).rows
    assert (event.title, event.goal) == ("Фестиваль «Дружба»", "Подписано соглашение")


@dataclass(frozen=True)
class _Cand:
    column: str
    weight: float
    score: float = 1.0


@pytest.mark.parametrize(
    ("per_cell", "taken", "expected", "reason"),
    [
        (
            {0: [_Cand("title", 11), _Cand("goal", 9)], 1: [_Cand("title", 8)]},
            frozenset(),
            {0: "goal", 1: "title"},
            "17 letters matched jointly beat 11 taken greedily",
        ),
        (
            {0: [_Cand("title", 20), _Cand("goal", 9)], 1: [_Cand("title", 8)]},
            frozenset(),
            {0: "title"},
            "a much stronger match keeps its column",
        ),
        (
            {0: [_Cand("title", 8)], 1: [_Cand("title", 8)]},
            frozenset(),
            {0: "title"},
            "a tie goes to the earlier cell",
        ),
        (
            {
                0: [_Cand("title", 11), _Cand("date_text", 4)],
                1: [_Cand("date_text", 4)],
                2: [_Cand("title", 11)],
            },
            frozenset(),
            {0: "date_text", 1: "date_text", 2: "title"},
            "a shared column (dates) goes to several cells",
        ),
        (
            {0: [_Cand("place", 5), _Cand("title", 3)]},
            frozenset({"place"}),
            {0: "title"},
            "a column already taken (by a combined cell) is not given again",
        ),
    ],
)
def test_assignment(per_cell, taken, expected, reason):
    got = {i: c.column for i, c in assign(per_cell, taken, frozenset({"date_text"})).items()}
    assert got == expected, reason


def test_date_sub_columns_naming_nothing_of_their_own_stay_one_column():
    # «…: с» / «…: по» name only their group: the second joins the first, it does not take the
    # title from the events column after it by the group's word «мероприятия».
    header = ("№", "Место", "Сроки мероприятия", "", "Проводимые мероприятия")
    sub = (None, None, "с", "по", None)
    row = ("1", "г. Энск", "10.04.2024", "12.04.2024", "Форум")
    (event,) = _read(_table([header, sub, row])).rows
    assert (event.title, event.start_date.isoformat(), event.end_date.isoformat()) == (
        "Форум",
        "2024-04-10",
        "2024-04-12",
    )


HEAD = ("#", "ОМСУ", "Наименование мероприятия", "Место", "Дата")


@pytest.mark.parametrize(
    ("rows", "seq", "munis", "reason"),
    [
        (
            [
                ("1", "Энский район", "Концерт", "г. Энск", "6 апреля 2024"),
                ("2", "Энский район", "Форум", "г. Энск", "7 апреля 2024"),
                ("3", "город Зетск", "Выставка", "г. Зетск", "8 апреля 2024"),
            ],
            [1, 2, 3],
            ["Энский район", "Энский район", "город Зетск"],
            "an unknown № mark and an unknown municipality abbreviation: both columns typed by their cells",
        ),
        (
            [
                ("1.", "Энский район", "Концерт", "г. Энск", "6 апреля 2024"),
                ("2.", None, "Форум", "г. Энск", "7 апреля 2024"),
                ("1.", "город Зетск", "Выставка", "г. Зетск", "8 апреля 2024"),
            ],
            [1, 2, 1],
            ["Энский район", "Энский район", "город Зетск"],
            "a № run restarting in each municipality; a merged municipality cell over its rows",
        ),
        (
            [
                ("5", "Энский район", "Концерт", "г. Энск", "6 апреля 2024"),
                ("3", "город Зетск", "Форум", "г. Энск", "7 апреля 2024"),
            ],
            [None, None],
            ["", ""],
            "numbers that do not run are not a №; names that do not repeat do not group the rows",
        ),
        (
            [
                ("3", "Энский район", "Концерт", "г. Энск", "6 апреля 2024"),
                ("12", "Энский район", "Форум", "г. Энск", "7 апреля 2024"),
                ("40", "Энский район", "Выставка", "г. Энск", "8 апреля 2024"),
            ],
            [None, None, None],
            ["Энский район"] * 3,
            "ascending counts (3, 12, 40) are not a № run",
        ),
        (
            [
                ("1", "Депутаты районного Собрания, 12 человек", "Концерт", "г. Энск", "6 апреля 2024"),
                ("2", "Депутаты районного Собрания, 12 человек", "Форум", "г. Энск", "7 апреля 2024"),
            ],
            [1, 2],
            ["", ""],
            "a list with a count is not a municipality's name",
        ),
        (
            [
                ("1", "Администрация Энскогорайона", "Концерт", "г. Энск", "6 апреля 2024"),
                ("2", "Администрация Энскогорайона", "Форум", "г. Энск", "7 апреля 2024"),
                ("3", "Администрация Зетскогорайона", "Выставка", "г. Зетск", "8 апреля 2024"),
                ("4", "Администрация Зетского района", "Семинар", "г. Зетск", "9 апреля 2024"),
            ],
            [1, 2, 3, 4],
            ["Энский район", "Энский район", "Зетский район", "Зетский район"],
            "names a PDF line join ran into their kind («Энскогорайона») still read as names",
        ),
    ],
)
def test_unnamed_seq_and_municipality_columns_typed_by_content(rows, seq, munis, reason):
    doc = _read(_table([HEAD, *rows]))
    assert [r.seq_no for r in doc.rows] == seq, reason
    assert [r.municipality for r in doc.rows] == munis, reason


@pytest.mark.parametrize(
    ("title", "kind", "reason"),
    [
        (
            "Сведения о мероприятиях, проведённых в течение 2024 года",
            YEAR,
            "a year with no quarter: a year report",
        ),
        ("Отчёт о мероприятиях 2024 года", YEAR, "the year alone after the subject"),
        ("Отчёт о мероприятиях, составлен 5 октября 2025 года", "", "a date's year is not the period"),
        ("Отчёт по состоянию на 01.10.2025 года", "", "a numeric date's year is not the period"),
        ("Отчёт о мероприятиях, проведённых в 2024 года квартале", "", "a quarter without its number"),
        ("Отчёт о мероприятиях за 3 квартал 2024 года", QUARTER, "a quarter still wins"),
    ],
)
def test_a_title_naming_only_a_year(title, kind, reason):
    assert find_period(title).kind == kind, reason


@pytest.mark.parametrize(
    ("caption", "reason"),
    [
        ("г.Зетск", "«г.» run into the town's name, no space"),
        ("г. Зетск", "«г.» and the name apart"),
    ],
)
def test_a_town_caption_between_tables_starts_its_section(caption, reason):
    header = ("№", "Наименование мероприятия", "Место", "Дата")
    first = _table([header, ("1", "Концерт", "г. Энск", "6 апреля 2024")], "table 1", "Энский район")
    second = _table([header, ("1", "Форум", "г. Зетск", "7 апреля 2024")], "table 2", caption)
    doc = _read(first, second)
    assert [r.municipality_raw for r in doc.rows] == ["Энский район", caption], reason


@pytest.mark.parametrize(
    ("cell", "date", "place", "reason"),
    [
        (
            "12.05.2024 –15.05.2024, пгт Сосновый Бор",
            "12.05.2024 –15.05.2024",
            "пгт Сосновый Бор",
            "a PDF drops the space after the dash: «–15.05.2024» is still a date word",
        ),
        (
            "с. Ольховка, школа № 2, 01.08.2024 –04.08.2024",
            "01.08.2024 –04.08.2024",
            "с. Ольховка, школа № 2",
            "the same at the end of the cell",
        ),
        ("Дом культуры\n10.04.2024–12.04.2024", "10.04.2024–12.04.2024", "Дом культуры", "no spaces at all"),
        (
            "14 июня 2024 г., Ярославово Дворище",
            "14 июня 2024 г.",
            "Ярославово Дворище",
            "a comma after «г.» ends the year: no town «г. Ярославово»",
        ),
        ("14 июня 2024 г. Смоленск", "14 июня 2024", "г. Смоленск", "without a comma «г.» names the town"),
        (
            "г. Энск, администрация округа, 11.03.2024, 11:00",
            "11.03.2024, 11:00",
            "г. Энск, администрация округа",
            "a time after the date closing the cell stays with the date",
        ),
        ("г. Энск, 11.03.2024 в 11:00", "11.03.2024 в 11:00", "г. Энск", "«в» before the time"),
        ("11.03.2024, 11:00, г. Энск", "11.03.2024, 11:00", "г. Энск", "a time after the opening date"),
    ],
)
def test_a_dash_run_into_a_date_is_split_from_the_place(cell, date, place, reason):
    assert split_date_place(cell, None) == (date, place), reason


@pytest.mark.parametrize(
    ("header", "rows", "dates", "reason"),
    [
        (
            ("№", "Наименование мероприятия", "Время", "Место"),
            [
                ("В апреле", None, None, None),
                ("1", "Концерт", "3–4", "г. Энск"),
                ("2", "Форум", "14", "г. Энск"),
            ],
            [("2024-04-03", "2024-04-04"), ("2024-04-14", "2024-04-14")],
            "day-only cells under a month heading type the date column by content",
        ),
        (
            ("#", "Наименование мероприятия", "Время", "Место", "Цель"),
            [
                ("В апреле", None, None, None, None),
                ("1", "Концерт", "3–4", "г. Энск", "Дружба"),
                ("2", "Форум", "14", "г. Энск", "Дружба"),
            ],
            [("2024-04-03", "2024-04-04"), ("2024-04-14", "2024-04-14")],
            "a № run (1, 2) would read as days too: it is the №, not the date column",
        ),
    ],
)
def test_day_only_date_column_typed_by_content(header, rows, dates, reason):
    doc = _read(_table([header, *rows]))
    got = [(r.start_date.isoformat(), r.end_date.isoformat()) for r in doc.rows]
    assert got == dates, reason
    assert [r.seq_no for r in doc.rows] == [1, 2], reason


def test_a_repeated_list_of_delegations_is_not_a_municipality_column():
    # «городов-побратимов» holds «город» in a plural: the column is not typed as municipalities.
    rows = [
        ("1", "Делегации городов-побратимов", "Концерт", "г. Энск", "6 апреля 2024"),
        ("2", "Делегации городов-побратимов", "Форум", "г. Энск", "7 апреля 2024"),
    ]
    doc = _read(_table([HEAD, *rows]))
    assert [r.municipality for r in doc.rows] == ["", ""]


def test_a_row_holding_only_cells_merged_down_into_it_is_no_event():
    """What a page end leaves of a row whose merged cells go on (a browser splits rows so): only
    cells merged down from the row above, nothing of its own."""
    header = RawRow(("№", "Муниципальное образование", "Мероприятие", "Место", "Дата"), "row 1")
    body = (
        RawRow(("1", "Энский район", "Выставка «Дружба»", "г. Энск", "6 апреля 2024 года"), "row 2"),
        RawRow((None, None, None, None, ""), "row 3", from_above=frozenset({0, 1, 2, 3})),
        RawRow(("2", None, "Концерт «Мост»", "с. Ключи", "8 апреля 2024 года"), "row 4", frozenset({1})),
    )
    table = RawTable(header.cells, body, "table 1", "")
    assert [(e.seq_no, e.municipality, e.title) for e in _read(table).rows] == [
        (1, "Энский район", "Выставка «Дружба»"),
        (2, "Энский район", "Концерт «Мост»"),
    ]


def test_a_table_split_after_its_header_goes_on_though_a_row_names_header_words():
    """An office split the table after its header; an event row of the second part holds words a
    header holds (an event «мероприятие», «участники», a district), but also a date: no header."""
    header = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Цель", "Участники")
    first = RawTable(header, (), "table 1", "")
    rows = (
        ("Энский район", None, None, None, None, None),
        (
            "1.",
            "Участие в торжественных мероприятиях района",
            "г. Энск, администрация муниципального района",
            "2-3 апреля 2024 года",
            "Участники мероприятия обменялись опытом",
            "Участники делегации района",
        ),
        ("2.", "Концерт «Мост»", "с. Ключи", "8 апреля 2024 года", "Дружба", "Хор района"),
    )
    second = RawTable(
        rows[0], tuple(RawRow(r, f"table 2, row {i + 2}") for i, r in enumerate(rows[1:])), "table 2", ""
    )
    read = _read(first, second)
    assert [(e.seq_no, e.municipality, e.start_date.day) for e in read.rows] == [
        (1, "Энский район", 2),
        (2, "Энский район", 8),
    ]


def test_a_period_named_only_above_a_contents_table_dates_day_only_cells():
    """No title before the first table; the period stands in the caption of a contents table, and
    the events table's day-only dates need it to be read as dates at all."""
    contents = _table([("№", "Раздел", "Страница"), ("1", "Перечень мероприятий", "2")], "table 1")
    contents = RawTable(
        contents.header, contents.rows, "table 1", "Сведения о мероприятиях во II квартале 2024 года"
    )
    events = _table(
        [
            ("№", "Наименование мероприятия", "Время", "Место", "Цель"),
            ("В апреле", None, None, None, None),
            ("1", "Концерт", "3–4", "г. Энск", "Дружба"),
            ("2", "Форум", "14", "г. Энск", "Дружба"),
        ],
        "table 2",
    )
    read = _read(contents, events, title="")
    assert read.period is not None and (read.period.year, read.period.quarter) == (2024, 2)
    assert [(str(e.start_date), str(e.end_date)) for e in read.rows] == [
        ("2024-04-03", "2024-04-04"),
        ("2024-04-14", "2024-04-14"),
    ]


def test_a_row_a_page_end_cut_goes_on_in_the_next_tables_first_row():
    """A page's end cut an event's title; the next page's table, with no header of its own, opens
    with the title's rest (no №, lower case): the event goes on there, it is no row of its own."""
    header = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения")
    first = _table(
        [
            header,
            ("1", "Концерт", "г. Энск", "6 апреля 2024"),
            ("2", "Участие ансамбля «Ноты» в", "г. Энск", "7 апреля 2024"),
        ],
        "page 1",
        "Энский район",
    )
    second = RawTable(
        ("", "международном конкурсе в г. Гомеле", "", ""),
        (RawRow(("3", "Форум «Дружба»", "г. Энск", "8 апреля 2024"), "page 2, row 2"),),
        "page 2",
        "",
    )
    doc = _read(first, second)
    assert [r.title for r in doc.rows] == [
        "Концерт",
        "Участие ансамбля «Ноты» в международном конкурсе в г. Гомеле",
        "Форум «Дружба»",
    ]


_BASE_HEADER = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Участники")
_BASE_ROWS = (
    ("1", "Концерт", "г. Энск", "6 апреля 2024", "120 чел."),
    ("2", "Форум", "г. Энск", "7 апреля 2024", "45 чел."),
    ("3", "Выставка", "г. Энск", "8 апреля 2024", "30 чел."),
)


def _with_extra_column(header: str, cells: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """Three ordinary events of one municipality with one more column, `header`, holding `cells`."""
    rows = [(*row, cell) for row, cell in zip(_BASE_ROWS, cells, strict=True)]
    return _read(_table([(*_BASE_HEADER, header), *rows], "table 1", "Энский район"))


def test_a_column_naming_the_guests_countries_is_kept_with_the_participants():
    """A column no field is named for whose cells name countries («Иностранное государство») is
    more of the participants: its text is kept and the partner countries are read from it."""
    doc = _with_extra_column("Иностранное государство", ("Республика Беларусь", "Китай, Монголия", "Сербия"))
    assert [r.participants for r in doc.rows] == [
        "Участники: 120 чел.; Иностранное государство: Республика Беларусь",
        "Участники: 45 чел.; Иностранное государство: Китай, Монголия",
        "Участники: 30 чел.; Иностранное государство: Сербия",
    ]


def test_a_column_of_responsible_people_is_no_goal():
    """A column of who is responsible («Смирнова Е.В., начальник управления культуры») is long text
    no header names, but no goal: what was done is not in it."""
    people = (
        "Смирнова Е.В., начальник управления культуры",
        "Петров П.П., заместитель главы администрации",
        "Иванова А.А., директор районного музея",
    )
    doc = _with_extra_column("Ответственный", people)
    assert [r.goal for r in doc.rows] == ["", "", ""]


@pytest.mark.parametrize(
    "events_header",
    ["Мероприятия Ольшанского муниципального округа", "Мероприятия муниципального образования"],
)
def test_a_municipality_after_the_events_head_noun_says_whose_events(events_header):
    """«Мероприятия … муниципального округа»: the head noun names the column (the events); the
    municipality after it says whose, and is no column of municipalities."""
    got = _columns(("№", events_header, "Место проведения", "Дата проведения"))
    assert got.get(events_header) == "title"
    assert "municipality" not in got.values()
