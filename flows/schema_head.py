"""The temporary API's database check at its start, skipped where the database is at its head.

At each start Prefect's API (with PREFECT_API_DATABASE_MIGRATE_ON_START, the default) runs
alembic's upgrade to head: it imports alembic, reads every migration script Prefect ships (115 for
SQLite), runs them through its environment and connects, though the database is at head on every
start but the first after Prefect is upgraded. `skip_when_at_head` wraps the database interface's
`create_db` (what the start calls) so that it returns at once when the version the database records
(`alembic_version`, read with sqlite3) is the head of those scripts (the one revision no other
revises, read from their `revision` and `down_revision` lines). Anything else runs the upgrade as
before: a database other than a SQLite file, a file not there yet, a version not readable, no
single head in the scripts, or any version but the head.
"""

from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"](\w+)['\"]", re.M)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.M)
_QUOTED = re.compile(r"['\"](\w+)['\"]")


def script_head(versions_dir: Path) -> str | None:
    """The one revision of the migration scripts in `versions_dir` that no other revises (None:
    none, several, or a script whose revision cannot be read)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in versions_dir.glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is None or down is None:
            if script.name == "__init__.py":
                continue
            return None
        revisions.add(revision.group(1))
        revised.update(_QUOTED.findall(down.group(1)))
    heads = revisions - revised
    return next(iter(heads)) if len(heads) == 1 else None


def database_version(path: Path) -> str | None:
    """The one version `alembic_version` records in the SQLite file at `path` (None: no such file,
    no such table, not one row, or the file not readable now)."""
    if not path.is_file():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)) as con:
            rows = con.execute("select version_num from alembic_version").fetchall()
    except sqlite3.Error:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def sqlite_file(connection_url: str) -> Path | None:
    """The database file a SQLite connection URL names (None: another database, or in memory)."""
    from sqlalchemy.engine import make_url

    url = make_url(connection_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def at_head(connection_url: str, versions_dir: Path) -> bool:
    """Whether the database at `connection_url` records the head of the scripts in `versions_dir`."""
    path = sqlite_file(connection_url)
    if path is None:
        return False
    version = database_version(path)
    return version is not None and version == script_head(versions_dir)


def skip_when_at_head(create_db: Callable[[Any], Awaitable[None]]) -> Callable[[Any], Awaitable[None]]:
    """`PrefectDBInterface.create_db` (alembic's upgrade to head), returning at once where the
    database is already at the head of Prefect's scripts."""

    @functools.wraps(create_db)
    async def wrapped(interface: Any) -> None:
        if at_head(str(interface.database_config.connection_url), Path(interface.orm.versions_dir)):
            return
        await create_db(interface)

    return wrapped
