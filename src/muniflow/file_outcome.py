"""A file's outcome (`FileOutcome`: its report, flags and enrichment, or why it was quarantined) and
how the caller reshapes one before the load: named as lineage names the file, given a region, or
made from an archive refused whole. What builds an outcome from a document is `muniflow.stages`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from muniflow.enrich.report import ReportEnrichment
from muniflow.intake.expand import Refused
from muniflow.model import Flag, Report


@dataclass(frozen=True)
class FileOutcome:
    """One input file after extraction and validation: its report or why it was quarantined."""

    source_file: str
    sha256: str
    format: str | None
    report: Report | None
    flags: tuple[Flag, ...] = ()
    reason: str | None = None
    message: str | None = None
    enrichment: ReportEnrichment | None = None


def named(outcome: FileOutcome, name: str) -> FileOutcome:
    """The outcome, its report and its rows under the name lineage gives the file."""
    if outcome.source_file == name:
        return outcome
    report = outcome.report
    if report is not None:
        rows = tuple(replace(row, source_file=name) for row in report.rows)
        report = replace(report, source_file=name, rows=rows)
    return replace(outcome, source_file=name, report=report)


def refused_archive(refused: Refused) -> FileOutcome:
    """An archive refused whole, as a quarantined file."""
    return FileOutcome(
        refused.source_file,
        refused.sha256,
        "zip",
        None,
        reason=refused.error.reason,
        message=refused.error.message,
    )


def with_region(outcome: FileOutcome, region: str | None) -> FileOutcome:
    """The outcome with `region` (from `ingest --region`) where its title named none; without it,
    the one region whose expected reporters (contracts/reporting.yaml) hold every municipality the
    report names."""
    if outcome.report is None or outcome.report.region is not None:
        return outcome
    region = region or region_of(outcome.report)
    if region is None:
        return outcome
    return replace(outcome, report=replace(outcome.report, region=region))


def region_of(report: Report) -> str | None:
    """The one region whose expected reporters hold all the report's municipalities, else None
    (names compared as the unexpected_municipality rule compares them: canonical, as stored)."""
    from muniflow.reporting.contract import load_reporting

    names = {r.municipality for r in report.rows if r.municipality} | set(report.nil_municipalities)
    names |= {report.municipality} if report.municipality and not report.rows else set()
    if not names:
        return None
    regions = [region for region, expected in load_reporting().expected.items() if names <= set(expected)]
    return regions[0] if len(regions) == 1 else None
