"""What a cold `muniflow ingest` does before its flow: no heavy import where it is not used, the
temporary Prefect API started first only when nothing else names an API, the first files fetched
ahead and taken by the flow's task, one worker pool for every task. (Times: bench/oneshot.py.)"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import badfiles as bf
import pytest

from flows import temporary_api
from muniflow import prefetch, stages
from muniflow.intake import Limits, WorkerPool, _shared_pool, sha256_file
from muniflow.intake.expand import Input
from muniflow.quality import worker

ROOT = Path(__file__).resolve().parents[1]


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code` (from the repository root)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(done.stdout.split())


# (what a process imports, modules it must not import, why)
LIGHT_IMPORTS = [
    (
        "from muniflow.cli import build_parser; build_parser()",
        {"pandas", "pandera", "prefect", "great_expectations", "duckdb"},
        "every command parses its arguments first: `--help` or `query` pays for none of them",
    ),
    (
        "import flows.ingest",
        {"pandas", "pandera", "great_expectations", "prefect.server.api.server"},
        "the flow's process imports pandas and GX only to check and report, pandera never",
    ),
    (
        "import muniflow.warehouse.loader, muniflow.rules.duplicates, muniflow.stages",
        {"pandas", "pandera"},
        "loading an outcome and the duplicate rule need no data frames",
    ),
]


@pytest.mark.parametrize(("code", "absent", "why"), LIGHT_IMPORTS, ids=[c for c, *_ in LIGHT_IMPORTS])
def test_no_heavy_import_where_unused(code: str, absent: set[str], why: str) -> None:
    assert not absent & _modules_after(code), why


def test_gx_is_imported_with_scipy_stats_deferred_and_still_usable() -> None:
    code = (
        "from muniflow.quality.gx_import import great_expectations\n"
        "gx = great_expectations()\n"
        "assert type(sys.modules['scipy.stats']).__name__ == '_LazyModule', 'loaded by the import'\n"
        "assert 'scipy.stats._stats_py' not in sys.modules\n"
        "from scipy import stats\n"
        "assert stats.entropy([0.5, 0.5], [0.5, 0.5]) == 0.0  # loaded for real on first use\n"
        "assert gx.expectations.ExpectColumnValuesToNotBeNull\n"
    )
    assert "great_expectations" in _modules_after("import sys\n" + code)


# (settings files written, environment, whether an API is configured, why)
API_SOURCES = [
    ({}, {}, False, "nothing anywhere: Prefect would start a temporary API, so muniflow does it first"),
    ({}, {"PREFECT_API_URL": "http://h:1/api"}, True, "the environment"),
    ({"profiles.toml": 'active = "a"\n[profiles.a]\nPREFECT_API_URL = "http://h:1/api"\n'}, {}, True,
     "the active profile"),
    ({"profiles.toml": 'active = "a"\n[profiles.a]\n[profiles.b]\nPREFECT_API_URL = "http://h:1/api"\n'},
     {}, False, "a profile that is not active"),
    ({"profiles.toml": '[profiles.b]\nPREFECT_API_URL = "http://h:1/api"\n'}, {"PREFECT_PROFILE": "b"},
     True, "the profile PREFECT_PROFILE names"),
    ({"prefect.toml": '[api]\nurl = "http://h:1/api"\n'}, {}, True, "prefect.toml in the working folder"),
    ({"pyproject.toml": '[tool.prefect.api]\nurl = "http://h:1/api"\n'}, {}, True, "pyproject.toml"),
    ({".env": "PREFECT_API_URL=http://h:1/api\n"}, {}, True, "a .env file"),
    ({"pyproject.toml": '[project]\nname = "x"\n'}, {}, False, "a pyproject.toml without Prefect settings"),
]  # fmt: skip


@pytest.mark.parametrize(("files", "env", "configured", "why"), API_SOURCES, ids=[c[3] for c in API_SOURCES])
def test_an_api_named_anywhere_is_left_to_prefect(tmp_path, monkeypatch, files, env, configured, why) -> None:
    home = tmp_path / "prefect-home"
    home.mkdir()
    for name in ("PREFECT_API_URL", "PREFECT_PROFILE", "PREFECT_PROFILES_PATH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(home))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for name, text in files.items():
        (home / name if name == "profiles.toml" else tmp_path / name).write_text(text, encoding="utf-8")
    assert temporary_api.api_configured(tmp_path) is configured, why


def test_no_temporary_api_of_ours_once_prefect_is_imported(monkeypatch) -> None:
    import prefect  # noqa: F401  (its settings, e.g. a test harness's, may be in force here)

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert temporary_api.start() is None
    assert "PREFECT_API_URL" not in os.environ


def test_the_flow_takes_what_was_fetched_ahead_and_nothing_else(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("MUNIFLOW_NO_WARMUP", raising=False)
    report = bf.docx_report(tmp_path / "a.docx")
    archive = tmp_path / "b.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(report, "inner.docx")
    prefetch.start([report, archive], None)
    digest = sha256_file(report)
    assert prefetch.take(report, digest, None, name=f"{archive}!inner.docx") is None, "a member's name"
    assert prefetch.take(report, "0" * 64, None) is None, "other bytes than were fetched"
    assert prefetch.take(report, digest, "2024Q2") is None, "another period than was fetched"
    ahead = prefetch.take(report, digest, None)
    assert ahead == stages.process_input(Input(report, str(report)), None, digest)
    assert prefetch.take(report, digest, None) is None, "taken once"
    assert prefetch.take(archive, sha256_file(archive), None) is None, "an archive is left to the flow"


def worker_pid(path: Path, limits: Limits) -> int:
    """A task that says which worker ran it."""
    return os.getpid()


def test_one_worker_serves_every_task_of_its_pool(tmp_path) -> None:
    limits = Limits.load()
    assert _shared_pool(limits, stages._process_in_worker) is _shared_pool(limits, worker_pid)
    path = tmp_path / "cmd.txt"
    path.write_text("fine")
    with WorkerPool(1, limits, task=bf.misbehave) as pool:  # type: ignore[arg-type]
        assert pool.open(path) == "fine"
        first = pool.run(worker_pid, path)
        assert pool.open(path) == "fine"
        assert pool.run(worker_pid, path) == first != os.getpid()


class TerminationSignal(BaseException):
    """Stands for what Prefect's SIGTERM handler raises during a flow run."""


