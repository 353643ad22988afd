"""Where two cells' texts nearly touch: a page that writes its spaces as glyphs parts its words
with them, so a gap between two letters that holds no space is a cell's edge, however narrow
(LibreOffice's import of an HTML table pads its cells by a point or so: a date and the title
beside it stand 4 pt apart, less than a gutter, «26-29.08.2025спортивный праздник»).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from muniflow.readers.pdflines import Glyph, char_glyphs, group_lines
from muniflow.readers.pdftextlines import GUTTER

# Share of a glyph's height two letters stand apart by where a word or a cell ends: a producer
# writing its spaces sets a word's letters edge to edge, kerning them by a few hundredths of a
# point; cells padded by nothing stand a point apart at 10 pt.
OPEN_GAP = 0.05

# Share of a glyph's height a letter stands apart from the space before it by where a cell's
# edge is there (the space a line wrapped at, written at its end, the next cell's text after it):
# a producer sets a word after its space edge to edge, within a few hundredths of a point; a cell
# padded by nothing sets the next cell's text a fifth of a point or more further on.
LOOSE_GAP = 0.015

# Share of a glyph's height a gap between two letters holding no space, narrower than OPEN_GAP,
# stands open by, where the letter after it starts where runs of other lines start (a column's left
# edge): a cell padded by nothing ends a full line two hundredths of the height or more before the
# next column's text, while a producer sets a word's letters by its own rounding, LibreOffice within
# a hundredth of the height, Chromium some pairs a fortieth apart ("ес"), TOUCH_SPREAD times the
# widest gap of nearly all the page's letters (all but TOUCH_OUTLIERS) counting as that rounding.
TOUCH_GAP = 0.015
TOUCH_SPREAD = 1.5
TOUCH_OUTLIERS = 8

# Points a letter after such a gap starts within of where runs of TOUCH_STARTS other lines start.
TOUCH_ALIGN = 0.5
TOUCH_STARTS = 2

# Points a letter starts within of where runs of EDGE_STARTS other lines start, to stand at a
# column's left edge whatever the gap before it (cells padded by nothing: a full line ends a
# twentieth of a point or less before the next column's text, its wrapping space, if written,
# edge to edge with it, as close as a word's letters stand). A producer starts a cell's every
# line at one x to the hundredth of a point; a letter inside a word lands that close to such an
# x by chance once in a hundred lines, and no cell's text crosses its cell's edge: six lines of a
# column tell its edge, fewer (a table's last rows, a word of a heading) may be chance.
EDGE_ALIGN = 0.05
EDGE_STARTS = 6
# Points two letters may overlap by and still be two (kerning, glyph boxes' rounding).
EDGE_OVERLAP = 0.1

# A page writes its spaces when its open gaps holding no space are at most this share of those
# holding one (a producer positioning each word itself leaves every gap empty).
EMPTY_SHARE = 0.25

# Open gaps holding a space a page shows at least, to tell it writes its spaces.
MIN_SPACES = 12


def page_glyphs(chars: Sequence[Mapping[str, Any]], every: Sequence[Glyph] | None = None) -> list[Glyph]:
    """The page's drawn glyphs (its spaces left out), turned and bold as read, those a cell's edge
    stands before marked `parted`: on a page that writes its spaces, a glyph after an open gap
    holding no space, where the letters either side touch their neighbours (letters spaced out
    for emphasis, «П Р О Т О К О Л», leave every gap of a word open); and, on a page whose words
    follow their spaces edge to edge, a glyph standing apart from the space before it (the space
    a cell's line wrapped at, written at its end, the next cell's text a point further on; a
    page justifying its lines leaves such gaps after many of its spaces, and parts nothing so)."""
    if every is None:  # `every`: the chars as glyphs, built already (`char_glyphs`)
        every = char_glyphs(chars)
    lines = group_lines([g for g in every if not g.turn])
    touch = _touch(lines)
    gaps = [gap for line in lines for gap in _gaps(line, touch)]
    spaced = sum(kind not in ("empty", "edge") for kind, _ in gaps)
    empty = {k for kind, k in gaps if kind == "empty"}
    column_edges = {k for kind, k in gaps if kind == "edge"}
    loose = {k for kind, k in gaps if kind == "loose"}
    drawn = [g for g in every if not g.text.isspace()]
    if spaced < MIN_SPACES or len(empty) > EMPTY_SHARE * spaced:
        return drawn
    edges = (empty | loose if len(loose) <= EMPTY_SHARE * spaced else empty) | column_edges
    return [g._replace(parted=True) if id(g) in edges else g for g in drawn]


class _Touch(NamedTuple):
    """What tells a cell's edge in a gap narrower than OPEN_GAP: the share of a glyph's height past
    which such a gap is open, and where the page's runs start (sorted)."""

    share: float
    starts: list[float]


