"""A scanned table drawn with a frame only (no rule between its rows or columns): its columns from
the gutters of its text lines, its rows from the numbers of its № column (ocr_gutters.frame_grid)."""

from __future__ import annotations

import cv2
import numpy as np
from test_ocr import needs_tesseract

from muniflow.readers import ocr, ocr_gutters, ocr_page_image

LEFT, RIGHT, TOP = 150, 1500, 200
COLUMNS = (150, 260, 760, 1150)  # each column's left edge; the text starts 15 px right of it
LINE = 45  # pixels from one text line to the next


def _put(page: np.ndarray, x: int, y: int, text: str) -> None:
    cv2.putText(page, text, (x + 15, y), cv2.FONT_HERSHEY_SIMPLEX, 1.1, 0, 2, cv2.LINE_AA)


def _framed_page() -> tuple[np.ndarray, list[int]]:
    """A 200 dpi page: a frame round a header of two lines and three numbered rows, the second of
    two lines; and the y of each row's first line."""
    page = np.full((2339, 1654), 255, np.uint8)
    y = TOP + 50
    for line in (("No", "Event", "Place", "Dates"), ("", "name", "town", "from - to")):
        for x, text in zip(COLUMNS, line, strict=True):
            _put(page, x, y, text)
        y += LINE
    firsts = []
    rows = [
        [("1", "Forum of towns", "Minsk", "12.04.2024")],
        [("2", "Visit of the", "Vitebsk", "15.04.2024"), ("", "delegation", "", "")],
        [("3", "Concert", "Orsha", "20.04.2024")],
    ]
    for row in rows:
        y += 20
        firsts.append(y)
        for line in row:
            for x, text in zip(COLUMNS, line, strict=True):
                _put(page, x, y, text)
            y += LINE
    cv2.rectangle(page, (LEFT, TOP), (RIGHT, y + 10), 0, 3)
    return page, firsts


@needs_tesseract
def test_a_framed_table_is_cut_into_its_columns_and_numbered_rows() -> None:
    page, firsts = _framed_page()
    ink = ocr_page_image.binarize(page)
    grid = ocr_gutters.frame_grid(ink, page, ocr_gutters.settings(), ocr.words, 60)
    assert grid is not None
    assert len(grid.xs) - 1 == len(COLUMNS)
    assert all(abs(x - edge) < 40 for x, edge in zip(grid.xs[1:-1], COLUMNS[1:], strict=True))
    rows = len(grid.ys) - 1
    assert rows == 4, "the header (two lines) and three rows, the second of two lines"
    for cut, first in zip(grid.ys[1:-1], firsts, strict=True):
        assert first - 2 * LINE < cut < first - 20, "a row opens just above its numbered line (its baseline)"


@needs_tesseract
def test_a_frame_round_prose_is_no_table() -> None:
    page = np.full((2339, 1654), 255, np.uint8)
    for k in range(6):
        _put(page, LEFT, TOP + 60 + k * LINE, "This letter says nothing in columns, line after line of it.")
    cv2.rectangle(page, (LEFT, TOP), (RIGHT, TOP + 60 + 6 * LINE), 0, 3)
    ink = ocr_page_image.binarize(page)
    assert ocr_gutters.frame_grid(ink, page, ocr_gutters.settings(), ocr.words, 60) is None


@needs_tesseract
def test_two_framed_tables_one_under_the_other_are_read_as_framed_tables() -> None:
    """Two municipalities' tables, each drawn with a frame only, a heading between them: the frames'
    top and bottom rules are the page's only rules across, and read as rules between rows they made
    a grid of three bands (a whole table each), its columns from those bands' few gutters. Each is
    a framed table: its columns from its lines' gutters, its rows from its numbers."""
    framed, _ = _framed_page()
    inked = np.flatnonzero((framed < 128).any(axis=1))
    table = framed[TOP - 5 : inked[-1] + 6]
    page = np.full_like(framed, 255)
    second = TOP + len(table) + 120
    page[TOP - 5 : TOP - 5 + len(table)] = table
    page[second - 5 : second - 5 + len(table)] = table
    _put(page, 500, second - 50, "Northern district administration")
    grids = ocr.find_tables(ocr_page_image.binarize(page), page)
    assert [(len(g.xs) - 1, len(g.ys) - 1, ruled) for g, ruled in grids] == [(len(COLUMNS), 4, False)] * 2
