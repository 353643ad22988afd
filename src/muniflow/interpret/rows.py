"""Raw tables -> a report: the events tables chosen, the region and the period (from the title, the
page header, a row across the table, the file's name), then each table's rows read in turn
(`table_rows.read_table`: canonical columns, sections such as municipality and month, normalized
cells), and what the reading noticed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from muniflow import contracts
from muniflow.interpret.addendum import addendum_line
from muniflow.interpret.cards import as_rows
from muniflow.interpret.columns import CONTRACT_KEY, map_columns
from muniflow.interpret.errors import InterpretError
from muniflow.interpret.header_rows import REQUIRED
from muniflow.interpret.heading import before_headings, lead_text, run_in_heading, titled_municipality
from muniflow.interpret.heading_tables import heading_tables_as_captions
from muniflow.interpret.leftover import left_out_row_note
from muniflow.interpret.municipality import canonical_municipality
from muniflow.interpret.nil import (
    letter_sized,
    letter_table_lines,
    nil_letter,
    nil_sections,
    says_nil_letter,
)
from muniflow.interpret.nil_paragraphs import paragraph_nils
from muniflow.interpret.not_held import held_text
from muniflow.interpret.ocr_names import document_places
from muniflow.interpret.period import (
    PART,
    QUARTER,
    PeriodFound,
    find_period,
)
from muniflow.interpret.period_path import period_in_path
from muniflow.interpret.quarter_sheets import sheet_quarters
from muniflow.interpret.reading import (
    CONTENT,
    FILE_NAME,
    PAGE_HEADER,
    TABLE_ROW,
    TITLE,
    Reading,
    Section,
    TableReading,
)
from muniflow.interpret.reading_notes import (
    addendum_note,
    content_note,
    not_held_note,
    part_note,
    unread_columns,
    unread_days,
    unread_note,
)
from muniflow.interpret.row_fields import (
    YEAR_WRITTEN,
    cell_at,
    filled_cells,
)
from muniflow.interpret.sections import (
    MONTH,
    MUNICIPALITY,
    month_of,
)
from muniflow.interpret.side_by_side import split_side_by_side
from muniflow.interpret.skipped import not_held_tables_note, skipped_events_note
from muniflow.interpret.table_refusals import LETTER_REFUSAL, letter_tables_only, refusal_message
from muniflow.interpret.table_rows import Found, State, read_table
from muniflow.interpret.tables import ChosenTable, choose_tables
from muniflow.interpret.title import parse_region, region_source
from muniflow.interpret.transposed import turned
from muniflow.model import OCR_SUFFIX, Period, RawDocument, Report, Row
from muniflow.normalize.text import fold


def map_header(header: Sequence[str], synonyms: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Canonical column -> index of its (first) header cell, for one header row.

    Raises:
        InterpretError: `unknown_layout` when the title or the dates column is not found.
    """
    matches, _ = map_columns([h or "" for h in header], synonyms)
    mapping: dict[str, int] = {}
    for m in matches:
        mapping.setdefault(m.column, m.index)
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        shown = " | ".join((h or "").replace("\n", " ").strip() for h in header)
        raise InterpretError(
            "unknown_layout",
            f"no column for {', '.join(missing)} in the table header [{shown}]; "
            f"add the header's wording to {CONTRACT_KEY}; run `muniflow inspect FILE` to see how it was read",
        )
    return mapping


