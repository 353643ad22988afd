"""One events table's rows -> report rows (`read_table`): each raw row read as an event (its
cells normalized, a row a page's end cut joined to the event above, a cell listing several events
split into them), a heading (a municipality, a settlement, a month, a theme, totals, events not
held), a nil row, or left out (blank, column numbers, a repeated header); with what the rows above
say about the rows below (`State`) and what the tables say besides their events (`Found`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from muniflow.interpret.cell_items import split_row_cells
from muniflow.interpret.header_rows import is_column_numbers
from muniflow.interpret.municipality import canonical_municipality, municipality_name
from muniflow.interpret.nil import (
    municipality_in_text,
    nil_row,
)
from muniflow.interpret.not_held import NOT_HELD, not_held_heading
from muniflow.interpret.ocr_names import fixed_heading
from muniflow.interpret.open_merge import open_merged
from muniflow.interpret.reading import (
    ColumnMatch,
    Section,
)
from muniflow.interpret.row_fields import (
    TEXT_COLUMNS,
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
    remarked_heading,
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
from muniflow.interpret.tables import (
    ChosenTable,
)
from muniflow.model import Period, RawRow, RawTable, Row
from muniflow.normalize.text import fold, seq_number


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
class Found:
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
class State:
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


def read_table(
    source_file: str,
    table: ChosenTable,
    period: Period | None,
    skip_words: Sequence[str],
    state: State,
    rows: list[Row],
    sections: list[Section],
    found: Found,
    places: frozenset[str] | None = None,
    typed_lines: bool = False,
) -> State:
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
        # a heading with a remark beside it is neither the rest of the event above nor its stage
        carries_on = last_event is not None and remarked_heading(own, mapping) is None
        if last_event is not None and carries_on and goes_on(own, mapping, rows[last_event], period):
            rows[last_event] = continued_row(rows[last_event], own, matches, period, state.month)
            continue
        if last_event is not None and carries_on and stage_of(own, mapping, rows[last_event], period):
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
            else numbered_heading(raw, mapping) or remarked_heading(raw, mapping)
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


def _only_number(raw: RawRow, mapping: Mapping[str, int]) -> bool:
    """Whether the row's one text is a № in the № column: a row of the form left blank."""
    seq = mapping.get("seq_no")
    return seq is not None and seq_number(cell_at(raw, seq)) is not None
