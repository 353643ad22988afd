"""A table cell's visual lines rebuilt from PDF glyph boxes: the glyphs sorted into cells and
lines, each line's text and the room the exporter had around it (how each line break joins is
read in pdflinebreaks).
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any, NamedTuple

from muniflow.normalize.text import SUPERSCRIPT

# Hyphen-minus, hyphen, en and em dash, soft hyphen: a line may break after them.
HYPHENS = "-‐–—\xad"
NO_BREAK_SPACES = "\xa0\u202f\u2007\u2060"  # spaces that tie words together: no break opportunity
_ALIGNED = 1.0  # points: a line starting this close to the inner left edge is left-aligned
# Points a glyph's top may stand above its cell's top border: a line of a cell drawn lower than its
# text (a repeated header row in LibreOffice exports) spills over the border by more.
_OVERFLOW = 1.0
_PAD_SPREAD = 3.0  # points: how much wider a column's own padding may be than the table's
_SPACE_EM = 0.25  # a space's width as a share of the font size, when the cell shows no space glyph


class Glyph(NamedTuple):
    """One drawn character and its box (PDF points, y growing downwards as in pdfplumber).

    A named tuple rather than a frozen dataclass: a page makes thousands, and a tuple is built in
    a third of the time."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    turn: int = 0  # 1: the text runs upwards (rotated a quarter left), -1: downwards, 0: upright
    bold: bool = False  # set in a bold face (where a reader asks: see is_bold)
    parted: bool = False  # a cell's edge stands before it, closer than a gutter (see pdfspaces)


def is_bold(char: Mapping[str, object]) -> bool:
    """Whether a pdfplumber char is set in a bold face, as its font's name says («Arial-BoldMT»,
    «ABCDEF+DejaVuSerif-Bold», «TimesNewRomanPS-BoldItalicMT»; also black and heavy weights)."""
    return _bold_face(str(char.get("fontname") or ""))


@lru_cache(maxsize=256)
def _bold_face(fontname: str) -> bool:
    name = fontname.split("+")[-1].lower()
    return any(weight in name for weight in ("bold", "black", "heavy"))


def turn_of(char: Mapping[str, object]) -> int:
    """How a pdfplumber char is turned: its text matrix's rotation, a quarter either way or none
    (upside-down or slanted text is read as upright).

    pdfplumber's `upright` is not asked: pdfminer finds a glyph upright when the matrix's cosines
    multiply to more than zero, and Microsoft Word writes a quarter turn's cosine as 7.5e-08, not 0,
    so its turned glyphs are all "upright" there."""
    matrix = char.get("matrix")
    if not isinstance(matrix, tuple) or len(matrix) < 4:
        return 0
    a, b = matrix[0], matrix[1]
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)) or abs(b) <= abs(a):
        return 0
    return 1 if b > 0 else -1


def char_glyphs(chars: Iterable[Mapping[str, Any]]) -> list[Glyph]:
    """Every pdfplumber char of a page as a Glyph, spaces included, turned and bold as read: built
    once a page, for the tables looked for without rules (`pdfspaces.page_glyphs`) and for the
    cells' lines (`pdf._page_fragments`)."""
    return [
        Glyph(str(c["text"]), c["x0"], c["x1"], c["top"], c["bottom"], turn_of(c), is_bold(c)) for c in chars
    ]


@dataclass(frozen=True)
class Line:
    """One visual line of a cell: its text as drawn and the room the exporter had around it."""

    text: str  # glyph texts, spaces included: a trailing space marks a wrap at a space
    slack: float  # room left on the line: the cell's inner width minus the drawn width
    first_char: float  # width of the first glyph: a line above was full when this did not fit
    first_piece: float  # width up to the first break opportunity: what a wrap above had to fit
    space: float  # width of a space in the line's font
    marks_wraps: bool  # a wrap at a space would have left a space glyph here (left-aligned text)
    last_piece: float = 0.0  # width of the line's last token (after its last break opportunity)
    inner: float = math.inf  # the cell's inner width: a token wider than this fits no line


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


