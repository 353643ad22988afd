"""Open the DuckDB warehouse: where it lives, the numbered migrations, waiting out another writer."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import duckdb

SQL_DIR_ENV = "MUNIFLOW_SQL_DIR"
WAREHOUSE_ENV = "MUNIFLOW_WAREHOUSE"
LOCK_TIMEOUT_ENV = "MUNIFLOW_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT_S = 30.0

# The repository's top-level `warehouse/` directory (src/muniflow/warehouse/db.py -> repo root).
REPO_WAREHOUSE_DIR = Path(__file__).resolve().parents[3] / "warehouse"
# The package's own statements, one `.sql` file each: part of the code, so $MUNIFLOW_SQL_DIR (which
# points at other migrations, queries and checks) does not move them.
STATEMENTS_DIR = REPO_WAREHOUSE_DIR / "statements"

_MIGRATION_NAME = re.compile(r"^(\d{3,})_(\w+)\.sql$")
# DuckDB says who holds the file: '... Conflicting lock is held in /usr/bin/python3 (PID 123) ...'
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.+?\(PID \d+\))")


class WarehouseBusy(RuntimeError):
    """The warehouse file is locked by another process (DuckDB allows one writer, readers wait)."""


class MigrationError(RuntimeError):
    """A migration failed; its transaction was rolled back."""


@dataclass(frozen=True)
class Migration:
    """One numbered SQL file of `warehouse/migrations/`."""

    version: int
    name: str
    sql: str


def sql_dir() -> Path:
    """The directory holding migrations/, queries/ and checks/ ($MUNIFLOW_SQL_DIR overrides it)."""
    override = os.environ.get(SQL_DIR_ENV)
    return Path(override) if override else REPO_WAREHOUSE_DIR


@cache
def statement(name: str) -> str:
    """The SQL of `warehouse/statements/NAME.sql`, read once per process."""
    return (STATEMENTS_DIR / f"{name}.sql").read_text(encoding="utf-8")


def default_warehouse_path() -> Path:
    """The database file: $MUNIFLOW_WAREHOUSE, else `warehouse/muniflow.duckdb` of the repository."""
    override = os.environ.get(WAREHOUSE_ENV)
    return Path(override) if override else REPO_WAREHOUSE_DIR / "muniflow.duckdb"


def lock_timeout_s() -> float:
    """How long to wait for another process's lock ($MUNIFLOW_LOCK_TIMEOUT, default 30 s)."""
    return float(os.environ.get(LOCK_TIMEOUT_ENV, DEFAULT_LOCK_TIMEOUT_S))


def utc_now() -> datetime:
    """Naive UTC timestamp, as the warehouse stores them."""
    return datetime.now(UTC).replace(tzinfo=None)


def read_migrations(directory: Path | None = None) -> tuple[Migration, ...]:
    """The migrations in version order; two files with one number are an error."""
    folder = directory or sql_dir() / "migrations"
    found: dict[int, Migration] = {}
    for path in sorted(folder.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if not match:
            raise MigrationError(f"{path}: migration files are named NNN_name.sql")
        version = int(match.group(1))
        if version in found:
            raise MigrationError(f"{path}: version {version} is also {found[version].name}")
        found[version] = Migration(version, path.stem, path.read_text(encoding="utf-8"))
    return tuple(found[v] for v in sorted(found))


def apply_migrations(con: duckdb.DuckDBPyConnection, migrations: tuple[Migration, ...]) -> list[int]:
    """Apply the migrations not yet recorded in `schema_migrations`, each in its own transaction."""
    con.execute(statement("schema_migrations"))
    done = {v for (v,) in con.execute("select version from schema_migrations").fetchall()}
    applied = []
    for migration in migrations:
        if migration.version in done:
            continue
        try:
            with transaction(con):
                con.execute(migration.sql)
                con.execute(
                    "insert into schema_migrations values (?, ?, ?)",
                    [migration.version, migration.name, utc_now()],
                )
        except duckdb.Error as err:
            raise MigrationError(f"migration {migration.name} failed: {err}") from err
        applied.append(migration.version)
    return applied


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Commit the block's statements together, or roll all of them back on any exception."""
    con.begin()
    try:
        yield
    except BaseException:
        con.rollback()
        raise
    con.commit()


def lock_holder(error: Exception) -> str | None:
    """The process DuckDB names as holding the file's lock, if its message names one."""
    match = _LOCK_HOLDER.search(str(error))
    return match.group(1) if match else None


def is_lock_conflict(error: Exception) -> bool:
    """True when DuckDB refused to open a file because another connection holds it."""
    text = str(error)
    return "Could not set lock" in text or "Conflicting lock" in text


def open_with_retry(
    opener: Callable[[], duckdb.DuckDBPyConnection], path: str | Path, timeout_s: float
) -> duckdb.DuckDBPyConnection:
    """Call `opener` until the file's lock is free, backing off; WarehouseBusy after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    pause = 0.05
    while True:
        try:
            return opener()
        except duckdb.IOException as err:
            if not is_lock_conflict(err):
                raise
            if time.monotonic() + pause > deadline:
                holder = lock_holder(err) or "another process"
                raise WarehouseBusy(
                    f"warehouse {path} is locked by {holder} (an ingestion?); "
                    f"gave up after {timeout_s:g} s — try again when it finishes"
                ) from err
            time.sleep(pause)
            pause = min(pause * 2, 1.0)
        except duckdb.ConnectionException as err:
            # Same process, same file, other settings (a writer is open here): waiting cannot help.
            raise WarehouseBusy(f"warehouse {path} is already open in this process: {err}") from err


def connect(path: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse for writing and bring its schema up to date; ':memory:' works."""
    target = str(path) if path is not None else str(default_warehouse_path())
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    con = open_with_retry(lambda: duckdb.connect(target), target, lock_timeout_s())
    try:
        applied = apply_migrations(con, read_migrations())
        from muniflow.warehouse.countries import sync_countries

        sync_countries(con, target, fresh=bool(applied))
    except BaseException:
        con.close()
        raise
    return con
