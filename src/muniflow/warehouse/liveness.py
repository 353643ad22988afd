"""Which process runs each ingestion, so that a run killed mid-way is marked `aborted` by the next one.

A run is judged dead only on its own host, when its pid is gone or now belongs to a process that
started at another time (a reused pid). A run on another host, or recorded before processes were,
is left alone: nothing here can tell whether it still runs.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

import duckdb
import psutil

from muniflow.warehouse.db import statement, transaction, utc_now

_START_TOLERANCE_S = 1.0  # process start times are read from /proc in clock ticks


@dataclass(frozen=True)
class Aborted:
    """Runs found dead and marked aborted, and the periods whose reports they had touched."""

    runs: tuple[str, ...] = ()
    periods: frozenset[str] = frozenset()


def this_process() -> tuple[str, int, float]:
    """(host, pid, start time) of the calling process."""
    pid = os.getpid()
    return socket.gethostname(), pid, psutil.Process(pid).create_time()


def record_process(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Remember that this process runs `run_id`."""
    host, pid, started = this_process()
    con.execute("insert into core.run_processes values (?, ?, ?, ?)", [run_id, host, pid, started])


def is_alive(host: str, pid: int, started: float | None) -> bool:
    """False only when the process is surely gone: same host, and no process with that pid and start."""
    if host != socket.gethostname():
        return True
    try:
        process = psutil.Process(pid)
        return started is None or abs(process.create_time() - started) <= _START_TOLERANCE_S
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return False
    except psutil.AccessDenied:
        return True


def dead_runs(con: duckdb.DuckDBPyConnection, run_id: str = "") -> list[str]:
    """The unfinished runs (but `run_id`) whose process is gone and that no run has marked aborted
    yet: killed or interrupted mid-way, their duplicate rule and checks not run."""
    candidates = con.execute(
        statement("unfinished_runs"),
        [run_id],
    ).fetchall()
    return [rid for rid, host, pid, started in candidates if not is_alive(host, pid, started)]


def mark_aborted(con: duckdb.DuckDBPyConnection, run_id: str) -> Aborted:
    """Mark as aborted every unfinished run (but `run_id`, the caller's) whose process is gone.

    Returns them with the periods of the reports they recorded or superseded, on which the
    caller re-runs the duplicate rule and the checks (the dead run never got to).
    """
    dead = dead_runs(con, run_id)
    if not dead:
        return Aborted()
    with transaction(con):
        con.execute(
            "insert into core.run_aborts select unnest(?::varchar[]), ?, ? on conflict do nothing",
            [dead, utc_now(), run_id],
        )
    periods = con.execute(
        statement("periods_of_runs"),
        [dead, dead],
    ).fetchall()
    return Aborted(tuple(dead), frozenset(p for (p,) in periods))
