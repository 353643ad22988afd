"""Screenshots of a report (a word processor's or a browser's window round the page): the window's
frame is no table, the resolution is judged by the text's own size, the text above the table is
read across the page, light text on a dark fill is read."""

from __future__ import annotations

import cv2
import numpy as np

from muniflow.readers import ocr, ocr_cells

TABLE_XS = (420, 520, 820, 1050, 1300)
TABLE_YS = (220, 300, 380, 460, 540, 620)


def _table(page: np.ndarray) -> None:
    for x in TABLE_XS:
        cv2.line(page, (x, TABLE_YS[0]), (x, TABLE_YS[-1]), 0, 1)
    for y in TABLE_YS:
        cv2.line(page, (TABLE_XS[0], y), (TABLE_XS[-1], y), 0, 1)
    for r, y in enumerate(TABLE_YS[1:-1], start=1):
        cells = (f"{r}.", "Vorum gorodov", "g. Lesnoy", "12.04.2025")
        for x, text in zip(TABLE_XS, cells, strict=False):
            cv2.putText(page, text, (x + 8, y + 40), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 0, 1, cv2.LINE_AA)


def _window() -> np.ndarray:
    """A window 1500 x 900 px: its frame at the picture's edges, a toolbar's rule, a side pane's
    rule, a status bar's rule, a scroll bar; the page's table inside, off every rule of the window."""
    shot = np.full((900, 1500), 255, np.uint8)
    cv2.rectangle(shot, (0, 0), (1499, 899), 0, 2)
    cv2.line(shot, (0, 70), (1499, 70), 0, 1)
    cv2.line(shot, (0, 860), (1499, 860), 0, 1)
    cv2.line(shot, (300, 70), (300, 860), 0, 1)
    cv2.rectangle(shot, (1470, 70), (1499, 860), 0, 1)
    _table(shot)
    return shot


def test_a_window_round_the_page_is_no_table_and_the_table_inside_is_found() -> None:
    shot = _window()
    grids = ocr.find_tables(ocr_cells.binarize(shot))
    assert len(grids) == 1, "the window's frame is no table, nor its bar under the table"
    grid, ruled = grids[0]
    assert ruled
    assert all(abs(a - b) <= 3 for a, b in zip(grid.xs, TABLE_XS, strict=True)), grid.xs
    assert abs(grid.ys[0] - TABLE_YS[0]) <= 3 and abs(grid.ys[-1] - TABLE_YS[-1]) <= 3, grid.ys


def test_a_table_reaching_the_pictures_bottom_ends_the_search_there() -> None:
    """A grid whose bottom rule is the picture's last row leaves nothing under it to search."""
    page = np.full((700, 1500), 255, np.uint8)
    _table(page)
    cut = page[: TABLE_YS[-1] + 1]
    grids = ocr.find_tables(ocr_cells.binarize(cut))
    assert len(grids) == 1

