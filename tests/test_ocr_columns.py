"""A scanned table ruled between its rows only, running over pages: its columns as its pages agree
on them (readers/ocr_columns.py), a sparse page taking them where it tells them badly.

Pages drawn here (an A4 page at 200 dpi, 'text' as letter-sized blocks); no Tesseract.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from muniflow.readers import ocr_columns, ocr_gutters, ocr_page_image
from muniflow.readers.ocr_cells import Grid

W, H = 1654, 2339
LETTER, GAP, LINE = 10, 4, 30
LEFT, RIGHT = 200, 1450
STARTS = [LEFT, 350, 800, 1100]  # where each column's cell starts
ENDS = [*STARTS[1:], RIGHT]


def _write(page: np.ndarray, x: int, y: int, right: int) -> None:
    while x + LETTER <= right:
        page[y : y + 18, x : x + LETTER] = 0
        x += LETTER + GAP


def _page(rows: int, top: int = 300) -> np.ndarray:
    """A page of the table: its header (the labels centred in their cells, two lines) over `rows`
    rows of three lines in each cell, written from its left margin, a rule under each."""
    page = np.full((H, W), 255, np.uint8)
    ys = [top, top + 100] + [top + 100 + 150 * (k + 1) for k in range(rows)]
    for y in ys:
        page[y : y + 3, LEFT:RIGHT] = 0
    for x0, x1 in zip(STARTS, ENDS, strict=True):
        for line in range(2):
            _write(page, (x0 + x1) // 2 - 40, top + 20 + line * LINE, (x0 + x1) // 2 + 40)
    for band_top, _ in pairwise(ys[1:]):
        for x0, x1 in zip(STARTS, ENDS, strict=True):
            for line in range(3):
                _write(page, x0 + 15, band_top + 15 + line * LINE, x1 - 40 - 30 * line)
    return page


def _near(xs: tuple[int, ...]) -> bool:
    """Whether column lines stand just left of where each column's text starts."""
    return len(xs) == len(STARTS) + 1 and all(
        s - 30 <= x <= s + 15 for x, s in zip(xs[1:-1], STARTS[1:], strict=True)
    )


def test_a_first_page_holding_one_row_takes_the_columns_its_later_pages_agree_on() -> None:
    """The report's first page holds the header and one row: its centred labels start at no gutter,
    so half its bands say no column starts there and its columns are not told (and it has no page
    before). The pages after it, with more rows, agree on them; they fit its blank strips and are
    its columns."""
    s = ocr_gutters.settings()
    inks = [ocr_page_image.binarize(_page(rows)) for rows in (1, 3, 3)]
    found = []
    hint: tuple[int, ...] = ()
    for ink in inks:
        grid = ocr_gutters.find_grid(ink, s, hint)
        found.append(grid)
        hint = grid.xs if grid is not None else ()
    assert found[0] is None or not _near(found[0].xs)  # the first page alone
    assert all(g is not None and _near(g.xs) for g in found[1:])
    gap = ocr_gutters.gap(s, inks[0].shape)
    columns = ocr_columns.agreed(found, gap)
    assert columns[1] is None and columns[2] is None  # those pages keep their own
    assert columns[0] is not None
    grid = ocr_gutters.with_columns(inks[0], s, columns[0])
    assert grid is not None and _near(grid.xs)
    assert grid.spans[1] == ((0, 0), (1, 1), (2, 2), (3, 3))  # the row's four cells apart


def test_agreed_columns_fit_a_page_shifted_on_the_scanner() -> None:
    """A page scanned a little to the right takes the columns measured from its own left side."""
    s = ocr_gutters.settings()
    shift = 40
    page = np.full((H, W), 255, np.uint8)
    page[:, shift:] = _page(1)[:, : W - shift]
    columns = (LEFT, *(x - 10 for x in STARTS[1:]), RIGHT)
    grid = ocr_gutters.with_columns(ocr_page_image.binarize(page), s, columns)
    assert grid is not None
    assert all(abs(x - (c + shift)) <= 5 for x, c in zip(grid.xs, columns, strict=True))


def test_columns_that_cross_a_pages_text_are_not_taken() -> None:
    """Another table as wide, its text running where the agreed columns would part it: its own stay."""
    s = ocr_gutters.settings()
    page = np.full((H, W), 255, np.uint8)
    for y in (300, 450, 600):
        page[y : y + 3, LEFT:RIGHT] = 0
    for top in (300, 450):
        for line in range(3):
            _write(page, LEFT + 15, top + 15 + line * LINE, 700)
            _write(page, 760, top + 15 + line * LINE, RIGHT - 20)
    columns = (LEFT, *(x - 10 for x in STARTS[1:]), RIGHT)
    assert ocr_gutters.with_columns(ocr_page_image.binarize(page), s, columns) is None


def _grid(xs: tuple[int, ...], bands: int) -> Grid:
    ys = tuple(100 * k for k in range(bands + 1))
    return Grid(xs, ys, tuple(tuple((j, j) for j in range(len(xs) - 1)) for _ in range(bands)))


