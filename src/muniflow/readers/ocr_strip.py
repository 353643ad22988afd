"""A scanned table read cell by cell: each cell cut out and stacked into a strip, read as lines.

Tesseract's sparse-text mode on a whole page loses what stands at a cell's left edge (the capital К
or П starting a line, a lone "8" before «августа») and splits words in narrow columns, because it
guesses text blocks across the whole page. Cut out, every cell is a block of lines of its own, which
the block mode (`--psm 6`) reads reliably. Stacking the cells with white gaps between them keeps it
to one Tesseract run per strip (its start-up and language load are most of a small page's time);
each word goes back to the cell whose stretch of the strip holds it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from muniflow.model import ReaderError
from muniflow.readers import ocr_seqcell, ocr_turned
from muniflow.readers.ocr_cells import CellText, Grid, Word, text_of
from muniflow.readers.ocr_images import A4_SHORT_INCHES

Image = np.ndarray
ReadWords = Callable[[Image, float, int], list[Word]]  # (image, timeout, psm) -> words

GAP = 40  # white pixels between stacked cells: wider than a line gap, so no line spans two cells
PAD = 20  # white border around each cell in the strip
MAX_HEIGHT = 30000  # pixels: Tesseract refuses images over 32767 high
MAX_AREA = 8_000_000  # pixels in one strip, about a page at 300 dpi (the worker's memory limit
# binds Tesseract too, and it keeps several copies of its image)
MIN_INK = 12  # dark pixels: fewer and the cell is empty (dust, a line's remnant)
INSET = 4  # pixels inside the ruling lines


@dataclass(frozen=True)
class Box:
    """A piece of the page to read: (top, bottom, left, right) in pixels."""

    top: int
    bottom: int
    left: int
    right: int


def cell_boxes(grid: Grid) -> dict[tuple[int, int], Box]:
    """(row band, first column) -> the box inside each cell's ruling lines, merged cells whole."""
    out = {}
    for r, spans in enumerate(grid.spans):
        for first, last in spans:
            out[r, first] = Box(
                grid.ys[r] + INSET, grid.ys[r + 1] - INSET, grid.xs[first] + INSET, grid.xs[last + 1] - INSET
            )
    return out


def has_ink(ink: Image, box: Box) -> bool:
    """True when the box holds some ink (255 on 0), more than dust or a ruling line's remnant."""
    crop = ink[max(0, box.top) : box.bottom, max(0, box.left) : box.right]
    return int(np.count_nonzero(crop)) >= MIN_INK


def read_boxes(
    page: Image, boxes: Sequence[Box], read: ReadWords, timeout: float
) -> list[tuple[str, float | None]]:
    """Each box's text (lines kept) and mean word confidence, reading as few strips as fit
    MAX_STRIP; all strips of a page share `timeout` seconds."""
    deadline = time.monotonic() + timeout
    out: list[tuple[str, float | None]] = [("", None)] * len(boxes)
    for chunk in _chunks(boxes):
        left = deadline - time.monotonic()
        if left <= 0:
            raise ReaderError(
                "timeout", f"OCR of one page took over {timeout:g} s; send a cleaner scan at 200-300 dpi"
            )
        strip, spans = stack([_crop(page, boxes[i]) for i in chunk])
        found = read(strip, left, 6)
        for i, (lo, hi) in zip(chunk, spans, strict=True):
            mine = [w for w in found if lo <= w.cy < hi]
            if mine:
                out[i] = (text_of(mine), float(np.mean([w.conf for w in mine])))
    return out


