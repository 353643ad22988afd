"""Compare the views with warehouse/SCHEMA.md so the documented schema cannot drift from the real one."""

from __future__ import annotations

import re

import duckdb

from muniflow.warehouse.export import view_names

# A view's section starts with a heading naming it in backticks: "## `events`".
_HEADING = re.compile(r"^#{2,4}\s+`(\w+)`")
# A documented column is a table row: "| `event_id` | VARCHAR | meaning |".
_COLUMN_ROW = re.compile(r"^\|\s*`(\w+)`\s*\|\s*([^|]+?)\s*\|")
_ANY_HEADING = re.compile(r"^#{1,4}\s")


def documented_columns(markdown: str) -> dict[str, dict[str, str]]:
    """Each documented view's columns with their documented types, in document order."""
    views: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in markdown.splitlines():
        heading = _HEADING.match(line)
        if heading:
            current = views.setdefault(heading.group(1), {})
            continue
        if _ANY_HEADING.match(line):
            current = None
            continue
        row = _COLUMN_ROW.match(line)
        if row and current is not None:
            current[row.group(1)] = row.group(2).strip("` ")
    return views


def view_columns(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """Each public view's columns with their DuckDB types, in view order."""
    columns: dict[str, dict[str, str]] = {}
    for view in view_names(con):
        described = con.execute("select column_name, column_type from (describe from query_table(?))", [view])
        columns[view] = dict(described.fetchall())
    return columns


def schema_gaps(con: duckdb.DuckDBPyConnection, markdown: str) -> list[str]:
    """Columns missing from the document, documented columns the views lack, and type mismatches."""
    documented = documented_columns(markdown)
    gaps = []
    for view, columns in view_columns(con).items():
        doc = documented.get(view)
        if doc is None:
            gaps.append(f"view {view} is not documented")
            continue
        for name, kind in columns.items():
            if name not in doc:
                gaps.append(f"{view}.{name} ({kind}) is not documented")
            elif doc[name].upper() != kind.upper():
                gaps.append(f"{view}.{name} is documented as {doc[name]} but is {kind}")
        gaps += [f"{view}.{name} is documented but not in the view" for name in doc if name not in columns]
    return gaps