@pytest.mark.parametrize("stop", ["ctrl-c", "sigterm"])
def test_a_signal_while_waiting_for_a_file_fetched_ahead_stops_the_command(tmp_path, stop) -> None:
    """Waiting for an outcome fetched ahead, Ctrl-C or SIGTERM stops the command (any failure of
    the fetch itself is the flow's to report when it extracts the file itself)."""
    import signal
    import threading
    from concurrent.futures import Future

    def bridge(signum: int, _frame: object) -> None:
        raise TerminationSignal(signum)

    sig, raised = (
        (signal.SIGINT, KeyboardInterrupt) if stop == "ctrl-c" else (signal.SIGUSR1, TerminationSignal)
    )
    previous = signal.signal(signal.SIGUSR1, bridge)
    path = tmp_path / "a.docx"
    path.write_bytes(b"x")
    never: Future = Future()  # a fetch that does not end
    key = (str(path), "digest", None)
    with prefetch._lock:
        prefetch._ahead[key] = never
    timer = threading.Timer(0.2, os.kill, (os.getpid(), sig))
    timer.start()
    try:
        with pytest.raises(raised):
            prefetch.take(path, "digest", None)
    finally:
        timer.join()
        never.set_result(None)
        signal.signal(signal.SIGUSR1, previous)
    failed: Future = Future()
    failed.set_exception(SystemExit(1))  # e.g. a reader ending its thread
    with prefetch._lock:
        prefetch._ahead[key] = failed
    assert prefetch.take(path, "digest", None) is None


