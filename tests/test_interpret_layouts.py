"""One named fixture per layout axis of issue 13, built as RawDocuments (pure interpretation)."""

from __future__ import annotations

from datetime import date

import pytest

from muniflow.contracts import header_synonyms
from muniflow.interpret import InterpretError, interpret_document
from muniflow.interpret.reading import COMBINED, CONTENT, FUZZY, LEMMA
from muniflow.model import Period, RawDocument, RawRow, RawTable

TITLE = "Информация о мероприятиях муниципальных образований Смоленской области во II квартале 2024 года"


def _table(rows, locator="table 1", caption=""):
    header, *body = rows
    raw = tuple(RawRow(tuple(cells), f"{locator}, row {i + 2}") for i, cells in enumerate(body))
    return RawTable(tuple(c or "" for c in header), raw, locator, caption)


def _read(*tables, title=TITLE):
    return interpret_document(RawDocument("x.docx", "docx", title, tuple(tables)), header_synonyms())


EVENT = ("1", "Концерт", "г. Энск", "6 апреля 2024 года", "Дружба", "50 человек")
FLAT = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Цель", "Участники")


def test_title_row_spanning_the_table_is_skipped():
    doc = _read(_table([("Мероприятия 2024 года", None, None, None, None, None), FLAT, EVENT]))
    assert [r.title for r in doc.rows] == ["Концерт"]
    assert doc.reading is not None and doc.reading.tables[0].header_rows == (2,)


def test_empty_and_column_number_rows_above_the_header_are_skipped():
    doc = _read(_table([("", "", "", "", "", ""), ("1", "2", "3", "4", "5", "6"), FLAT, EVENT]))
    assert [r.place for r in doc.rows] == ["г. Энск"]


def test_two_level_header_is_flattened_and_its_sub_columns_joined():
    header = ("№", "Мероприятие", "Место", "Период проведения", "", "Участники", "")
    sub = (None, None, None, "с", "по", "российская сторона", "иностранная сторона")
    row = ("1", "Форум", "г. Энск", "10.04.2024", "12.04.2024", "20 человек", "5 человек из Беларуси")
    doc = _read(_table([header, sub, row]))
    (event,) = doc.rows
    assert (event.start_date.isoformat(), event.end_date.isoformat()) == ("2024-04-10", "2024-04-12")
    assert event.participants == "российская сторона: 20 человек; иностранная сторона: 5 человек из Беларуси"
    assert "Период проведения: с" in doc.reading.tables[0].header


@pytest.mark.parametrize(
    ("title_header", "date_header", "evidence", "reason"),
    [
        ("Мероприятия", "Срок", LEMMA, "plural and singular forms of the synonyms"),
        ("Мероприятие (наименование)", "Даты", None, "a bracketed gloss"),
        ("Наименвание мероприятия", "Сроки проведения", FUZZY, "a typo in one word"),
        ("Мероприятия наименование", "Проведения сроки", LEMMA, "words in another order"),
    ],
)
def test_header_wordings_outside_the_exact_synonyms(title_header, date_header, evidence, reason):
    doc = _read(
        _table([("№", title_header, "Место", date_header), ("1", "Концерт", "г. Энск", "6 апреля 2024")])
    )
    assert [r.title for r in doc.rows] == ["Концерт"], reason
    title_match = next(m for m in doc.reading.tables[0].columns if m.column == "title")
    assert evidence is None or title_match.evidence == evidence, reason


@pytest.mark.parametrize(
    ("header", "cell", "date", "place", "reason"),
    [
        (
            "Место и сроки проведения",
            "г. Энск, 6 апреля 2024 г.",
            "2024-04-06",
            "г. Энск",
            "date after the place",
        ),
        ("Время и место", "6-7 апреля 2024 года, ДК «Юность»", "2024-04-06", "ДК «Юность»", "date first"),
        ("Дата и место проведения", "Дом культуры\n10.04.2024", "2024-04-10", "Дом культуры", "another line"),
        (
            "Время и место",
            "с. Н, школа № 2, 8–9 апреля 2024 г.",
            "2024-04-08",
            "с. Н, школа № 2",
            "№ 2 is no day",
        ),
        ("Время и место", "8 апреля\n2024 года\nДом культуры", "2024-04-08", "Дом культуры", "date wrapped"),
    ],
)
def test_combined_date_and_place_column_is_split(header, cell, date, place, reason):
    doc = _read(_table([("№", "Мероприятие", header), ("1", "Концерт", cell)]))
    (event,) = doc.rows
    assert (event.start_date.isoformat(), event.place) == (date, place), reason
    assert {m.evidence for m in doc.reading.tables[0].columns if m.column in ("place", "date_text")} == {
        COMBINED
    }


def test_date_column_without_a_known_header_is_typed_by_content():
    rows = [("№", "Наименование мероприятия", "Место проведения", "Число", "Участники")]
    rows += [(str(i), f"Событие {i}", "г. Энск", f"{i} апреля 2024", "все") for i in range(1, 5)]
    doc = _read(_table(rows))
    assert [r.start_date.day for r in doc.rows] == [1, 2, 3, 4]
    inferred = [m for m in doc.reading.tables[0].columns if m.evidence == CONTENT]
    assert [m.column for m in inferred] == ["date_text"]


PLACES = ["г. Энск", "онлайн", "Республика Беларусь, г. Минск", "д. Н, клуб"]
PARTNERS = [
    "Делегация Республики Беларусь (12 человек)",
    "Представители городов-побратимов из Сербии и Армении",
    "Учащиеся школ района и их сверстники из г. Минска",
    "Творческие коллективы района, 30 чел.",
]
GOALS = [
    "Укрепление дружбы с городами Беларуси, обмен опытом работы учреждений культуры",
    "Подписано соглашение о сотрудничестве в сфере образования",
    "Обсуждены совместные проекты в сфере туризма на следующий год",
    "Развитие культурных связей, участники посетили музеи района",
]


