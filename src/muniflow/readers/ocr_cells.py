"""A scanned page's table from its ruling lines: find the grid, erase the lines (the page made ready
for it, its light evened and turned level: ocr_page_image.py).

Pure image geometry with OpenCV and numpy; the cells are read by ocr_strip.py. Merged
cells are found where a ruling line is missing inside a row band (a municipality heading across the
whole table), and reported as None like the DOCX and PDF readers do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

import cv2
import numpy as np

from muniflow.readers.ocr_images import A4_SHORT_INCHES

# the page made ready for its grid; flatten, skew_angle, binarize and with_faint_rules are read from
# here by readers/pdflayer.py too
from muniflow.readers.ocr_page_image import Image
from muniflow.readers.ocr_page_image import binarize as binarize
from muniflow.readers.ocr_page_image import flatten as flatten
from muniflow.readers.ocr_page_image import skew_angle as skew_angle
from muniflow.readers.ocr_page_image import with_faint_rules as with_faint_rules


@dataclass(frozen=True)
class Word:
    """One word Tesseract read: its box (pixels) and confidence (0-100)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float

    @property
    def cx(self) -> float:
        return self.left + self.width / 2

    @property
    def cy(self) -> float:
        return self.top + self.height / 2


@dataclass(frozen=True)
class Grid:
    """Ruling-line positions of one table on a page; `spans[r]` lists each cell of row band r as
    (first column, last column), merged cells spanning several."""

    xs: tuple[int, ...]
    ys: tuple[int, ...]
    spans: tuple[tuple[tuple[int, int], ...], ...]


@dataclass(frozen=True)
class CellText:
    text: str | None  # None: covered by a merged cell to its left
    conf: float | None  # mean word confidence; None for an empty or covered cell


def line_masks(ink: Image) -> tuple[Image, Image]:
    """Horizontal and vertical ruling lines: ink that runs on for a good part of the page."""
    h, w = ink.shape
    horizontal = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (w // 25, 1))
    )
    # as long on a landscape page as on a portrait one: a letter's stem («р», «ф») is no rule
    vertical = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(h, w) // 60))
    )
    # bridge gaps along a line (a stamp, noise, a 1-bit scan's broken line, a faint rule's breaks):
    # only pieces already long enough to be rules are joined, so no text is made a line
    bridge = max(h, w) // 120
    horizontal = cv2.morphologyEx(
        horizontal, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (bridge, 1))
    )
    vertical = cv2.morphologyEx(
        vertical, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, bridge))
    )
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    return horizontal, vertical


