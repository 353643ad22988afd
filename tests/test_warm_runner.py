"""The warm runner of `muniflow server start` (`muniflow.warm`): an ingest handed to it gives what
the same command gives run in its own process; anything that does not match runs cold; a runner
whose code changed restarts itself; exit codes come back; the runner leaves with its server.

The server and its runner run from a copy of the code (src, flows, warehouse, contracts) so a test
can touch a file of it without touching the repository. Slow: a real Prefect server, real imports.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from muniflow import warm
from muniflow.warm import client

ROOT = Path(__file__).resolve().parents[1]
READY_S = 300  # the runner's imports on a busy 2-core machine


def copy_code(dest: Path) -> Path:
    for part in ("src", "flows", "warehouse", "contracts"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.duckdb*"))
    return dest


def env_of(code: Path, home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API_URL", "MUNIFLOW_WARM"))}
    return {**env, "PYTHONPATH": f"{code / 'src'}{os.pathsep}{code}", "MUNIFLOW_HOME": str(home), **extra}


def muniflow(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`muniflow ARGS` as its own process (the runner is used only by the `muniflow` process)."""
    command = [sys.executable, "-m", "muniflow.cli", *args]
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=900)


def wait_for(predicate, timeout_s: float = READY_S) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return bool(predicate())


def one_report(folder: Path, seed: int) -> Path:
    from bench.oneshot import make_inbox

    return make_inbox(folder, 1, seed)


@pytest.fixture(scope="module")
def warm_server(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A Prefect server and its warm runner started by `muniflow server start` from a code copy."""
    base = tmp_path_factory.mktemp("warm")
    code = copy_code(base / "code")
    home = base / "home"
    env = env_of(code, home)
    started = muniflow(["server", "start", "--idle-minutes", "30"], env, base)
    try:
        assert started.returncode == 0, started.stderr
        assert "warm runner: pid" in started.stdout, started.stdout + (home / "server.log").read_text()
        yield base, code, home, env
    finally:
        muniflow(["server", "stop"], env, base)


def usage_of(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def summary(stdout: str, tmp: Path) -> str:
    """The printed summary without what differs between two runs: run ids and the output paths."""
    text = re.sub(r"\brun [0-9a-f]{16}\b", "run ID", stdout)
    return text.replace(str(tmp / "warm"), "OUT").replace(str(tmp / "cold"), "OUT")


def content(warehouse: Path) -> dict[str, list[tuple]]:
    """What the warehouse holds about the report: its events and flagged rows, every column but
    the run's id (new per run)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            view: con.execute(f"select * exclude (run_id) from {view} order by all").fetchall()
            if view == "flagged_rows"
            else con.execute(f"select * from {view} order by all").fetchall()
            for view in ("events", "flagged_rows")  # fixed names
        }


@pytest.mark.slow
def test_an_ingest_in_the_runner_matches_one_run_cold(warm_server) -> None:
    base, _code, _home, env = warm_server
    status = muniflow(["server", "status"], env, base)
    assert "warm runner: pid" in status.stdout  # shown by `server status`
    inbox = one_report(base / "inbox", seed=11)
    outputs = {}
    for mode in ("warm", "cold"):
        out = base / mode
        results = out / "results"
        run_env = {**env, "MUNIFLOW_WARM_USAGE": str(out / "usage.json"),
                   "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(results)}  # fmt: skip
        if mode == "cold":
            run_env["MUNIFLOW_WARM"] = "0"  # the same command, in its own process
        out.mkdir()
        done = muniflow(["ingest", str(inbox), "--warehouse", str(out / "w.duckdb"),
                         "--report-dir", str(out / "report")], run_env, base)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert usage_of(out / "usage.json")["warm"] is (mode == "warm")
        # The client's Prefect settings are in force in the runner's child (read again from the
        # environment it sent): the task results are persisted where this command said.
        assert any(results.iterdir()), f"no Prefect results in {results} ({mode})"
        assert (out / "report" / "dq_report.html").is_file()
        outputs[mode] = done.stdout
    assert summary(outputs["warm"], base) == summary(outputs["cold"], base)
    assert "loaded" in outputs["warm"]
    assert content(base / "warm" / "w.duckdb") == content(base / "cold" / "w.duckdb")
    assert content(base / "warm" / "w.duckdb")["events"]  # the report's rows are there


@pytest.fixture
def in_process_client(warm_server, monkeypatch):  # type: ignore[no-untyped-def]
    """This test process as a client of the copy's runner: the same code roots and contracts."""
    base, code, home, _env = warm_server
    monkeypatch.setenv("MUNIFLOW_HOME", str(home))
    monkeypatch.setenv("MUNIFLOW_CONTRACTS_DIR", str(code / "contracts"))
    monkeypatch.setenv("MUNIFLOW_WARM_VERBOSE", "1")
    monkeypatch.setenv("PREFECT_API_URL", "unset below")  # restored after the test
    monkeypatch.delenv("PREFECT_API_URL")
    monkeypatch.delenv("MUNIFLOW_WARM", raising=False)
    roots = [(code / "src" / "muniflow", "**/*.py"), (code / "flows", "*.py")]
    monkeypatch.setattr(warm, "_code_roots", lambda: roots)
    assert wait_for(warm.socket_path().exists)  # (a previous test may have made it restart)
    return base


def hand(argv: list[str]) -> int | None:
    return client.hand_off(argparse.Namespace(process_argv=argv))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "argv", "expected", "printed"),
    [
        ("a command that succeeds", ["query", "select 6 * 7 as answer"], 0, "42"),
        # the scan's error, returned by the command in the runner's child: its exit code comes back
        ("a command that fails", ["ingest", "/no/such/inbox"], 2, "no such file or folder"),
    ],
)
def test_exit_code_and_output_come_back(in_process_client, capfd, case, argv, expected, printed) -> None:
    from muniflow.warehouse import db

    warehouse = in_process_client / "q.duckdb"
    db.connect(warehouse).close()  # an empty warehouse to query
    code = hand([*argv, "--warehouse", str(warehouse)])
    out, err = capfd.readouterr()
    assert code == expected, (case, out, err)
    assert "running in the warm runner" in err  # not run here
    assert printed in out + err


