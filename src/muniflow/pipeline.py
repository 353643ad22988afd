"""The one place the stages are wired: the body of an ingestion run.

Both runners call `run_ingest`: the Prefect flow (`flows/ingest.py`) hands it Prefect tasks
(cached extraction per file, retried loads, artifacts around it), the plain runner (`plain.py`,
for tests and the benchmark) hands it plain functions on a thread pool. The body is the same:

    start the run (marking runs killed mid-way aborted) -> list the inbox (litter skipped), unpack
    archives -> extract every file (in parallel, as the runner submits) -> load each file in order
    (one writer) -> list the archives -> duplicate rule over the touched periods -> quality report
    -> finish the run

A file the warehouse already holds under its path with the same bytes (`warehouse.stored`) is
still extracted (from the runner's cache, in the flow), but it is not checked for being an archive
(it was read as a document) and not loaded when the load would change nothing: its "unchanged" is
answered from the lookup made at the run's start.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from muniflow import stages
from muniflow.file_outcome import FileOutcome, refused_archive, with_region
from muniflow.intake import sha256_file
from muniflow.intake.expand import ArchiveRecord, as_pages, expand, lineage_name
from muniflow.intake.inbox import scan as scan_inbox
from muniflow.warehouse import loader, lookups, stored
from muniflow.warehouse.expected import basis_changed, mark_basis, stale_periods

Connection = Any  # a warehouse connection (muniflow.warehouse.db.connect); only warehouse/ knows DuckDB


# The format a refused archive is stored under (`file_outcome.refused_archive`): such a file is checked again.
ARCHIVE_FORMAT = "zip"


def _nothing(*args: Any) -> None:
    return None


@dataclass(frozen=True)
class Runner:
    """How a runner carries out each stage of the body; `run_id` is the run being recorded.

    submit(path, sha256, period label or None, lineage name) -> a handle; the extraction may run
    in parallel (the name differs from the path for a member of an archive).
    outcome(handle) -> (the file's outcome, whether it came from a cache).
    load(run_id, outcome) -> LoadResult; dedupe(run_id, periods) -> flags written;
    quality(run_id, periods) -> the report's path (of the touched periods and those only a file
    refused whole names), or None when the
    runner makes no report.
    record_archive(run_id, archive) -> whether the unpacked archive is new to the warehouse.
    connect() -> a context manager giving a warehouse connection, for the run's own records.
    """

    submit: Callable[[Path, str, str | None, str], Any]
    outcome: Callable[[Any], tuple[FileOutcome, bool]]
    load: Callable[[str, FileOutcome], loader.LoadResult]
    dedupe: Callable[[str, set[str]], int]
    quality: Callable[[str, set[str]], Path | None]
    connect: Callable[[], AbstractContextManager[Connection]]
    record_archive: Callable[[str, ArchiveRecord], bool] = field(default=lambda run_id, archive: False)
    on_start: Callable[[list[Path]], None] = field(default=_nothing)
    on_loaded: Callable[[FileOutcome, loader.LoadResult], None] = field(default=_nothing)
    # once every file is submitted: the place to start work that only the stages after extraction
    # need (the checks' imports), so it does not hold up the submissions (one interpreter lock)
    on_submitted: Callable[[], None] = field(default=_nothing)
    counts_cache: bool = True  # record `files_from_cache` among the run's counts


@dataclass(frozen=True)
class RunResult:
    """What a run did: its id and counts, each file's load result and state now, the report's path."""

    run_id: str
    counts: dict[str, int]
    loaded: tuple[tuple[str, loader.LoadResult], ...]
    states: dict[str, dict[str, Any]]
    report: Path | None
    periods: tuple[str, ...] = ()  # the quarters the run loaded rows of
    archives: tuple[tuple[ArchiveRecord, bool], ...] = ()  # unpacked, and whether new
    skipped: int = 0  # system litter of the inbox folders, not read


def _name_region(runner: Runner, report_ids: Sequence[str], region: str | None) -> set[str]:
    """Give `region` (from `ingest --region`) to those stored reports that were loaded with no
    region; returns their quarters. A file already loaded is not read again, so without this the
    option the summary advises for it («re-run with --region») would change nothing."""
    if not region or not report_ids:
        return set()
    from muniflow.warehouse import regions

    note = f"the title names no region: {region}, given with --region"
    with runner.connect() as con:
        return {
            period
            for report_id in report_ids
            for period in regions.assign_region(con, report_id, region, note)
        }


def inbox_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files a run would read from these files and folders (system litter left out)."""
    return list(scan_inbox(list(paths)).files)


