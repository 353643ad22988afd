"""Raw tables -> report rows: canonical columns, municipality headings or column, normalized cells."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from muniflow.interpret.errors import InterpretError
from muniflow.interpret.header import map_header
from muniflow.interpret.municipality import canonical_municipality
from muniflow.interpret.nil import municipality_in_text, nil_letter, nil_row, nil_sections
from muniflow.interpret.title import parse_period, parse_region
from muniflow.model import Cell, Period, RawDocument, RawRow, RawTable, Report, Row
from muniflow.normalize.dates import parse_dates
from muniflow.normalize.text import fold, seq_number

TEXT_COLUMNS = ("title", "place", "date_text", "goal", "participants")
# A heading row that is not merged must still read like a municipality's name.
_MUNICIPAL_WORDS = re.compile(r"муниципальн|район|округ|город|поселени|администраци|\bг\.\s", re.IGNORECASE)


def _cell(row: RawRow, mapping: Mapping[str, int], column: str) -> Cell:
    index = mapping.get(column)
    if index is None or index >= len(row.cells):
        return ""
    return row.cells[index]


def _filled(row: RawRow) -> list[str]:
    return [c for c in row.cells if c is not None and fold(c)]


def _is_column_numbers(row: RawRow) -> bool:
    """A row of column numbers (1 2 3 …) under the header, as many report templates have."""
    texts = [fold(c).rstrip(".") for c in row.cells if c is not None]
    return len(texts) > 2 and texts == [str(i) for i in range(1, len(texts) + 1)]


def _is_repeated_header(row: RawRow, header: Sequence[str]) -> bool:
    return [fold(c or "") for c in row.cells] == [fold(h) for h in header]


def _heading(row: RawRow, mapping: Mapping[str, int]) -> str | None:
    """The municipality a heading row names, or None when the row is not a heading."""
    filled = _filled(row)
    if len(filled) != 1 or seq_number(filled[0]) is not None:
        return None
    merged = any(c is None for c in row.cells)
    if merged or ("municipality" not in mapping and _MUNICIPAL_WORDS.search(filled[0])):
        return filled[0]
    return None


def _tables_with_mapping(
    doc: RawDocument, synonyms: Mapping[str, Sequence[str]]
) -> list[tuple[RawTable, dict[str, int], tuple[RawRow, ...]]]:
    """Pick the event tables; a header-less table as wide as the last one continues it."""
    picked: list[tuple[RawTable, dict[str, int], tuple[RawRow, ...]]] = []
    first_error: InterpretError | None = None
    for table in doc.tables:
        try:
            mapping = map_header(table.header, synonyms)
        except InterpretError as err:
            first_error = first_error or err
            if picked and len(table.header) == len(picked[-1][0].header):
                as_row = RawRow(tuple(table.header), f"{table.locator}, row 1")
                picked.append((table, picked[-1][1], (as_row, *table.rows)))
            continue
        picked.append((table, mapping, table.rows))
    if not picked:
        if first_error is not None:
            raise first_error
        raise InterpretError("no_table_found", "the document holds no table")
    return picked


def interpret_document(
    doc: RawDocument,
    synonyms: Mapping[str, Sequence[str]],
    period_override: Period | None = None,
) -> Report:
    """Turn a raw document into a report: region and period from the title, one Row per event row.

    The period comes from `period_override` when given, else from the title; it stays None when
    neither names one (the caller quarantines such a file as `period_unknown`).
    """
    letter = nil_letter(doc, period_override)
    if letter is not None:
        return letter
    period = period_override or parse_period(doc.title)
    region = parse_region(doc.title)
    rows: list[Row] = []
    nil_found: list[tuple[str, RawTable]] = []
    # a single municipality's report names itself in its title, not in a heading row
    title_muni = municipality_in_text(doc.title)
    heading_raw = ""
    column_muni = ""
    for table, mapping, body in _tables_with_mapping(doc, synonyms):
        for raw in body:
            if not _filled(raw) or _is_column_numbers(raw) or _is_repeated_header(raw, table.header):
                continue
            said = nil_row(raw, mapping)
            if said is not None:  # «мероприятия не проводились»: the section is reported, empty
                nil_found.append((said or (column_muni if "municipality" in mapping else heading_raw), table))
                continue
            heading = _heading(raw, mapping)
            if heading is not None:
                heading_raw = heading
                continue
            if "municipality" in mapping:
                value = _cell(raw, mapping, "municipality")
                if value is not None and fold(value):
                    column_muni = value
                muni_raw = column_muni
            else:
                muni_raw = heading_raw or title_muni
            rows.append(_row(doc.source_file, raw, mapping, len(rows), muni_raw, period))
    return Report(
        source_file=doc.source_file,
        format=doc.format,
        region=region,
        period=period,
        rows=tuple(rows),
        pages=doc.pages,
        nil_municipalities=nil_sections(nil_found, doc),
    )


def _row(
    source_file: str,
    raw: RawRow,
    mapping: Mapping[str, int],
    index: int,
    muni_raw: str,
    period: Period | None,
) -> Row:
    texts = {c: _cell(raw, mapping, c) or "" for c in (*TEXT_COLUMNS, "seq_no")}
    dates = parse_dates(texts["date_text"], period)
    return Row(
        source_file=source_file,
        source_locator=raw.locator,
        row_index=index,
        seq_text=fold(texts["seq_no"]),
        seq_no=seq_number(texts["seq_no"]),
        municipality_raw=muni_raw,
        municipality=canonical_municipality(fold(muni_raw)) if muni_raw else "",
        title_raw=texts["title"],
        title=fold(texts["title"]),
        place_raw=texts["place"],
        place=fold(texts["place"]),
        date_text=texts["date_text"],
        start_date=dates.start,
        end_date=dates.end,
        date_form=dates.form,
        goal_raw=texts["goal"],
        goal=fold(texts["goal"]),
        participants_raw=texts["participants"],
        participants=fold(texts["participants"]),
    )
