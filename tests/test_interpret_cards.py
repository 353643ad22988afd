"""Events given as cards: a table of label and value rows per event, read as one events table."""

from __future__ import annotations

import pytest

from muniflow import contracts
from muniflow.interpret import InterpretError, interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

EVENTS = [
    ("Фестиваль «Славянский венок»", "г. Озёрск", "12.04.2024", "культурные связи", "делегация, 15 чел."),
    ("Визит делегации города Орша", "г. Озёрск", "25-26 апреля 2024 г.", "соглашение", "6 чел."),
    ("Турнир по мини-футболу", "с. Луговое", "с 3 по 5 мая 2024 года", "спортивный обмен", "48 чел."),
]
LABELS = (
    "Наименование мероприятия:",
    "Место проведения:",
    "Сроки проведения:",
    "Цель и результаты:",
    "Участники:",
)
TITLE = "Отчёт о международных мероприятиях Озёрного района Северной области за 2 квартал 2024 года"


def _synonyms() -> dict[str, list[str]]:
    return contracts.load_contract().header_synonyms()


def _card_rows(event: tuple[str, ...]) -> list[tuple[str | None, ...]]:
    return [(label, value) for label, value in zip(LABELS, event, strict=True)]


def _table(rows: list[tuple[str | None, ...]], locator: str, caption: str = "") -> RawTable:
    body = tuple(RawRow(tuple(r), f"{locator}, row {i}") for i, r in enumerate(rows[1:], 2))
    return RawTable(tuple(rows[0]), body, locator, caption)  # type: ignore[arg-type]


def _read(tables: list[RawTable], title: str = TITLE):
    return interpret_document(RawDocument("cards.docx", "docx", title, tuple(tables)), _synonyms())


def test_one_card_table_per_event() -> None:
    tables = [_table(_card_rows(e), f"table {k}", f"Мероприятие {k}") for k, e in enumerate(EVENTS, 1)]
    report = _read(tables)
    assert [r.title for r in report.rows] == [e[0] for e in EVENTS]
    assert [r.place for r in report.rows] == [e[1] for e in EVENTS]
    assert [(str(r.start_date), str(r.end_date)) for r in report.rows] == [
        ("2024-04-12", "2024-04-12"),
        ("2024-04-25", "2024-04-26"),
        ("2024-05-03", "2024-05-05"),
    ]
    assert {r.municipality for r in report.rows} == {"Озёрный район"}
    assert [r.participants for r in report.rows] == [e[4] for e in EVENTS]


def test_one_long_table_with_headings_and_labels_the_contract_does_not_know() -> None:
    rows: list[tuple[str | None, ...]] = []
    for municipality, events in (("Озёрный район", EVENTS[:2]), ("Лесной муниципальный округ", EVENTS[2:])):
        rows.append((municipality, None))  # a heading merged across the card
        for k, event in enumerate(events, 1):
            rows.append((f"Мероприятие {k}", None))
            rows += _card_rows(event)
            rows.append(("Примечание", "—"))
    report = _read([_table(rows, "table 1")], title="Информация за II квартал 2024 года")
    assert [(r.municipality, r.title) for r in report.rows] == [
        ("Озёрный район", EVENTS[0][0]),
        ("Озёрный район", EVENTS[1][0]),
        ("Лесной муниципальный округ", EVENTS[2][0]),
    ]
    assert all(r.goal and "—" not in r.goal for r in report.rows)


def test_a_number_before_the_labels_starts_a_card_and_is_its_number() -> None:
    rows: list[tuple[str | None, ...]] = []
    for k, event in enumerate(EVENTS, 1):
        rows += [(f"{k}." if i == 0 else "", *pair) for i, pair in enumerate(_card_rows(event))]
    report = _read([_table(rows, "table 1")])
    assert [r.seq_no for r in report.rows] == [1, 2, 3]
    assert [r.title for r in report.rows] == [e[0] for e in EVENTS]


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        (
            [
                ("Показатель", "Значение"),
                ("Количество мероприятий", "4"),
                ("Дата представления", "05.07.2024"),
            ],
            "a two-column summary naming a date is no card: it names no event",
        ),
        (
            [(LABELS[0], EVENTS[0][0]), (LABELS[1], EVENTS[0][1]), (LABELS[3], EVENTS[0][3])],
            "a card without dates is no event card",
        ),
    ],
)
def test_two_column_tables_that_are_no_cards(rows: list[tuple[str | None, ...]], reason: str) -> None:
    with pytest.raises(InterpretError) as caught:
        _read([_table(rows, "table 1")])
    assert caught.value.reason == "unknown_layout", reason


def test_a_card_missing_its_dates_is_read_and_flagged_not_the_whole_report_refused() -> None:
    rows = (
        _card_rows(EVENTS[0])
        + [r for r in _card_rows(EVENTS[1]) if r[0] != LABELS[2]]
        + _card_rows(EVENTS[2])
    )
    report = _read([_table(rows, "table 1")])
    assert [r.title for r in report.rows] == [e[0] for e in EVENTS]
    assert report.rows[1].start_date is None


def test_labels_are_mapped_together_as_a_header_rows_cells_are() -> None:
    # «Результаты проведения мероприятия» alone reads as the event's name; beside the name's own
    # label it is the result (goal). Start and end dates under labels the contract does not know
    # are found by their content, as an unnamed column's are.
    labels = (
        "Название и формат мероприятия",
        "Результаты проведения мероприятия",
        "Место и площадка проведения",
        "Начало проведения",
        "Окончание проведения",
    )
    rows: list[tuple[str | None, ...]] = []
    for title, place, _, goal, _ in EVENTS:
        rows += list(zip(labels, (title, goal, place, "12.04.2024", "14.04.2024"), strict=True))
    report = _read([_table(rows, "table 1")])
    assert [r.title for r in report.rows] == [e[0] for e in EVENTS]
    assert [r.goal for r in report.rows] == [e[3] for e in EVENTS]
    assert {(str(r.start_date), str(r.end_date)) for r in report.rows} == {("2024-04-12", "2024-04-14")}


def test_a_month_heading_above_a_table_gives_its_day_only_dates_their_month() -> None:
    # One table per event (or per month), each under a month heading written as a paragraph.
    header = ("№", "Наименование мероприятия", "Место проведения", "Дата проведения", "Участники")
    tables = [
        RawTable(
            header,
            (RawRow(("1", EVENTS[0][0], EVENTS[0][1], "12–14", "10 чел."), "table 1, row 2"),),
            "table 1",
            "Апрель 2024 г.",
        ),
        RawTable(
            header,
            (RawRow(("2", EVENTS[1][0], EVENTS[1][1], "3", "6 чел."), "table 2, row 2"),),
            "table 2",
            "МАЙ",
        ),
    ]
    report = _read(tables)
    assert [(str(r.start_date), str(r.end_date)) for r in report.rows] == [
        ("2024-04-12", "2024-04-14"),
        ("2024-05-03", "2024-05-03"),
    ]
