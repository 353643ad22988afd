"""Read the loaded views, run the Great Expectations checkpoint and write the data-quality report."""

from __future__ import annotations

from collections.abc import Collection
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
    sync_expected(con, load_reporting().expected_pairs())  # the contract's list as it is now
    frames = read_frames(con, periods, str(run["run_id"]))
    result = run_checkpoint(frames, out / "data_docs" if data_docs else None)
    # A given run shows its flags and decisions as they stood at its end; the latest, those of now.
    history = flags_at(con, str(run["run_id"])) if run_id != "latest" else None
    if history is not None:
        current = history
        decisions = None  # stale decisions are judged against the reports of now
    else:
        # the reviewer acts on current rows; flags of superseded versions stay queryable as history
        current = current_flags(con, periods)
        decisions = review_decisions(con)
    return dqreport.write_report(
        out,
        run=run,
        flagged=current,
        events=frames["events"],
        quality=result,
        decisions=decisions,
        reporting=frames["reporting_status"],
        reports=frames["reports"],
        extracted=frames["extracted_rows"],
    )
