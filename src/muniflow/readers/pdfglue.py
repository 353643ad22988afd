"""PDF table rows that a page end cut, glued back: the lower part of a row goes on in the cells of
the row above it (or in the row a merged cell starts in), a header row's rest goes on in the header
(cells splitting a group cell into sub-columns make a sub-header row), and the last lines of a
repeated header spilt into the row below are taken out there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from muniflow.model import Cell
from muniflow.readers.base import fold_whitespace
from muniflow.readers.pdfgrid import Ends, splits
from muniflow.readers.pdflinebreaks import join_lines
from muniflow.readers.pdflines import NO_BREAK_SPACES, Line
from muniflow.readers.rownumber import SEQ_NUMBER

MAX_HEADER_ROWS = 5  # a title row, two header levels, a column-number row: more is no header

# A cell as drawn: its visual lines; None where a merged cell covers the grid slot.
LineCell = tuple[Line, ...] | None


def cell_text(cell: LineCell) -> Cell:
    """A cell's text from its lines (None where a merged cell covers the slot)."""
    return None if cell is None else join_lines(cell)


def wraps_at_end(cell: LineCell) -> bool:
    """Whether a cell's last line ends with the space it wrapped at (see pdflinebreaks): its text
    goes on below it, which at a page's foot means overleaf. A paragraph's end draws none."""
    last = cell[-1].text if cell else ""
    return len(last.rstrip()) > 0 and last[-1].isspace() and last[-1] not in NO_BREAK_SPACES


@dataclass(frozen=True)
class LineRow:
    """A table row before its lines are joined: cells as drawn, possibly from two pages."""

    cells: tuple[LineCell, ...]
    locator: str
    ends: Ends = ()  # how far each cell spans (see pdfgrid)
    from_above: frozenset[int] = frozenset()  # slots a cell of a row above covers (see pdfgrid)
    open_top: bool = False  # no rule drawn between it and the row above (see RawRow.open_above)


def is_spanning(cells: Sequence[Cell]) -> bool:
    """A row of one merged cell across the table (a title or a section heading)."""
    return len(cells) > 1 and cells[0] is not None and all(c is None for c in cells[1:])


def is_column_numbers(cells: Sequence[Cell]) -> bool:
    """A row numbering the columns (1 2 3 …) under a header, which templates repeat on every page."""
    texts = [fold_whitespace(c).rstrip(".") for c in cells if c]
    return len(texts) > 2 and texts == [str(i) for i in range(1, len(texts) + 1)]


def glue(rows: Sequence[LineRow], lower: Sequence[LineCell]) -> list[LineRow]:
    """Append a continuation's cell lines to the rows it continues: the paragraphs go on. A cell
    merged down into the last row (None there) goes on in the row its merged cell starts in, as a
    header cell spanning a group row and its sub-header row does when the page cuts it."""
    out = list(rows)
    for col, down in enumerate(lower):
        if not down:
            continue
        origin = next((i for i in range(len(out) - 1, -1, -1) if out[i].cells[col] is not None), None)
        target = len(out) - 1 if origin is None else origin
        cells = list(out[target].cells)
        up = cells[col]
        cells[col] = down if up is None else (*up, *down)
        out[target] = replace(out[target], cells=tuple(cells))
    return out


def _column_lines(rows: Sequence[Sequence[LineCell]], col: int) -> list[str]:
    return [line.text.strip() for row in rows if col < len(row) for line in (row[col] or ())]


def strip_header_overflow(
    header: Sequence[Sequence[LineCell]], repeated: Sequence[Sequence[LineCell]], below: Sequence[LineCell]
) -> tuple[LineCell, ...]:
    """The row under a repeated header without the header's last lines drawn over its border.

    header: the first page's header rows, without a column-number row (a page that does not
    repeat that row would otherwise lose the «1» of its first event).

    A repeated header row drawn lower than its text (seen in LibreOffice exports) spills its last
    lines into the row below: where the repeated column shows only the first lines of the
    header's column, and the row below starts with the missing ones, they are taken out there.
    """
    out = list(below)
    for col, cell in enumerate(below):
        mine, shown = _column_lines(header, col), _column_lines(repeated, col)
        missing = mine[len(shown) :]
        if not cell or not missing or mine[: len(shown)] != shown:
            continue
        if [line.text.strip() for line in cell[: len(missing)]] == missing:
            out[col] = cell[len(missing) :]
    return tuple(out)


def header_open(texts: Sequence[Sequence[Cell]], seq_col: int) -> bool:
    """True when a table's rows so far are all header rows, nothing yet ending its header: no
    numbered row, no column-number row, no heading row across the table under a header row."""
    if len(texts) > MAX_HEADER_ROWS:
        return False
    header_seen = False
    for cells in texts:
        numbered = seq_col < len(cells) and SEQ_NUMBER.match(cells[seq_col] or "") is not None
        spanning = is_spanning(cells)
        if numbered or is_column_numbers(cells) or (spanning and header_seen):
            return False
        header_seen = header_seen or not spanning
    return header_seen


def continues_header(
    rows: Sequence[LineRow], cells: Sequence[Cell], ends: Ends, numbered: bool, seq_col: int
) -> bool:
    """True when a page's first row is the rest of a header the page end cut: the rows so far are
    all header rows, and this row is no event (no row number, in a table that numbers its rows, or
    it splits a group cell above into sub-columns), no column-number row, no heading row."""
    if not rows or len(rows) > MAX_HEADER_ROWS:  # a table under way: no header left open (and the
        return False  # rows' texts are not rebuilt for every page, which made a long PDF quadratic)
    texts = [tuple(cell_text(c) for c in row.cells) for row in rows]
    if not header_open(texts, seq_col) or is_spanning(cells) or is_column_numbers(cells):
        return False
    if seq_col < len(cells) and SEQ_NUMBER.match(cells[seq_col] or ""):
        return False
    return numbered or any(splits(rows[-1].ends, ends))


def glue_header(rows: Sequence[LineRow], lower: Sequence[LineCell], ends: Ends) -> list[LineRow]:
    """The header rows with the rest of their last row from the next page: a cell spanning the same
    columns goes on, cells splitting a group cell into sub-columns make a sub-header row under it."""
    split = splits(rows[-1].ends, ends)
    goes_on = tuple(None if new else cell for cell, new in zip(lower, split, strict=True))
    out = glue(rows, goes_on)
    if any(split):
        cells = tuple(cell if new else None for cell, new in zip(lower, split, strict=True))
        sub_ends = tuple(end if new else None for end, new in zip(ends, split, strict=True))
        out.append(LineRow(cells, out[-1].locator, sub_ends))
    return out


def merged_over_page_end(
    cells: Sequence[LineCell], below: frozenset[int], last: LineRow
) -> tuple[tuple[LineCell, ...], frozenset[int]]:
    """A page's first row with the cells that go on with a cell merged down over the page end
    taken as covered from above (None, and their slots returned): empty cells where the merge
    covered the previous page's last row, or that are merged down over the row under them here.

    The exporter draws the merged cell's rest on the new page as a cell of its own, with no text
    (the text stands on the page before); a cell that is empty and merged itself is such a rest.
    below: the slots the next row on this page has covered from above."""
    going = frozenset(
        col
        for col, cell in enumerate(cells)
        if cell is not None and not cell_text(cell) and (col in last.from_above or col in below)
    )
    return tuple(None if col in going else cell for col, cell in enumerate(cells)), going
