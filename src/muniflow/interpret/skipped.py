"""A table skipped though its rows read like events: said on the report, never dropped in silence.

A scan's table read with a column too many or too few (a stroke taken for a column line, a side
rule lost), or a table whose header is not known, is skipped as «not an events table» while
another table of the file is read: the report loads with the rows of that one only, and the rows
skipped are missing without a word. A skipped table whose rows hold a date, and a row number or
several cells of text, is named in a note on the report (`reports.message`), so the analyst looks
at the file."""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Iterator, Sequence

from muniflow.interpret.reading import TableReading
from muniflow.model import Cell, Period, RawTable
from muniflow.normalize.dates import parse_dates
from muniflow.normalize.text import fold, seq_number

NOT_EVENTS = "not an events table"  # the reason a table with no header for an event's columns is skipped
# The reason of a table whose heading says its events were not held (a plan): no header advice fits it.
NOT_HELD_REASON = "says its events were planned, postponed or cancelled, not held"
# A whole date written in figures, in a cell that may hold more (a column merged with the next).
_NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,2}\.\d{1,2}\.\d{4}(?!\d)")
FILLED_MIN = 4  # cells of text an unnumbered event's row holds at least (title, place, dates, more)


def skipped_events_note(
    tables: Sequence[RawTable], readings: Sequence[TableReading], period: Period | None
) -> tuple[str, ...]:
    """One note naming the skipped tables whose rows read like events, with how many; none when no
    table was skipped so."""
    found = []
    for reading, table in _skipped(tables, readings):
        if not reading.reason.startswith(NOT_EVENTS):
            continue
        rows = (table.header, *(r.cells for r in table.rows))
        count = sum(1 for cells in rows if _event_like(cells, period))
        if count:
            found.append(_named(reading, count))
    if not found:
        return ()
    return (
        f"tables skipped though their rows read like events (a date, a number or text in several "
        f"cells): {', '.join(found)}; their rows were not loaded: check the file (`muniflow inspect "
        "FILE` shows why each table was skipped)",
    )


def not_held_tables_note(tables: Sequence[RawTable], readings: Sequence[TableReading]) -> tuple[str, ...]:
    """One note naming the tables skipped because the text above them says their events were not
    held, with their rows: where that text was no heading of theirs (a remark or footnote above
    a table going on), rows would be missing without a word."""
    found = [
        _named(reading, count)
        for reading, table in _skipped(tables, readings)
        if NOT_HELD_REASON in reading.reason
        and (count := sum(1 for r in table.rows if any(c and fold(c) for c in r.cells)))
    ]
    if not found:
        return ()
    return (
        f"tables not loaded as the text above them says their events were not held: {', '.join(found)}; "
        "if they were held, check the file (`muniflow inspect FILE` quotes that text)",
    )


def _skipped(
    tables: Sequence[RawTable], readings: Sequence[TableReading]
) -> Iterator[tuple[TableReading, RawTable]]:
    """Each skipped table's reading with its table (a scan's page may hold two of one locator:
    the readings follow their order)."""
    by_locator: dict[str, deque[RawTable]] = defaultdict(deque)
    for each in tables:
        by_locator[each.locator].append(each)
    for reading in readings:
        same = by_locator.get(reading.locator)
        table = same.popleft() if same else None
        if not reading.chosen and table is not None:
            yield reading, table


def _named(reading: TableReading, count: int) -> str:
    under = f" under «{fold(reading.municipality)}»" if reading.municipality else ""
    return f"{reading.locator}{under} ({count} row{'' if count == 1 else 's'})"


def _event_like(cells: Sequence[Cell], period: Period | None) -> bool:
    """A row with a date cell and a row number first, or with a date and text in several cells."""
    filled = [fold(c) for c in cells if c and fold(c)]
    if len(filled) < 2 or not any(_NUMERIC_DATE.search(c) or parse_dates(c, period).start for c in filled):
        return False
    return seq_number(filled[0]) is not None or len(filled) >= FILLED_MIN