def interpret_document(
    doc: RawDocument,
    synonyms: Mapping[str, Sequence[str]],
    period_override: Period | None = None,
    combined: Sequence[Mapping[str, object]] | None = None,
) -> Report:
    """Turn a raw document into a report: region and period from the title, one Row per event row.

    The period comes from `period_override` when given, else from the title; it stays None when
    neither names one (the caller quarantines such a file as `period_unknown`, or as
    `period_not_quarter` when the title names a half-year, nine months or a year).

    Raises:
        InterpretError: `unknown_layout` when no table is an events table, `no_table_found`.
    """
    letter = nil_letter(doc, period_override)
    if letter is not None:  # a letter with no table saying no events were held
        return letter
    contract = contracts.load_contract()
    if combined is None:
        combined = contract.threshold("combinedColumns", []) or []
    skip_words = list(contract.threshold("skipHeadings", []) or [])
    doc, other_quarters = sheet_quarters(doc, period_override)  # a workbook with a sheet per quarter
    doc = split_side_by_side(doc, synonyms)  # a table laid out as two side by side: each its own
    doc = heading_tables_as_captions(doc)  # a one-cell table naming a municipality heads the next
    doc = turned(doc, synonyms, combined)  # events as columns, labels down the first: as rows
    found_period = find_period(held_text(doc.title))
    period = period_override or found_period.period
    period_from = TITLE
    if not doc.tables:
        raise InterpretError("no_table_found", "the document holds no table")

    def choose(quarter: Period | None) -> tuple[list[ChosenTable], list[TableReading]]:
        """The events tables by their headers; where no table has one, by their cells alone (a
        header drawn as a picture, lost in a scan, or left out)."""
        found = choose_tables(doc.tables, synonyms, combined, quarter)
        return found if found[0] else choose_tables(doc.tables, synonyms, combined, quarter, untitled=True)

    chosen, readings = choose(period)
    if not chosen or _by_content(chosen):
        # Events given as cards (a table of label and value rows per event): read as rows. A table
        # no header names, typed by its cells alone, may be such cards (a № in each card's first
        # row, its labels read as the events' names): its labels, naming the columns, win.
        cards = as_rows(doc, synonyms, combined)
        if cards is not None:
            with_cards, card_readings = choose_tables(cards.tables, synonyms, combined, period)
            # without a period, day-only dates may need it (below)
            if (with_cards and not _by_content(with_cards)) or (not chosen and period is None):
                doc, chosen, readings = cards, with_cards, card_readings
    if chosen and chosen[0].table is not doc.tables[0]:
        # the quarter the chosen table's own heading names (its caption, a title typed above its
        # header) before the document's first text, which heads a table before it (a plan for the
        # next quarter, skipped); the first table's title row yields to the document's title
        own = find_period(held_text(f"{chosen[0].table.caption}\n{chosen[0].above}"))
        if (
            own.period is not None
            and found_period.kind in ("", QUARTER)
            and own.period != found_period.period
        ):
            found_period = own
            if period_override is None:
                period = own.period
                chosen, readings = choose(period)
    title = lead_text(doc, chosen[0]) if chosen else doc.title
    if not found_period.kind and title != doc.title:
        found_period = find_period(held_text(title))
        if period is None and found_period.period is not None:
            period = found_period.period
            chosen, readings = choose(period)
    if not chosen and period is None:
        # No table read without the period (day-only dates under month headings are dates only in
        # a known year), and the period is read from the text before the table chosen: try the
        # text before every table, the title in a contents or summary table's caption included.
        early = find_period(held_text(lead_text(doc, None)))
        if early.period is not None:
            chosen, readings = choose(early.period)
            if chosen:
                title = lead_text(doc, chosen[0])
                later = find_period(held_text(title))
                found_period = later if later.period is not None else early
                period = found_period.period
    if period is None and not found_period.kind and doc.running:
        # The title names no period: the page header every page repeats may (RawDocument.running).
        running = find_period(doc.running)
        if running.kind:
            found_period, period, period_from = running, running.period, PAGE_HEADER
            if not chosen and period is not None:
                chosen, readings = choose(period)
                title = lead_text(doc, chosen[0]) if chosen else title
    if period is None and not found_period.kind and chosen:
        # The title names no period: a row spanning the events table above its first event may
        # («за II квартал 2025 года» typed as the table's first row, the title above naming none).
        spanning = _spanning_row_period(chosen[0])
        if spanning is not None:
            found_period, period, period_from = spanning, spanning.period, TABLE_ROW
            if period is not None:
                chosen, readings = choose(period)
    if period is None and not found_period.kind:
        # The text names no period at all: the file's name, or its folder's, may («…_2кв_2024.docx»).
        named = period_in_path(doc.source_file)
        if named.period is not None:
            found_period, period, period_from = named, named.period, FILE_NAME
            if not chosen:
                chosen, readings = choose(period)
                title = lead_text(doc, chosen[0]) if chosen else title
    if period is None and chosen and (year := _one_year(chosen)) is not None:
        # «во II квартале текущего года»: the quarter's year is the one every event's date names
        dated = find_period(held_text(title), default_year=year)
        if dated.period is not None:
            found_period, period = dated, dated.period
    readings = [*readings, *other_quarters]
    closing = _closing_text(doc, chosen)
    region = (
        parse_region(doc.title) or parse_region(title) or parse_region(closing) or parse_region(doc.running)
    )
    if not chosen:
        listed = _letter_of_items(doc, synonyms)
        if listed is not None:  # a letter listing its events, laid out with a letterhead or signature table
            return interpret_document(listed, synonyms, period_override, combined)
        letter = nil_letter(doc, period_override, with_tables=True)
        if letter is not None:  # a nil letter laid out with a letterhead or signature table
            return letter
        said = Reading(tuple(readings), (), region_source(doc.title), found_period.text, found_period.kind)
        # a letter laid out with a letterhead or signature table has no header to name
        letter_only = letter_tables_only(doc.tables, synonyms)
        raise InterpretError(
            "unknown_layout",
            LETTER_REFUSAL if letter_only else refusal_message(readings, doc.format.endswith(OCR_SUFFIX)),
            said,
        )
    rows: list[Row] = []
    sections: list[Section] = []
    found = Found()
    # a single municipality's report names itself in its title, not in a heading row
    # a region's report whose first municipality's heading paragraph ran into its title: the title
    # ends where that heading begins
    headings = [t.reading.municipality for t in chosen if t.reading.municipality]
    title = before_headings(title, headings)
    own_title, run_in = run_in_heading(doc.title, headings)
    if run_in and not chosen[0].reading.municipality:
        # the heading of the first table, read into the title (a section's page header)
        chosen[0] = replace(chosen[0], reading=replace(chosen[0].reading, municipality=run_in))
    state = State(title_muni=titled_municipality(own_title, title, doc.source_file, closing, doc.running))
    # a scan's place names, which a heading OCR misread is put right to (none for typed text)
    places = document_places(_event_cells(chosen)) if doc.cell_confidence else None
    sheet = chosen[0].table.sheet
    for table in chosen:
        if table.table.sheet != sheet and not table.reading.municipality:
            state = State(title_muni=state.title_muni)  # a sheet of its own goes on from no heading
        sheet = table.table.sheet
        if table.reading.municipality:
            state = State(heading=table.reading.municipality, title_muni=state.title_muni, bare=True)
            sections.append(
                Section(
                    table.table.locator + ", caption",
                    MUNICIPALITY,
                    table.reading.municipality,
                    canonical_municipality(table.reading.municipality),
                )
            )
        month = _caption_month(table.table.caption)
        if month:  # a month heading written above its table («Май 2024 г.», then the May events)
            sections.append(Section(table.table.locator + ", caption", MONTH, month, str(month_of(month))))
            state = replace(state, month=month)
        state = read_table(
            doc.source_file,
            table,
            period,
            skip_words,
            state,
            rows,
            sections,
            found,
            places,
            typed_lines=not doc.format.startswith("pdf") and not doc.format.endswith(OCR_SUFFIX),
        )
    # nil heading rows, and a heading paragraph followed by a nil sentence instead of a table
    nil_names = tuple(dict.fromkeys((*nil_sections(found.nil, doc), *paragraph_nils(doc))))
    if not rows and not nil_names and state.title_muni and says_nil_letter(f"{title}\n{closing}"):
        # an empty form under «международные мероприятия не проводились» typed above or below it
        nil_names = (state.title_muni,)
    reading = Reading(
        tables=tuple(readings),
        sections=tuple(sections),
        region_text=region_source(doc.title) or region_source(title) or region_source(doc.running),
        period_text=found_period.text,
        period_kind=found_period.kind,
        period_from=period_from,
        notes=(
            *unread_note(unread_columns(chosen), unread_days(chosen)),
            *content_note(chosen),
            *not_held_note(found.not_held),
            *part_note(found_period, period),
            *addendum_note(addendum_line(doc.title, title)),
            *left_out_row_note(rows, closing),
            *skipped_events_note(doc.tables, readings, period),
            *not_held_tables_note(doc.tables, readings),
        ),
        title=own_title if own_title != doc.title else "",
    )
    return Report(
        source_file=doc.source_file,
        format=doc.format,
        region=region,
        period=period,
        rows=tuple(rows),
        pages=doc.pages,
        reading=reading,
        nil_municipalities=nil_names,
        numbered_nil=tuple(found.numbered_nil),
        shared_numbers=tuple(found.shared_numbers),
        municipality=state.title_muni,
        # a month's report adds to its quarter's, as an addendum does
        adds_to_report=found_period.kind == PART or addendum_line(doc.title, title) is not None,
    )


