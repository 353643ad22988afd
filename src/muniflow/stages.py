"""The ingestion stages as plain functions: what `muniflow.pipeline` wires and tests call directly.

Only `load_file` touches the warehouse here (the rules across a period's loaded rows run after
it, `period_checks.dedupe_periods`, and the data-quality report); everything before it is pure
(path in, records out). The row rules (pandera, pandas) are imported where they run:
in the sandboxed intake worker (its warm-up, `WARM_MODULES`) and for the duplicate rule, not in a
process that only loads outcomes (a `--force` re-run from the cache). The outcome they return, and
how the caller reshapes one before the load, are `muniflow.file_outcome`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from muniflow.contracts import pinned
from muniflow.enrich.report import enrich_report
from muniflow.file_outcome import FileOutcome, named
from muniflow.intake import run_sandboxed, scan, sha256_file
from muniflow.intake.checked import read_checked
from muniflow.intake.expand import Input
from muniflow.intake.inbox import scan as scan_inbox
from muniflow.intake.limits import Limits
from muniflow.interpret.heading import refused_report
from muniflow.interpret.nil import says_covering
from muniflow.model import OCR_SUFFIX, Period, RawDocument, ReaderError, Report
from muniflow.normalize.text import fold
from muniflow.report_period import (
    interpreted,
    period_conflict,
    period_hint,
    quarters_of,
    several_quarters,
    with_note,
)


def discover(paths: list[str | Path]) -> list[Path]:
    """Expand folders into every file they hold but system litter (sorted), keep files as given.

    Raises:
        FileNotFoundError: a path that does not exist, so a typo never reads as an empty inbox.
    """
    return list(scan_inbox(paths).files)


def process_file(
    path: Path, period: Period | None = None, sha256: str | None = None, name: str | None = None
) -> FileOutcome:
    """Extract, validate and enrich one file, all in a sandboxed worker process, so files are
    processed in parallel on every core and only the loads stay in the caller. `name` is the name
    lineage gives the file when it is not its path (`archive.zip!2 квартал/отчёт.docx`, unpacked
    under a temporary name): the document is interpreted under it, so the member's own name and its
    folders may give the quarter or the municipality its text does not."""
    digest = sha256 or sha256_file(path)
    label = period.label if period else None
    try:
        try:
            outcome: FileOutcome = run_sandboxed(path, _process_in_worker, label, name)
        except ReaderError as err:
            if err.reason != scan.NEEDS_OCR:
                raise
            kind, pages = scan.parse_signal(err.message)
            outcome = run_sandboxed(path, _ocr_in_worker, label, kind, name, limits=ocr_limits(pages))
    except ReaderError as err:
        return _refused(path, digest, err)
    return replace(outcome, sha256=digest)


def ocr_limits(pages: int) -> Limits:
    """The worker's limits for an OCR file: its time limit is per page (pages rounded up to a power
    of two, so few worker pools are kept), not the per-file limit of a text document, and its
    address space is OCR's own (a 300 dpi page and Tesseract's copies of it need more)."""
    from muniflow.intake.limits import default_limits
    from muniflow.readers.ocr import settings

    budget = 1 << max(0, pages - 1).bit_length()
    limits = default_limits()
    return replace(
        limits,
        timeout_seconds=budget * settings().page_timeout_seconds + 30,
        memory_mb=max(limits.memory_mb, settings().memory_mb),
    )


def _ocr_in_worker(
    path: Path, limits: Limits, period: str | None, kind: str, name: str | None = None
) -> FileOutcome:
    """What a worker runs for a scan: OCR every page, then the pure stages plus the OCR warnings."""
    from muniflow.readers.ocr import settings

    doc = _under(scan.read_scan(path, limits, kind), name)
    given = Period.parse(period) if period else None
    try:
        outcome = interpret_file(path, doc, given, "")
        if outcome.report is not None and (lone := scan.lone_page(doc, outcome.report)):
            return replace(outcome, reason=lone.reason, message=lone.message)
        checked = validate_file(outcome)
        if checked.report is not None and not checked.reason:
            extra = scan.ocr_flags(doc, checked.report, settings().cell_confidence_min)
            checked = replace(checked, flags=(*checked.flags, *extra))
        return enrich_file(checked)
    except ReaderError as err:
        return titled_refusal(path, err, doc, given)
    except Exception as exc:
        raise _internal_error(exc) from exc


# What a worker running the tasks below imports while it starts (before it reads its first file),
# then runs: an invented report through the pure stages (dictionary, contracts, schemas loaded).
WARM_MODULES = ("muniflow.rules.row_rules", "muniflow.rules.numbering", "muniflow.rules.expected")


def WARM_UP() -> None:  # named like WARM_MODULES, which the sandbox reads beside it
    from muniflow.warmfile import warm_up

    warm_up()


def _process_in_worker(
    path: Path, limits: Limits, period: str | None, name: str | None = None
) -> FileOutcome:
    """What a worker runs for `process_file`: the guards and the reader, then every pure stage,
    with the contracts in use resolved once for the file (`contracts.pinned`)."""
    with pinned():
        return _process(path, limits, period, name)


def _process(path: Path, limits: Limits, period: str | None, name: str | None) -> FileOutcome:
    given = Period.parse(period) if period else None
    try:
        doc = _under(read_checked(path, limits), name)
    except ReaderError as err:
        return titled_refusal(path, err, None, given, name)
    try:
        outcome = interpret_file(path, doc, given, "")
        checked = validate_file(outcome)
        if doc.cell_confidence and checked.report is not None and not checked.reason:
            # a scan read from its own text layer: its rows are OCR all the same (`scan.ocr_flags`)
            from muniflow.readers.ocr import settings

            extra = scan.ocr_flags(doc, checked.report, settings().cell_confidence_min)
            checked = replace(checked, flags=(*checked.flags, *extra))
        return enrich_file(checked)
    except ReaderError as err:
        return titled_refusal(path, err, doc, given)
    except Exception as exc:  # a bug on one odd file must not fail the whole quarterly run
        raise _internal_error(exc) from exc


# Refusals of a document whose text was read (no events table in it): its title still says whose
# report it is and for when, so the quarter, region and municipality are recorded with the refusal.
TITLED_REFUSALS = frozenset({"no_table_found", "unknown_layout"})


def titled_refusal(
    path: Path, err: ReaderError, doc: RawDocument | None, period: Period | None, name: str | None = None
) -> FileOutcome:
    """A document refused whole as a quarantined outcome whose report, without rows, holds what its
    title says (`interpret.heading.refused_report`), its message naming them; `doc` is None where
    the reader refused the file (its text is then the error's, if it read any), `name` the file's
    lineage name where it was read from a temporary file (an archive's member).

    Raises:
        ReaderError: `err` itself for any other refusal (a damaged file, a scan for OCR, ...)."""
    if err.reason not in TITLED_REFUSALS:
        raise err
    if doc is None:
        if not fold(err.text):
            raise err
        doc = RawDocument(source_file=name or str(path), format=err.format, title=err.text, tables=())
    report = refused_report(doc, period)
    about = _titled_as(report)
    reason, said = err.reason, err.message
    if says_covering("\n".join(t for t in (doc.title, doc.closing) if t)):
        reason, said = COVERING_LETTER, COVERING_LETTER_MESSAGE
    message = f"{about}: {said}" if about else said
    return FileOutcome(str(path), "", doc.format or None, report, reason=reason, message=message)


# A document refused whole whose text sends a report it does not hold (`interpret.nil.says_covering`):
# its municipality counts `missing` in reporting_status, not `quarantined` (migration 084).
COVERING_LETTER = "covering_letter"
COVERING_LETTER_MESSAGE = (
    "only a covering letter: it sends a report the file does not hold (no events table, no statement "
    "that none were held), so the municipality counts as missing until the report itself arrives; "
    "ask for the attachment"
)


def _titled_as(report: Report) -> str:
    """Whose report and which quarter the title names («report of Озёрский район (Н-ская область)
    for 2025Q2, as its title says»); '' when it names neither the municipality nor the quarter."""
    if not report.municipality and report.period is None:
        return ""
    who = report.municipality or report.region or ""
    if report.municipality and report.region:
        who = f"{report.municipality} ({report.region})"
    when = f"for {report.period.label}" if report.period is not None else ""
    return " ".join(p for p in ("report of", who, when) if p) + ", as its title says"


def _under(doc: RawDocument, name: str | None) -> RawDocument:
    """The document as read from its temporary file, named as lineage names it."""
    return replace(doc, source_file=name) if name and name != doc.source_file else doc


def process_input(item: Input, period: Period | None = None, sha256: str | None = None) -> FileOutcome:
    """`process_file` on an input, interpreted and its outcome named as lineage names it
    (`archive.zip!member.docx`)."""
    name = item.name if item.name != str(item.path) else None
    return named(process_file(item.path, period, sha256, name), item.name)


def _internal_error(exc: Exception) -> ReaderError:
    return ReaderError(
        "internal_error",
        f"muniflow failed on this file ({type(exc).__name__}: {exc}); report it with the file",
    )


def _refused(path: Path, digest: str, err: ReaderError) -> FileOutcome:
    return FileOutcome(str(path), digest, None, None, reason=err.reason, message=err.message)


def interpret_file(path: Path, doc: RawDocument, period: Period | None, digest: str) -> FileOutcome:
    """Interpret a read document; no period or no rows make it a quarantined outcome.

    Raises:
        ReaderError: the layout is not understood (`unknown_layout`), or `internal_error`.
    """
    try:
        report = interpreted(doc, period)  # a scan's misread title quarter taken from its dates
    except ReaderError:
        raise
    except Exception as exc:
        raise _internal_error(exc) from exc
    kinds = {
        "half_year": "a half-year",
        "nine_months": "nine months",
        "year": "a year",
        "months": "months of more than one quarter",
    }
    said = report.reading
    if report.period is None and said is not None and said.period_kind in kinds:
        quarters = quarters_of(report)
        hint = (
            f"{period_hint(report)} if it is one"
            + (", as when OCR could not read the title's quarter" if doc.format.endswith(OCR_SUFFIX) else "")
            if len(quarters) < 2
            else several_quarters(report, quarters)
        )
        return FileOutcome(
            str(path),
            digest,
            report.format,
            report,
            reason="period_not_quarter",
            message=f"the {said.period_from} names {kinds[said.period_kind]} («{said.period_text}»), "
            f"not a quarter; muniflow loads quarterly reports ({hint})",
        )
    conflict = period_conflict(report, period)
    if conflict is not None:
        return FileOutcome(
            str(path), digest, report.format, report, reason="period_conflict", message=conflict
        )
    if report.period is None:
        return FileOutcome(
            str(path),
            digest,
            report.format,
            report,
            reason="period_unknown",
            message="the title names no quarter (e.g. «во II квартале 2024 года»); if the file is a "
            "quarterly report of international events, " + period_hint(report) + "; if it is another "
            "document (a plan, a protocol, a price list), nothing to do: --period would load its rows "
            "as events to review and count its municipality as reported",
        )
    if not report.rows and not report.nil_municipalities:
        about = _titled_as(report)  # its municipality is counted quarantined: say whose report it is
        message = f"{about}: the table has no event rows" if about else "the table has no event rows"
        return FileOutcome(str(path), digest, report.format, report, reason="no_rows", message=message)
    return FileOutcome(str(path), digest, report.format, report)


def validate_file(outcome: FileOutcome) -> FileOutcome:
    """Run the contract's row rules on one file's rows; a title whose quarter none of the rows
    falls in, or a column whose text was not read, also gets a report-level note (the `reports`
    message, `rules.notes`), the row errors staying."""
    if outcome.report is None or outcome.reason:
        return outcome
    from muniflow import rules
    from muniflow.rules.notes import report_note

    message = report_note(outcome.report) or outcome.message
    return replace(outcome, flags=tuple(rules.check_report(outcome.report)), message=message)


def enrich_file(outcome: FileOutcome) -> FileOutcome:
    """Places, partners, format and agreements of a loadable file's rows, off the single-writer path."""
    if outcome.report is None or outcome.reason:
        return outcome
    return replace(outcome, enrichment=enrich_report(outcome.report.rows, outcome.report.region))


def load_file(con, run_id: str, outcome: FileOutcome):  # type: ignore[no-untyped-def]
    """Load one file's rows, flags and `reports` row in one transaction. A report whose title names
    no region (and no --region, no expected list gave one) takes the one region its municipalities'
    earlier reports name, with a note saying so."""
    from muniflow.warehouse import loader, lookups

    report = outcome.report
    if report is not None and report.region is None and outcome.reason is None:
        names = {r.municipality for r in report.rows if r.municipality} | set(report.nil_municipalities)
        known = lookups.region_of_municipalities(con, sorted(names))
        if known is not None:
            note = f"the title names no region: {known}, the one its municipalities' earlier reports name"
            message = "; ".join(m for m in (outcome.message, note) if m)
            outcome = replace(outcome, report=with_note(replace(report, region=known), note), message=message)
    return loader.load_report(
        con,
        run_id=run_id,
        source_file=outcome.source_file,
        sha256=outcome.sha256,
        format=outcome.format or "unknown",
        report=outcome.report,
        flags=outcome.flags,
        reason=outcome.reason,
        message=outcome.message,
        enrichment=outcome.enrichment,
    )


def recover_aborted(con, run_id: str) -> set[str]:  # type: ignore[no-untyped-def]
    """Mark runs whose process died as aborted; returns the periods they touched, to dedupe again."""
    from muniflow.warehouse.liveness import mark_aborted

    return set(mark_aborted(con, run_id).periods)
