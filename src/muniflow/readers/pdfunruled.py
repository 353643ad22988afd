"""Tables drawn without their inner vertical rules: the columns inferred from where the text stands.

Word and LibreOffice draw a table's borders as its author chose them: horizontal rules only, rules
and a frame but no inner vertical rules, a frame only, or nothing. pdfplumber's `lines` strategy
then finds no table, or one of a single column whose rows hold every column's words. Where the
page's rules mark out a region (a stack of horizontal rules of one width, a frame of two side
rules, a ruled table of one column), or, outside the page's other tables, a run of lines whose
first column numbers the rows, the region is read as a table:

- columns: the x-ranges, at least GUTTER wide, that no line of the body writes into (a cell's
  text wraps inside its cell, so between two columns' texts stays the cells' padding). Lines
  above the first numbered row (the header, whose group cells span sub-columns) and lines of one
  run of words (a heading row spanning the table) do not close a gap;
- rows: the horizontal rules across the region (where one is left out under a cell, that cell is
  merged down); without them a numbered line opens a row, and a heading line is a row of its own;
- cells: per row, the columns between the boundaries its text does not cross (a heading row is
  one cell, a group header cell spans its sub-columns).

The result has the shape of a pdfplumber table (bbox, rows of cell boxes), so the reader sorts
glyphs into its cells as for a ruled one. Fully ruled tables never come here.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from muniflow.readers.headerwords import is_header_like
from muniflow.readers.pdflabelrows import is_lower, label_starts
from muniflow.readers.pdflines import Glyph, group_lines, is_bold, turn_of
from muniflow.readers.pdfregions import EDGE_TOLERANCE, Region, region_of, rule_regions
from muniflow.readers.pdftext import TextRow, TextTable
from muniflow.readers.rownumber import SEQ_NUMBER

# An events table has at least №, the event and its date or place; two blocks side by side are a
# letterhead or a signature, not a table.
MIN_COLUMNS = 3
# A table of labels (see pdflabelrows) may hold one event: its labels and their values.
MIN_LABEL_COLUMNS = 2
# Points between two columns' texts: Word's and LibreOffice's cell padding is 0.19 cm (5.4 pt) a
# side, so 10.8 pt by default, 5.7 pt at the narrowest padding offices use (0.1 cm); a space
# between words is under 4 pt even at 14 pt, so a gap this wide parts columns, not words.
GUTTER = 5.0
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
# Lines of one run of words in a row that stops a text-only table: a heading is one or two lines,
# a paragraph below the table runs on.
MAX_HEADING_LINES = 3
# A vertical gap wider than this many line heights ends a text-only table.
MAX_LINE_GAP = 2.5
# Line heights between two lines of one header above a table's top rule (wrapped lines of a cell,
# or two levels); a title stands further off.
HEADER_LINE_GAP = 1.0
# Share of a glyph's height two letters stand apart by where a space between words was left out
# of the glyphs (a space is a quarter of the font size or more, letters touch or nearly).
WORD_GAP = 0.15
# Points a heading centred across the table may stand off the table's middle: the middle is taken
# from the outermost text where no frame shows the sides, and a last column's text stops short of
# its cell's edge.
CENTRE_TOLERANCE = 12.0
# A cell merged down reaches the next row when its bottom is this near the row's top (pt).
MERGE_REACH = 2.0

Span = tuple[float, float]
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class _Line:
    top: float
    bottom: float
    spans: tuple[Span, ...]  # runs of glyphs closer than GUTTER
    first: str  # the text of its first run
    text: str  # the texts of its runs, a space between
    upright: tuple[Span, ...] = ()  # its runs without a glyph turned a quarter
    bold: tuple[bool, ...] = ()  # per run: every glyph of it set in a bold face
    label: str = ""  # the text of its first run, its words spaced (see _run_text)


def tables_without_rules(
    page: Any,
    ruled: Sequence[Any],
    hint: Sequence[float] = (),
    header: Sequence[str] = (),
    labelled: bool = False,
) -> list[Any]:
    """The page's tables: the ruled ones of two columns or more as found, those of one column and
    the regions other rules mark out read with inferred columns (a ruled table inference cannot
    read stays as found); outside them, tables of numbered rows, or of a column of labels, that
    line up as text (a table drawn without rules on a page where another one has them). `header`:
    the header lines of the table inferred last on the page before (see infer_table); `labelled`:
    that table's rows are labels (see pdflabelrows)."""
    glyphs = [
        Glyph(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], turn_of(c), is_bold(c))
        for c in page.chars
        if not c["text"].isspace()
    ]
    # Only a ruled table of one column has no inner vertical rule: one of two columns draws its
    # grid (a list label and its text a tab apart in a cell are no third column).
    kept = [t for t in ruled if _width(t) > 1]
    thin = [t for t in ruled if _width(t) == 1]
    out: list[Any] = list(kept)
    for table in thin:
        inferred = infer_table(glyphs, region_of(table, page.edges), hint, header, labelled=labelled)
        out.append(inferred or table)
    taken = [t.bbox for t in ruled]
    regions = rule_regions(page.edges, taken, [(g.x0, (g.top + g.bottom) / 2) for g in glyphs])
    for region in regions:
        # only the page's first table may be the table of labels of the page before going on
        first = all(r.top >= region.top for r in regions) and all(t.bbox[1] > region.top for t in kept)
        inferred = infer_table(glyphs, region, hint, header, labelled=labelled and first)
        if inferred is not None:
            out.append(_with_header_above(glyphs, region, inferred, [t.bbox for t in out], hint, header))
    boxes = [t.bbox for t in out]
    outside = [g for g in glyphs if not _within((g.x0 + g.x1) / 2, (g.top + g.bottom) / 2, boxes)]
    # text a region's rules hold that was not read as the table going on is no rest of it either
    top = min(outside, key=lambda g: g.top, default=None)
    held = top is not None and _within(
        (top.x0 + top.x1) / 2, (top.top + top.bottom) / 2, [(r.x0, r.top, r.x1, r.bottom) for r in regions]
    )
    # a table of labels going on above the page's first table (its side rules cut short)
    above = labelled and top is not None and all(top.bottom < t.bbox[1] for t in out)
    going_on = not held and (not out or above)
    out.extend(text_only_tables(outside, hint if going_on else (), header, labelled and going_on))
    return out


