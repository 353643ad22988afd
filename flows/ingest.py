"""The ingestion flow: one flow run per ingestion, one task per file and stage.

Extraction (read, interpret, normalize, row rules) runs in parallel on the task runner and is
cached by file content hash plus code version, so an unchanged inbox is not read again. Loading is
sequential (DuckDB has one writer) and retried while another process holds the warehouse. The
duplicate rule runs once over all current rows of the touched periods, then the Great Expectations
checkpoint and the data-quality report.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext
from prefect.runtime import flow_run

from muniflow import stages
from muniflow.codeversion import code_version
from muniflow.intake import sha256_file
from muniflow.intake.expand import ArchiveRecord, Input, as_pages, expand
from muniflow.intake.inbox import scan
from muniflow.model import Period
from muniflow.progress import Progress
from muniflow.quality_report import write_quality_report
from muniflow.warehouse import db, loader, lookups
from muniflow.warehouse.archives import record_archive


def _extract_key(context: TaskRunContext, parameters: dict[str, Any]) -> str:
    """Same path, same bytes, same period override, same code: same outcome (it names its path)."""
    path = hashlib.sha256(str(parameters.get("name") or parameters["path"]).encode()).hexdigest()[:16]
    return f"muniflow-extract-{code_version()}-{parameters['sha256']}-{path}-{parameters.get('period')}"


@task(
    cache_key_fn=_extract_key,
    cache_expiration=timedelta(days=365),
    persist_result=True,
    task_run_name="extract {path.name}",
)
def extract(path: Path, sha256: str, period: str | None, name: str | None = None) -> stages.FileOutcome:
    """Read, interpret, normalize, check and enrich one file's rows (cached by content hash); `name`
    is its lineage when it is not its path (a member of an archive)."""
    item = Input(path, name or str(path))
    return stages.process_input(item, Period.parse(period) if period else None, sha256=sha256)


def _lock_held(task, task_run, state) -> bool:  # type: ignore[no-untyped-def]
    """Retry only while another process holds the warehouse."""
    try:
        state.result()
    except db.WarehouseBusy:
        return True
    except Exception:
        return False
    return False


@task(retries=3, retry_delay_seconds=5, retry_condition_fn=_lock_held, cache_policy=NO_CACHE)
def load(warehouse: str, run_id: str, outcome: stages.FileOutcome) -> loader.LoadResult:
    """Load one file in one transaction."""
    with db.connect(warehouse) as con:
        return stages.load_file(con, run_id, outcome)


@task(retries=3, retry_delay_seconds=5, retry_condition_fn=_lock_held, cache_policy=NO_CACHE)
def dedupe(warehouse: str, run_id: str, periods: set[str]) -> int:
    """Cross-report duplicate rule on the current rows of the touched periods."""
    with db.connect(warehouse) as con:
        return stages.dedupe_periods(con, run_id, periods)


@task(cache_policy=NO_CACHE)
def quality(warehouse: str, run_id: str, out_dir: Path | None) -> Path:
    """Great Expectations checkpoint on the loaded data and the data-quality report."""
    with db.connect(warehouse) as con:
        return write_quality_report(con, run_id, out_dir)


@flow(name="muniflow-ingest", log_prints=False)
def ingest_reports(
    paths: list[str],
    warehouse: str | None = None,
    period: str | None = None,
    report_dir: str | None = None,
    pages: bool = False,
) -> dict[str, Any]:
    """Ingest report files (or folders of them) into the warehouse; returns the run's summary.
    With `pages`, the files are the photos of one report's pages, read as one report."""
    logger = get_run_logger()
    wh = str(warehouse or db.default_warehouse_path())
    inbox = scan(list(paths))
    files = list(inbox.files)
    logger.info(
        "ingesting %d file(s) into %s (%d system file(s) skipped)", len(files), wh, len(inbox.skipped)
    )
    with db.connect(wh) as con:
        run_id = loader.start_run(con, flow_run_id=str(flow_run.id) if flow_run.id else None)
        periods = stages.recover_aborted(con, run_id)  # runs killed mid-way: their periods are checked again
    unpack_dir = tempfile.TemporaryDirectory(prefix="muniflow-unpack-")
    workdir = Path(unpack_dir.name)
    expanded = as_pages(files, workdir) if pages else expand(files, workdir)
    inputs = expanded.inputs
    futures = [extract.submit(i.path, sha256_file(i.path), period, i.name) for i in inputs]
    progress = Progress(len(inputs))
    loaded: list[tuple[str, loader.LoadResult]] = [
        (r.source_file, cast(loader.LoadResult, load(wh, run_id, stages.refused_archive(r))))
        for r in expanded.refused
    ]
    cached = 0
    futures.reverse()
    while futures:  # popped as loaded, so memory stays flat in the number of files
        fut = futures.pop()
        outcome = fut.result()
        cached += fut.state.name == "Cached"
        result = cast(loader.LoadResult, load(wh, run_id, outcome))
        if outcome.report and outcome.report.period and not outcome.reason:
            periods.add(outcome.report.period.label)
        progress.advance(rows=result.rows_extracted, flags=len(outcome.flags))
        loaded.append((outcome.source_file, result))
        logger.info("%s: %s %s", outcome.source_file, result.status, outcome.reason or "")
    unpack_dir.cleanup()
    unpacked = [(a, record(wh, run_id, a)) for a in expanded.archives]
    dedupe(wh, run_id, periods)
    report_path = quality(wh, run_id, Path(report_dir) if report_dir else None)
    with db.connect(wh) as con:
        counts = loader.finish_run(
            con,
            run_id,
            {"files": len(files), "files_from_cache": cached, "files_skipped": len(inbox.skipped)},
        )
        states = lookups.report_states(con, [result.report_id for _, result in loaded])
    summary: dict[str, Any] = {
        **counts,
        "run_id": run_id,
        "files": [
            {"file": source_file, **states[result.report_id], "seen_before": result.status == "unchanged"}
            for source_file, result in loaded
        ]
        + [_archive_line(archive, new) for archive, new in unpacked],
        "report": str(report_path),
    }
    _artifacts(summary)
    return summary


@task(retries=3, retry_delay_seconds=5, retry_condition_fn=_lock_held, cache_policy=NO_CACHE)
def record(warehouse: str, run_id: str, archive: ArchiveRecord) -> bool:
    """List an unpacked archive (its members were loaded as reports)."""
    with db.connect(warehouse) as con:
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
    create_table_artifact(key="ingested-files", table=summary["files"], description="Files of this run")
    lines = [
        f"# muniflow run {summary['run_id']}",
        "",
        *(f"- {k}: {v}" for k, v in summary.items() if isinstance(v, int | str) and k != "run_id"),
        "",
        f"Data-quality report: `{summary['report']}`",
    ]
    create_markdown_artifact(key="ingest-summary", markdown="\n".join(lines))


def task_runner_from_env(name: str | None = None):  # type: ignore[no-untyped-def]
    """threads (default), processes, or dask (needs prefect-dask)."""
    choice = (name or os.environ.get("MUNIFLOW_TASK_RUNNER") or "threads").lower()
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
