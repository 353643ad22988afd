"""Where a table's header is and what it says: title rows skipped, two-level headers flattened."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from muniflow.interpret.columns import map_columns
from muniflow.interpret.combined import split_date_place
from muniflow.interpret.reading import ColumnMatch
from muniflow.model import Cell
from muniflow.normalize.dates import EXACT, parse_dates
from muniflow.normalize.text import fold, seq_number

# Columns without which a table is not an events table.
REQUIRED = ("title", "date_text")
# The header is looked for among this many first rows of a table.
SEARCH_ROWS = 8
# A header spans at most this many rows (a group row over sub-columns, and one more level).
MAX_HEADER_ROWS = 3
# A cell this short that reads as a full date is a date cell.
DATE_CELL_MAX_CHARS = 40
# A sub-header cell is a short label, not an event's text.
SUBHEADER_MAX_CHARS = 60


@dataclass(frozen=True)
class HeaderFound:
    """The header rows of a table, their flattened texts and the column matches."""

    start: int  # 0-based position in the grid (0 = the reader's header row)
    stop: int  # position after the last header row
    labels: tuple[str, ...]
    matches: tuple[ColumnMatch, ...]
    unmapped: tuple[int, ...]

    @property
    def columns(self) -> set[str]:
        return {m.column for m in self.matches}

    @property
    def rank(self) -> tuple[int, int, float]:
        """Better headers first: required columns, columns found, match quality."""
        required = sum(c in self.columns for c in REQUIRED)
        return (required, len(self.columns), sum(m.score for m in self.matches))


def _text(cell: Cell) -> str:
    return fold(cell or "")


def is_column_numbers(cells: Sequence[Cell]) -> bool:
    """A row of column numbers (1 2 3 …), as many templates put above or under the header."""
    texts = [_text(c).rstrip(".") for c in cells if c is not None and _text(c)]
    return len(texts) > 2 and texts == [str(i) for i in range(1, len(texts) + 1)]


def _skippable(cells: Sequence[Cell]) -> bool:
    """Rows that cannot start a header: empty, a title spanning the table, column numbers."""
    filled = [c for c in cells if _text(c)]
    return len(filled) <= 1 or is_column_numbers(cells)


def _group_starts(top: Sequence[str], below: Sequence[str], j: int) -> bool:
    """Whether the header cell `j` is a group spanning the columns after it: blank over a label."""
    return bool(top[j]) and j + 1 < len(top) and not top[j + 1] and j + 1 < len(below) and bool(below[j + 1])


def _goes_on(top: Sequence[str], below: Sequence[str], j: int) -> bool:
    """Whether the text under header cell `j` is that cell's own text going on, not a sub-label: the
    cell spans no columns and the text opens in lower case («Участники» over «мероприятия (общее
    количество, …)»: a scan's rule under a group's labels parts the cells merged down beside it).
    It is flattened as a sub-label is («Участники: мероприятия …»): a word OCR split at the rule
    («Наименовани» over «е муниципального района») still names its column by the part below."""
    text = below[j] if j < len(below) else ""
    return bool(top[j]) and bool(text) and not _group_starts(top, below, j) and text[:1].islower()


def _is_subheader(top: Sequence[Cell], below: Sequence[Cell]) -> bool:
    """Whether `below` continues the header `top`: labels under a group cell that spans columns
    (short), and beside them the rest of header cells merged down, in lower case (of any length)."""
    if _skippable(below):
        return False
    texts = [_text(c) for c in below]
    heads = [_text(c) for c in top]
    if any(seq_number(t) is not None for t in texts if t) or _dated(below):
        return False
    if any(len(t) > SUBHEADER_MAX_CHARS and not _goes_on(heads, texts, j) for j, t in enumerate(texts)):
        return False
    # A group cell spans columns: the top row is blank over at least one labelled column below.
    return any(not _text(t) and b for t, b in zip(top, texts, strict=False))


def _flatten_pair(top: Sequence[str], below: Sequence[Cell]) -> tuple[str, ...]:
    """The header `top` with one more row of sub-labels under it."""
    out = []
    group = ""
    for j, above in enumerate(top):
        here = _text(below[j]) if j < len(below) else ""
        if above:
            group = above
            out.append(f"{above}: {here}" if here and here != above else above)
        elif here:
            out.append(f"{group}: {here}" if group else here)
        else:
            out.append("")
    return tuple(out)


def _dated(cells: Sequence[Cell]) -> bool:
    """An event's row, not a header: it opens with a № («1», «2.») and is no row of column numbers,
    or holds a cell that is a full date («2 мая 2024 г.», «12.05.2024»), alone or by a place
    («с. Н, школа № 2, с 2 по 5 июня 2024 года»); a header names its date column, it writes none."""
    filled = [_text(c) for c in cells if _text(c)]
    if filled and seq_number(filled[0]) is not None and not is_column_numbers(cells):
        return True
    return any(_full_date(text) for text in filled)


def _full_date(text: str) -> bool:
    if len(text) <= DATE_CELL_MAX_CHARS and parse_dates(text, None).form == EXACT:
        return True
    split = split_date_place(text, None)
    return split is not None and parse_dates(split[0], None).form == EXACT


def find_header(
    grid: Sequence[Sequence[Cell]],
    synonyms: Mapping[str, Sequence[str]],
    combined: Sequence[Mapping[str, object]] = (),
) -> HeaderFound | None:
    """The best header among the first rows of a table, or None when no row names any column."""
    best: HeaderFound | None = None
    for start in range(min(len(grid), SEARCH_ROWS)):
        if _skippable(grid[start]) or _dated(grid[start]):
            continue
        labels = tuple(_text(c) for c in grid[start])
        stop = start + 1
        while stop < len(grid) and stop - start < MAX_HEADER_ROWS and _is_subheader(labels, grid[stop]):
            labels = _flatten_pair(labels, grid[stop])
            stop += 1
        matches, unmapped = map_columns(labels, synonyms, combined)
        if not matches:
            continue
        found = HeaderFound(start, stop, labels, matches, unmapped)
        if best is None or found.rank > best.rank:
            best = found
    return best
