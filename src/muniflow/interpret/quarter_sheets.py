"""A workbook kept for the whole year, a sheet per quarter: only the report's quarter is read.

An office that keeps its events in one workbook adds a sheet each quarter («1 квартал», «2 квартал»)
and sends the whole workbook. Each sheet names its quarter in its name or in the title above its
table. When the sheets name two quarters or more, the report is the quarter asked for (`--period`),
else the latest one whose sheet holds an event (the next quarter's sheet, made ready, is empty):
the tables of sheets naming another quarter are left out, each with the reason, and the report's
title is its own sheet's.
"""

from __future__ import annotations

from dataclasses import replace

from muniflow.interpret.period import find_period
from muniflow.interpret.reading import TableReading
from muniflow.model import Period, RawDocument, RawTable


def sheet_quarters(doc: RawDocument, asked: Period | None) -> tuple[RawDocument, list[TableReading]]:
    """The document with only the tables of its report's quarter's sheets (the title of the first
    of them), and a reading for each table left out; the document itself when its sheets name no
    two quarters."""
    sheets = list(dict.fromkeys(t.sheet for t in doc.tables if t.sheet))
    if len(sheets) < 2:
        return doc, []
    default_year = find_period(doc.title).period
    year = default_year.year if default_year is not None else None
    named: dict[str, Period] = {}
    for sheet in sheets:
        caption = next(t.caption for t in doc.tables if t.sheet == sheet)
        found = find_period(sheet, year).period or find_period(caption, year).period
        if found is not None:
            named[sheet] = found
    quarters = set(named.values())
    if len(quarters) < 2:
        return doc, []
    # the latest quarter whose sheet holds an event (a sheet made ready for the next quarter is empty)
    held = {q for sheet, q in named.items() if any(_has_event(t) for t in doc.tables if t.sheet == sheet)}
    report = asked if asked in quarters else max(held or quarters, key=lambda p: (p.year, p.quarter))
    kept = [t for t in doc.tables if named.get(t.sheet, report) == report]
    left = [t for t in doc.tables if named.get(t.sheet, report) != report]
    first = next(t for t in kept if t.sheet in named)
    readings = [_left_out(t, named[t.sheet], report) for t in left]
    return replace(doc, title=first.caption or first.sheet, tables=tuple(kept)), readings


def _has_event(table: RawTable) -> bool:
    """Whether a body row of the table fills two cells or more (a form's blank row fills its № only)."""
    return any(sum(1 for c in row.cells if c and c.strip()) >= 2 for row in table.rows)


def _left_out(table: RawTable, quarter: Period, report: Period) -> TableReading:
    reason = f"sheet «{table.sheet}» holds {quarter.label}, another quarter than the report's {report.label}"
    return TableReading(table.locator, False, reason)
