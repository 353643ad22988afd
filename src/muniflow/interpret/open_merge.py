"""A date or place merged down over two events in a table drawn without rules, its text at the
merge's top: nothing drawn shows the merge, the rows under its first read an empty cell there."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from muniflow.interpret.reading import ColumnMatch
from muniflow.model import RawRow
from muniflow.normalize.text import fold

# The fields a cell merged down over several events holds: one date or one place for two events
# (one date and place where a column holds both). An event's goal, result or participants left
# empty is common, a merge of them is not.
SHARED_FIELDS = frozenset({"place", "date_text"})


def _shared_columns(matches: Sequence[ColumnMatch]) -> frozenset[int]:
    """The grid columns that hold only dates and places (not a title and place in one cell)."""
    fields: dict[int, set[str]] = {}
    for m in matches:
        fields.setdefault(m.index, set()).add(m.column)
    return frozenset(i for i, held in fields.items() if held <= SHARED_FIELDS)


def _text(row: RawRow, index: int) -> str:
    return fold(row.cells[index] or "") if index < len(row.cells) else ""


def open_merged(raw: RawRow, above: RawRow | None, matches: Sequence[ColumnMatch]) -> RawRow:
    """The row with each empty date or place cell that nothing drawn parts from the cell above
    (`RawRow.open_above`) taken as that cell merged down over it: its text is the row above's.
    Only between two events, each with its title (not under a heading, not the rest of a row a
    page end cut)."""
    if not raw.open_above or above is None:
        return raw
    titles = [m.index for m in matches if m.column == "title"]
    if not titles or not _text(raw, titles[0]) or not _text(above, titles[0]):
        return raw
    shared = _shared_columns(matches) & raw.open_above
    taken = {i for i in shared if not _text(raw, i) and _text(above, i)}
    if not taken:
        return raw
    cells = tuple(above.cells[i] if i in taken else c for i, c in enumerate(raw.cells))
    return replace(raw, cells=cells)