class CellIndex:
    """Finds the cell under a point in one table: bisects the grid lines, then looks up the cell."""

    def __init__(self, cells: Iterable[Box]):
        boxes = list(cells)
        self._xs = sorted({b[0] for b in boxes} | {b[2] for b in boxes})
        self._ys = sorted({b[1] for b in boxes} | {b[3] for b in boxes})
        self._slots: dict[tuple[int, int], Box] = {}
        for box in boxes:
            # A merged cell covers several grid slots; each slot points back at it.
            for row in range(self._ys.index(box[1]), self._ys.index(box[3])):
                for col in range(self._xs.index(box[0]), self._xs.index(box[2])):
                    self._slots[(row, col)] = box

    def find(self, x: float, y: float) -> Box | None:
        """The cell holding the point (left and top edges inside, right and bottom outside)."""
        col = bisect.bisect_right(self._xs, x) - 1
        row = bisect.bisect_right(self._ys, y) - 1
        return self._slots.get((row, col))


def bucket_glyphs(glyphs: Iterable[Glyph], tables: Sequence[CellIndex]) -> list[dict[Box, list[Glyph]]]:
    """Sort a page's glyphs into the cells of its tables by their centres, in one pass."""
    buckets: list[dict[Box, list[Glyph]]] = [{} for _ in tables]
    for glyph in glyphs:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        for index, bucket in zip(tables, buckets, strict=True):
            box = index.find(x, y)
            if box is not None:
                if glyph.top < box[1] - _OVERFLOW:  # spilt over the border from the cell above
                    box = index.find(x, box[1] - _OVERFLOW) or box
                bucket.setdefault(box, []).append(glyph)
                break
    return buckets


