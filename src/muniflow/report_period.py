"""A report's quarter weighed against its events' dates: the quarter of a scan whose title OCR could
not read, or read as an earlier quarter (`interpreted`: a document as `ingest` and `inspect` read
it), why a `--period` or a title's quarter is refused for a file, and how to give the quarter.
Thresholds are data: `contracts/ocr.yaml` (`period_from_dates`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from muniflow import contracts
from muniflow.interpret.period import find_period
from muniflow.model import OCR_SUFFIX, Period, RawDocument, Report
from muniflow.normalize.text import fold
from muniflow.rules.period_hint import report_mismatch


def interpreted(doc: RawDocument, period: Period | None) -> Report:
    """The document interpreted under `period`; with none given, a scan whose title's quarter OCR
    could not read, or read as an earlier one, under the quarter its dates agree on, noted
    (`scanned_period`).

    Raises:
        InterpretError: the layout is not understood.
    """
    from muniflow.interpret import interpret_document

    report = interpret_document(doc, contracts.header_synonyms(), period)
    guessed = scanned_period(doc, report) if period is None else None
    if guessed is None:
        return report
    return with_note(interpret_document(doc, contracts.header_synonyms(), guessed[0]), guessed[1])


def period_hint(report: Report) -> str:
    """How to give the quarter: the one most of the events' dates fall in, where they name one."""
    dated = _dated_quarter(report)
    if dated is None:
        return "re-run with --period and the report's quarter (e.g. --period 2024Q2)"
    label, count = dated
    return f"{count} of its {len(report.rows)} events fall in {label}: re-run with --period {label}"


def several_quarters(report: Report, quarters: Counter[str]) -> str:
    """What to do with a file of a longer period whose events fall in several quarters: each
    quarter's count; no --period (loaded under one quarter, the other quarters' events would be
    quarantined), a report per quarter instead."""
    counts = ", ".join(f"{count} in {label}" for label, count in sorted(quarters.items()))
    undated = len(report.rows) - sum(quarters.values())
    rest = f", {undated} undated" if undated else ""
    return (
        f"the file covers several quarters: of its {len(report.rows)} events {counts}{rest}; split it "
        "into a report per quarter and ingest each: under one --period the other quarters' events "
        "would be quarantined"
    )


def scanned_period(doc: RawDocument, report: Report) -> tuple[Period, str] | None:
    """The quarter of a scan whose title names one OCR could not read («в 1 кварта) 2025 года»,
    «за [ квартал 2024»): the one `period_from_dates.min_share` of its dated events fall in (at
    least `min_rows` of them), with the note saying so; None for a text document (its title says
    what it says), a title naming no quarter-like word (a lone page, a half-year), or dates that
    do not agree."""
    said = report.reading
    if not doc.format.endswith(OCR_SUFFIX) or said is None:
        return None
    if report.period is not None:
        return _misread_roman_quarter(report)
    if said.period_kind not in ("", "year") or not _names_a_quarter_blurred(doc.title):
        return None
    dated = _agreed_quarter(report)
    if dated is None:
        return None
    note = (
        f"the title's quarter could not be read from the scan; {dated[1]} of its {dated[2]} dated events "
        f"fall in {dated[0]}, taken as its quarter: check the title (or re-run with --period)"
    )
    return Period.parse(dated[0]), note


def _agreed_quarter(report: Report) -> tuple[str, int, int] | None:
    """The quarter `period_from_dates.min_share` of the report's dated events (`min_rows` at
    least) fall in, with how many and of how many; None where they do not agree so."""
    settings = contracts.load_yaml("ocr.yaml", None, ("period_from_dates",))["period_from_dates"]
    dated = _dated_quarter(report)
    total = sum(1 for r in report.rows if r.start_date)
    if dated is None or total < int(settings["min_rows"]) or dated[1] < float(settings["min_share"]) * total:
        return None
    return dated[0], dated[1], total


# A quarter written in Roman numerals of strokes (I, II, III, IV) as the scan's title was read:
# OCR counts a bold or serif numeral's strokes wrong («III» read «I», «1!», «П»), so the number
# read is no evidence against the dates.
_ROMAN_QUARTER = re.compile(r"^\s*(?:I{1,3}|IV)\s+(?i:кв)")


def _misread_roman_quarter(report: Report) -> tuple[Period, str] | None:
    """The quarter of a scan whose title's Roman quarter OCR read as an earlier one: where
    `period_from_dates.min_share` of its dated events agree on a later quarter of the same year,
    that one, with a note saying so; None otherwise (the title's quarter stands, or is refused as
    a conflict with its dates)."""
    said, titled = report.reading, report.period
    if said is None or titled is None or said.period_kind != "quarter":
        return None
    if not _ROMAN_QUARTER.match(said.period_text):
        return None
    dated = _agreed_quarter(report)
    if dated is None:
        return None
    other = Period.parse(dated[0])
    if other.year != titled.year or other.quarter <= titled.quarter:
        # OCR loses a numeral's strokes (a bold or serif «III» read «I» or «II»), it does not add
        # them: a title read «II» over events of the first quarter says what the clerk wrote, and
        # its events outside the quarter are the quarter_consistency rule's to flag
        return None
    note = (
        f"the scan's title reads {titled.label} («{said.period_text}»), but {dated[1]} of its {dated[2]} "
        f"dated events fall in {dated[0]}: OCR misreads a Roman numeral's strokes, so {dated[0]} is "
        "taken as its quarter: check the title (or re-run with --period)"
    )
    return other, note


