"""The saved queries of warehouse/queries/: plain SQL over the views, each led by a description."""

from __future__ import annotations

from pathlib import Path

from muniflow.warehouse.db import sql_dir


class UnknownSavedQuery(KeyError):
    """No saved query has that name; args[0] lists the names there are."""


def queries_dir() -> Path:
    """Where saved queries live (under $MUNIFLOW_SQL_DIR when set)."""
    return sql_dir() / "queries"


def list_saved() -> list[tuple[str, str]]:
    """(name, description) of every saved query, by name."""
    return [(path.stem, _description(path)) for path in sorted(queries_dir().glob("*.sql"))]


def saved_sql(name: str) -> str:
    """The SQL of a saved query; UnknownSavedQuery names the ones that exist."""
    path = queries_dir() / f"{name}.sql"
    if path.parent != queries_dir() or not path.is_file():
        names = ", ".join(n for n, _ in list_saved()) or "none"
        raise UnknownSavedQuery(f"no saved query {name!r}; saved queries: {names}")
    return path.read_text(encoding="utf-8")


def _description(path: Path) -> str:
    """The text of the file's leading `-- ` comment line."""
    first = path.read_text(encoding="utf-8").lstrip().splitlines()[:1]
    return first[0].removeprefix("--").strip() if first and first[0].startswith("--") else ""
