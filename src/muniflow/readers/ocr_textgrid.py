"""A scanned table drawn with no rule at all: its grid from where its words stand.

With no ruling line, no rule between rows and no frame, the page's words (Tesseract over the whole
page, read as one block of lines: its sparse mode loses a lone row number at a column's edge) are
laid out as a text PDF's glyphs are, in points, and the table is inferred as a PDF table without
rules is (`pdfunruled.text_only_tables`: the columns are the gaps the body's text leaves, a
numbered line opens a row, a line across the columns is a heading). The boxes of its cells make
the grid its cells are then read from one by one, as a ruled table's are (`ocr_strip`). A page of
prose, a letter or a signature block numbers no rows and makes no table.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from muniflow.readers.ocr_cells import Grid
from muniflow.readers.ocr_strip import ReadWords
from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdftext import TextTable
from muniflow.readers.pdfunruled import text_only_tables

POINTS_PER_INCH = 72
BLOCK = 6  # Tesseract's page segmentation mode for one uniform block of text lines

Box = tuple[float, float, float, float]


def text_grid(grey: np.ndarray, dpi: float, read: ReadWords, timeout: float) -> Grid | None:
    """The grid (pixels) of the page's table of the most rows drawn without rules; None for none."""
    scale = POINTS_PER_INCH / dpi
    glyphs = [
        Glyph(w.text, w.left * scale, (w.left + w.width) * scale, w.top * scale, (w.top + w.height) * scale)
        for w in read(grey, timeout, BLOCK)
    ]
    tables = [t for t in text_only_tables(glyphs) if not t.header_only]
    if not tables:
        return None
    return as_grid(max(tables, key=lambda t: len(t.rows)), 1 / scale)


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
