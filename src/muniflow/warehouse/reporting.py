"""Who has reported: nil sections, the expected reporters synced from the contract, `reporting_status`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import duckdb

from muniflow.model import Period
from muniflow.warehouse.db import statement, transaction

# How `muniflow status` and the reports order municipalities: who has to be chased first.
STATUS_ORDER = ("missing", "quarantined", "nil", "reported")


def record_nil_sections(
    con: duckdb.DuckDBPyConnection, report_id: str, municipalities: Sequence[str]
) -> None:
    """Store a report's nil sections (inside the caller's transaction)."""
    names = sorted({m for m in municipalities if m.strip()})
    if names:
        con.execute(
            "insert into core.nil_sections select ?, unnest(?::varchar[]) on conflict do nothing",
            [report_id, names],
        )


def sync_expected(con: duckdb.DuckDBPyConnection, pairs: Sequence[tuple[str, str]]) -> bool:
    """Make core.expected_municipalities hold exactly these (region, municipality) pairs; True if changed."""
    wanted = sorted(set(pairs))
    stored = sorted(con.execute("select region, municipality from core.expected_municipalities").fetchall())
    if stored == wanted:
        return False
    with transaction(con):
        con.execute("delete from core.expected_municipalities")
        if wanted:
            regions, names = zip(*wanted, strict=True)
            con.execute(
                "insert into core.expected_municipalities select unnest(?::varchar[]), unnest(?::varchar[])",
                [list(regions), list(names)],
            )
    return True


def status_rows(
    con: duckdb.DuckDBPyConnection, period: str | None = None, region: str | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """`reporting_status` rows (of one period and region when given): missing first, then by name."""
    cur = con.execute(
        statement("status_rows"),
        [period, period, region, region, list(STATUS_ORDER)],
    )
    return [d[0] for d in cur.description or ()], cur.fetchall()


def days_since_quarter_end(period: str, today: date | None = None) -> int:
    """Days from a quarter's last day to `today` (negative while the quarter runs)."""
    return ((today or date.today()) - Period.parse(period).last_day).days


def completeness(
    con: duckdb.DuckDBPyConnection, periods: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Per region and period: counts by status, the missing municipalities, and whether the region
    has an expected list at all (`listed`; without one nobody can be missing) (for run summaries)."""
    rows = con.execute(
        statement("completeness"),
        [list(periods) if periods is not None else None] * 2,
    ).fetchall()
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for region, period, status, names, expected in rows:
        entry = out.setdefault(
            (region, period),
            {
                "region": region,
                "period": period,
                **dict.fromkeys(STATUS_ORDER, 0),
                "missing_names": [],
                "listed": False,  # any municipality on the region's expected list
            },
        )
        entry[status] = len(names)
        entry["listed"] = entry["listed"] or bool(expected)
        if status == "missing":
            entry["missing_names"] = list(names)
    return list(out.values())


def seen_municipalities(con: duckdb.DuckDBPyConnection, region: str) -> list[tuple[str, int]]:
    """Municipalities the warehouse has received reports from for a region, with how many reports."""
    return con.execute(
        statement("seen_municipalities"),
        [region],
    ).fetchall()


def known_regions(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Regions of the reports received (not quarantined), sorted."""
    return [
        r
        for (r,) in con.execute(
            "select distinct region from core.reports where region is not null and status <> 'quarantined'"
            " order by region"
        ).fetchall()
    ]
