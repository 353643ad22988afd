"""Write every public view of the warehouse to one Parquet or CSV file each."""

from __future__ import annotations

from pathlib import Path

import duckdb

from muniflow.warehouse.db import open_with_retry

FORMATS = ("parquet", "csv")
BUSY_WAIT_S = 3.0


def view_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The public views: those of schema `main` (helpers live in `core`)."""
    return [
        name
        for (name,) in con.execute(
            "select view_name from duckdb_views()"
            " where database_name = current_database() and schema_name = 'main' and not internal"
            " order by view_name"
        ).fetchall()
    ]


def export_views(path: str | Path, out_dir: str | Path, fmt: str = "parquet") -> list[Path]:
    """Export each view to `out_dir/<view>.<fmt>` from a read-only connection; returns the files."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    target = Path(path)
    if not target.is_file():
        raise FileNotFoundError(f"no warehouse at {target}")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    con = open_with_retry(lambda: duckdb.connect(str(target), read_only=True), target, BUSY_WAIT_S)
    written = []
    try:
        for view in view_names(con):
            out = folder / f"{view}.{fmt}"
            relation = con.table(view)
            if fmt == "parquet":
                relation.write_parquet(str(out))
            else:
                relation.write_csv(str(out), header=True)
            written.append(out)
    finally:
        con.close()
    return written
