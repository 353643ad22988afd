"""Scanned tables in layouts the three samples do not have (bench/scans_layouts.py measures them):
a heading touching the table's frame.

Pure image geometry on pages drawn here, so no Tesseract is needed.
"""

from __future__ import annotations

import cv2
import numpy as np

from muniflow.readers import ocr, ocr_cells

W, H = 1654, 2339  # an A4 page at 200 dpi, portrait
LETTER, GAP, LINE = 10, 4, 30  # a letter's width, the gap after it, a line's pitch (pixels)


def _write(page: np.ndarray, x: int, y: int, right: int) -> None:
    """A line of 'text' from x to right: letter-sized blocks, so no run is long enough for a rule."""
    while x + LETTER <= right:
        page[y : y + 18, x : x + LETTER] = 0
        x += LETTER + GAP


def _rules(page: np.ndarray, ys: list[int], left: int, right: int) -> None:
    for y in ys:
        page[y : y + 3, left:right] = 0


def test_a_heading_touching_a_straight_table_leaves_it_straight() -> None:
    """Text written up against the table's top rule joined the table's ink, so the table's outline
    got a corner at the heading's and the straight page was warped by it: no rule was level and
    no table was found (layout corpus: a municipality's heading just above its table)."""
    page = np.full((H, W), 255, np.uint8)
    left, right, top, bottom = 150, 1500, 300, 1500
    ys = [top, 420, 700, 1000, 1300, bottom]
    xs = [left, 300, 700, 1100, right]
    _rules(page, ys, left, right + 3)
    for x in xs:
        page[top : bottom + 3, x : x + 3] = 0
    # the heading: its first line touches the frame, its second stands above, both from the left edge
    page[top - 6 : top, left : left + 700] = 0
    _write(page, left, top - 50, left + 700)
    page[top - 32 : top - 6, left : left + 4] = 0  # its letters reach down to the rule
    s = ocr.settings()
    level = ocr_cells.rectify(page, s.outline_share, s.outline_reach_per_100dpi)
    assert level is page
    grid = ocr_cells.find_grid(ocr_cells.binarize(ocr_cells.deskew(level, s.max_skew_degrees)))
    assert grid is not None
    assert len(grid.xs) == len(xs)
    assert len(grid.ys) == len(ys)


def test_a_photographed_table_is_still_warped_to_a_rectangle() -> None:
    """The outline check keeps a table seen at an angle: its outline runs along its frame."""
    page = np.full((H, W), 255, np.uint8)
    _rules(page, [300, 600, 900, 1200, 1500], 150, 1503)
    for x in (150, 500, 900, 1500):
        page[300:1503, x : x + 3] = 0
    src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    dst = np.float32([[60, 40], [W - 20, 0], [W, H], [0, H - 60]])
    seen = cv2.warpPerspective(page, cv2.getPerspectiveTransform(src, dst), (W, H), borderValue=255)
    s = ocr.settings()
    assert ocr_cells.rectify(seen, s.outline_share, s.outline_reach_per_100dpi) is not seen