def _by_content(chosen: Sequence[ChosenTable]) -> bool:
    """Whether every column of the chosen tables was typed by its cells alone (no header names one)."""
    return all(m.evidence == CONTENT for t in chosen for m in t.matches)


def _letter_of_items(doc: RawDocument, synonyms: Mapping[str, Sequence[str]]) -> RawDocument | None:
    """A document whose tables are all a letterhead's or a signature's (a few rows each) and whose
    text lists its events as items (readers/listed.py), as that list; None otherwise."""
    from muniflow.readers.listed import listed_document

    if not doc.tables or not all(map(letter_sized, doc.tables)):
        return None
    parts: list[str] = []
    for part in (doc.title, *(t.caption for t in doc.tables), doc.closing):
        if part and part not in "\n".join(parts):  # a table's caption may repeat the lines above it
            parts.append(part)
    text = "\n".join(parts)
    letter = RawDocument(
        source_file=doc.source_file, format=doc.format, title=text, tables=(), pages=doc.pages
    )
    listed = listed_document(letter, synonyms)
    if listed is None:
        return None
    # The small tables say who sends the letter (its municipality, its region) and to whom: those
    # above the items head the lead, before any region or municipality a sentence of it names (a
    # guest's: «делегация Гродненской области»); those below close the letter.
    head: list[str] = []
    tail: list[str] = []
    lead = " ".join(listed.title.split())
    prose = ""
    for table in doc.tables:
        prose = f"{prose} {' '.join(table.caption.split())}".strip()
        above_items = prose in lead and not tail  # no item's text stands between it and the title
        (head if above_items else tail).extend(letter_table_lines(table))
    return replace(
        listed,
        title="\n".join(p for p in (*head, listed.title) if p),
        closing="\n".join(p for p in (listed.closing, *tail) if p),
    )


