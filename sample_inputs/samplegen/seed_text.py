"""Parse the plain-text rendering of the seed Word report back into its title and table rows.

The renderer writes every table cell as a line that starts with a tab, continues a cell on the
following lines, and ends every table row with one blank line. A data row starts with a № cell
such as "12. "; a municipality heading is a row of one merged cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SEQ_CELL = re.compile(r"^\s*\d+\s*\.?\s*$")


@dataclass(frozen=True)
class SeedTable:
    """The seed report as parsed: title lines, header cells and body rows (1 or N cells each)."""

    title_lines: tuple[str, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _split_cells(lines: list[str]) -> list[list[str]]:
    """Group table lines into cells: a tab opens a cell, other lines continue the open one."""
    cells: list[list[str]] = []
    for line in lines:
        if line.startswith("\t"):
            cells.append([line[1:]])
        elif cells:
            cells[-1].append(line)
        else:
            raise ValueError(f"text before the first cell: {line!r}")
    return cells


def _drop_row_terminator(cell: list[str]) -> list[str]:
    """Remove the one blank line the renderer writes after every table row."""
    return cell[:-1] if len(cell) > 1 and cell[-1] == "" else cell


def _group_rows(cells: list[list[str]], width: int) -> list[list[list[str]]]:
    """Cut the cell stream into rows: a № cell opens a `width`-cell row, any other cell is a heading."""
    rows: list[list[list[str]]] = [cells[:width]]
    i = width
    while i < len(cells):
        size = width if SEQ_CELL.match("\n".join(cells[i]).strip() or "x") else 1
        if i + size > len(cells):
            raise ValueError(f"row at cell {i} needs {size} cells, only {len(cells) - i} left")
        rows.append(cells[i : i + size])
        i += size
    return rows


def parse_seed(text: str, width: int = 6) -> SeedTable:
    """Parse the seed text: lines before the first cell are the title, then header and body rows."""
    lines = text.rstrip("\n").split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("\t"))
    title = lines[:first]
    while title and not title[-1].strip():
        title.pop()
    rows = _group_rows(_split_cells(lines[first:]), width)
    joined = [
        tuple("\n".join(_drop_row_terminator(c) if k == len(row) - 1 else c) for k, c in enumerate(row))
        for row in rows
    ]
    return SeedTable(title_lines=tuple(title), header=joined[0], rows=tuple(joined[1:]))
