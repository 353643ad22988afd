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

import itertools
from collections.abc import Sequence
from typing import Any

from muniflow.readers.headerwords import is_header_like
from muniflow.readers.pdfgapcolumns import (
    DEFAULT_PAD,
    MIN_COLUMNS,
    MIN_LABEL_COLUMNS,
    boundaries,
    label_boundaries,
)
from muniflow.readers.pdfgaps import fits, infer_table, repeated_header
from muniflow.readers.pdflabelrows import is_lower
from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdfregions import EDGE_TOLERANCE, Region, region_of, rule_regions
from muniflow.readers.pdfspaces import page_glyphs
from muniflow.readers.pdftext import TextTable
from muniflow.readers.pdftextlines import (
    Line,
    Span,
    column_texts,
    heading_line,
    is_numbered,
    numbers_columns,
    text_lines,
)

# Lines of one run of words in a row that stops a text-only table: a heading is one or two lines,
# a paragraph below the table runs on.
MAX_HEADING_LINES = 3


# A vertical gap wider than this many line heights ends a text-only table.
MAX_LINE_GAP = 2.5
OUTSIDE = 2  # line heights a line starts left of a table's lines by and stands out of it


# Line heights between two lines of one header above a table's top rule (wrapped lines of a cell,
# or two levels); a title stands further off.
HEADER_LINE_GAP = 1.0


# Line heights between two wrapped lines of one cell without rules: the gap a paragraph's line
# pitch leaves (a title, or a caption, above a table stands further off, by its spacing or the
# cell's padding).
CELL_LINE_GAP = 0.5


def tables_without_rules(
    page: Any,
    ruled: Sequence[Any],
    hint: Sequence[float] = (),
    header: Sequence[str] = (),
    labelled: bool = False,
    settled: str = "",
    every: Sequence[Glyph] | None = None,
    overleaf: Sequence[Span] = (),
) -> list[Any]:
    """The page's tables: the ruled ones of two columns or more as found, those of one column and
    the regions other rules mark out read with inferred columns (a ruled table inference cannot
    read stays as found); outside them, tables of numbered rows, or of a column of labels, that
    line up as text (a table drawn without rules on a page where another one has them). `header`:
    the header lines of the table inferred last on the page before (see infer_table); `labelled`:
    that table's rows are labels (see pdflabelrows); `settled`: how its cells stand in their rows
    (see pdfaligned); `every`: the page's chars as glyphs, if built already (`char_glyphs`);
    `overleaf`: the x-ranges of that table's last cells whose text goes on overleaf."""
    glyphs = page_glyphs(page.chars, every)
    # Only a ruled table of one column has no inner vertical rule: one of two columns draws its
    # grid (a list label and its text a tab apart in a cell are no third column).
    kept = [t for t in ruled if _width(t) > 1]
    thin = [t for t in ruled if _width(t) == 1]
    out: list[Any] = list(kept)
    # a region the page's text ends in may hold a card the page end cut (see label_starts' `cut`)
    lowest = max((g.bottom for g in glyphs), default=0.0) - EDGE_TOLERANCE
    for table in thin:
        around = region_of(table, page.edges)
        inferred = infer_table(glyphs, around, hint, header, labelled=labelled, cut=around.bottom >= lowest)
        out.append(inferred or table)
    taken = [t.bbox for t in ruled]
    regions = rule_regions(page.edges, taken, [(g.x0, (g.top + g.bottom) / 2) for g in glyphs])
    for region in regions:
        # only the page's first table may be the table of labels of the page before going on
        first = all(r.top >= region.top for r in regions) and all(t.bbox[1] > region.top for t in kept)
        inferred = infer_table(
            glyphs, region, hint, header, labelled=labelled and first, cut=region.bottom >= lowest
        )
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
    out.extend(
        text_only_tables(
            outside,
            hint if going_on else (),
            header,
            labelled and going_on,
            settled if going_on else "",
            overleaf if going_on else (),
        )
    )
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
    band: list[Line] = []
    floor = region.top
    for line in reversed(text_lines(above)):
        height = line.bottom - line.top
        reach = MAX_LINE_GAP if not band else HEADER_LINE_GAP
        if floor - line.bottom > reach * height or not _in_columns(line, xs, bool(band)):
            break
        band.insert(0, line)
        floor = line.top
    while band:
        texts = column_texts([g for g in above if band[0].top <= (g.top + g.bottom) / 2], xs)
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


