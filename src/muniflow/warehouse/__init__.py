"""The DuckDB warehouse: migrations, the loader, read-only queries, saved queries and exports.

Only this package knows DuckDB; every other stage hands it records (`muniflow.model`).
"""

from muniflow.enrich.report import ReportEnrichment, enrich_report
from muniflow.warehouse.db import WarehouseBusy, connect, default_warehouse_path
from muniflow.warehouse.export import export_views
from muniflow.warehouse.loader import (
    LoadResult,
    current_rows,
    enrich_missing,
    finish_run,
    load_report,
    replace_cross_row_flags,
    start_run,
)
from muniflow.warehouse.lookups import reconcile, report_states, seen_files
from muniflow.warehouse.readonly import QueryError, QueryResult, format_result, run_query
from muniflow.warehouse.saved import list_saved, saved_sql

__all__ = [
    "LoadResult",
    "QueryError",
    "QueryResult",
    "ReportEnrichment",
    "WarehouseBusy",
    "connect",
    "current_rows",
    "default_warehouse_path",
    "enrich_missing",
    "enrich_report",
    "export_views",
    "finish_run",
    "format_result",
    "list_saved",
    "load_report",
    "reconcile",
    "replace_cross_row_flags",
    "report_states",
    "run_query",
    "saved_sql",
    "seen_files",
    "start_run",
]