def _unknown_headers(place: str, partners: str, goal: str):
    rows = [("№", "Наименование мероприятия", place, "Сроки проведения", partners, goal)]
    rows += [
        (str(i), f"Событие {i}", p, f"{i} апреля 2024", who, why)
        for i, (p, who, why) in enumerate(zip(PLACES, PARTNERS, GOALS, strict=True), 1)
    ]
    return _read(_table(rows))


@pytest.mark.parametrize(
    ("headers", "typed"),
    [
        (("Пункт", "Участники", "Цель"), [("place", 2)]),
        (("Пункт", "Сторона", "Цель"), [("place", 2), ("participants", 4)]),
        (("Пункт", "Сторона", "Пояснение"), [("place", 2), ("participants", 4), ("goal", 5)]),
        (("Место", "Сторона", "Пояснение"), [("participants", 4), ("goal", 5)]),
    ],
)
def test_columns_without_a_known_header_are_typed_by_their_cells(headers, typed):
    # Participants and goals mention places too, in longer phrases; a goal names people at times.
    doc = _unknown_headers(*headers)
    assert [(r.place, r.participants, r.goal) for r in doc.rows] == list(
        zip(PLACES, PARTNERS, GOALS, strict=True)
    )
    inferred = [m for m in doc.reading.tables[0].columns if m.evidence == CONTENT]
    assert [(m.column, m.index) for m in inferred] == typed


def test_a_sub_column_naming_nothing_feeds_what_its_siblings_feed():
    # «Сторона» names no column; «иностранная сторона» names the participants, «от России» nothing.
    header = ("№", "Мероприятие", "Место", "Дата", "Сторона", "")
    sub = (None, None, None, None, "от России", "иностранная сторона")
    row = ("1", "Форум", "г. Энск", "10.04.2024", "Школьники", "Гости из Беларуси")
    (event,) = _read(_table([header, sub, row])).rows
    assert event.participants == "от России: Школьники; иностранная сторона: Гости из Беларуси"


@pytest.mark.parametrize("end_header", ["", "Финиш"], ids=["blank", "worded_as_no_synonym"])
def test_an_unmapped_column_of_dates_beside_the_date_column_ends_its_range(end_header):
    # A scan's header lost the sub-labels «начало» / «окончание», or the end's label names nothing.
    rows = [("№", "Наименование мероприятия", "Место", "Сроки проведения", end_header, "Участники", "")]
    rows += [
        (str(i), f"Событие {i}", "г. Энск", f"{i}.04.2024", f"{i + 1}.04.2024", "все", "")
        for i in range(1, 4)
    ]
    doc = _read(_table(rows))
    assert [(r.start_date.day, r.end_date.day) for r in doc.rows] == [(1, 2), (2, 3), (3, 4)]


def test_a_column_of_dates_and_places_whose_header_names_nothing_feeds_both():
    rows = [("№", "Наименование мероприятия", "Подробности", "Цель", "Участники")]
    cells = ["г. Энск, клуб, 6 апреля 2024 г.", "3–4 мая 2024 г., д. Н", "с. М, школа № 2, 12.06.2024"]
    rows += [(str(i), f"Событие {i}", c, "Дружба", "все") for i, c in enumerate(cells, 1)]
    doc = _read(_table(rows))
    assert [(r.place, r.start_date.isoformat()) for r in doc.rows] == [
        ("г. Энск, клуб", "2024-04-06"),
        ("д. Н", "2024-05-03"),
        ("с. М, школа № 2", "2024-06-12"),
    ]


def test_a_blank_headed_column_of_dates_apart_from_the_date_column_is_no_end():
    rows = [("№", "Наименование мероприятия", "Сроки проведения", "Место", "")]
    rows += [(str(i), f"Событие {i}", f"{i}.04.2024", "г. Энск", f"{i + 9}.04.2024") for i in range(1, 4)]
    doc = _read(_table(rows))
    assert [(r.start_date.day, r.end_date.day) for r in doc.rows] == [(1, 1), (2, 2), (3, 3)]


def test_a_short_column_counting_people_from_places_is_no_place():
    # «Делегация г. Минска (12 человек)» names a town but counts who came: the longer cells are the place.
    places = ["г. Энск, Дом культуры, большой зал", "д. Н, сельский клуб, у входа", "г. Энск, стадион «Труд»"]
    people = [
        "Делегация г. Минска (12 человек)",
        "Гости из Сербии (5 чел.)",
        "Делегация г. Гомеля (8 человек)",
    ]
    rows = [("№", "Наименование мероприятия", "Пункт", "Сроки проведения", "Сторона")]
    rows += [
        (str(i), f"Событие {i}", p, f"{i} апреля 2024", w)
        for i, (p, w) in enumerate(zip(places, people, strict=True), 1)
    ]
    doc = _read(_table(rows))
    assert [(r.place, r.participants) for r in doc.rows] == list(zip(places, people, strict=True))


def test_unknown_columns_of_remarks_or_long_texts_are_no_place_and_no_participants():
    rows = [("№", "Наименование мероприятия", "Место", "Сроки проведения", "Пояснение", "Отметка")]
    rows += [
        (str(i), f"Событие {i}", "г. Энск", f"{i} апреля 2024", GOALS[i], "да" if i == 1 else "")
        for i in range(1, 4)
    ]
    doc = _read(_table(rows))
    assert [r.participants for r in doc.rows] == ["", "", ""]
    assert [r.goal for r in doc.rows] == GOALS[1:4]


def test_events_table_after_a_summary_table_and_one_table_per_municipality():
    summary = _table([("Показатель", "Значение"), ("Всего мероприятий", "2")], "table 1")
    first = _table([FLAT, EVENT], "table 2", caption="Муниципальное образование «Велижский район»")
    second = _table(
        [FLAT, ("1", "Выставка", "г. Н", "8 апреля 2024", "", "")], "table 3", caption="ГОРОД СМОЛЕНСК"
    )
    doc = _read(summary, first, second)
    assert [(r.title, r.municipality) for r in doc.rows] == [
        ("Концерт", "Велижский район"),
        ("Выставка", "город Смоленск"),
    ]
    assert [t.chosen for t in doc.reading.tables] == [False, True, True]


