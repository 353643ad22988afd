"""The notes a document's reading leaves for the analyst: columns read by content alone, columns
and days left unread, an addendum, a part of the quarter, events not held."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from muniflow.interpret.month_days import CONTRACT_KEY as MONTH_DAYS_KEY
from muniflow.interpret.month_days import days_beside_month
from muniflow.interpret.nil import (
    is_placeholder,
)
from muniflow.interpret.period import (
    PART,
    PeriodFound,
)
from muniflow.interpret.reading import (
    CONTENT,
)
from muniflow.interpret.row_fields import filled_cells
from muniflow.interpret.tables import (
    ChosenTable,
)
from muniflow.model import Period
from muniflow.normalize.text import fold


def content_note(chosen: Sequence[ChosenTable]) -> tuple[str, ...]:
    """One note naming the tables no header names a column of, every column typed by its cells
    alone (`headerless.headerless`), each column with what its cells showed: a reading the
    reviewer checks, since one field's cells can show another's (events named after a visit to a
    town read as places, places as municipalities); none when every table has a header."""
    typed = [
        t for t in chosen if not t.continues and t.matches and all(m.evidence == CONTENT for m in t.matches)
    ]
    if not typed:
        return ()
    shown = "; ".join(
        f"{t.table.locator}: "
        + ", ".join(f"column {m.index + 1} -> {m.column} ({m.matched})" for m in t.matches)
        for t in typed
    )
    return (
        f"no header names the columns, each was typed by its cells alone ({shown}); check that the "
        "fields hold what their names say (`muniflow inspect`); where the header is there but not "
        "read, add its wording to headerSynonyms in contracts/events.odcs.yaml and run "
        "`muniflow reprocess`",
    )


def unread_columns(chosen: Sequence[ChosenTable]) -> dict[str, int]:
    """Header labels of columns tied to no field whose event rows hold text (not dashes), with
    how many rows do: text a report holds that no field keeps."""
    unread: dict[str, int] = {}
    for table in chosen:
        mapped = {m.index for m in table.matches}
        header = table.reading.header
        for index, label in enumerate(header):
            if index in mapped or not fold(label):
                continue
            filled = sum(
                1
                for raw in table.body
                if index < len(raw.cells)
                and len(filled_cells(raw)) > 1  # not a heading row
                and not is_placeholder(raw.cells[index] or "")
            )
            if filled:
                key = fold(label)
                unread[key] = unread.get(key, 0) + filled
    return unread


def unread_days(chosen: Sequence[ChosenTable]) -> frozenset[str]:
    """Header labels of unread columns of day numbers beside a month column (month_days)."""
    return frozenset(
        fold(label)
        for table in chosen
        for index, label in enumerate(table.reading.header)
        if index not in {m.index for m in table.matches}
        and days_beside_month(table.matches, table.body, index, table.reading.header) is not None
    )


def addendum_note(line: str | None) -> tuple[str, ...]:
    """The note on an addendum: its events add to its municipalities' report, replacing none."""
    if line is None:
        return ()
    shown = line if len(line) <= 90 else line[:88].rstrip() + "…"
    return (
        f"an addendum («{shown}»): its events add to its municipalities' report of the quarter, "
        "replacing none (a report sent whole again replaces both)",
    )


def part_note(found: PeriodFound, period: Period | None) -> tuple[str, ...]:
    """The note on a report for part of a quarter («за май 2025 года»): loaded under the quarter, it
    adds to the quarter's report of its municipalities instead of replacing it."""
    if found.kind != PART or period is None:
        return ()
    return (
        f"the title names part of {period.label} («{found.text}»): loaded under {period.label}, its events "
        "add to the quarter's report of its municipalities (a report for the whole quarter replaces both)",
    )


def not_held_note(skipped: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The note on rows skipped under a heading of events not held, one a heading."""
    return tuple(
        f"{len(rows)} row(s) under the heading «{heading}» not read as events: it says they were "
        f"planned, postponed or cancelled, not held ({', '.join(rows)})"
        for heading, rows in skipped.items()
    )


def unread_note(unread: dict[str, int], days: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """One note naming every unread column that holds text; none when there is none. A column of
    days beside a month column is the date's other half: its header word belongs to the month-days
    vocabulary, not to the date's headerSynonyms (there it would read as a range's end)."""
    notes = []
    other = {label: n for label, n in unread.items() if label not in days}
    if other:
        named = ", ".join(f"«{label}» (text in {n} row{'' if n == 1 else 's'})" for label, n in other.items())
        notes.append(
            f"columns not read though their rows hold text: {named}; if one belongs to a field, add its "
            "wording to headerSynonyms in contracts/events.odcs.yaml and run `muniflow reprocess`"
        )
    held = [label for label in unread if label in days]
    if held:
        named = ", ".join(f"«{label}»" for label in held)
        notes.append(
            f"columns of day numbers beside a month column not read: {named}; to read each as the days "
            f"of the month beside it, add its header word to `days` of {MONTH_DAYS_KEY} and run "
            "`muniflow reprocess`"
        )
    return tuple(notes)