def _runs(profile: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """The runs of `profile` above `threshold`: (first, last) index of each."""
    above = profile > threshold
    out = []
    start = None
    for i, on in enumerate(above):
        if on and start is None:
            start = i
        elif not on and start is not None:
            out.append((start, i - 1))
            start = None
    if start is not None:
        out.append((start, len(above) - 1))
    return out


def _centers(profile: np.ndarray, threshold: float) -> list[int]:
    """Centers of the runs of `profile` above `threshold`."""
    return [(a + b) // 2 for a, b in _runs(profile, threshold)]


def _peaks(profile: np.ndarray, threshold: float) -> list[int]:
    """Like `_centers`, each run's centre taken where its profile is at least half the run's
    highest: a dark blot beside a line (a punched hole's shadow on a table's side) widens the run
    with little ink a column, and its middle would fall off the line."""
    out = []
    for a, b in _runs(profile, threshold):
        high = np.flatnonzero(profile[a : b + 1] >= profile[a : b + 1].max() / 2)
        out.append(a + (int(high[0]) + int(high[-1])) // 2)
    return out


def find_grid(ink: Image) -> Grid | None:
    """The table's grid, or None when the page has no ruled table."""
    if ink.size == 0:
        return None
    horizontal, vertical = line_masks(ink)
    # a column line must be twice as long as the opening kernel: only ruling lines are that tall,
    # and a table of one row at the top of a page (the end of a long row) still counts
    xs = _long_lines(vertical, _peaks(vertical.sum(axis=0) / 255, 2 * (ink.shape[0] // 60)), horizontal)
    if len(xs) < 3:
        return None
    left, right = xs[0], xs[-1]
    width = right - left
    ys = _centers(horizontal[:, left:right].sum(axis=1) / 255, width * 0.5)
    ys = [
        y for y in ys if _spans(vertical, y, xs) or _nearly_across(horizontal, y, left, right, vertical, xs)
    ]
    if len(ys) < 2:
        return None
    # two tables one above the other, their sides in line (a summary above the events table): the
    # sides stop between them, and the first table is read alone where it has column lines of its
    # own (one municipality's table under another's, the same columns, stays one grid, the
    # heading between them a row of it, as before)
    apart = next(
        (
            k
            for k, (top, bottom) in enumerate(pairwise(ys))
            if bottom - top >= 8
            and not _line_in_band(vertical[top + 3 : bottom - 2], xs[0])
            and not _line_in_band(vertical[top + 3 : bottom - 2], xs[-1])
        ),
        None,
    )
    if apart is not None:
        if apart == 0:  # the first band is the gap: the table starts under it
            part = find_grid(ink[ys[1] - 3 :])
            part = part and replace(part, ys=tuple(y + ys[1] - 3 for y in part.ys))
        else:
            part = find_grid(ink[: ys[apart] + 4])
        if part is not None and not _same_lines(part.xs, xs):
            return part
    ys = _group_levels(ys, horizontal, vertical, xs)
    spans: list[tuple[tuple[int, int], ...]] = []
    text = cv2.bitwise_and(ink, cv2.bitwise_not(horizontal))  # the rules across are no letters
    dpi = min(ink.shape) / A4_SHORT_INCHES
    near, far = round(FLANK_INCHES[0] * dpi), round(FLANK_INCHES[1] * dpi)
    for top, bottom in pairwise(ys):
        if bottom - top < 8:
            spans.append(((0, len(xs) - 2),))
            continue
        band = vertical[top + 3 : bottom - 2]
        letters = text[top + 3 : bottom - 2]
        present = [_line_in_band(band, x) and not _text_across(letters, x, near, far) for x in xs[1:-1]]
        spans.append(tuple(row_spans([True, *present, True])))
    return Grid(tuple(xs), tuple(ys), tuple(spans))


Box4 = tuple[int, int, int, int]  # left, top, right, bottom (pixels)


def held_boxes(ink: Image) -> list[Box4]:
    """The boxes of the ruled tables a frame holds, none where no ruling holds another. The ruling
    lines fall into connected pieces: a table's rules all touch one another, a frame's (a window's
    sides, its toolbars' and panes' separators, a border drawn round the page) touch each other
    but not the table's, which stand off them by the page's margins. A piece whose box holds the
    box of another piece as tall as a column line and as wide as a rule (a table) is a frame; the
    pieces held that hold none themselves are the tables."""
    return [table for table, _ in held_panes(ink)]


def held_panes(ink: Image) -> list[tuple[Box4, Box4]]:
    """Each table a frame holds (`held_boxes`) with its pane: the box up to the frame's nearest
    rules round it (left, right, above; the picture's edge where there is none), where the text
    that goes with the table (its title above it) stands, a window's other panes and bars left out."""
    h, w = ink.shape
    horizontal, vertical = line_masks(ink)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        cv2.bitwise_or(horizontal, vertical), connectivity=8
    )
    pieces = {
        k: (int(x), int(y), int(x + bw), int(y + bh))
        for k, (x, y, bw, bh, _) in enumerate(stats[:count])
        if k > 0 and bh >= 2 * (max(h, w) // 60) and bw >= w // 25
    }

    def holds(outer: Box4, inner: Box4) -> bool:
        return outer[0] < inner[0] and outer[1] < inner[1] and inner[2] < outer[2] and inner[3] < outer[3]

    frames = {k for k, o in pieces.items() if any(holds(o, i) for i in pieces.values())}
    tables = [b for k, b in pieces.items() if k not in frames and any(holds(pieces[f], b) for f in frames)]
    if not tables:
        return []
    frame = np.isin(labels, list(frames))
    across, down = frame & (horizontal > 0), frame & (vertical > 0)
    out = []
    for x0, y0, x1, y1 in tables:
        lefts = np.flatnonzero(down[y0:y1, :x0].mean(axis=0) > 0.5)
        rights = np.flatnonzero(down[y0:y1, x1:].mean(axis=0) > 0.5)
        tops = np.flatnonzero(across[:y0, x0:x1].mean(axis=1) > 0.5)
        pane = (
            int(lefts[-1]) + 1 if lefts.size else 0,
            int(tops[-1]) + 1 if tops.size else 0,
            x1 + int(rights[0]) if rights.size else w,
            y1,
        )
        out.append(((x0, y0, x1, y1), pane))
    return out


def within(image: Image, boxes: Sequence[Box4]) -> Image:
    """`image` (ink) blank outside `boxes` (left, top, right, bottom)."""
    out = np.zeros_like(image)
    for x0, y0, x1, y1 in boxes:
        out[y0:y1, x0:x1] = image[y0:y1, x0:x1]
    return out


def _group_levels(ys: list[int], horizontal: Image, vertical: Image, xs: Sequence[int]) -> list[int]:
    """`ys` with a band cut where a group's rule runs inside it: a rule under two columns' cells or
    more, from a column line to another, with a column line between them drawn below the rule and
    not above it (a header cell «Мероприятие» over «Наименование | Место проведения»: the rule
    under it reaches neither side of the table, so it is no row border). Cut there, the group is
    one cell of the level above and its sub-headers cells of the level below, as in a DOCX."""
    out = list(ys[:1])
    narrowest = min(b - a for a, b in pairwise(xs))
    for top, bottom in pairwise(ys):
        inner = horizontal[top + MIN_BAND : bottom - MIN_BAND + 1, xs[0] : xs[-1]]
        if inner.shape[0] > 0:
            for y in _centers(inner.sum(axis=1) / 255, 0.8 * narrowest):
                y += top + MIN_BAND
                if _group_rule(horizontal, vertical, xs, (top, y, bottom)):
                    out.append(y)
        out.append(bottom)
    return out


MIN_BAND = 8  # pixels: a band this low is a double rule's gap, no row (see find_grid)
COVERED_SHARE = 0.8  # of a column's width: a rule drawn under its cell


def _group_rule(horizontal: Image, vertical: Image, xs: Sequence[int], at: tuple[int, int, int]) -> bool:
    """Whether the rule at height y (`at`: the band's top, y, its bottom) is a group's: under two
    columns or more side by side, a column line between them drawn in the band below it and not above."""
    top, y, bottom = at
    drawn = horizontal[max(0, y - 3) : y + 4].max(axis=0) > 0
    covered = [float(drawn[a:b].mean()) >= COVERED_SHARE for a, b in pairwise(xs)]
    for k in range(1, len(xs) - 1):
        if not (covered[k - 1] and covered[k]):
            continue
        above, below = vertical[top + 3 : y - 2], vertical[y + 3 : bottom - 2]
        if _line_in_band(below, xs[k]) and not _line_in_band(above, xs[k]):
            return True
    return False


def _same_lines(one: Sequence[int], other: Sequence[int], tolerance: int = 4) -> bool:
    return len(one) == len(other) and all(abs(a - b) <= tolerance for a, b in zip(one, other, strict=True))


def row_spans(present: list[bool]) -> list[tuple[int, int]]:
    """A row's cells as (first, last) grid columns, from which of its column lines are drawn
    (`present`, one per line, both outer ones included): a missing line merges its neighbours."""
    row = []
    first = 0
    for col in range(1, len(present)):
        if present[col]:
            row.append((first, col - 1))
            first = col
    return row


def _long_lines(vertical: Image, xs: list[int], horizontal: Image | None = None) -> list[int]:
    """The column lines among the vertical strokes found: those at least half as long as the longest.
    A column line runs down the whole table (broken only by the short heading rows); the side of a
    round stamp or a tall letter is nearly vertical for a short stretch only.

    A stroke along the picture's side (a scanner lid's or feeder's dark border, the whole page
    high) sets no bar: measured by it, a table half the page high lost all its column lines. It is
    kept only where the table's rules reach it (`horizontal`: a table cropped to its frame)."""
    if not xs:
        return xs
    lengths = [int((vertical[:, max(0, x - 2) : x + 3].max(axis=1) > 0).sum()) for x in xs]
    edge = [_at_side(vertical, x) for x in xs]
    inner = [n for n, at_side in zip(lengths, edge, strict=True) if not at_side]
    longest = max(inner or lengths)
    return [
        x
        for x, n, at_side in zip(xs, lengths, edge, strict=True)
        if n >= 0.5 * longest and not (at_side and inner and not _crosses_rules(horizontal, x))
    ]


SIDE_SHARE = 0.05  # of the picture's width: where a stroke may be its side's dark border
RULES_MET = 3  # horizontal rules a table's side meets (its top, one row, its bottom)


def _at_side(vertical: Image, x: int) -> bool:
    """Whether the stroke at x reaches the picture's left or right side: vertical ink in every
    column between them (a dark border's band, however wide)."""
    w = vertical.shape[1]
    if SIDE_SHARE * w <= x < (1 - SIDE_SHARE) * w:
        return False
    band = vertical[:, : x + 1] if x < w / 2 else vertical[:, x:]
    return bool((band.max(axis=0) > 0).all())


def _crosses_rules(horizontal: Image | None, x: int) -> bool:
    """Whether horizontal rules (at least RULES_MET of them) reach the stroke at x."""
    if horizontal is None:
        return True
    near = horizontal[:, max(0, x - 6) : x + 7].max(axis=1) > 0
    return len(_centers(near.astype(float), 0.5)) >= RULES_MET


def _spans(vertical: Image, y: int, xs: Sequence[int]) -> bool:
    """True when a horizontal line at y touches the table's outer vertical lines (it is a row border)."""
    lo, hi = max(0, y - 6), y + 7
    return bool(
        vertical[lo:hi, max(0, xs[0] - 4) : xs[0] + 5].any()
        and vertical[lo:hi, xs[-1] - 4 : xs[-1] + 5].any()
    )


def _nearly_across(
    horizontal: Image, y: int, left: int, right: int, vertical: Image, xs: Sequence[int]
) -> bool:
    """True when a horizontal line at y runs across nearly the whole table and touches one of its
    sides: a row border whose corner a faint or broken side line does not reach."""
    band = horizontal[max(0, y - 3) : y + 4, left:right].max(axis=0)
    if float((band > 0).mean()) < ACROSS_SHARE:
        return False
    lo, hi = max(0, y - 6), y + 7
    return bool(
        vertical[lo:hi, max(0, xs[0] - 4) : xs[0] + 5].any() or vertical[lo:hi, xs[-1] - 4 : xs[-1] + 5].any()
    )


ACROSS_SHARE = 0.8  # of the table's width: a rule across it (its breaks and a faint side allowed)


# Where a column line's flanks are sought, from its centre (inches): beyond a rule's half width
FLANK_INCHES = (0.02, 0.04)
TEXT_ACROSS_SHARE = 0.25  # of a band's height: letters on both sides of a line there for so long


def _text_across(letters: Image, x: int, near: int, far: int) -> bool:
    """Whether text runs across x in a row band: ink just beyond both sides of where a column line
    would be, in a good share of the band's rows. A cell's text keeps off its rules; a heading
    across the table does not, and a bold letter's stem right under the column line, touching
    the rule under the heading, is long enough to pass for the line in a tight row."""
    if letters.shape[0] == 0:
        return False
    left = letters[:, max(0, x - far) : max(0, x - near)].any(axis=1)
    right = letters[:, x + near + 1 : x + far + 1].any(axis=1)
    return float((left & right).mean()) > TEXT_ACROSS_SHARE


def _line_in_band(band: Image, x: int) -> bool:
    if band.shape[0] == 0:
        return True
    column = band[:, max(0, x - 4) : x + 5].max(axis=1)
    return float((column > 0).mean()) > 0.6


def text_of(words: Sequence[Word]) -> str:
    """Words as lines of text: grouped by vertical overlap, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.cy):
        if lines:
            top = min(w.top for w in lines[-1])
            bottom = max(w.top + w.height for w in lines[-1])
            overlap = min(bottom, word.top + word.height) - max(top, word.top)
            if overlap > 0.5 * min(word.height, bottom - top):
                lines[-1].append(word)
                continue
        lines.append([word])
    return "\n".join(" ".join(w.text for w in sorted(line, key=lambda w: w.left)) for line in lines)


def erase_lines(gray: Image, ink: Image) -> Image:
    """The page with its ruling lines painted white, so Tesseract reads text, not borders."""
    horizontal, vertical = line_masks(ink)
    out = gray.copy()
    out[(horizontal > 0) | (vertical > 0)] = 255
    return out