def _with_header_above(
    glyphs: Sequence[Glyph],
    region: Region,
    table: TextTable,
    taken: Sequence[Sequence[float]],
    hint: Sequence[float] = (),
    header: Sequence[str] = (),
) -> TextTable:
    """`table` (inferred in a region of rules) with its header, where the rules leave the header out:
    a table ruled only under its header and at its foot (booktabs-like, as report generators and
    web pages draw it) stands its header above the region's top rule, where it would be read as
    the caption. The lines right above the top rule (the lowest at most MAX_LINE_GAP line heights
    over it, each at most HEADER_LINE_GAP line heights under the one above), each of several runs
    or of one run within a column (a group cell over sub-headers below may cross one), belong to
    the table when, sorted into its columns, they read as a header (`headerwords.is_header_like`);
    the region is then read again from their top (its rows parted as before: the rule under the
    header counts as none).
    As it was otherwise, and where the region's own first row reads as a header already."""
    if table.header_only or table.labelled or (table.rows and _header_row(glyphs, table, 0)):
        return table
    xs = _grid(table)
    above = [
        g
        for g in glyphs
        if region.x0 - EDGE_TOLERANCE <= (g.x0 + g.x1) / 2 <= region.x1 + EDGE_TOLERANCE
        and (g.top + g.bottom) / 2 < region.top
        and not _within((g.x0 + g.x1) / 2, (g.top + g.bottom) / 2, taken)
    ]
    band: list[_Line] = []
    floor = region.top
    for line in reversed(_lines(above)):
        height = line.bottom - line.top
        reach = MAX_LINE_GAP if not band else HEADER_LINE_GAP
        if floor - line.bottom > reach * height or not _in_columns(line, xs, bool(band)):
            break
        band.insert(0, line)
        floor = line.top
    while band:
        texts = _column_texts([g for g in above if band[0].top <= (g.top + g.bottom) / 2], xs)
        if is_header_like(texts):
            break
        band.pop(0)
    if not band:
        return table
    # the rule under the header parts no rows of the body: where no other rule does, its text does
    rules = tuple(r for r in region.rules if r[0] > region.top + EDGE_TOLERANCE)
    raised = Region(
        region.x0, band[0].top - EDGE_TOLERANCE - 1, region.x1, region.bottom, rules, region.framed
    )
    again = infer_table(glyphs, raised, hint, header)
    if again is None or len(_grid(again)) != len(xs):
        return table
    return again