def test_month_headings_give_their_month_and_totals_are_skipped():
    rows = [FLAT, ("ЯНВАРЬ", None, None, None, None, None)]
    rows += [("1", "Концерт", "г. Энск", "12", "", ""), ("Февраль 2024 г.", None, None, None, None, None)]
    rows += [
        ("2", "Выставка", "г. Энск", "3-4", "", ""),
        ("Итого: 2 мероприятия", None, None, None, None, None),
    ]
    doc = _read(_table(rows), title="Отчёт за 1 квартал 2024 года")
    assert [(r.start_date.isoformat(), r.end_date.isoformat()) for r in doc.rows] == [
        ("2024-01-12", "2024-01-12"),
        ("2024-02-03", "2024-02-04"),
    ]
    assert [s.kind for s in doc.reading.sections] == ["month", "month", "totals"]
    assert all(r.municipality == "" for r in doc.rows)


def test_no_events_table_names_the_closest_header_and_inspect():
    with pytest.raises(InterpretError) as err:
        _read(_table([("Статья бюджета", "Сумма, руб."), ("Связь", "1000")]))
    assert err.value.reason == "unknown_layout"
    assert "Статья бюджета | Сумма, руб." in err.value.message
    assert "headerSynonyms" in err.value.message and "muniflow inspect" in err.value.message


def test_a_header_naming_both_date_and_place_is_combined():
    doc = _read(_table([("№", "Мероприятие", "Дата, место"), ("1", "Концерт", "г. Энск, 6 апреля 2024 г.")]))
    (event,) = doc.rows
    assert (event.start_date.isoformat(), event.place) == ("2024-04-06", "г. Энск")


def test_start_and_end_columns_without_known_headers_are_typed_as_a_date_pair():
    rows = [("№", "Наименование мероприятия", "Место проведения", "Старт", "Финиш", "Участники")]
    rows += [
        (str(i), f"Событие {i}", "г. Энск", f"{i}.04.2024", f"{i + 2}.04.2024", "все") for i in range(1, 4)
    ]
    doc = _read(_table(rows))
    assert [(r.start_date.day, r.end_date.day) for r in doc.rows] == [(1, 3), (2, 4), (3, 5)]


def test_a_second_cell_matching_a_taken_column_is_not_glued_to_it():
    header = ("№", "Наименование мероприятия", "Сведения о мероприятии", "Место", "Дата")
    doc = _read(_table([header, ("1", "Концерт", "Дружба", "г. Энск", "6 апреля 2024")]))
    assert doc.rows[0].title == "Концерт", "only the better-matching cell feeds the title"


def test_month_headings_with_words_around_the_month():
    rows = [FLAT, ("В апреле", None, None, None, None, None), ("1", "Концерт", "г. Энск", "12", "", "")]
    rows += [("Май месяц", None, None, None, None, None), ("2", "Выставка", "г. Энск", "3", "", "")]
    doc = _read(_table(rows))
    assert [r.start_date.isoformat() for r in doc.rows] == ["2024-04-12", "2024-05-03"]


def test_a_two_level_header_repeated_on_a_later_page_is_not_an_event():
    header = ("№", "Мероприятие", "Площадка", "Сроки", "")
    sub = (None, None, None, "начало", "окончание")
    rows = [header, sub, ("1", "Форум", "г. Энск", "10.04.2024", "12.04.2024")]
    rows += [header, sub, ("", "", "ка", "", ""), ("2", "Выставка", "г. Н", "15.04.2024", "")]
    doc = _read(_table(rows))
    assert [r.title for r in doc.rows] == ["Форум", "Выставка"], "repeats and a wrapped header piece skipped"


def test_caption_run_into_the_words_before_the_name():
    table = _table([FLAT, EVENT], caption="Мероприятия Муниципальное образование «Велижский район»")
    assert _read(table).rows[0].municipality == "Велижский район"


def test_period_and_region_written_only_in_the_tables_title_row():
    """A report typed wholly inside its table: the title row above the header names the quarter
    and the region; the paragraphs above the table name neither."""
    title_row = ("Сведения о мероприятиях муниципальных образований Тверской области за 3 кв. 2025 г.",)
    event = ("1", "Концерт", "г. Энск", "6 августа", "Дружба", "50 человек")
    doc = _read(_table([title_row + (None,) * 5, FLAT, event]), title="")
    assert (doc.period, doc.region) == (Period(2025, 3), "Тверская область")
    assert [(r.title, r.start_date) for r in doc.rows] == [("Концерт", date(2025, 8, 6))]
    assert doc.reading is not None and doc.reading.period_text == "3 кв. 2025"


def test_a_quarter_in_the_document_title_wins_over_the_tables_title_row():
    title_row = ("Мероприятия за 3 кв. 2025 г.",)
    doc = _read(_table([title_row + (None,) * 5, FLAT, EVENT]))
    assert doc.period == Period(2024, 2)


@pytest.mark.parametrize(
    ("cell", "start", "end", "form", "reason"),
    [
        (
            "II квартал 2024 г.",
            date(2024, 4, 1),
            date(2024, 6, 30),
            "whole_month",
            "Roman quarter with its year",
        ),
        ("в течение 2 кв. 2024 года", date(2024, 4, 1), date(2024, 6, 30), "whole_month", "abbreviated"),
        ("II квартал", date(2024, 4, 1), date(2024, 6, 30), "year_from_period", "year from the period"),
        (
            "в течение квартала",
            date(2024, 4, 1),
            date(2024, 6, 30),
            "whole_quarter",
            "no quarter named: the report's, flagged as no date given",
        ),
        ("12 апрля 2024 (II квартал 2024)", None, None, None, "a misspelt date beside it is not the quarter"),
    ],
)
def test_a_date_cell_naming_a_whole_quarter_reads_as_its_three_months(cell, start, end, form, reason):
    doc = _read(_table([FLAT, ("1", "Концерт", "г. Энск", cell, "Дружба", "50 человек")]))
    row = doc.rows[0]
    assert (row.start_date, row.end_date, row.date_form) == (start, end, form), reason


