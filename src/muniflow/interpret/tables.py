"""Which tables of a document are events tables, where their headers are, what their columns hold.

Every table is scored by its header. A table whose header names the title and the dates is an
events table, unless its heading says its events were planned or called off (interpret/not_held.py);
one whose header names at least MIN_COLUMNS columns but misses a required one has that column typed
by its cells (content: interpret.column_content, interpret.headerless). A table without a header
as wide as the events table before it continues that table (or the table of events not held before
it, skipped with it). Anything else is skipped, with the header that came closest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from muniflow.contracts import header_synonyms
from muniflow.interpret.column_content import infer_required, typed_by_content
from muniflow.interpret.header_rows import REQUIRED, HeaderFound, find_header
from muniflow.interpret.header_words import lemma, words
from muniflow.interpret.headerless import headerless
from muniflow.interpret.muni_places import municipality_as_place
from muniflow.interpret.muni_vocabulary import vocabulary as muni_vocabulary
from muniflow.interpret.municipality import place_name
from muniflow.interpret.nil import municipality_in_text
from muniflow.interpret.not_held import not_held_heading
from muniflow.interpret.people import PEOPLE_REASON, people_list
from muniflow.interpret.reading import CONTENT, ColumnMatch, TableReading
from muniflow.interpret.sections import caption_municipality, caption_name, region_body
from muniflow.interpret.skipped import NOT_EVENTS, NOT_HELD_REASON
from muniflow.interpret.title_column import title_by_content
from muniflow.model import Cell, Period, RawRow, RawTable
from muniflow.normalize.dates import parse_dates
from muniflow.normalize.text import fold, seq_number

# A header naming this many columns makes a table an events table even if a required one is
# typed by content.
MIN_COLUMNS = 3


@dataclass(frozen=True)
class ChosenTable:
    """An events table: its body rows, its column matches and what was decided."""

    table: RawTable
    body: tuple[RawRow, ...]
    matches: tuple[ColumnMatch, ...]
    header_cells: tuple[str, ...]  # the first header row as written (to drop it when repeated)
    reading: TableReading
    # Text of the rows above the header (a title row typed inside the table), lines kept.
    above: str = ""
    continues: bool = False  # no header of its own: the table before going on (over a page's end)


def _grid(table: RawTable) -> list[tuple[Cell, ...]]:
    return [tuple(table.header), *(row.cells for row in table.rows)]


def _rows(table: RawTable) -> list[RawRow]:
    head = RawRow(tuple(table.header), f"{table.locator}, row 1")
    return [head, *table.rows]


def _caption_region(caption: str) -> str:
    """The region whose own body the caption's last line names (sections.region_body): a region's
    report giving its ministries' events a table of their own among its municipalities'."""
    lines = [x for x in caption.splitlines() if fold(x)]
    return (region_body(lines[-1]) or "") if lines else ""


def _header_municipality(found: HeaderFound) -> str:
    """The municipality the table's own header names in the № or the title column's cell, where
    an office typed its name there instead of a heading («Город Энск» over the numbers,
    «Наименование мероприятия (Н-ский район)»); '' when none or several are named. Other columns'
    cells name places of events («Место проведения (г. Энск)»), no municipality of the table."""
    names = set()
    header_words = {
        lemma(w) for c in ("title", "seq_no") for s in header_synonyms().get(c, ()) for w in words(s)
    }
    kinds = {w.replace("ё", "е") for w in muni_vocabulary().kind_words}
    for i, label in enumerate(found.labels):
        feeds = {m.column for m in found.matches if m.index == i}
        name = municipality_in_text(label) if not feeds - {"title", "seq_no"} else ""
        if not name:
            continue
        # the cell says nothing but the header's own words and the name («… с участием делегаций
        # г. Н» names guests, not the table's municipality)
        stems = {w[:_STEM] for w in words(name)}
        rest = [
            w
            for w in words(label)
            if len(w) > _ABBREVIATION_LETTERS
            and w[:_STEM] not in stems
            and lemma(w) not in header_words | kinds
        ]
        if not rest:
            names.add(name)
    return names.pop() if len(names) == 1 else ""


# A word of a name in another case begins as the name does («Энска», «Энск»).
_STEM = 4


# A kind's abbreviation left beside a name once its words are taken out («г.», «р-н»).
_ABBREVIATION_LETTERS = 3


def _sheet_municipality(table: RawTable) -> str | None:
    """The municipality the name of the table's spreadsheet sheet is: «Духовщинский район», or a
    place's own name alone («Духовщина»)."""
    return (caption_municipality(table.sheet) or place_name(table.sheet)) if table.sheet else None


def _shown(labels: Sequence[str]) -> str:
    return " | ".join(fold(t) for t in labels)