def _chunks(boxes: Sequence[Box]) -> list[list[int]]:
    """The boxes' indices in strips of at most MAX_AREA pixels, narrow cells with narrow ones (a
    strip is as wide as its widest cell)."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i].right - boxes[i].left)
    chunks: list[list[int]] = []
    height = width = 0
    for i in order:
        box = boxes[i]
        h = box.bottom - box.top + GAP
        w = box.right - box.left + 2 * PAD
        grown = (height + h, max(width, w))
        if not chunks or grown[0] > MAX_HEIGHT or grown[0] * grown[1] > MAX_AREA:
            chunks.append([])
            grown = (PAD + h, w)
        chunks[-1].append(i)
        height, width = grown
    return chunks


def _crop(page: Image, b: Box) -> Image:
    return page[max(0, b.top) : max(0, b.bottom), max(0, b.left) : max(0, b.right)]


def stack(crops: Sequence[Image], pad: int = PAD, gap: int = GAP) -> tuple[Image, list[tuple[int, int]]]:
    """The crops stacked top to bottom, left-aligned, `gap` white pixels apart and `pad` around;
    each one's (top, bottom) in it, reaching half the gap either side."""
    width = max(c.shape[1] for c in crops) + 2 * pad
    height = sum(c.shape[0] for c in crops) + gap * (len(crops) - 1) + 2 * pad
    strip = np.full((height, width), 255, dtype=np.uint8)
    spans = []
    y = pad
    for crop in crops:
        strip[y : y + crop.shape[0], pad : pad + crop.shape[1]] = crop
        spans.append((y - gap // 2, y + crop.shape[0] + gap // 2))
        y += crop.shape[0] + gap
    return strip, spans


def read_crops(crops: Sequence[Image], read: ReadWords, timeout: float) -> list[tuple[str, float | None]]:
    """Each crop's text and mean word confidence, the crops stacked into one strip."""
    strip, spans = stack(crops)
    found = read(strip, timeout, 6)
    out: list[tuple[str, float | None]] = []
    for lo, hi in spans:
        mine = [w for w in found if lo <= w.cy < hi]
        out.append((text_of(mine), float(np.mean([w.conf for w in mine]))) if mine else ("", None))
    return out


def read_table(
    page: Image,
    ink: Image,
    grid: Grid,
    read: ReadWords,
    timeout: float,
    turned: ocr_turned.TurnedSettings | None = None,
    top: int = 0,
    bottom: int = 0,
    across: tuple[int, int] | None = None,
    number: ocr_seqcell.ReadLine | None = None,
) -> tuple[list[list[CellText]], str, str]:
    """The grid's rows of cells (None under a merged cell), the text above the table and the text
    under it, from a page whose ruling lines are erased and its ink (255 on 0, lines erased too).
    With `turned`, cells written turned a quarter are read upright (ocr_turned; a header's turned
    labels). The text above is read from `top` down (the table above's bottom, for a second table
    on a page); the text under it down to `bottom` (0: none is read), in the same strips. The text
    above is read across `across` (left, right; the page's width where None): a title wider than
    the table goes on beyond its sides; the text under it, within the table's sides.
    With `number` (a line read as digits only), the № column's cells that read as no number are
    read again alone (ocr_seqcell)."""
    boxes = cell_boxes(grid)
    left, right = across if across is not None else (0, page.shape[1])
    above = Box(top, grid.ys[0] - INSET, left, right)
    under = Box(grid.ys[-1] + INSET, bottom, grid.xs[0], grid.xs[-1])
    wanted = [key for key, box in boxes.items() if has_ink(ink, box)]
    extra = [b for b in (above, under) if b.bottom - b.top > 10 and has_ink(ink, b)]
    texts = read_boxes(page, [boxes[k] for k in wanted] + extra, read, timeout)
    found = dict(zip(wanted, texts, strict=False))
    read_extra = dict(zip(extra, texts[len(wanted) :], strict=True))
    if turned is not None:
        crops = {k: (_crop(page, boxes[k]), _crop(ink, boxes[k])) for k in wanted}
        ocr_turned.improve(found, crops, lambda c: read_crops(c, read, timeout), turned)
    if number is not None:
        _reread_numbers(page, grid, boxes, found, wanted, number)
    rows = []
    for r, spans in enumerate(grid.spans):
        row: list[CellText] = []
        for first, last in spans:
            text, conf = found.get((r, first), ("", None))
            row.append(CellText(text, conf))
            row.extend(CellText(None, None) for _ in range(first + 1, last + 1))
        rows.append(row)
    return rows, read_extra.get(above, ("", None))[0], read_extra.get(under, ("", None))[0]


def _reread_numbers(
    page: Image,
    grid: Grid,
    boxes: dict[tuple[int, int], Box],
    found: dict[tuple[int, int], tuple[str, float | None]],
    wanted: Sequence[tuple[int, int]],
    number: ocr_seqcell.ReadLine,
) -> None:
    """The № column's cells read again as digits where they read as no number (ocr_seqcell)."""
    s = ocr_seqcell.settings()
    header = [found.get((0, first), ("", None))[0] for first, _ in grid.spans[0]] if grid.spans else []
    # the first column's own cells (a heading merged across the table is none of them)
    firsts = [found.get((r, 0), ("", None))[0] for r, spans in enumerate(grid.spans) if (0, 0) in spans]
    column = ocr_seqcell.seq_column(header, grid.xs, firsts, s)
    if column is None:
        return
    alone = [k for k in wanted if k[1] == column and (column, column) in grid.spans[k[0]]]  # no merged cell
    crops = {k: _crop(page, boxes[k]) for k in alone}
    dpi = min(page.shape[:2]) / A4_SHORT_INCHES
    ocr_seqcell.reread(found, crops, column, dpi, number, s)