def test_a_municipality_typed_as_each_tables_first_row_above_its_header():
    """One table per municipality, its name a merged row above the table's own header."""
    tables = [
        _table([(name, None, None, None, None, None), FLAT, EVENT], locator=f"table {i}")
        for i, name in enumerate(("Муниципальное образование «Велижский район»", "Город Смоленск"), start=1)
    ]
    doc = _read(*tables)
    assert [r.municipality for r in doc.rows] == ["Велижский район", "город Смоленск"]


def test_two_participants_columns_side_by_side_without_a_group_header_are_both_kept():
    header = ("№", "Наименование мероприятия", "Место", "Дата", "Российская сторона", "Иностранная сторона")
    doc = _read(
        _table([header, ("1", "Концерт", "г. Энск", "6 апреля 2024", "Хор района", "Ансамбль г. Орши")])
    )
    assert doc.rows[0].participants == "Российская сторона: Хор района; Иностранная сторона: Ансамбль г. Орши"


def test_a_goal_and_a_result_column_side_by_side_are_both_kept():
    # «Цель» alone was left unmapped beside «Результат» (which took the goal): its text was lost.
    header = ("№", "Наименование мероприятия", "Место", "Дата", "Участники", "Цель", "Результат")
    doc = _read(
        _table([header, ("1", "Концерт", "г. Энск", "6 апреля 2024", "50 человек", "дружба", "протокол")])
    )
    assert doc.rows[0].goal == "Цель: дружба; Результат: протокол"


def test_a_column_no_field_reads_is_named_in_a_note_when_its_rows_hold_text():
    # Text that no field keeps would otherwise be lost silently; dashes and headings say nothing.
    from muniflow.rules.notes import report_note

    header = ("№", "Наименование мероприятия", "Место", "Дата", "Участники", "Ответственный", "Примечание")
    rows = [
        header,
        ("Озёрный район", None, None, None, None, None, None),
        ("1", "Концерт", "г. Энск", "6 апреля 2024", "50 человек", "отдел культуры", "–"),
        ("2", "Выставка", "г. Энск", "8 апреля 2024", "20 человек", "", "-"),
    ]
    doc = _read(_table(rows))
    note = report_note(doc) or ""
    assert "«Ответственный» (text in 1 row)" in note and "Примечание" not in note


def test_a_row_of_dashes_only_is_no_event():
    """A filler row («–» in every cell) is as empty as a blank row; a numbered row of dashes is
    still an event row, whose empty fields the rules flag."""
    rows = [FLAT, EVENT, ("–", "–", "-", "—", "-/-", "..."), ("2", "-", "-", "-", "-", "-")]
    doc = _read(_table(rows))
    assert [r.seq_no for r in doc.rows] == [1, 2]


def test_an_events_cells_run_into_one_spanning_cell_are_kept_as_a_row_not_skipped_as_a_note():
    """A reader that lost a table's columns gives each event as one cell across the table: many
    words and a day's date. Kept as a row (its required fields then flagged), never skipped as a
    note; a short spanning note is still skipped."""
    run_together = "2 Онлайн-конференция «Память» в формате ВКС 27.01.2025 Обмен опытом Специалисты (34 чел.)"
    rows = [
        FLAT,
        ("Лесной район", None, None, None, None, None),
        EVENT,
        (run_together, None, None, None, None, None),
        ("Информация подготовлена отделом культуры", None, None, None, None, None),
    ]
    doc = _read(_table(rows))
    assert [r.title for r in doc.rows] == ["Концерт", ""]
    assert doc.rows[1].seq_text == run_together


def test_a_row_struck_out_with_crosses_is_a_nil_section_not_an_event():
    """A form's row filled with crosses («х», «x», as the contract's blankValues list them)."""
    rows = [
        FLAT,
        ("Озёрный район", None, None, None, None, None),
        ("х", "х", "Х", "x", "X", "х"),
        ("Лесной район", None, None, None, None, None),
        EVENT,
    ]
    doc = _read(_table(rows))
    assert [(r.municipality, r.title) for r in doc.rows] == [("Лесной район", "Концерт")]
    assert doc.nil_municipalities == ("Озёрный район",)


def test_a_row_of_dashes_under_a_heading_says_its_municipality_held_none():
    """A section whose only row is dashes is reported with no events (nil), like one saying
    «мероприятия не проводились»; a filler row of dashes after a section's events changes nothing."""
    rows = [
        FLAT,
        ("Озёрный район", None, None, None, None, None),
        ("–", "–", "–", "–", "–", "–"),
        ("Лесной район", None, None, None, None, None),
        EVENT,
        ("-", "-", "-", "-", "-", "-"),
    ]
    doc = _read(_table(rows))
    assert doc.nil_municipalities == ("Озёрный район", "Лесной район")
    assert [(r.municipality, r.title) for r in doc.rows] == [("Лесной район", "Концерт")]


def test_a_numbered_nil_statement_keeps_its_number_in_the_run():
    """«2. Мероприятия не проводились» under its heading: the section is nil, and its № is no gap
    the numbering rule flags on the next event."""
    from muniflow.rules import check_report

    rows = [
        FLAT,
        ("Озёрный район", None, None, None, None, None),
        EVENT,
        ("Лесной район", None, None, None, None, None),
        ("2", "Мероприятия не проводились", "", "", "", ""),
        ("Каменский район", None, None, None, None, None),
        ("3", "Выставка", "г. Каменск", "8 апреля 2024 года", "Дружба", "20 человек"),
    ]
    doc = _read(_table(rows))
    assert doc.nil_municipalities == ("Лесной район",)
    assert doc.numbered_nil == ((1, "2", "Лесной район"),)
    assert [f for f in check_report(doc) if f.rule == "numbering"] == []


