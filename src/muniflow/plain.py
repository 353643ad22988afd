"""The ingestion stages in one process without Prefect: the baseline for benchmarks and tests.

It runs exactly what the flow runs (`flows/ingest.py`), sequentially: extract, validate and
enrich each file, load each in its own transaction, then the duplicate rule over the touched
periods. The Great Expectations checkpoint and the report run only when `report_dir` is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from muniflow import stages
from muniflow.model import Period
from muniflow.warehouse import db, loader


def ingest_plain(
    paths: Sequence[str | Path],
    warehouse: str | Path,
    period: Period | None = None,
    report_dir: Path | None = None,
) -> dict[str, Any]:
    """Ingest files or folders into `warehouse`; returns the run's counts and each file's status."""
    files = stages.discover(list(paths))
    outcomes = [stages.process_file(f, period) for f in files]
    with db.connect(warehouse) as con:
        run_id = loader.start_run(con)
        statuses: dict[str, str] = {}
        periods: set[str] = set()
        for outcome in outcomes:
            statuses[outcome.source_file] = stages.load_file(con, run_id, outcome).status
            if outcome.report and outcome.report.period and not outcome.reason:
                periods.add(outcome.report.period.label)
        stages.dedupe_periods(con, run_id, periods)
        if report_dir is not None:
            from muniflow.quality_report import write_quality_report

            write_quality_report(con, run_id, report_dir)
        counts = loader.finish_run(con, run_id, {"files": len(files)})
    return {**counts, "run_id": run_id, "statuses": statuses}
