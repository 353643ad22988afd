"""The DuckDB warehouse: migrations, the loader, read-only queries, saved queries and exports.

Only this package knows DuckDB; every other stage hands it records (`muniflow.model`).
"""

from __future__ import annotations

from muniflow.lazy import attributes

# Where each name of the package lives: imported on first use (PEP 562), so `import
# muniflow.warehouse.db` does not import pandas (the exports) or every module of the package.
_NAMES = {
    "ReportEnrichment": "muniflow.enrich.report",
    "enrich_report": "muniflow.enrich.report",
    "WarehouseBusy": "muniflow.warehouse.db",
    "connect": "muniflow.warehouse.db",
    "default_warehouse_path": "muniflow.warehouse.db",
    "export_views": "muniflow.warehouse.export",
    "LoadResult": "muniflow.warehouse.loader",
    "current_rows": "muniflow.warehouse.loader",
    "enrich_missing": "muniflow.warehouse.loader",
    "finish_run": "muniflow.warehouse.loader",
    "load_report": "muniflow.warehouse.loader",
    "replace_cross_row_flags": "muniflow.warehouse.cross_row_flags",
    "start_run": "muniflow.warehouse.loader",
    "reconcile": "muniflow.warehouse.lookups",
    "report_states": "muniflow.warehouse.lookups",
    "seen_files": "muniflow.warehouse.lookups",
    "QueryError": "muniflow.warehouse.readonly",
    "QueryResult": "muniflow.warehouse.readonly",
    "format_result": "muniflow.warehouse.readonly",
    "run_query": "muniflow.warehouse.readonly",
    "list_saved": "muniflow.warehouse.saved",
    "saved_sql": "muniflow.warehouse.saved",
}

__getattr__ = attributes(__name__, _NAMES)


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
