"""Why a document's tables give no events table, told to the user: the unknown_layout message (the
closest header seen, the contract key to edit, a list of people, a plan's table, a scan's misread
header), and a document whose tables are only a letterhead's or a signature's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from muniflow.interpret.columns import CONTRACT_KEY, map_columns
from muniflow.interpret.nil import letter_sized, letter_table_lines, municipality_in_text
from muniflow.interpret.people import PEOPLE_REASON
from muniflow.interpret.reading import TableReading
from muniflow.interpret.skipped import NOT_HELD_REASON
from muniflow.model import RawTable


def refusal_message(readings: Sequence[TableReading], scanned: bool = False) -> str:
    """The unknown_layout message: the closest header seen, the contract key to edit, `inspect`; a
    list of people (the document's only table like an events table) is said to be one. A `scanned`
    file's header was read by OCR, likely misread: a better scan or the document itself comes first."""
    people = next((r for r in readings if r.reason.startswith(PEOPLE_REASON)), None)
    if people is not None:
        return (
            f"no events table: {people.locator} is {people.reason} (header [{people.closest}]); a "
            "report lists events, one a row: if the events are in another file, send that one"
        )
    best = max(readings, key=lambda r: r.reason.count(",") if "found" in r.reason else -1, default=None)
    closest = best.closest if best is not None else ""
    why = best.reason if best is not None else "no table"
    if NOT_HELD_REASON in why:
        return (
            f"no events table: {why} (its header [{closest}]). muniflow loads the events held in a "
            "quarter, not a plan's: if they were held, send the report of them, or correct the heading "
            "if it names them wrongly; if the file is a plan, nothing to do"
        )
    if scanned:
        return (
            f"no events table: {why}; the closest header seen, as OCR read it, is [{closest}]. If the "
            "file is a report of events, its header was likely misread: scan it again at 300 dpi in "
            "grey, straight and whole, or ask for the document itself (.docx, a text PDF); only if a "
            f"clean scan's header is still not read, add its wording to {CONTRACT_KEY} (`muniflow "
            "inspect FILE` shows how the file was read); if it is another document, nothing to do"
        )
    return (
        f"no events table: {why}; the closest header seen is [{closest}]. If the file is a report of "
        f"events, its header's wording is not known: add it to {CONTRACT_KEY} (`muniflow inspect FILE` "
        "shows how the file was read); if it is another document (a letter, a regulation), nothing to do"
    )


# The columns of an event a table's row may name by the header synonyms: one named makes the table
# no letterhead's or signature's.
_EVENT_COLUMNS = frozenset({"title", "date_text", "place"})


def letter_tables_only(tables: Sequence[RawTable], synonyms: Mapping[str, Sequence[str]]) -> bool:
    """Every table is a letterhead's or a signature's laid out as a table: a few rows
    (`letter_sized`) naming no event's column by the header synonyms, either one row of
    blocks side by side (no row under it, so no records) or naming its sender («Администрация …
    района», «Глава … района»); a small table of other data keeps the header advice."""
    for table in tables:
        if not letter_sized(table):
            return False
        rows = (table.header, *(row.cells for row in table.rows))
        for cells in rows:
            matches, _ = map_columns([c or "" for c in cells], synonyms)
            if any(m.column in _EVENT_COLUMNS for m in matches):
                return False
        if table.rows and not municipality_in_text("\n".join(letter_table_lines(table))):
            return False
    return bool(tables)


# What a letter's text is read by, and what to do when it is not: the end of a letter's refusal.
LETTER_TEXT_UNREAD = (
    "its text lists no events as muniflow reads them in a letter: numbered, bulleted or date-led "
    "items, items naming their parts by labels («Дата проведения: …»), or sentences opening with an "
    "event's dates or telling of it by a verb in the past («12 мая 2025 г. в г. … состоялся фестиваль "
    "«…»»). Check the letter's text (`muniflow inspect FILE` shows how it was read): if it reports "
    "events, send them as a table or as such items; if it is another document (a plan, an "
    "invitation, a covering letter), nothing to do"
)
# The unknown_layout message of a letter: it has no header to name, its text is what was read.
LETTER_REFUSAL = (
    "no events table or list of events: the document's tables are only a letterhead's or a "
    f"signature's, and {LETTER_TEXT_UNREAD}"
)