def group_lines(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Group glyphs into visual lines, top to bottom, each left to right."""
    lines: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        if lines and glyph.top - lines[-1][0].top <= (lines[-1][0].bottom - lines[-1][0].top) / 2:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return [_without_hidden_spaces(sorted(line, key=lambda g: g.x0)) for line in lines]


def _without_hidden_spaces(line: list[Glyph]) -> list[Glyph]:
    """The line without spaces drawn over a letter (Word writes a paragraph's leading space inside
    its first letter's box: «В ведение» for «Введение»): a space at least half inside a drawn glyph
    stands between no two words."""
    drawn = sorted((g for g in line if not g.text.isspace()), key=lambda g: g.x0)
    if len(drawn) == len(line):
        return line
    starts = [d.x0 for d in drawn]
    widest = max((d.x1 - d.x0 for d in drawn), default=0.0)

    def hidden(space: Glyph) -> bool:
        # only a glyph starting less than the widest glyph's width before the space can overlap it
        lo = bisect.bisect_left(starts, space.x0 - widest)
        hi = bisect.bisect_left(starts, space.x1)
        return any(
            min(space.x1, d.x1) - max(space.x0, d.x0) > (space.x1 - space.x0) / 2 for d in drawn[lo:hi]
        )

    return [g for g in line if not g.text.isspace() or not hidden(g)]


def _gap_is_space(before: Glyph, glyph: Glyph) -> bool:
    """True when two glyphs stand apart by more than a third of the font size (a space not drawn)."""
    return glyph.x0 - before.x1 > (glyph.bottom - glyph.top) / 3


def line_text(line: Sequence[Glyph]) -> str:
    """The line's text, with a space where the producer left a gap instead of drawing one, and a
    raised or lowered digit written as the character that shows it so (see `_shifted`)."""
    line = _shifted(line)
    parts = [line[0].text]
    for before, glyph in pairwise(line):
        if not (before.text.isspace() or glyph.text.isspace()) and _gap_is_space(before, glyph):
            parts.append(" ")
        parts.append(glyph.text)
    return "".join(parts)


# A glyph this much smaller than the line's tallest, its bottom this much above theirs, is set in
# superscript, both shares of the tallest glyph's height: Word and Writer set it at about 0.58 of the
# text, a web browser's <sup> at «smaller», 1/1.2 (0.83). (A subscript's glyph stands lower than half
# a line: group_lines makes it a line of its own.)
_SMALL_SHARE = 0.87
_RAISED_SHARE = 0.25


def _shifted(line: Sequence[Glyph]) -> Sequence[Glyph]:
    """The line with its superscript digits («12.04.2025¹», «м²»: a footnote mark typed by hand, a
    unit) as the characters that show them raised, as the DOCX reader writes them: a mark read as a
    digit of its own runs into the number it follows."""
    heights = [g.bottom - g.top for g in line]
    tallest = max(heights)
    if min(heights) > _SMALL_SHARE * tallest:
        return line
    base = statistics.median(g.bottom for g, h in zip(line, heights, strict=True) if h >= 0.9 * tallest)
    out = []
    for glyph, height in zip(line, heights, strict=True):
        if height <= _SMALL_SHARE * tallest and base - glyph.bottom >= _RAISED_SHARE * tallest:
            glyph = glyph._replace(text=glyph.text.translate(SUPERSCRIPT))
        out.append(glyph)
    return out


def _last_piece(line: Sequence[Glyph]) -> float:
    """Width of the line's last token: from after its last break opportunity to its end."""
    drawn = [g for g in line if not g.text.isspace()] or list(line)
    start = drawn[0].x0
    for before, glyph in pairwise(drawn):
        if _gap_is_space(before, glyph) or before.text in HYPHENS:
            start = glyph.x0
    for glyph in line:
        if glyph.text.isspace() and glyph.text not in NO_BREAK_SPACES and glyph.x1 <= drawn[-1].x1:
            start = max(start, glyph.x1)
    return drawn[-1].x1 - start


def _first_piece(line: Sequence[Glyph]) -> float:
    """Width from the line's start to its first break opportunity (a space, or after a hyphen)."""
    end = line[0].x1
    for before, glyph in pairwise(line):
        if (glyph.text.isspace() and glyph.text not in NO_BREAK_SPACES) or _gap_is_space(before, glyph):
            break
        end = glyph.x1
        if glyph.text in HYPHENS:
            break
    return end - line[0].x0


def cell_lines(
    lines: Sequence[Sequence[Glyph]], left: float, right: float, marks_wraps: bool
) -> tuple[Line, ...]:
    """A cell's grouped glyph lines with their geometry; left and right are the inner (text) edges.

    marks_wraps: the producer draws the space a line wrapped at (seen elsewhere in the table).
    """
    spaces = [g.x1 - g.x0 for line in lines for g in line if g.text == " "]
    out = []
    for line in lines:
        drawn = [g for g in line if not g.text.isspace()] or line
        out.append(
            Line(
                text=line_text(line),
                slack=(right - left) - (drawn[-1].x1 - line[0].x0),
                first_char=line[0].x1 - line[0].x0,
                first_piece=_first_piece(line),
                space=min(spaces) if spaces else _SPACE_EM * (line[0].bottom - line[0].top),
                marks_wraps=marks_wraps and line[0].x0 - left <= _ALIGNED,
                last_piece=_last_piece(line),
                inner=right - left,
            )
        )
    return tuple(out)


def table_lines(cells: Mapping[Box, Sequence[Glyph]]) -> dict[Box, tuple[Line, ...]]:
    """Every cell's lines; a cell whose text is turned a quarter (a narrow header column written
    upwards or downwards) is read in its own frame, where its lines run left to right, so that
    its lines and their breaks come out as in an upright cell."""
    turns = {box: _cell_turn(glyphs) for box, glyphs in cells.items()}
    out = _upright_lines({box: glyphs for box, glyphs in cells.items() if not turns[box]})
    for turn in (1, -1):
        turned = {_turn_box(box, turn): box for box in cells if turns[box] == turn}
        if turned:
            lines = _upright_lines(
                {frame: [_turn_glyph(g, turn) for g in cells[box]] for frame, box in turned.items()}
            )
            out.update({turned[frame]: cell for frame, cell in lines.items()})
    return out


def _cell_turn(glyphs: Sequence[Glyph]) -> int:
    """The turn of most of a cell's drawn glyphs (0 when most are upright)."""
    turns = [g.turn for g in glyphs if not g.text.isspace()]
    for turn in (1, -1):
        if 2 * turns.count(turn) > len(turns):
            return turn
    return 0


def _turn_box(box: Box, turn: int) -> Box:
    """A cell's box in the frame where its turned text reads upright (see _turn_glyph)."""
    x0, top, x1, bottom = box
    return (-bottom, x0, -top, x1) if turn > 0 else (top, -x1, bottom, -x0)


def _turn_glyph(glyph: Glyph, turn: int) -> Glyph:
    """A glyph in the upright frame of text that runs upwards (lines stacked left to right) or
    downwards (lines stacked right to left)."""
    if turn > 0:
        return Glyph(glyph.text, -glyph.bottom, -glyph.top, glyph.x0, glyph.x1)
    return Glyph(glyph.text, glyph.top, glyph.bottom, -glyph.x1, -glyph.x0)


def _upright_lines(cells: Mapping[Box, Sequence[Glyph]]) -> dict[Box, tuple[Line, ...]]:
    """Every cell's lines, measured against inner edges estimated from the table and its column.

    Cell padding is the smallest gap between a cell's edge and its text: on the left over all
    lines, on the right over the lines that came closest (never more than the left one). A column
    whose text comes close to an edge, but keeps further from it than the table's padding, has its
    own padding there: the exporter may draw a column a little wider than it lays out its text
    (LibreOffice does).
    """
    grouped = {box: group_lines(glyphs) for box, glyphs in cells.items() if glyphs}
    if not grouped:
        return {}
    drawn = {box: [g for g in gs if not g.text.isspace()] for box, gs in cells.items()}
    drawn = {box: gs for box, gs in drawn.items() if gs}
    left_gaps = {box: min(g.x0 for g in gs) - box[0] for box, gs in drawn.items()}
    right_gaps = {box: box[2] - max(g.x1 for g in gs) for box, gs in drawn.items()}
    left_pad = min(left_gaps.values(), default=0.0)
    right_pad = min(
        [left_pad, *(gap for gap in right_gaps.values() if gap >= 0)]
    )  # overflowing text says nothing
    lefts: dict[tuple[float, float], float] = {}
    rights: dict[tuple[float, float], float] = {}
    for box in drawn:
        column = (box[0], box[2])
        lefts[column] = min(lefts.get(column, math.inf), left_gaps[box])
        if right_gaps[box] >= 0:
            rights[column] = min(rights.get(column, math.inf), right_gaps[box])
    marks_wraps = any(_ends_with_space(line) for lines in grouped.values() for line in lines[:-1])
    out = {}
    for box, lines in grouped.items():
        column = (box[0], box[2])
        left = _own_pad(lefts.get(column), left_pad)
        gap = rights.get(column)
        right = right_pad if gap is None else _own_pad(gap, min(left, gap))  # at most the left one
        out[box] = cell_lines(lines, box[0] + left, box[2] - right, marks_wraps)
    return out


def _own_pad(column_gap: float | None, table_pad: float) -> float:
    """A column's padding at one edge: its own smallest gap when within _PAD_SPREAD of the
    table's padding (text laid out to a slightly narrower edge), else the table's (the column's
    text never came near that edge: centred, or short)."""
    if column_gap is None or not table_pad <= column_gap <= table_pad + _PAD_SPREAD:
        return table_pad
    return column_gap


def _ends_with_space(line: Sequence[Glyph]) -> bool:
    return line[-1].text.isspace() and line[-1].text not in NO_BREAK_SPACES
