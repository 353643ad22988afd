"""The temporary API's database check at start (`flows.schema_head`): skipped only where the
database records the head of the migration scripts Prefect ships."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from flows import schema_head


def _script(folder: Path, revision: str, down: str) -> None:
    (folder / f"2024_01_01_{revision}_step.py").write_text(
        f'"""A step."""\n\nrevision = "{revision}"\ndown_revision = {down}\nbranch_labels = None\n',
        encoding="utf-8",
    )


def _database(path: Path, *versions: str, table: bool = True) -> str:
    with sqlite3.connect(path) as con:
        if table:
            con.execute("create table alembic_version (version_num varchar(32) not null)")
            con.executemany("insert into alembic_version values (?)", [(v,) for v in versions])
    return f"sqlite+aiosqlite:///{path}"


def test_the_head_is_the_one_revision_no_other_revises(tmp_path) -> None:
    _script(tmp_path, "a1", "None")
    _script(tmp_path, "b2", '"a1"')
    _script(tmp_path, "c3", '"a1"')
    assert schema_head.script_head(tmp_path) is None, "two heads"
    _script(tmp_path, "d4", '("b2", "c3")')  # a merge
    (tmp_path / "__init__.py").write_text("", encoding="utf-8")
    assert schema_head.script_head(tmp_path) == "d4"
    (tmp_path / "2024_02_01_broken.py").write_text("revision = compute()\n", encoding="utf-8")
    assert schema_head.script_head(tmp_path) is None, "a script whose revision cannot be read"


def test_the_head_of_prefects_own_scripts_is_alembics() -> None:
    """Read from the lines of the scripts Prefect ships, the head is the one alembic finds."""
    import prefect.server.database
    from alembic.script import ScriptDirectory

    migrations = Path(prefect.server.database.__file__).parent / "_migrations"
    for dialect in ("sqlite", "postgresql"):
        versions = migrations / "versions" / dialect
        alembic = ScriptDirectory(str(migrations), version_locations=[str(versions)])
        assert [schema_head.script_head(versions)] == alembic.get_heads(), dialect


def test_the_databases_version_is_its_one_recorded_row(tmp_path) -> None:
    assert schema_head.database_version(tmp_path / "absent.db") is None
    _database(tmp_path / "one.db", "c3")
    assert schema_head.database_version(tmp_path / "one.db") == "c3"
    _database(tmp_path / "two.db", "b2", "c3")
    assert schema_head.database_version(tmp_path / "two.db") is None
    _database(tmp_path / "bare.db", table=False)
    assert schema_head.database_version(tmp_path / "bare.db") is None
    (tmp_path / "text.db").write_text("not a database", encoding="utf-8")
    assert schema_head.database_version(tmp_path / "text.db") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite+aiosqlite:////home/analyst/.prefect/prefect.db", Path("/home/analyst/.prefect/prefect.db")),
        ("sqlite+aiosqlite:///:memory:", None),
        ("sqlite+aiosqlite://", None),
        ("postgresql+asyncpg://prefect:secret@db:5432/prefect", None),
    ],
)
def test_only_a_sqlite_file_is_looked_at(url, expected) -> None:
    assert schema_head.sqlite_file(url) == expected


def test_the_upgrade_runs_unless_the_database_is_at_head(tmp_path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    _script(versions, "a1", "None")
    _script(versions, "b2", '"a1"')
    upgraded: list[str] = []

    async def create_db(interface) -> None:  # type: ignore[no-untyped-def]
        upgraded.append(interface.database_config.connection_url)

    create = schema_head.skip_when_at_head(create_db)

    def started(url: str) -> None:
        interface = SimpleNamespace(
            database_config=SimpleNamespace(connection_url=url), orm=SimpleNamespace(versions_dir=versions)
        )
        asyncio.run(create(interface))

    at_head = _database(tmp_path / "head.db", "b2")
    behind = _database(tmp_path / "behind.db", "a1")
    new = f"sqlite+aiosqlite:///{tmp_path / 'new.db'}"
    for url in (at_head, behind, new, "postgresql+asyncpg://prefect@db/prefect"):
        started(url)
    assert upgraded == [behind, new, "postgresql+asyncpg://prefect@db/prefect"]