def _touch(lines: Sequence[Sequence[Glyph]]) -> _Touch:
    """The page's measure for gaps narrower than OPEN_GAP (see TOUCH_GAP)."""
    shares: list[float] = []
    starts: list[float] = []
    for line in lines:
        before: Glyph | None = None  # the last letter drawn
        spaced = False  # a space stands since
        for glyph in line:
            if glyph.text.isspace():
                spaced = True
                continue
            height, gap = glyph.bottom - glyph.top, glyph.x0 - before.x1 if before else GUTTER
            if gap >= GUTTER:
                starts.append(glyph.x0)  # a run starts: the line's first, or past a gutter
            elif not spaced and height > 0 and gap <= OPEN_GAP * height:
                shares.append(gap / height)
            before, spaced = glyph, False
    shares.sort()
    widest = shares[-TOUCH_OUTLIERS] if len(shares) >= TOUCH_OUTLIERS else OPEN_GAP
    return _Touch(max(TOUCH_GAP, TOUCH_SPREAD * widest), sorted(starts))


def _gaps(line: Sequence[Glyph], touch: _Touch) -> list[tuple[str, int]]:
    """Each open gap of the line between two drawn letters, with the id of the glyph after it:
    «space» where a space stands in it, the letter after the space touching it; «loose» where
    the letter stands apart from the space; «empty» where no space stands in it and the letters
    either side touch their other neighbours (gaps among spaced-out letters are left out), or
    narrower, where a column's text starts after it (`touch`, see TOUCH_GAP); «edge» where the
    letter after it starts at a column's left edge to a twentieth of a point (see EDGE_ALIGN),
    however narrow the gap and whether a space stands in it or not, on a line of several runs (a
    table's row: a heading or a paragraph running across the columns is one run, its letters
    landing on an edge by chance)."""
    drawn: list[tuple[Glyph, float | None]] = []  # each letter, and where a space before it ends
    space: float | None = None
    for glyph in line:
        if glyph.text.isspace():
            space = glyph.x1
            continue
        drawn.append((glyph, space))
        space = None
    open_ = [
        _is_open(before, glyph) and end is None for (before, _), (glyph, end) in itertools.pairwise(drawn)
    ]
    out: list[tuple[str, int]] = []
    # a line of one run (a heading across the table, prose) crosses columns' edges: none parts it
    several = any(b.x0 - a.x1 >= GUTTER for (a, _), (b, _) in itertools.pairwise(drawn))
    for k, ((before, _), (glyph, end)) in enumerate(itertools.pairwise(drawn)):
        if several and _at_column_edge(before, glyph, touch):
            out.append(("edge", id(glyph)))
            continue
        if not _is_open(before, glyph):
            if end is None and _touches(before, glyph, touch):
                out.append(("empty", id(glyph)))
            continue
        if end is not None:
            apart = glyph.x0 - end > LOOSE_GAP * (glyph.bottom - glyph.top)
            out.append(("loose" if apart else "space", id(glyph)))
        elif not (k > 0 and open_[k - 1]) and not (k + 1 < len(open_) and open_[k + 1]):
            out.append(("empty", id(glyph)))
    return out


def _at_column_edge(before: Glyph, glyph: Glyph, touch: _Touch) -> bool:
    """A letter after a gap narrower than GUTTER (or an overlap under EDGE_OVERLAP) starting where
    runs of EDGE_STARTS other lines start, to EDGE_ALIGN."""
    if not -EDGE_OVERLAP <= glyph.x0 - before.x1 < GUTTER:
        return False
    lo = bisect.bisect_left(touch.starts, glyph.x0 - EDGE_ALIGN)
    hi = bisect.bisect_right(touch.starts, glyph.x0 + EDGE_ALIGN)
    return hi - lo >= EDGE_STARTS


def _touches(before: Glyph, glyph: Glyph, touch: _Touch) -> bool:
    """A gap narrower than OPEN_GAP wide enough to be open (TOUCH_GAP), the letter after it
    starting where runs of other lines start."""
    height, gap = glyph.bottom - glyph.top, glyph.x0 - before.x1
    if not touch.share * height < gap <= OPEN_GAP * height:
        return False
    lo = bisect.bisect_left(touch.starts, glyph.x0 - TOUCH_ALIGN)
    hi = bisect.bisect_right(touch.starts, glyph.x0 + TOUCH_ALIGN)
    return hi - lo >= TOUCH_STARTS


def _is_open(before: Glyph, glyph: Glyph) -> bool:
    """Two letters apart by more than kerning, less than a gutter (which parts them anyway)."""
    return OPEN_GAP * (glyph.bottom - glyph.top) < glyph.x0 - before.x1 < GUTTER