@pytest.mark.slow
@pytest.mark.parametrize(
    ("case", "change", "note"),
    [
        ("MUNIFLOW_WARM=0", lambda mp: mp.setenv("MUNIFLOW_WARM", "0"), "MUNIFLOW_WARM=0"),
        ("another Python", lambda mp: mp.setattr(sys, "executable", "/other/python3"), "another Python"),
        # other code than the runner imported, its own unchanged: a checkout elsewhere (not stale)
        ("other code", lambda mp: mp.setattr(warm, "fingerprint", lambda: "0" * 24), "other code"),
        ("another Prefect API", lambda mp: mp.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api"), "another"),
    ],
)
def test_what_does_not_match_runs_here(in_process_client, monkeypatch, capfd, case, change, note) -> None:
    change(monkeypatch)
    assert hand(["query", "select 1", "--warehouse", str(in_process_client / "q.duckdb")]) is None, case
    assert note in capfd.readouterr().err


@pytest.mark.slow
def test_an_edited_file_runs_cold_and_the_runner_restarts(warm_server) -> None:
    base, code, home, env = warm_server
    edited = code / "src" / "muniflow" / "model.py"
    os.utime(edited, ns=(time.time_ns(), time.time_ns()))  # as an editor's save: a new mtime
    usage = base / "stale-usage.json"
    run_env = {**env, "MUNIFLOW_WARM_USAGE": str(usage)}
    inbox = one_report(base / "stale-inbox", seed=12)
    args = ["ingest", str(inbox), "--warehouse", str(base / "s.duckdb"), "--report-dir", str(base / "sr")]
    done = muniflow(args, run_env, base)
    assert done.returncode == 0, done.stderr
    assert usage_of(usage)["warm"] is False  # ran cold
    assert "out of date" in done.stderr
    # once that command is done the runner imports the new code and takes commands again
    assert wait_for((home / "warm" / warm.SOCKET_NAME).exists)
    inbox2 = one_report(base / "stale-inbox2", seed=13)
    args = ["ingest", str(inbox2), "--warehouse", str(base / "s.duckdb"), "--report-dir", str(base / "sr2")]
    done = muniflow(args, run_env, base)
    assert done.returncode == 0, done.stderr
    assert usage_of(usage)["warm"] is True


@pytest.mark.slow
@pytest.mark.parametrize("ending", ["its server is gone", "idle"])
def test_the_runner_exits_by_itself(tmp_path, monkeypatch, ending) -> None:
    """No Prefect server needed: the runner watches the recorded server's process and its idle time."""
    from muniflow.commands import server
    from muniflow.warm.runner import launch

    monkeypatch.setenv("MUNIFLOW_HOME", str(tmp_path / "home"))
    server.home().mkdir(parents=True)
    fake = subprocess.Popen(["sleep", "600"], start_new_session=True)  # stands for the server process
    try:
        server.state_file().write_text(json.dumps({"pid": fake.pid, "api": "http://127.0.0.1:9/api"}))
        idle = 0.1 if ending == "idle" else 30  # minutes
        with (tmp_path / "runner.log").open("ab") as log:
            runner = launch("http://127.0.0.1:9/api", fake.pid, idle, log)
        try:
            assert wait_for(warm.socket_path().exists), (tmp_path / "runner.log").read_text()
            assert oct(warm.socket_path().stat().st_mode & 0o777) == oct(0o600)
            assert oct(warm.folder().stat().st_mode & 0o777) == oct(0o700)
            if ending == "its server is gone":
                assert runner.poll() is None
                fake.kill()
                fake.wait()
            assert runner.wait(timeout=120) == 0
            assert not warm.socket_path().exists()
            assert ("server is gone" if ending != "idle" else "idle") in (tmp_path / "runner.log").read_text()
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(runner.pid, signal.SIGKILL)
            runner.wait()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(fake.pid, signal.SIGKILL)
        fake.wait()


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "expected"), [(signal.SIGINT, 130), (signal.SIGTERM, 128 + signal.SIGTERM)])
def test_a_signal_to_the_command_reaches_the_runners_child(warm_server, sig, expected) -> None:
    """Ctrl-C (SIGINT) or SIGTERM to the `muniflow` process stops the command it handed off."""
    base, _code, home, env = warm_server
    assert wait_for((home / "warm" / warm.SOCKET_NAME).exists)
    inbox = one_report(base / f"sig-{sig}", seed=20 + int(sig))
    command = [sys.executable, "-m", "muniflow.cli", "ingest", str(inbox),
               "--warehouse", str(base / f"sig-{sig}.duckdb")]  # fmt: skip
    proc = subprocess.Popen(command, env={**env, "MUNIFLOW_WARM_VERBOSE": "1"}, cwd=base,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        found = re.search(r"running in the warm runner \(child (\d+)\)", line)
        assert found, line
        child = int(found.group(1))
        time.sleep(1.0)  # the child is running the command
        proc.send_signal(sig)
        assert proc.wait(timeout=120) == expected
        assert wait_for(lambda: not os.path.exists(f"/proc/{child}"), 30)  # the child is gone
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