def test_gx_is_imported_by_one_thread_per_process(monkeypatch) -> None:
    from muniflow import warmup
    from muniflow.quality import gx_import

    monkeypatch.setattr(warmup, "_threads", {})
    first = gx_import.warm_up()
    assert gx_import.warm_up() is first, "the CLI and the flow both ask; one import runs"
    first.join(120)


def test_the_duplicate_rules_vocabulary_is_built_by_one_background_thread() -> None:
    """`period_checks.warm_up_checks` (started beside the GX import while files are read) leaves the
    duplicate rule's vocabulary built and its modules imported; asked twice, one thread runs."""
    code = (
        "import sys\n"
        "from muniflow import period_checks\n"
        "from muniflow.rules import duplicates\n"
        "first = period_checks.warm_up_checks()\n"
        "assert period_checks.warm_up_checks() is first\n"
        "first.join(120)\n"
        "print(duplicates._config.cache_info().currsize, 'muniflow.warehouse.review' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "True"]


def _ingest_up_to_its_flow(
    monkeypatch, server_api: str | None = None, pending: bool = False, wait=lambda timeout_s=None: None
) -> None:
    """`muniflow ingest` with no warm runner, `server_api` as `muniflow server start`'s server (None:
    none), its temporary API `pending` and waited for with `wait`, and nothing fetched ahead."""
    from muniflow.commands import server
    from muniflow.warm import client

    monkeypatch.setattr(client, "hand_off", lambda args: None)
    monkeypatch.setattr(server, "use_running_server", lambda: server_api)
    monkeypatch.setattr(temporary_api, "start", lambda: None)
    monkeypatch.setattr(temporary_api, "pending", lambda: pending)
    monkeypatch.setattr(temporary_api, "wait", wait)
    monkeypatch.setattr(prefetch, "start", lambda files, period: None)
    monkeypatch.setattr(worker, "start", lambda: False)


@pytest.mark.parametrize(
    ("pending", "expected"),
    [(True, ["gx", "preload until the API answers", "wait with warehouse"]), (False, ["wait without"])],
)
def test_gx_and_a_new_warehouse_are_made_while_the_command_waits_for_its_temporary_api(
    tmp_path, monkeypatch, pending, expected
) -> None:
    """The main thread only waits while the temporary API starts: Great Expectations is imported,
    a new warehouse created (migrations) and the flow's own modules imported then, not once the
    flow has begun; with the API already answering, the flow does all three."""
    from muniflow import cli, warmup
    from muniflow.quality import gx_import

    def preload(until) -> list[str]:  # type: ignore[no-untyped-def]
        calls.append("preload until the API answers" if until() is False else "preload regardless")
        return []

    monkeypatch.setattr(warmup, "preload", preload)

    calls: list[str] = []

    class Waited(Exception):
        pass

    warehouse = tmp_path / "w.duckdb"

    def wait() -> None:
        calls.append("wait with warehouse" if warehouse.exists() else "wait without")
        raise Waited

    _ingest_up_to_its_flow(monkeypatch, pending=pending, wait=wait)
    monkeypatch.setattr(gx_import, "warm_up", lambda: calls.append("gx"))
    report = bf.docx_report(tmp_path / "a.docx")
    with pytest.raises(Waited):
        cli.main(["ingest", str(report), "--warehouse", str(warehouse)])
    assert calls == expected


@pytest.mark.parametrize(
    ("stored", "runner", "expected"),
    [(False, "threads", ["start", "stop"]), (True, "threads", ["stop"]), (False, "processes", ["stop"])],
)
def test_a_command_that_reads_files_checks_them_in_a_process_it_ends(
    tmp_path, monkeypatch, stored, runner, expected
) -> None:
    """A command that will read files starts the checkpoint's process as it starts them (GX is
    imported there meanwhile), and ends it however the command ends; a `--force` run of stored
    files, which reads nothing and checks nothing, starts none, nor does a run whose tasks run in
    other processes (its checkpoint is not run here)."""
    from muniflow import cli
    from muniflow.warehouse import lookups

    calls: list[str] = []

    class Waited(Exception):
        pass

    def wait() -> None:
        raise Waited

    _ingest_up_to_its_flow(monkeypatch, pending=False, wait=wait)
    monkeypatch.setattr(worker, "start", lambda: calls.append("start") or True)
    monkeypatch.setattr(worker, "stop", lambda: calls.append("stop"))
    monkeypatch.setattr(lookups, "holds_all", lambda files, warehouse: stored)
    report = bf.docx_report(tmp_path / "a.docx")
    with pytest.raises(Waited):
        cli.main(
            [
                "ingest",
                str(report),
                "--warehouse",
                str(tmp_path / "w.duckdb"),
                "--force",
                "--task-runner",
                runner,
            ]
        )
    assert calls == expected


def test_a_force_run_of_stored_files_imports_only_prefects_engines_while_it_waits(
    tmp_path, monkeypatch
) -> None:
    """Every file stored as it is (`ingest --force`): the flow reads each from the cache, so only
    Prefect's engines are imported while the API starts; no Great Expectations, no warehouse."""
    from muniflow import cli, warmup
    from muniflow.quality import gx_import
    from muniflow.warehouse import lookups

    calls: list[object] = []

    class Waited(Exception):
        pass

    def wait() -> None:
        raise Waited

    monkeypatch.setattr(warmup, "preload", lambda until, modules=None: calls.append(modules) or [])
    monkeypatch.setattr(gx_import, "warm_up", lambda: calls.append("gx"))
    monkeypatch.setattr(lookups, "holds_all", lambda files, warehouse: True)
    _ingest_up_to_its_flow(monkeypatch, pending=True, wait=wait)
    report = bf.docx_report(tmp_path / "a.docx")
    with pytest.raises(Waited):
        cli.main(["ingest", str(report), "--warehouse", str(tmp_path / "w.duckdb"), "--force"])
    assert calls == [warmup.FLOW_MODULES]
    assert set(warmup.FLOW_MODULES) < set(warmup.RUN_MODULES)


def test_preload_imports_the_flows_modules_until_told_to_stop(tmp_path, monkeypatch) -> None:
    """`warmup.preload` imports `RUN_MODULES` in order, skips one missing in this version, and stops
    before the next module once `until()` is true (the temporary API answers: the flow goes on)."""
    import sys

    from muniflow import warmup

    for name in ("probe_run_a", "probe_run_b", "probe_run_c"):
        (tmp_path / f"{name}.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    names = ("probe_run_a", "probe_run_absent", "probe_run_b", "probe_run_c")
    monkeypatch.setattr(warmup, "RUN_MODULES", names)
    for name in names:
        monkeypatch.delitem(sys.modules, name, raising=False)
    checks = iter([False, False, False, True])

    assert warmup.preload(until=lambda: next(checks)) == ["probe_run_a", "probe_run_b"]
    assert "probe_run_b" in sys.modules and "probe_run_c" not in sys.modules
    assert warmup.preload() == ["probe_run_a", "probe_run_b", "probe_run_c"]


def test_every_module_the_flow_is_said_to_import_exists() -> None:
    """A renamed module of ours left in `RUN_MODULES` would be skipped silently."""
    import importlib.util

    from muniflow import warmup

    ours = [n for n in warmup.RUN_MODULES if n.split(".")[0] in ("muniflow", "flows")]
    assert ours and all(importlib.util.find_spec(n) is not None for n in ours)


def test_an_ingest_sends_heartbeats_only_where_a_frequency_is_set() -> None:
    """Heartbeats let a server mark a run whose process died; Prefect's engine also waits up to a
    second for its heartbeat thread at every run's end. An `ingest` (someone at a shell sees its
    crash) sends them only where the user set a frequency, and never to the temporary API it
    started itself (that API ends with the command)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, get_current_settings, temporary_settings

    from flows.heartbeats import ingest_settings

    def frequency(own_api: bool) -> int | None:
        with ingest_settings(own_api=own_api):
            return get_current_settings().flows.heartbeat_frequency

    default = get_current_settings().flows.heartbeat_frequency
    assert default is not None, "Prefect sends heartbeats by default"
    assert frequency(own_api=False) is None, "a server, no frequency set: none"
    assert frequency(own_api=True) is None
    assert get_current_settings().flows.heartbeat_frequency == default, "restored after the run"
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: 60}):  # as from a profile
        assert frequency(own_api=False) == 60, "the user's frequency is kept"
        assert frequency(own_api=True) is None, "nobody could read them on our own API"


def test_the_ingest_command_runs_its_flow_without_heartbeats_against_a_server(tmp_path, monkeypatch) -> None:
    """`muniflow ingest` against a running server (no frequency set): its flow run sends none."""
    from prefect.settings import get_current_settings

    import flows.ingest
    from muniflow import cli

    seen: list[int | None] = []

    class Flow:
        def with_options(self, **options: object) -> Flow:
            return self

        def __call__(self, **parameters: object) -> dict:
            seen.append(get_current_settings().flows.heartbeat_frequency)
            return {"nothing_new": True, "files_seen": 1, "files": []}

    _ingest_up_to_its_flow(monkeypatch, server_api="http://127.0.0.1:1/api")
    monkeypatch.setattr(flows.ingest, "ingest_reports", Flow())
    report = bf.docx_report(tmp_path / "a.docx")
    assert cli.main(["ingest", str(report), "--warehouse", str(tmp_path / "w.duckdb")]) == 0
    assert seen == [None]
    assert get_current_settings().flows.heartbeat_frequency is not None, "restored"


def test_the_temporary_api_says_whether_it_was_started(monkeypatch) -> None:
    assert temporary_api.started() is False
    monkeypatch.setattr(temporary_api, "_server", object())
    assert temporary_api.started() is True


def _fake_api(monkeypatch, code: str) -> None:
    """Make `temporary_api._launch` start `python -c code` instead of Prefect's API."""
    monkeypatch.setattr(temporary_api, "_command", lambda port: [sys.executable, "-c", code])
    monkeypatch.setattr(temporary_api, "_api", "http://127.0.0.1:1/api")  # nothing answers there
    monkeypatch.setattr(temporary_api, "_server", temporary_api._launch(1))


def test_a_temporary_api_that_fails_says_why_in_the_error(monkeypatch, capfd) -> None:
    failed = "import sys; print('no such table: alembic_version', file=sys.stderr); sys.exit(1)"
    _fake_api(monkeypatch, failed)
    try:
        with pytest.raises(RuntimeError, match="exited with code 1:\nno such table: alembic_version"):
            temporary_api.wait(timeout_s=20)
    finally:
        temporary_api.stop()
    assert "alembic_version" not in capfd.readouterr().err


def test_a_temporary_api_whose_start_fails_is_not_started_again_unless_its_port_was_taken(
    monkeypatch,
) -> None:
    """uvicorn exits with code 3 on any failed start (a broken database too), not only when the
    port is taken: only a port in use is worth another port (it was retried until the timeout)."""
    launched: list[int] = []
    launch = temporary_api._launch
    monkeypatch.setattr(temporary_api, "_launch", lambda port: launched.append(port) or launch(port))
    failed = "import sys; print('Application startup failed. Exiting.'); sys.exit(3)"
    _fake_api(monkeypatch, failed)
    launched.clear()  # (the fake's own start)
    try:
        with pytest.raises(RuntimeError, match="exited with code 3:\nApplication startup failed"):
            temporary_api.wait(timeout_s=60)
        assert launched == []
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            port = taken.getsockname()[1]
            _fake_api(monkeypatch, failed)
            launched.clear()
            monkeypatch.setattr(temporary_api, "_api", f"http://127.0.0.1:{port}/api")
            with pytest.raises(RuntimeError, match="exited with code 3"):
                temporary_api.wait(timeout_s=60)
        assert len(launched) == 1 and launched[0] != port, "started again once, on another port"
    finally:
        temporary_api.stop()


def test_the_ingest_command_says_so_when_its_temporary_api_fails(tmp_path, monkeypatch, capsys) -> None:
    from muniflow import cli

    def fail(timeout_s: float | None = None) -> None:
        raise RuntimeError("the temporary Prefect API exited with code 3:\nunable to open database file")

    _ingest_up_to_its_flow(monkeypatch, wait=fail)
    report = bf.docx_report(tmp_path / "a.docx")
    assert cli.main(["ingest", str(report), "--warehouse", str(tmp_path / "w.duckdb")]) == 1
    err = capsys.readouterr().err
    assert "muniflow ingest: the temporary Prefect API exited with code 3" in err
    assert "unable to open database file" in err and "muniflow server start" in err


def test_what_the_temporary_api_prints_as_it_stops_stays_off_the_terminal(monkeypatch, capfd) -> None:
    """Stopped while its services still record a run's last task states, Prefect's server prints
    an ERROR with a traceback per cancelled write: noise after a run that went well."""
    _fake_api(
        monkeypatch,
        "import signal, sys, time\n"
        "def stop(*_):\n"
        "    print('ERROR | task_run_recorder - Error flushing 1 events', file=sys.stderr)\n"
        "    sys.exit(0)\n"
        "signal.signal(signal.SIGTERM, stop)\n"
        "print('started', flush=True)\n"
        "time.sleep(30)\n",
    )
    deadline = time.monotonic() + 20
    while "started" not in temporary_api._printed() and time.monotonic() < deadline:
        time.sleep(0.05)
    temporary_api.stop()
    assert temporary_api._output is None, "its output file is closed"
    assert "Error flushing" not in capfd.readouterr().err


def test_the_temporary_api_registers_no_block_types_unless_told_to(monkeypatch) -> None:
    """Registering block types imports every Prefect collection installed (prefect-dask imports
    dask's `distributed`); an ingestion uses no block. A setting of the user's own still wins."""
    from prefect.settings import Settings

    launched: dict[str, str] = {}

    def popen(command, env, stdin, **output):  # type: ignore[no-untyped-def]
        launched.clear()
        launched.update(env)

    monkeypatch.setattr(temporary_api.subprocess, "Popen", popen)
    for name in temporary_api.QUICK_START:
        monkeypatch.delenv(name, raising=False)
    temporary_api._launch(1)
    for name, value in temporary_api.QUICK_START.items():
        assert launched[name] == value
        monkeypatch.setenv(name, value)
    server = Settings().server
    assert (server.register_blocks_on_start, server.memoize_block_auto_registration) == (False, False)
    monkeypatch.setenv("PREFECT_SERVER_REGISTER_BLOCKS_ON_START", "true")
    temporary_api._launch(1)
    assert launched["PREFECT_SERVER_REGISTER_BLOCKS_ON_START"] == "true"


def test_the_temporary_api_runs_in_a_session_of_its_own_and_ctrl_c_stops_it(monkeypatch) -> None:
    """The terminal's Ctrl-C goes to the whole process group: the API, in it, died under a flow
    still talking to it, and Prefect retried for minutes. It runs in its own session, and the
    command's interrupt path stops it."""
    import os
    import sys

    from muniflow import cli

    monkeypatch.setattr(
        temporary_api, "_command", lambda port: [sys.executable, "-c", "import time; time.sleep(60)"]
    )
    server = temporary_api._launch(0)
    try:
        assert os.getsid(server.pid) != os.getsid(0)
        monkeypatch.setattr(temporary_api, "_server", server)

        def exit_(status: int) -> None:
            raise SystemExit(status)

        monkeypatch.setattr(cli.os, "_exit", exit_)
        with pytest.raises(SystemExit):
            cli._exit_now(130)
        assert server.poll() is not None, "stopped by the interrupt path"
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
