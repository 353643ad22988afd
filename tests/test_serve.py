"""`muniflow serve` against a real Prefect server on loopback: schedule, manual trigger, lineage."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture
def prefect_server(tmp_path):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect_home"),
        "PREFECT_API_URL": url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(
        [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(lambda: _healthy(url), 180, "the Prefect server")
        yield env
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


def test_serve_schedules_the_reporting_window_and_runs_on_demand(prefect_server, samples, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(samples / "invented_tver_2024_q4.docx", inbox)
    wh = tmp_path / "wh.duckdb"
    log = (tmp_path / "serve.log").open("wb")
    serve = subprocess.Popen(
        [str(BIN / "muniflow"), "serve", "--inbox", str(inbox), "--warehouse", str(wh)],
        env=prefect_server,
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        from prefect.client.orchestration import get_client
        from prefect.settings import PREFECT_API_URL, temporary_settings

        # explicit: a session's Prefect test harness would otherwise point the client at itself
        with (
            temporary_settings({PREFECT_API_URL: prefect_server["PREFECT_API_URL"]}),
            get_client(sync_client=True) as client,
        ):

            def deployment():
                try:
                    return client.read_deployment_by_name("muniflow-ingest/quarterly")
                except Exception:
                    return None

            try:  # liveness only: a loaded machine is slow
                dep = _wait(deployment, 360, "the served deployment")
            except AssertionError as err:
                log.flush()
                said = (tmp_path / "serve.log").read_text(errors="replace")[-3000:]
                raise AssertionError(f"{err}; `muniflow serve` said:\n{said}") from None
            schedules = [(s.schedule.cron, s.schedule.timezone) for s in dep.schedules]
            # the reporting window: daily at 06:00 Moscow time, days 1-20 of the month after a quarter
            assert schedules == [("0 6 1-20 1,4,7,10 *", "Europe/Moscow")]
            run = client.create_flow_run_from_deployment(dep.id)

            def finished():
                state = client.read_flow_run(run.id).state
                return state if state and state.is_final() else None

            state = _wait(finished, 400, "the triggered flow run")
            assert state.is_completed(), (tmp_path / "serve.log").read_text(errors="replace")[-3000:]
    finally:
        serve.terminate()
        serve.wait(timeout=60)
        log.close()
    con = duckdb.connect(str(wh), read_only=True)
    try:
        assert con.execute("select flow_run_id from runs").fetchall() == [(str(run.id),)]
        assert con.execute("select status, rows_extracted from reports").fetchall() == [("loaded", 9)]
    finally:
        con.close()
