"""What the data-quality report reads from the warehouse: public views as DataFrames, a run's row."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import duckdb
import pandas as pd

from muniflow.warehouse.db import statement

# Views whose rows of some quarters are read through a table macro that picks the quarters' reports
# first (the view is the macro over every quarter); filtering the view itself read every quarter.
PERIOD_LAYERS = {"events": "core.period_events", "reporting_status": "core.period_reporting_status"}


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
    # reports of the run outside those quarters (a quarantined file may have none): read by id
    others = [
        r
        for (r,) in con.execute(
            statement("run_reports_outside_periods"),
            {"run": run_id, "wanted": wanted},
        ).fetchall()
    ]
    layered = _layered(con, names)
    frames = {}
    for name in names:
        if name in layered:  # names, not values
            frame = con.execute(f"select * from {layered[name]}(?::varchar[])", [wanted]).df()
        else:
            # period first and alone, so the filter reaches the view's tables
            query = f"select * from {name} where list_contains(?::varchar[], period)"
            frame = con.execute(query, [wanted]).df()
        if others:
            extra = con.execute(
                f"select * from {name} where list_contains(?::varchar[], report_id)"
                " and (period is null or not list_contains(?::varchar[], period))",
                [others, wanted],
            ).df()
            frame = pd.concat([frame, extra], ignore_index=True) if len(extra) else frame
        frames[name] = frame
    return frames


def _layered(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> dict[str, str]:
    """The views among `names` defined as their quarter layer over every quarter (`PERIOD_LAYERS`),
    each with its layer: a later migration that redefines such a view some other way is read
    through the view, never through a layer that no longer says what the view says."""
    wanted = [name for name in names if name in PERIOD_LAYERS]
    if not wanted:
        return {}
    found = con.execute(
        "select view_name, lower(sql) from duckdb_views()"
        " where schema_name = 'main' and list_contains(?::varchar[], view_name)",
        [wanted],
    ).fetchall()
    return {name: PERIOD_LAYERS[name] for name, sql in found if f"{PERIOD_LAYERS[name]}(null)" in (sql or "")}


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
    of the given quarters only when `periods` is given. `event_title` is the row's title."""
    if periods is None:
        sql = (
            "select f.*, c.title as event_title"
            " from flagged_rows as f join core.current_rows as c using (report_id, row_index)"
        )
        return con.execute(sql).df()
    return con.execute(
        statement("period_flags_with_titles"),
        {"periods": sorted(periods)},
    ).df()


def review_decisions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The latest review decision per row, with whether it went stale."""
    return con.execute("select * from review_decisions").df()