def choose_tables(
    tables: Sequence[RawTable],
    synonyms: Mapping[str, Sequence[str]],
    combined: Sequence[Mapping[str, object]],
    period: Period | None,
    untitled: bool = False,
) -> tuple[list[ChosenTable], list[TableReading]]:
    """The events tables of a document in order, and the reading of every table. With `untitled`
    (no table of the document has a header), a table with no header that continues none before it
    is an events table when its cells alone show its columns (headerless.headerless)."""
    chosen: list[ChosenTable] = []
    readings: list[TableReading] = []
    not_held: str | None = None  # the heading of a table of events not held since the last chosen
    people: str | None = None  # the person column of a list of people since the last chosen
    for k, table in enumerate(tables):
        rows = _rows(table)
        found = find_header(_grid(table), synonyms, combined)
        caption = table.caption
        municipality = caption_municipality(caption) or caption_name(caption) or _caption_region(caption)
        previous = chosen[-1] if chosen else None
        named = found is not None and all(c in found.columns for c in REQUIRED)
        if found is not None and not named and len(found.columns) >= MIN_COLUMNS:
            matches = infer_required(found, rows[found.stop :], period)
            if all(c in {m.column for m in matches} for c in REQUIRED):
                found = replace(found, matches=matches)
                named = True
        if (
            found is not None
            and not named
            and previous is not None
            and found.labels == previous.reading.header
        ):
            # the header of the table before repeated (a page's top, a section's): its columns are
            # that table's, though this part's cells alone may not show them (days without a month)
            found = replace(found, matches=previous.matches)
            named = True
        if found is not None and named:
            below = rows[found.stop :]
            found = title_by_content(found, below, synonyms)
            found = typed_by_content(municipality_as_place(found, below), below, period)
        if found is not None and named and _continues(previous, table, found, rows, period):
            found = None  # a body row of the table going on, taken for a header by its words
        if untitled and not (found is not None and named) and not _as_wide(previous, table):
            typed = headerless(rows, period, _as_wide_after(tables, k))
            if typed is not None:
                found, named = typed, True
        if found is not None and named:
            above = "\n".join(c for row in rows[: found.start] for c in row.cells if c and fold(c))
            planned = not_held_heading(table.caption, above)
            if planned is not None:
                readings.append(_not_held(table, planned, _shown(found.labels), municipality))
                not_held, people = planned, None
                continue
            person = people_list(found, rows[found.stop :], table.caption, above)
            if person is not None:
                readings.append(_people(table, person, _shown(found.labels), municipality))
                not_held, people = None, person
                continue
            not_held = people = None
            # a municipality's name typed as the table's own first row, above its header, or the
            # name of its sheet
            municipality = (
                municipality
                or caption_municipality(above)
                or _sheet_municipality(table)
                or _header_municipality(found)
                or ""
            )
            header_rows = tuple(range(found.start + 1, found.stop + 1))
            inferred = any(m.evidence == CONTENT for m in found.matches)
            names = sorted({m.column for m in found.matches if m.evidence != CONTENT})
            reason = "its header names " + ", ".join(names) if names else "no header names its columns"
            if inferred:
                reason += (
                    "; "
                    + ", ".join(m.column for m in found.matches if m.evidence == CONTENT)
                    + " typed by content"
                )
            continues = previous is not None and previous.reading.header == found.labels
            if continues:
                reason += f"; same header as {chosen[-1].table.locator}: the table continues"
            unmapped = tuple(
                found.labels[i] for i in found.unmapped if i not in {m.index for m in found.matches}
            )
            reading = TableReading(
                table.locator, True, reason, header_rows, found.labels, found.matches, unmapped, municipality
            )
            chosen.append(
                ChosenTable(
                    table,
                    tuple(rows[found.stop :]),
                    found.matches,
                    tuple(fold(c or "") for c in rows[found.start].cells),
                    reading,
                    above,
                    continues=continues and not municipality,
                )
            )
            readings.append(reading)
            continue
        # as wide as the table before and no header of its own: that table going on (under a
        # municipality's heading only when it opens with a numbered row or with the rest of that
        # table's header a page break cut, not with a header unknown); the header's first lines
        # left above the break are no part of the heading above them
        as_wide = _as_wide(previous, table)
        if previous is not None and not municipality:
            municipality = caption_municipality(_without_header_rest(table.caption, previous)) or ""
        if previous is not None and not municipality and table.sheet != previous.table.sheet:
            municipality = _sheet_municipality(table) or ""
        rest = _leading_header_rest(rows, previous) if previous is not None else 0
        if previous is not None and as_wide and not_held is not None:
            readings.append(_not_held(table, not_held, _shown(table.header), municipality))
            continue  # the planned events' table going on
        if previous is not None and as_wide and people is not None:
            readings.append(_people(table, people, _shown(table.header), municipality))
            continue  # the list of people going on
        if previous is not None and as_wide and (not municipality or _opens_numbered(rows[rest:], previous)):
            reason = f"no header; as wide as {previous.table.locator}: its continuation"
            reading = TableReading(
                table.locator, True, reason, (), previous.reading.header, previous.matches, (), municipality
            )
            body = tuple(rows[rest:])
            chosen.append(
                ChosenTable(table, body, previous.matches, previous.header_cells, reading, continues=True)
            )
            readings.append(reading)
            continue
        closest = _shown(found.labels) if found is not None else _shown(table.header)
        names = sorted(found.columns) if found is not None else []
        missing = [c for c in REQUIRED if c not in names]
        reason = f"{NOT_EVENTS}: no column for {', '.join(missing)}" + (
            f" (found {', '.join(names)})" if names else ""
        )
        readings.append(
            TableReading(table.locator, False, reason, closest=closest, municipality=municipality)
        )
    return chosen, readings