def test_a_date_and_place_merged_down_over_two_events_belong_to_both():
    """One date and place written once for two events (cells merged vertically): the second row
    takes them; a None a horizontal merge leaves takes nothing from above."""
    second = RawRow(
        ("2", "Мастер-класс", None, None, "Обучение", "Мастера"), "table 1, row 3", frozenset({2, 3})
    )
    combined = RawRow(("3", "Выставка", "г. Энск, 8 апреля 2024", None, "", ""), "table 1, row 4")
    table = _table([FLAT, EVENT])
    doc = _read(RawTable(table.header, (*table.rows, second, combined), "table 1"))
    assert [(r.place, r.date_text) for r in doc.rows] == [
        ("г. Энск", "6 апреля 2024 года"),
        ("г. Энск", "6 апреля 2024 года"),
        ("г. Энск, 8 апреля 2024", ""),
    ]


def test_the_title_under_a_letterhead_laid_out_as_a_table_names_the_period():
    """A letterhead typed in a borderless table comes first, the title paragraph under it: the
    title is the caption of the events table, not the (empty) text before the first table."""
    letterhead = _table([("Администрация Тверской области", "Приложение № 1 к письму от 05.07.2025 № 12")])
    events = _table(
        [FLAT, EVENT], locator="table 2", caption="Информация о мероприятиях за 2 квартал 2024 года"
    )
    doc = _read(letterhead, events, title="")
    assert (doc.period, doc.region, len(doc.rows)) == (Period(2024, 2), "Тверская область", 1)


def test_a_title_typed_in_a_one_cell_table_names_the_period():
    title = _table([("Информация о мероприятиях муниципальных образований за 2 квартал 2024 года",)])
    doc = _read(title, _table([FLAT, EVENT], locator="table 2"), title="")
    assert doc.period == Period(2024, 2)


def test_a_single_municipality_named_in_its_letterhead_table_owns_the_rows():
    letterhead = _table(
        [("Администрация муниципального образования «Демидовский район»", "Начальнику департамента")]
    )
    events = _table(
        [FLAT, EVENT], locator="table 2", caption="Информация о мероприятиях за 2 квартал 2024 года"
    )
    doc = _read(letterhead, events, title="")
    assert [r.municipality for r in doc.rows] == ["Демидовский район"]


def test_a_summary_table_before_the_events_is_no_title():
    """A table of data before the events table (a summary by municipality) is not read as title."""
    summary = _table(
        [("Муниципальное образование", "Мероприятий"), ("Велижский район (за 2 квартал 2024 г.)", "3")]
    )
    doc = _read(summary, _table([FLAT, EVENT], locator="table 2"), title="Информация о мероприятиях")
    assert doc.period is None
    assert [r.municipality for r in doc.rows] == [""]


def test_a_header_repeated_over_days_alone_keeps_the_columns_of_the_table_before():
    """A later page repeats the header, whose date label no synonym names («Число»): the table
    before had its date column typed by its dates; this part's cells hold days alone (the month in
    a heading above it), which type nothing by themselves. The repeated header is that table's: its
    columns are read as there, and the heading above names a municipality, then the month."""
    header = ("№", "Наименование мероприятия", "Место проведения", "Число", "Участники")
    first = [header] + [(str(i), f"Событие {i}", "г. Энск", f"{i} апреля 2024", "все") for i in range(1, 5)]
    later = [header, ("5", "Выставка", "г. Н", "8", "все"), ("6", "Концерт", "г. Н", "11–12", "все")]
    doc = _read(_table(first), _table(later, "table 2", caption="г. Энск\nМай:"))
    assert [(r.title, r.start_date, r.end_date) for r in doc.rows[-2:]] == [
        ("Выставка", date(2024, 5, 8), date(2024, 5, 8)),
        ("Концерт", date(2024, 5, 11), date(2024, 5, 12)),
    ]
    assert doc.rows[-1].municipality == "город Энск"


def test_a_headless_part_under_a_municipality_heading_goes_on_with_the_table_before():
    """A page opens with a municipality's heading, then rows with no header above them (drawn
    without rules, the header not repeated): as wide as the table before and opening with a
    numbered row, it is that table going on, its rows the heading's municipality's. A part under a
    heading whose first row is no numbered row (a header no synonym names) is not."""
    first = _table([FLAT, EVENT], caption="Велижский район")
    later = _table([("2", "Выставка", "г. Н", "8 апреля 2024", "", "")], "table 2", caption="ГОРОД СМОЛЕНСК")
    doc = _read(first, later)
    assert [(r.title, r.municipality) for r in doc.rows] == [
        ("Концерт", "Велижский район"),
        ("Выставка", "город Смоленск"),
    ]
    unknown = _table(
        [("А", "Б", "В", "Г", "Д", "Е"), ("2", "Выставка", "г. Н", "8 апреля 2024", "", "")], "table 2"
    )
    unknown = RawTable(unknown.header, unknown.rows, unknown.locator, "ГОРОД СМОЛЕНСК")
    doc = _read(first, unknown)
    assert [r.title for r in doc.rows] == ["Концерт"]


def test_a_header_cut_by_a_page_break_under_a_municipality_heading_starts_its_part():
    """A municipality's heading and the first lines of its table's header stand at a page's foot
    (read as text above the next table); the next page holds the header's rest, a month heading,
    then numbered rows. The rows are the heading's municipality's, the header's rest no event."""
    header = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Цель", "Участники")
    first = _table([header, EVENT], caption="Велижский район")
    caption = "Демидовский район\n№ Наименование Место Сроки Цель\nмероприя проведе проведе\nУчастники"
    later = _table(
        [
            ("", "тия", "ния", "ния", "", ""),
            ("Май", None, None, None, None, None),
            ("2", "Выставка", "г. Н", "8 мая 2024", "", ""),
        ],
        "table 2",
        caption=caption,
    )
    doc = _read(first, later)
    assert [(r.title, r.municipality) for r in doc.rows] == [
        ("Концерт", "Велижский район"),
        ("Выставка", "Демидовский район"),
    ]


