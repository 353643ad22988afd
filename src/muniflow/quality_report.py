"""Read the loaded views, run the Great Expectations checkpoint and write the data-quality report."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pandas as pd

from muniflow import dqreport
from muniflow.quality import run_checkpoint
from muniflow.warehouse.frames import current_row_keys, read_views, run_record

VIEWS = ("events", "flagged_rows", "reports", "extracted_rows")
DEFAULT_REPORTS_DIR = Path("reports")


def read_frames(
    con, periods: Collection[str] | None = None, run_id: str | None = None
) -> dict[str, pd.DataFrame]:  # type: ignore[no-untyped-def]
    """The views the checkpoint and the report read, as DataFrames (see `read_views` for `periods`)."""
    return read_views(con, VIEWS, periods, run_id)


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


def write_quality_report(  # type: ignore[no-untyped-def]
    con,
    run_id: str = "latest",
    out_dir: Path | None = None,
    periods: Collection[str] | None = None,
    data_docs: bool = True,
) -> Path:
    """Checkpoint the warehouse and write `dq_report.html`, `flagged_rows.csv` and the Data Docs.

    With `periods` (what an ingestion touched) only those quarters are checked and reported, so the
    cost stays flat as the warehouse grows; `data_docs=False` skips rendering GX's Data Docs site
    (seconds), which `muniflow report` renders.
    """
    run = resolve_run(con, run_id)
    out = (out_dir or DEFAULT_REPORTS_DIR / str(run["run_id"])).resolve()
    out.mkdir(parents=True, exist_ok=True)
    frames = read_frames(con, periods, str(run["run_id"]))
    result = run_checkpoint(frames, out / "data_docs" if data_docs else None)
    flagged = frames["flagged_rows"]
    # the reviewer acts on current rows; flags of superseded sections stay queryable as history
    keys = current_row_keys(con, periods)
    current = flagged[[key in keys for key in zip(flagged["report_id"], flagged["row_index"], strict=True)]]
    return dqreport.write_report(out, run=run, flagged=current, events=frames["events"], quality=result)
