"""The package's own SQL statements (`warehouse/statements/*.sql`, `warehouse.db.statement`): every
name the code asks for has its file, and every file is asked for (no statement left behind)."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from muniflow.warehouse.db import STATEMENTS_DIR, apply_migrations, read_migrations, statement

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "muniflow"
NAMED = re.compile(r"""\bstatement\(\s*["'](\w+)["']\s*\)""")


def _asked_for() -> set[str]:
    texts = (path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py"))
    return {name for text in texts for name in NAMED.findall(text)}


def test_every_statement_asked_for_has_its_file_and_every_file_is_asked_for() -> None:
    files = {path.stem for path in STATEMENTS_DIR.glob("*.sql")}
    asked = _asked_for()
    assert asked, "no statement() call found: the pattern no longer matches the code"
    assert sorted(asked - files) == [], "statements the code asks for but warehouse/statements/ lacks"
    assert sorted(files - asked) == [], "statement files no code asks for"


def test_every_statement_parses_against_the_migrated_schema() -> None:
    """Each statement binds against the tables and views the migrations create (a typo in a moved
    statement fails here, not in the one load that reaches it)."""
    con = duckdb.connect(":memory:")
    apply_migrations(con, read_migrations())
    for name in sorted(_asked_for()):
        sql = statement(name)
        if name == "schema_migrations":  # a create (run by apply_migrations above) is not preparable
            continue
        con.execute(f"prepare probe as {sql}")
        con.execute("deallocate probe")