def test_a_heading_a_scans_column_lines_cut_into_pieces_is_the_municipalitys():
    """«Город Аст» | … | «рахань»: a heading across the table OCR read cell by cell; an event's
    row with two cells filled, its title among them, stays an event."""
    rows = [
        FLAT,
        ("Город Аст", None, None, "рахань", None, None),
        EVENT,
        ("", "Город мастеров", "Смоленск", "", "", ""),
    ]
    doc = _read(_table(rows))
    assert [(r.municipality, r.title) for r in doc.rows] == [
        ("город Астрахань", "Концерт"),
        ("город Астрахань", "Город мастеров"),
    ]


def test_a_centred_heading_cut_between_words_with_a_piece_in_the_title_cell_is_the_municipalitys():
    """A centred heading in capitals whose gaps between words met a scan's column lines: its first
    word in the title's cell, the rest further right, the name word misspelt (и for й); the rows
    under it are its municipality's. A row of a title and a place, no № and no date, stays an
    event."""
    rows = [
        FLAT,
        ("", "ЗАРЕЧЕНСКИИ", "", "МУНИЦИПАЛЬНЫЙ ОКРУГ", "", ""),
        EVENT,
        ("", "Ярмарка", "Приозёрный район", "", "", ""),
    ]
    doc = _read(_table(rows), title="Отчёт о мероприятиях Энской области за II квартал 2024 года")
    assert [(r.municipality, r.title) for r in doc.rows] == [
        ("Зареченскии муниципальный округ", "Концерт"),
        ("Зареченскии муниципальный округ", "Ярмарка"),
    ]


KINDS = ("фестиваль", "конференция", "фестиваль", "конференция", "фестиваль")
NAMES = (
    "Международный фестиваль «Масленица»",
    "Конференция «Побратимы»",
    "Фестиваль «Русская песня» с участием коллективов Беларуси",
    "Конференция по туризму «Дороги дружбы»",
    "Фестиваль «Кремль»",
)


@pytest.mark.parametrize("kind_header", ["Вид мероприятия", "Форма проведения"])
def test_a_column_of_kinds_beside_the_names_leaves_the_title_to_the_names(kind_header: str) -> None:
    """«Вид мероприятия» names the title by more letters than «Наименование», but its cells are a
    handful of kinds: the events' names are the title (and the kinds, unread, are said so)."""
    header = ("№", kind_header, "Наименование", "Дата", "Место", "Участники")
    body = [
        (str(k + 1), kind, name, f"{10 + k}.04.2024", "г. Энск", "50 человек")
        for k, (kind, name) in enumerate(zip(KINDS, NAMES, strict=True))
    ]
    doc = _read(_table([header, *body]))
    assert [r.title for r in doc.rows] == list(NAMES)
    # a column of kinds alone is the title: no other cell names it
    alone = [(n, kind, d, p, who) for n, kind, _, d, p, who in body]
    doc = _read(_table([(header[0], kind_header, *header[3:]), *alone]))
    assert [r.title for r in doc.rows] == list(KINDS)


def test_theme_rows_in_a_table_with_a_municipality_column_are_headings_not_events() -> None:
    """«Культура» merged across, or typed in the № cell alone, groups the events of several
    municipalities by theme; an event whose only filled cell is its title stays an event."""
    header = ("№", "Мероприятие", "Муниципальное образование", "Дата", "Место")
    rows = [
        header,
        ("Культура", None, None, None, None),
        ("1", "Фестиваль «Масленица»", "город Энск", "12.04.2024", "г. Энск"),
        ("Спорт", "", "", "", ""),
        ("2", "Турнир по самбо", "Н-ский район", "20.04.2024", "г. Н"),
        ("3", "Концерт «Дружба»", "", "", ""),
    ]
    doc = _read(_table(rows))
    assert [(r.title, r.municipality) for r in doc.rows] == [
        ("Фестиваль «Масленица»", "город Энск"),
        ("Турнир по самбо", "Н-ский район"),
        ("Концерт «Дружба»", "Н-ский район"),
    ]
    assert doc.reading is not None
    assert [s.text for s in doc.reading.sections if s.kind == "theme"] == ["Культура", "Спорт"]


def test_sub_columns_of_the_title_leave_out_the_one_of_kinds() -> None:
    """«Мероприятие» over «наименование» | «форма»: both feed the title, but the form's cells are
    kinds («очная», «онлайн»), no part of the event's name."""
    header = ("№", "Мероприятие", None, "Дата", "Место")
    sub = ("", "наименование", "форма", "", "")
    forms = ("очная", "онлайн", "очная", "очная", "онлайн")
    body = [
        (str(k + 1), name, form, f"{10 + k}.04.2024", "г. Энск")
        for k, (name, form) in enumerate(zip(NAMES, forms, strict=True))
    ]
    doc = _read(_table([header, sub, *body]))
    assert [r.title for r in doc.rows] == list(NAMES)


def test_a_combined_group_header_over_sub_columns_naming_one_field_each_splits_them() -> None:
    """«Место и время проведения» over «место» | «дата»: each sub-column is its own field, not the
    place and the date of one combined cell."""
    header = ("№", "Наименование мероприятия", "Место и время проведения", None, "Участники")
    sub = ("", "", "место", "дата", "")
    body = [("1", "Концерт", "г. Энск, ДК", "12.04.2024", "50 человек")]
    doc = _read(_table([header, sub, *body]))
    assert [(r.place, r.start_date) for r in doc.rows] == [("г. Энск, ДК", date(2024, 4, 12))]


