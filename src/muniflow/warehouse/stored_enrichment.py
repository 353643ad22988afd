"""A report's enrichment as stored: each row's settlements, partner countries and format, its
partners, the agreements it names and which rows name them."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from muniflow.enrich.report import ReportEnrichment
from muniflow.model import Row
from muniflow.warehouse.bulk import insert_records


def delete_enrichment(con: duckdb.DuckDBPyConnection, report_id: str) -> None:
    """Remove a report's enrichment, partners and document links."""
    for table in ("core.agreement_events", "core.event_partners", "core.event_enrichment"):
        con.execute(f"delete from {table} where report_id = ?", [report_id])  # names, not values


def replace_enrichment(
    con: duckdb.DuckDBPyConnection, report_id: str, rows: Sequence[Row], enrichment: ReportEnrichment
) -> None:
    """Store a report's enrichment again, in place of what it had (a new reading or region)."""
    delete_enrichment(con, report_id)
    insert_enrichment(con, report_id, rows, enrichment)


def insert_enrichment(
    con: duckdb.DuckDBPyConnection, report_id: str, rows: Sequence[Row], enrichment: ReportEnrichment
) -> None:
    """Store each row's enrichment and partners, the report's documents and which rows name them.

    A document already stored (same id, from another report) keeps its first wording; a date is
    filled in when it had none, so loading in any order ends with the same dates.
    """
    enriched = list(zip((r.row_index for r in rows), enrichment.rows, strict=True))
    facts = [
        [
            report_id,
            i,
            list(e.settlements),
            list(e.partner_countries),
            e.format,
            list(e.format_cues),
            e.is_online,
        ]
        for i, e in enriched
    ]
    partners = [
        [report_id, i, position, p.country_code, p.country_name, p.settlement, p.place_kind]
        for i, e in enriched
        for position, p in enumerate(e.partners)
    ]
    documents = [
        [linked.agreement_id, a.kind, list(a.parties), a.signed_on, a.text]
        for linked in enrichment.agreements
        for a in [linked.agreement]
    ]
    links = [[linked.agreement_id, report_id, i] for linked in enrichment.agreements for i in linked.events]
    insert_records(con, "core.event_enrichment", facts)
    insert_records(con, "core.event_partners", partners)
    insert_records(
        con,
        "core.agreements",
        documents,
        "on conflict (agreement_id) do update"
        " set signed_on = coalesce(core.agreements.signed_on, excluded.signed_on)",
    )
    insert_records(con, "core.agreement_events", links, "on conflict do nothing")
