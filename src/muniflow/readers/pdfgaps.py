"""A table inferred from where its text stands: columns at the gaps the body's lines leave, rows at
the rules across it or at its numbered lines and headings, cells between the boundaries a row's
text does not cross (see pdfunruled for where such a table is found).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from typing import Any

from muniflow.readers.pdfaligned import aligned_bands
from muniflow.readers.pdflabelrows import label_starts
from muniflow.readers.pdflines import Glyph, is_bold, turn_of
from muniflow.readers.pdfregions import EDGE_TOLERANCE, Region
from muniflow.readers.pdftext import TextRow, TextTable
from muniflow.readers.pdftextlines import GUTTER, Line, Span, heading_line, is_numbered, text_lines

# An events table has at least №, the event and its date or place; two blocks side by side are a
# letterhead or a signature, not a table.
MIN_COLUMNS = 3


# A table of labels (see pdflabelrows) may hold one event: its labels and their values.
MIN_LABEL_COLUMNS = 2


# Points between a cell's edge and its text, where no drawn side shows it: Word's and LibreOffice's
# default cell padding, 0.19 cm. A column boundary is put this far left of the text of the column
# to its right (never past the gap's middle), where the cell's edge was: the line-break reading
# (pdflines) measures each line's room against the cell's edges, and left-aligned text starts at
# one x on every page, so a table running over pages keeps one grid (pdfstitch compares grids).
DEFAULT_PAD = 5.4


# Points: a frame's first column starting further from its side than this is centred, and tells
# no padding.
MAX_PAD = 12.0


# A table needs its header and at least one row.
MIN_ROWS = 2


# Points a heading centred across the table may stand off the table's middle: the middle is taken
# from the outermost text where no frame shows the sides, and a last column's text stops short of
# its cell's edge.
CENTRE_TOLERANCE = 12.0


# A cell merged down reaches the next row when its bottom is this near the row's top (pt).
MERGE_REACH = 2.0


Box = tuple[float, float, float, float]

# Points a boundary moved off a run of words stands clear of it (see _clear_of_runs).
RUN_CLEARANCE = 0.5

# Lines of one run, starting at one x (within COLUMN_ALIGN points), that show a column inside a gap
# of the body's lines of several runs (see _split_by_column).
COLUMN_LINES = 3
COLUMN_ALIGN = 1.5

# A cell's text going on from one row into the next without rules stands at most this many line
# heights below its last line there (the line pitch of one paragraph), see _merge_straddling.
STRADDLE_GAP = 0.6


def boundaries(
    lines: Sequence[Line],
    pad: float,
    hint: Sequence[float],
    header: Sequence[str] = (),
    least: int = MIN_COLUMNS,
) -> list[float] | None:
    """Where the columns part: in each gap at least GUTTER wide that no body line of several runs
    writes into, `pad` left of the text after it; None for fewer than `least`. `hint`: the
    inner boundaries of the table on the page before, kept when each falls in its gap here (a
    page holding little of a column, its header centred, shows the gap wider). A line of the
    header repeated further down (the next table's, where the rules join two tables into one
    region) closes no gap either, nor does a line of `header` (the header of the table on the page
    before, repeated on a page holding no numbered row: the rest of a row under it)."""
    start = next((i for i, line in enumerate(lines) if is_numbered(line)), 0)
    heads = {line.text for line in lines[:start]} | set(header)
    body = [line for line in lines[start:] if len(line.spans) > 1 and line.text not in heads]
    if not body:
        return None
    covered = sorted(span for line in body for span in line.spans)
    gaps: list[Span] = []
    reach = covered[0][1]
    for x0, x1 in covered[1:]:
        if x0 - reach >= GUTTER:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    singles = [line for line in lines[start:] if len(line.spans) == 1 and line.text not in heads]
    gaps = [part for gap in gaps for part in _split_by_column(gap, singles)]
    if len(gaps) + 1 < least:
        return None
    if len(hint) == len(gaps) and all(a <= x <= b for x, (a, b) in zip(hint, gaps, strict=True)):
        return list(hint)
    rows = lines[start:]
    return [_clear_of_runs(right - min(pad, (right - left) / 2), (left, right), rows) for left, right in gaps]


def _clear_of_runs(x: float, gap: Span, lines: Sequence[Line]) -> float:
    """The boundary `x` in `gap` moved right of the runs of words of the body's `lines` it would
    cut that start left of the gap and end inside it: a cell's line wider than the lines of
    several runs show its column (a title's line standing alone) where the cells' padding is
    narrower than DEFAULT_PAD (LibreOffice's import of an HTML table). The column it stands in
    keeps it. A run starting inside the gap and reaching over it is left crossing it: `x` moves
    past none. A line of one run counts where it starts as a column's text does (a cell's
    wrapped line), not where a heading centred across the table does. The header's lines are
    not looked at: a group cell may end inside the gap, its sub-headers under it."""
    left, right = gap
    cells = [line.upright for line in lines if len(line.spans) > 1]
    edges = [a for spans in cells for a, _ in spans]
    alone = [line.upright for line in lines if len(line.spans) == 1 and line.upright]
    cells += [spans for spans in alone if any(abs(spans[0][0] - a) <= COLUMN_ALIGN for a in edges)]
    runs = [span for spans in cells for span in spans]
    ends = [b for a, b in runs if a < left < b < right]
    starts = [a for a, b in runs if left < a < right < b]
    low = max(ends, default=left) + RUN_CLEARANCE
    return max(x, low) if low <= min(starts, default=right) - RUN_CLEARANCE else x


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


def _cells(
    lines: Sequence[Line],
    xs: Sequence[float],
    top: float,
    bottom: float,
    regular: frozenset[int] = frozenset(),
) -> tuple[Box | None, ...]:
    """A row's cell boxes: a boundary its text crosses joins the columns on either side; a row of
    one run of words a line crossing a boundary is a heading: one cell across the table, and so is
    a row of one run standing alone (see _centred, _bold_alone; `regular`: the columns whose body
    text is mostly not bold). Text turned a quarter joins none: its glyphs at one height in two
    narrow columns run together."""
    crossed = {
        k for k, x in enumerate(xs[1:-1], start=1) for line in lines for a, b in line.upright if a < x < b
    }
    single = all(len(line.spans) == 1 for line in lines)
    alone = all(_centred(line, xs) or _bold_alone(line, xs, regular) for line in lines)
    if single and (crossed or alone):
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


def on_grid(chars: Sequence[dict[str, Any]], table: TextTable, grid: Sequence[float]) -> TextTable | None:
    """`table` (inferred) read again with the columns `grid`: a header left alone at the bottom of
    a page, its body on the next, takes the body's columns (the header's words alone, cut by narrow
    columns and spanning groups, show other gaps than the body's)."""
    glyphs = [
        Glyph(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], turn_of(c), is_bold(c))
        for c in chars
        if not c["text"].isspace()
    ]
    return infer_table(glyphs, table.region, grid=grid) if table.region is not None else None


