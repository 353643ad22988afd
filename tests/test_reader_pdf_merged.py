"""Cells merged down over several events in a PDF (one date or place written once for two or three
rows): the PDF reader marks the rows they cover as the DOCX reader does (`RawRow.from_above`), so
each event gets the value. The geometry on boxes, then a LibreOffice export of a Word table."""

from __future__ import annotations

from pathlib import Path

import pytest
from readers_fixtures import HEADER
from readers_layouts import exported, merged_events

from muniflow import stages
from muniflow.model import RawDocument
from muniflow.readers.base import fold_whitespace
from muniflow.readers.docx import DocxReader
from muniflow.readers.pdf import PdfReader
from muniflow.readers.pdfgrid import merged_down
from sample_inputs.samplegen.docx_build import (
    BookmarkIds,
    add_cells_row,
    add_grid_table,
    add_title,
    merge_down,
    new_document,
    save_stable,
)

# A grid of three columns (x 0-10-20-30) and three rows (y 0-10-20-30).
A, B, C = (0.0, 10.0), (10.0, 20.0), (20.0, 30.0)


def _box(col: tuple[float, float], top: float, bottom: float, right: float | None = None):
    return (col[0], top, col[1] if right is None else right, bottom)


MERGES = [
    # (rows of boxes as pdfplumber gives them, slots covered from above per row, why)
    (
        [[_box(A, 0, 10), _box(B, 0, 20), _box(C, 0, 10)], [_box(A, 10, 20), None, _box(C, 10, 20)]],
        [frozenset(), frozenset({1})],
        "a middle cell two rows tall covers its slot in the lower row",
    ),
    (
        [
            [_box(A, 0, 10), _box(B, 0, 10), _box(C, 0, 30)],
            [_box(A, 10, 20), _box(B, 10, 20), None],
            [_box(A, 20, 30), _box(B, 20, 30), None],
        ],
        [frozenset(), frozenset({2}), frozenset({2})],
        "a last cell three rows tall covers both rows under it",
    ),
    (
        [[_box(A, 0, 10, right=30.0), None, None], [_box(A, 10, 20), _box(B, 10, 20), _box(C, 10, 20)]],
        [frozenset(), frozenset()],
        "a heading across the row covers its slots from the left, not from above",
    ),
    (
        [
            [_box(A, 0, 20, right=20.0), None, _box(C, 0, 10)],
            [None, None, _box(C, 10, 20)],
            [_box(A, 20, 30), _box(B, 20, 30), _box(C, 20, 30)],
        ],
        [frozenset(), frozenset({0, 1}), frozenset()],
        "a cell merged both ways covers every slot of its width in the row under it",
    ),
]


@pytest.mark.parametrize(("rows", "expected", "why"), MERGES, ids=[m[-1] for m in MERGES])
def test_slots_covered_from_above_follow_the_cell_boxes(rows, expected, why: str) -> None:
    assert merged_down(rows, 1.0) == tuple(expected), why


def over_page(path: Path) -> Path:
    """Seventy one-line events, the place and date of events 30-75 in one merged cell that runs
    over a page end; the header is not repeated, so the merged cell's rest opens the next page as
    a cell of its own, empty."""
    doc = new_document("Times New Roman", 12)
    add_title(doc, ["Информация о мероприятиях за II квартал 2024 года"], 12)
    widths = [1.2, 4.5, 4.0, 3.0, 3.8]
    ids = BookmarkIds()
    table = add_grid_table(doc, widths)
    add_cells_row(table, list(HEADER), widths, ids, bold=True)
    for n in range(1, 81):
        shared = n == 30 or not 30 <= n <= 75
        place, day = ("г. Велиж", f"{n % 28 + 1} мая 2024 г.") if shared else ("", "")
        add_cells_row(table, [f"{n}.", f"Выставка {n}", place, day, "Делегация"], widths, ids)
    merge_down(table, 2, 30, 75)
    merge_down(table, 3, 30, 75)
    save_stable(doc, path)
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    out, pdfs = exported(tmp_path_factory, "merged", {"merged": merged_events, "over_page": over_page})
    return {"pdf": pdfs["merged"], "docx": out / "merged.docx", "over_page": pdfs["over_page"]}


def _rows(doc: RawDocument) -> list[tuple[tuple[str | None, ...], frozenset[int]]]:
    """Each body row's cells (whitespace folded: line breaks differ by format) and merged slots."""
    return [
        (tuple(None if c is None else fold_whitespace(c) for c in row.cells), row.from_above)
        for row in doc.tables[0].rows
    ]


def test_pdf_marks_merged_cells_as_the_docx_reader_does(files: dict[str, Path]) -> None:
    pdf, word = PdfReader().read(files["pdf"]), DocxReader().read(files["docx"])
    assert [above for _, above in _rows(pdf)] == [
        frozenset(),
        frozenset({2, 3}),
        frozenset(),
        frozenset({2}),
        frozenset({2}),
    ]
    assert _rows(pdf) == _rows(word)


def test_every_event_under_a_merged_cell_gets_its_place_and_date(files: dict[str, Path]) -> None:
    doc = PdfReader().read(files["pdf"])
    report = stages.interpret_file(files["pdf"], doc, None, "0" * 64).report
    assert report is not None
    assert [(r.place, r.start_date.isoformat() if r.start_date else None) for r in report.rows] == [
        ("г. Велиж, районный Дом культуры", "2024-05-05"),
        ("г. Велиж, районный Дом культуры", "2024-05-05"),
        ("г. Демидов, стадион", "2024-05-17"),
        ("г. Демидов, стадион", "2024-05-18"),
        ("г. Демидов, стадион", "2024-05-19"),
    ]


def test_a_merged_cell_going_on_over_a_page_end_covers_the_rows_of_the_next_page(files) -> None:
    pdf = PdfReader().read(files["over_page"])
    word = DocxReader().read(files["over_page"].with_suffix(".docx"))
    assert pdf.pages is not None and pdf.pages > 1
    assert _rows(pdf) == _rows(word)
    report = stages.interpret_file(files["over_page"], pdf, None, "0" * 64).report
    assert report is not None
    assert all(r.place == "г. Велиж" and r.date_text for r in report.rows)
