"""The rows of a table drawn without rules (see pdfgaps): bands from its numbered lines and its
headings (a heading across the table, a month centred or bold alone), a header band cut into its
levels, a numbered card's labels each a row, and a row's cells between the boundaries its text
does not cross.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from muniflow.readers.pdfgapcolumns import MAX_PAD, column_of
from muniflow.readers.pdflabelrows import label_starts
from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdftext import Box
from muniflow.readers.pdftextlines import Line, Span, heading_line, is_numbered, text_lines

# Points a heading centred across the table may stand off the table's middle: the middle is taken
# from the outermost text where no frame shows the sides, and a last column's text stops short of
# its cell's edge.
CENTRE_TOLERANCE = 12.0


def row_cells(
    lines: Sequence[Line],
    xs: Sequence[float],
    top: float,
    bottom: float,
    regular: frozenset[int] = frozenset(),
    heading: bool = True,
) -> tuple[Box | None, ...]:
    """A row's cell boxes: a boundary its text crosses joins the columns on either side; a row of
    one run of words a line crossing a boundary is a heading: one cell across the table, and so is
    a row of one run standing alone (see _centred, _bold_alone; `regular`: the columns whose body
    text is mostly not bold), unless it can be no `heading` (the rest of a row going on from the
    page before). Text turned a quarter joins none: its glyphs at one height in two narrow
    columns run together."""
    crossed = {
        k for k, x in enumerate(xs[1:-1], start=1) for line in lines for a, b in line.upright if a < x < b
    }
    single = all(len(line.spans) == 1 for line in lines)
    alone = all(_centred(line, xs) or _bold_alone(line, xs, regular) for line in lines)
    if heading and single and (crossed or alone):
        crossed = set(range(1, len(xs) - 1))  # a heading across the table: one cell
    cells: list[Box | None] = []
    start = 0
    for k in range(1, len(xs)):
        if k in crossed:
            continue
        cells.append((xs[start], top, xs[k], bottom))
        cells.extend([None] * (k - start - 1))
        start = k
    return tuple(cells)


def header_levels(
    lines: Sequence[Line], xs: Sequence[float], top: float, bottom: float
) -> list[list[Box | None]]:
    """A header band without a rule between its levels, cut into its rows: a group cell (or a
    title) is text across a column boundary with text under it on both sides (its sub-headers,
    which cross none); the band is cut above the first line of those. On a level above a cut, a
    column no group spans is one cell merged down to the band's bottom (as Word merges a header
    cell over both levels), its slot below left empty. One level: the band as one row."""
    inner = xs[1:-1]
    cuts: set[int] = set()
    for k, x in enumerate(inner, start=1):
        # text turned a quarter stands one glyph a height, and runs into its neighbour's: no group
        over = [i for i, line in enumerate(lines) if any(a < x < b for a, b in line.upright)]
        if not over:
            continue
        left, right = xs[k - 1], xs[k + 1]
        below = range(over[-1] + 1, len(lines))
        # a sub-header on each side; turned a quarter, or short («с», «по»), they need not share a line
        lefts = [i for i in below if any(a >= left and b <= x for a, b in lines[i].spans)]
        rights = [i for i in below if any(a >= x and b <= right for a, b in lines[i].spans)]
        if lefts and rights:
            cuts.add(min(lefts[0], rights[0]))
    if not cuts:
        return [list(row_cells(lines, xs, top, bottom))]
    ys = [top, *(lines[i].top - 1 for i in sorted(cuts)), bottom]
    levels: list[list[Box | None]] = []
    for upper, lower in itertools.pairwise(ys):
        members = [line for line in lines if upper <= (line.top + line.bottom) / 2 < lower]
        levels.append(list(row_cells(members, xs, upper, lower)))
    for depth, row in enumerate(levels[:-1]):
        for col, box in enumerate(row):
            if box is None or (box[0], box[2]) != (xs[col], xs[col + 1]):
                continue  # a group cell, or a slot another cell spans
            if all(r[col] is not None for r in levels[depth + 1 :]):
                row[col] = (box[0], box[1], box[2], bottom)
                for r in levels[depth + 1 :]:
                    r[col] = None
    return levels


def row_starts(
    lines: Sequence[Line],
    xs: Sequence[float],
    regular: frozenset[int],
    repeated: int = 0,
    aligned: bool = False,
) -> tuple[list[int], list[int]]:
    """The lines opening a row read top-aligned (see _text_bands), and those of them that open one
    however the cells are aligned: a heading, the line under it, the first under a header repeated.
    `aligned`: for cells centred or set at the bottom (see pdfaligned), where the line under a
    heading is no numbered one, a bold line alone standing apart above and below is one too."""
    bold = [_bold_alone(line, xs, regular) and _apart(lines, i) for i, line in enumerate(lines)]
    heading = [
        heading_line(line, xs)
        or ((_centred(line, xs) or bold[i]) and i + 1 < len(lines) and is_numbered(lines[i + 1], xs))
        or (aligned and bold[i] and _apart(lines, i, below=True))
        for i, line in enumerate(lines)
    ]
    starts = [0]
    fixed = []
    for i, line in enumerate(lines[1:], start=1):
        if heading[i] or heading[i - 1] or i == repeated:
            fixed.append(i)
        if is_numbered(line, xs) or i in fixed[-1:]:
            starts.append(i)
    return starts, fixed


def _text_bands(
    lines: Sequence[Line], xs: Sequence[float], regular: frozenset[int], repeated: int = 0
) -> list[Span]:
    """Rows without rules: the header down to the first numbered line, then a row from each
    numbered line; a heading (one run of words across a boundary) is a row of its own. `repeated`:
    the header repeated from the page before takes that many lines, the lines under it start a row
    (the rest of the row the page end broke), not the header's. `regular`: see regular_columns."""
    starts, _ = row_starts(lines, xs, regular, repeated)
    tops = [lines[i].top - 1 for i in starts] + [lines[-1].bottom + 1]
    return list(itertools.pairwise(tops))


