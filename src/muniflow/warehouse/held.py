"""One warehouse connection held across the consecutive steps of a run.

Opening the warehouse costs more than loading a report into it (DuckDB reads its catalog, the
migrations are checked: ~70-100 ms against a load's ~20-50 ms), so a run that opened it per file
spent most of its loading time opening. `Held` opens it once and keeps it while the run writes;
the run closes it whenever it is about to wait (for an extraction still running), so another
process (`muniflow query`, a second ingest) can open the file meanwhile, as before.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from muniflow.warehouse import db


class Held:
    """A warehouse file's connection, opened on first use and kept until `release`; used from one
    thread at a time (another thread gets a connection of its own, opened and closed around its use)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._owner: int | None = None
        self.opened = 0  # how many times the file was opened (for tests and the benchmark)

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The held connection (opened if need be); a connection of its own for another thread."""
        me = threading.get_ident()
        if self._owner not in (None, me):
            with db.connect(self.path) as con:
                yield con
            return
        if self._con is None:
            self._con = db.connect(self.path)
            self._owner = me
            self.opened += 1
        try:
            yield self._con
        except BaseException:
            self.release()  # opened afresh next time, in a known state
            raise

    def release(self) -> None:
        """Close the connection (the next use opens it again), so other processes can open the file."""
        if self._con is not None:
            con, self._con, self._owner = self._con, None, None
            con.close()
