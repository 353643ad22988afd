"""Column grids of PDF table fragments: how far each cell spans, and one grid for two pages.

A table broken by a page end is drawn as two fragments. pdfplumber knows a fragment's columns
only from the cell borders drawn on its page, so a fragment whose rows all hold merged cells (a
header row whose group cell stands over sub-columns that went on to the next page) has fewer
columns than the rest of the table. Its column edges are then a subset of the next fragment's:
it is laid out again on the finer grid, each cell spanning the columns its borders enclose.

Where a row is cut by the page end, a cell of its lower part continues the cell above it when
both span the same columns; cells that split a cell above into narrower ones (the sub-columns
under a group cell) are a row of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

# Per grid slot: the column after the last one the cell starting there spans, None where a merged
# cell covers the slot.
Ends = tuple[int | None, ...]


def _edge_index(columns: Sequence[float], x: float, tolerance: float) -> int | None:
    return next((i for i, edge in enumerate(columns) if abs(edge - x) <= tolerance), None)


def slot_ends(
    columns: Sequence[float], boxes: Sequence[tuple[float, float, float, float] | None], tolerance: float
) -> Ends:
    """How far each cell of a row spans: the grid column after its right border (a border not on
    the grid counts up to the next edge beyond it)."""
    ends: list[int | None] = []
    for box in boxes:
        if box is None:
            ends.append(None)
            continue
        found = _edge_index(columns, box[2], tolerance)
        if found is None:
            found = next((i for i, edge in enumerate(columns) if edge > box[2]), len(columns) - 1)
        ends.append(max(found, len(ends) + 1))
    return tuple(ends)


def finer_grid(a: Sequence[float], b: Sequence[float], tolerance: float) -> tuple[float, ...] | None:
    """The grid both fragments fit: the one with more edges when the other's edges are all among
    them (the same outer edges included); None when the grids disagree."""
    coarse, fine = (a, b) if len(a) <= len(b) else (b, a)
    if len(coarse) < 2 or any(_edge_index(fine, x, tolerance) is None for x in coarse):
        return None
    if (
        _edge_index(fine, coarse[0], tolerance) != 0
        or _edge_index(fine, coarse[-1], tolerance) != len(fine) - 1
    ):
        return None
    return tuple(fine)


def regrid(
    columns: Sequence[float],
    rows: Sequence[Sequence[T | None]],
    ends: Sequence[Ends],
    finer: Sequence[float],
    tolerance: float,
) -> tuple[tuple[tuple[T | None, ...], ...], tuple[Ends, ...]]:
    """Rows laid out on a finer grid whose edges include the rows' own: each cell moves to the
    column its left border starts, the slots it now covers are None."""
    index = [_edge_index(finer, x, tolerance) for x in columns]
    width = len(finer) - 1
    new_rows: list[tuple[T | None, ...]] = []
    new_ends: list[Ends] = []
    for cells, row_ends in zip(rows, ends, strict=True):
        out: list[T | None] = [None] * width
        out_ends: list[int | None] = [None] * width
        for col, (cell, end) in enumerate(zip(cells, row_ends, strict=True)):
            start = index[col]
            if cell is None or start is None or start >= width:
                continue
            out[start] = cell
            out_ends[start] = width if end is None or end >= len(index) else (index[end] or width)
        new_rows.append(tuple(out))
        new_ends.append(tuple(out_ends))
    return tuple(new_rows), tuple(new_ends)


def splits(upper: Ends, lower: Ends) -> tuple[bool, ...]:
    """For each column of a row's part below a page break: True where its cell splits a cell of
    the part above into narrower ones (a sub-column under a group cell), so it starts a row of its
    own; False where it continues the cell above (or one merged down from a row above)."""
    out = []
    for col, end in enumerate(lower):
        if end is None:
            out.append(False)
            continue
        start = next((j for j in range(col, -1, -1) if j < len(upper) and upper[j] is not None), None)
        above = None if start is None else upper[start]
        # The cell above covering this column spans further, or starts further left.
        out.append(above is not None and above > col and (start != col or above > end))
    return tuple(out)


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def merged_down(rows: Sequence[Sequence[Box | None]], tolerance: float) -> tuple[frozenset[int], ...]:
    """Per row, the grid slots that a cell of a row above covers: no cell of the row starts there
    and a cell starting higher reaches below the row's top (one date or place written once for
    two events: no rule is drawn inside the merged cell). Other empty slots are covered by a cell
    from the left. Slots are those of pdfplumber's rows: every distinct left edge of a cell."""
    boxes = [box for row in rows for box in row if box is not None]
    lefts = sorted({box[0] for box in boxes})
    out = []
    for row in rows:
        top = min((box[1] for box in row if box is not None), default=None)
        out.append(
            frozenset(
                slot
                for slot, box in enumerate(row)
                if box is None
                and top is not None
                and slot < len(lefts)
                and any(_covers_below(other, lefts[slot], top, tolerance) for other in boxes)
            )
        )
    return tuple(out)


def _covers_below(box: Box, x: float, top: float, tolerance: float) -> bool:
    """True when the box stands over `x` and starts above `top` and ends below it."""
    return box[0] <= x + tolerance < box[2] and box[1] < top - tolerance and box[3] > top + tolerance


def regrid_slots(
    columns: Sequence[float], slots: frozenset[int], finer: Sequence[float], tolerance: float
) -> frozenset[int]:
    """Grid slots laid out on a finer grid (see regrid): each slot becomes the finer slots from its
    left edge up to the next coarse edge."""
    index = [_edge_index(finer, x, tolerance) for x in columns]
    width = len(finer) - 1
    out: set[int] = set()
    for slot in slots:
        start = index[slot] if slot < len(index) else None
        if start is None:
            continue
        end = index[slot + 1] if slot + 1 < len(index) else None
        out.update(range(start, width if end is None else end))
    return frozenset(out)
