"""Write every public view of the warehouse to one Parquet or CSV file each, or one workbook.

CSV and .xlsx are for people: a text cell a spreadsheet would evaluate is neutralized
(muniflow.sheets); Parquet keeps the raw text."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from muniflow.sheets import NEEDS_QUOTE_SQL, Sheet, write_xlsx
from muniflow.warehouse.db import open_with_retry, statement

FORMATS = ("parquet", "csv", "xlsx")
WORKBOOK = "muniflow.xlsx"
# An apostrophe before the text, in SQL: a literal quote doubled inside a quoted literal.
_APOSTROPHE = "''''"
BUSY_WAIT_S = 3.0


def view_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The public views: those of schema `main` (helpers live in `core`)."""
    return [name for (name,) in con.execute(statement("public_views")).fetchall()]


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
        if fmt == "xlsx":
            return [write_workbook(con, folder / WORKBOOK)]
        for view in view_names(con):
            out = folder / f"{view}.{fmt}"
            if fmt == "parquet":
                con.table(view).write_parquet(str(out))
            else:
                _with_bom(out, _sheet_safe(con, view))
            written.append(out)
    finally:
        con.close()
    return written


BOM = b"\xef\xbb\xbf"


def _with_bom(out: Path, relation: duckdb.DuckDBPyRelation) -> None:
    """Write the relation as a CSV file with UTF-8's byte order mark first: without it, Excel opens
    the file in the Windows code page and the Cyrillic comes out garbled."""
    plain = out.with_name(out.name + ".part")
    try:
        relation.write_csv(str(plain), header=True)
        with out.open("wb") as target, plain.open("rb") as source:
            target.write(BOM)
            shutil.copyfileobj(source, target, 1 << 20)
    finally:
        plain.unlink(missing_ok=True)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sheet_safe(con: duckdb.DuckDBPyConnection, view: str) -> duckdb.DuckDBPyRelation:
    """The view with each text column neutralized as muniflow.sheets.neutralize does."""
    types = con.execute(
        "select column_name, column_type from (describe from query_table(?))", [view]
    ).fetchall()
    columns = []
    for name, kind in types:
        q = _quoted(name)
        if kind == "VARCHAR":
            columns.append(f"case when regexp_matches({q}, $1) then {_APOSTROPHE} || {q} else {q} end as {q}")
        else:
            columns.append(q)
    # names from the catalog, the pattern bound
    return con.sql(f"select {', '.join(columns)} from {_quoted(view)}", params=[NEEDS_QUOTE_SQL])


def write_workbook(con: duckdb.DuckDBPyConnection, out: Path) -> Path:
    """Every view as one sheet of one workbook (header frozen, dates as dates, widths fitted)."""
    sheets = []
    for view in view_names(con):
        cur = con.execute(f"select * from {_quoted(view)}")  # a view name from the catalog
        header = tuple(d[0] for d in cur.description or ())
        sheets.append(Sheet(view, header, tuple(cur.fetchall())))
    return write_xlsx(out, sheets)
