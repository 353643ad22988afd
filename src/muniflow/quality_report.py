"""Read the loaded views, run the Great Expectations checkpoint and write the data-quality report."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from muniflow import dqreport
from muniflow.quality import run_checkpoint
from muniflow.reporting.contract import load_reporting
from muniflow.warehouse.flag_history import flags_at
from muniflow.warehouse.frames import current_flags, read_views, review_decisions, run_record
from muniflow.warehouse.reporting import sync_expected

VIEWS = ("events", "flagged_rows", "reports", "extracted_rows", "reporting_status")
DEFAULT_REPORTS_DIR = Path("reports")


def read_frames(con) -> dict[str, pd.DataFrame]:  # type: ignore[no-untyped-def]
    """The views the checkpoint and the report read, as DataFrames."""
    return read_views(con, VIEWS)


def resolve_run(con, run: str = "latest") -> dict:  # type: ignore[no-untyped-def]
    """The `runs` row of RUN_ID, or of the newest run for 'latest'.

    Raises:
        LookupError: no such run (or no run at all), with what to do.
    """
    record = run_record(con, run)
    if record is None:
        raise LookupError(
            "no ingestion run in this warehouse yet: run `muniflow ingest PATH` first"
            if run == "latest"
            else f'no run {run!r}: list runs with `muniflow query "select * from runs"`'
        )
    return record


def write_quality_report(con, run_id: str = "latest", out_dir: Path | None = None) -> Path:  # type: ignore[no-untyped-def]
    """Checkpoint the warehouse and write `dq_report.html`, `flagged_rows.csv` and the Data Docs."""
    run = resolve_run(con, run_id)
    out = (out_dir or DEFAULT_REPORTS_DIR / str(run["run_id"])).resolve()
    out.mkdir(parents=True, exist_ok=True)
    sync_expected(con, load_reporting().expected_pairs())  # the contract's list as it is now
    frames = read_frames(con)
    result = run_checkpoint(frames, out / "data_docs")
    # A given run shows its flags and decisions as they stood at its end; the latest, those of now.
    history = flags_at(con, str(run["run_id"])) if run_id != "latest" else None
    if history is not None:
        current = history
        decisions = None  # stale decisions are judged against the reports of now
    else:
        # the reviewer acts on current rows; flags of superseded versions stay queryable as history
        current = current_flags(con)
        decisions = review_decisions(con)
    return dqreport.write_report(
        out,
        run=run,
        flagged=current,
        events=frames["events"],
        quality=result,
        decisions=decisions,
        reporting=frames["reporting_status"],
    )
