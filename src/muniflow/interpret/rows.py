"""Raw tables -> report rows: canonical columns, sections (municipality, month), normalized cells."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from muniflow import contracts
from muniflow.interpret import place_parts
from muniflow.interpret.addendum import addendum_line
from muniflow.interpret.cards import as_rows
from muniflow.interpret.cell_items import bulleted, split_row_cells, unpaired_note
from muniflow.interpret.columns import CONTRACT_KEY, map_columns
from muniflow.interpret.combined import (
    goal_out_of_title,
    split_date_place,
    split_title_goal,
    split_title_place,
)
from muniflow.interpret.errors import InterpretError
from muniflow.interpret.header_rows import REQUIRED, is_column_numbers
from muniflow.interpret.heading import before_headings, lead_text, run_in_heading, titled_municipality
from muniflow.interpret.heading_tables import heading_tables_as_captions
from muniflow.interpret.leftover import left_out_row_note
from muniflow.interpret.month_days import CONTRACT_KEY as MONTH_DAYS_KEY
from muniflow.interpret.month_days import compose as compose_month_days
from muniflow.interpret.month_days import days_beside_month
from muniflow.interpret.muni_vocabulary import vocabulary as muni_vocabulary
from muniflow.interpret.municipality import canonical_municipality, municipality_name
from muniflow.interpret.nil import (
    is_placeholder,
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
from muniflow.interpret.period import (
    PART,
    QUARTER,
    PeriodFound,
    find_period,
    half_year_in_cell,
    period_in_path,
    quarter_in_cell,
)
from muniflow.interpret.quarter_sheets import sheet_quarters
from muniflow.interpret.reading import (
    COMBINED,
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
from muniflow.normalize.dates import (
    ACTUAL_OF_PLANNED,
    FROM_TITLE,
    WHOLE_MONTH,
    WHOLE_QUARTER,
    YEAR_FROM_PERIOD,
    DateParse,
    date_column_kind,
    date_in_title,
    names_whole_period,
    parse_dates,
    planned_and_actual,
)
from muniflow.normalize.text import fold, seq_number, without_footnote_marks
from muniflow.rules.quotes import QUOTE_MARKS

TEXT_COLUMNS = ("title", "place", "date_text", "goal", "participants")
# A status or remark column («Статус», «Отметка о проведении», «Примечание»): read only to tell
# whether the event was held (rules `not_held`), kept in the row as written.
STATUS_COLUMN = "status_text"


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


def _filled(row: RawRow) -> list[str]:
    """The cells that say something: a row of dashes only («–», «-/-») is as empty as a blank one."""
    cells = [c for c in row.cells if c is not None and fold(c)]
    return [] if all(is_placeholder(c) for c in cells) else cells


def _text(row: RawRow, index: int) -> str:
    return (row.cells[index] or "") if index < len(row.cells) else ""


def _squeezed(text: str) -> str:
    return "".join(fold(text).lower().replace("ё", "е").split())


def _header_residue(row: RawRow, labels: Sequence[str]) -> bool:
    """A header row repeated on a later page, or a piece of a header word a narrow column wrapped:
    every filled cell stands in its column's header («начало» under «Сроки: начало», «ка»)."""
    filled = [(j, _squeezed(c)) for j, c in enumerate(row.cells) if c is not None and fold(c)]
    if not filled or any(seq_number(t) is not None for _, t in filled):
        return False
    return all(j < len(labels) and text in _squeezed(labels[j]) for j, text in filled)


def _title_or_goal(text: str, column: str, labelled: bool = False) -> str:
    """The title's or the goal's part of a cell a header names both of: the goal after its label
    («Фестиваль «…». Цель: укрепление связей»), with it when `labelled`; without a label, the whole
    cell is the title."""
    named = split_title_goal(text, contracts.header_synonyms())
    if named is None:
        return text if column == "title" else ""
    title, goal, label = named
    return title if column == "title" else f"{label}: {goal}" if labelled else goal


def _own_text(row: RawRow, m: ColumnMatch, matches: Sequence[ColumnMatch], column: str) -> str:
    """A cell's text for one of several columns feeding a field: of a cell naming the title and the
    goal, the field's part («… Цель: …» beside a «Результат» column: the goal of both)."""
    text = _text(row, m.index)
    if column in ("title", "goal") and {"title", "goal"} <= {o.column for o in matches if o.index == m.index}:
        return _title_or_goal(text, column, labelled=True)
    return text


