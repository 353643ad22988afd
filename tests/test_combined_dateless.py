"""A header cell reading «Место проведения Дата проведения» over a column of places, beside a
column with no label whose cells are dates: a scan's two labels read as one cell where the rule
between them is missing. The combined column is the place only; the dates come from the column
beside it, not joined to the place's text (interpret/column_content.py). Names invented."""

from __future__ import annotations

from datetime import date

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о международных мероприятиях муниципальных образований за III квартал 2025 года"
ROWS = [
    (
        "1",
        "Фестиваль «Северная прялка»",
        "с. Верхнеозёрск, Дом культуры",
        "18.08.2025 г.",
        "Гости из Республики Беларусь",
    ),
    (
        "2",
        "Турнир по самбо «Кубок дружбы»",
        "г. Заречинск, стадион «Труд»",
        "08-09.09.2025",
        "Спортсмены из Монголии",
    ),
    (
        "3",
        "Круглый стол о туризме",
        "онлайн (платформа «Сферум»)",
        "25.07.2025 г.",
        "Делегация г. Ниш (Сербия)",
    ),
]


def _read(place_label: str, date_label: str):
    header = ("№", "Наименование мероприятия", place_label, date_label, "Участники")
    rows = tuple(RawRow(r, f"page 1, row {i + 2}") for i, r in enumerate(ROWS))
    doc = RawDocument("x.pdf", "pdf_ocr", TITLE, (RawTable(header, rows, "page 1"),))
    return interpret_document(doc, contracts.header_synonyms()).rows


def test_a_dateless_combined_column_beside_unlabelled_dates_is_the_place() -> None:
    rows = _read("Место проведения Дата проведения", "")
    assert [r.place for r in rows] == [r[2] for r in ROWS]
    assert [r.date_text for r in rows] == [r[3] for r in ROWS]
    assert [(r.start_date, r.end_date) for r in rows] == [
        (date(2025, 8, 18), date(2025, 8, 18)),
        (date(2025, 9, 8), date(2025, 9, 9)),
        (date(2025, 7, 25), date(2025, 7, 25)),
    ]


def test_labels_read_apart_still_read_the_same() -> None:
    rows = _read("Место проведения", "Дата проведения")
    assert [r.date_text for r in rows] == [r[3] for r in ROWS]
    assert [r.place for r in rows] == [r[2] for r in ROWS]
