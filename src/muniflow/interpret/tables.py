"""Which tables of a document are events tables, where their headers are, what their columns hold.

Every table is scored by its header. A table whose header names the title and the dates is an
events table; one whose header names at least MIN_COLUMNS columns but misses a required one has
that column typed by its cells (content). A table without a header as wide as the events table
before it continues that table. Anything else is skipped, with the header that came closest.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from muniflow.interpret.columns import CONTRACT_KEY
from muniflow.interpret.header_rows import REQUIRED, HeaderFound, find_header
from muniflow.interpret.municipality import split_run_in_kinds
from muniflow.interpret.reading import CONTENT, ColumnMatch, TableReading
from muniflow.interpret.sections import caption_municipality, month_of
from muniflow.model import Cell, Period, RawRow, RawTable
from muniflow.normalize.dates import parse_dates
from muniflow.normalize.text import fold, seq_number

# A header naming this many columns makes a table an events table even if a required one is
# typed by content.
MIN_COLUMNS = 3
# Share of a column's filled cells that must parse as dates for it to be the date column.
DATE_SHARE = 0.6
# Share of a column's filled cells that must read as municipality names for it to be that column.
MUNICIPALITY_SHARE = 0.8
# A word a municipality's name holds in the singular («городов-побратимов» names no municipality).
_NAME_WORD = re.compile(
    r"(?<!\w)(?:район[а-я]?|округ[а-я]?|город[а-я]?|городск[а-я]+|поселени[а-я]|администраци[а-я]"
    r"|муниципальн[а-я]+|г\.|МО)(?![\w-])",
    re.IGNORECASE,
)
# A municipality's name is a few words («Администрация Сосновоборского муниципального округа»).
NAME_MAX_WORDS = 8
# Rows looked at when typing a column by its content.
SAMPLE_ROWS = 40


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


def _grid(table: RawTable) -> list[tuple[Cell, ...]]:
    return [tuple(table.header), *(row.cells for row in table.rows)]


def _rows(table: RawTable) -> list[RawRow]:
    head = RawRow(tuple(table.header), f"{table.locator}, row 1")
    return [head, *table.rows]


def _column_cells(body: Sequence[RawRow], index: int) -> list[str]:
    cells = []
    for row in body[:SAMPLE_ROWS]:
        text = row.cells[index] if index < len(row.cells) else None
        if text is not None and fold(text):
            cells.append(text)
    return cells


def _event_rows(body: Sequence[RawRow]) -> list[RawRow]:
    """Rows that read like events (three cells or more filled), not headings or notes."""
    return [r for r in body[:SAMPLE_ROWS] if sum(1 for c in r.cells if c is not None and fold(c)) >= 3]


def _numbering(numbers: Sequence[int]) -> bool:
    """A № run: each number one more than the one before, or 1 again (one run per section); a
    column of counts (5, 12, 30) is not one."""
    return bool(numbers) and all(b in (a + 1, 1) for a, b in itertools.pairwise(numbers))


def _seq_column(body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]) -> ColumnMatch | None:
    """The № column typed by content: in every event row a whole number, the numbers an ascending
    run or one run per section. Else (a scan whose columns came from gutters merges some of an
    event's cells, so it has fewer cells filled) the column's numbers in every row holding text
    besides, row of column numbers aside: an ascending run, in at least half the event rows, and
    the column holding no other text."""
    events = _event_rows(body)
    for i in free:
        numbers = [seq_number(c) for c in _column_cells(events, i)]
        run = [n for n in numbers if n is not None]
        if len(run) >= 2 and len(run) == len(numbers) and len(run) >= len(events) // 2 and _numbering(run):
            return ColumnMatch("seq_no", i, labels[i], CONTENT, "an ascending number run", 1.0)
    texted = [
        r
        for r in body[:SAMPLE_ROWS]
        if sum(1 for c in r.cells if c is not None and fold(c)) >= 2 and not _column_numbers(r.cells)
    ]
    for i in free:
        cells = [fold(c) for c in _column_cells(texted, i) if fold(c)]
        run = [n for n in (seq_number(c) for c in cells) if n is not None]
        if len(run) >= 2 and len(run) == len(cells) and len(run) >= len(events) // 2 and _numbering(run):
            return ColumnMatch("seq_no", i, labels[i], CONTENT, "an ascending number run", 1.0)
    return None


def _column_numbers(cells: Sequence[Cell]) -> bool:
    """A row of column numbers (1 2 3 …), its cells numbered left to right."""
    numbers = [seq_number(c or "") for c in cells if c is not None and fold(c)]
    return len(numbers) >= 3 and all(n is not None for n in numbers) and _numbering([n or 0 for n in numbers])


def _typed_by_content(found: HeaderFound, body: Sequence[RawRow]) -> HeaderFound:
    """An events table whose header names no № or no municipality column: an unmapped column whose
    cells hold the № run, or municipality names grouping the rows, is that column (its header
    being a mark or an abbreviation the vocabulary does not know)."""
    matches = list(found.matches)
    taken = {m.index for m in matches}
    free = [i for i in range(len(found.labels)) if i not in taken]
    if "seq_no" not in found.columns:
        seq = _seq_column(body, free, found.labels)
        if seq is not None:
            matches.append(seq)
            free.remove(seq.index)
    if "municipality" not in found.columns:
        muni = _municipality_column(body, free, found.labels)
        if muni is not None:
            matches.append(muni)
    if len(matches) == len(found.matches):
        return found
    return replace(found, matches=tuple(sorted(matches, key=lambda m: (m.index, m.column))))


def _reads_as_name(text: str) -> bool:
    """A cell that reads like a municipality's name: short, no digits or lists, municipal words
    (also where a line join ran a name into its kind: «Энскогорайона»)."""
    flat = split_run_in_kinds(fold(text))
    return (
        len(flat.split()) <= NAME_MAX_WORDS
        and not any(ch.isdigit() or ch in ",;" for ch in flat)
        and caption_municipality(flat) is not None
        and _NAME_WORD.search(flat) is not None
    )


def _municipality_column(
    body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]
) -> ColumnMatch | None:
    """The municipality column typed by content: every event row names one or lies under a merged
    cell naming it, most names read as municipalities, and they group the rows (repeated or merged)."""
    events = _event_rows(body)
    for i in free:
        values = [r.cells[i] if i < len(r.cells) else "" for r in events]
        cells = [fold(v) for v in values if v is not None and fold(v)]
        merged = sum(1 for v in values if v is None)
        names = [c for c in cells if _reads_as_name(c)]
        if (
            len(events) >= 2
            and cells
            and len(cells) + merged == len(events)
            and len(names) >= MUNICIPALITY_SHARE * len(cells)
            and len(set(cells)) < len(events)
        ):
            shown = f"{len(names)} of {len(cells)} cells name a municipality"
            return ColumnMatch("municipality", i, labels[i], CONTENT, shown, 1.0)
    return None


def _date_cells(body: Sequence[RawRow], index: int, period: Period | None) -> tuple[list[str], list[str]]:
    """A column's filled cells and those that read as dates; under a month heading («В июле») a day
    or a day range («3–4») reads with that month, as the rows below it are read."""
    cells: list[str] = []
    read: list[str] = []
    month: int | None = None
    for row in body[:SAMPLE_ROWS]:
        filled = [c for c in row.cells if c is not None and fold(c)]
        if len(filled) == 1 and month_of(filled[0]) is not None:
            month = month_of(filled[0])
            continue
        text = row.cells[index] if index < len(row.cells) else None
        if text is None or not fold(text):
            continue
        cells.append(text)
        day_only = f"{fold(text).rstrip('.')}.{month:02d}" if month else ""
        if parse_dates(text, period).note is None or (
            day_only and parse_dates(day_only, period).note is None
        ):
            read.append(text)
    return cells, read


def _is_seq_run(body: Sequence[RawRow], index: int) -> bool:
    """Whether a column holds a № run (1, 2, 3 would read as days under a month heading)."""
    numbers = [seq_number(c) for c in _column_cells(_event_rows(body), index)]
    run = [n for n in numbers if n is not None]
    return len(run) >= 2 and len(run) == len(numbers) and _numbering(run)


def _infer(found: HeaderFound, body: Sequence[RawRow], period: Period | None) -> tuple[ColumnMatch, ...]:
    """Type the columns a required field lacks by their cells: dates, an ascending № run, the title."""
    matches = list(found.matches)
    taken = {m.index for m in matches}
    width = len(found.labels)
    free = [i for i in range(width) if i not in taken]
    columns = {m.column for m in matches}
    if "date_text" not in columns:
        for i in free:
            cells, read = _date_cells(body, i, period)
            numbered = "seq_no" not in columns and _is_seq_run(body, i)
            if cells and len(read) / len(cells) >= DATE_SHARE and not numbered:
                share = len(read) / len(cells)
                matches.append(
                    ColumnMatch(
                        "date_text",
                        i,
                        found.labels[i],
                        CONTENT,
                        f"{len(read)} of {len(cells)} cells are dates",
                        share,
                    )
                )
        # A start/end pair: every free column of dates joins the date column, read as a range.
        for i in [m.index for m in matches if m.column == "date_text" and m.evidence == CONTENT]:
            free.remove(i)
    if "seq_no" not in columns:
        seq = _seq_column(body, free, found.labels)
        if seq is not None:
            matches.append(seq)
            free.remove(seq.index)
    if "title" not in columns and free:
        lengths = {i: sum(len(fold(c)) for c in _column_cells(body, i)) for i in free}
        i = max(lengths, key=lambda k: lengths[k])
        if lengths[i]:
            matches.append(
                ColumnMatch("title", i, found.labels[i], CONTENT, "the longest texts of the table", 0.5)
            )
    return tuple(sorted(matches, key=lambda m: (m.index, m.column)))


def _shown(labels: Sequence[str]) -> str:
    return " | ".join(fold(t) for t in labels)


def choose_tables(
    tables: Sequence[RawTable],
    synonyms: Mapping[str, Sequence[str]],
    combined: Sequence[Mapping[str, object]],
    period: Period | None,
) -> tuple[list[ChosenTable], list[TableReading]]:
    """The events tables of a document in order, and the reading of every table."""
    chosen: list[ChosenTable] = []
    readings: list[TableReading] = []
    for table in tables:
        rows = _rows(table)
        found = find_header(_grid(table), synonyms, combined)
        municipality = caption_municipality(table.caption) or ""
        previous = chosen[-1] if chosen else None
        named = found is not None and all(c in found.columns for c in REQUIRED)
        if found is not None and not named and len(found.columns) >= MIN_COLUMNS:
            matches = _infer(found, rows[found.stop :], period)
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
            found = _typed_by_content(found, rows[found.stop :])
        if found is not None and named and _continues(previous, table, found, rows, period):
            found = None  # a body row of the table going on, taken for a header by its words
        if found is not None and named:
            above = "\n".join(c for row in rows[: found.start] for c in row.cells if c and fold(c))
            # a municipality's name typed as the table's own first row, above its header
            municipality = municipality or caption_municipality(above) or ""
            header_rows = tuple(range(found.start + 1, found.stop + 1))
            inferred = any(m.evidence == CONTENT for m in found.matches)
            reason = "its header names " + ", ".join(
                sorted({m.column for m in found.matches if m.evidence != CONTENT})
            )
            if inferred:
                reason += (
                    "; "
                    + ", ".join(m.column for m in found.matches if m.evidence == CONTENT)
                    + " typed by content"
                )
            if previous is not None and previous.reading.header == found.labels:
                reason += f"; same header as {previous.table.locator}: the table continues"
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
                )
            )
            readings.append(reading)
            continue
        # as wide as the table before and no header of its own: that table going on (under a
        # municipality's heading only when it opens with a numbered row or with the rest of that
        # table's header a page break cut, not with a header unknown); the header's first lines
        # left above the break are no part of the heading above them
        as_wide = previous is not None and len(table.header) == len(previous.table.header)
        if previous is not None and not municipality:
            municipality = caption_municipality(_without_header_rest(table.caption, previous)) or ""
        rest = _leading_header_rest(rows, previous) if previous is not None else 0
        if previous is not None and as_wide and (not municipality or _opens_numbered(rows[rest:], previous)):
            reason = f"no header; as wide as {previous.table.locator}: its continuation"
            reading = TableReading(
                table.locator, True, reason, (), previous.reading.header, previous.matches, (), municipality
            )
            body = tuple(rows[rest:])
            chosen.append(ChosenTable(table, body, previous.matches, previous.header_cells, reading))
            readings.append(reading)
            continue
        closest = _shown(found.labels) if found is not None else _shown(table.header)
        names = sorted(found.columns) if found is not None else []
        missing = [c for c in REQUIRED if c not in names]
        reason = f"not an events table: no column for {', '.join(missing)}" + (
            f" (found {', '.join(names)})" if names else ""
        )
        readings.append(
            TableReading(table.locator, False, reason, closest=closest, municipality=municipality)
        )
    return chosen, readings


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
    a number where the table before has its № column."""
    seq = next((m.index for m in previous.matches if m.column == "seq_no"), None)
    for row in rows:
        if sum(1 for c in row.cells if c and fold(c)) <= 1:
            continue
        return seq is not None and seq < len(row.cells) and seq_number(row.cells[seq] or "") is not None
    return False


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


def refusal_message(readings: Sequence[TableReading]) -> str:
    """The unknown_layout message: the closest header seen, the contract key to edit, `inspect`."""
    best = max(readings, key=lambda r: r.reason.count(",") if "found" in r.reason else -1, default=None)
    closest = best.closest if best is not None else ""
    why = best.reason if best is not None else "no table"
    return (
        f"no events table: {why}; the closest header seen is [{closest}]; "
        f"add its wording to {CONTRACT_KEY}; run `muniflow inspect FILE` to see how the file was read"
    )