@pytest.mark.parametrize(
    ("line", "municipality"),
    [("Великий Новгород", "Великий Новгород"), ("Северск", "Северск"), ("Информация", "")],
    ids=["two_words", "one_word", "a_common_word"],
)
def test_a_bare_place_name_under_the_title_heads_the_first_table(line: str, municipality: str) -> None:
    """A municipality named with no kind word («Великий Новгород») right under the report's title is
    the first table's heading, as the kind-named headings above the next tables are; a common
    word there is none."""
    header = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Цель", "Участники")
    first = _table([header, EVENT], "table 1", caption=f"{TITLE}\n{line}")
    second = _table([header, EVENT], "table 2", caption="Энский муниципальный район")
    doc = _read(first, second, title=f"{TITLE}\n{line}")
    assert [r.municipality for r in doc.rows] == [municipality, "Энский район"]


@pytest.mark.parametrize(
    ("pieces", "municipality"),
    [
        (("Городецкий муниципальный ок", None, None, None, "зуг", None), "Городецкий муниципальный округ"),
        (("Го", None, None, "эод Череповец", None, None), "город Череповец"),
    ],
    ids=["kind_word_cut_at_its_end", "settlement_noun_cut_at_its_start"],
)
def test_a_heading_whose_kind_word_a_cut_left_a_piece_of_is_the_municipalitys(pieces, municipality):
    """The cut fell inside the kind word and OCR misread the rest («ок» | «зуг» for «округ»; «Го» |
    «эод» for «Город»): the piece of the kind noun is completed, the heading kept."""
    doc = _read(_table([FLAT, pieces, EVENT]))
    assert [(r.municipality, r.title) for r in doc.rows] == [(municipality, "Концерт")]


def test_a_municipalitys_letter_signed_by_its_head_names_its_rows_municipality() -> None:
    """A single municipality's report whose title and file name name no municipality: the
    signature after the table does («Глава Себежского района»)."""
    title = "Информация о международных мероприятиях во II квартале 2024 года"
    doc = RawDocument(
        "отчёт.docx", "docx", title, (_table([FLAT, EVENT]),), closing="Глава Себежского района\nИ. И. Иванов"
    )
    report = interpret_document(doc, header_synonyms())
    assert [r.municipality for r in report.rows] == ["Себежский район"]


def test_a_year_in_a_column_of_its_own_is_the_year_of_the_dates_beside_it() -> None:
    """«Дата» | «Год»: «15 марта» | «2024» is 15 March 2024 (outside a 2025 quarter: flagged, not
    read with the report's year); a date writing its own year keeps it."""
    header = ("№", "Наименование мероприятия", "Место проведения", "Дата", "Год")
    rows = [
        header,
        ("1", "Выставка", "г. Энск", "15 марта", "2024"),
        ("2", "Концерт", "г. Энск", "21.02.2025", "2025 г."),
        ("3", "Форум", "г. Энск", "10 – 12 февраля", "2025"),
    ]
    title = "Информация о мероприятиях муниципальных образований в I квартале 2025 года"
    doc = _read(_table(rows), title=title)
    assert [(r.start_date, r.end_date) for r in doc.rows] == [
        (date(2024, 3, 15), date(2024, 3, 15)),
        (date(2025, 2, 21), date(2025, 2, 21)),
        (date(2025, 2, 10), date(2025, 2, 12)),
    ]


@pytest.mark.parametrize(
    ("cell", "start", "end"),
    [
        ("1 полугодие 2024 г.", date(2024, 1, 1), date(2024, 6, 30)),
        ("I полугодие 2024 года", date(2024, 1, 1), date(2024, 6, 30)),
        ("в течение 1-го полугодия", date(2024, 1, 1), date(2024, 6, 30)),
        ("II полугодие", date(2024, 7, 1), date(2024, 12, 31)),
    ],
)
def test_a_date_cell_naming_a_half_year_reads_as_its_six_months(cell: str, start: date, end: date) -> None:
    """«1 полугодие 2024 г.» is January to June, read with help (a date_format warning) and judged
    against the quarter as any range is; it was unreadable, an error."""
    doc = _read(_table([FLAT, ("1", "Концерт", "г. Энск", cell, "Дружба", "50 человек")]))
    assert [(r.start_date, r.end_date) for r in doc.rows] == [(start, end)]


def test_a_table_laid_out_as_two_side_by_side_is_read_as_two_in_reading_order():
    half = ("№", "Мероприятие", "Место", "Дата")
    rows = [
        (*half, "", *half),
        (
            "1",
            "Ярмарка «Сокол»",
            "г. Энск",
            "10.04.2024 – 11.04.2024",
            "",
            "3",
            "Турнир «Берег»",
            "г. Энск",
            "05.05.2024",
        ),
        ("2", "Выставка «Ладья»", "г. Энск", "20.04.2024", "", "", "", "", ""),
    ]
    doc = _read(_table(rows))
    assert [r.title for r in doc.rows] == ["Ярмарка «Сокол»", "Выставка «Ладья»", "Турнир «Берег»"]
    assert [(r.start_date, r.end_date) for r in doc.rows] == [
        (date(2024, 4, 10), date(2024, 4, 11)),
        (date(2024, 4, 20), date(2024, 4, 20)),
        (date(2024, 5, 5), date(2024, 5, 5)),
    ]


def test_a_start_and_an_end_date_column_beside_one_title_stay_one_table():
    rows = [
        ("№", "Мероприятие", "Место", "Дата начала", "Дата окончания"),
        ("1", "Ярмарка «Сокол»", "г. Энск", "10.04.2024", "12.04.2024"),
    ]
    doc = _read(_table(rows))
    (event,) = doc.rows
    assert (event.start_date, event.end_date) == (date(2024, 4, 10), date(2024, 4, 12))