def _sub_label(header: str) -> str:
    return header.split(": ", 1)[1] if ": " in header else header


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


def _field(row: RawRow, matches: Sequence[ColumnMatch], column: str, period: Period | None) -> str:
    """One canonical field of a row: one cell, a date pair joined as a range, or labelled sub-columns."""
    feeding = [m for m in matches if m.column == column]
    if not feeding:
        return ""
    if column == "date_text":
        feeding = _actual_columns(feeding)
    if len(feeding) == 1:
        m = feeding[0]
        text = _text(row, m.index)
        sharing = {o.column for o in matches if o.index == m.index}
        if {"title", "place"} <= sharing:  # «Наименование мероприятия, место проведения»
            named = split_title_place(text)
            if named is None:
                return text if column == "title" else ""
            return named[0] if column == "title" else named[1]
        if {"title", "goal"} <= sharing:  # «Наименование и цель мероприятия»
            return _title_or_goal(text, column)
        if m.evidence == COMBINED or len(sharing) > 1:
            split = split_date_place(text, period)
            if split is None:
                return text
            return split[0] if column == "date_text" else split[1]
        return text
    texts = [(m, _own_text(row, m, matches, column)) for m in feeding]
    filled = [(m, t) for m, t in texts if fold(t)]
    if column == "date_text":
        values = list(dict.fromkeys(fold(t) for _, t in filled))
        composed = compose_month_days(values)
        if composed is not None:  # «Май» | «4–5»: one date in two halves, not a range
            return composed
        years = [v for v in values if _YEAR_CELL.fullmatch(v)]
        dates = [v for v in values if v not in years]
        if len(years) == 1 and dates:
            # a year in a column of its own («15 марта» | «2024»): the year of the dates beside it,
            # where they write none (one they write is the more precise)
            written = any(_YEAR_WRITTEN.search(d) for d in dates)
            return " – ".join(dates) + ("" if written else f" {years[0]}")
        return " – ".join(values)
    if len(filled) == 1 and column in ("seq_no", "title"):
        return filled[0][1]
    parts = [place_parts.part_of(m.header)[0] for m, _ in texts]
    if column == "place" and {place_parts.COUNTRY, place_parts.SETTLEMENT} <= set(parts):
        # «Страна» | «Город»: one place, «г. Н (Китай)»
        return place_parts.compose([(part, t) for part, (_, t) in zip(parts, texts, strict=True)])
    said = [(m, t) for m, t in filled if not is_placeholder(t)]  # «Страна: —» says nothing
    return "; ".join(  # a combined cell's part keeps its own label («Цель: …»), not its header
        f"{_sub_label(m.header)}: {fold(t)}" if _sub_label(m.header) and m.evidence != COMBINED else fold(t)
        for m, t in said
    )


def _actual_columns(feeding: list[ColumnMatch]) -> list[ColumnMatch]:
    """The date columns giving the actual date where the header of each date column names it the
    planned or the actual one («Дата по плану» | «Фактическая дата проведения», contracts/dates.yaml
    `planned_labels`, `actual_labels`): the planned date is what was meant, not when it was held, so
    it joins no range. Any other set of date columns («Дата начала» | «Дата окончания») is kept."""
    if len(feeding) < 2:
        return feeding
    kinds = [date_column_kind(m.header) for m in feeding]
    if None in kinds or "planned" not in kinds or "actual" not in kinds:
        return feeding
    return [m for m, kind in zip(feeding, kinds, strict=True) if kind == "actual"]


