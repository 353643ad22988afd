"""Transposed tables: a report whose events are columns and whose labels are rows
(«Наименование мероприятия | event 1 | event 2 | …», «Дата проведения | date 1 | date 2 | …»).

`as_events` turns such a table into the usual shape: one table whose header is the labels of its
first column and whose rows are its other columns, so the rest of the interpretation reads it as
any events table. The labels are known by the header synonyms of the contract (`map_columns` on
all of them together, as on a header row), never by their wording here. A table is transposed only
when its first column names the event and its dates and at least one more column, each label
once, and most columns name their event in words; like cards, it is tried only when no table
reads as an events table. A value merged over two event columns (one place for both) is each
event's. A table too wide for its page, continued under itself with its labels repeated, is read
block after block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import replace

from muniflow.interpret.columns import map_columns
from muniflow.model import RawDocument, RawRow, RawTable
from muniflow.normalize.text import fold

# The column a transposed table's labels must name: without the event's name the table is
# something else (a summary of figures by year, a list of contacts). Its dates may be named by a
# label the contract does not know, and found by their content like an unnamed column's.
NEEDED = frozenset({"title"})
# A first row naming these is a header: the table is one of rows.
HEADER = frozenset({"title", "date_text"})
# Labels the first column holds at the least: the event's name, its dates, and one more.
MIN_LABELS = 3
# A label column and two events at the least: one event beside its labels is a card.
MIN_GRID = 3
_WORD = re.compile(r"[^\W\d_]{3}")


def turned(
    doc: RawDocument, synonyms: Mapping[str, Sequence[str]], combined: Sequence[Mapping[str, object]]
) -> RawDocument:
    """The document with each transposed table turned into an events table (itself when none is).
    A table of one event (a label and a value column) with the labels of a transposed table of the
    document is turned too: a section of one event beside sections of several."""
    tables = [as_events(table, synonyms, combined) for table in doc.tables]
    if all(t is None for t in tables):
        return doc
    known = {t.header for t in tables if t is not None}
    tables = [
        t or (as_events(table, synonyms, combined, known) if len(table.header) == 2 else None)
        for t, table in zip(tables, doc.tables, strict=True)
    ]
    return replace(doc, tables=tuple(t or table for t, table in zip(tables, doc.tables, strict=True)))


def as_events(
    table: RawTable,
    synonyms: Mapping[str, Sequence[str]],
    combined: Sequence[Mapping[str, object]],
    known: Set[tuple[str, ...]] = frozenset(),
) -> RawTable | None:
    """One events table from a transposed table; None when the table is not one. A table of one
    event is one when its labels are among `known` (those of the document's transposed tables)."""
    if len(table.header) < (2 if known else MIN_GRID):
        return None
    header, _ = map_columns([c or "" for c in table.header], synonyms, combined)
    if {m.column for m in header} >= HEADER:
        return None  # a header naming the event and its dates: a table of rows
    # A row merged across the table (a heading) is no label of the events.
    grid = [_filled(cells) for cells in (table.header, *(row.cells for row in table.rows)) if any(cells[1:])]
    lines = _lines(grid)
    blocks = _blocks(lines)
    if blocks is None:
        return None
    labels = [label for label, _ in blocks[0]]
    if len(labels) < MIN_LABELS or (known and tuple(labels) not in known):
        return None
    matches, _ = map_columns(labels, synonyms, combined)
    named = {m.column for m in matches}
    if not named >= NEEDED or len({m.index for m in matches}) < MIN_LABELS:
        return None
    titles = {m.index for m in matches if m.column == "title"}
    events = {
        (b, j): tuple(fold(values[j]) for _, values in block)
        for b, block in enumerate(blocks)
        for j in range(len(table.header) - 1)
        if any(fold(values[j]) for _, values in block)
    }
    worded = sum(any(_WORD.search(event[i]) for i in titles) for event in events.values())
    if len(events) < (1 if known else 2) or worded * 2 < len(events):
        return None
    rows = tuple(
        RawRow(
            event, f"{table.locator}, " + (f"block {b + 1}, " if len(blocks) > 1 else "") + f"column {j + 2}"
        )
        for (b, j), event in events.items()
    )
    return RawTable(tuple(labels), rows, table.locator, table.caption, table.sheet)


def _lines(grid: Sequence[Sequence[str]]) -> list[tuple[str, list[str]]]:
    """(label, values) of each row holding values. A row whose label is empty or opens in lower
    case (signs before its first letter aside: «(очно или онлайн)») goes on the row above: a PDF
    page cut that row («Форма и» | «наименование»), or a label's line wrapped into a row of its
    own. Each cell's text goes on its own, a word the cut split made whole again."""
    # imported here: the readers' package loads pdfplumber and python-docx, which interpreting
    # needs not (importing `muniflow.interpret` took 0.53 s with it at the top, 0.16 s without)
    from muniflow.readers.wordjoin import rejoin_lines

    lines: list[tuple[str, list[str]]] = []
    for cells in grid:
        label, values = fold(cells[0]), list(cells[1:])
        if not any(map(fold, values)):
            continue
        if lines and (not label or _opens_lower(label)):
            above, ups = lines[-1]
            joined = [
                rejoin_lines(f"{up}\n{down}") if up and down else up or down
                for up, down in zip(ups, values, strict=False)
            ]
            lines[-1] = (f"{above} {label}".strip(), joined)
        elif label:
            lines.append((label, values))
    return lines


def _opens_lower(label: str) -> bool:
    """Whether a label opens in lower case, a bracket or a sign before its first letter aside; a
    number or «№» opens none."""
    first = next((c for c in label if c.isalnum() or c == "№"), "")
    return first.islower()


def _blocks(lines: list[tuple[str, list[str]]]) -> list[list[tuple[str, list[str]]]] | None:
    """The lines in blocks of the same labels in the same order (a table too wide for its page,
    continued under itself, or a PDF's pages stitched into one); None when a label repeats out of
    that order."""
    if not lines:
        return None
    first = lines[0][0]
    blocks: list[list[tuple[str, list[str]]]] = []
    for line in lines:
        if line[0] == first or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    labels = [label for label, _ in blocks[0]]
    if len(set(labels)) != len(labels) or any([label for label, _ in b] != labels for b in blocks):
        return None
    return blocks


def _filled(cells: Sequence[str | None]) -> list[str]:
    """A row's cells, a cell merged with the one before it (None) given that one's text."""
    out: list[str] = []
    for cell in cells:
        out.append(out[-1] if cell is None and out else cell or "")
    return out
