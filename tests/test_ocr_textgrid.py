"""A scanned table drawn with no rule at all: its grid from where its words stand (ocr_textgrid)."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import cv2
import numpy as np
from test_ocr import needs_tesseract

from muniflow.readers import ocr, ocr_cells, ocr_page_image, ocr_seqcell, ocr_textgrid, ocr_textnumbers
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
    grids = ocr.find_tables(ocr_page_image.binarize(page), page)
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
    assert ocr.find_tables(ocr_page_image.binarize(page), page) == []


def _words_reader(lines: list[tuple[int, list[tuple[str, int, int]]]], short: dict[str, tuple[int, int]]):  # type: ignore[no-untyped-def]
    """A stand-in for Tesseract at 72 dpi (a pixel a point): each line (top, words at (text, left,
    right)) 10 px high; a word in `short` has its own (offset from the line's top, height): the box
    of a lone dash is its ink, a few pixels at the line's middle."""
    words = []
    for top, items in lines:
        for text, left, right in items:
            offset, height = short.get(text, (0, 10))
            words.append(ocr_cells.Word(text, left, top + offset, right - left, height, 90.0))
    return lambda grey, timeout, psm: words


def _row(top: int, number: str, title: str, place: str, dates: list[tuple[str, int, int]]):  # type: ignore[no-untyped-def]
    return (top, [(number, 50, 58), (title, 80, 200), (place, 300, 350), *dates])


HEAD = (100, [("№", 50, 60), ("Мероприятие", 80, 160), ("Место", 300, 340), ("Даты", 420, 450)])


def test_a_lone_dash_takes_the_height_of_its_line() -> None:
    """«05.10.2031 — 08.10.2031»: the dash's box (its ink, low and thin) made a line of its own, of
    next to no height, which parted the rows under it from the table as a wide gap does."""
    lines = [
        HEAD,
        _row(
            120,
            "1.",
            "Турнир",
            "с.Ивня",
            [("05.10.2031", 420, 480), ("—", 484, 492), ("08.10.2031", 496, 556)],
        ),
        (150, [("-", 60, 64)]),  # a stroke alone, no word beside it: its own box
    ]
    words = _words_reader(lines, {"—": (6, 1), "-": (4, 1)})(None, 0, 0)
    boxes = {word.text: box for word, box in ocr_textgrid.in_lines(words)}
    assert boxes["—"] == (120, 130)
    assert boxes["-"] == (154, 155)


def test_the_rest_of_a_table_further_down_is_read_with_it() -> None:
    """Two numbered rows further below the table than a row stands, no header of their own: the
    table going on, read with it (before, only the table of the most rows was kept)."""
    lines = [
        HEAD,
        *(_row(120 + 20 * k, f"{k + 1}.", "Семинар", "с.Ивня", [("01.07.2031", 420, 480)]) for k in range(3)),
    ]
    lines += [
        _row(260 + 20 * k, f"{k + 4}.", "Форум", "с.Ивня", [("02.08.2031", 420, 480)]) for k in range(2)
    ]
    grids = ocr_textgrid.text_grids(np.zeros((10, 10), np.uint8), 72, _words_reader(lines, {}), 10)
    assert [(len(g.xs) - 1, len(g.ys) - 1) for g in grids] == [(4, 6)]


def test_a_word_read_out_of_no_ink_does_not_close_a_gutter() -> None:
    """Tesseract's block mode made a dash up in the blank gap between a row's place and its dates
    (its box holds no ink): laid out with the others, it closed the gutter and the dates ran into
    the place column; a word whose box holds no ink is left out."""
    lines = [
        HEAD,
        *(_row(120 + 20 * k, f"{k + 1}.", "Семинар", "с.Ивня", [("01.07.2031", 420, 480)]) for k in range(3)),
    ]
    phantoms = [(140, [("—", 353, 417)]), (160, [("—", 353, 417)])]  # in gaps, over blank paper
    read = _words_reader([*lines, *phantoms], {"—": (0, 10)})
    grey = np.full((300, 600), 255, np.uint8)
    for word in read(None, 0, 0):
        if word.text != "—":
            grey[word.top + 2 : word.top + word.height - 2, word.left : word.left + word.width] = 0
    assert [len(g.xs) - 1 for g in ocr_textgrid.text_grids(grey, 72, read, 10)] == [3]  # the gutter closed
    grids = ocr_textgrid.text_grids(grey, 72, read, 10, ocr.settings().phantom_ink_share_max)
    assert [len(g.xs) - 1 for g in grids] == [4]


def test_a_row_number_misread_as_a_letter_is_read_again_as_digits() -> None:
    """Row 3's «3» read «т» (Tesseract sure of it by a fourth): no numbered line opened it, and it
    went on row 2. A short unsure word first on its line, where the surely read numbers stand, is
    read again as digits (a stand-in reader here: the digit reading is ocr_seqcell's)."""
    lines = [
        HEAD,
        *(_row(120 + 20 * k, f"{k + 1}.", "Семинар", "с.Ивня", [("01.07.2031", 420, 480)]) for k in range(3)),
    ]
    words = [
        replace(w, conf=24.0) if (w.text, w.top) == ("3.", 160) else w
        for w in _words_reader(lines, {})(None, 0, 0)
    ]
    words = [replace(w, text="т") if w.conf == 24.0 else w for w in words]
    grey = np.full((300, 600), 255, np.uint8)
    for word in words:
        grey[word.top : word.top + word.height, word.left : word.left + word.width] = 0

    def read(image, timeout, psm):  # type: ignore[no-untyped-def]
        return words

    def digits(line):  # type: ignore[no-untyped-def]
        return "3", 80.0

    assert [len(g.ys) - 1 for g in ocr_textgrid.text_grids(grey, 72, read, 10)] == [3]  # rows 2 and 3 one
    assert [len(g.ys) - 1 for g in ocr_textgrid.text_grids(grey, 72, read, 10, None, digits)] == [4]
    title = replace(words[-3], text="т", conf=24.0)  # unsure, but in the title column: left as read
    assert (
        ocr_textnumbers.misread_numbers([*words, title], grey, 72, digits, ocr_seqcell.settings())[-1]
        == title
    )


def test_a_cut_rows_rest_at_a_pages_top_goes_on_the_table_before() -> None:
    """A table without rules and no header repeated: the page opens with the rest of the row the
    page break cut (its title's and participants' last lines, no number). Told the columns of the
    table the page before ended with, the rest is the table's first band (before, the table opened
    at the first numbered row and the rest was lost)."""
    lines = [
        (100, [("хора", 80, 110), ("Гости", 430, 460)]),
        *(_row(120 + 20 * k, f"{k + 5}.", "Семинар", "с.Ивня", [("01.07.2031", 420, 480)]) for k in range(3)),
    ]
    read = _words_reader(lines, {})
    grey = np.zeros((10, 10), np.uint8)
    assert [g.ys[0] > 110 for g in ocr_textgrid.text_grids(grey, 72, read, 10)] == [True]
    hint = (45, 70, 290, 410, 500)
    grids = ocr_textgrid.text_grids(grey, 72, read, 10, hint=hint)
    assert [(g.ys[0] <= 100, len(g.ys) - 1) for g in grids] == [(True, 4)]
