"""Text laid out in two columns side by side outside any table (a letterhead: the sender's block
on the left, the addressee's on the right), read one column after the other.

A PDF has no columns, only glyphs: a visual line of such a band holds the lines of both columns,
so reading it line by line interleaves them («АДМИНИСТРАЦИЯ Председателю комитета»). The DOCX
holds each block whole. Two columns show as a vertical strip no glyph crosses over consecutive
lines, with lines on both sides of it: those lines are read left column first, then right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from muniflow.readers.pdflines import Glyph, group_lines

_GUTTER_EM = 0.6  # a strip this share of the font size wide, free of glyphs, may part two columns
_SIDE_LINES = 2  # lines each column needs: one line with a wide gap is a tab, not a column
_PITCH_SPREAD = 1.5  # a line further below than this many line pitches of the block is past it
_MAX_RUN = 40  # lines: a letterhead is shorter; bounds the search on a page of plain text

Span = tuple[float, float]


@dataclass(frozen=True)
class Block:
    """Consecutive visual lines read as one run of text within a horizontal span."""

    lines: list[list[Glyph]]
    left: float
    right: float


def reading_blocks(lines: Sequence[list[Glyph]], left: float, right: float) -> list[Block]:
    """The band's lines in reading order: where two columns stand side by side, the left column's
    lines, then the right column's, each within its own span; elsewhere the lines as they are."""
    shapes = [_Shape.of(line, (left, right)) for line in lines]
    blocks: list[Block] = []
    plain: list[list[Glyph]] = []
    i = 0
    while i < len(lines):
        found = _columns_from(shapes, i)
        if found is None:
            plain.append(lines[i])
            i += 1
            continue
        end, gutter = found
        if plain:
            blocks.append(Block(plain, left, right))
            plain = []
        middle = (gutter[0] + gutter[1]) / 2
        glyphs = [g for line in lines[i:end] for g in line]
        # Each column may reach anywhere into the strip: its lines wrapped within that width.
        blocks.append(Block(group_lines([g for g in glyphs if _centre(g) < middle]), left, gutter[1]))
        blocks.append(Block(group_lines([g for g in glyphs if _centre(g) >= middle]), gutter[0], right))
        i = end
    if plain:
        blocks.append(Block(plain, left, right))
    return blocks


def _centre(glyph: Glyph) -> float:
    return (glyph.x0 + glyph.x1) / 2


@dataclass(frozen=True)
class _Shape:
    """What the column search needs of a visual line."""

    top: float
    height: float
    first_end: float  # the right edge of its leftmost glyph
    last_start: float  # the left edge of its rightmost glyph
    free: list[Span]  # the spans of the area no glyph covers, wide enough to part columns

    @staticmethod
    def of(line: Sequence[Glyph], area: Span) -> _Shape:
        height = max(g.bottom - g.top for g in line)
        free, x = [], area[0]
        for glyph in sorted(line, key=lambda g: g.x0):
            if glyph.x0 - x >= _GUTTER_EM * height:
                free.append((x, glyph.x0))
            x = max(x, glyph.x1)
        if area[1] - x >= _GUTTER_EM * height:
            free.append((x, area[1]))
        top = min(g.top for g in line)
        return _Shape(top, height, min(g.x1 for g in line), max(g.x0 for g in line), free)


def _intersect(a: Sequence[Span], b: Sequence[Span], width: float) -> list[Span]:
    """The spans free in both, at least `width` wide."""
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi - lo >= width:
                out.append((lo, hi))
    return out


def _gutter(shapes: Sequence[_Shape], free: Sequence[Span]) -> Span | None:
    """The widest free span with enough lines holding glyphs on each side of it, or None."""
    best = None
    for span in free:
        lefts = sum(1 for shape in shapes if shape.first_end <= span[0])
        rights = sum(1 for shape in shapes if shape.last_start >= span[1])
        if (
            lefts >= _SIDE_LINES
            and rights >= _SIDE_LINES
            and (best is None or span[1] - span[0] > best[1] - best[0])
        ):
            best = span
    return best


def _columns_from(shapes: Sequence[_Shape], start: int) -> tuple[int, Span] | None:
    """Where the lines from `start` form two columns: the end of the run and the strip between
    the columns; None when they do not. The run goes on while a strip stays free in every line
    and no line stands apart by more than the run's line pitch (a blank line before a title)."""
    width = _GUTTER_EM * shapes[start].height
    free = shapes[start].free
    found: tuple[int, Span] | None = None
    pitch: float | None = None
    end = start + 1
    while True:
        gutter = _gutter(shapes[start:end], free)
        if gutter is not None:
            found = (end, gutter)
        if end == len(shapes) or end - start >= _MAX_RUN:
            return found
        step = shapes[end].top - shapes[end - 1].top
        if pitch is not None and step > _PITCH_SPREAD * pitch:
            return found
        pitch = step if pitch is None else min(pitch, step)
        free = _intersect(free, shapes[end].free, width)
        if not free:
            return found
        end += 1