def _in_columns(line: Line, xs: Sequence[float], under: bool) -> bool:
    """Whether a line stands as a header's in the columns `xs`: several runs, or one run within a
    column; one crossing a boundary (a group cell) only over lines of the header (`under`) and
    over at most half the table's width (a title runs across it)."""
    if len(line.spans) > 1:
        return True
    a, b = line.spans[0]
    if not any(a < x < b for x in xs[1:-1]):
        return True
    return under and b - a <= (xs[-1] - xs[0]) / 2


def _header_row(glyphs: Sequence[Glyph], table: TextTable, index: int) -> bool:
    """Whether the table's row `index` reads as a header (see `headerwords.is_header_like`)."""
    boxes = [box for box in table.rows[index].cells if box is not None]
    if not boxes:
        return False
    top, bottom = boxes[0][1], boxes[0][3]
    inside = [g for g in glyphs if top <= (g.top + g.bottom) / 2 <= bottom]
    return is_header_like(column_texts(inside, _grid(table)))


def _within(x: float, y: float, boxes: Sequence[Sequence[float]]) -> bool:
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _width(table: Any) -> int:
    """A pdfplumber table's number of grid columns."""
    return len({round(cell[0], 1) for cell in table.cells})


def _header_again(lines: Sequence[Line], header: Sequence[str]) -> tuple[int, int]:
    """Where a page's top repeats `header` (see repeated_header): the lines above it (a title
    repeated on every page, at most MAX_HEADING_LINES) and its lines; (0, 0) when it does not."""
    for skip in range(min(len(lines), MAX_HEADING_LINES + 1)):
        count = repeated_header(lines[skip:], header)
        if count:
            return skip, count
    return 0, 0


def _covers(line: Line, gaps: Sequence[Span]) -> bool:
    """True when a run of the line's words covers one of the gaps whole (text across the columns)."""
    return any(a <= g0 and b >= g1 for g0, g1 in gaps for a, b in line.spans)


