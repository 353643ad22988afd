"""The ingestion flow: one flow run per ingestion, one extraction task per file to read.

Extraction (read, interpret, normalize, row rules) runs in parallel on the task runner and is
cached by file content hash plus code version, so an unchanged inbox is not read again: a file
whose cache record is in the task's result store is taken from it by the flow, with no task run
(`flows/extraction.py`). Loading is sequential (DuckDB has one writer), a few milliseconds a file,
so it runs in the flow itself (logged per file, in the run's table artifact) rather than as a task
run per file, and is retried while another process holds the warehouse. The duplicate rule runs
once over all current rows of the touched periods, then the Great Expectations checkpoint and the
data-quality report of those periods; Great Expectations is imported in the background from the
flow's start (or earlier, by the CLI, while it waits for the temporary API).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, cast

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows import window
from flows.extraction import extract_store, outcome_of, submit
from muniflow import period_checks, pipeline, prefetch, stages
from muniflow.file_outcome import FileOutcome
from muniflow.intake.expand import ArchiveRecord
from muniflow.progress import Progress
from muniflow.quality.gx_import import warm_up
from muniflow.warehouse import db, loader, reporting
from muniflow.warehouse.archives import record_archive
from muniflow.warehouse.held import Held
from muniflow.warehouse.lookups import replaced_sections

# The connection a running flow holds per warehouse file (`warehouse.held`): opened once for the
# run's consecutive writes, released while it waits on an extraction and at its end.
_HELD: dict[str, Held] = {}


@contextmanager
def _warehouse(warehouse: str) -> Iterator[Any]:
    """The flow's held connection to `warehouse`, or a connection of its own outside a flow run."""
    held = _HELD.get(warehouse)
    if held is None:
        with db.connect(warehouse) as con:
            yield con
        return
    with held.connection() as con:
        yield con


@contextmanager
def _holding(warehouse: str) -> Iterator[Held]:
    """Hold one connection to `warehouse` for the flow run's writes; closed at its end."""
    held = _HELD.setdefault(warehouse, Held(warehouse))
    try:
        yield held
    finally:
        held.release()
        if _HELD.get(warehouse) is held:
            del _HELD[warehouse]


def _lock_held(task, task_run, state) -> bool:  # type: ignore[no-untyped-def]
    """Retry only while another process holds the warehouse."""
    try:
        state.result()
    except db.WarehouseBusy:
        return True
    except Exception:
        return False
    return False


LOAD_RETRIES = 3
LOAD_RETRY_DELAY_S = 5.0


def load(warehouse: str, run_id: str, outcome: FileOutcome) -> loader.LoadResult:
    """Load one file in one transaction; retried (as the tasks are) while another process holds
    the warehouse beyond `db.connect`'s own wait."""
    for attempt in range(LOAD_RETRIES + 1):
        try:
            with _warehouse(warehouse) as con:
                return stages.load_file(con, run_id, outcome)
        except db.WarehouseBusy:
            if attempt == LOAD_RETRIES:
                raise
            get_run_logger().warning("warehouse busy, retrying the load of %s", outcome.source_file)
            time.sleep(LOAD_RETRY_DELAY_S)
    raise AssertionError("unreachable")


def _warm_up_checks() -> None:
    """Start, in background threads, what the checks after extraction need: Great Expectations'
    import and the duplicate rule's vocabulary (`period_checks.warm_up_checks`)."""
    warm_up()
    period_checks.warm_up_checks()


@task(retries=3, retry_delay_seconds=5, retry_condition_fn=_lock_held, cache_policy=NO_CACHE)
def dedupe(warehouse: str, run_id: str, periods: set[str]) -> int:
    """Cross-report duplicate rule on the current rows of the touched periods."""
    with _warehouse(warehouse) as con:
        return period_checks.dedupe_periods(con, run_id, periods)


@task(cache_policy=NO_CACHE)
def quality(warehouse: str, run_id: str, out_dir: Path | None, periods: set[str]) -> Path:
    """Great Expectations checkpoint on the touched periods and the data-quality report (its Data
    Docs site is rendered by `muniflow report`)."""
    from muniflow.quality_report import write_quality_report  # pandas: only where a report is written

    with _warehouse(warehouse) as con:
        return write_quality_report(con, run_id, out_dir, periods, data_docs=False)


