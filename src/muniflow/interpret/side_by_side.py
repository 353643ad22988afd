"""A table laid out as two (or more) tables side by side: a landscape page whose header names the
same columns twice in the same order («№ | Мероприятие | Место | Дата | № | Мероприятие | Место |
Дата»). Each part is a table of its own, read in reading order: the left part's rows first, then
the right part's. A genuine start | end pair of date columns beside one title is no such repeat:
the columns named must repeat as a whole, each part naming every one of them once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from muniflow.interpret.columns import candidates
from muniflow.interpret.header_rows import REQUIRED, find_header
from muniflow.model import Cell, RawDocument, RawRow, RawTable
from muniflow.normalize.text import fold


def split_side_by_side(doc: RawDocument, synonyms: Mapping[str, Sequence[str]]) -> RawDocument:
    """The document with every table whose header repeats its columns split into its parts, and
    each table after it as wide with no header of its own (its next page) split as it is."""
    tables: list[RawTable] = []
    last: tuple[int, tuple[tuple[int, int], ...]] | None = None  # the width and parts of the last split
    for table in doc.tables:
        grid = [tuple(table.header), *(row.cells for row in table.rows)]
        found = find_header(grid, synonyms)
        starts = part_starts(found.labels, synonyms) if found is not None else ()
        if found is not None and starts:
            bounds = tuple(zip((0, *starts[1:]), (*starts[1:], len(found.labels)), strict=True))
            tables.extend(_parts(table, bounds, found.start))
            last = (len(table.header), bounds)
        elif (
            last is not None
            and len(table.header) == last[0]
            and (found is None or not all(c in found.columns for c in REQUIRED))
        ):
            tables.extend(_parts(table, last[1], 0))
        else:
            tables.append(table)
            last = None
    if len(tables) == len(doc.tables):
        return doc
    return replace(doc, tables=tuple(tables))


def part_starts(labels: Sequence[str], synonyms: Mapping[str, Sequence[str]]) -> tuple[int, ...]:
    """The header cells each part begins at, when the header's cells name the same columns in the
    same order two or more times, each part naming the required columns and none twice; () when
    they do not."""
    named = [
        (i, found[0].column)
        for i, text in enumerate(labels)
        if fold(text) and (found := candidates(text, synonyms))
    ]
    columns = [c for _, c in named]
    for parts in range(len(columns) // len(REQUIRED), 1, -1):
        if len(columns) % parts:
            continue
        size = len(columns) // parts
        first = columns[:size]
        if len(set(first)) != size or not all(c in first for c in REQUIRED):
            continue
        if all(columns[k * size : (k + 1) * size] == first for k in range(parts)):
            return tuple(named[k * size][0] for k in range(parts))
    return ()


def _parts(table: RawTable, bounds: Sequence[tuple[int, int]], start: int) -> list[RawTable]:
    """The table's parts, the grid columns of each in `bounds`; the rows above the header (row
    `start`: a title typed in the table) stay with the first part. A column empty in every row of
    a part (a blank column between the parts) is dropped, so the parts are as wide as each other."""
    rows = [RawRow(tuple(table.header), f"{table.locator}, row 1"), *table.rows]
    parts: list[RawTable] = []
    for k, (a, b) in enumerate(bounds):
        kept = rows if k == 0 else rows[start:]
        sliced = [_slice(row, a, b, k) for row in kept]
        sliced = _without_empty_columns([row for row in sliced if any(c and fold(c) for c in row.cells)])
        if not sliced:
            continue
        head, *body = sliced
        parts.append(
            RawTable(
                header=tuple(c or "" for c in head.cells),
                rows=tuple(body),
                locator=table.locator if k == 0 else f"{table.locator}, part {k + 1}",
                caption=table.caption if k == 0 else "",
                sheet=table.sheet,
            )
        )
    return parts


def _without_empty_columns(rows: list[RawRow]) -> list[RawRow]:
    if not rows:
        return rows
    width = max(len(r.cells) for r in rows)
    keep = [i for i in range(width) if any(i < len(r.cells) and fold(r.cells[i] or "") for r in rows)]
    if len(keep) == width:
        return rows
    at = {i: n for n, i in enumerate(keep)}
    return [
        RawRow(
            tuple(r.cells[i] if i < len(r.cells) else None for i in keep),
            r.locator,
            frozenset(at[i] for i in r.from_above if i in at),
        )
        for r in rows
    ]


def _slice(row: RawRow, a: int, b: int, k: int) -> RawRow:
    cells: tuple[Cell, ...] = tuple(row.cells[a:b])
    cells = cells + (None,) * (b - a - len(cells))
    above = frozenset(i - a for i in row.from_above if a <= i < b)
    locator = row.locator if k == 0 else f"{row.locator}, part {k + 1}"
    return RawRow(cells, locator, above)
