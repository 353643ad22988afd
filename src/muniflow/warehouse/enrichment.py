"""Moved to `muniflow.enrich.report` (enrichment is a pure step, not the warehouse's); this shim
keeps the old import path working."""

from muniflow.enrich.report import ReportEnrichment, check_fits, enrich_report

__all__ = ["ReportEnrichment", "check_fits", "enrich_report"]
