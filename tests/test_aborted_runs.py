"""A run whose process is gone is marked aborted by the next run; a live one is left alone."""

from __future__ import annotations

import socket
import subprocess
import sys

import psutil
import pytest
import warehouse_fixtures
from warehouse_fixtures import load, make_report

from muniflow.warehouse import liveness, loader
from muniflow.warehouse.db import utc_now


def _dead_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _run(con, run_id: str, host: str, pid: int, started: float | None) -> None:
    con.execute("insert into core.runs values (?, null, ?, null)", [run_id, utc_now()])
    con.execute("insert into core.run_processes values (?, ?, ?, ?)", [run_id, host, pid, started])


fresh_db = warehouse_fixtures.fresh_db
ME = psutil.Process()
CASES = [
    # (case, host, pid, start time, aborted?, why)
    ("dead", "here", "dead", None, True, "its process exited: nothing will ever finish it"),
    ("alive", "here", ME.pid, ME.create_time(), False, "a live run in another process is left alone"),
    ("reused_pid", "here", ME.pid, ME.create_time() - 3600, True, "the pid now belongs to another process"),
    ("other_host", "elsewhere", "dead", None, False, "another machine's process cannot be checked from here"),
]


@pytest.mark.parametrize(
    ("case", "host", "pid", "started", "aborted", "why"), CASES, ids=[c[0] for c in CASES]
)
def test_only_a_run_whose_process_is_surely_gone_is_aborted(fresh_db, case, host, pid, started, aborted, why):
    host = socket.gethostname() if host == "here" else "no-such-host.invalid"
    pid = _dead_pid() if pid == "dead" else pid
    _run(fresh_db, "old", host, pid, started)
    now = loader.start_run(fresh_db)
    found = liveness.mark_aborted(fresh_db, now)
    assert (found.runs == ("old",)) is aborted, why
    status = fresh_db.execute("select status from runs where run_id = 'old'").fetchone()
    assert status == ("aborted" if aborted else "running",), why
    assert fresh_db.execute("select status from runs where run_id = ?", [now]).fetchone() == ("running",)


def test_an_aborted_run_keeps_what_it_loaded_and_names_its_periods(fresh_db):
    _run(fresh_db, "old", socket.gethostname(), _dead_pid(), None)
    load(fresh_db, "a.docx", make_report(1), run_id="old")
    now = loader.start_run(fresh_db)
    found = liveness.mark_aborted(fresh_db, now)
    assert found.periods == {"2024Q2"}
    row = fresh_db.execute("select status, reports_recorded, noticed_by_run from runs where run_id = 'old'")
    assert row.fetchone() == ("aborted", 1, now)
    assert liveness.mark_aborted(fresh_db, now).runs == (), "marked once"


def test_an_unchanged_inbox_is_not_nothing_new_while_an_interrupted_run_awaits_its_checks(
    tmp_path, samples
) -> None:
    """Ctrl-C after the files loaded, before the duplicate rule ran: the next `ingest` of the same
    files must run the flow (which marks the run aborted and re-runs the rule), not answer
    «nothing new» and leave it «running»."""
    from muniflow.plain import ingest_plain
    from muniflow.warehouse import db
    from muniflow.warehouse.lookups import holds_all

    path = samples / "invented_tver_2024_q4.docx"
    wh = tmp_path / "w.duckdb"
    ingest_plain([path], wh)
    assert holds_all([path], wh)
    with db.connect(wh) as con:
        _run(con, "interrupted", socket.gethostname(), _dead_pid(), None)
    assert not holds_all([path], wh)
    with db.connect(wh) as con:
        liveness.mark_aborted(con, loader.start_run(con))
    assert holds_all([path], wh)