@flow(name="muniflow-ingest", log_prints=False)
def ingest_reports(
    paths: list[str],
    warehouse: str | None = None,
    period: str | None = None,
    report_dir: str | None = None,
    region: str | None = None,
    force: bool = False,
    close_quarter: bool | None = None,
    pages: bool = False,
    stored: bool | None = None,
) -> dict[str, Any]:
    """Ingest report files (or folders of them) into the warehouse; returns the run's summary.

    When every file is already in the warehouse as it is (and neither `force`, `period` nor
    `region` asks otherwise) nothing is read: the daily scheduled run costs a few hashes. On the
    reporting window's last day (or with `close_quarter=True`) the quarter is closed: its final
    data-quality and completeness report becomes a Prefect artifact. With `pages`, the files are
    the photos of one report's pages, read as one report. `stored` is the caller's answer, just
    looked up, to whether every file is in the warehouse as it is (None: the flow looks).
    """
    logger = get_run_logger()
    wh = str(warehouse or db.default_warehouse_path())
    files = pipeline.inbox_files(paths)
    closing = window.quarter_to_close(close_quarter)
    if stored is None:
        stored = window.nothing_new(files, wh)
    if not (force or period or region) and stored:
        logger.info("nothing new: all %d file(s) are in %s as they are", len(files), wh)
        quiet: dict[str, Any] = {"nothing_new": True, "files_seen": len(files), "files": []}
        if closing is not None:
            quiet["quarter_close"] = window.close_quarter_report(wh, closing.label, report_dir)
        return quiet
    with _holding(wh) as held:
        progress: Progress | None = None

        def started(files: list[Path]) -> None:
            nonlocal progress
            logger.info("ingesting %d file(s) into %s", len(files), wh)
            progress = Progress(len(files))

        unchanged = 0

        def loaded(outcome: FileOutcome, result: loader.LoadResult) -> None:
            nonlocal unchanged
            if progress is not None:
                progress.advance(rows=result.rows_extracted, flags=len(outcome.flags))
            if result.status == "unchanged":  # one line for them all, after the run's files
                unchanged += 1
            else:
                logger.info("%s: %s %s", outcome.source_file, result.status, outcome.reason or "")

        runner = pipeline.Runner(
            submit=partial(submit, extract_store()),
            outcome=lambda fut: outcome_of(fut, held),
            load=lambda run_id, outcome: load(wh, run_id, outcome),
            dedupe=lambda run_id, periods: dedupe(wh, run_id, periods),
            quality=lambda run_id, periods: quality(
                wh, run_id, Path(report_dir) if report_dir else None, periods
            ),
            connect=lambda: _warehouse(wh),
            record_archive=lambda run_id, archive: cast(bool, record(wh, run_id, archive)),
            on_start=started,
            on_loaded=loaded,
            # Great Expectations imports and the duplicate rule's vocabulary is built while the
            # files are read (not needed if all are stored), once they are all submitted
            on_submitted=_warm_up_checks if not stored or period or region else lambda: None,
        )
        run = pipeline.run_ingest(
            paths,
            period,
            runner,
            flow_run_id=str(flow_run.id) if flow_run.id else None,
            region=region,
            pages=pages,
        )
        if unchanged:
            logger.info("%d file(s) unchanged: in the warehouse as they are", unchanged)
        with _warehouse(wh) as con:
            completeness = reporting.completeness(con, completeness_periods(run))
            replaced = replaced_sections(con, [r.report_id for _, r in run.loaded if r.supersedes])
        summary: dict[str, Any] = {
            **run.counts,
            "run_id": run.run_id,
            "files": [
                {
                    "file": source_file,
                    **run.states[result.report_id],
                    "seen_before": result.status == "unchanged",
                    "replaces": replaced.get(result.report_id, []),
                }
                for source_file, result in run.loaded
            ]
            + [_archive_line(archive, new) for archive, new in run.archives],
            "report": str(run.report) if run.report is not None else None,
            "completeness": completeness,
        }
    _artifacts(summary)
    if closing is not None:
        summary["quarter_close"] = window.close_quarter_report(wh, closing.label, report_dir)
    return summary


def completeness_periods(run: pipeline.RunResult) -> list[str]:
    """The quarters whose completeness the run summary shows: those the run loaded rows of, and those
    a file it quarantined names (refused whole, its municipality counts as `quarantined` there)."""
    refused = {
        period
        for _, result in run.loaded
        if result.status == "quarantined" and (period := run.states.get(result.report_id, {}).get("period"))
    }
    return sorted({*run.periods, *refused})


@task(retries=3, retry_delay_seconds=5, retry_condition_fn=_lock_held, cache_policy=NO_CACHE)
def record(warehouse: str, run_id: str, archive: ArchiveRecord) -> bool:
    """List an unpacked archive (its members were loaded as reports)."""
    with _warehouse(warehouse) as con:
        return record_archive(con, run_id, archive)


def _archive_line(archive: ArchiveRecord, new: bool) -> dict[str, Any]:
    """An unpacked archive's line in the run summary, shaped like a report's."""
    return {
        "file": archive.source_file,
        "status": "unpacked",
        "reason": None,
        "message": f"{len(archive.members)} file(s) read from it, "
        f"{len(archive.skipped)} system file(s) skipped",
        "rows_extracted": 0,
        "rows_loaded": 0,
        "rows_quarantined": 0,
        "seen_before": not new,
    }


def _artifacts(summary: dict[str, Any]) -> None:
    """Attach the file table and a markdown summary to the flow run."""
    table = [{k: v for k, v in f.items() if k != "replaces"} for f in summary["files"]]  # flat cells
    create_table_artifact(key="ingested-files", table=table, description="Files of this run")
    lines = [
        f"# muniflow run {summary['run_id']}",
        "",
        *(f"- {k}: {v}" for k, v in summary.items() if isinstance(v, int | str) and k != "run_id"),
        "",
        f"Data-quality report: `{summary['report']}`"
        if summary["report"]
        else "No data-quality report: nothing changed in the warehouse.",
    ]
    create_markdown_artifact(key="ingest-summary", markdown="\n".join(lines))


def task_runner_from_env(name: str | None = None):  # type: ignore[no-untyped-def]
    """threads (default), processes, or dask (needs prefect-dask)."""
    choice = prefetch.task_runner_name(name)
    if choice == "threads":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=os.cpu_count() or 2)
    if choice == "processes":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=os.cpu_count() or 2)
    if choice == "dask":
        from prefect_dask import DaskTaskRunner

        address = os.environ.get("MUNIFLOW_DASK_ADDRESS")
        return DaskTaskRunner(address=address) if address else DaskTaskRunner()
    raise ValueError(f"unknown task runner {choice!r}: use threads, processes or dask")