def _as_wide_after(tables: Sequence[RawTable], k: int) -> list[RawRow]:
    """The rows of the tables right after table k as wide as it (a table per municipality)."""
    rows: list[RawRow] = []
    for table in tables[k + 1 :]:
        if len(table.header) != len(tables[k].header):
            break
        rows.extend(_rows(table))
    return rows


def _as_wide(previous: ChosenTable | None, table: RawTable) -> bool:
    return previous is not None and len(table.header) == len(previous.table.header)


def _not_held(table: RawTable, heading: str, closest: str, municipality: str) -> TableReading:
    reason = f"its heading «{fold(heading)}» {NOT_HELD_REASON}"
    return TableReading(table.locator, False, reason, closest=closest, municipality=municipality)


def _people(table: RawTable, column: str, closest: str, municipality: str) -> TableReading:
    reason = f"{PEOPLE_REASON}: its column «{fold(column)}» holds people's names"
    return TableReading(table.locator, False, reason, closest=closest, municipality=municipality)


def _header_rest(cells: Sequence[Cell | str], previous: ChosenTable) -> bool:
    """True when every word of `cells` is a piece of the header of the table before (its words as
    a narrow column or a page break cut them: «меропр», «ения»), and there is one."""
    spelt = "".join(_plain(label).replace(" ", "") for label in previous.reading.header)
    tokens = [t for c in cells for t in re.findall(r"[\w№]+", _plain(c or ""))]
    return bool(tokens) and all(t in spelt for t in tokens)


def _plain(text: str) -> str:
    return fold(text).lower().replace("ё", "е")


def _without_header_rest(caption: str, previous: ChosenTable) -> str:
    """The caption without its last lines that are pieces of the header of the table before."""
    lines = caption.splitlines()
    while lines and _header_rest([lines[-1]], previous):
        lines.pop()
    return "\n".join(lines)


def _leading_header_rest(rows: Sequence[RawRow], previous: ChosenTable) -> int:
    """How many of the first rows are pieces of the header of the table before (its rest a page
    break cut off, or its repeat mangled by turned labels)."""
    count = 0
    while count < len(rows) and _header_rest(rows[count].cells, previous):
        count += 1
    return count


def _opens_numbered(rows: Sequence[RawRow], previous: ChosenTable) -> bool:
    """True when the first row that is no heading (one filled cell: a month, a municipality) holds
    a number where the table before has its № column (named by its header, or, with no header
    naming it, its first column where most of its rows hold a row number)."""
    seq = next((m.index for m in previous.matches if m.column == "seq_no"), None)
    if seq is None and _numbered_first(previous.body):
        seq = 0
    for row in rows:
        if sum(1 for c in row.cells if c and fold(c)) <= 1:
            continue
        return seq is not None and seq < len(row.cells) and seq_number(row.cells[seq] or "") is not None
    return False


def _numbered_first(rows: Sequence[RawRow]) -> bool:
    """Whether most rows that are no heading hold a row number in their first column."""
    body = [row.cells for row in rows if sum(1 for c in row.cells if c and fold(c)) > 1]
    numbered = sum(1 for cells in body if cells and seq_number(cells[0] or "") is not None)
    return bool(body) and 2 * numbered > len(body)


def _continues(
    previous: ChosenTable | None,
    table: RawTable,
    found: HeaderFound,
    rows: Sequence[RawRow],
    period: Period | None,
) -> bool:
    """Whether a table as wide as the events table before it goes on with that table, though a
    header was found in it: its header rows hold a date, which no header does (an office split the
    table after its header, and an event's title names the words of a header: «…мероприятиях…»)."""
    if previous is None or len(table.header) != len(previous.table.header):
        return False
    if found.labels == previous.reading.header:
        return False  # the header repeated
    return any(
        parse_dates(cell, period).start is not None
        for row in rows[found.start : found.stop]
        for cell in row.cells
        if cell and fold(cell)
    )
