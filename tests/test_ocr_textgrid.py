"""A scanned table drawn with no rule at all: its grid from where its words stand (ocr_textgrid)."""

from __future__ import annotations

from itertools import pairwise

import cv2
import numpy as np
from test_ocr import needs_tesseract

from muniflow.readers import ocr, ocr_cells, ocr_textgrid
from muniflow.readers.pdftext import TextRow, TextTable

COLUMNS = (150, 260, 760, 1150)  # each column's left edge; the text starts 15 px right of it
LINE = 45  # pixels from one text line to the next


def _put(page: np.ndarray, x: int, y: int, text: str) -> None:
    cv2.putText(page, text, (x + 15, y), cv2.FONT_HERSHEY_SIMPLEX, 1.1, 0, 2, cv2.LINE_AA)


def test_a_tables_cell_boxes_make_its_grid() -> None:
    """Points to pixels; a heading's box across the table is one merged cell; a slot no box of its
    row covers (a header cell merged down from the level above) is a cell of its own."""
    edges = (10.0, 40.0, 100.0, 150.0)
    rows = (
        TextRow(((10.0, 5.0, 40.0, 30.0), (40.0, 5.0, 150.0, 15.0), None)),  # № merged down, a group
        TextRow((None, (40.0, 15.0, 100.0, 30.0), (100.0, 15.0, 150.0, 30.0))),  # its sub-headers
        TextRow(((10.0, 30.0, 150.0, 40.0), None, None)),  # a heading across
        TextRow(tuple((a, 40.0, b, 60.0) for a, b in pairwise(edges))),
    )
    grid = ocr_textgrid.as_grid(TextTable(bbox=(10.0, 5.0, 150.0, 60.0), rows=rows), 2.0)
    assert grid.xs == (20, 80, 200, 300)
    assert grid.ys == (10, 30, 60, 80, 120)
    assert grid.spans == (((0, 0), (1, 2)), ((0, 0), (1, 1), (2, 2)), ((0, 2),), ((0, 0), (1, 1), (2, 2)))


@needs_tesseract
def test_a_table_without_any_rule_is_found_from_its_text() -> None:
    """A header, a heading and three numbered rows, no line drawn: one table, its columns where
    the text leaves gaps, a row from each number; before, such a page had no table found."""
    page = np.full((2339, 1654), 255, np.uint8)
    y = 250
    _put(page, 500, y, "Quarterly report of the district")  # a title, no table
    y += 2 * LINE
    for x, text in zip(COLUMNS, ("No", "Event", "Place", "Dates"), strict=True):
        _put(page, x, y, text)
    rows = [("1", "Forum of towns", "Minsk", "12.04.2024"), ("2", "Visit", "Vitebsk", "15.04.2024")]
    rows.append(("3", "Concert", "Orsha", "20.04.2024"))
    for row in rows:
        y += LINE + 20
        for x, text in zip(COLUMNS, row, strict=True):
            _put(page, x, y, text)
    grids = ocr.find_tables(ocr_cells.binarize(page), page)
    assert [(len(g.xs) - 1, len(g.ys) - 1, ruled) for g, ruled in grids] == [(len(COLUMNS), 4, False)]
    grid = grids[0][0]
    assert all(abs(x - edge) < 40 for x, edge in zip(grid.xs[1:-1], COLUMNS[1:], strict=True))


@needs_tesseract
def test_prose_in_two_columns_without_rules_is_no_table() -> None:
    """A letter's head (sender and addressee side by side) and its lines: nothing numbered."""
    page = np.full((2339, 1654), 255, np.uint8)
    for k, (left, right) in enumerate(
        [("Department of", "To the Governor"), ("external ties", "of the region")]
    ):
        _put(page, 150, 250 + k * LINE, left)
        _put(page, 900, 250 + k * LINE, right)
    for k in range(6):
        _put(page, 150, 500 + k * LINE, "This letter says nothing in columns, line after line of it.")
    assert ocr.find_tables(ocr_cells.binarize(page), page) == []