def text_only_tables(
    glyphs: Sequence[Glyph],
    hint: Sequence[float] = (),
    header: Sequence[str] = (),
    labelled: bool = False,
    settled: str = "",
    overleaf: Sequence[Span] = (),
) -> list[TextTable]:
    """Tables on a page without rules: runs of lines from one of MIN_COLUMNS runs of words (the
    header's first line) while no line covers a gap between them, except a heading of at most
    MAX_HEADING_LINES lines followed by a numbered row; a run without numbered rows is no table
    (prose set in columns numbers none), unless its first column holds labels (see pdflabelrows) or
    it opens the page and keeps to the columns of the table inferred on the page before (`hint`):
    the rest of its last row (`labelled`: of that table of labels; `settled`: how that table's
    cells stand in their rows, see pdfaligned; `overleaf`: where its last row's text goes on)."""
    lines = text_lines(glyphs)
    skip, repeated = _header_again(lines, header)
    out = []
    i = done = 0
    while i < len(lines):
        # the page's top going on with the table before, under its header repeated if it is
        follows = i == skip and fits(lines[skip + repeated : skip + repeated + 1], hint)
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
        if not is_numbered(lines[i]) and not follows:
            heads.add(lines[i].text)
        while end < len(lines):
            line, above = lines[end], lines[end - 1]
            if line.top - above.bottom > MAX_LINE_GAP * (above.bottom - above.top):
                break
            # a line standing out left of the table's lines (a signature block under it) is none of
            # it; on a page going on with the table before, left of that table's left side (`hint`:
            # its first line there may be a cut row's rest, standing in a later column)
            side = hint[0] if follows and hint else min(k.spans[0][0] for k in lines[i:end])
            if (not follows or hint) and line.spans[0][0] < side - OUTSIDE * (above.bottom - above.top):
                break
            # the header again mid-page over numbered rows: a table of its own, its heading above
            # (a table of labels repeats its first label instead, see _before_heading)
            if line.text in heads and (
                (follows and not labelled) or any(is_numbered(above) for above in lines[i:end])
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
            numbered_at = _numbered_below(lines, after, gaps, heads)
            if numbered_at is None:
                break
            end = numbered_at + 1
        first = i if follows else _turned_above(lines, i, done)
        if first == i and not follows:
            first = _header_above(lines, i, done, gaps)
        run = lines[first:end]
        numbered = any(is_numbered(line) for line in run)
        labels = not numbered and label_boundaries(run, DEFAULT_PAD) is not None
        if labels and not follows:
            # a heading between two tables of labels (the next section's) ends the first
            end = first + _before_heading(run)
            run = lines[first:end]
            labels = label_boundaries(run, DEFAULT_PAD) is not None
        if not (wide or follows or labels):
            i += 1  # two runs of words (a letterhead, a signature) open only a table of labels
            continue
        table = None
        if follows or (numbered and not _indented_paragraphs(lines, first, end)) or labels:
            top, bottom = run[0].top - 1, run[-1].bottom + 1
            region = Region(-1e9, top, 1e9, bottom, framed=False)
            going = settled if follows else ""
            table = infer_table(
                glyphs,
                region,
                hint,
                header,
                labelled=labelled and follows,
                settled=going,
                overleaf=overleaf if follows else (),
            )
        if table is None and not follows and end > i + 1:
            # no table opened here (a title line whose wide spaces between words passed for gaps
            # ran over the header): the lines under it may open one, its header first
            i += 1
            continue
        if table is not None:
            out.append(table)
        i = done = end
    return out


def _numbered_below(lines: Sequence[Line], k: int, gaps: Sequence[Span], heads: set[str]) -> int | None:
    """The numbered line a heading (ending above line `k`) stands over: line `k`, or, in a table
    whose cells are centred or set at their bottom (see pdfaligned), the first numbered line under
    the upper lines of its first row's taller cells, which keep to the columns (`gaps`) and follow
    one another without a gap wider than MAX_LINE_GAP; None where none is, where the header's
    first line comes again (`heads`: the next table's, under its heading), or where a header's
    row numbering its columns comes first (the «heading» was a header's group cell)."""
    while k < len(lines) and not is_numbered(lines[k]):
        above = lines[k - 1]
        if _covers(lines[k], gaps) or lines[k].top - above.bottom > MAX_LINE_GAP * (above.bottom - above.top):
            return None
        if lines[k].text in heads:
            return None
        k += 1
    if k < len(lines) and numbers_columns(lines[k]):
        return None
    return k if k < len(lines) else None


def _header_above(lines: Sequence[Line], i: int, floor: int, gaps: Sequence[Span]) -> int:
    """Where a table whose header's first line of several runs is line `i` starts (down to line
    `floor`, where the table above ended: a heading there, split off it, is neither's): a header
    centred or set at the bottom of its row shows its taller cells' upper lines above that line,
    each within the columns (covering none of `gaps`) and under the one above at a cell's line
    pitch (CELL_LINE_GAP); a title stands further off."""
    j = i
    while (
        (j - 1 > floor or floor == 0)
        and j > 0
        and lines[j - 1].upright
        and not is_numbered(lines[j - 1])
        and not _covers(lines[j - 1], gaps)
        and lines[j].top - lines[j - 1].bottom <= CELL_LINE_GAP * (lines[j - 1].bottom - lines[j - 1].top)
    ):
        j -= 1
    return j


def _heading_above(lines: Sequence[Line], floor: int, end: int) -> int:
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


def _before_heading(run: Sequence[Line]) -> int:
    """How many lines of a table of labels stand above its first heading: one run of words across
    a column boundary (a label and its values keep to their columns), or lines of one run each,
    opening with a capital, right above the table's first label repeated (a month or a
    municipality over the next section's table, short enough to stand within the label column)."""
    inner = boundaries(run, DEFAULT_PAD, (), least=MIN_LABEL_COLUMNS) or []
    xs = [-1e9, *inner, 1e9]
    for k in range(1, len(run)):
        if heading_line(run[k], xs):
            return k
        if run[k].label == run[0].label:
            above = k
            while above > 1 and len(run[above - 1].spans) == 1 and not is_lower(run[above - 1].label):
                above -= 1
            if above < k:
                return above
    return len(run)


def _indented_paragraphs(lines: Sequence[Line], start: int, end: int) -> bool:
    """Most numbered lines of lines[start:end] are followed by a line starting left of their
    number: paragraphs with a first-line indent (a letter's items «1.1. 18 января … –», justified,
    their words far apart), not rows; a row's wrapped lines never start left of its number's
    column."""
    numbered = [k for k in range(start, min(end, len(lines) - 1)) if is_numbered(lines[k])]
    left = sum(lines[k + 1].spans[0][0] < lines[k].spans[0][0] - EDGE_TOLERANCE for k in numbered)
    return bool(numbered) and left * 2 > len(numbered)


def _turned_above(lines: Sequence[Line], i: int, floor: int) -> int:
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
