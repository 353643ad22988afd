"""A scanned table drawn with no rule at all: its grid from where its words stand.

With no ruling line, no rule between rows and no frame, the page's words (Tesseract over the whole
page, read as one block of lines: its sparse mode loses a lone row number at a column's edge) are
laid out as a text PDF's glyphs are, in points, and the table is inferred as a PDF table without
rules is (`pdfunruled.text_only_tables`: the columns are the gaps the body's text leaves, a
numbered line opens a row, a line across the columns is a heading). The boxes of its cells make
the grid its cells are then read from one by one, as a ruled table's are (`ocr_strip`). A page of
prose, a letter or a signature block numbers no rows and makes no table. Every table found is
kept, the rest of one read with it (`page_tables`): no numbered line is left unread.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from muniflow.readers.ocr_cells import Grid, Word
from muniflow.readers.ocr_page_image import binarize
from muniflow.readers.ocr_seqcell import ReadLine
from muniflow.readers.ocr_seqcell import settings as number_settings
from muniflow.readers.ocr_strip import ReadWords
from muniflow.readers.ocr_textnumbers import misread_numbers
from muniflow.readers.pdfgaps import infer_table
from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdfregions import Region
from muniflow.readers.pdftext import TextTable
from muniflow.readers.pdfunruled import text_only_tables

POINTS_PER_INCH = 72
BLOCK = 6  # Tesseract's page segmentation mode for one uniform block of text lines

Box = tuple[float, float, float, float]


def text_grids(
    grey: np.ndarray,
    dpi: float,
    read: ReadWords,
    timeout: float,
    phantom_share: float | None = None,
    number: ReadLine | None = None,
    hint: Sequence[int] = (),
) -> list[Grid]:
    """The grids (pixels) of the page's tables drawn without rules, top to bottom (`page_tables`);
    a word whose box holds at most `phantom_share` of ink is left out (`inked`); with `number` (a
    line read as digits), a row number misread as a letter is read again (ocr_textnumbers); `hint`:
    the column lines (pixels) of the table the page before ended with, whose cut row's rest the
    page's top may hold, no header over it (`pdfunruled.text_only_tables`)."""
    scale = POINTS_PER_INCH / dpi
    found = read(grey, timeout, BLOCK)
    if phantom_share is not None:
        found = inked(found, binarize(grey) > 0, phantom_share)
    if number is not None:
        found = misread_numbers(found, grey, dpi, number, number_settings())
    glyphs = [
        Glyph(w.text, w.left * scale, (w.left + w.width) * scale, top * scale, bottom * scale)
        for w, (top, bottom) in in_lines(found)
    ]
    return [as_grid(table, 1 / scale) for table in page_tables(glyphs, tuple(x * scale for x in hint))]


def page_tables(glyphs: Sequence[Glyph], hint: Sequence[float] = ()) -> list[TextTable]:
    """The page's tables of numbered rows (`pdfunruled.text_only_tables`), every one kept: a table
    under another that opens with a numbered row, no header of its own, is the rest of that one
    (where a line stood further below the one above than a row does, or a wider cell moved the
    gaps between columns), read with it as one table over both where that reads; else on its own."""
    out: list[TextTable] = []
    for table in (t for t in text_only_tables(glyphs, hint) if not t.header_only):
        if out and table.headless:
            above = out[-1]
            region = Region(-1e9, above.bbox[1] - 1, 1e9, table.bbox[3] + 1, framed=False)
            both = infer_table(glyphs, region)
            if both is not None and len(both.rows) >= len(above.rows) + len(table.rows):
                out[-1] = both
                continue
        out.append(table)
    return out


def inked(words: Sequence[Word], ink: np.ndarray, share: float) -> list[Word]:
    """The words whose box holds more than `share` of ink (True): Tesseract's block mode, reading a
    wide blank gap between two columns' words as a space of its line, may make a dash or a stop
    up there out of no ink at all, and that word would close the gutter the columns are told by
    (a column's text then runs into the next). A word whose box lies off the picture is kept."""
    out = []
    for word in words:
        box = ink[max(0, word.top) : word.top + word.height, max(0, word.left) : word.left + word.width]
        if box.size == 0 or float(box.mean()) > share:
            out.append(word)
    return out


def in_lines(words: Sequence[Word]) -> list[tuple[Word, tuple[int, int]]]:
    """Each word with the height of its line: Tesseract boxes a word's ink, so a dash or a comma
    standing alone («05.10.2024 — 08.10.2024») has a box a few pixels high at the line's middle,
    where a text PDF's glyph has its font's. Such a word takes the height of the nearest word at
    its side taller than it whose height holds its middle, lest it make a line of its own (of
    no height, which parts a table's rows as a wide gap would: pdfunruled)."""
    out = []
    for word in words:
        taller = [
            other
            for other in words
            if other.height > word.height and other.top <= word.cy <= other.top + other.height
        ]
        if not taller:
            out.append((word, (word.top, word.top + word.height)))
            continue
        near = min(taller, key=lambda other: abs(other.cx - word.cx))
        out.append((word, (near.top, near.top + near.height)))
    return out


def as_grid(table: TextTable, k: float) -> Grid:
    """An inferred table's cell boxes (points) as a grid (pixels, `k` to a point): a box over several
    columns is a merged cell; a slot no box of its row covers (a header cell merged down from the
    level above) is a cell of its own."""
    edges = sorted({x for row in table.rows for box in row.cells if box for x in (box[0], box[2])})
    ys: list[int] = []
    spans: list[tuple[tuple[int, int], ...]] = []
    for row in table.rows:
        boxes = [box for box in row.cells if box is not None]
        ys.append(round(min(box[1] for box in boxes) * k))
        spans.append(_row_spans(boxes, edges))
    ys.append(round(max(box[3] for row in table.rows for box in row.cells if box) * k))
    return Grid(tuple(round(x * k) for x in edges), tuple(ys), tuple(spans))


def _row_spans(boxes: Sequence[Box], edges: Sequence[float]) -> tuple[tuple[int, int], ...]:
    """A row's cells as (first, last) columns of `edges`: each box's, a slot no box covers alone."""
    last_of = {edges.index(box[0]): edges.index(box[2]) - 1 for box in boxes}
    out = []
    col = 0
    while col < len(edges) - 1:
        last = last_of.get(col, col)
        out.append((col, last))
        col = last + 1
    return tuple(out)
