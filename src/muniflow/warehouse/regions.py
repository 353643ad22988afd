"""A loaded report whose title names no region, given its region after it was stored.

A report learns its region when it is loaded from the reports loaded before it
(`stages.load_file`). Files load one by one, so a municipality's report that names no region
(«…администрацией города Х…») and arrives in the same inbox as the region's compilation loads
before it or after it by name alone; loaded first, it stayed of no region, and a report of unknown
region is never a version of one of a known region: the compilation's rows of that municipality
were taken for duplicates of it. So after a run's loads, a loaded report of no region takes the
one region the warehouse's other reports name for its municipalities, and `ingest --region` names
one for a region-less report stored before (`pipeline`). Its sections then version with that region's reports
in their load order, its row keys follow the region, and its enrichment is made again with it.
A report whose rows carry a review decision keeps its region: the decisions hold its row keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from muniflow.warehouse import loader, lookups, stored_enrichment
from muniflow.warehouse.db import statement, transaction
from muniflow.warehouse.enrichment import enrich_report
from muniflow.warehouse.flag_history import store_row_keys
from muniflow.warehouse.sections import sync_statuses


@dataclass(frozen=True)
class Assigned:
    """A report given a region after it was stored, and why."""

    report_id: str
    period: str
    region: str
    note: str


def adopt_regions(con: duckdb.DuckDBPyConnection, periods: Sequence[str]) -> list[Assigned]:
    """Give each loaded report of no region in `periods` the one region the warehouse's other
    reports name for all its municipalities (reports loaded after it included); returns those given."""
    if not periods:
        return []
    found = con.execute(statement("regionless_reports"), {"periods": sorted(periods)}).fetchall()
    assigned = []
    for report_id, period, municipalities in found:
        region = lookups.region_of_municipalities(con, list(municipalities))
        if region is None:
            continue
        note = f"the title names no region: {region}, the one its municipalities' other reports name"
        if assign_region(con, report_id, region, note):
            assigned.append(Assigned(report_id, period, region, note))
    return assigned


def assign_region(con: duckdb.DuckDBPyConnection, report_id: str, region: str, note: str) -> tuple[str, ...]:
    """Give a loaded or superseded report of no region `region`, with `note` added to its message:
    its row keys, enrichment and the statuses of its quarter follow. Returns its quarter (empty when
    nothing was done: it has a region, is quarantined or carries a review decision)."""
    found = con.execute(
        statement("regionless_report_period"),
        [report_id, report_id],
    ).fetchone()
    if found is None:
        return ()
    period, message = found
    rows = [row for _, row in loader.report_rows(con, report_id)]
    enrichment = enrich_report(rows, region) if rows else None
    with transaction(con):
        con.execute(
            "update core.reports set region = ?, message = ? where report_id = ?",
            [region, "; ".join(m for m in (message, note) if m), report_id],
        )
        store_row_keys(con, report_id)
        if enrichment is not None:
            stored_enrichment.replace_enrichment(con, report_id, rows, enrichment)
        sync_statuses(con, period)
    return (period,)
