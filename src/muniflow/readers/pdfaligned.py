"""Rows of a table drawn without rules whose cells are centred or set at their bottom (pdfgaps).

Without rules a row is known by its number: read top-aligned, a row runs from its numbered line
down to the next one. A cell centred in its row (HTML's default `valign=middle`, kept by
LibreOffice's HTML import and by a browser's `vertical-align: middle`; Word's «по центру») starts
above its row's number when it is taller than the number's cell, and one set at the bottom ends
with it: read top-aligned, a row takes the upper lines of the row under it, and the header the
upper lines of the first row.

The row's number is one line in its own cell, so it stands where the row's middle (or bottom)
is: every cell of the row is centred on that line (or ends with it). Between two numbered lines
the rows part where each of them then holds its cells so aligned; the parting is chosen for the
whole run of rows at once (the cells of a row, above its number, belong to where the row above
parts). The table is read so only where this alignment fits its cells far better than the top's.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from muniflow.readers.pdftextlines import Line, Span, is_numbered, numbers_columns

# A cell's text standing off its row's alignment by less than this share of a line's height is
# aligned (glyph boxes of two fonts, a paragraph's spacing after its last line).
SLACK = 0.3

# A cell's misalignment counts at most this many line heights: one cell merged over two rows, or
# a row's rest the page end broke, weighs no more than two cells a line off.
CAP = 2.0

# The alignment chosen must leave at most a quarter of the misalignment the top's leaves (a
# cell merged over two rows and centred on them, in a table set from the top, is misaligned in
# every reading), and save at least this many line heights of it (a table of one-line cells
# fits every alignment: it stays top-aligned).
SHARE = 4.0
GAIN = 1.0

# Line heights a cell's text counts as misaligned for each line of its row it skips (see
# _Cost): rows set at their bottom read from the top hold each cell's last line over the next
# row's cell, every cell then starting with its row's number: skipped lines alone tell them.
HOLE = 0.25

MODES = ("middle", "bottom")

# Points a run of words may stand past a cell's edge and still be inside it (rounding).
EDGE = 3.0


def aligned_bands(
    lines: Sequence[Line],
    xs: Sequence[float],
    top_starts: Sequence[int],
    starts: Sequence[int],
    fixed: Sequence[int],
    settled: str = "",
    overleaf: Sequence[Span] = (),
) -> tuple[list[Span], str] | None:
    """The rows of `lines` (a table's lines, columns `xs`) re-parted for cells centred or set at
    their bottom, and the alignment; None where the top's alignment fits as well. `top_starts`:
    the lines opening a row read top-aligned (the header's first, each numbered line, each
    heading and the line after it); `starts`: so for the other alignments, `fixed` those of them
    that open a row whatever the alignment (a heading and the line after it, the rest of a row
    under a header repeated). Where both fit a table's cells (a page of rows set at the bottom,
    read from the top: each row then holds its number's line, where all its cells end, over the
    next row's upper lines), the one whose cells skip no line of their row wins (see _Cost).
    `settled`: the alignment of the table on the page before, this one going on: it stays unless
    the top's fits clearly better (a page may hold one row or two, too few to tell); `overleaf`:
    the x-ranges of its last row's cells whose text goes on here (see _rest_apart)."""
    if len(xs) < 3 or not any(_numbered(lines[i], xs) for i in starts):
        return None
    height = sorted(line.bottom - line.top for line in lines)[len(lines) // 2]
    cost = _Cost(lines, xs, height)
    best: tuple[float, list[int], str] | None = None
    for mode in (settled,) if settled in MODES else MODES:
        _, cuts = _parted(lines, xs, starts, fixed, cost, mode)
        cuts = _rest_apart(cost, cuts, overleaf, mode) if overleaf else cuts
        total = _rows_cost(cost, cuts, mode)
        if best is None or total < best[0]:
            best = (total, cuts, mode)
    if best is None:
        return None
    _, cuts, mode = best
    # a band without a number both readings part alike (a header) tells neither; on a page going
    # on with the table before, a row's rest opens it, whose paragraphs stand apart
    shared = _bands(top_starts, len(lines)) & _bands(cuts, len(lines))
    top_cost = _rows_cost(cost, top_starts, "top", shared, not settled)
    total = _rows_cost(cost, cuts, mode, shared, not settled)
    if settled:  # the table before's alignment stays unless the top's fits clearly better
        if top_cost * SHARE < total and total - top_cost >= GAIN * height:
            return None
    elif not (total * SHARE < top_cost and top_cost - total >= GAIN * height):
        return None
    edges = [lines[i].top - 1 for i in cuts] + [lines[-1].bottom + 1]
    return list(itertools.pairwise(edges)), mode


def _rest_apart(cost: _Cost, cuts: Sequence[int], overleaf: Sequence[Span], mode: str) -> list[int]:
    """The row starts with the rest of the row before, the page end cut, parted from the page's
    first numbered row: cells set at their bottom fit it as well with the rest's lines on top of
    its tallest cell as without them. The rest writes only where a cell of the row before went
    on overleaf (its last line ending with the space it wrapped at), and ends at the first blank
    band across the table as tall as the gaps between rows on this page (less SLACK), well over
    the gaps between a row's lines; parted so, the rows fit the alignment no worse. Its lines
    above, a line's gap apart and only where the row went on, are one band with it (a line of it
    crossing a boundary was parted as a heading, the line under it too)."""
    lines, xs = cost.lines, cost.xs
    bands = list(itertools.pairwise([*cuts, len(lines)]))
    first = next((k for k, (a, b) in enumerate(bands) if _anchor(lines, xs, a, b) is not None), None)
    if first is None:
        return list(cuts)
    a, b = bands[first]
    number = next(i for i in range(a, b) if _numbered(lines[i], xs))
    rows = sorted(lines[c].top - lines[c - 1].bottom for c in cuts[first + 1 :])
    within = sorted(lines[i].top - lines[i - 1].bottom for i in range(1, len(lines)) if i not in cuts)
    if not rows or not within:
        return list(cuts)
    row_gap, line_gap = rows[len(rows) // 2], within[len(within) // 2]
    slack = SLACK * cost.height
    if row_gap - line_gap < 2 * slack:  # rows that do not stand apart tell no rest
        return list(cuts)

    def rest(i: int, j: int) -> bool:  # lines[i:j] write only where the row before went on
        return all(_inside(span, overleaf) for line in lines[i:j] for span in line.spans)

    def gap(i: int) -> float:  # the blank over lines[i]
        return lines[i].top - lines[i - 1].bottom

    whole = cost.band(a, b, lines[number], mode)
    found = None
    for k in range(a + 1, number + 1):
        if not rest(k - 1, k):
            break
        if gap(k) >= row_gap - slack:
            parted = cost.band(a, k, None, mode) + cost.band(k, b, lines[number], mode)
            found = k if parted <= whole + 1e-6 else None
            break
    # the rest's lines above, a line's gap apart, parted as headings (one run of words crossing a
    # boundary, and the line under it) are one band down to the row
    top = a if found is not None else cuts[first - 1] if first else None
    if top is None or (found is None and not (rest(top, a) and gap(a) >= row_gap - slack)):
        return list(cuts)
    while top in cuts[1 : first + 1] and gap(top) < row_gap - slack:
        above = cuts[cuts.index(top) - 1]
        if not rest(above, top):
            break
        top = above
    end = a if found is None else found
    return sorted({c for c in cuts if not top < c < end} | {end})


def _inside(span: Span, ranges: Sequence[Span]) -> bool:
    """Whether a run of words stands within one of the x-ranges (to a rounding)."""
    return any(lo - EDGE <= span[0] and span[1] <= hi + EDGE for lo, hi in ranges)


def _bands(starts: Sequence[int], end: int) -> set[tuple[int, int]]:
    return set(itertools.pairwise([*starts, end]))


def _rows_cost(
    cost: _Cost,
    starts: Sequence[int],
    mode: str,
    shared: set[tuple[int, int]] | None = None,
    gaps: bool = False,
) -> float:
    """The misalignment of the numbered rows `starts` open, read in `mode` (the last one, which
    the page end may break, read from its top where that fits it better): the evidence for an
    alignment. A header's, or a row's rest, tells only by the lines its cells skip (with `gaps`,
    and its cells' empty gaps, see _Cost.gaps): its parts fit any alignment as it is cut (a
    header of two levels, the row numbering its columns); one of `shared` (parted alike in the
    reading compared with) not at all."""
    bands = list(itertools.pairwise([*starts, len(cost.lines)]))
    total = 0.0
    for k, (a, b) in enumerate(bands):
        anchor = _anchor(cost.lines, cost.xs, a, b)
        if anchor is None:
            if not (shared and (a, b) in shared):
                total += cost.holes(a, b) + (cost.gaps(a, b) if gaps else 0.0)
        else:
            modes = (mode,) if k < len(bands) - 1 else (mode, "top")
            total += min(cost.band(a, b, anchor, m) for m in modes)
    return total


def _column(x0: float, x1: float, xs: Sequence[float]) -> int:
    """The column a run of words stands in: where its middle falls."""
    return max(0, min(len(xs) - 2, sum(x <= (x0 + x1) / 2 for x in xs[1:-1])))


def _anchor(lines: Sequence[Line], xs: Sequence[float], a: int, b: int) -> Line | None:
    """The numbered line of lines[a:b], None where none is (a header, a heading)."""
    return next((lines[i] for i in range(a, b) if _numbered(lines[i], xs)), None)


def _parted(
    lines: Sequence[Line],
    xs: Sequence[float],
    starts: Sequence[int],
    fixed: Sequence[int],
    cost: _Cost,
    mode: str,
) -> tuple[float, list[int]]:
    """The row starts for `mode` and their misalignment: between two fixed starts, the numbered
    lines part the run; the lines above its first numbered line are the band above (the header,
    or the rest of a row) down to where the first row starts, unless a heading is right above."""
    ends = sorted({0, *fixed, len(lines)})
    out: list[int] = []
    total = 0.0
    for seg, (a, b) in enumerate(itertools.pairwise(ends)):
        anchors = [i for i in starts if a <= i < b and _numbered(lines[i], xs)]
        if not anchors:
            out.append(a)
            total += cost.band(a, b, None, mode)
            continue
        after_heading = seg > 0 and a - 1 in fixed and a in fixed and _alone(lines, a - 1)
        firsts = [a] if after_heading else _below_header(lines, xs, a, anchors[0])
        seg_total, seg_cuts = _chain(cost, mode, a, b, anchors, firsts)
        total += seg_total
        out.extend(seg_cuts)
    return total, sorted(set(out))


def _below_header(lines: Sequence[Line], xs: Sequence[float], a: int, anchor: int) -> list[int]:
    """Where the first row of lines[a:] (numbered at `anchor`) may start: at any line down to its
    number, but under every line above it set as a header is, bold in columns whose body is not
    mostly bold (a header cell's last line, as tall as the first row's upper lines and no farther
    from them, fits either band alike: read into the row, the header lost its words and columns).
    A column with no body text under the number (a name merged down, written at its top) counts
    as not bold."""
    bold_body = _bold_columns(lines[anchor:], xs)
    header_set = [
        k
        for k in range(a, anchor)
        if lines[k].bold
        and all(lines[k].bold)
        and not any(_column(x0, x1, xs) in bold_body for x0, x1 in lines[k].spans)
    ]
    return list(range(max(header_set, default=a - 1) + 1, anchor + 1))


def _bold_columns(lines: Sequence[Line], xs: Sequence[float]) -> frozenset[int]:
    """The columns whose runs in `lines` are mostly bold."""
    counts: dict[int, list[int]] = {}
    for line in lines:
        for (x0, x1), bold in zip(line.spans, line.bold, strict=False):
            counts.setdefault(_column(x0, x1, xs), [0, 0])[bold] += 1
    return frozenset(k for k, (plain, bold) in counts.items() if bold >= plain)


def _numbered(line: Line, xs: Sequence[float]) -> bool:
    """A row's numbered line, not the header's row numbering its columns: one line, its cells
    ending with it, it would make a row of the header over it set at its bottom."""
    return is_numbered(line, xs) and not numbers_columns(line)


def _alone(lines: Sequence[Line], i: int) -> bool:
    return len(lines[i].spans) == 1


def _chain(
    cost: _Cost, mode: str, a: int, b: int, anchors: Sequence[int], firsts: Sequence[int]
) -> tuple[float, list[int]]:
    """The least misalignment of the rows anchors[k] opens and where they start (plus `a`, the
    band above the first row, where it holds lines): a row starts after the numbered line above."""
    options = [list(firsts), *[list(range(p + 1, q + 1)) for p, q in itertools.pairwise(anchors)]]
    # best[k][start] = (cost of the bands above row k's start, the starts chosen)
    best: dict[int, tuple[float, list[int]]] = {}
    for start in options[0]:
        above = cost.band(a, start, None, mode) if start > a else 0.0
        best[start] = (above, [a, start] if start > a else [start])
    for k in range(1, len(anchors) + 1):
        nexts = options[k] if k < len(anchors) else [b]
        anchor = cost.lines[anchors[k - 1]]
        step: dict[int, tuple[float, list[int]]] = {}
        # the page end may break the last row: its part here is set from its top (browsers and
        # LibreOffice alike)
        modes = (mode,) if k < len(anchors) else (mode, "top")
        for end in nexts:
            choices = (
                (total + min(cost.band(start, end, anchor, m) for m in modes), cuts)
                for start, (total, cuts) in best.items()
                if start <= anchors[k - 1] < end
            )
            found = min(choices, default=None, key=lambda c: c[0])
            if found is not None:
                step[end] = (found[0], [*found[1], end] if end < b else found[1])
        best = step
    total, cuts = best[b]
    return total, cuts


def _merged_columns(lines: Sequence[Line], xs: Sequence[float]) -> frozenset[int]:
    """The columns no line writes into below the first numbered line, on a page of two numbered
    rows or more: a cell merged down over the rows (a municipality's name, written once at the
    top of its rows), whose text stands where its row's alignment does not put it, in every
    reading alike. Counted as misaligned, it outweighed the rest of the first row's cells, and
    the first row's upper lines went to the header above."""
    numbered = [line for line in lines if _numbered(line, xs)]
    if len(numbered) < 2:
        return frozenset()
    first = numbered[0].bottom
    columns = {_column(x0, x1, xs) for line in lines for x0, x1 in line.spans}
    below = {_column(x0, x1, xs) for line in lines if line.top >= first for x0, x1 in line.spans}
    return frozenset(columns - below)


class _Cost:
    """How far a band's cells stand off an alignment, in points (see SLACK, CAP), memoised."""

    def __init__(self, lines: Sequence[Line], xs: Sequence[float], height: float) -> None:
        self.lines = lines
        self.xs = xs
        self.height = height
        self.memo: dict[tuple[int, int, int, str], float] = {}
        self.merged = _merged_columns(lines, xs)

    def band(self, a: int, b: int, anchor: Line | None, mode: str) -> float:
        """The misalignment of lines[a:b] in `mode` on `anchor`'s line; a band without a number (a
        header, a row's rest) on itself, in whichever alignment fits it best: a header of two
        levels fits none, in every reading alike."""
        modes = ("top", *MODES) if anchor is None else (mode,)
        key = (a, b, id(anchor), mode if anchor else "")
        if key not in self.memo:
            self.memo[key] = min(self._band(a, b, anchor, m) for m in modes)
        return self.memo[key]

    def _band(self, a: int, b: int, anchor: Line | None, mode: str) -> float:
        members = self.lines[a:b]
        if not members:
            return 0.0
        blocks: dict[int, list[float]] = {}
        for line in members:
            for x0, x1 in line.spans:
                column = _column(x0, x1, self.xs)
                if column in self.merged:
                    continue
                block = blocks.setdefault(column, [line.top, line.bottom])
                block[0], block[1] = min(block[0], line.top), max(block[1], line.bottom)
        at: Callable[[float, float], float] = {
            "top": lambda t, _: t,
            "middle": lambda t, u: (t + u) / 2,
            "bottom": lambda _, u: u,
        }[mode]
        # a band without a number (a header, a row's rest) is aligned on itself
        ref_top = anchor.top if anchor else members[0].top
        ref_bottom = anchor.bottom if anchor else max(line.bottom for line in members)
        ref = at(ref_top, ref_bottom)
        slack, cap = SLACK * self.height, CAP * self.height
        off = sum(min(cap, max(0.0, abs(at(t, u) - ref) - slack)) for t, u in blocks.values())
        return off + self.holes(a, b)

    def gaps(self, a: int, b: int) -> float:
        """The empty gaps of lines[a:b]'s columns, a line's height or more, each as far as it
        stands two cells apart (capped as a cell's misalignment, see CAP), where two lines or more
        stand under it: a header band read from the top takes the upper lines of the first row's
        cells, centred or set at their bottom under its labels, a gap between (a header's lower
        level holds labels of a line each, its gap under a group cell counts none)."""
        members = self.lines[a:b]
        written: dict[int, list[Line]] = {}
        for line in members:
            for x0, x1 in line.spans:
                column = written.setdefault(_column(x0, x1, self.xs), [])
                if line not in column:
                    column.append(line)
        total = 0.0
        for column in written.values():
            for k, (upper, lower) in enumerate(itertools.pairwise(column)):
                gap = lower.top - upper.bottom
                if gap >= self.height and len(column) - k - 1 >= 2:
                    total += min(CAP * self.height, gap)
        return total

    def holes(self, a: int, b: int) -> float:
        """The lines of lines[a:b] its cells skip, weighed (see HOLE): a cell's lines follow one
        another, so a line of the band standing whole between two of a column's is another
        cell's, whose row is not this one (a paragraph's spacing leaves room for none, unless a
        taller cell beside it writes one there)."""
        members = self.lines[a:b]
        written: dict[int, list[Line]] = {}  # per column, the band's lines writing into it
        for line in members:
            for x0, x1 in line.spans:
                column = written.setdefault(_column(x0, x1, self.xs), [])
                if line not in column:
                    column.append(line)
        count = sum(
            sum(upper.bottom <= line.top and line.bottom <= lower.top for line in members)
            for column in written.values()
            for upper, lower in itertools.pairwise(column)
        )
        return HOLE * self.height * count