def test_a_municipality_heading_saved_as_a_one_cell_table_heads_the_tables_after_it():
    """A heading merged across the table, saved again by another office program as a separate
    table of one cell between one-row events tables."""
    first = ("1", "Концерт «Заря»", "г. Энск", "6 апреля 2024 года", "Дружба", "50 человек")
    second = ("2", "Турнир «Берег»", "с. Ивово", "9 мая 2024 года", "Спорт", "30 человек")
    tables = [
        _table([FLAT], locator="table 1"),
        _table([("Город Энск",)], locator="table 2"),
        _table([first], locator="table 3"),
        _table([("Ивовский муниципальный район",)], locator="table 4"),
        _table([second], locator="table 5"),
    ]
    doc = _read(*tables)
    assert [(r.title, r.municipality) for r in doc.rows] == [
        ("Концерт «Заря»", "город Энск"),
        ("Турнир «Берег»", "Ивовский район"),
    ]


def test_a_heading_paragraph_followed_by_a_nil_sentence_reports_its_municipality_nil():
    """«<Name> муниципальный округ», then «Мероприятия … не проводились.» and no table of its own:
    the heading's municipality reported none; the next heading's table is another's."""
    first = ("1", "Концерт «Заря»", "г. Энск", "6 апреля 2024 года", "Дружба", "50 человек")
    second = ("2", "Турнир «Берег»", "с. Ивово", "9 мая 2024 года", "Спорт", "30 человек")
    caption = "\n".join(
        (
            "Лесногорский муниципальный округ",
            "Мероприятия международного характера не проводились.",
            "Ивовский муниципальный округ",
        )
    )
    doc = _read(
        _table([FLAT, first], caption="Город Энск"),
        _table([FLAT, second], locator="table 2", caption=caption),
    )
    assert [r.municipality for r in doc.rows] == ["город Энск", "Ивовский муниципальный округ"]
    assert doc.nil_municipalities == ("Лесногорский муниципальный округ",)


def test_a_regions_title_ends_where_its_first_municipalitys_heading_paragraph_begins():
    """A bold heading paragraph right after the title is read into it by the reader: in a region's
    report (headings of two municipalities) it is the first table's heading, not the title's words."""
    first = ("1", "Концерт «Заря»", "г. Энск", "6 апреля 2024 года", "Дружба", "50 человек")
    second = ("2", "Турнир «Берег»", "с. Ивово", "9 мая 2024 года", "Спорт", "30 человек")
    title = f"{TITLE}\nЛесногорский муниципальный округ"
    doc = _read(
        _table([FLAT, first], caption=title),
        _table([FLAT, second], locator="table 2", caption="Ивовский муниципальный округ"),
        title=title,
    )
    assert [r.municipality for r in doc.rows] == [
        "Лесногорский муниципальный округ",
        "Ивовский муниципальный округ",
    ]
    assert doc.municipality == ""
    assert doc.reading is not None and doc.reading.title == TITLE


@pytest.mark.parametrize(
    ("headings", "reason"),
    [
        ((), "one municipality's report ending its title with its name"),
        (
            ("Ивовское сельское поселение", "Сосновское сельское поселение"),
            "a district heading its settlements",
        ),
    ],
)
def test_a_municipalitys_own_title_keeps_its_name(headings, reason):
    title = f"{TITLE}\nЛесногорский муниципальный район"
    tables = [
        _table([FLAT, ("1", "Концерт «Заря»", "с. Ивово", "6 апреля 2024 года", "Дружба", "50 человек")])
    ]
    tables += [
        _table(
            [("2", f"Турнир «Берег-{k}»", "с. Ивово", "9 мая 2024 года", "Спорт", "30 человек")],
            locator=f"table {k + 2}",
            caption=h,
        )
        for k, h in enumerate(headings)
    ]
    doc = _read(*tables, title=title)
    assert doc.municipality == "Лесногорский район", reason


def test_a_refused_regions_text_names_no_sender_by_its_first_heading():
    from muniflow.interpret.heading import refused_report

    text = "\n".join(
        (TITLE, "Город Лесногорск", "1.\tКонцерт\t6 апреля 2024", "Ивовский муниципальный округ")
    )
    report = refused_report(RawDocument("x.docx", "docx", text, ()))
    assert report.municipality == ""


def test_the_next_page_of_a_table_laid_out_side_by_side_is_split_as_it_is():
    half = ("№", "Мероприятие", "Место", "Дата")
    page_1 = [
        (*half, "", *half),
        ("1", "Ярмарка «Сокол»", "г. Энск", "10.04.2024", "", "3", "Турнир «Берег»", "г. Энск", "05.05.2024"),
    ]
    page_2 = [
        ("2", "Выставка «Ладья»", "г. Энск", "20.04.2024", "", "4", "Форум «Устье»", "г. Энск", "07.05.2024")
    ]
    doc = _read(_table(page_1), _table(page_2, locator="table 2"))
    assert [r.title for r in doc.rows] == [
        "Ярмарка «Сокол»",
        "Турнир «Берег»",
        "Выставка «Ладья»",
        "Форум «Устье»",
    ]
    assert [r.start_date for r in doc.rows] == [
        date(2024, 4, 10),
        date(2024, 5, 5),
        date(2024, 4, 20),
        date(2024, 5, 7),
    ]


def test_a_letterhead_wrapped_word_by_word_is_no_heading_run_into_the_title() -> None:
    """«Администрация / Ольховского / района» above a region's title is one phrase cut into lines,
    not the title ending at a municipality's heading; a heading standing as a line of its own after
    a whole line still ends it."""
    from muniflow.interpret.heading import run_in_heading

    wrapped = "Администрация\nОльховского\nрайона\nСеверной области\nОтчёт о международных мероприятиях"
    assert run_in_heading(wrapped, ["Кедровский район"]) == (wrapped, "")
    title = "Отчёт о международных мероприятиях за II квартал 2025 года\nОльховский район"
    assert run_in_heading(title, ["Кедровский район"])[1] == "Ольховский район"