def run_ingest(
    paths: Sequence[str | Path],
    period: str | None,
    runner: Runner,
    flow_run_id: str | None = None,
    region: str | None = None,
    pages: bool = False,
) -> RunResult:
    """Ingest files or folders (see `stages.discover`) with `runner` carrying out each stage;
    `region` is given to files whose title names none (`file_outcome.with_region`); with `pages` the files
    are the photos of one report's pages."""
    inbox = scan_inbox(list(paths))
    files = list(inbox.files)
    runner.on_start(files)
    digests = {lineage_name(f): sha256_file(f) for f in files}
    with runner.connect() as con:
        run_id = loader.start_run(con, flow_run_id=flow_run_id)
        periods = stages.recover_aborted(con, run_id)  # runs killed mid-way: their periods again
        basis = basis_changed(con)  # the expected list edited since: its flags, its report again
        if basis is not None:
            periods |= stale_periods(con)
        known = stored.stored_files(con, list(digests.items()))
    recovered = bool(periods)
    loaded: list[tuple[str, loader.LoadResult]] = []
    named: set[str] = set()  # quarters only a file refused whole names: reported on, nothing to dedupe
    given: list[str] = []  # reports stored before, perhaps of no region, that --region may name
    cached = 0
    with tempfile.TemporaryDirectory(prefix="muniflow-unpack-") as unpack:
        if pages:
            expanded = as_pages(files, Path(unpack))
        else:  # a file stored as a report was read as a document: no need to check it is no archive
            documents = {path for (path, _), s in known.items() if s.format != ARCHIVE_FORMAT}
            expanded = expand(files, Path(unpack), documents=documents)
        for refused in expanded.refused:
            loaded.append((refused.source_file, runner.load(run_id, refused_archive(refused))))
        handles = [
            runner.submit(i.path, digests.get(i.name) or sha256_file(i.path), period, i.name)
            for i in expanded.inputs
        ]
        handles.reverse()
        runner.on_submitted()
        while handles:  # popped as loaded, so memory stays flat in the number of files
            outcome, from_cache = runner.outcome(handles.pop())
            outcome = with_region(outcome, region)
            cached += from_cache
            as_stored = known.get((outcome.source_file, outcome.sha256))
            result = stored.answer(as_stored, outcome.report, outcome.reason) or runner.load(run_id, outcome)
            changed = result.status != "unchanged"  # content already stored as it is touches nothing
            if changed and outcome.report and outcome.report.period and not outcome.reason:
                periods.add(outcome.report.period.label)
            elif result.status == "quarantined" and outcome.report and outcome.report.period:
                named.add(outcome.report.period.label)  # refused whole, its title naming the quarter
            if region and result.status == "unchanged":  # stored before: --region may name its region now
                given.append(result.report_id)
            runner.on_loaded(outcome, result)
            loaded.append((outcome.source_file, result))
    archives = tuple((a, runner.record_archive(run_id, a)) for a in expanded.archives)
    named_now = _name_region(runner, given, region)
    periods |= named_now
    report = None
    if (
        recovered
        or named_now
        or any(r.status != "unchanged" for _, r in loaded)
        or any(new for _, new in archives)
    ):
        runner.dedupe(run_id, periods)
        report = runner.quality(run_id, periods | named)  # its completeness as the run summary shows it
    # else every file was stored as it is (`ingest --force` of an unchanged inbox): the duplicate
    # rule and the checkpoint would find what they found when the files were loaded (a review
    # decision re-runs the rule itself), so neither runs and no new report is written.
    counts = {
        "files": len(files),
        **({"files_from_cache": cached} if runner.counts_cache else {}),
        "files_skipped": len(inbox.skipped),
    }
    with runner.connect() as con:
        if basis is not None:  # every quarter's flags follow the list now (refreshed, or none stale)
            mark_basis(con, basis)
        totals = loader.finish_run(con, run_id, counts)
        states = lookups.report_states(con, [result.report_id for _, result in loaded])
    return RunResult(
        run_id, totals, tuple(loaded), states, report, tuple(sorted(periods)), archives, len(inbox.skipped)
    )
