"""The per-run history of flags (what was flagged and decided at the end of each run), and the
content-derived row keys that flags and review decisions attach to."""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

from muniflow.warehouse.db import statement, transaction

if TYPE_CHECKING:  # pandas only where a frame is returned (`.df()`), not on every load
    import pandas as pd


def snapshot_flags(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """Record the flags of current reports with their decisions as the end of `run_id`; returns how
    many. A run snapshotted twice keeps its latest snapshot."""
    with transaction(con):
        con.execute("delete from core.flag_history where run_id = ?", [run_id])
        con.execute(
            statement("snapshot_flags"),
            [run_id],
        )
    (count,) = con.execute(
        "select count(*) from core.flag_history where run_id = ?", [run_id]
    ).fetchone() or (0,)
    return int(count)


def flags_at(con: duckdb.DuckDBPyConnection, run_id: str) -> pd.DataFrame | None:
    """The flags as they stood at the end of `run_id` in the columns of `flagged_rows`, or None
    when that run left no snapshot (it ran before the history existed, or is still running)."""
    (count,) = con.execute(
        "select count(*) from core.flag_history where run_id = ?", [run_id]
    ).fetchone() or (0,)
    if not count:
        return None
    return con.execute(
        statement("flags_at_run"),
        [run_id],
    ).df()


def store_row_keys(con: duckdb.DuckDBPyConnection, report_id: str) -> None:
    """Store the row keys of a report's rows (`core.row_keys_computed`), inside the caller's transaction."""
    con.execute(
        statement("store_row_keys"),
        [report_id],
    )