def infer_table(
    glyphs: Sequence[Glyph],
    region: Region,
    hint: Sequence[float] = (),
    header: Sequence[str] = (),
    grid: Sequence[float] = (),
    labelled: bool = False,
    cut: bool = False,
    settled: str = "",
) -> TextTable | None:
    """The region read as a table with inferred columns, or None when its text shows fewer than
    MIN_COLUMNS columns or MIN_ROWS rows. `hint`: the column edges of the table inferred last on
    the page before; a region whose text keeps to them, showing too few columns of its own, is
    that table going on (a row broken by the page end, its rest in one or two columns). `header`:
    that table's header lines; the region's first lines repeating them are its header repeated,
    the lines under them before a numbered one the rest of a row the page end broke. A region
    numbering no row whose first column holds labels is a table of labels (see pdflabelrows), its
    rows opened by them; `labelled`: the table on the page before was one, and this one going on
    is one whatever its labels; `settled`: the alignment of the cells of the table before, going on
    here (see pdfaligned)."""
    inside = [
        g
        for g in glyphs
        if region.x0 <= (g.x0 + g.x1) / 2 <= region.x1
        and region.top <= (g.top + g.bottom) / 2 <= region.bottom
    ]
    lines = text_lines(inside)
    if not lines:
        return None
    pad = DEFAULT_PAD
    rows_text = [line for line in lines if len(line.spans) > 1]  # not a heading or a caption,
    if region.framed and rows_text:  # which may start at the text area's edge, as the rules do
        pad = min(line.spans[0][0] for line in rows_text) - region.x0
        pad = pad if 0 <= pad <= MAX_PAD else DEFAULT_PAD
    inner = list(grid[1:-1]) if grid else boundaries(lines, pad, hint[1:-1], header)
    if not grid:  # a table of labels, of one event or more
        inner = label_boundaries(lines, pad, region, hint[1:-1], labelled and len(hint) > 2, cut) or inner
    fewer = inner is None or len(inner) < len(hint) - 2  # fewer columns than the table before
    # the header repeated is that table's own (its title and group cells cross its columns)
    adopted = fewer and fits(lines[repeated_header(lines, header) :], hint)
    follows = adopted
    if follows:  # the table of the page before going on: little of it here, in fewer columns
        inner = list(hint[1:-1])
    # on its columns (see boundaries), one row of it is that table going on too
    follows = follows or (len(hint) > 2 and inner == list(hint[1:-1]))
    if inner is None:
        return None
    if region.framed:
        xs = [region.x0, *inner, region.x1]
    elif hint and inner == list(hint[1:-1]):
        xs = list(hint)
    else:
        xs = [min(g.x0 for g in inside) - pad, *inner, max(g.x1 for g in inside) + pad]
    inner_rules = {
        y: pieces
        for y, pieces in region.rules
        if region.top + EDGE_TOLERANCE < y < region.bottom - EDGE_TOLERANCE
    }
    regular = _regular_columns(lines, xs)
    numbered = any(is_numbered(line) for line in lines)
    starts = None if numbered else label_starts(lines, xs, going_on=follows and labelled, cut=cut)
    # the rest of a numbered card from the page before: its № column blank, its labels beside
    rest = follows and not numbered and len(xs) > 3 and all(line.spans[0][0] >= xs[1] for line in lines)
    card = label_starts(lines, xs[1:], overleaf=True) if rest and starts is None else None
    aligned = None
    if inner_rules:  # a frame's top and bottom alone part no rows
        cuts = sorted({region.top, *inner_rules, region.bottom})
        bands = [(a, b) for a, b in itertools.pairwise(cuts) if b - a > EDGE_TOLERANCE]
        bands = [part for band in bands for part in _numbered_parts(band, lines, xs, regular)]
    elif starts is not None or card is not None:
        opened = _with_headings(starts or card or [], lines, xs)
        tops = [lines[i].top - 1 for i in opened] + [lines[-1].bottom + 1]
        bands = list(itertools.pairwise(tops))
    else:
        top_starts, _ = _row_starts(lines, xs, regular, repeated_header(lines, header))
        starts_at, fixed = _row_starts(lines, xs, regular, repeated_header(lines, header), aligned=True)
        aligned = aligned_bands(lines, xs, top_starts, starts_at, fixed, settled)
        tops = [lines[i].top - 1 for i in top_starts] + [lines[-1].bottom + 1]
        bands = aligned[0] if aligned else list(itertools.pairwise(tops))
    if numbered:  # a numbered card: its № in the first row alone, its labels in the next column
        bands = [
            part
            for k, band in enumerate(bands)
            for part in _card_parts(band, inside, lines, xs, rest=follows and k == 0)
        ]
    rows: list[list[Box | None]] = []
    held: list[Sequence[Line]] = []  # per row of `rows`, the lines its band holds (none: a header level)
    opens: list[bool] = []  # per row of `rows`, no rule drawn over it (see TextTable.open_rows)
    in_header = starts is None and card is None  # bands above the first numbered row hold the header
    leading = 0  # rows of several cells above the first numbered row, the header repeated aside
    repeated = lines[: repeated_header(lines, header)]
    for top, bottom in bands:
        members = [line for line in lines if top <= (line.top + line.bottom) / 2 < bottom]
        in_header = in_header and not any(is_numbered(line) for line in members)
        if members and in_header and not all(line in repeated for line in members):
            leading += sum(box is not None for box in _cells(members, xs, top, bottom, regular)) > 1
        if adopted and leading > 1:  # no rest of one row: a block of its own (see docstring)
            return infer_table(glyphs, region, (), header)
        if members and in_header:
            levels = _header_levels(members, xs, top, bottom)
            if len(levels) > 1:
                rows.extend(levels)
                held.extend([()] * len(levels))
                opens.extend([False] * len(levels))
                continue
        if members:
            cells = list(_cells(members, xs, top, bottom, regular))
            rule = inner_rules.get(top)
            if rows and rule is not None:
                _merge_down(rows, cells, rule)
            rows.append(cells)
            held.append(members)
            opens.append(rule is None and starts is None and card is None)
    if len(rows) < (1 if follows else MIN_ROWS):
        return None
    if not inner_rules and starts is None and card is None and not aligned:
        _merge_straddling(rows, held, xs)  # cells merged down, their text centred on top-aligned rows
    first = next(box for box in rows[0] if box is not None)
    bottom = max(box[3] for row in rows for box in row if box is not None)
    start = next((i for i, line in enumerate(lines) if is_numbered(line)), 0)
    if aligned:  # a row's cells stand above its number: the header ends where the first row starts
        middle = (lines[start].top + lines[start].bottom) / 2
        first_row = next(a for a, b in bands if a <= middle < b)
        start = sum((line.top + line.bottom) / 2 < first_row for line in lines)
    if repeated_header(lines, header):
        heads = tuple(header)
    elif follows:
        # the lines above the first numbered one are the rest of a row the page end broke, no
        # header: passed on as one, a later line of the same text («практиками.») parts the table
        heads = ()
    else:
        heads = tuple(line.text for line in lines[:start])
    return TextTable(
        bbox=(xs[0], first[1], xs[-1], bottom),
        rows=tuple(TextRow(tuple(r)) for r in rows),
        header_lines=heads,
        region=region,
        header_only=not numbered and starts is None,
        headless=is_numbered(lines[0]),
        labelled=starts is not None,
        open_rows=tuple(opens),
        aligned=aligned[1] if aligned else "",
    )


