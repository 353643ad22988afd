"""Ruling lines told from letters on a scanned page (ocr_cells.line_masks)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from muniflow.readers import ocr_cells, ocr_page_image


@pytest.mark.parametrize("shape", [(2339, 1654), (1654, 2339)], ids=["portrait", "landscape"])
def test_a_letters_stem_is_no_ruling_line_on_either_page(shape: tuple[int, int]) -> None:
    """At 200 dpi a 14 pt letter's stem («р», «ф») runs about 30 px: on a landscape page too it is
    no vertical rule (erased as one, «р» was read «э»); a cell's side of 200 px is one."""
    ink = np.zeros(shape, np.uint8)
    cv2.line(ink, (400, 300), (400, 331), 255, 3)  # a stem
    cv2.line(ink, (800, 300), (800, 500), 255, 3)  # a rule
    _, vertical = ocr_cells.line_masks(ink)
    assert not vertical[300:332, 395:406].any()
    assert vertical[300:500, 795:806].any()


def test_a_faint_rule_is_ink_where_the_grid_is_sought_and_a_shaded_cell_is_not() -> None:
    """A rule printed light grey (175) is paper to the threshold that tells text from paper; it is
    ink for the grid search, measured against the paper around it. A shaded cell (200) is no
    darker than itself: only its edge, never its inside, is such ink."""
    page = np.full((2339, 1654), 250, np.uint8)
    cv2.line(page, (100, 600), (1500, 600), 175, 3)  # the faint rule
    page[1000:1100, 300:600] = 200  # the shaded cell
    for y in range(1300, 2300, 100):  # dark text: what the threshold sets text apart by
        cv2.putText(page, "TEXT TEXT TEXT", (100, y), cv2.FONT_HERSHEY_SIMPLEX, 3, 0, 10)
    ink = ocr_page_image.binarize(page)
    assert not ink[598:603, 100:1500].any()
    rules = ocr_page_image.with_faint_rules(page, ink, 40, 10)
    assert rules[598:603, 100:1500].any(axis=0).mean() > 0.95
    assert not rules[1020:1080, 320:580].any()
    horizontal, _ = ocr_cells.line_masks(rules)
    assert horizontal[598:603].any()


def test_a_row_rule_across_the_table_counts_where_one_side_line_fades() -> None:
    """Row rules run across the table; where the left side line is gone (faint, broken) beside the
    top rows, those rows' rules still touch the right side and cross the table: they are rows.
    A short rule under the table (a signature's line) is none."""
    ink = np.zeros((2339, 1654), np.uint8)
    xs, ys = (150, 300, 700, 1100, 1500), (300, 400, 500, 600, 700, 800)
    for x in xs:
        cv2.line(ink, (x, ys[0]), (x, ys[-1]), 255, 3)
    for y in ys:
        cv2.line(ink, (xs[0], y), (xs[-1], y), 255, 3)
    cv2.line(ink, (1000, 900), (1400, 900), 255, 3)  # a signature's line under the table
    ink[250:460, 140:160] = 0  # the left side line gone beside the first rows
    grid = ocr_cells.find_grid(ink)
    assert grid is not None
    assert [abs(a - b) <= 3 for a, b in zip(grid.xs, xs, strict=True)] == [True] * len(xs)
    assert [abs(a - b) <= 3 for a, b in zip(grid.ys, ys, strict=True)] == [True] * len(ys)


def _table(ink: np.ndarray, xs: tuple[int, ...], ys: tuple[int, ...]) -> None:
    for x in xs:
        cv2.line(ink, (x, ys[0]), (x, ys[-1]), 255, 3)
    for y in ys:
        cv2.line(ink, (xs[0], y), (xs[-1], y), 255, 3)


EDGES = [
    # (dark border: its columns, why)
    (slice(0, 8), "a scanner lid's thin dark border along the left side"),
    (slice(1610, 1654), "a feeder's wide dark border along the right side"),
]


@pytest.mark.parametrize(("border", "why"), EDGES, ids=[e[1] for e in EDGES])
def test_a_dark_border_the_page_high_sets_no_bar_for_column_lines(border: slice, why: str) -> None:
    """A table a third of the page high (a report's last rows on a continuation page) keeps its
    column lines beside a dark border that runs the whole page height, and the border is no side."""
    ink = np.zeros((2339, 1654), np.uint8)
    xs, ys = (150, 300, 700, 1100, 1500), (300, 450, 600, 750, 900, 1050)
    _table(ink, xs, ys)
    ink[:, border] = 255
    grid = ocr_cells.find_grid(ink)
    assert grid is not None, why
    assert len(grid.xs) == len(xs) and all(abs(a - b) <= 3 for a, b in zip(grid.xs, xs, strict=True)), why


def test_a_table_cropped_to_its_frame_keeps_its_sides() -> None:
    """A picture cropped to the table (a pasted screenshot): its sides are on the picture's edges
    and its rules reach them, so they are column lines."""
    ink = np.zeros((800, 1600), np.uint8)
    xs, ys = (1, 300, 700, 1100, 1598), (1, 200, 400, 600, 798)
    _table(ink, xs, ys)
    grid = ocr_cells.find_grid(ink)
    assert grid is not None and len(grid.xs) == len(xs)


def test_a_bold_letter_under_a_column_line_in_a_tight_heading_row_is_no_line() -> None:
    """A heading across the table (a municipality's name) in a row barely taller than its letters:
    a bold letter's stem right under a column line, its descender touching the rule below, runs on
    into the column line under the row and passes for it; the letters on both sides of it say the
    heading crosses there, so the row stays one merged cell. A body row keeps its lines."""
    ink = np.zeros((3508, 2480), np.uint8)
    xs, ys = (270, 860, 1460, 1940, 2310), (500, 700, 750, 950)  # the heading is the band 700-750
    _table(ink, xs, ys)
    ink[702:749, xs[1] - 3 : xs[1] + 4] = 0  # the heading's band: no column line drawn in it
    ink[702:749, xs[2] - 3 : xs[2] + 4] = 0
    ink[702:749, xs[3] - 3 : xs[3] + 4] = 0
    for left in range(1200, 1800, 26):  # bold letters 20 px wide, 6 px apart, across x = 1460
        ink[717:740, left : left + 20] = 255
    ink[717:750, 1456:1465] = 255  # a letter's stem right under the line, down to the rule below
    for x in (400, 1000, 1560, 2050):  # a body row's words keep off the lines
        ink[780:800, x : x + 120] = 255
    grid = ocr_cells.find_grid(ink)
    assert grid is not None and len(grid.xs) == len(xs)
    assert grid.spans[1] == ((0, len(xs) - 2),), "the heading row is one cell across"
    assert grid.spans[2] == tuple((k, k) for k in range(len(xs) - 1)), "a body row keeps its cells"
