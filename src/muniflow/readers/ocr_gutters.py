"""A scanned table ruled between its rows but not between its columns: columns from the gutters.

Many offices draw only the rules between rows (Word's "horizontal borders"), or those and an outer
frame with no inner vertical rule; `ocr_cells.find_grid` then finds fewer than three column lines
and the page was read as having no table. The rows are still given by the rules; the columns are
where the text of the row bands leaves a vertical strip of paper: a cell's text keeps inside its
cell and its margins, so the strips between columns are blank in nearly every band. A heading or a
title row written across the whole table crosses them, so a strip may carry ink in a few bands; in
those bands the columns it parts are one merged cell, as a missing rule marks a merged cell on a
fully ruled page. Thresholds: contracts/ocr.yaml, `gutters:`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from muniflow.contracts import load_yaml
from muniflow.readers.ocr_cells import Grid, line_masks, row_spans
from muniflow.readers.ocr_images import A4_SHORT_INCHES
from muniflow.readers.ocr_strip import ReadWords, read_crops

Image = np.ndarray


@dataclass(frozen=True)
class GutterSettings:
    rule_share_min: float  # a row rule runs for at least this share of the page's width
    ink_share_max: float  # a gutter has ink in at most this share of the row bands
    width_min_per_100dpi: float  # a gutter is at least this wide (px per 100 dpi)
    start_share_min: float  # a column's text starts right of its gutter in at least this share of bands
    columns_min: int  # fewer columns than this found: no table (a ruled form, a letterhead)
    bands_min: int  # row bands needed to tell gutters from gaps between words


def settings(path: Path | None = None) -> GutterSettings:
    """contracts/ocr.yaml's `gutters:` section."""
    return GutterSettings(**load_yaml("ocr.yaml", path, ("gutters",))["gutters"])


@dataclass(frozen=True)
class _Bands:
    """A page's row rules and the ink of the bands between them (ocr_gutters' view of a table)."""

    ys: list[int]  # the row rules
    left: int  # the table's sides: the rules' median ends
    right: int
    text: Image  # the page's ink other than its lines (True)
    filled: np.ndarray  # per band holding ink, which x (from `left`) it has ink at
    several: np.ndarray  # per such band, whether its ink is in several runs (not one heading)
    min_width: float  # a gutter's least width (px)


def _bands(ink: Image, s: GutterSettings) -> _Bands | None:
    """The page's row rules across it and its bands' ink; None with no two rules."""
    horizontal, vertical = line_masks(ink)
    ys, left, right = _rules(horizontal, s.rule_share_min * ink.shape[1])
    if len(ys) < 2:
        return None
    text = (ink > 0) & (horizontal == 0) & (vertical == 0)
    bands = [text[top + 3 : bottom - 2, left:right] for top, bottom in pairwise(ys)]
    bands = [b for b in bands if b.shape[0] > 0]
    min_width = _min_width(s, ink.shape)
    # a band of one run of ink (a heading or a title across the table, centred) crosses the gutters:
    # only bands of several runs tell where they are (a month's heading over every few rows would
    # hide them)
    filled = np.array([b.any(axis=0) for b in bands if b.any()]).reshape(-1, right - left)
    several = np.array([_runs(row, 2 * min_width) > 1 for row in filled], dtype=bool)
    return _Bands(ys, left, right, text, filled, several, min_width)


