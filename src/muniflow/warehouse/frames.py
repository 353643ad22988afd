"""What the data-quality report reads from the warehouse: public views as DataFrames, a run's row."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import duckdb
import pandas as pd


def read_views(
    con: duckdb.DuckDBPyConnection,
    names: Sequence[str],
    periods: Collection[str] | None = None,
    run_id: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Each named public view as a DataFrame (names are identifiers of ours, not input).

    With `periods`, only the rows of those quarters, plus the rows of the reports run `run_id`
    recorded or saw (a quarantined file's, say): what one ingestion touched, so the read does not
    grow with the warehouse. Every view read this way must have `period` and `report_id` columns.
    """
    unknown = [n for n in names if not n.isidentifier()]
    if unknown:
        raise ValueError(f"not view names: {unknown}")
    if periods is None:
        return {name: con.execute(f"select * from {name}").df() for name in names}
    wanted = sorted(periods)
    # reports of the run outside those quarters (a quarantined file has none): read by id
    others = [
        r
        for (r,) in con.execute(
            "select report_id from core.reports where run_id = ?"
            " union select report_id from core.report_files where first_run_id = ?",
            [run_id, run_id],
        ).fetchall()
    ]
    frames = {}
    for name in names:
        # period first and alone, so the filter reaches the view's tables
        query = f"select * from {name} where list_contains(?::varchar[], period)"
        params: list[object] = [wanted]
        if others:
            query += (
                f" union all select * from {name} where list_contains(?::varchar[], report_id)"
                " and (period is null or not list_contains(?::varchar[], period))"
            )
            params += [others, wanted]
        frames[name] = con.execute(query, params).df()
    return frames


def run_record(con: duckdb.DuckDBPyConnection, run: str = "latest") -> dict[str, Any] | None:
    """The `runs` row of run id `run`, or of the newest run for 'latest'; None when there is none."""
    if run == "latest":
        cur = con.execute("select * from runs order by started_at desc limit 1")
    else:
        cur = con.execute("select * from runs where run_id = ?", [run])
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    return None if row is None else dict(zip(names, row, strict=True))


def current_flags(con: duckdb.DuckDBPyConnection, periods: Collection[str] | None = None) -> pd.DataFrame:
    """Flags of current rows: what the reviewer acts on (flags of superseded versions stay history);
    of the given quarters only when `periods` is given."""
    if periods is None:
        sql = "select f.* from flagged_rows as f join core.current_rows as c using (report_id, row_index)"
        return con.execute(sql).df()
    return con.execute(
        "select f.* from flagged_rows as f"
        " join core.period_current_rows(?::varchar[]) as c using (report_id, row_index)",
        [sorted(periods)],
    ).df()


def review_decisions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The latest review decision per row, with whether it went stale."""
    return con.execute("select * from review_decisions").df()
