"""Transposed tables: events as columns, labels as rows, read as one events table."""

from __future__ import annotations

import pytest

from muniflow import contracts
from muniflow.interpret import InterpretError, interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Отчёт о международных мероприятиях Береговского района Южной области за 3 квартал 2025 года"
LABELS = ("№ п/п", "Наименование мероприятия", "Место проведения", "Дата проведения", "Участники")
EVENTS = [
    ("1", "Ярмарка ремёсел «Осенний торг»", "с. Заречное", "12.08.2025", "40 чел."),
    ("2", "Встреча с делегацией города Пинск", None, "3–4 сентября 2025 г.", "8 чел."),
    ("3", "Турнир по волейболу среди школьников", "г. Береговск", "20.09.2025", "60 чел."),
]


def _table(lines: list[tuple[str | None, ...]]) -> RawTable:
    body = tuple(RawRow(tuple(r), f"table 1, row {i}") for i, r in enumerate(lines[1:], 2))
    return RawTable(tuple(lines[0]), body, "table 1")  # type: ignore[arg-type]


def _transposed(events: list[tuple[str | None, ...]]) -> list[tuple[str | None, ...]]:
    return [(label, *(e[i] for e in events)) for i, label in enumerate(LABELS)]


def _read(table: RawTable):
    doc = RawDocument("t.docx", "docx", TITLE, (table,))
    return interpret_document(doc, contracts.load_contract().header_synonyms())


def test_events_as_columns_are_read_as_rows() -> None:
    report = _read(_table(_transposed(EVENTS)))
    assert [r.title for r in report.rows] == [e[1] for e in EVENTS]
    assert [r.seq_no for r in report.rows] == [1, 2, 3]
    assert [(str(r.start_date), str(r.end_date)) for r in report.rows] == [
        ("2025-08-12", "2025-08-12"),
        ("2025-09-03", "2025-09-04"),
        ("2025-09-20", "2025-09-20"),
    ]
    # the place merged over the first two events' columns is each one's
    assert [r.place for r in report.rows] == ["с. Заречное", "с. Заречное", "г. Береговск"]
    assert {r.municipality for r in report.rows} == {"Береговский район"}


def test_a_heading_merged_across_is_no_label() -> None:
    lines = _transposed(EVENTS)
    lines.insert(1, ("Береговский район", None, None, None))
    report = _read(_table(lines))
    assert [r.title for r in report.rows] == [e[1] for e in EVENTS]


@pytest.mark.parametrize(
    "lines",
    [
        # figures by year: no event's name and no dates among the labels
        [
            ("Показатель", "2024 год", "2025 год"),
            ("Количество мероприятий", "12", "15"),
            ("Количество участников", "340", "410"),
            ("Количество стран-партнёров", "4", "6"),
        ],
        # labels beside no value at all
        [
            ("Наименование мероприятия", "", ""),
            ("Дата проведения", "", ""),
            ("Место проведения", None, None),
        ],
        # a label twice is no transposed table
        [
            ("Наименование мероприятия", "Ярмарка", "Турнир"),
            ("Дата проведения", "12.08.2025", "20.09.2025"),
            ("Место проведения", "с. Заречное", "г. Береговск"),
            ("Дата проведения", "13.08.2025", "21.09.2025"),
        ],
    ],
)
def test_tables_that_are_not_transposed_events_are_refused(lines: list[tuple[str | None, ...]]) -> None:
    with pytest.raises(InterpretError):
        _read(_table(lines))


def test_a_table_continued_under_itself_with_its_labels_repeated_is_read_block_after_block() -> None:
    more = [("4", "Выставка детского рисунка", "г. Береговск", "25.09.2025", "30 чел.")]
    lines = _transposed(EVENTS) + _transposed(more + [("", "", "", "", "")] * 2)
    report = _read(_table(lines))
    assert [r.title for r in report.rows] == [e[1] for e in EVENTS + more]


def test_one_event_beside_transposed_tables_and_a_row_a_page_cut_are_read() -> None:
    one = _transposed(EVENTS[2:])  # a section of one event: a label and a value column
    lines = _transposed(EVENTS[:2])
    title = lines[1]
    # the title row cut by a page: its label and its values go on in the next row
    lines[1:2] = [
        ("Наименование", "Ярмарка ремёсел «Осен", "Встреча с делегацией"),
        ("мероприятия", "ний торг»", "города Пинск"),
    ]
    doc = RawDocument(
        "t.pdf",
        "pdf",
        TITLE,
        (
            RawTable(
                tuple(lines[0]),
                tuple(RawRow(r, f"page {i}, row 1") for i, r in enumerate(lines[1:], 1)),
                "pages 1-5",
                "Береговский район",
            ),  # type: ignore[arg-type]
            RawTable(
                tuple(one[0]),
                tuple(RawRow(r, f"page 6, row {i}") for i, r in enumerate(one[1:], 2)),
                "page 6",
                "Заречный муниципальный округ",
            ),  # type: ignore[arg-type]
        ),
    )
    report = interpret_document(doc, contracts.load_contract().header_synonyms())
    assert [(r.municipality, r.title) for r in report.rows] == [
        ("Береговский район", title[1]),
        ("Береговский район", title[2]),
        ("Заречный муниципальный округ", EVENTS[2][1]),
    ]


def test_a_label_a_page_cut_before_its_bracket_goes_on_the_label_above() -> None:
    """«Участники» at a page's foot, «(гости и хозяева)» at the next one's top: the bracket
    opens no label of its own (its first letter is lower case), the values go on with the row's."""
    lines = _transposed(EVENTS)
    lines[4:5] = [("Участники", "40", "8", "60"), ("(гости и хозяева)", "чел.", "чел.", "чел.")]
    report = _read(_table(lines))
    assert [r.title for r in report.rows] == [e[1] for e in EVENTS]
    assert [r.participants for r in report.rows] == ["40 чел.", "8 чел.", "60 чел."]
