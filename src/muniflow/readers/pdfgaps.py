"""A table inferred from where its text stands: columns at the gaps the body's lines leave, rows at
the rules across it or at its numbered lines and headings, cells between the boundaries a row's
text does not cross (see pdfunruled for where such a table is found).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from muniflow.interpret.municipality import municipality_name
from muniflow.readers.pdfaligned import EDGE, aligned_bands
from muniflow.readers.pdfgapcolumns import (
    DEFAULT_PAD,
    MAX_PAD,
    MIN_COLUMNS,
    boundaries,
    keeps_hint,
    label_boundaries,
)
from muniflow.readers.pdfgapmerged import merge_down, merge_straddling
from muniflow.readers.pdfgaprows import (
    card_parts,
    header_levels,
    numbered_parts,
    regular_columns,
    row_cells,
    row_starts,
    with_headings,
)
from muniflow.readers.pdflabelrows import label_starts
from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdfregions import EDGE_TOLERANCE, Region
from muniflow.readers.pdfspaces import page_glyphs
from muniflow.readers.pdftext import Box, TextRow, TextTable
from muniflow.readers.pdftextlines import Line, is_numbered, text_lines

# A table needs its header and at least one row.
MIN_ROWS = 2


def on_grid(chars: Sequence[dict[str, Any]], table: TextTable, grid: Sequence[float]) -> TextTable | None:
    """`table` (inferred) read again with the columns `grid`: a header left alone at the bottom of
    a page, its body on the next, takes the body's columns (the header's words alone, cut by narrow
    columns and spanning groups, show other gaps than the body's)."""
    glyphs = page_glyphs(chars)
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
    overleaf: Sequence[tuple[float, float]] = (),
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
    here, `overleaf` the x-ranges of its last row's cells whose text goes on here (see pdfaligned)."""
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
    follows = follows or (len(hint) > 2 and inner is not None and keeps_hint(inner, hint[1:-1]))
    if inner is None:
        return None
    if region.framed:
        xs = [region.x0, *inner, region.x1]
    elif hint and keeps_hint(inner, hint[1:-1]):
        xs = [hint[0], *inner, hint[-1]]
    else:
        xs = [min(g.x0 for g in inside) - pad, *inner, max(g.x1 for g in inside) + pad]
    inner_rules = {
        y: pieces
        for y, pieces in region.rules
        if region.top + EDGE_TOLERANCE < y < region.bottom - EDGE_TOLERANCE
    }
    regular = regular_columns(lines, xs)
    numbered = any(is_numbered(line) for line in lines)
    starts = None if numbered else label_starts(lines, xs, going_on=follows and labelled, cut=cut)
    # the rest of a numbered card from the page before: its № column blank, its labels beside
    rest = follows and not numbered and len(xs) > 3 and all(line.spans[0][0] >= xs[1] for line in lines)
    card = label_starts(lines, xs[1:], overleaf=True) if rest and starts is None else None
    aligned = None
    if inner_rules:  # a frame's top and bottom alone part no rows
        cuts = sorted({region.top, *inner_rules, region.bottom})
        bands = [(a, b) for a, b in itertools.pairwise(cuts) if b - a > EDGE_TOLERANCE]
        bands = [part for band in bands for part in numbered_parts(band, lines, xs, regular)]
    elif starts is not None or card is not None:
        opened = with_headings(starts or card or [], lines, xs)
        tops = [lines[i].top - 1 for i in opened] + [lines[-1].bottom + 1]
        bands = list(itertools.pairwise(tops))
    else:
        top_starts, _ = row_starts(lines, xs, regular, repeated_header(lines, header))
        starts_at, fixed = row_starts(lines, xs, regular, repeated_header(lines, header), aligned=True)
        aligned = aligned_bands(lines, xs, top_starts, starts_at, fixed, settled, overleaf)
        again = _columns_of_aligned(lines, pad, hint, header, aligned[0] if aligned else [], inner)
        if not grid and again is not None:
            return infer_table(
                glyphs, region, hint, header, [xs[0], *again, xs[-1]], labelled, cut, settled, overleaf
            )
        tops = [lines[i].top - 1 for i in top_starts] + [lines[-1].bottom + 1]
        bands = aligned[0] if aligned else list(itertools.pairwise(tops))
    heading = _heading_under_header(lines, inside, xs) if starts is None and card is None else None
    if heading is not None:  # a band of its own: no header line, a row across the table
        at = lines[heading].top - 1
        bands = [part for a, b in bands for part in (((a, at), (at, b)) if a < at < b else ((a, b),))]
    if numbered:  # a numbered card: its № in the first row alone, its labels in the next column
        bands = [
            part
            for k, band in enumerate(bands)
            for part in card_parts(band, inside, lines, xs, rest=follows and k == 0)
        ]
    rows: list[list[Box | None]] = []
    held: list[Sequence[Line]] = []  # per row of `rows`, the lines its band holds (none: a header level)
    opens: list[bool] = []  # per row of `rows`, no rule drawn over it (see TextTable.open_rows)
    in_header = starts is None and card is None  # bands above the first numbered row hold the header
    leading = 0  # rows of several cells above the first numbered row, the header repeated aside
    repeated = lines[: repeated_header(lines, header)]
    begun = False  # a band under the header repeated was read
    for top, bottom in bands:
        members = [line for line in lines if top <= (line.top + line.bottom) / 2 < bottom]
        in_header = in_header and not any(is_numbered(line) for line in members)
        if members and in_header and not all(line in repeated for line in members):
            leading += sum(box is not None for box in row_cells(members, xs, top, bottom, regular)) > 1
        if adopted and leading > 1:  # no rest of one row: a block of its own (see docstring)
            return infer_table(glyphs, region, (), header)
        if members and in_header:
            levels = header_levels(members, xs, top, bottom)
            if len(levels) > 1:
                rows.extend(levels)
                held.extend([()] * len(levels))
                opens.extend([False] * len(levels))
                continue
        if members:
            # the page's first lines (under the header repeated), only where the row before went
            # on, are its rest: no heading
            rest = not begun and bool(overleaf) and all(_within(line, overleaf) for line in members)
            cells = list(row_cells(members, xs, top, bottom, regular, heading=not rest))
            rule = inner_rules.get(top)
            if rows and rule is not None:
                merge_down(rows, cells, rule)
            begun = begun or not all(line in repeated for line in members)
            rows.append(cells)
            held.append(members)
            opens.append(rule is None and starts is None and card is None)
    if len(rows) < (1 if follows else MIN_ROWS):
        return None
    if not inner_rules and starts is None and card is None and not aligned:
        merge_straddling(rows, held, xs)  # cells merged down, their text centred on top-aligned rows
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
        heads = tuple(line.text for line in lines[: start if heading is None else heading])
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