def numbered_parts(
    band: Span, lines: Sequence[Line], xs: Sequence[float], regular: frozenset[int]
) -> list[Span]:
    """A band between rules that numbers several rows, parted as rows without rules are (a frame
    with a rule under its header only, or rules under the municipality headings only: the rows
    inside are not ruled off); a band of one row, or of the header, stays whole."""
    top, bottom = band
    members = [line for line in lines if top <= (line.top + line.bottom) / 2 < bottom]
    if sum(is_numbered(line, xs) for line in members) < 2:
        return [band]
    cuts = [a for a, _ in _text_bands(members, xs, regular)[1:]]
    return list(itertools.pairwise([top, *cuts, bottom]))


def card_parts(
    band: Span, glyphs: Sequence[Glyph], lines: Sequence[Line], xs: Sequence[float], rest: bool = False
) -> list[Span]:
    """A numbered band whose column after the № holds labels (see pdflabelrows: the labels name
    the event and more columns) cut into a row a label: an event given as a card, its № in its
    first row alone, drawn without rules between its rows (a table of rows holds the event's name
    in that column, which names no such labels). `rest`: the band opens a page the table goes on
    to; with its № column blank it may be the last labels of a card the page end cut (two labels
    the synonyms know are enough, see label_starts' `overleaf`). Any other band stays whole."""
    top, bottom = band
    members = [line for line in lines if top <= (line.top + line.bottom) / 2 < bottom]
    if len(xs) < 4 or len(members) < 2:
        return [band]
    numbered = is_numbered(members[0], xs)
    if not numbered and not (rest and all(line.spans[0][0] >= xs[1] for line in members)):
        return [band]
    beside = [g for g in glyphs if top <= (g.top + g.bottom) / 2 < bottom and (g.x0 + g.x1) / 2 >= xs[1]]
    parts = text_lines(beside)
    starts = label_starts(parts, xs[1:], overleaf=not numbered) if parts else None
    if starts is None or len(starts) < 2:
        return [band]
    cuts = [parts[i].top - 1 for i in starts[1:]]
    return list(itertools.pairwise([top, *cuts, bottom]))


def with_headings(starts: Sequence[int], lines: Sequence[Line], xs: Sequence[float]) -> list[int]:
    """The rows of a table of labels (`starts`, see pdflabelrows) with each heading a row of its
    own: one run of words across a column boundary or centred across the table (a month over its
    cards) had gone on the value above it, as a wrapped line of it."""
    out = set(starts)
    for i, line in enumerate(lines[1:], start=1):
        if heading_line(line, xs) or _centred(line, xs):
            out.update(k for k in (i, i + 1) if k < len(lines))
    return sorted(out)


def _centred(line: Line, xs: Sequence[float]) -> bool:
    """One run of words, upright, in the table's middle and at neither text edge of its column nor
    centred in it: a short heading centred across the table (a month) that falls inside one
    column. A cell's own text stands at most MAX_PAD in from its column's boundaries."""
    if line.upright != line.spans or len(line.spans) != 1 or len(xs) < 3:
        return False
    a, b = line.spans[0]
    middle = (a + b) / 2
    k = column_of(a, xs)
    column_middle = (xs[k] + xs[k + 1]) / 2
    return (
        abs(middle - (xs[0] + xs[-1]) / 2) <= CENTRE_TOLERANCE
        and abs(middle - column_middle) > CENTRE_TOLERANCE
        and a - xs[k] > MAX_PAD
        and xs[k + 1] - b > MAX_PAD
    )


def regular_columns(lines: Sequence[Line], xs: Sequence[float]) -> frozenset[int]:
    """The columns whose body text (runs from the first numbered line down) is mostly not bold."""
    start = next((i for i, line in enumerate(lines) if is_numbered(line, xs)), len(lines))
    counts: dict[int, list[int]] = {}
    for line in lines[start:]:
        for (a, _), bold in zip(line.spans, line.bold, strict=False):
            counts.setdefault(column_of(a, xs), [0, 0])[bold] += 1
    return frozenset(k for k, (plain, bold) in counts.items() if plain > bold)


def _bold_alone(line: Line, xs: Sequence[float], regular: frozenset[int]) -> bool:
    """One run of words, upright and bold, in a column whose body text is mostly not: a heading
    (a month) standing within one column, wherever it is aligned."""
    return (
        line.upright == line.spans
        and len(line.spans) == 1
        and line.bold == (True,)
        and column_of(line.spans[0][0], xs) in regular
    )


def _apart(lines: Sequence[Line], i: int, below: bool = False) -> bool:
    """Whether line `i`'s text stands apart from the text above it (further than half a line): no
    line of a paragraph going on, as the last word of a bold header cell is; `below`: from the
    text above it and the text below it."""
    line = lines[i]
    a, b = line.spans[0][0], line.spans[-1][1]
    above = next((up for up in reversed(lines[:i]) if any(x0 < b and x1 > a for x0, x1 in up.spans)), None)
    under = next((down for down in lines[i + 1 :] if any(x0 < b and x1 > a for x0, x1 in down.spans)), None)
    half = (line.bottom - line.top) / 2
    return (above is None or line.top - above.bottom > half) and (
        not below or under is None or under.top - line.bottom > half
    )
