"""Tables with no header (a header drawn as a picture, lost in a scan, or left out): where no table
of a document has a header, a table whose cells alone show the dates, the title and two more
columns is read, each column typed by its cells; a table of other content is not. A row holding an
event's № or full date is never taken for a header."""

from __future__ import annotations

from datetime import date

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.interpret.errors import InterpretError
from muniflow.interpret.header_rows import find_header
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о международных мероприятиях муниципальных образований за II квартал 2024 года"
EVENTS = [
    # №, title, place, dates, goal, participants
    (
        "1",
        "Фестиваль народного творчества «Дружба»",
        "г. Энск, Дом культуры",
        "12–14 апреля 2024 года",
        "Проведено 5 концертов, подписано соглашение о сотрудничестве",
        "Творческие коллективы (45 человек)",
    ),
    (
        "2",
        "Визит делегации г. Гомеля (Республика Беларусь)",
        "г. Энск",
        "23.05.2024",
        "Обсуждены совместные проекты, достигнута договорённость о визите",
        "Делегация (6 человек), представители администрации",
    ),
    (
        "3",
        "Турнир по мини-футболу «Кубок дружбы»",
        "с. Ольховка, стадион «Труд»",
        "5–8 июня 2024 года",
        "Победители награждены дипломами, проведена встреча тренеров",
        "Спортсмены районной сборной (28 человек)",
    ),
]


def _read(*tables: RawTable):  # type: ignore[no-untyped-def]
    return interpret_document(RawDocument("x.docx", "docx", TITLE, tables), contracts.header_synonyms())


def _table(rows: list[tuple[str | None, ...]], n: int = 1, caption: str = "") -> RawTable:
    """A table as a reader gives it: its first row as the header row."""
    head, *body = rows
    cells = tuple(c or "" for c in head)
    return RawTable(
        cells, tuple(RawRow(r, f"table {n}, row {i + 2}") for i, r in enumerate(body)), f"table {n}", caption
    )


def _heading(name: str, width: int = 6) -> tuple[str | None, ...]:
    return (name, *([None] * (width - 1)))


def test_a_table_with_no_header_is_read_by_its_cells_in_any_column_order() -> None:
    order = (0, 4, 2, 1, 5, 3)  # №, goal, place, title, participants, dates
    rows = [_heading("Энский район"), *(tuple(e[i] for i in order) for e in EVENTS)]
    report = _read(_table(rows))
    assert [r.title for r in report.rows] == [e[1] for e in EVENTS]
    assert [r.place for r in report.rows] == [e[2] for e in EVENTS]
    assert [r.goal for r in report.rows] == [e[4] for e in EVENTS]
    assert [r.participants for r in report.rows] == [e[5] for e in EVENTS]
    assert [r.start_date for r in report.rows] == [date(2024, 4, 12), date(2024, 5, 23), date(2024, 6, 5)]
    assert {r.municipality for r in report.rows} == {"Энский район"}
    reading = report.reading.tables[0]
    assert reading.chosen and "typed by content" in reading.reason


def test_a_row_of_labels_no_synonym_names_is_the_header_not_an_event() -> None:
    labels = ("N", "Event", "Venue", "When", "Outcome", "Who")
    report = _read(_table([labels, _heading("Энский район"), *EVENTS]))
    assert [r.title for r in report.rows] == [e[1] for e in EVENTS]
    assert report.reading.tables[0].header_rows == (1,)
    assert len(report.rows) == len(EVENTS)


def test_a_table_per_municipality_is_typed_on_all_of_them() -> None:
    """One event under the first municipality is too few to type its columns; the tables after it,
    as wide, show them."""
    first = _table([EVENTS[0]], 1, caption="Энский район")
    second = _table([EVENTS[1], EVENTS[2]], 2, caption="Город Зареченск")
    report = _read(first, second)
    assert [r.title for r in report.rows] == [e[1] for e in EVENTS]
    assert [r.municipality for r in report.rows] == ["Энский район", "город Зареченск", "город Зареченск"]


def test_participants_in_two_columns_and_a_date_by_its_place() -> None:
    rows = [
        _heading("Энский район", 6),
        *((e[0], e[1], f"{e[3]}, {e[2]}", e[4], e[5], "Делегация г. Гомеля (12 человек)") for e in EVENTS),
    ]
    report = _read(_table(rows))
    assert [r.place for r in report.rows] == [e[2] for e in EVENTS]
    assert [r.start_date for r in report.rows] == [date(2024, 4, 12), date(2024, 5, 23), date(2024, 6, 5)]
    assert [r.participants for r in report.rows] == [
        f"{e[5]}; Делегация г. Гомеля (12 человек)" for e in EVENTS
    ]
    assert [r.goal for r in report.rows] == [e[4] for e in EVENTS]