def _within(line: Line, ranges: Sequence[tuple[float, float]]) -> bool:
    """Whether each run of words of a line stands within one of the x-ranges (to a rounding)."""
    return all(any(lo - EDGE <= a and b <= hi + EDGE for lo, hi in ranges) for a, b in line.spans)


def _heading_under_header(lines: Sequence[Line], glyphs: Sequence[Glyph], xs: Sequence[float]) -> int | None:
    """The line right above the first numbered one that is a municipality's heading across the
    table («ЭНСКИЙ МУНИЦИПАЛЬНЫЙ ОКРУГ», its words over a column boundary) under the header's
    lines, set as close under them as they stand to each other: its index, None where that line
    is none. Taken into the header, it crossed the header's columns: their labels were read as one
    cell and the heading's rows went to no municipality. A scan's glyphs are whole words, set
    closer than a page's spaces: its text read with a space between glyphs too."""
    start = next((i for i, line in enumerate(lines) if is_numbered(line)), None)
    if start is None or start < 2:
        return None
    line = lines[start - 1]
    if len(line.spans) > _HEADING_RUNS or not any(a < x < b for a, b in line.spans for x in xs[1:-1]):
        return None
    within = (g for g in glyphs if line.top <= (g.top + g.bottom) / 2 <= line.bottom)
    words = sorted(within, key=lambda g: g.x0)
    texts = (line.text, " ".join(g.text for g in words))
    return start - 1 if any(municipality_name(text) is not None for text in texts) else None


def _columns_of_aligned(
    lines: Sequence[Line],
    pad: float,
    hint: Sequence[float],
    header: Sequence[str],
    bands: Sequence[tuple[float, float]],
    inner: Sequence[float],
) -> list[float] | None:
    """The columns read again where the table's first row, its cells centred or set at their
    bottom (`bands`, see pdfaligned), starts above its numbered line: the upper lines of its
    taller cells were read as the header's, which closes no gap, so a column holding text there
    alone (a municipality merged down over the rows, centred on them) was no column, and a
    boundary cut its lines. None where the first row starts at its number, or its lines show the
    columns `inner` as they were, or fewer."""
    start = next((i for i, line in enumerate(lines) if is_numbered(line)), None)
    if start is None or not bands:
        return None
    middle = (lines[start].top + lines[start].bottom) / 2
    first_row = next((a for a, b in bands if a <= middle < b), None)
    if first_row is None:
        return None
    body = sum((line.top + line.bottom) / 2 < first_row for line in lines)
    if body >= start:
        return None
    again = boundaries(lines, pad, hint[1:-1], header, body_from=body)
    if again is None or again == list(inner) or len(again) < len(inner):
        return None
    return again


# A heading's words a scan's wide spaces part into runs: at most this many.
_HEADING_RUNS = 3


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
