"""The ingestion flow: one flow run per ingestion, one extraction task per file to read.

Extraction (read, interpret, normalize, row rules) runs in parallel on the task runner and is
cached by file content hash plus code version, so an unchanged inbox is not read again: a file
whose cache record is in the task's result store is taken from it by the flow, with no task run
(`submit`), the way the task itself would have found it. Loading is
sequential (DuckDB has one writer), a few milliseconds a file, so it runs in the flow itself
(logged per file, in the run's table artifact) rather than as a task run per file, and is retried
while another process holds the warehouse. The duplicate rule runs once over all current rows of
the touched periods, then the Great Expectations checkpoint and the data-quality report of those
periods; Great Expectations is imported in the background from the flow's start (or earlier, by
the CLI, while it waits for the temporary API).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any, cast

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext
from prefect.runtime import flow_run

from flows import window
from muniflow import pipeline, prefetch, stages
from muniflow.codeversion import code_version
from muniflow.intake.expand import ArchiveRecord, Input, lineage_name
from muniflow.model import OF_THIS_RUN, Period
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


# How long the flow waits on an extraction still holding the warehouse: a cached extraction (a
# `--force` re-run) or one about to finish costs less to wait for than re-opening the file after a
# release (~50-100 ms of DuckDB catalog and migration checks); a longer wait releases it.
HOLD_WHILE_WAITING_S = 0.25


class FromCache:
    """An extraction whose cache record the flow reads itself, when the file's turn to load comes
    (so no more than one outcome is held at a time: memory stays flat in the number of files)."""

    def __init__(self, store: Any, key: str, extraction: tuple[Any, ...]) -> None:
        self.store, self.key, self.extraction = store, key, extraction

    def outcome(self) -> tuple[stages.FileOutcome, bool]:
        """The cached outcome, or, when the record has gone or expired since, the file extracted now."""
        try:
            record = _read_record(self.store, self.key)
        except Exception:
            record = None
        if record is None or _expired(record.metadata.expiration):
            return extract(*self.extraction), False
        return cast(stages.FileOutcome, record.result), True


def submit(store: Any, path: Path, sha256: str, period: str | None, name: str | None = None) -> Any:
    """The extraction of one file: its cache record when `store` holds one (the record the `extract`
    task would find under the same key, in the same result store: `extract_store`), read by the
    flow; else the `extract` task submitted. A cached task run records nothing the run's file table
    does not already say (the file, its state, `files_from_cache`) and costs ~20 ms of API calls
    and state logging: 2.3-2.5 s of a ~9 s `--force` re-run of 120 unchanged reports."""
    key = extraction_key(path, sha256, period, name)
    if not _refreshing() and _has_record(store, key):
        return FromCache(store, key, (path, sha256, period, name))
    return extract.submit(path, sha256, period, name)


def _refreshing() -> bool:
    """Whether cache records are to be written anew, not read (Prefect's setting, which the task's
    engine follows: PREFECT_TASKS_REFRESH_CACHE, or the task's own `refresh_cache`)."""
    from prefect.settings import PREFECT_TASKS_REFRESH_CACHE

    own = getattr(extract, "refresh_cache", None)
    return bool(own if own is not None else PREFECT_TASKS_REFRESH_CACHE.value())


def _record_file(store: Any, key: str) -> Path | None:
    """The file holding `store`'s record under `key`, where the store keeps its records on this
    machine in one file each, with no locks to respect; else None (the store is asked)."""
    from prefect.filesystems import LocalFileSystem

    storage = getattr(store, "result_storage", None)
    if (
        getattr(store, "metadata_storage", None) is None
        and getattr(store, "lock_manager", None) is None
        and isinstance(storage, LocalFileSystem)
        and storage.basepath
    ):
        return Path(str(storage.basepath)).expanduser() / key
    return None


def _has_record(store: Any, key: str) -> bool:
    """Whether `store` holds a record under `key`, by the file's presence where the store keeps its
    records on this machine (Prefect's `exists` reads and unpickles the whole record)."""
    file = _record_file(store, key)
    return file.is_file() if file is not None else bool(store.exists(key))


def _read_record(store: Any, key: str) -> Any:
    """`store`'s record under `key`, as `store.read` returns it; a record in a file of this machine
    is read and deserialized here, as the store itself does, without the store's path resolving
    (each key resolved three times, symbolic links followed): 1.4-2.2 ms a record in a flow run
    against ~0.5 ms, 0.1-0.2 s of a `--force` re-run of 120 unchanged reports."""
    file = _record_file(store, key)
    if file is None:
        return store.read(key)
    from prefect.results import ResultRecord

    return ResultRecord.deserialize(file.read_bytes(), backup_serializer=store.serializer)


def _expired(expiration: Any) -> bool:
    from prefect.types._datetime import now

    return expiration is not None and expiration <= now("UTC")


def extract_store() -> Any:
    """The result store of the `extract` task's cache records, as its task engine resolves it (its
    records not kept in memory once read: the flow reads each once)."""
    from prefect.results import get_result_store

    store = get_result_store().update_for_task(extract, _sync=True)  # type: ignore[call-arg]
    return cast(Any, store).model_copy(update={"cache_result_in_memory": False})


def _outcome(future: Any, held: Held) -> tuple[stages.FileOutcome, bool]:
    """An extraction's outcome and whether it came from the cache; the warehouse is released when
    the extraction is still running after a short wait, so others can open it while this run waits."""
    if isinstance(future, FromCache):
        return future.outcome()
    if not _ready(future):
        future.wait(HOLD_WHILE_WAITING_S)
        if not _ready(future):
            held.release()
    return future.result(), future.state.name == "Cached"


def _ready(future: Any) -> bool:
    """Whether an extraction's future has finished (so taking its result will not wait)."""
    done = getattr(getattr(future, "wrapped_future", None), "done", None)
    return bool(done()) if callable(done) else False


def extraction_key(path: Path, sha256: str, period: str | None, name: str | None = None) -> str:
    """Same path, same bytes, same period override, same code: same outcome (it names its path)."""
    named = hashlib.sha256(str(name or path).encode()).hexdigest()[:16]
    return f"muniflow-extract-{code_version()}-{sha256}-{named}-{period}"


def _extract_key(context: TaskRunContext, parameters: dict[str, Any]) -> str:
    """The `extract` task's cache key (`extraction_key` of its parameters)."""
    p = parameters
    return extraction_key(p["path"], p["sha256"], p.get("period"), p.get("name"))


def _extract_run_name() -> str:
    """«extract report.docx»: the file's name as it is recorded (a name whose bytes are no UTF-8,
    made on Windows, could not be sent to the API)."""
    from prefect.runtime import task_run

    path = task_run.parameters.get("path")
    return f"extract {Path(lineage_name(path)).name if path is not None else '?'}"


@task(
    cache_key_fn=_extract_key,
    cache_expiration=timedelta(days=365),
    persist_result=True,
    task_run_name=_extract_run_name,
)
def extract(path: Path, sha256: str, period: str | None, name: str | None = None) -> stages.FileOutcome:
    """Read, interpret, normalize, check and enrich one file's rows (cached by content hash); `name`
    is its lineage when it is not its path (a member of an archive)."""
    ahead = prefetch.take(path, sha256, period, name)  # extracted while Prefect started (the CLI)
    if ahead is not None:
        outcome = cast(stages.FileOutcome, ahead)
    else:
        item = Input(path, name or lineage_name(path))
        outcome = stages.process_input(item, Period.parse(period) if period else None, sha256=sha256)
    if outcome.reason in OF_THIS_RUN:
        _not_cached()
    return outcome


def _not_cached() -> None:
    """Keep this task run's outcome out of the cache: it says how this run went (a time limit hit on
    a busy machine), not what the file holds, so the next run reads the file again."""
    from prefect.transactions import get_transaction

    txn = get_transaction()
    if txn is not None:
        txn.write_on_commit = False


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


def load(warehouse: str, run_id: str, outcome: stages.FileOutcome) -> loader.LoadResult:
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


@task(retries=3, retry_delay_seconds=5, retry_condition_fn=_lock_held, cache_policy=NO_CACHE)
def dedupe(warehouse: str, run_id: str, periods: set[str]) -> int:
    """Cross-report duplicate rule on the current rows of the touched periods."""
    with _warehouse(warehouse) as con:
        return stages.dedupe_periods(con, run_id, periods)


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
    if not stored or period or region:
        warm_up()  # Great Expectations imports while the files are read (not needed if all are stored)
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

        def loaded(outcome: stages.FileOutcome, result: loader.LoadResult) -> None:
            nonlocal unchanged
            if progress is not None:
                progress.advance(rows=result.rows_extracted, flags=len(outcome.flags))
            if result.status == "unchanged":  # one line for them all, after the run's files
                unchanged += 1
            else:
                logger.info("%s: %s %s", outcome.source_file, result.status, outcome.reason or "")

        runner = pipeline.Runner(
            submit=partial(submit, extract_store()),
            outcome=lambda fut: _outcome(fut, held),
            load=lambda run_id, outcome: load(wh, run_id, outcome),
            dedupe=lambda run_id, periods: dedupe(wh, run_id, periods),
            quality=lambda run_id, periods: quality(
                wh, run_id, Path(report_dir) if report_dir else None, periods
            ),
            connect=lambda: _warehouse(wh),
            record_archive=lambda run_id, archive: cast(bool, record(wh, run_id, archive)),
            on_start=started,
            on_loaded=loaded,
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
