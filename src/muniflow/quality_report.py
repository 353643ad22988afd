"""Read the loaded views, run the Great Expectations checkpoint and write the data-quality report."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from muniflow import dqreport
from muniflow.quality import run_checkpoint
from muniflow.reporting.contract import load_reporting
from muniflow.warehouse.reporting import sync_expected
from muniflow.warehouse.sections import current_row_keys

VIEWS = ("events", "flagged_rows", "reports", "extracted_rows", "reporting_status")
DEFAULT_REPORTS_DIR = Path("reports")


def read_frames(con) -> dict[str, pd.DataFrame]:  # type: ignore[no-untyped-def]
    """The views the checkpoint and the report read, as DataFrames."""
    return {name: con.execute(f"select * from {name}").df() for name in VIEWS}


def resolve_run(con, run: str = "latest") -> dict:  # type: ignore[no-untyped-def]
    """The `runs` row of RUN_ID, or of the newest run for 'latest'.

    Raises:
        LookupError: no such run (or no run at all), with what to do.
    """
    if run == "latest":
        cur = con.execute("select * from runs order by started_at desc limit 1")
    else:
        cur = con.execute("select * from runs where run_id = ?", [run])
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    if row is None:
        raise LookupError(
            "no ingestion run in this warehouse yet: run `muniflow ingest PATH` first"
            if run == "latest"
            else f'no run {run!r}: list runs with `muniflow query "select * from runs"`'
        )
    return dict(zip(names, row, strict=True))


def write_quality_report(con, run_id: str = "latest", out_dir: Path | None = None) -> Path:  # type: ignore[no-untyped-def]
    """Checkpoint the warehouse and write `dq_report.html`, `flagged_rows.csv` and the Data Docs."""
    run = resolve_run(con, run_id)
    out = (out_dir or DEFAULT_REPORTS_DIR / str(run["run_id"])).resolve()
    out.mkdir(parents=True, exist_ok=True)
    sync_expected(con, load_reporting().expected_pairs())  # the contract's list as it is now
    frames = read_frames(con)
    result = run_checkpoint(frames, out / "data_docs")
    flagged = frames["flagged_rows"]
    # the reviewer acts on current rows; flags of superseded sections stay queryable as history
    keys = current_row_keys(con)
    current = flagged[[key in keys for key in zip(flagged["report_id"], flagged["row_index"], strict=True)]]
    return dqreport.write_report(
        out,
        run=run,
        flagged=current,
        events=frames["events"],
        quality=result,
        reporting=frames["reporting_status"],
    )
