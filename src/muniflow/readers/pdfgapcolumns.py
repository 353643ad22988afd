"""Where the columns of a table drawn without rules part (see pdfgaps): in the gaps the body's
lines of several runs leave, a column of lone lines inside such a gap parting it, the boundary
a cell's padding left of the text to its right, and the columns of a table of labels.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from muniflow.readers.pdflabelrows import label_starts
from muniflow.readers.pdfregions import Region
from muniflow.readers.pdftextlines import GUTTER, Line, Span, is_numbered

# An events table has at least №, the event and its date or place; two blocks side by side are a
# letterhead or a signature, not a table.
MIN_COLUMNS = 3

# A table of labels (see pdflabelrows) may hold one event: its labels and their values.
MIN_LABEL_COLUMNS = 2

# Points between a cell's edge and its text, where no drawn side shows it: Word's and LibreOffice's
# default cell padding, 0.19 cm. A column boundary is put this far left of the text of the column
# to its right (never past the gap's middle), where the cell's edge was: the line-break reading
# (pdflinebreaks) measures each line's room against the cell's edges, and left-aligned text starts at
# one x on every page, so a table running over pages keeps one grid (pdfstitch compares grids).
DEFAULT_PAD = 5.4

# Points: a frame's first column starting further from its side than this is centred, and tells
# no padding.
MAX_PAD = 12.0

# Points a boundary moved off a run of words stands clear of it (see _clear_of_runs).
RUN_CLEARANCE = 0.5

# Lines of one run, starting at one x (within COLUMN_ALIGN points), that show a column inside a gap
# of the body's lines of several runs (see _split_by_column).
COLUMN_LINES = 3

COLUMN_ALIGN = 1.5

# Points: a strip no body line writes into, narrower than GUTTER, parts two columns where the
# text right of it starts at one x on COLUMN_LINES lines (see _column_starts): a tenth of a point,
# as a line filling a cell padded by nothing ends by its next column's text (LibreOffice's lines
# end 0.4 pt before it at 11 pt; letters of one word overlap or touch instead).
MIN_STRIP = 0.1


def boundaries(
    lines: Sequence[Line],
    pad: float,
    hint: Sequence[float],
    header: Sequence[str] = (),
    least: int = MIN_COLUMNS,
    body_from: int | None = None,
) -> list[float] | None:
    """Where the columns part: in each gap at least GUTTER wide that no body line of several runs
    writes into, `pad` left of the text after it; None for fewer than `least`. `hint`: the
    inner boundaries of the table on the page before, kept when each falls in its gap here (a
    page holding little of a column, its header centred, shows the gap wider), or moved into it
    (see _kept_hint). A line of the
    header repeated further down (the next table's, where the rules join two tables into one
    region) closes no gap either, nor does a line of `header` (the header of the table on the page
    before, repeated on a page holding no numbered row: the rest of a row under it).
    `body_from`: the index of the body's first line where it is known (a row centred or set at
    its bottom starts above its numbered line, see pdfaligned); the first numbered line
    otherwise."""
    start = next((i for i, line in enumerate(lines) if is_numbered(line)), 0)
    start = body_from if body_from is not None else start
    heads = {line.text for line in lines[:start]} | set(header)
    body = [line for line in lines[start:] if len(line.spans) > 1 and line.text not in heads]
    if not body:
        return None
    covered = sorted(span for line in body for span in line.spans)
    # a run parted at a cell's edge narrower than GUTTER (see pdfspaces) shows a gap however narrow
    edges = [a for line in body for a in line.parted]
    gaps: list[Span] = []
    reach = covered[0][1]
    for x0, x1 in covered[1:]:
        if (
            x0 - reach >= GUTTER
            or (x0 > reach and any(x0 <= a <= x0 + COLUMN_ALIGN for a in edges))
            or (x0 - reach >= MIN_STRIP and _column_starts(x0, covered))
            or (x0 > reach and _after_edge(x0, hint) and _column_starts(x0, covered))
        ):
            gaps.append((reach, x0))
        reach = max(reach, x1)
    singles = [line for line in lines[start:] if len(line.spans) == 1 and line.text not in heads]
    gaps = [part for gap in gaps for part in _split_by_column(gap, singles)]
    gaps = [part for gap in gaps for part in _split_by_header(gap, lines[:start])]
    # the body's text ends: a column right of it holds none (its header's only, or no header here)
    end = max([reach, *(b for line in singles for _, b in line.spans)])
    gaps += _header_only_column(lines[:start], end)
    parts = _with_empty_columns(gaps, hint, end)
    kept = _kept_hint(parts, hint)
    if kept is not None:  # a cell's line here longer than the page before's may cross one: cleared
        since = [-float("inf"), *kept[:-1]]  # of runs within the column left of it (no heading)
        return [
            _clear_of_runs(x, gap, lines[start:], after)
            for x, gap, after in zip(kept, parts, since, strict=True)
        ]
    if len(hint) > len(gaps) and all(x > end for x in hint[len(gaps) :]):
        gaps += [(end, x) for x in hint[len(gaps) :]]  # the page before's empty columns go on here
    if len(gaps) + 1 < least:
        return None
    rows = lines[start:]
    ahead = [gap[0] for gap in gaps[1:]] + [float("inf")]  # where the column right of each gap ends
    return [
        _clear_of_header(
            _clear_of_runs(right - min(pad, (right - left) / 2), (left, right), rows),
            (left, right),
            lines[:start],
            end,
        )
        for (left, right), end in zip(gaps, ahead, strict=True)
    ]


def _column_starts(x: float, covered: Sequence[Span]) -> bool:
    """Whether runs of the body start at `x` (within COLUMN_ALIGN) on COLUMN_LINES lines or more:
    a left-aligned column's edge, where a strip free of text left of it is a gap between two
    columns however narrow (cells padded by a point or none, their lines on other baselines than
    the next column's, so no line shows the two side by side)."""
    return sum(abs(a - x) <= COLUMN_ALIGN for a, _ in covered) >= COLUMN_LINES


def _clear_of_runs(x: float, gap: Span, lines: Sequence[Line], since: float = -float("inf")) -> float:
    """The boundary `x` in `gap` moved right of the runs of words of the body's `lines` it would
    cut that start left of the gap and end inside it: a cell's line wider than the lines of
    several runs show its column (a title's line standing alone) where the cells' padding is
    narrower than DEFAULT_PAD (LibreOffice's import of an HTML table). The column it stands in
    keeps it. A run starting inside the gap and reaching over it is left crossing it: `x` moves
    past none. A line of one run counts where it starts as a column's text does (a cell's
    wrapped line), not where a heading centred across the table does. The header's lines are
    not looked at: a group cell may end inside the gap, its sub-headers under it. `since`: only
    runs starting right of it count (the column's left boundary: a heading across the table starts
    further left)."""
    left, right = gap
    cells = [line.upright for line in lines if len(line.spans) > 1]
    edges = [a for spans in cells for a, _ in spans]
    alone = [line.upright for line in lines if len(line.spans) == 1 and line.upright]
    cells += [spans for spans in alone if any(abs(spans[0][0] - a) <= COLUMN_ALIGN for a in edges)]
    runs = [span for spans in cells for span in spans if span[0] >= since]
    ends = [b for a, b in runs if a < left < b < right]
    starts = [a for a, b in runs if left < a < right < b]
    return _past(x, max(ends, default=left), min(starts, default=right))


def _clear_of_header(x: float, gap: Span, lines: Sequence[Line], until: float) -> float:
    """The boundary `x` in `gap` moved right of the header's labels (`lines`: the header's lines)
    that start left of the gap and end inside it beside a label of the column to its
    right (a run starting after it, before `until`, on a line level with it), or with no label
    of that column under it (a cell's wrapped line, its next column's label a line or two high
    above it: cells padded by nothing): a label centred over a narrow column, wider than its
    text («№» over row numbers, LibreOffice's import of an HTML table padding its cells by a
    point), ends right of the boundary a cell's padding puts left of the next column's text, and
    was read as a header cell spanning both. A label with no label beside it over the next column
    but sub-headers under it may be a group cell over both: left crossing the boundary, as is a
    label starting inside the gap and reaching over it, and `x` moves past none of them."""
    left, right = gap

    def beside(line: Line, b: float, below: bool) -> bool:  # a label over the next column
        return any(
            (other.top >= line.bottom if below else other.top < line.bottom and line.top < other.bottom)
            and any(b < c < until for c, _ in (other.spans if below else other.upright))
            for other in lines
        )  # a sub-header under a group label may be turned a quarter

    ends = [
        b
        for line in lines
        for a, b in line.upright
        if a < left < b < right and (beside(line, b, False) or not beside(line, b, True))
    ]
    starts = [a for line in lines for a, b in line.upright if left < a < right < b]
    return _past(x, max(ends, default=left), min(starts, default=right))


def _past(x: float, low: float, high: float) -> float:
    """The boundary `x` moved right past `low` (where the text it would cut ends), RUN_CLEARANCE
    clear of it and of `high` (where the text right of it starts), or halfway between the two
    where they stand closer (cells padded by nothing: a label filling its cell ends a fraction
    of a point before the next column's text); `x` where `high` is not right of `low`."""
    if low + RUN_CLEARANCE <= high - RUN_CLEARANCE:
        return max(x, low + RUN_CLEARANCE)
    return max(x, (low + high) / 2) if low < high else x


def _with_empty_columns(gaps: Sequence[Span], hint: Sequence[float], end: float) -> list[Span]:
    """The gaps with the columns of the page before that this page leaves empty: a gap holding
    several of `hint`'s boundaries parted at them (a municipality's cell merged down over the
    rows, its text on the page before only), and `hint`'s boundaries right of where the body's
    text ends (`end`: a «Примечание» the rows leave empty), or left of it by less than
    DEFAULT_PAD (a line filling its cell padded by nothing), each a gap of its own."""
    out: list[Span] = []
    for a, b in gaps:
        inside = [x for x in hint if a <= x <= b]
        cuts = [a, *inside[:-1], b] if len(inside) > 1 else [a, b]
        out.extend(itertools.pairwise(cuts))
    # a line filling its cell up to the empty column (padded by nothing) may end past the
    # boundary, short of where that column's text stood (at most DEFAULT_PAD right of it)
    return out + [
        (end, x if x > end else x + DEFAULT_PAD)
        for x in hint
        if x + DEFAULT_PAD > end and all(x > b for _, b in gaps)
    ]


def _after_edge(x: float, hint: Sequence[float]) -> bool:
    """Whether `x` stands where the page before's columns put a column's text: at most
    DEFAULT_PAD right of one of its boundaries (`hint`; RUN_CLEARANCE for rounding), as a cell's
    padding put it there."""
    return any(0 <= x - edge <= DEFAULT_PAD + RUN_CLEARANCE for edge in hint)


def _kept_hint(gaps: Sequence[Span], hint: Sequence[float]) -> list[float] | None:
    """`hint`'s boundaries where each falls in its gap, or stands left of it by less than the
    padding its column's text stands off it (the gap's right side at most DEFAULT_PAD right of the
    boundary: the column's text starts where it did on the page before). The page before put its
    boundary DEFAULT_PAD left of that text where its cells left room; a cell padded by a point or
    none is filled up to its edge by a longer line here: that boundary moves into the gap, past
    the line, as the page's own boundaries stand (see boundaries). None where the gaps differ."""
    if not hint or len(hint) != len(gaps):
        return None
    out = []
    for x, (a, b) in zip(hint, gaps, strict=True):
        if a <= x <= b:
            out.append(x)
        elif x < a < b <= x + DEFAULT_PAD + RUN_CLEARANCE:
            out.append(b - min(DEFAULT_PAD, (b - a) / 2))
        else:
            return None
    return out


def keeps_hint(inner: Sequence[float], hint: Sequence[float]) -> bool:
    """Whether the boundaries `inner` are `hint`'s, kept or moved into their gaps (_kept_hint)."""
    if not hint or len(inner) != len(hint):
        return False
    return all(0 <= x - h <= DEFAULT_PAD + RUN_CLEARANCE for x, h in zip(inner, hint, strict=True))


def _header_only_column(header: Sequence[Line], reach: float) -> list[Span]:
    """The gap before a column the body leaves empty, right of all its text (a «Примечание» no
    row fills): a label of the header starting a GUTTER or more right of where the body's text
    reaches, level with another label left of there (a line of the header's labels, not a note
    set in the page's corner above the table). Without it, the last column of text took the empty
    one's width, and its lines, far from that edge, seemed never full: the words a narrow column
    cut with no hyphen stayed apart."""
    starts = [
        a
        for line in header
        for a, _ in line.upright
        if a - reach >= GUTTER
        and any(
            other.top < line.bottom and line.top < other.bottom and any(c < reach for c, _ in other.upright)
            for other in header
        )
    ]
    return [(reach, min(starts))] if starts else []


def _split_by_header(gap: Span, header: Sequence[Line]) -> list[Span]:
    """A gap between the body's columns parted by a column whose text stands only above the first
    numbered line: labels of the header inside the gap with a gutter either side, one of them level
    with a label outside it (a line of the header's labels), the columns either side labelled over
    their own text (a label starting left of the gap, one ending right of it), as a municipality
    merged down its rows shows its name there, under its label, and nothing beside the rows'
    numbers. Without it, the column was the number's on that page, and the table's grid differed
    from the pages after."""
    left, right = gap
    inside = [
        (line, (a, b))
        for line in header
        for a, b in line.upright
        if a - left >= GUTTER and right - b >= GUTTER
    ]
    labels = any(any(b <= left or a >= right for a, b in line.upright) for line, _ in inside)
    # the columns either side have labels of their own over their text (a label centred over
    # numbers set at their cell's left is theirs: it stands in the gap, and no other label does)
    spans = [span for line in header for span in line.upright]
    own = any(a < left for a, _ in spans) and any(b > right for _, b in spans)
    if not (labels and own):
        return [gap]
    return [(left, min(a for _, (a, _) in inside)), (max(b for _, (_, b) in inside), right)]


def _split_by_column(gap: Span, singles: Sequence[Line]) -> list[Span]:
    """A gap between the body's columns parted by a column whose text no line of several runs
    shows: lines of one run each, at least COLUMN_LINES of them starting at one x, inside the gap
    with a gutter either side (a place merged down over two rows and centred on them: its lines
    stand between the rows' lines, each alone). A heading centred across the table is one line,
    or lines centred, not starting at one x."""
    left, right = gap
    inside = [
        line.spans[0]
        for line in singles
        if line.spans[0][0] - left >= GUTTER and right - line.spans[0][1] >= GUTTER
    ]
    starts = sorted(a for a, _ in inside)
    for first in starts:
        column = [(a, b) for a, b in inside if abs(a - first) <= COLUMN_ALIGN]
        if len(column) >= COLUMN_LINES:
            return [(left, first), (max(b for _, b in column), right)]
    return [gap]


def column_of(x: float, xs: Sequence[float]) -> int:
    return max((k for k, edge in enumerate(xs[:-1]) if edge <= x), default=0)


def label_boundaries(
    lines: Sequence[Line],
    pad: float,
    region: Region | None = None,
    hint: Sequence[float] = (),
    going_on: bool = False,
    cut: bool = False,
) -> list[float] | None:
    """The inner column boundaries of lines numbering no row that are a table of labels of
    MIN_LABEL_COLUMNS columns or more (one event beside its labels); None when they are not
    (`going_on`: the table of labels of the page before going on, whatever its labels). A column
    holding text in the first line alone is the one to its left: the event's number centred over
    values that stop short of it."""
    inner = boundaries(lines, pad, hint, least=MIN_LABEL_COLUMNS)
    if inner is None or any(is_numbered(line) for line in lines):
        return None
    left = min(a for line in lines for a, _ in line.spans) - pad
    right = max(b for line in lines for _, b in line.spans) + pad
    if region is not None and region.framed:
        left, right = region.x0, region.x1
    edges = [left, *inner, right]
    written = [{column_of(a, edges) for a, _ in line.spans} for line in lines[1:]]
    inner = [x for k, x in enumerate(inner, start=1) if any(k in w for w in written)]
    if len(inner) + 1 < MIN_LABEL_COLUMNS:
        return None
    return inner if label_starts(lines, [left, *inner, right], going_on, cut=cut) is not None else None
