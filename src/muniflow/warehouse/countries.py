"""The warehouse's copy of the one list of countries (muniflow.enrich.world), kept in step on connect."""

from __future__ import annotations

import duckdb

from muniflow.warehouse.db import transaction

# (warehouse file, list) pairs already in step in this process: every connection of a run (one per
# load) need not read the table back again.
_IN_STEP: set[tuple[str, int]] = set()


def sync_countries(con: duckdb.DuckDBPyConnection, target: str = ":memory:", fresh: bool = True) -> bool:
    """Make core.countries hold exactly the countries enrichment uses; True when it changed.
    A warehouse whose migrations lack the table (an old MUNIFLOW_SQL_DIR) is left alone; a file
    `target` already brought in step by this process, and not `fresh` (just migrated), is not read
    again."""
    from muniflow.enrich.world import country_rows

    key = (target, hash(tuple(country_rows())))
    if not fresh and target != ":memory:" and key in _IN_STEP:
        return False
    changed = _sync(con)
    if target != ":memory:":
        _IN_STEP.add(key)
    return changed


def _sync(con: duckdb.DuckDBPyConnection) -> bool:
    from muniflow.enrich.world import country_rows

    exists = con.execute(
        "select count(*) from information_schema.tables"
        " where table_schema = 'core' and table_name = 'countries'"
    ).fetchone()
    if not exists or not exists[0]:
        return False
    wanted = sorted(country_rows())
    stored = sorted(con.execute("select code, name_ru from core.countries").fetchall())
    if stored == wanted:
        return False
    with transaction(con):
        con.execute("delete from core.countries")
        con.executemany("insert into core.countries values (?, ?)", wanted)
    return True
