"""Raw tables -> report rows: canonical columns, sections (municipality, month), normalized cells."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from muniflow import contracts
from muniflow.interpret.addendum import addendum_line
from muniflow.interpret.cards import as_rows
from muniflow.interpret.cell_items import split_row_cells
from muniflow.interpret.columns import CONTRACT_KEY, map_columns
from muniflow.interpret.errors import InterpretError
from muniflow.interpret.header_rows import REQUIRED, is_column_numbers
from muniflow.interpret.heading import before_headings, lead_text, run_in_heading, titled_municipality
from muniflow.interpret.heading_tables import heading_tables_as_captions
from muniflow.interpret.leftover import left_out_row_note
from muniflow.interpret.municipality import canonical_municipality, municipality_name
from muniflow.interpret.nil import (
    letter_sized,
    letter_table_lines,
    municipality_in_text,
    nil_letter,
    nil_row,
    nil_sections,
    says_nil_letter,
)
from muniflow.interpret.nil_paragraphs import paragraph_nils
from muniflow.interpret.not_held import NOT_HELD, held_text, not_held_heading
from muniflow.interpret.ocr_names import document_places, fixed_heading
from muniflow.interpret.open_merge import open_merged
from muniflow.interpret.period import (
    PART,
    QUARTER,
    PeriodFound,
    find_period,
    period_in_path,
)
from muniflow.interpret.quarter_sheets import sheet_quarters
from muniflow.interpret.reading import (
    CONTENT,
    FILE_NAME,
    PAGE_HEADER,
    TABLE_ROW,
    TITLE,
    ColumnMatch,
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
    TEXT_COLUMNS,
    YEAR_WRITTEN,
    cell_at,
    continued_row,
    field_text,
    filled_cells,
    make_row,
    merged_down,
)
from muniflow.interpret.row_goes_on import goes_on, stage_of, with_stage
from muniflow.interpret.row_headings import (
    beside_municipality,
    cut_heading,
    heads_dated,
    heads_items,
    numbered_heading,
    theme_row,
    title_line_municipality,
    totals_in_title,
)
from muniflow.interpret.sections import (
    MONTH,
    MUNICIPALITY,
    OTHER,
    SETTLEMENT,
    THEME,
    TOTALS,
    classify,
    is_theme,
    is_totals,
    month_of,
    names_a_place,
    region_body,
    settlement_of,
)
from muniflow.interpret.side_by_side import split_side_by_side
from muniflow.interpret.skipped import not_held_tables_note, skipped_events_note
from muniflow.interpret.tables import (
    LETTER_REFUSAL,
    ChosenTable,
    choose_tables,
    letter_tables_only,
    refusal_message,
)
from muniflow.interpret.title import parse_region, region_source
from muniflow.interpret.transposed import turned
from muniflow.model import OCR_SUFFIX, Period, RawDocument, RawRow, RawTable, Report, Row
from muniflow.normalize.text import fold, seq_number


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


def _squeezed(text: str) -> str:
    return "".join(fold(text).lower().replace("ё", "е").split())


def _header_residue(row: RawRow, labels: Sequence[str]) -> bool:
    """A header row repeated on a later page, or a piece of a header word a narrow column wrapped:
    every filled cell stands in its column's header («начало» under «Сроки: начало», «ка»)."""
    filled = [(j, _squeezed(c)) for j, c in enumerate(row.cells) if c is not None and fold(c)]
    if not filled or any(seq_number(t) is not None for _, t in filled):
        return False
    return all(j < len(labels) and text in _squeezed(labels[j]) for j, text in filled)


