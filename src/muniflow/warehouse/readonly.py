"""Run an analyst's SQL on the warehouse safely: read-only, no files, no extensions, a time limit."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from muniflow.warehouse.db import WarehouseBusy, default_warehouse_path, open_with_retry

__all__ = ["QueryError", "QueryResult", "QueryTimeout", "WarehouseBusy", "format_result", "run_query"]

# DuckDB enforces these itself; the statement check below is the second line of defence.
LOCKED_DOWN = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}
# DESCRIBE, SHOW, SUMMARIZE, VALUES and FROM-first queries all parse as SELECT.
READ_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
# PRAGMA also covers IMPORT DATABASE and settings; only these catalogue look-ups are reads.
READ_PRAGMAS = {
    "table_info",
    "show",
    "show_tables",
    "show_tables_expanded",
    "show_databases",
    "database_size",
    "storage_info",
    "version",
    "platform",
    "functions",
    "collations",
}
_PRAGMA_NAME = re.compile(r"^\s*pragma\s+(\w+)", re.IGNORECASE)
_EXPLAIN_PREFIX = re.compile(r"^\s*explain\s+(?:analyze\s+)?", re.IGNORECASE)
DEFAULT_BUSY_WAIT_S = 3.0


class QueryError(Exception):
    """The query was refused or failed; the message says why in the analyst's terms."""


class QueryTimeout(QueryError):
    """The query ran past its time limit and was interrupted."""


@dataclass(frozen=True)
class QueryResult:
    """Column names and rows of one query."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def run_query(
    path: str | Path | None,
    sql: str,
    *,
    params: Sequence[Any] | dict[str, Any] | None = None,
    timeout_s: float = 30,
    busy_wait_s: float = DEFAULT_BUSY_WAIT_S,
) -> QueryResult:
    """Run one read statement on a read-only, locked-down connection, interrupted after `timeout_s`."""
    target = Path(path) if path is not None else default_warehouse_path()
    if not target.is_file():
        raise QueryError(f"no warehouse at {target}: run `muniflow ingest PATH` first")
    con = open_with_retry(
        lambda: duckdb.connect(str(target), read_only=True, config=dict(LOCKED_DOWN)), target, busy_wait_s
    )
    try:
        check_read_only(con, sql)
        timer = threading.Timer(timeout_s, con.interrupt)
        timer.start()
        try:
            cur = con.execute(sql, params)
            rows = cur.fetchall()
        except duckdb.InterruptException as err:
            raise QueryTimeout(f"query interrupted after the {timeout_s:g} s time limit") from err
        except duckdb.Error as err:
            raise QueryError(str(err)) from err
        finally:
            timer.cancel()
        columns = tuple(d[0] for d in cur.description or ())
        return QueryResult(columns, tuple(tuple(r) for r in rows))
    finally:
        con.close()


def check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Refuse anything but one read statement (SELECT-like, EXPLAIN of one, catalogue PRAGMA)."""
    statements = _statements(con, sql)
    if len(statements) != 1:
        raise QueryError(f"give exactly one statement, got {len(statements)}")
    _check_statement(con, statements[0])


def _statements(con: duckdb.DuckDBPyConnection, sql: str) -> list[Any]:
    try:
        return list(con.extract_statements(sql))
    except duckdb.Error as err:
        raise QueryError(str(err)) from err
    except ValueError as err:  # a statement type this duckdb's Python API cannot name
        raise QueryError(f"refused: unsupported statement ({err})") from err


def _check_statement(con: duckdb.DuckDBPyConnection, statement: Any) -> None:
    kind = statement.type
    text = statement.query
    if kind == duckdb.StatementType.PRAGMA:
        match = _PRAGMA_NAME.match(text)
        name = match.group(1).lower() if match else "?"
        if name not in READ_PRAGMAS:
            raise QueryError(f"refused: PRAGMA {name} is not a read-only look-up")
        return
    if kind not in READ_TYPES:
        raise QueryError(f"refused: {kind.name} statements are not allowed; queries are read-only")
    if kind == duckdb.StatementType.EXPLAIN:
        inner = _statements(con, _EXPLAIN_PREFIX.sub("", text, count=1))
        if len(inner) != 1:
            raise QueryError("refused: EXPLAIN of more than one statement")
        _check_statement(con, inner[0])


def format_result(result: QueryResult, fmt: str = "table", *, max_width: int = 60) -> str:
    """Render a result as an aligned text table, CSV or JSON (a list of objects)."""
    if fmt == "table":
        return _table(result, max_width)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(["" if v is None else _text(v) for v in row] for row in result.rows)
        return out.getvalue()
    if fmt == "json":
        records = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
        return json.dumps(records, ensure_ascii=False, indent=1, default=str)
    raise ValueError(f"format must be table, csv or json, not {fmt!r}")


def _text(value: Any) -> str:
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _width(text: str) -> int:
    """Columns a string takes in a terminal: combining marks take none, wide characters two."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _cell(value: Any, max_width: int) -> str:
    text = "NULL" if value is None else " ".join(_text(value).split())
    if _width(text) <= max_width:
        return text
    text = text[:max_width]
    while _width(text) > max_width - 1:
        text = text[:-1]
    return text + "…"


def _table(result: QueryResult, max_width: int) -> str:
    cells = [[_cell(v, max_width) for v in row] for row in result.rows]
    header = list(result.columns)
    widths = [max([_width(h)] + [_width(row[i]) for row in cells]) for i, h in enumerate(header)]
    # numbers read best right-aligned, text left-aligned
    numeric = [
        all(_is_number(row[i]) for row in result.rows if row[i] is not None) for i in range(len(header))
    ]

    def pad(text: str, width: int, right: bool) -> str:
        gap = " " * (width - _width(text))
        return gap + text if right else text + gap

    def line(values: Sequence[str], align: Sequence[bool]) -> str:
        return " | ".join(pad(v, w, r) for v, w, r in zip(values, widths, align, strict=True)).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    count = f"({len(cells)} row{'s' if len(cells) != 1 else ''})"
    return "\n".join(
        [line(header, [False] * len(header)), rule, *(line(row, numeric) for row in cells), count]
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)
