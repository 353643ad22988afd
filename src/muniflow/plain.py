"""The ingestion stages in one process without Prefect: the baseline for benchmarks and tests.

It runs the body the flow runs (`muniflow.pipeline.run_ingest`) with plain functions: every file
processed in the sandboxed workers in parallel (one per core), each loaded in its own transaction
in order, then the duplicate rule over the touched periods. The Great Expectations checkpoint and the report
(of the touched periods, without Data Docs, as `muniflow ingest` writes it) run only when
`report_dir` is given.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from muniflow import period_checks, pipeline, stages
from muniflow.file_outcome import FileOutcome
from muniflow.intake.expand import Input
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

    def outcome(future: Future[FileOutcome]) -> tuple[FileOutcome, bool]:
        with _timed(totals, "process"):
            return future.result(), False

    def load(run_id: str, outcome: FileOutcome) -> loader.LoadResult:
        with _timed(totals, "load"):
            return stages.load_file(con, run_id, outcome)

    def dedupe(run_id: str, periods: set[str]) -> int:
        with _timed(totals, "dedup"):
            return period_checks.dedupe_periods(con, run_id, periods)

    def quality(run_id: str, periods: set[str]) -> Path | None:
        if report_dir is None:
            return None
        from muniflow.quality_report import write_quality_report

        with _timed(totals, "quality"):
            return write_quality_report(con, run_id, report_dir, periods, data_docs=False)

    def warm_up_checks() -> None:  # once every file is submitted, while they are read
        if report_dir is not None:
            from muniflow.quality.checkpoint import warm_up

            warm_up()  # Great Expectations imports
        period_checks.warm_up_checks()  # and the duplicate rule's vocabulary is built

    with ThreadPoolExecutor(os.cpu_count() or 1) as pool, db.connect(warehouse) as con:
        runner = pipeline.Runner(
            submit=lambda f, sha256, _, name: pool.submit(
                stages.process_input, Input(f, name), period, sha256
            ),
            outcome=outcome,
            load=load,
            dedupe=dedupe,
            quality=quality,
            connect=lambda: nullcontext(con),  # one connection for the whole run
            record_archive=lambda run_id, archive: record_archive(con, run_id, archive),
            counts_cache=False,
            on_submitted=warm_up_checks,
        )
        run = pipeline.run_ingest(paths, period.label if period else None, runner)
    statuses = {source_file: result.status for source_file, result in run.loaded}
    statuses.update({archive.source_file: "unpacked" for archive, _ in run.archives})
    seconds = {k: round(v, 3) for k, v in totals.items()}
    return {**run.counts, "run_id": run.run_id, "statuses": statuses, "seconds": seconds}