def repeated_header(lines: Sequence[Line], header: Sequence[str]) -> int:
    """How many of the first lines repeat `header` (the lines above the first numbered row of the
    table on the page before), line for line; 0 when the first does not. A header repeated on each
    page is drawn alike, so its lines read alike, but LibreOffice may draw a repeated header lower
    than its text and cut its last lines: the lines repeated may be the header's first ones only."""
    count = 0
    for line, text in zip(lines[:-1], header, strict=False):
        if line.text != text:
            break
        count += 1
    return count


def _header_levels(
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
        return [list(_cells(lines, xs, top, bottom))]
    ys = [top, *(lines[i].top - 1 for i in sorted(cuts)), bottom]
    levels: list[list[Box | None]] = []
    for upper, lower in itertools.pairwise(ys):
        members = [line for line in lines if upper <= (line.top + line.bottom) / 2 < lower]
        levels.append(list(_cells(members, xs, upper, lower)))
    for depth, row in enumerate(levels[:-1]):
        for col, box in enumerate(row):
            if box is None or (box[0], box[2]) != (xs[col], xs[col + 1]):
                continue  # a group cell, or a slot another cell spans
            if all(r[col] is not None for r in levels[depth + 1 :]):
                row[col] = (box[0], box[1], box[2], bottom)
                for r in levels[depth + 1 :]:
                    r[col] = None
    return levels


def _merge_down(rows: list[list[Box | None]], lower: list[Box | None], rule: Sequence[Span]) -> None:
    """Where the rule between the last row and `lower` is not drawn under a cell (merged down over
    both: one date or place for two events, or for three and more), the cell that reaches down to
    the last row (its own, or one merged down from a row above) reaches over the lower one's slot."""
    for col in range(len(rows[-1])):
        below = lower[col] if col < len(lower) else None
        owner = _reaching(rows, col, below[1]) if below is not None else None
        box = rows[owner][col] if owner is not None else None
        if below is None or owner is None or box is None or (below[0], below[2]) != (box[0], box[2]):
            continue
        drawn = sum(max(0.0, min(b, box[2]) - max(a, box[0])) for a, b in rule)
        if drawn < (box[2] - box[0]) / 2:
            rows[owner][col] = (box[0], box[1], box[2], below[3])
            lower[col] = None


def _merge_straddling(
    rows: list[list[Box | None]], held: Sequence[Sequence[Line]], xs: Sequence[float]
) -> None:
    """Cells merged down over two numbered rows of a table drawn without rules, their text centred
    on the merge (one place for two events): the cell's text starts below its upper row's first
    line and reaches down to the lower row's first line, then goes on in that line's height,
    without a line's gap, and stops above that row's last. Its upper part had been the upper row's cell, its
    lower part the lower row's; the upper row's cell now reaches over both, as a cell a missing
    rule leaves merged down does (`_merge_down`). The text's line grid is the merge's, not the
    rows': a line of it may stand a hair lower than the lower row's first line's top, and is read
    with the upper row's lines (its band holds it by its middle)."""
    for k in range(len(rows) - 1):
        upper, _ = _from_number(held[k], xs)
        lower, straddling = _from_number(held[k + 1], xs)
        if not upper or not lower:
            continue
        upper = [*upper, *straddling]
        height = statistics.median(line.bottom - line.top for line in [*upper, *lower])
        for col in range(len(xs) - 1):
            above, below = rows[k][col], rows[k + 1][col]
            single = (xs[col], xs[col + 1])
            if (
                above is None
                or below is None
                or (above[0], above[2]) != single
                or (below[0], below[2]) != single
            ):
                continue
            first, second = _column_lines(upper, xs, col), _column_lines(lower, xs, col)
            straddles = (
                first
                and second
                and first[0].top > upper[0].top + height / 2
                and lower[0].top - first[-1].bottom <= height * STRADDLE_GAP
                and second[0].top < lower[0].top + height
                and second[-1].bottom < max(line.bottom for line in lower) - height / 2
                and second[0].top - first[-1].bottom <= height * STRADDLE_GAP
            )
            if straddles:
                rows[k][col] = (above[0], above[1], above[2], below[3])
                rows[k + 1][col] = None


def _from_number(lines: Sequence[Line], xs: Sequence[float]) -> tuple[Sequence[Line], Sequence[Line]]:
    """A row's lines from its numbered line on, and those above it; none from there without one."""
    at = next((i for i, line in enumerate(lines) if is_numbered(line, xs)), None)
    return ((), ()) if at is None else (lines[at:], lines[:at])


def _column_lines(lines: Sequence[Line], xs: Sequence[float], col: int) -> list[Line]:
    """The lines writing into column `col` (a run whose middle falls in it)."""
    return [line for line in lines if any(xs[col] <= (a + b) / 2 < xs[col + 1] for a, b in line.spans)]


def _reaching(rows: Sequence[Sequence[Box | None]], col: int, top: float) -> int | None:
    """The row whose cell in column `col` reaches down to `top`: the last row's own, or, where the
    last row's slot is taken by a cell merged down, the row that cell starts in."""
    for index in range(len(rows) - 1, -1, -1):
        box = rows[index][col] if col < len(rows[index]) else None
        if box is not None:
            return index if index == len(rows) - 1 or box[3] >= top - MERGE_REACH else None
    return None


def fits(lines: Sequence[Line], hint: Sequence[float]) -> bool:
    """True when the lines keep within the columns `hint` (a table's edges) draws."""
    if len(hint) <= MIN_COLUMNS:
        return False
    inner = hint[1:-1]
    return all(
        hint[0] - EDGE_TOLERANCE <= a and b <= hint[-1] + EDGE_TOLERANCE and not any(a < x < b for x in inner)
        for line in lines
        for a, b in line.spans
    )


def _text_bands(
    lines: Sequence[Line], xs: Sequence[float], regular: frozenset[int], repeated: int = 0
) -> list[Span]:
    """Rows without rules: the header down to the first numbered line, then a row from each
    numbered line; a heading (one run of words across a boundary) is a row of its own. `repeated`:
    the header repeated from the page before takes that many lines, the lines under it start a row
    (the rest of the row the page end broke), not the header's. `regular`: see _regular_columns."""
    starts, _ = _row_starts(lines, xs, regular, repeated)
    tops = [lines[i].top - 1 for i in starts] + [lines[-1].bottom + 1]
    return list(itertools.pairwise(tops))


def _row_starts(
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


def _numbered_parts(
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


def _card_parts(
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


def _with_headings(starts: Sequence[int], lines: Sequence[Line], xs: Sequence[float]) -> list[int]:
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
    k = _column_of(a, xs)
    column_middle = (xs[k] + xs[k + 1]) / 2
    return (
        abs(middle - (xs[0] + xs[-1]) / 2) <= CENTRE_TOLERANCE
        and abs(middle - column_middle) > CENTRE_TOLERANCE
        and a - xs[k] > MAX_PAD
        and xs[k + 1] - b > MAX_PAD
    )


def _column_of(x: float, xs: Sequence[float]) -> int:
    return max((k for k, edge in enumerate(xs[:-1]) if edge <= x), default=0)


def _regular_columns(lines: Sequence[Line], xs: Sequence[float]) -> frozenset[int]:
    """The columns whose body text (runs from the first numbered line down) is mostly not bold."""
    start = next((i for i, line in enumerate(lines) if is_numbered(line, xs)), len(lines))
    counts: dict[int, list[int]] = {}
    for line in lines[start:]:
        for (a, _), bold in zip(line.spans, line.bold, strict=False):
            counts.setdefault(_column_of(a, xs), [0, 0])[bold] += 1
    return frozenset(k for k, (plain, bold) in counts.items() if plain > bold)


def _bold_alone(line: Line, xs: Sequence[float], regular: frozenset[int]) -> bool:
    """One run of words, upright and bold, in a column whose body text is mostly not: a heading
    (a month) standing within one column, wherever it is aligned."""
    return (
        line.upright == line.spans
        and len(line.spans) == 1
        and line.bold == (True,)
        and _column_of(line.spans[0][0], xs) in regular
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
    written = [{_column_of(a, edges) for a, _ in line.spans} for line in lines[1:]]
    inner = [x for k, x in enumerate(inner, start=1) if any(k in w for w in written)]
    if len(inner) + 1 < MIN_LABEL_COLUMNS:
        return None
    return inner if label_starts(lines, [left, *inner, right], going_on, cut=cut) is not None else None
