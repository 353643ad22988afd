"""The ingestion stages in one process without Prefect: the baseline for benchmarks and tests.

It runs what the flow runs (`flows/ingest.py`) in the same shape: every file processed in the
sandboxed workers in parallel (one per core), each loaded in its own transaction in order, then
the duplicate rule over the touched periods. The Great Expectations checkpoint and the report
run only when `report_dir` is given.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from muniflow import stages
from muniflow.intake import sha256_file
from muniflow.intake.expand import expand
from muniflow.intake.inbox import scan
from muniflow.model import Period
from muniflow.warehouse import db, loader
from muniflow.warehouse.archives import record_archive


@contextmanager
def _timed(totals: dict[str, float], stage: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        totals[stage] += time.perf_counter() - started


def ingest_plain(
    paths: Sequence[str | Path],
    warehouse: str | Path,
    period: Period | None = None,
    report_dir: Path | None = None,
) -> dict[str, Any]:
    """Ingest files or folders into `warehouse`; returns the counts, each file's status and the
    seconds spent waiting on each stage (`seconds`)."""
    totals: dict[str, float] = defaultdict(float)
    inbox = scan(list(paths))
    files = list(inbox.files)
    statuses: dict[str, str] = {}
    with (
        ThreadPoolExecutor(os.cpu_count() or 1) as pool,
        db.connect(warehouse) as con,
        tempfile.TemporaryDirectory(prefix="muniflow-unpack-") as unpack_dir,
    ):
        run_id = loader.start_run(con)
        periods = stages.recover_aborted(con, run_id)
        expanded = expand(files, Path(unpack_dir))
        for refused in expanded.refused:
            statuses[refused.source_file] = stages.load_file(
                con, run_id, stages.refused_archive(refused)
            ).status
        futures = [
            pool.submit(lambda i: stages.process_input(i, period, sha256_file(i.path)), i)
            for i in expanded.inputs
        ]
        for future in futures:
            with _timed(totals, "process"):
                outcome = future.result()
            with _timed(totals, "load"):
                statuses[outcome.source_file] = stages.load_file(con, run_id, outcome).status
            if outcome.report and outcome.report.period and not outcome.reason:
                periods.add(outcome.report.period.label)
        for archive in expanded.archives:
            record_archive(con, run_id, archive)
            statuses[archive.source_file] = "unpacked"
        with _timed(totals, "dedup"):
            stages.dedupe_periods(con, run_id, periods)
        if report_dir is not None:
            from muniflow.quality_report import write_quality_report

            with _timed(totals, "quality"):
                write_quality_report(con, run_id, report_dir)
        counts = loader.finish_run(con, run_id, {"files": len(files), "files_skipped": len(inbox.skipped)})
    seconds = {k: round(v, 3) for k, v in totals.items()}
    return {**counts, "run_id": run_id, "statuses": statuses, "seconds": seconds}
