"""The report-level note stored in `reports.message` for a loaded report: what the analyst should
know about the file as a whole, beside its rows' flags (a title's quarter none of the rows falls
in, a column whose text was not read)."""

from __future__ import annotations

from muniflow.model import Report
from muniflow.rules.period_hint import report_mismatch


def report_note(report: Report) -> str | None:
    """The notes on one report joined, or None when there is nothing to say."""
    mismatch = report_mismatch(report)
    notes = [mismatch.english()] if mismatch is not None else []
    if report.reading is not None:
        notes += list(report.reading.notes)
    return "; ".join(notes) or None
