"""`warehouse.held`: one connection kept across a run's consecutive writes, released on demand."""

from __future__ import annotations

import threading

import duckdb
import pytest

from muniflow.warehouse import db
from muniflow.warehouse.held import Held


def test_consecutive_uses_share_one_opening_and_release_frees_the_file(tmp_path):
    path = tmp_path / "w.duckdb"
    held = Held(path)
    for k in range(3):
        with held.connection() as con:
            con.execute("insert into core.runs values (?, null, ?, null)", [f"r{k}", db.utc_now()])
    assert held.opened == 1
    held.release()
    # released: another opener (here a read-only one, which a held writer would refuse) gets in
    with duckdb.connect(str(path), read_only=True) as other:
        assert other.execute("select count(*) from core.runs").fetchone() == (3,)
    with held.connection():
        pass
    assert held.opened == 2  # opened again after the release
    held.release()


def test_an_error_inside_a_use_closes_the_connection(tmp_path):
    held = Held(tmp_path / "w.duckdb")
    with pytest.raises(duckdb.Error), held.connection() as con:
        con.execute("select * from no_such_table")
    with held.connection() as con:  # a fresh connection, not the one the error left
        assert con.execute("select 1").fetchone() == (1,)
    assert held.opened == 2
    held.release()


def test_another_thread_gets_a_connection_of_its_own(tmp_path):
    held = Held(tmp_path / "w.duckdb")
    seen: list[object] = []
    with held.connection() as mine:

        def other() -> None:
            with held.connection() as con:
                seen.append(con)

        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        assert seen and seen[0] is not mine
        assert mine.execute("select 1").fetchone() == (1,)  # still open for its owner
    assert held.opened == 1
    held.release()