def _grid(table: TextTable) -> list[float]:
    """An inferred table's column edges: its cells' left edges and its right edge."""
    return sorted({box[0] for box in table.cells} | {table.bbox[2]})


def _in_columns(line: _Line, xs: Sequence[float], under: bool) -> bool:
    """Whether a line stands as a header's in the columns `xs`: several runs, or one run within a
    column; one crossing a boundary (a group cell) only over lines of the header (`under`) and
    over at most half the table's width (a title runs across it)."""
    if len(line.spans) > 1:
        return True
    a, b = line.spans[0]
    if not any(a < x < b for x in xs[1:-1]):
        return True
    return under and b - a <= (xs[-1] - xs[0]) / 2


def _column_texts(glyphs: Sequence[Glyph], xs: Sequence[float]) -> list[str]:
    """The glyphs' text column by column, line by line: each run of a line (glyphs closer than
    GUTTER) in the column its middle falls in, so a group cell spanning two keeps its words."""
    texts: list[list[str]] = [[] for _ in xs[1:]]
    for line in group_lines(glyphs):
        runs: list[list[Glyph]] = []
        for g in line:
            if runs and g.x0 - runs[-1][-1].x1 < GUTTER:
                runs[-1].append(g)
            else:
                runs.append([g])
        for run in runs:
            middle = (run[0].x0 + run[-1].x1) / 2
            k = max(0, min(len(texts) - 1, sum(x <= middle for x in xs[1:-1])))
            texts[k].append(_run_text(run))
    return [" ".join(t) for t in texts]


def _run_text(run: Sequence[Glyph]) -> str:
    """A run's text, a space where two glyphs stand apart by more than WORD_GAP of their height
    (the page's space glyphs are left out of the glyphs read here)."""
    out = run[0].text
    for before, glyph in itertools.pairwise(run):
        out += (" " if glyph.x0 - before.x1 > WORD_GAP * (glyph.bottom - glyph.top) else "") + glyph.text
    return out


def _header_row(glyphs: Sequence[Glyph], table: TextTable, index: int) -> bool:
    """Whether the table's row `index` reads as a header (see `headerwords.is_header_like`)."""
    boxes = [box for box in table.rows[index].cells if box is not None]
    if not boxes:
        return False
    top, bottom = boxes[0][1], boxes[0][3]
    inside = [g for g in glyphs if top <= (g.top + g.bottom) / 2 <= bottom]
    return is_header_like(_column_texts(inside, _grid(table)))


def _within(x: float, y: float, boxes: Sequence[Sequence[float]]) -> bool:
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _width(table: Any) -> int:
    """A pdfplumber table's number of grid columns."""
    return len({round(cell[0], 1) for cell in table.cells})


def _lines(glyphs: Sequence[Glyph]) -> list[_Line]:
    out = []
    for line in group_lines(glyphs):
        spans: list[list[float]] = []
        texts: list[str] = []
        turned: list[bool] = []
        bold: list[bool] = []
        first: list[Glyph] = []  # the glyphs of its first run
        for g in line:
            if not spans or (len(spans) == 1 and g.x0 - spans[-1][1] < GUTTER):
                first.append(g)
            if spans and g.x0 - spans[-1][1] < GUTTER:
                spans[-1][1] = max(spans[-1][1], g.x1)
                texts[-1] += g.text
                turned[-1] = turned[-1] or bool(g.turn)
                bold[-1] = bold[-1] and g.bold
            else:
                spans.append([g.x0, g.x1])
                texts.append(g.text)
                turned.append(bool(g.turn))
                bold.append(g.bold)
        out.append(
            _Line(
                min(g.top for g in line),
                max(g.bottom for g in line),
                tuple((a, b) for a, b in spans),
                texts[0],
                " ".join(texts),
                tuple((a, b) for (a, b), t in zip(spans, turned, strict=True) if not t),
                tuple(bold),
                _run_text(first),
            )
        )
    return out


def _numbered(line: _Line, xs: Sequence[float] = ()) -> bool:
    """A line of several runs whose first is a row number; with the columns known (`xs`), that
    number stands in the first column (a date or a count a narrow column wrapped, «202|4», starts
    a line of its own column with digits, but opens no row)."""
    if len(xs) > 1 and line.spans[0][1] > xs[1]:
        return False
    return len(line.spans) > 1 and bool(SEQ_NUMBER.match(line.first))