# A word OCR may have made of «квартал» (a letter lost or misread: «кварта)», «кваптале»).
_QUARTER_WORD = "квартал"
_QUARTER_WORD_RATIO = 75


def _names_a_quarter_blurred(title: str) -> bool:
    from rapidfuzz import fuzz

    return any(
        fuzz.ratio(word[: len(_QUARTER_WORD)], _QUARTER_WORD) >= _QUARTER_WORD_RATIO
        for word in fold(title).lower().split()
    )


def with_note(report: Report, note: str) -> Report:
    """The report with a note on the whole of it (`reports.message`, `inspect`'s NOTE)."""
    if report.reading is None:
        return report
    return replace(report, reading=replace(report.reading, notes=(*report.reading.notes, note)))


def _dated_quarter(report: Report) -> tuple[str, int] | None:
    """The quarter most of the events' dates fall in, with how many; None where none is dated."""
    quarters = quarters_of(report)
    return quarters.most_common(1)[0] if quarters else None


def quarters_of(report: Report) -> Counter[str]:
    """How many of the report's events start in each quarter (undated ones in none)."""
    return Counter(
        Period(r.start_date.year, (r.start_date.month - 1) // 3 + 1).label
        for r in report.rows
        if r.start_date
    )


def period_conflict(report: Report, given: Period | None) -> str | None:
    """Why `--period` is refused for this file: its title names another quarter, and most of its
    events' dates fall in the title's quarter, not the one given (a folder of the next quarter
    ingested with the last one's --period would quarantine every row and supersede that quarter's
    reports), or it is a nil report, with no dates to say otherwise; or its title names no quarter
    and all its dated events fall in one other quarter. A title naming the wrong quarter, the dates
    in the one given, takes --period."""
    said = report.reading
    if said is None:
        return None
    if given is None:
        return _title_conflict(report)
    dated = _dated_quarter(report)
    if said.period_kind != "quarter":
        # no quarter in the title: every dated event (two at least) in one other quarter
        total = sum(1 for r in report.rows if r.start_date)
        if dated is None or dated[0] == given.label or total < 2 or dated[1] < total:
            return None
        return (
            f"the title names no quarter and all {total} dated events fall in {dated[0]}, but --period "
            f"gives {given.label}: re-run with --period {dated[0]} (loaded under {given.label}, it "
            f"would supersede that quarter's report and flag every row)"
        )
    titled = find_period(said.period_text).period
    if titled is None or titled == given:
        return None
    if not report.rows and report.nil_municipalities:  # a nil report: only its title says when
        return (
            f"the {said.period_from} names {titled.label} («{said.period_text}») and the report has no "
            "events, but "
            f"--period gives {given.label}: re-run without --period"
        )
    if dated is None or dated[0] != titled.label:
        return None
    return (
        f"the {said.period_from} names {titled.label} («{said.period_text}») and {dated[1]} of its "
        f"{len(report.rows)} "
        f"events fall in it, but --period gives {given.label}: re-run without --period (it is for a "
        "title that names no quarter or the wrong one)"
    )


# Dated events, at the least, that must all fall outside the title's quarter for the title to be
# doubted (one event dated wrong is the row's error, not the report's).
TITLE_CONFLICT_MIN_ROWS = 2


def _title_conflict(report: Report) -> str | None:
    """Why a report is not loaded under the quarter its title names: none of its dated events (two
    at least) falls in it. Loaded so, every row would be flagged and the report would supersede
    that quarter's report of its municipalities (a Q3 report titled «во II квартале» replacing a
    regional summary's Q2 section); the analyst says which quarter it is with --period."""
    mismatch = report_mismatch(report)
    if report.period is None or mismatch is None or mismatch.rows < TITLE_CONFLICT_MIN_ROWS:
        return None
    quarters = ", ".join(p.label for p in mismatch.row_quarters)
    other = f"--period {mismatch.suggested.label}" if mismatch.suggested else "the --period of its dates"
    said = report.reading
    source = f"the {said.period_from} names" if said is not None else "the title names"
    words = f" («{said.period_text}»)" if said is not None and said.period_text else ""
    return (
        f"{source} {report.period.label}{words} but none of its {mismatch.rows} dated events falls in it "
        f"(they start in {quarters}); loaded under {report.period.label} it would supersede that quarter's "
        f"report of its municipalities and flag every row. Re-run with {other} if the title names the wrong "
        f"quarter, or with --period {report.period.label} to load it as titled and correct the dates in "
        "`muniflow review`"
    )