def _dates(text: str, period: Period | None, month: str):  # type: ignore[no-untyped-def]
    parsed = parse_dates(text, period)
    if parsed.note is not None:  # «план: 14.05.2025 / факт: 21.05.2025»: the actual date
        both = planned_and_actual(text, period)
        if both is not None:
            actual = both[3]
            return DateParse(actual.start, actual.end, ACTUAL_OF_PLANNED, None)
    if parsed.note is not None and period is not None and names_whole_period(text):
        return DateParse(period.first_day, period.last_day, WHOLE_QUARTER, None)  # «в течение квартала»
    if parsed.note is not None:  # «II квартал 2025 г.»: the quarter's three whole months
        quarter = quarter_in_cell(text, period.year if period else None)
        if quarter is not None:
            named, year_written = quarter
            return DateParse(
                named.first_day, named.last_day, WHOLE_MONTH if year_written else YEAR_FROM_PERIOD, None
            )
        half = half_year_in_cell(text, period.year if period else None)
        if half is not None:  # «1 полугодие 2025 г.»: its six whole months
            first, last, year_written = half
            return DateParse(
                first.first_day, last.last_day, WHOLE_MONTH if year_written else YEAR_FROM_PERIOD, None
            )
    if parsed.note is not None and month and fold(text) and month_of(text) is None:
        number = month_of(month)
        helped = parse_dates(f"{fold(text).rstrip('.')}.{number:02d}", period) if number else parsed
        if helped.note is None:
            return helped
    return parsed


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
            *_unread_note(_unread_columns(chosen), _unread_days(chosen)),
            *_content_note(chosen),
            *_not_held_note(found.not_held),
            *_part_note(found_period, period),
            *_addendum_note(addendum_line(doc.title, title)),
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


def _content_note(chosen: Sequence[ChosenTable]) -> tuple[str, ...]:
    """One note naming the tables no header names a column of, every column typed by its cells
    alone (`column_content.headerless`), each column with what its cells showed: a reading the
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


def _unread_columns(chosen: Sequence[ChosenTable]) -> dict[str, int]:
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
                and len(_filled(raw)) > 1  # not a heading row
                and not is_placeholder(raw.cells[index] or "")
            )
            if filled:
                key = fold(label)
                unread[key] = unread.get(key, 0) + filled
    return unread


def _unread_days(chosen: Sequence[ChosenTable]) -> frozenset[str]:
    """Header labels of unread columns of day numbers beside a month column (month_days)."""
    return frozenset(
        fold(label)
        for table in chosen
        for index, label in enumerate(table.reading.header)
        if index not in {m.index for m in table.matches}
        and days_beside_month(table.matches, table.body, index, table.reading.header) is not None
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


def _addendum_note(line: str | None) -> tuple[str, ...]:
    """The note on an addendum: its events add to its municipalities' report, replacing none."""
    if line is None:
        return ()
    shown = line if len(line) <= 90 else line[:88].rstrip() + "…"
    return (
        f"an addendum («{shown}»): its events add to its municipalities' report of the quarter, "
        "replacing none (a report sent whole again replaces both)",
    )


def _part_note(found: PeriodFound, period: Period | None) -> tuple[str, ...]:
    """The note on a report for part of a quarter («за май 2025 года»): loaded under the quarter, it
    adds to the quarter's report of its municipalities instead of replacing it."""
    if found.kind != PART or period is None:
        return ()
    return (
        f"the title names part of {period.label} («{found.text}»): loaded under {period.label}, its events "
        "add to the quarter's report of its municipalities (a report for the whole quarter replaces both)",
    )


