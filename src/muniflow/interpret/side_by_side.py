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
    """The document with every table whose header repeats its columns split into its parts."""
    tables: list[RawTable] = []
    for table in doc.tables:
        tables.extend(_split(table, synonyms))
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


def _split(table: RawTable, synonyms: Mapping[str, Sequence[str]]) -> list[RawTable]:
    grid = [tuple(table.header), *(row.cells for row in table.rows)]
    found = find_header(grid, synonyms)
    if found is None:
        return [table]
    starts = part_starts(found.labels, synonyms)
    if not starts:
        return [table]
    rows = [RawRow(tuple(table.header), f"{table.locator}, row 1"), *table.rows]
    bounds = [(a, b) for a, b in zip((0, *starts[1:]), (*starts[1:], len(found.labels)), strict=True)]
    parts: list[RawTable] = []
    for k, (a, b) in enumerate(bounds):
        # the rows above the header (a title typed in the table) stay with the first part
        kept = rows if k == 0 else rows[found.start :]
        sliced = [_slice(row, a, b, k) for row in kept]
        sliced = [row for row in sliced if any(c and fold(c) for c in row.cells)]
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


def _slice(row: RawRow, a: int, b: int, k: int) -> RawRow:
    cells: tuple[Cell, ...] = tuple(row.cells[a:b])
    cells = cells + (None,) * (b - a - len(cells))
    above = frozenset(i - a for i in row.from_above if a <= i < b)
    locator = row.locator if k == 0 else f"{row.locator}, part {k + 1}"
    return RawRow(cells, locator, above)