def test_of_two_pages_told_apart_the_one_told_from_fewer_bands_gives_way() -> None:
    """Two pages, their columns told differently: the page told fewer columns from fewer bands (its
    header's labels hid a gutter) takes the other's; a page told more columns keeps its own where the
    other's, told from more bands, are fewer (a label across two columns there); a page with no table
    told takes the columns of the table most pages agree on; a table of another width keeps its own."""
    sure = _grid((100, 200, 500, 900), 6)
    sparse = _grid((100, 500, 900), 2)
    split = _grid((100, 200, 500, 700, 900), 2)
    narrow = _grid((100, 300, 600), 3)
    assert ocr_columns.agreed([sparse, sure], 16) == [sure.xs, None]
    assert ocr_columns.agreed([split, sure], 16) == [None, None]
    assert ocr_columns.agreed([sure, None, sparse, sure], 16) == [None, sure.xs, sure.xs, None]
    assert ocr_columns.agreed([split, sure, sure], 16) == [sure.xs, None, None]  # most pages agree
    assert ocr_columns.agreed([narrow, sure], 16) == [None, None]


def test_a_page_holding_one_band_of_a_table_takes_the_columns_of_the_page_before() -> None:
    """A page between the table's frame rules holds the rest of one long cell the page break cut
    (a column's text only, a word or two in the next): one band tells no gutter, and no row
    number makes it a framed table; the columns the page before ended with fit it."""
    s = ocr_gutters.settings()
    page = np.full((H, W), 255, np.uint8)
    for y in (300, 1500):
        page[y : y + 3, LEFT:RIGHT] = 0
    for line in range(30):
        _write(page, STARTS[2] + 15, 320 + line * LINE, ENDS[2] - 40)
    _write(page, STARTS[3] + 15, 320, STARTS[3] + 120)
    ink = ocr_page_image.binarize(page)
    assert ocr_gutters.find_grid(ink, s) is None
    hint = (LEFT, *(x - 10 for x in STARTS[1:]), RIGHT)
    grid = ocr_gutters.find_grid(ink, s, hint)
    assert grid is not None and _near(grid.xs)
    assert grid.spans == (((0, 0), (1, 1), (2, 2), (3, 3)),)


def test_a_column_line_stands_left_of_a_cell_whose_text_starts_early() -> None:
    """A long centred date in one row of five starts further left than the column's text does in
    the others (the gutter still blank in most bands): the line stood where that row's text starts,
    crossed it, and the date went into the № cell (two cells merged); it stands left of it now."""
    s = ocr_gutters.settings()
    top = 300
    page = _page(5, top)
    band = top + 100 + 150 * 2  # the third row's
    page[band + 10 : band + 140, STARTS[2] : ENDS[2]] = 255
    for line in range(2):
        _write(page, STARTS[2] - 8, band + 15 + line * LINE, ENDS[2] - 10)
    grid = ocr_gutters.find_grid(ocr_page_image.binarize(page), s)
    assert grid is not None and _near(grid.xs)
    assert grid.xs[2] < STARTS[2] - 8
    assert all(spans == ((0, 0), (1, 1), (2, 2), (3, 3)) for spans in grid.spans)


def test_a_sparse_page_takes_the_columns_before_moved_to_its_own_side() -> None:
    """A page holding the header and one row, its columns told badly, scanned a little to the left
    of the page before: its columns, taken as they stood there, crossed the row's text (the row one
    merged cell); moved by the difference of the tables' sides, they part it."""
    s = ocr_gutters.settings()
    before = ocr_gutters.find_grid(ocr_page_image.binarize(_page(3)), s)
    assert before is not None
    shift = 6
    page = np.full((H, W), 255, np.uint8)
    page[:, : W - shift] = _page(1)[:, shift:]
    grid = ocr_gutters.find_grid(ocr_page_image.binarize(page), s, before.xs)
    assert grid is not None
    assert grid.xs == tuple(x - shift for x in before.xs)
    assert grid.spans[1] == ((0, 0), (1, 1), (2, 2), (3, 3))


def test_a_sparse_pages_header_label_reaching_into_a_gutter_does_not_veto_the_columns() -> None:
    """The header repeated over two rows, its second label centred and wider than its column's text
    («Дата проведения»), reaching left into the gutter: one band of three crossed the column line,
    more than `ink_share_max`, and the page kept its own columns (three columns merged into one)."""
    s = ocr_gutters.settings()
    page = _page(2)
    page[320:380, STARTS[1] : ENDS[1]] = 255  # the header's second label, rewritten wider
    _write(page, STARTS[1] - 20, 320, ENDS[1] - 30)
    ink = ocr_page_image.binarize(page)
    columns = (LEFT, *(x - 10 for x in STARTS[1:]), RIGHT)
    grid = ocr_gutters.with_columns(ink, s, columns)
    assert grid is not None and _near(grid.xs)
    assert grid.spans[1] == grid.spans[2] == ((0, 0), (1, 1), (2, 2), (3, 3))  # the rows' cells apart


def test_a_column_written_centred_is_a_column_of_its_own() -> None:
    """The third column's text (dates) centred in its cells, of widths that vary, never starts just
    right of its gutter: the gutter was taken for a blank strip inside the column before it, the
    two columns read as one (a title and its date in one cell, no date column); text standing as
    far from the one gutter as from the next is a column's."""
    s = ocr_gutters.settings()
    top = 300
    page = _page(5, top)
    for k, width in enumerate((150, 230, 110, 200, 170)):
        band = top + 100 + 150 * k
        page[band + 10 : band + 140, STARTS[2] : ENDS[2]] = 255
        middle = (STARTS[2] + ENDS[2]) // 2
        _write(page, middle - width // 2, band + 15, middle + width // 2)
    grid = ocr_gutters.find_grid(ocr_page_image.binarize(page), s)
    assert grid is not None and len(grid.xs) == len(STARTS) + 1
    widest = (STARTS[2] + ENDS[2]) // 2 - 230 // 2
    assert ENDS[1] - 40 < grid.xs[2] < widest  # between the titles' text and the widest date