def find_grid(ink: Image, s: GutterSettings, hint: Sequence[int] = ()) -> Grid | None:
    """The grid of a table whose rows are ruled and columns are not (ink 255 on 0), or None.
    `hint`: the column lines of the table the page before ended with; where they fit this table
    (the same edges, each in a strip no row of several runs of ink writes into), they are its
    columns: a page holding a row or two of it shows too few bands to tell its gutters by (a page
    holding one band only, the rest of a row the page break cut, or one row under a heading, takes
    them where they fit, `with_columns`)."""
    found = _bands(ink, s)
    if found is None:
        return None
    ys, left, right, text, filled, several = (
        found.ys,
        found.left,
        found.right,
        found.text,
        found.filled,
        found.several,
    )
    min_width = found.min_width
    if len(ys) < s.bands_min + 1 or several.sum() < s.bands_min:
        return _fitted(found, hint, s) if hint else None
    blank = filled[several].mean(axis=0) <= s.ink_share_max
    gutters = _gutters(blank, min_width)
    # a column's text starts just right of its gutter in most bands of several runs it is blank in
    # (cells are written from their left margin; a heading's one run, centred, starts nowhere near
    # one); a blank strip inside a column, where its lines fall short, is followed by the ink of a
    # few lines only
    rows = filled[several]
    reach = int(2 * min_width)
    # or, a column written centred (dates, numbers), its text stands as far from its gutter as from
    # the next one in most bands
    ends = [b for b, _ in gutters[1:]] + [right - left]
    gutters = [
        g
        for g, end in zip(gutters, ends, strict=True)
        if _starts(rows, g, reach) >= s.start_share_min or _centred(rows, g, end, reach) >= s.start_share_min
    ]
    if len(gutters) + 2 < len(hint) and (fitted := _fitted(found, hint, s)) is not None:
        return fitted  # fewer columns told here than it has: the page before's, moved to this side
    if len(gutters) + 1 < s.columns_min:
        return None
    # the column line just left of where the next column's text starts, in any band that opens
    # it (a gutter is blank in most bands: a long centred date may start further left in a few)
    xs = (left, *(left + _line(rows, g, min_width) for g in gutters), right)
    return _grid(xs, ys, text, left, min_width)


