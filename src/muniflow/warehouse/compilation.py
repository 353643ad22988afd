"""What `muniflow compile` reads from the warehouse: a quarter's events, who co-reported them,
and what is still open (the queries are the files of warehouse/publish/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from muniflow.warehouse.db import open_with_retry, sql_dir
from muniflow.warehouse.export import BUSY_WAIT_S


class RegionAmbiguous(LookupError):
    """The quarter holds reports of several regions and none was chosen."""


def _rows(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    sql = (sql_dir() / "publish" / f"{name}.sql").read_text(encoding="utf-8")
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def regions_of(con: duckdb.DuckDBPyConnection, period: str) -> list[str | None]:
    """The regions of a quarter's current reports (None: a report whose region is not known)."""
    return [r["region"] for r in _rows(con, "compile_regions", {"period": period})]


def choose_region(con: duckdb.DuckDBPyConnection, period: str, region: str | None) -> str | None:
    """The region to compile: the one asked for, else the quarter's only one.

    Raises:
        LookupError: the quarter has no current report, or the asked region none in it.
        RegionAmbiguous: several regions and none asked for.
    """
    regions = regions_of(con, period)
    if not regions:
        raise LookupError(f"no loaded report for {period}: ingest the quarter's reports first")
    if region is not None:
        if region not in regions:
            known = ", ".join(r or "(region not known)" for r in regions)
            raise LookupError(f"no loaded report of {region!r} for {period}; the quarter has: {known}")
        return region
    if len(regions) > 1:
        known = ", ".join(r or "(region not known)" for r in regions)
        raise RegionAmbiguous(
            f"{period} holds reports of several regions ({known}): choose one with --region"
        )
    return regions[0]


def quarter_events(con: duckdb.DuckDBPyConnection, period: str, region: str | None) -> list[dict[str, Any]]:
    """The clean events of a region's quarter, with their dates and municipality."""
    return _rows(con, "compile_events", {"period": period, "region": region})


def co_reporters(con: duckdb.DuckDBPyConnection, period: str) -> dict[str, list[str]]:
    """event_id -> the other municipalities that reported the same event."""
    out: dict[str, list[str]] = {}
    for row in _rows(con, "compile_co_reports", {"period": period}):
        out.setdefault(row["event_id"], []).append(row["municipality"])
    return out


def open_items(
    con: duckdb.DuckDBPyConnection, period: str, region: str | None
) -> dict[str, list[dict[str, Any]]]:
    """What the compilation leaves out: quarantined rows and quarantined files of the quarter,
    and municipalities that reported nothing or nil where `reporting_status` exists."""
    params = {"period": period, "region": region}
    items = {
        "rows": _rows(con, "compile_open_rows", params),
        "files": _rows(con, "compile_open_files", params),
        "reporters": [],
    }
    has_status = con.execute(
        "select count(*) from information_schema.tables where table_name = 'reporting_status'"
    ).fetchone()
    if has_status and has_status[0]:
        items["reporters"] = _rows(con, "compile_reporters", params)
    return items


def open_read_only(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to an existing warehouse, waiting briefly while a writer holds it.

    Raises:
        FileNotFoundError: there is no warehouse at `path`.
    """
    target = Path(path)
    if not target.is_file():
        raise FileNotFoundError(f"no warehouse at {target}")
    return open_with_retry(lambda: duckdb.connect(str(target), read_only=True), str(target), BUSY_WAIT_S)
