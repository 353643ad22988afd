"""The ingestion stages in one process without Prefect: the baseline for benchmarks and tests.

It runs what the flow runs (`flows/ingest.py`) in the same shape: every file processed in the
sandboxed workers in parallel (one per core), each loaded in its own transaction in order, then
the duplicate rule over the touched periods. The Great Expectations checkpoint and the report
run only when `report_dir` is given.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from muniflow import stages
from muniflow.intake import sha256_file
from muniflow.intake.inbox import scan
from muniflow.model import Period
from muniflow.warehouse import db, loader


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
    periods: set[str] = set()
    with ThreadPoolExecutor(os.cpu_count() or 1) as pool, db.connect(warehouse) as con:
        run_id = loader.start_run(con)
        futures = [pool.submit(lambda f: stages.process_file(f, period, sha256_file(f)), f) for f in files]
        for future in futures:
            with _timed(totals, "process"):
                outcome = future.result()
            with _timed(totals, "load"):
                statuses[outcome.source_file] = stages.load_file(con, run_id, outcome).status
            if outcome.report and outcome.report.period and not outcome.reason:
                periods.add(outcome.report.period.label)
        with _timed(totals, "dedup"):
            stages.dedupe_periods(con, run_id, periods)
        if report_dir is not None:
            from muniflow.quality_report import write_quality_report

            with _timed(totals, "quality"):
                write_quality_report(con, run_id, report_dir)
        counts = loader.finish_run(con, run_id, {"files": len(files), "files_skipped": len(inbox.skipped)})
    seconds = {k: round(v, 3) for k, v in totals.items()}
    return {**counts, "run_id": run_id, "statuses": statuses, "seconds": seconds}