@dataclass(frozen=True)
class _Found:
    """What the tables say besides their event rows and headings."""

    # sections stating no events («мероприятия не проводились»): the municipality named, its table
    nil: list[tuple[str, RawTable]] = field(default_factory=list)
    # those written with a №, which takes its place in the run (`Report.numbered_nil`)
    numbered_nil: list[tuple[int, str, str]] = field(default_factory=list)
    # rows under the № of the event above, merged down over them (`Report.shared_numbers`)
    shared_numbers: list[int] = field(default_factory=list)
    # rows under a heading row of events not held («Мероприятия, запланированные на III квартал»),
    # skipped: the heading and their locators
    not_held: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class _State:
    """What the rows above say about the rows below: municipality and month headings."""

    heading: str = ""
    column_muni: str = ""
    month: str = ""
    title_muni: str = ""  # the municipality the title names, for rows under no heading
    # in a region's report, a settlement's heading under its district's (`heading`): the rows'
    # heading as written, their municipality the district's
    settlement: str = ""
    # the heading has no rows of its own yet: a settlement's heading right under it groups its rows
    # (one under a district with events of its own is a municipality beside it)
    bare: bool = False
    # the index in `rows` of the event just read, while the table goes on (over a page's end)
    last_event: int | None = None
    # a heading row above says the rows under it were planned, postponed or cancelled: its text
    not_held: str = ""


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
    found = _Found()
    # a single municipality's report names itself in its title, not in a heading row
    # a region's report whose first municipality's heading paragraph ran into its title: the title
    # ends where that heading begins
    headings = [t.reading.municipality for t in chosen if t.reading.municipality]
    title = before_headings(title, headings)
    own_title, run_in = run_in_heading(doc.title, headings)
    if run_in and not chosen[0].reading.municipality:
        # the heading of the first table, read into the title (a section's page header)
        chosen[0] = replace(chosen[0], reading=replace(chosen[0].reading, municipality=run_in))
    state = _State(title_muni=titled_municipality(own_title, title, doc.source_file, closing, doc.running))
    # a scan's place names, which a heading OCR misread is put right to (none for typed text)
    places = document_places(_event_cells(chosen)) if doc.cell_confidence else None
    sheet = chosen[0].table.sheet
    for table in chosen:
        if table.table.sheet != sheet and not table.reading.municipality:
            state = _State(title_muni=state.title_muni)  # a sheet of its own goes on from no heading
        sheet = table.table.sheet
        if table.reading.municipality:
            state = _State(heading=table.reading.municipality, title_muni=state.title_muni, bare=True)
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
        state = _read_table(
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


def _read_table(
    source_file: str,
    table: ChosenTable,
    period: Period | None,
    skip_words: Sequence[str],
    state: _State,
    rows: list[Row],
    sections: list[Section],
    found: _Found,
    places: frozenset[str] | None = None,
    typed_lines: bool = False,
) -> _State:
    """Append the table's event rows to `rows`, its headings to `sections`, the rest it says to
    `found`; returns the state after. `places`: a scan's place names, to put a heading's misread
    name right to (`ocr_names`); `typed_lines`: every line break in a cell was typed (a Word
    document or a sheet: no page laid out wrapped its lines)."""
    matches = table.matches
    has_muni_column = any(m.column == "municipality" for m in matches)
    mapping: dict[str, int] = {}
    for m in matches:
        mapping.setdefault(m.column, m.index)
    previous: RawRow | None = None
    # the event just read: the table before's last when this one is its continuation (a row a
    # page's end cut carries it on)
    last_event = state.last_event if table.continues else None
    if not table.continues:
        state = replace(state, not_held="")
    for position, raw in enumerate(table.body):
        own_text = any(fold(c or "") for c in raw.cells)
        own = raw
        raw = previous = open_merged(merged_down(raw, previous), previous, matches)
        if not own_text:
            continue  # blank, or only cells merged down into it: the rest of a row a page end cut
        if last_event is not None and goes_on(own, mapping, rows[last_event], period):
            rows[last_event] = continued_row(rows[last_event], own, matches, period, state.month)
            continue
        if last_event is not None and stage_of(own, mapping, rows[last_event], period):
            rows[last_event] = with_stage(rows[last_event], own, matches, period)
            continue
        filled = filled_cells(raw)
        if len(filled) == 1 and _only_number(raw, mapping):
            continue  # a row of the form left blank: its № and nothing else
        last_event = None
        if not filled and not has_muni_column and any(fold(c or "") for c in raw.cells):
            # a row of dashes under a heading is its «none held»: a section of no other rows is nil
            # (one with events stays reported); without a heading, the caption or title names it
            found.nil.append((state.heading, table.table))
            continue
        if not filled or is_column_numbers(raw.cells):
            continue
        if _header_residue(raw, table.reading.header):
            continue
        if state.not_held and len(filled) > 1 and numbered_heading(raw, mapping) is None:
            found.not_held.setdefault(state.not_held, []).append(raw.locator)
            continue  # an event under a heading of events not held
        said = nil_row(raw, mapping)
        if said is not None:  # the section is reported, with no events
            named = said or (state.column_muni if has_muni_column else state.heading)
            found.nil.append((named, table.table))
            number = fold(cell_at(raw, mapping["seq_no"])) if "seq_no" in mapping else ""
            if seq_number(number) is not None:  # «2. Мероприятия не проводились»: № 2 is taken
                found.numbered_nil.append((len(rows), number, canonical_municipality(named) if named else ""))
            continue
        beside = beside_municipality(raw, mapping) if has_muni_column else None
        over_dated = heads_dated(table.body, position, mapping)
        if beside is not None and theme_row(raw, mapping, beside, False, over_dated):
            # «Культура» in the title cell, the municipality's name repeated in its column
            sections.append(Section(raw.locator, THEME, fold(beside)))
            continue
        heading = (
            filled[0]
            if len(filled) == 1 and seq_number(filled[0]) is None
            else numbered_heading(raw, mapping)
        )
        cut = heading is None
        heading = heading or cut_heading(raw, mapping, filled, period, places)
        if heading is not None and places is not None:
            heading = fixed_heading(heading, places)
        if heading is not None:
            # a heading cut into pieces spans the table, though read cell by cell
            merged = cut or any(c is None for c in raw.cells)
            kind = classify(heading, skip_words, merged, has_muni_column)
            if not_held_heading(heading) is not None:
                # «Мероприятия, запланированные на III квартал»: the rows under it were not held
                sections.append(Section(raw.locator, NOT_HELD, fold(heading)))
                state = replace(state, not_held=fold(heading))
                continue
            if kind != MONTH:
                state = replace(state, not_held="")  # the next section's heading ends it
            if (
                kind == MUNICIPALITY
                and municipality_name(heading) is None
                and (state.title_muni or (state.heading and is_theme(heading)))
            ):
                # a bare word under a title or a heading naming the municipality: a theme
                # («1. Культура», «Спорт»), no section; a place's own name («Северск», «Великий
                # Новгород») is the next municipality's heading
                sections.append(Section(raw.locator, THEME, fold(heading)))
                continue
            if kind == OTHER and len(filled) == 2 and heads_items(table.body, position, mapping):
                # «1.» | «Дни культуры Республики Беларусь» over «1.1», «1.2»: the group of its items
                sections.append(Section(raw.locator, THEME, fold(heading)))
                continue
            if kind == OTHER and theme_row(raw, mapping, heading, merged, over_dated):
                # «Культура», «Спорт» across a table whose rows name their municipality in a column,
                # or typed alone in the № or the title cell over dated events («Визиты делегаций»)
                sections.append(Section(raw.locator, THEME, fold(heading)))
                continue
            if kind == MONTH:
                sections.append(Section(raw.locator, MONTH, fold(heading), str(month_of(heading))))
                state = replace(state, month=fold(heading))
                continue
            if (
                kind == TOTALS
                and not is_totals(heading, skip_words)
                and (named := municipality_in_text(heading))
            ):
                # a heading naming its municipality inside other words («Исполнительный комитет
                # Елабужского муниципального района»): the rows under it are its, not the heading's
                # before
                kind, heading = MUNICIPALITY, named
            elif (
                kind == TOTALS
                and not state.title_muni
                and not is_totals(heading, skip_words)
                and (region := region_body(heading))
            ):
                # a region's report heading the events of its own ministries among its
                # municipalities': the region's, not the municipality's above
                kind, heading = MUNICIPALITY, region
            elif (
                kind == TOTALS
                and places is not None
                and state.heading
                and merged
                and len(filled) == 1
                and not is_totals(heading, skip_words)
                and names_a_place(heading)
            ):
                # a scan's line across the table that OCR garbled past a name, built like a
                # heading («Городской округ город Энс›к»): the next municipality's, as read, not
                # rows silently the municipality's above (with no heading above, rows under no
                # municipality are flagged as such: left so)
                kind = MUNICIPALITY
            if kind == TOTALS and len(filled) == 1:
                sections.append(Section(raw.locator, TOTALS, fold(heading)))
                continue
            if kind == TOTALS and len(filled) == 2:
                # «1.» | «Дни культуры Республики Беларусь» merged across: a numbered group of the
                # events under it (numbered «1.1», «1.2»), no event of its own; «7» | «ВСЕГО»: the
                # count of the events above
                totals = is_totals(heading, skip_words)
                sections.append(Section(raw.locator, TOTALS if totals else THEME, fold(heading)))
                continue
            # the municipality whose own report this is, when its title names one (canonical)
            district = state.title_muni or ""
            if kind == MUNICIPALITY and not has_muni_column and settlement_of(heading, district):
                # a district's own report heading its events by its settlements: the district's
                sections.append(
                    Section(raw.locator, SETTLEMENT, fold(heading), canonical_municipality(heading))
                )
                continue
            if (
                kind == MUNICIPALITY
                and not has_muni_column
                and not district
                and (state.bare or state.settlement)
                and settlement_of(heading, canonical_municipality(state.heading), own_report=False)
            ):
                # a region's report grouping a district's events by its settlements, their headings
                # right under the district's: the district's, each settlement kept as the rows' heading
                sections.append(
                    Section(raw.locator, SETTLEMENT, fold(heading), canonical_municipality(heading))
                )
                state = replace(state, settlement=heading, month="")
                continue
            if kind == MUNICIPALITY:
                sections.append(
                    Section(raw.locator, MUNICIPALITY, fold(heading), canonical_municipality(heading))
                )
                state = replace(state, heading=heading, month="", settlement="", bare=True)
                continue
        if (is_totals(filled[0], skip_words) and seq_number(filled[0]) is None) or totals_in_title(
            own, mapping, skip_words
        ):
            sections.append(Section(raw.locator, TOTALS, fold(" ".join(filled))))
            continue
        if has_muni_column:
            value = field_text(raw, matches, "municipality", period)
            if fold(value):
                state = replace(state, column_muni=value)
            muni_raw = state.column_muni
        else:
            muni_raw = state.heading or state.title_muni
            first_line = None if muni_raw else title_line_municipality(raw, mapping)
            if first_line is not None:  # «Ольховский район» / «Фестиваль «…»» in the title cell
                muni_raw, raw = first_line
        last_event = len(rows)
        if "seq_no" in mapping and mapping["seq_no"] in own.from_above:
            found.shared_numbers.append(last_event)
        under = state.settlement if not has_muni_column else ""  # a settlement's, the district's
        items = _listed_events(raw, matches, mapping, typed_lines)
        seq = mapping.get("seq_no")
        for k, item in enumerate(items):
            if k and seq is not None and cell_at(item, seq) == cell_at(items[0], seq):
                found.shared_numbers.append(len(rows))  # the row's other events, under its № (counted once)
            last_event = len(rows)
            row = make_row(source_file, item, matches, len(rows), under or muni_raw, period, state.month)
            if under:
                row = replace(row, municipality=canonical_municipality(muni_raw))
            rows.append(row)
        state = replace(state, bare=False)
    return replace(state, last_event=last_event)


def _listed_events(
    raw: RawRow, matches: Sequence[ColumnMatch], mapping: Mapping[str, int], typed_lines: bool = False
) -> list[RawRow]:
    """The row as the events it lists (`cell_items`): one row per item of its title cell, located
    «…, item k»; the row itself when it lists none."""
    if "title" not in mapping or "date_text" not in mapping:
        return [raw]
    paired = [m.index for m in matches if m.column in TEXT_COLUMNS]
    split = split_row_cells(
        raw.cells, mapping["title"], mapping["date_text"], paired, mapping.get("seq_no"), typed_lines
    )
    if split is None:
        return [raw]
    return [replace(raw, cells=cells, locator=f"{raw.locator}, item {k}") for k, cells in enumerate(split, 1)]


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


def _only_number(raw: RawRow, mapping: Mapping[str, int]) -> bool:
    """Whether the row's one text is a № in the № column: a row of the form left blank."""
    seq = mapping.get("seq_no")
    return seq is not None and seq_number(cell_at(raw, seq)) is not None
