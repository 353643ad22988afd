"""Read the loaded views, run the Great Expectations checkpoint and write the data-quality report."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from muniflow import dqreport
from muniflow.quality import run_checkpoint
from muniflow.warehouse.frames import read_views, run_record
from muniflow.warehouse.sections import current_row_keys

VIEWS = ("events", "flagged_rows", "reports", "extracted_rows")
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
    frames = read_frames(con)
    result = run_checkpoint(frames, out / "data_docs")
    flagged = frames["flagged_rows"]
    # the reviewer acts on current rows; flags of superseded sections stay queryable as history
    keys = current_row_keys(con)
    current = flagged[[key in keys for key in zip(flagged["report_id"], flagged["row_index"], strict=True)]]
    return dqreport.write_report(out, run=run, flagged=current, events=frames["events"], quality=result)