def test_one_event_is_too_few_to_type_columns_by() -> None:
    try:
        _read(_table([_heading("Энский район"), EVENTS[0]]))
    except InterpretError as err:
        assert err.reason == "unknown_layout"
    else:
        raise AssertionError("one row's cells were taken to show its table's columns")


def test_a_table_of_other_content_is_not_read_as_events() -> None:
    budget = [
        ("1", "Расходы на проведение мероприятий", "125 000", "2024"),
        ("2", "Расходы на командирование делегации", "48 500", "2024"),
        ("3", "Прочие расходы", "12 000", "2024"),
    ]
    try:
        _read(_table(budget))
    except InterpretError as err:
        assert err.reason == "unknown_layout"
    else:
        raise AssertionError("a budget table was read as events")


def test_headers_first_a_headerless_table_beside_a_headed_one_is_not_typed() -> None:
    header = ("№ п/п", "Наименование мероприятия", "Место проведения", "Дата проведения", "Цель", "Участники")
    headed = _table([header, _heading("Энский район"), EVENTS[0]], 1)
    narrower = _table([tuple(e[:5]) for e in EVENTS[1:]], 2)  # no header, another width: not read
    report = _read(headed, narrower)
    assert [r.title for r in report.rows] == [EVENTS[0][1]]


def test_a_row_with_an_events_no_or_full_date_is_never_a_header() -> None:
    synonyms = contracts.header_synonyms()
    # words of a header in an event's cells: «№» in a place, «делегации», «достигнута договорённость»
    event = (
        "Визит делегации г. Оша",
        "с. Ключи, школа № 2, с 2 по 5 июня 2024 года",
        "Достигнута договорённость",
    )
    numbered = ("1", "Визит делегации г. Оша", "с. Ключи, школа № 2", "Достигнута договорённость")
    assert find_header([event], synonyms) is None
    assert find_header([numbered], synonyms) is None
    assert find_header([("№", "Наименование мероприятия", "Место", "Дата"), numbered], synonyms) is not None


def test_a_table_typed_by_its_cells_alone_leaves_a_note_for_the_reviewer() -> None:
    """No header names a column: the report says so, each column with what its cells showed, so a
    reading that took one field's cells for another's (events named after a town read as places)
    does not load unseen; a table with a header leaves no such note."""
    rows = [_heading("Энский район"), *EVENTS]
    notes = _read(_table(rows)).reading.notes
    (note,) = [n for n in notes if "typed by its cells alone" in n]
    assert "column 2 -> title" in note and "column 4 -> date_text" in note
    header = ("№", "Наименование мероприятия", "Место проведения", "Дата", "Цель", "Участники")
    headed = _read(_table([header, _heading("Энский район"), *EVENTS])).reading.notes
    assert not [n for n in headed if "typed by its cells alone" in n]


def test_towns_under_a_municipalitys_heading_are_places_not_the_municipality() -> None:
    """Rows under a municipality's heading, a column naming another municipality in every row (the
    town each event was held in): the heading says whose the rows are, the column is the place,
    and the event's name stays the title (the column was the municipality's, the titles the place)."""
    events = [
        (
            "1.",
            "Визит делегации г. Бреста (Республика Беларусь)",
            "г. Лесогорск",
            "12.04.2024",
            "Обсуждены планы сотрудничества в сфере образования",
            "Делегация (6 человек)",
        ),
        (
            "2.",
            "Фестиваль «Звонкий родник»",
            "г. Лесогорск",
            "18.05.2024",
            "Проведены концерты, подписано соглашение о сотрудничестве",
            "Творческие коллективы (40 человек)",
        ),
        (
            "3.",
            "Турнир по шахматам «Ладья»",
            "г. Лесогорск",
            "02.06.2024",
            "Развитие спортивных связей, проведён мастер-класс",
            "Спортсмены (12 человек)",
        ),
    ]
    report = _read(_table([_heading("Приозёрный район"), *events]))
    assert [r.title for r in report.rows] == [e[1] for e in events]
    assert [r.place for r in report.rows] == [e[2] for e in events]
    assert {r.municipality for r in report.rows} == {"Приозёрный район"}