def _line(rows: np.ndarray, gutter: tuple[int, int], min_width: float) -> int:
    """A column line in `gutter` (rows of `filled`: ink per x): just left of where the next column's
    text starts, the earliest any band blank at the gutter's start has it there (a band with ink
    there runs across it: a label over two columns, a long word of the column before), where
    that leaves the gutter its least width; else just left of its end."""
    a, b = gutter
    reach = int(min_width)
    opens = rows[~rows[:, a : a + reach].any(axis=1), a:b]
    inked = np.flatnonzero(opens.any(axis=0)) if len(opens) else np.array([], int)
    start = a + int(inked[0]) if len(inked) else b
    end = start if start - a >= min_width else b
    return max((a + end) // 2, end - reach)


def with_columns(ink: Image, s: GutterSettings, columns: Sequence[int]) -> Grid | None:
    """The grid of a table ruled between its rows only with the column lines of another page's
    table drawn alike (`columns`, moved by the difference of their left sides), where they fit
    this one: as wide, every inner line in a strip no band of several runs of ink writes into
    (where none has several runs, no band). None where they do not fit, or with no two rules."""
    found = _bands(ink, s)
    return None if found is None or len(columns) < 3 else _fitted(found, columns, s)


def _fitted(found: _Bands, columns: Sequence[int], s: GutterSettings) -> Grid | None:
    """`with_columns` on a page's bands."""
    xs = tuple(x - columns[0] + found.left for x in columns)
    gap = 2 * found.min_width
    if abs(xs[-1] - found.right) > gap:
        return None
    if not _fits(xs, (found.left, found.right), _blank(found.filled, found.several, s), found.left, gap):
        # the header repeated at the page's top over a row or two: its centred labels may reach
        # into the gutters, and its one band outvotes so few; the bands under it tell them
        under = _blank(found.filled[1:], found.several[1:], s)
        sides = (found.left, found.right)
        if len(found.filled) <= s.bands_min or not _fits(xs, sides, under, found.left, gap):
            return None
    return _grid((*xs[:-1], found.right), found.ys, found.text, found.left, found.min_width)


def _blank(filled: np.ndarray, several: np.ndarray, s: GutterSettings) -> np.ndarray:
    """Per x, whether the bands (of several runs where any has them) leave it blank enough for a
    gutter (`ink_share_max`); all blank with no band."""
    voters = filled[several] if several.any() else filled
    return voters.mean(axis=0) <= s.ink_share_max if len(voters) else np.ones(filled.shape[1], bool)


def _grid(xs: tuple[int, ...], ys: Sequence[int], text: Image, left: int, min_width: float) -> Grid:
    """The column lines `xs` over the row rules `ys` as a grid of the text's bands (ink True)."""
    right = xs[-1]
    spans = []
    reach = _reach(min_width)
    for top, bottom in pairwise(ys):
        band = text[top + 3 : bottom - 2, left:right]
        # a column line with ink across it in this band is crossed: the columns it parts are one
        # merged cell here (a header's wide label may reach into the gutter, short of the line)
        row = row_spans(
            [True] + [not band[:, x - left - reach : x - left + reach + 1].any() for x in xs[1:-1]] + [True]
        )
        inked = [(a, b) for a, b in row if band[:, xs[a] - left : xs[b + 1] - left].any()]
        if len(row) < len(xs) - 1 and len(inked) == 1:
            row = [(0, len(xs) - 2)]  # a heading across the table, centred: one cell, as when ruled
        spans.append(tuple(row))
    return Grid(xs, tuple(ys), tuple(spans))


def _reach(min_width: float) -> int:
    """Pixels either side of a column line: a text line's letters within them cross the line."""
    return max(2, int(min_width / 2))


def gap(s: GutterSettings, shape: tuple[int, ...]) -> float:
    """Pixels by which two tables' column lines may differ and stand alike (twice a gutter's least
    width: wider than a space between words, narrower than two cells' padding)."""
    return 2 * _min_width(s, shape)


def _min_width(s: GutterSettings, shape: tuple[int, ...]) -> float:
    """A gutter's least width in pixels on a page of this shape (an A4 page's short side)."""
    return s.width_min_per_100dpi * min(shape[:2]) / A4_SHORT_INCHES / 100


def _starts(filled: np.ndarray, gutter: tuple[int, int], reach: int) -> float:
    """The share of the bands not crossing `gutter` (rows of `filled`: ink per x) whose ink starts
    within `reach` right of it."""
    a, b = gutter
    open_bands = filled[~filled[:, a:b].any(axis=1)]
    return float(open_bands[:, b : b + reach].any(axis=1).mean()) if len(open_bands) else 0.0


def _centred(filled: np.ndarray, gutter: tuple[int, int], end: int, reach: int) -> float:
    """The share of the bands not crossing `gutter` (rows of `filled`: ink per x) with ink between
    it and `end` (the next gutter's start) whose ink there stands centred: as far from the one as
    from the other, within `reach`, and off both by half of it (a word after a gap inside a column
    runs up to the gutter after it: a blank strip there is where the column's lines fall short)."""
    a, b = gutter
    open_bands = filled[~filled[:, a:b].any(axis=1), b:end]
    spans = [np.flatnonzero(band) for band in open_bands]
    margins = [(int(ink[0]), end - b - 1 - int(ink[-1])) for ink in spans if len(ink)]
    centred = [abs(left - right) <= reach and min(left, right) >= reach // 2 for left, right in margins]
    return sum(centred) / len(centred) if centred else 0.0


def _rules(horizontal: Image, least: float) -> tuple[list[int], int, int]:
    """The row rules' y (centres of their runs) and the table's left and right: the median ends of
    the rules at least `least` pixels long."""
    long_rows = horizontal.sum(axis=1) / 255 >= least
    ys: list[int] = []
    ends: list[tuple[int, int]] = []
    start = None
    for y, on in enumerate([*long_rows, False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            centre = (start + y - 1) // 2
            cols = np.flatnonzero(horizontal[centre])
            ys.append(centre)
            ends.append((int(cols[0]), int(cols[-1])))
            start = None
    if not ends:
        return [], 0, 0
    left = int(np.median([a for a, _ in ends]))
    right = int(np.median([b for _, b in ends]))
    return ys, left, right


def _gutters(blank: np.ndarray, min_width: float) -> list[tuple[int, int]]:
    """Runs of True in `blank` at least `min_width` long, those touching either end left out
    (the table's own margins)."""
    return [
        (a, b + 1) for a, b in _true_runs(blank) if b + 1 - a >= min_width and a > 0 and b + 1 < len(blank)
    ]


# A line of the № column reads as a row number: one to three digits, a dot or bracket after.
_ROW_NUMBER = re.compile(r"^\d{1,3}[.)]?$")
# What a lone short number may be read as besides digits (a «1» as a bar or nothing); a line of the
# № column with ink and no letter is a number too, the «№» of the header aside.
_NUMBER_SIGN = re.compile(r"^(?:№|N[oо]?)\.?$", re.IGNORECASE)
LINE_GAP_MIN = 2  # pixels of paper between two text lines; closer runs of ink are one line


def frame_grid(
    ink: Image, grey: Image, s: GutterSettings, read: ReadWords, timeout: float, hint: Sequence[int] = ()
) -> Grid | None:
    """The grid of a table drawn with a frame (or its top and bottom rules) and nothing between its
    rows or columns, or None. Its text lines are read as a table without rules is in a text PDF
    (pdfunruled): the columns are the strips no line of several runs of ink writes into (first over
    every line, then over the body only: a header's group label crosses its sub-columns); the rows
    open where the № column's line reads as a row number (the lines above the first are the
    header), and a line whose ink crosses a column boundary is a heading across the table, a row of
    its own."""
    horizontal, vertical = line_masks(ink)
    h, w = ink.shape
    ys, left, right = _rules(horizontal, s.rule_share_min * w)
    span = _frame_span(ys, vertical, left, right, h // 20)
    if span is None:
        return None
    top, bottom = span
    text = (ink > 0) & (horizontal == 0) & (vertical == 0)
    region = text[top + 3 : bottom - 2, left:right]
    lines = _text_lines(region)
    if len(lines) < s.bands_min:
        return None
    filled = np.array([region[a:b].any(axis=0) for a, b in lines])
    min_width = _min_width(s, ink.shape)
    gap = 2 * min_width  # wider than a space between words, narrower than two cells' padding
    several = np.array([_runs(row, gap) > 1 for row in filled])
    gutters = _gutters(np.logical_not(filled[several].any(axis=0)), gap) if several.any() else []
    if len(gutters) + 1 < s.columns_min:
        return None
    inset = int(min_width)  # right of the frame's side rule
    crops = [grey[top + 3 + a : top + 3 + b, left + inset : left + gutters[0][0]] for a, b in lines]
    inked = [bool(region[a:b, inset : gutters[0][0]].any()) for a, b in lines]
    read_back = [t.strip() for t, _ in read_crops(crops, read, timeout)]
    numbers = [ink_here and _is_row_number(t) for ink_here, t in zip(inked, read_back, strict=True)]
    if not any(numbers):
        return None
    first = numbers.index(True)
    body = several & (np.arange(len(lines)) >= first)
    blank = np.logical_not(filled[body].any(axis=0))
    gutters = _gutters(blank, gap)
    if len(gutters) + 1 < s.columns_min:
        return None
    xs = (left, *(left + max((a + b) // 2, b - int(min_width)) for a, b in gutters), right)
    if _fits(hint, xs, blank, left, gap):  # the table above on the page, drawn alike: its columns
        xs = tuple(hint)
    inner = [x - left for x in xs[1:-1]]
    # a line across most of the column boundaries is a heading or the table's title: a row of its
    # own, one cell; a line across one or two is a header's group label: the header is cut under
    # its group labels (a level of group cells over their sub-columns' labels)
    reach = _reach(min_width)
    crossed = [[bool(row[x - reach : x + reach + 1].any()) for x in inner] for row in filled]
    heading = [2 * sum(c) >= len(inner) for c in crossed]
    grouped = [any(c) and not h for c, h in zip(crossed, heading, strict=True)]
    starts = [
        i
        for i in range(1, len(lines))
        if (numbers[i] and i >= first)
        or i == first
        or heading[i] != heading[i - 1]
        or (i < first and grouped[i] != grouped[i - 1])
    ]
    starts = [0, *starts]
    cuts = [top] + [top + 3 + (lines[i - 1][1] + lines[i][0]) // 2 for i in starts[1:]] + [bottom]
    whole = ((0, len(xs) - 2),)
    spans: list[tuple[tuple[int, int], ...]] = []
    for k, i in enumerate(starts):
        members = range(i, starts[k + 1] if k + 1 < len(starts) else len(lines))
        if heading[i]:
            spans.append(whole)
            continue
        present = [not any(crossed[m][j] for m in members) for j in range(len(inner))]
        spans.append(tuple(row_spans([True, *present, True])))
    return Grid(xs, tuple(cuts), tuple(spans))


def _fits(hint: Sequence[int], xs: Sequence[int], blank: np.ndarray, left: int, gap: float) -> bool:
    """True when the columns of the table above (`hint`: its column lines) fit this one: the same
    outer edges, every inner line in a strip no body line writes into. A table with few rows shows
    gaps inside its wide columns that are no gutters; the tables of one report are drawn alike."""
    if len(hint) < 3 or abs(hint[0] - xs[0]) > gap or abs(hint[-1] - xs[-1]) > gap:
        return False
    return all(0 <= x - left < len(blank) and bool(blank[x - left]) for x in hint[1:-1])


def _is_row_number(text: str) -> bool:
    """True when a № column's line (that holds ink) reads as a row number, or as nothing that is a
    word or the «№» sign (Tesseract may read a lone «1» as «|», «l» is no Cyrillic letter)."""
    if _ROW_NUMBER.match(text):
        return True
    return len(text) <= 3 and not _NUMBER_SIGN.match(text) and not re.search(r"[А-Яа-яЁё]", text)


def _frame_span(
    ys: Sequence[int], vertical: np.ndarray, left: int, right: int, least: int
) -> tuple[int, int] | None:
    """The first frame's top and bottom: its two side rules' first run together, or failing them
    its first two rules across (a table under it is looked for again below). A frame open at the
    page's end (the table goes on over the page) has its sides, not its bottom rule."""
    if not ys:
        return None
    both = vertical[:, max(0, left - 4) : left + 5].any(axis=1) & vertical[
        :, max(0, right - 4) : right + 5
    ].any(axis=1)
    for start, end in _true_runs(both):
        if end - start >= least:
            return start, end
    if len(ys) >= 2 and ys[1] - ys[0] >= least:
        return ys[0], ys[1]
    return None


def _true_runs(flags: Any) -> list[tuple[int, int]]:
    """The runs of True in a 1-D array, as (first, last)."""
    out = []
    start = None
    for i, on in enumerate([*(bool(v) for v in np.asarray(flags).ravel()), False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            out.append((start, i - 1))
            start = None
    return out


def _runs(row: np.ndarray, gap: float) -> int:
    """How many runs of ink a line has, runs closer than `gap` (the space between words) one."""
    inked = np.flatnonzero(row)
    if not len(inked):
        return 0
    return 1 + int(np.count_nonzero(np.diff(inked) > gap))


def _text_lines(region: Image) -> list[tuple[int, int]]:
    """The text lines of a region (ink True): runs of pixel rows holding ink, those closer than
    LINE_GAP_MIN joined (a letter's diacritic), specks of a pixel or two left out."""
    runs: list[list[int]] = []
    for a, b in _true_runs(region.any(axis=1)):
        if runs and a - runs[-1][1] < LINE_GAP_MIN:
            runs[-1][1] = b + 1
        else:
            runs.append([a, b + 1])
    return [(a, b) for a, b in runs if b - a > 2]
