"""The municipality spellings the warehouse has read (`core.municipalities`: each canonical name with
the heading spellings it was read from), added by each load, and which of them a connection knows
are stored."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from typing import Any

import duckdb

from muniflow.model import Row
from muniflow.warehouse.db import statement

# The municipality spellings (name, raw_name) each open connection knows are stored, read once per
# connection: `core.municipalities` only ever grows, so a pair once committed stays, and a load
# whose pairs are all known skips its insert (an anti-join, ~2 ms of the ~15 ms a load costs).
_STORED_PAIRS: weakref.WeakKeyDictionary[Any, set[tuple[str, str]]] = weakref.WeakKeyDictionary()
_STORED_PAIRS_LOCK = threading.Lock()


def municipality_pairs(rows: Sequence[Row]) -> set[tuple[str, str]]:
    """Each canonical municipality name of the rows with a heading spelling it was read from."""
    return {(r.municipality, r.municipality_raw) for r in rows if r.municipality.strip()}


def record_municipalities(
    con: duckdb.DuckDBPyConnection, report_id: str, rows: Sequence[Row]
) -> set[tuple[str, str]]:
    """Add each canonical municipality name with the heading spellings it was read from, those not
    stored yet; returns the rows' pairs, to be remembered (`remember_pairs`) once the transaction
    commits. Pairs the connection knows are stored are not asked for again; the others go to an
    insert whose anti-join skips those stored meanwhile by another connection (inside the load's
    transaction it costs less than asking first or `on conflict do nothing`)."""
    pairs = municipality_pairs(rows)
    new = sorted(pairs - stored_pairs(con)) if pairs else []
    if new:
        con.execute(
            statement("insert_new_spellings"),
            [report_id, [name for name, _ in new], [raw for _, raw in new]],
        )
    return pairs


def stored_pairs(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    """The municipality pairs `con` knows are committed (read from the table on first use)."""
    with _STORED_PAIRS_LOCK:
        known = _STORED_PAIRS.get(con)
    if known is None:
        known = set(con.execute("select name, raw_name from core.municipalities").fetchall())
        with _STORED_PAIRS_LOCK:
            known = _STORED_PAIRS.setdefault(con, known)
    return known


def remember_pairs(con: duckdb.DuckDBPyConnection, pairs: set[tuple[str, str]]) -> None:
    """Note pairs just committed through `con` as stored."""
    with _STORED_PAIRS_LOCK:
        known = _STORED_PAIRS.get(con)
        if known is not None:
            known |= pairs