def _not_held_note(skipped: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The note on rows skipped under a heading of events not held, one a heading."""
    return tuple(
        f"{len(rows)} row(s) under the heading «{heading}» not read as events: it says they were "
        f"planned, postponed or cancelled, not held ({', '.join(rows)})"
        for heading, rows in skipped.items()
    )


def _unread_note(unread: dict[str, int], days: frozenset[str] = frozenset()) -> tuple[str, ...]:
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
    return [c for t in chosen for raw in t.body if len(_filled(raw)) > 1 for c in raw.cells if c]


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
        raw = previous = _merged_down(raw, previous)
        if not own_text:
            continue  # blank, or only cells merged down into it: the rest of a row a page end cut
        if last_event is not None and _goes_on(own, mapping, rows[last_event], period):
            rows[last_event] = _continued(rows[last_event], own, matches, period, state.month)
            continue
        if last_event is not None and _stage_of(own, mapping, rows[last_event], period):
            rows[last_event] = _with_stage(rows[last_event], own, matches, period)
            continue
        filled = _filled(raw)
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
        if state.not_held and len(filled) > 1 and _numbered(raw, mapping) is None:
            found.not_held.setdefault(state.not_held, []).append(raw.locator)
            continue  # an event under a heading of events not held
        said = nil_row(raw, mapping)
        if said is not None:  # the section is reported, with no events
            named = said or (state.column_muni if has_muni_column else state.heading)
            found.nil.append((named, table.table))
            number = fold(_text(raw, mapping["seq_no"])) if "seq_no" in mapping else ""
            if seq_number(number) is not None:  # «2. Мероприятия не проводились»: № 2 is taken
                found.numbered_nil.append((len(rows), number, canonical_municipality(named) if named else ""))
            continue
        beside = _beside_municipality(raw, mapping) if has_muni_column else None
        over_dated = _heads_dated(table.body, position, mapping)
        if beside is not None and _theme_row(raw, mapping, beside, False, over_dated):
            # «Культура» in the title cell, the municipality's name repeated in its column
            sections.append(Section(raw.locator, THEME, fold(beside)))
            continue
        heading = filled[0] if len(filled) == 1 and seq_number(filled[0]) is None else _numbered(raw, mapping)
        heading = heading or _cut_heading(raw, mapping, filled, period, places)
        if heading is not None and places is not None:
            heading = fixed_heading(heading, places)
        if heading is not None:
            merged = any(c is None for c in raw.cells)
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
            if kind == OTHER and len(filled) == 2 and _heads_items(table.body, position, mapping):
                # «1.» | «Дни культуры Республики Беларусь» over «1.1», «1.2»: the group of its items
                sections.append(Section(raw.locator, THEME, fold(heading)))
                continue
            if kind == OTHER and _theme_row(raw, mapping, heading, merged, over_dated):
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
        if (is_totals(filled[0], skip_words) and seq_number(filled[0]) is None) or _totals_in_title(
            own, mapping, skip_words
        ):
            sections.append(Section(raw.locator, TOTALS, fold(" ".join(filled))))
            continue
        if has_muni_column:
            value = _field(raw, matches, "municipality", period)
            if fold(value):
                state = replace(state, column_muni=value)
            muni_raw = state.column_muni
        else:
            muni_raw = state.heading or state.title_muni
            first_line = None if muni_raw else _title_line_municipality(raw, mapping)
            if first_line is not None:  # «Ольховский район» / «Фестиваль «…»» in the title cell
                muni_raw, raw = first_line
        last_event = len(rows)
        if "seq_no" in mapping and mapping["seq_no"] in own.from_above:
            found.shared_numbers.append(last_event)
        under = state.settlement if not has_muni_column else ""  # a settlement's, the district's
        items = _listed_events(raw, matches, mapping, typed_lines)
        seq = mapping.get("seq_no")
        for k, item in enumerate(items):
            if k and seq is not None and _text(item, seq) == _text(items[0], seq):
                found.shared_numbers.append(len(rows))  # the row's other events, under its № (counted once)
            last_event = len(rows)
            row = _row(source_file, item, matches, len(rows), under or muni_raw, period, state.month)
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


_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A cell holding a year alone («2024», «2024 г.», «2024 год»).
_YEAR_CELL = re.compile(r"(?:19|20)\d\d(?:\s*(?:г\.?|год[а-я]*))?")


def _one_year(chosen: Sequence[ChosenTable]) -> int | None:
    """The one year the events' date cells write, None when they write none or several."""
    years = {
        int(year)
        for table in chosen
        for index in {m.index for m in table.matches if m.column == "date_text"}
        for raw in table.body
        for year in _YEAR_WRITTEN.findall(_text(raw, index))
    }
    return years.pop() if len(years) == 1 else None


# A section's number in the № column: «1.», «2)», «IV».
_SECTION_NUMBER = re.compile(r"(?:[0-9]{1,3}|[IVXLC]{1,6})[.)]?")
# Where the text of an event that goes on in the row below may stand (not its №, title or date).
_GOING_ON = ("place", "goal", "participants")


def _theme_row(raw: RawRow, mapping: Mapping[str, int], heading: str, merged: bool, over_dated: bool) -> bool:
    """A theme's heading: common words only, no quotes (`sections.is_theme`; a section's number
    before them, «I. Культурное сотрудничество», aside), across a table with a municipality column
    or typed alone in the № column, where no event's title stands; or typed alone in the title
    cell right above a dated event (`over_dated`: a row of only a title over nothing dated is an
    event whose other cells were left empty, flagged so)."""
    in_seq = "seq_no" in mapping and fold(_text(raw, mapping["seq_no"])) == fold(heading)
    in_title = over_dated and "title" in mapping and fold(_text(raw, mapping["title"])) == fold(heading)
    words = _SECTION_PREFIX.sub("", fold(heading))
    # quotes name an event («Фестиваль «Дружба»»), not a theme
    return (merged or in_seq or in_title) and QUOTE_MARKS.isdisjoint(heading) and is_theme(words)


# A section's number opening a heading: «1. », «IV) ».
_SECTION_PREFIX = re.compile(r"^(?:[0-9]{1,3}|[IVXLC]{1,6})[.)]\s*")


def _beside_municipality(raw: RawRow, mapping: Mapping[str, int]) -> str | None:
    """The one text of a row besides its municipality cell, where it stands in the title cell."""
    muni, title = mapping.get("municipality"), mapping.get("title")
    texts = [(j, c) for j, c in enumerate(raw.cells) if j != muni and c is not None and fold(c)]
    return texts[0][1] if len(texts) == 1 and texts[0][0] == title else None


def _heads_items(body: Sequence[RawRow], position: int, mapping: Mapping[str, int]) -> bool:
    """Whether the row at `position`, numbered «N.» in the № column, is followed by its first item,
    numbered «N.1»."""
    seq = mapping.get("seq_no")
    head = _PLAIN_NUMBER.fullmatch(fold(_text(body[position], seq))) if seq is not None else None
    if seq is None or head is None:
        return False
    for raw in body[position + 1 :]:
        if any(fold(c or "") for c in raw.cells):
            item = _FIRST_ITEM.fullmatch(fold(_text(raw, seq)))
            return item is not None and item.group(1) == head.group(1)
    return False


# A section's number: «1», «2.»; the first item under it: «1.1», «2.1.».
_PLAIN_NUMBER = re.compile(r"(\d{1,3})[.)]?")
_FIRST_ITEM = re.compile(r"(\d{1,3})\.0*1\.?")


def _heads_dated(body: Sequence[RawRow], position: int, mapping: Mapping[str, int]) -> bool:
    """Whether the next row with text after `position` writes a date in the dates column, or says
    no events were held (a theme's «Мероприятия не проводились»)."""
    if "date_text" not in mapping:
        return False
    for raw in body[position + 1 :]:
        if any(fold(c or "") for c in raw.cells):
            return bool(fold(_text(raw, mapping["date_text"]))) or nil_row(raw, mapping) is not None
    return False


def _totals_in_title(own: RawRow, mapping: Mapping[str, int], skip_words: Sequence[str]) -> bool:
    """A totals line typed in the title cell, the other cells of the row counting what the rows
    above hold («Итого:» beside the municipality's name and «541 человек»): no place or date of
    its own."""
    if "title" not in mapping or not is_totals(_text(own, mapping["title"]), skip_words):
        return False
    return not any(fold(_text(own, mapping[c])) for c in ("place", "date_text") if c in mapping)


def _title_line_municipality(raw: RawRow, mapping: Mapping[str, int]) -> tuple[str, RawRow] | None:
    """The municipality a title cell names on its first line, above the event's name, where no
    heading, column or title names the row's («Ольховский район» / «Фестиваль «Лад»»): the name,
    and the row with its title cell holding the rest; None for any other row."""
    if "title" not in mapping:
        return None
    index = mapping["title"]
    lines = [line for line in _text(raw, index).splitlines() if fold(line)]
    if len(lines) < 2 or municipality_name(lines[0]) is None:
        return None
    cells = tuple("\n".join(lines[1:]) if i == index else c for i, c in enumerate(raw.cells))
    return fold(lines[0]), replace(raw, cells=cells)


def _only_number(raw: RawRow, mapping: Mapping[str, int]) -> bool:
    """Whether the row's one text is a № in the № column: a row of the form left blank."""
    seq = mapping.get("seq_no")
    return seq is not None and seq_number(_text(raw, seq)) is not None


# A heading across the table that a scan's column lines cut into pieces: at most this many, of at
# most this many words put together.
_CUT_PIECES = 3
_CUT_WORDS = 8


def _cut_heading(
    raw: RawRow,
    mapping: Mapping[str, int],
    filled: Sequence[str],
    period: Period | None,
    places: frozenset[str] | None = None,
) -> str | None:
    """A municipality's heading a scan's column lines cut into pieces («Город Аст» | «рахань»):
    two or three texts, none a № or a date, the title's cell empty, that read as a municipality's
    name put together (at a cut word, or between words; a scan's misread name put right to
    `places` first, `ocr_names`); None for any other row."""
    if (
        not 2 <= len(filled) <= _CUT_PIECES
        or ("title" in mapping and fold(_text(raw, mapping["title"])))
        or any(seq_number(t) is not None or parse_dates(t, period).start is not None for t in filled)
    ):
        return None
    texts = [fold(t) for t in filled]
    for glue in ("", " "):
        joined = glue.join(texts)
        if places is not None:  # «Городской ок» | «›уг город Энск»: the mark inside the word read
            joined = fixed_heading(joined, places)
        if len(joined.split()) <= _CUT_WORDS and municipality_name(joined) is not None:
            return joined
    return _kind_completed(texts)


def _kind_completed(texts: Sequence[str]) -> str | None:
    """A heading whose kind word the cut left a piece of, the rest misread («Городецкий
    муниципальный ок» | «зуг»; «Го» | «эод Череповец»): the first piece with its last word, a
    kind noun's beginning (two letters or more), made that noun; or, the first piece a settlement
    noun's beginning, that noun and the capitalised name the last piece ends with. Kept only when
    it reads as a municipality's name."""
    vocabulary = muni_vocabulary()
    words = texts[0].split()
    last = words[-1].lower()
    tried = []
    if len(words) > 1 and len(last) >= _KIND_PIECE:
        tried += [
            " ".join([*words[:-1], noun]) for noun in sorted(vocabulary.kind_nouns) if noun.startswith(last)
        ]
    name = _CAPITALISED_TAIL.search(texts[-1]) if len(texts) > 1 else None
    if len(words) == 1 and len(last) >= _KIND_PIECE and name is not None:
        tried += [
            f"{noun} {name.group().strip()}"
            for noun in sorted(vocabulary.settlement_nouns)
            if noun.startswith(last)
        ]
    return next((t for t in tried if municipality_name(t) is not None), None)


# The capitalised words a text ends with: a place's name after a piece OCR misread («эод Череповец»).
_CAPITALISED_TAIL = re.compile(r"(?:[А-ЯЁ][а-яё-]+\s*)+$")
# The least of a kind noun a cut leaves that still tells it («ок» of «округ», «Го» of «Город»).
_KIND_PIECE = 2


def _numbered(raw: RawRow, mapping: Mapping[str, int]) -> str | None:
    """The heading of a row holding a section's number in the № column and one text besides
    («1.» | «Город Смоленск», merged across the rest); None for any other row."""
    seq = mapping.get("seq_no")
    texts = [(j, c) for j, c in enumerate(raw.cells) if c is not None and fold(c)]
    if seq is None or len(texts) != 2 or texts[0][0] != seq:
        return None
    return texts[1][1] if _SECTION_NUMBER.fullmatch(fold(texts[0][1])) else None


def _goes_on(own: RawRow, mapping: Mapping[str, int], above: Row, period: Period | None = None) -> bool:
    """Whether a row (its own cells, None where merged from above) carries on the event above it:
    its № merged down from that event (and no title of its own), unless it holds the event again
    (`_held_again`); no №, title or date of its own but more of its place, goal or participants;
    or, under a numbered event, no № of its own and the rest of cells a page or a clerk's Enter
    cut (`_cut_off`). A row of one text across the table (every cell after the first merged into
    it from the left) is a heading, whatever column comes first: a cut cell's rest stands apart."""
    if len(own.cells) > 2 and fold(own.cells[0] or "") and _across(own):
        return False
    seq = mapping.get("seq_no")
    title = fold(_text(own, mapping["title"])) if "title" in mapping else ""
    if seq is not None and seq in own.from_above:
        return not title and not _held_again(own, mapping, above, period)
    if seq is not None and above.seq_text and not fold(_text(own, seq)) and _cut_off(own, mapping, above):
        return True
    key = [i for c, i in mapping.items() if c in ("seq_no", "title", "date_text")]
    if any(fold(_text(own, i)) for i in key):
        return False
    return any(fold(_text(own, mapping[c])) for c in _GOING_ON if c in mapping)


def _across(row: RawRow) -> bool:
    """Every cell after the first is merged into it from the left (none from the row above)."""
    return all(c is None and i not in row.from_above for i, c in enumerate(row.cells) if i)


# A stage's number under its event's: «1.1», «1.2.» under «1»; «а)», «б)» under any number.
_STAGE_NUMBER = re.compile(r"\s*(\d{1,3})\.\d{1,3}\.?\s*")
_STAGE_LETTER = re.compile(r"\s*[а-я]\)\s*")


def _stage_of(own: RawRow, mapping: Mapping[str, int], above: Row, period: Period | None) -> bool:
    """Whether a row is a stage or a day of the event above it, not an event: numbered under that
    event's № («1.1», «1.2» under «1»; «а)», «б)») or, with no № of its own, its title opening
    with a bullet («– торжественное открытие»), with a title, no place of its own, and its date,
    where it writes one, within the event's days («Торжественное открытие», «Гала-концерт» of a
    festival held 12–14 May)."""
    if not {"title", "place"} <= mapping.keys() or above.start_date is None:
        return False
    number = fold(_text(own, mapping["seq_no"])) if "seq_no" in mapping else ""
    title = fold(_text(own, mapping["title"]))
    if not _stage_number(number, title, above):
        return False
    if not title or fold(_text(own, mapping["place"])):
        return False
    date = fold(_text(own, mapping["date_text"])) if "date_text" in mapping else ""
    if not date:
        return True
    parsed = parse_dates(date, period)
    end = above.end_date or above.start_date
    return (
        parsed.start is not None
        and parsed.end is not None
        and above.start_date <= parsed.start
        and parsed.end <= end
    )


def _stage_number(number: str, title: str, above: Row) -> bool:
    """Whether a row's № (or, with none, its title's bullet) numbers a stage of the event above."""
    under = _STAGE_NUMBER.fullmatch(number)
    if under is not None:
        return (
            above.seq_no is not None
            and not _STAGE_NUMBER.fullmatch(above.seq_text)
            and int(under.group(1)) == above.seq_no
        )
    if number:
        return bool(_STAGE_LETTER.fullmatch(number)) and above.seq_no is not None
    return bulleted(title)  # «– торжественное открытие» with no № of its own


def _with_stage(row: Row, own: RawRow, matches: Sequence[ColumnMatch], period: Period | None) -> Row:
    """The event with a stage row's text («1.1 Торжественное открытие, 12.05.2025») appended to its
    goal (what it held), nothing lost."""
    columns = ("seq_no", "title", "date_text", "goal", "participants")
    said = [fold(_field(own, matches, c, period)) for c in columns]
    line = " ".join(said[:2]) + "".join(f", {t}" for t in said[2:] if t)
    goal = "\n".join(t for t in (row.goal_raw, line) if fold(t))
    return replace(row, goal_raw=goal, goal=fold(goal))


def _held_again(own: RawRow, mapping: Mapping[str, int], above: Row, period: Period | None) -> bool:
    """A row under the № and title of the event above, both merged down over it, with a place of its
    own and a whole date of its own apart from the whole date above (days between them, at least
    the contract's `heldAgainGapDays`; not the end of a range it left open): the same event held
    once more, elsewhere (a row of its own under the same title), not more days of one holding (a
    visit's next day at another place)."""
    if not {"title", "place", "date_text"} <= mapping.keys() or mapping["title"] not in own.from_above:
        return False
    place, date = (fold(_text(own, mapping[c])) for c in ("place", "date_text"))
    if not place or not date or above.start_date is None or above.end_date is None:
        return False
    if _DANGLING.search(above.date_text):
        return False
    parsed = parse_dates(date, period)
    if parsed.note is not None or parsed.start is None or parsed.end is None:
        return False
    gap = int(contracts.load_contract().threshold("heldAgainGapDays", 2))
    return (parsed.start - above.end_date).days >= gap or parsed.end < above.start_date


# How a title's rest opens: a lower-case letter («из Китайской Народной Республики»), a bracket or a
# closing quote.
_TITLE_GOES_ON = re.compile(r"[a-zа-яё(»“”]")


def _cut_off(own: RawRow, mapping: Mapping[str, int], above: Row) -> bool:
    """A row holding the rest of the event above's title, cut where a cell was split over two rows:
    its title opens as no title does (`_TITLE_GOES_ON`) or closes a quote the title above left
    open («Выставка «Дружба» | «России и Китая»»), and its date cell is empty or ends the range the
    date above left open («05.06.2025 –» | «07.06.2025»), which it may hold with no title."""
    title = fold(_text(own, mapping["title"])) if "title" in mapping else ""
    date = fold(_text(own, mapping["date_text"])) if "date_text" in mapping else ""
    rest = own.cells[mapping["title"] + 1 :] if "title" in mapping else ()
    if title and rest and all(c is None for c in rest):
        return False  # one cell merged across the row: a heading («город Курск»), no cell split
    dangling = bool(_DANGLING.search(above.date_text))
    if date and not dangling:
        return False
    if not title:
        return bool(date)  # the end of the range, with more of the place or the goal
    return bool(_TITLE_GOES_ON.match(title)) or above.title.count("«") > above.title.count("»")


# A date cell ending on a range dash: its end written in the row below.
_DANGLING = re.compile(r"[-–—]\s*$")


def _continued(
    row: Row, own: RawRow, matches: Sequence[ColumnMatch], period: Period | None, month: str
) -> Row:
    """The event with the text a row below it carries on appended, field by field."""
    more = {c: _field(own, matches, c, period) for c in TEXT_COLUMNS}
    joined = {
        c: "\n".join(t for t in (getattr(row, f"{c}_raw" if c != "date_text" else c), more[c]) if fold(t))
        for c in TEXT_COLUMNS
    }
    texts: dict[str, Any] = {
        f: value
        for c in TEXT_COLUMNS
        if c != "date_text"
        for f, value in ((f"{c}_raw", joined[c]), (c, _folded(c, joined[c])))
    }
    if fold(more["date_text"]):
        dates = _dates(joined["date_text"], period, month)
        texts |= {
            "date_text": joined["date_text"],
            "start_date": dates.start,
            "end_date": dates.end,
            "date_form": dates.form,
        }
    return replace(row, **texts)


def _folded(column: str, text: str) -> str:
    """A cell's text folded; an event's name and place without footnote marks after their words."""
    folded = fold(text)
    return without_footnote_marks(folded) if column in {"title", "place"} else folded


def _merged_down(raw: RawRow, above: RawRow | None) -> RawRow:
    """The row with the text of each cell merged down into it from the row above (one date or
    place written once for two events)."""
    if not raw.from_above or above is None:
        return raw
    cells = tuple(
        above.cells[i] if c is None and i in raw.from_above and i < len(above.cells) else c
        for i, c in enumerate(raw.cells)
    )
    return replace(raw, cells=cells)


def _row(
    source_file: str,
    raw: RawRow,
    matches: Sequence[ColumnMatch],
    index: int,
    muni_raw: str,
    period: Period | None,
    month: str,
) -> Row:
    texts = {c: _field(raw, matches, c, period) for c in (*TEXT_COLUMNS, "seq_no")}
    moved = goal_out_of_title(texts["title"], texts["goal"], contracts.header_synonyms())
    if moved is not None:  # «Форум «…». Цель: …» under a title column: the goal is the goal's
        texts["title"], texts["goal"] = moved
    title = _folded("title", texts["title"])
    in_title = None if fold(texts["date_text"]) else date_in_title(title, period)
    if in_title is not None:  # the date cell empty, the title ending with a whole date
        title, texts["date_text"], read = in_title
        dates = DateParse(read.start, read.end, FROM_TITLE, None)
    else:
        dates = _dates(texts["date_text"], period, month)
    unpaired = unpaired_note(texts["title"], texts["date_text"], texts["seq_no"])
    if unpaired is not None:  # several events' dates, not one event's span: none is read
        dates = DateParse(None, None, None, unpaired)
    return Row(
        source_file=source_file,
        source_locator=raw.locator,
        row_index=index,
        seq_text=fold(texts["seq_no"]),
        seq_no=seq_number(texts["seq_no"]),
        municipality_raw=muni_raw,
        municipality=canonical_municipality(muni_raw) if fold(muni_raw) else "",
        title_raw=texts["title"],
        title=title,
        place_raw=texts["place"],
        place=_folded("place", texts["place"]),
        date_text=texts["date_text"],
        start_date=dates.start,
        end_date=dates.end,
        date_form=dates.form,
        goal_raw=texts["goal"],
        goal=fold(texts["goal"]),
        participants_raw=texts["participants"],
        participants=fold(texts["participants"]),
        status_text=fold(_field(raw, matches, STATUS_COLUMN, period)),
    )
