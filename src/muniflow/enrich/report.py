"""One report's enrichment, computed from its rows before the load so the loader only stores it (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from muniflow.enrich import Enrichment, LinkedAgreement, enrich_event, link_agreements
from muniflow.model import Row


@dataclass(frozen=True)
class ReportEnrichment:
    """What enrichment adds to a report: one Enrichment per row, in row order, and its documents.

    Each LinkedAgreement's `events` are the `row_index` values of the rows that mention it.
    """

    rows: tuple[Enrichment, ...]
    agreements: tuple[LinkedAgreement, ...]


def enrich_report(rows: Sequence[Row], region: str | None = None) -> ReportEnrichment:
    """Enrich every row from its normalized cells and link the documents their goals name;
    `region` is the report's (its abbreviation, "РБ" in Bashkortostan, names no country there)."""
    return ReportEnrichment(
        rows=tuple(enrich_event(r.title, r.place, r.goal, r.participants, region) for r in rows),
        agreements=tuple(link_agreements((r.row_index, r.goal) for r in rows)),
    )


def check_fits(enrichment: ReportEnrichment, rows: Sequence[Row]) -> None:
    """Refuse an enrichment that is not of these rows: it would attach places to the wrong events."""
    if len(enrichment.rows) != len(rows):
        raise ValueError(f"enrichment has {len(enrichment.rows)} rows but the report has {len(rows)}")
    indexes = {r.row_index for r in rows}
    stray = sorted({str(e) for a in enrichment.agreements for e in a.events if e not in indexes})
    if stray:
        raise ValueError(f"agreements link rows {stray[:5]} the report does not have")
