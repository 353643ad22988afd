"""What the data-quality report reads from the warehouse: public views as DataFrames, a run's row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pandas as pd


def read_views(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> dict[str, pd.DataFrame]:
    """Each named public view in full, as a DataFrame (names are identifiers of ours, not input)."""
    unknown = [n for n in names if not n.isidentifier()]
    if unknown:
        raise ValueError(f"not view names: {unknown}")
    return {name: con.execute(f"select * from {name}").df() for name in names}


def run_record(con: duckdb.DuckDBPyConnection, run: str = "latest") -> dict[str, Any] | None:
    """The `runs` row of run id `run`, or of the newest run for 'latest'; None when there is none."""
    if run == "latest":
        cur = con.execute("select * from runs order by started_at desc limit 1")
    else:
        cur = con.execute("select * from runs where run_id = ?", [run])
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    return None if row is None else dict(zip(names, row, strict=True))


def current_flags(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Flags of current rows: what the reviewer acts on (flags of superseded versions stay history)."""
    return con.execute(
        "select f.* from flagged_rows as f join core.current_rows using (report_id, row_index)"
    ).df()


def review_decisions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The latest review decision per row, with whether it went stale."""
    return con.execute("select * from review_decisions").df()