def _boundaries(
    lines: Sequence[_Line],
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
    start = next((i for i, line in enumerate(lines) if _numbered(line)), 0)
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
    if len(gaps) + 1 < least:
        return None
    if len(hint) == len(gaps) and all(a <= x <= b for x, (a, b) in zip(hint, gaps, strict=True)):
        return list(hint)
    return [right - min(pad, (right - left) / 2) for left, right in gaps]


def _cells(
    lines: Sequence[_Line],
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
) -> TextTable | None:
    """The region read as a table with inferred columns, or None when its text shows fewer than
    MIN_COLUMNS columns or MIN_ROWS rows. `hint`: the column edges of the table inferred last on
    the page before; a region whose text keeps to them, showing too few columns of its own, is
    that table going on (a row broken by the page end, its rest in one or two columns). `header`:
    that table's header lines; the region's first lines repeating them are its header repeated,
    the lines under them before a numbered one the rest of a row the page end broke. A region
    numbering no row whose first column holds labels is a table of labels (see pdflabelrows), its
    rows opened by them; `labelled`: the table on the page before was one, and this one going on
    is one whatever its labels."""
    inside = [
        g
        for g in glyphs
        if region.x0 <= (g.x0 + g.x1) / 2 <= region.x1
        and region.top <= (g.top + g.bottom) / 2 <= region.bottom
    ]
    lines = _lines(inside)
    if not lines:
        return None
    pad = DEFAULT_PAD
    rows_text = [line for line in lines if len(line.spans) > 1]  # not a heading or a caption,
    if region.framed and rows_text:  # which may start at the text area's edge, as the rules do
        pad = min(line.spans[0][0] for line in rows_text) - region.x0
        pad = pad if 0 <= pad <= MAX_PAD else DEFAULT_PAD
    inner = list(grid[1:-1]) if grid else _boundaries(lines, pad, hint[1:-1], header)
    if not grid:  # a table of labels, of one event or more
        inner = _label_boundaries(lines, pad, region, hint[1:-1], labelled and len(hint) > 2) or inner
    fewer = inner is None or len(inner) < len(hint) - 2  # fewer columns than the table before
    # the header repeated is that table's own (its title and group cells cross its columns)
    adopted = fewer and _fits(lines[_repeated_header(lines, header) :], hint)
    follows = adopted
    if follows:  # the table of the page before going on: little of it here, in fewer columns
        inner = list(hint[1:-1])
    # on its columns (see _boundaries), one row of it is that table going on too
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
    numbered = any(_numbered(line) for line in lines)
    starts = None if numbered else label_starts(lines, xs, going_on=follows and labelled)
    if inner_rules:  # a frame's top and bottom alone part no rows
        cuts = sorted({region.top, *inner_rules, region.bottom})
        bands = [(a, b) for a, b in itertools.pairwise(cuts) if b - a > EDGE_TOLERANCE]
        bands = [part for band in bands for part in _numbered_parts(band, lines, xs, regular)]
    elif starts is not None:
        tops = [lines[i].top - 1 for i in starts] + [lines[-1].bottom + 1]
        bands = list(itertools.pairwise(tops))
    else:
        bands = _text_bands(lines, xs, regular, _repeated_header(lines, header))
    rows: list[list[Box | None]] = []
    in_header = starts is None  # bands above the first numbered row hold the header
    leading = 0  # rows of several cells above the first numbered row, the header repeated aside
    repeated = lines[: _repeated_header(lines, header)]
    for top, bottom in bands:
        members = [line for line in lines if top <= (line.top + line.bottom) / 2 < bottom]
        in_header = in_header and not any(_numbered(line) for line in members)
        if members and in_header and not all(line in repeated for line in members):
            leading += sum(box is not None for box in _cells(members, xs, top, bottom, regular)) > 1
        if adopted and leading > 1:  # no rest of one row: a block of its own (see docstring)
            return infer_table(glyphs, region, (), header)
        if members and in_header:
            levels = _header_levels(members, xs, top, bottom)
            if len(levels) > 1:
                rows.extend(levels)
                continue
        if members:
            cells = list(_cells(members, xs, top, bottom, regular))
            rule = inner_rules.get(top)
            if rows and rule is not None:
                _merge_down(rows, cells, rule)
            rows.append(cells)
    if len(rows) < (1 if follows else MIN_ROWS):
        return None
    first = next(box for box in rows[0] if box is not None)
    bottom = max(box[3] for row in rows for box in row if box is not None)
    start = next((i for i, line in enumerate(lines) if _numbered(line)), 0)
    heads = tuple(header) if _repeated_header(lines, header) else tuple(line.text for line in lines[:start])
    return TextTable(
        bbox=(xs[0], first[1], xs[-1], bottom),
        rows=tuple(TextRow(tuple(r)) for r in rows),
        header_lines=heads,
        region=region,
        header_only=not numbered and starts is None,
        headless=_numbered(lines[0]),
        labelled=starts is not None,
    )


def _repeated_header(lines: Sequence[_Line], header: Sequence[str]) -> int:
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


def _header_again(lines: Sequence[_Line], header: Sequence[str]) -> tuple[int, int]:
    """Where a page's top repeats `header` (see _repeated_header): the lines above it (a title
    repeated on every page, at most MAX_HEADING_LINES) and its lines; (0, 0) when it does not."""
    for skip in range(min(len(lines), MAX_HEADING_LINES + 1)):
        count = _repeated_header(lines[skip:], header)
        if count:
            return skip, count
    return 0, 0


def _header_levels(
    lines: Sequence[_Line], xs: Sequence[float], top: float, bottom: float
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


def _reaching(rows: Sequence[Sequence[Box | None]], col: int, top: float) -> int | None:
    """The row whose cell in column `col` reaches down to `top`: the last row's own, or, where the
    last row's slot is taken by a cell merged down, the row that cell starts in."""
    for index in range(len(rows) - 1, -1, -1):
        box = rows[index][col] if col < len(rows[index]) else None
        if box is not None:
            return index if index == len(rows) - 1 or box[3] >= top - MERGE_REACH else None
    return None


def _fits(lines: Sequence[_Line], hint: Sequence[float]) -> bool:
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
    lines: Sequence[_Line], xs: Sequence[float], regular: frozenset[int], repeated: int = 0
) -> list[Span]:
    """Rows without rules: the header down to the first numbered line, then a row from each
    numbered line; a heading (one run of words across a boundary) is a row of its own. `repeated`:
    the header repeated from the page before takes that many lines, the lines under it start a row
    (the rest of the row the page end broke), not the header's. `regular`: see _regular_columns."""
    heading = [
        _heading(line, xs)
        or (
            (_centred(line, xs) or (_bold_alone(line, xs, regular) and _apart(lines, i)))
            and i + 1 < len(lines)
            and _numbered(lines[i + 1], xs)
        )
        for i, line in enumerate(lines)
    ]
    starts = [0]
    for i, line in enumerate(lines[1:], start=1):
        if _numbered(line, xs) or heading[i] or heading[i - 1] or i == repeated:
            starts.append(i)
    tops = [lines[i].top - 1 for i in starts] + [lines[-1].bottom + 1]
    return list(itertools.pairwise(tops))


def _numbered_parts(
    band: Span, lines: Sequence[_Line], xs: Sequence[float], regular: frozenset[int]
) -> list[Span]:
    """A band between rules that numbers several rows, parted as rows without rules are (a frame
    with a rule under its header only, or rules under the municipality headings only: the rows
    inside are not ruled off); a band of one row, or of the header, stays whole."""
    top, bottom = band
    members = [line for line in lines if top <= (line.top + line.bottom) / 2 < bottom]
    if sum(_numbered(line, xs) for line in members) < 2:
        return [band]
    cuts = [a for a, _ in _text_bands(members, xs, regular)[1:]]
    return list(itertools.pairwise([top, *cuts, bottom]))


def _heading(line: _Line, xs: Sequence[float]) -> bool:
    """One run of words, upright, across a column boundary: a heading row across the table."""
    return (
        line.upright == line.spans
        and len(line.spans) == 1
        and any(line.spans[0][0] < x < line.spans[0][1] for x in xs[1:-1])
    )


def _centred(line: _Line, xs: Sequence[float]) -> bool:
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


def _regular_columns(lines: Sequence[_Line], xs: Sequence[float]) -> frozenset[int]:
    """The columns whose body text (runs from the first numbered line down) is mostly not bold."""
    start = next((i for i, line in enumerate(lines) if _numbered(line, xs)), len(lines))
    counts: dict[int, list[int]] = {}
    for line in lines[start:]:
        for (a, _), bold in zip(line.spans, line.bold, strict=False):
            counts.setdefault(_column_of(a, xs), [0, 0])[bold] += 1
    return frozenset(k for k, (plain, bold) in counts.items() if plain > bold)


def _bold_alone(line: _Line, xs: Sequence[float], regular: frozenset[int]) -> bool:
    """One run of words, upright and bold, in a column whose body text is mostly not: a heading
    (a month) standing within one column, wherever it is aligned."""
    return (
        line.upright == line.spans
        and len(line.spans) == 1
        and line.bold == (True,)
        and _column_of(line.spans[0][0], xs) in regular
    )


def _apart(lines: Sequence[_Line], i: int) -> bool:
    """Whether line `i`'s text stands apart from the text above it (further than half a line): no
    line of a paragraph going on, as the last word of a bold header cell is."""
    line = lines[i]
    a, b = line.spans[0][0], line.spans[-1][1]
    above = next((up for up in reversed(lines[:i]) if any(x0 < b and x1 > a for x0, x1 in up.spans)), None)
    return above is None or line.top - above.bottom > (line.bottom - line.top) / 2


def _covers(line: _Line, gaps: Sequence[Span]) -> bool:
    """True when a run of the line's words covers one of the gaps whole (text across the columns)."""
    return any(a <= g0 and b >= g1 for g0, g1 in gaps for a, b in line.spans)


def text_only_tables(
    glyphs: Sequence[Glyph], hint: Sequence[float] = (), header: Sequence[str] = (), labelled: bool = False
) -> list[TextTable]:
    """Tables on a page without rules: runs of lines from one of MIN_COLUMNS runs of words (the
    header's first line) while no line covers a gap between them, except a heading of at most
    MAX_HEADING_LINES lines followed by a numbered row; a run without numbered rows is no table
    (prose set in columns numbers none), unless its first column holds labels (see pdflabelrows) or
    it opens the page and keeps to the columns of the table inferred on the page before (`hint`):
    the rest of its last row (`labelled`: of that table of labels)."""
    lines = _lines(glyphs)
    skip, repeated = _header_again(lines, header)
    out = []
    i = done = 0
    while i < len(lines):
        # the page's top going on with the table before, under its header repeated if it is
        follows = i == skip and _fits(lines[skip + repeated : skip + repeated + 1], hint)
        if labelled and follows:  # a label's lines going on, or a label and its values; no heading
            line = lines[skip + repeated]
            follows = len(line.spans) > 1 or is_lower(line.label)
        wide = len(lines[i].spans) >= MIN_COLUMNS
        if (len(lines[i].spans) < MIN_LABEL_COLUMNS or not lines[i].upright) and not follows:
            i += 1  # a line of a header turned a quarter is no line of words: it starts no table
            continue
        gaps = [(a[1], b[0]) for a, b in itertools.pairwise(lines[i].spans)]
        if follows:
            gaps = [(x - EDGE_TOLERANCE, x + EDGE_TOLERANCE) for x in hint[1:-1]]
        end = max(i + 1, skip + repeated) if follows else i + 1
        # a header's first line again: the table the run opened on a header, or the page before's
        heads = {text for text in (header[:1] if header else ()) if text}
        if not _numbered(lines[i]) and not follows:
            heads.add(lines[i].text)
        while end < len(lines):
            line, above = lines[end], lines[end - 1]
            if line.top - above.bottom > MAX_LINE_GAP * (above.bottom - above.top):
                break
            # the header again mid-page over numbered rows: a table of its own, its heading above
            # (a table of labels repeats its first label instead, see _before_heading)
            if line.text in heads and (
                (follows and not labelled) or any(_numbered(above) for above in lines[i:end])
            ):
                end = _heading_above(lines, i + 1, end)
                break
            if not _covers(line, gaps):
                end += 1
                continue
            after = end
            # a heading goes on in lines covering a gap, or of one run of words (a short second
            # line, such as a month under a municipality, may fall between two gaps)
            while (
                after < len(lines)
                and after - end < MAX_HEADING_LINES
                and (_covers(lines[after], gaps) or (after > end and len(lines[after].spans) == 1))
            ):
                after += 1
            if after == len(lines) or not _numbered(lines[after]):
                break
            end = after + 1
        first = i if follows else _turned_above(lines, i, done)
        run = lines[first:end]
        numbered = any(_numbered(line) for line in run)
        labels = not numbered and _label_boundaries(run, DEFAULT_PAD) is not None
        if labels and not follows:
            # a heading between two tables of labels (the next section's) ends the first
            end = first + _before_heading(run)
            run = lines[first:end]
            labels = _label_boundaries(run, DEFAULT_PAD) is not None
        if not (wide or follows or labels):
            i += 1  # two runs of words (a letterhead, a signature) open only a table of labels
            continue
        table = None
        if follows or (numbered and not _indented_paragraphs(lines, first, end)) or labels:
            top, bottom = run[0].top - 1, run[-1].bottom + 1
            region = Region(-1e9, top, 1e9, bottom, framed=False)
            table = infer_table(glyphs, region, hint, header, labelled=labelled and follows)
        if table is not None:
            out.append(table)
        i = done = end
    return out


def _heading_above(lines: Sequence[_Line], floor: int, end: int) -> int:
    """Where the heading over a header repeated mid-page (at `end`) starts: at most
    MAX_HEADING_LINES lines of one run of words each (a municipality's name: «г. Энск»), the top one
    standing apart from the text above by more than a line's height; `end` where none does."""
    for k in range(end - 1, max(floor, end - MAX_HEADING_LINES) - 1, -1):
        if len(lines[k].spans) != 1:
            break
        above = lines[k - 1]
        if lines[k].top - above.bottom > HEADER_LINE_GAP * (above.bottom - above.top):
            return k
    return end


def _before_heading(run: Sequence[_Line]) -> int:
    """How many lines of a table of labels stand above its first heading: one run of words across
    a column boundary (a label and its values keep to their columns), or lines of one run each,
    opening with a capital, right above the table's first label repeated (a month or a
    municipality over the next section's table, short enough to stand within the label column)."""
    inner = _boundaries(run, DEFAULT_PAD, (), least=MIN_LABEL_COLUMNS) or []
    xs = [-1e9, *inner, 1e9]
    for k in range(1, len(run)):
        if _heading(run[k], xs):
            return k
        if run[k].label == run[0].label:
            above = k
            while above > 1 and len(run[above - 1].spans) == 1 and not is_lower(run[above - 1].label):
                above -= 1
            if above < k:
                return above
    return len(run)


def _label_boundaries(
    lines: Sequence[_Line],
    pad: float,
    region: Region | None = None,
    hint: Sequence[float] = (),
    going_on: bool = False,
) -> list[float] | None:
    """The inner column boundaries of lines numbering no row that are a table of labels of
    MIN_LABEL_COLUMNS columns or more (one event beside its labels); None when they are not
    (`going_on`: the table of labels of the page before going on, whatever its labels). A column
    holding text in the first line alone is the one to its left: the event's number centred over
    values that stop short of it."""
    inner = _boundaries(lines, pad, hint, least=MIN_LABEL_COLUMNS)
    if inner is None or any(_numbered(line) for line in lines):
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
    return inner if label_starts(lines, [left, *inner, right], going_on) is not None else None


def _indented_paragraphs(lines: Sequence[_Line], start: int, end: int) -> bool:
    """Most numbered lines of lines[start:end] are followed by a line starting left of their
    number: paragraphs with a first-line indent (a letter's items «1.1. 18 января … –», justified,
    their words far apart), not rows; a row's wrapped lines never start left of its number's
    column."""
    numbered = [k for k in range(start, min(end, len(lines) - 1)) if _numbered(lines[k])]
    left = sum(lines[k + 1].spans[0][0] < lines[k].spans[0][0] - EDGE_TOLERANCE for k in numbered)
    return bool(numbered) and left * 2 > len(numbered)


def _turned_above(lines: Sequence[_Line], i: int, floor: int) -> int:
    """Where a table starting at line `i` starts with its header's text turned a quarter above it
    (down to line `floor`; a heading of at most MAX_HEADING_LINES between them): that header's
    glyphs stand one a height and make lines of no words, which open no table but are its header."""

    def close(j: int) -> bool:
        above = lines[j - 1]
        return lines[j].top - above.bottom <= MAX_LINE_GAP * (above.bottom - above.top)

    j = i
    while j > floor and i - j < MAX_HEADING_LINES and len(lines[j - 1].spans) == 1 and lines[j - 1].upright:
        j -= 1  # a heading under the header (a municipality)
    if not (j > floor and not lines[j - 1].upright and close(j)):
        return i
    while j > floor and not lines[j - 1].upright and close(j):
        j -= 1
    return j