def _spanning_row_period(chosen: ChosenTable) -> PeriodFound | None:
    """The period a row spanning the table (one text across its cells) names above its first
    event, None when none of those rows names one."""
    for row in chosen.body:
        texts = {fold(c) for c in row.cells if c and fold(c)}
        if len(texts) != 1:
            return None
        found = find_period(held_text(next(iter(texts))))
        if found.kind:
            return found
    return None


def _caption_month(caption: str) -> str:
    """The caption's last line when it is a month heading, folded; '' when it is not."""
    lines = [fold(x) for x in caption.splitlines() if fold(x)]
    return lines[-1] if lines and month_of(lines[-1]) is not None else ""


def _closing_text(doc: RawDocument, chosen: Sequence[ChosenTable]) -> str:
    """What stands after the last events table: the tables after it (a signature laid out as a
    table without borders: «Глава района | подпись | И.О. Фамилия»; a table of more rows is data,
    only its caption counts), their captions, and the text after the last table. With no table
    chosen, the text of every table and after them."""
    last = max((doc.tables.index(t.table) for t in chosen if t.table in doc.tables), default=-1)
    parts: list[str] = []
    for table in doc.tables[last + 1 :]:
        parts.append(table.caption)
        parts += letter_table_lines(table)  # none for a table of data (a summary)
    parts.append(doc.closing)
    return "\n".join(p for p in parts if p and fold(p))


def _event_cells(chosen: Sequence[ChosenTable]) -> list[str]:
    """The cells of the event rows (two cells filled or more; a heading's own row is left out, so
    a misread name is not taken for one the report writes)."""
    return [c for t in chosen for raw in t.body if len(filled_cells(raw)) > 1 for c in raw.cells if c]


def _one_year(chosen: Sequence[ChosenTable]) -> int | None:
    """The one year the events' date cells write, None when they write none or several."""
    years = {
        int(year)
        for table in chosen
        for index in {m.index for m in table.matches if m.column == "date_text"}
        for raw in table.body
        for year in YEAR_WRITTEN.findall(cell_at(raw, index))
    }
    return years.pop() if len(years) == 1 else None
