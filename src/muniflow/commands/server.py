"""`muniflow server start|stop|status`: one long-lived local Prefect server that `ingest` and
`serve` use while it is up.

Without a Prefect API every `muniflow ingest` starts a temporary Prefect server of its own (seconds
of start-up per command) and `serve` cannot schedule at all. `muniflow server start` runs
`prefect server start` in the background on 127.0.0.1 with its own PREFECT_HOME, records it in a
state file (`$MUNIFLOW_HOME/server.json`, default `~/.muniflow/`), and a watcher stops it after
`--idle-minutes` with no flow run (a served deployment keeps it up). `ingest` and `serve` read the
state file and set PREFECT_API_URL when its server answers on `/api/health`; an explicit
PREFECT_API_URL always wins.

Beside the server, `start` starts a warm runner (unless `--no-warm`): a process that has imported
the ingest code once and runs each `muniflow ingest` with something new in a forked child, so the
command skips seconds of imports (`muniflow.warm`). It exits with the server, after the same idle
time, or on `stop`; `MUNIFLOW_WARM=0` makes one `ingest` run without it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

STATE_NAME = "server.json"
DEFAULT_IDLE_MINUTES = 60
STARTUP_TIMEOUT_S = 180
WATCH_INTERVAL_S = 30


def home() -> Path:
    """Where the server's state file, log and Prefect database live."""
    return Path(os.environ.get("MUNIFLOW_HOME") or Path.home() / ".muniflow")


def state_file() -> Path:
    return home() / STATE_NAME


def read_state() -> dict[str, Any] | None:
    """The recorded server (pid, port, api, watcher), or None when none was started."""
    try:
        state = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and "api" in state else None


def healthy(api: str, timeout: float = 1.0) -> bool:
    """Whether a Prefect API answers on `api`/health (loopback only: the URL is ours)."""
    import urllib.request  # here: every command's parser imports this module, ~15 ms

    try:
        with urllib.request.urlopen(f"{api}/health", timeout=timeout) as response:
            return bool(response.status == 200)
    except (OSError, ValueError):
        return False


# How long a command that needs a configured server (`serve`) waits for it to answer.
PATIENCE_S = 20.0


def answers(api: str, patience: float | None = None) -> bool:
    """Whether a Prefect API answers on `api` within `patience` seconds: a server on a busy machine
    (or one still starting) may take longer than one quick probe, and a command that needs it
    (`serve`) should not give up on it at once."""
    deadline = time.monotonic() + (PATIENCE_S if patience is None else patience)
    while True:
        left = deadline - time.monotonic()
        if healthy(api, timeout=max(1.0, min(5.0, left))):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.5)


def running_api() -> str | None:
    """The API URL of the recorded server when it answers, else None."""
    state = read_state()
    if state is None or not _alive(int(state.get("pid", 0))):
        return None
    return str(state["api"]) if healthy(str(state["api"])) else None


def use_running_server() -> str | None:
    """Point this process's Prefect client at the running server unless PREFECT_API_URL is set;
    returns the API URL in use (None: Prefect will start a temporary server)."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    api = running_api()
    if api is not None:
        os.environ["PREFECT_API_URL"] = api
    return api


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return {
        **env,
        "PREFECT_HOME": str(home() / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }


def start(port: int | None, idle_minutes: float, warm: bool = True) -> tuple[int, str]:
    """Start the server (unless one is up), its idle watcher and (unless `warm` is False) the warm
    runner (`muniflow.warm`); returns (exit code, message)."""
    api = running_api()
    if api is not None:
        return 0, f"a Prefect server is already running: {api}" + _restart_warm(api, warm)
    home().mkdir(parents=True, exist_ok=True)
    port = port or _free_port()
    api = f"http://127.0.0.1:{port}/api"
    prefect = Path(sys.executable).parent / "prefect"
    log = (home() / "server.log").open("ab")
    server = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=_server_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # outlives this command; stopped by `server stop` or the watcher
    )
    runner = _launch_warm(api, server.pid, idle_minutes, log) if warm else None  # imports meanwhile
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not healthy(api):
        if server.poll() is not None or time.monotonic() > deadline:
            _terminate(server.pid)
            if runner is not None:
                _terminate(runner.pid)
            return 1, f"the Prefect server did not start: see {home() / 'server.log'}"
        time.sleep(0.5)
    watcher = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "muniflow.commands.server",
            "--watch",
            str(server.pid),
            api,
            str(idle_minutes),
        ],
        env={**os.environ},
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    state = {
        "pid": server.pid,
        "port": port,
        "api": api,
        "watcher_pid": watcher.pid,
        "idle_minutes": idle_minutes,
        "started_at": datetime.now(UTC).isoformat(),
    }
    if runner is not None:
        state["warm_pid"] = runner.pid
    state_file().write_text(json.dumps(state, indent=2), encoding="utf-8")
    message = f"Prefect server running: {api} (stops after {idle_minutes:g} min without a flow run)"
    if runner is not None:
        message += "\n" + _wait_warm(runner, deadline)
    return 0, message


def _restart_warm(api: str, warm: bool) -> str:
    """Start the warm runner again beside a running server whose runner has exited (idle)."""
    state = read_state()
    if not warm or state is None or _alive(int(state.get("warm_pid", 0))):
        return ""
    idle = float(state.get("idle_minutes", DEFAULT_IDLE_MINUTES))
    with (home() / "server.log").open("ab") as log:
        runner = _launch_warm(api, int(state["pid"]), idle, log)
    state_file().write_text(json.dumps({**state, "warm_pid": runner.pid}, indent=2), encoding="utf-8")
    return "\n" + _wait_warm(runner, time.monotonic() + STARTUP_TIMEOUT_S)


def _launch_warm(api: str, server_pid: int, idle_minutes: float, log: Any) -> subprocess.Popen[bytes]:
    from muniflow.warm import socket_path
    from muniflow.warm.runner import launch

    socket_path().unlink(missing_ok=True)  # a dead runner's: `start` waits for the new one's
    return launch(api, server_pid, idle_minutes, log)


def _wait_warm(runner: subprocess.Popen[bytes], deadline: float) -> str:
    """Wait until the warm runner listens (its imports take seconds); what `start` says of it."""
    from muniflow.warm import socket_path

    while not socket_path().exists():
        if runner.poll() is not None:
            return f"warm runner: did not start (see {home() / 'server.log'}); ingest runs without it"
        if time.monotonic() > deadline:
            return "warm runner: still starting; ingest uses it once it listens"
        time.sleep(0.2)
    return warm_status()


def warm_status() -> str:
    """One line on the recorded warm runner."""
    from muniflow.warm import socket_path

    state = read_state() or {}
    pid = int(state.get("warm_pid", 0))
    if not pid:
        return "warm runner: off (started with --no-warm)"
    if not _alive(pid):
        return "warm runner: not running (it exits when idle; `muniflow server start` starts it again)"
    if not socket_path().exists():
        return f"warm runner: pid {pid}, starting (importing)"
    idle = state.get("idle_minutes", DEFAULT_IDLE_MINUTES)
    return f"warm runner: pid {pid} at {socket_path()} (ingest runs there; exits after {idle:g} min idle)"


def stop() -> tuple[int, str]:
    """Stop the recorded server and its watcher."""
    state = read_state()
    if state is None:
        return 0, "no muniflow Prefect server recorded"
    for key in ("warm_pid", "watcher_pid", "pid"):
        _terminate(int(state.get(key, 0)))
    state_file().unlink(missing_ok=True)
    return 0, f"stopped the Prefect server at {state['api']}"


def _terminate(pid: int) -> None:
    """Stop a process group we started (its session leader's pid), waiting a little for it."""
    if not _alive(pid):
        return
    try:
        os.killpg(pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        return
    for _ in range(100):
        if not _alive(pid):
            return
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def status() -> tuple[int, str]:
    api = running_api()
    if api is None:
        return 1, "no Prefect server running (start one with `muniflow server start`)"
    return 0, f"Prefect server running: {api}\n{warm_status()}"


def _post(api: str, path: str, body: dict[str, Any]) -> Any:
    import urllib.request

    request = urllib.request.Request(
        f"{api}/{path}", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def busy_since(api: str, idle_after: datetime) -> bool:
    """Whether the server had a flow run start or end after `idle_after`, has one running, or
    serves a deployment whose runner is polling (`muniflow serve`)."""
    runs = _post(api, "flow_runs/filter", {"sort": "EXPECTED_START_TIME_DESC", "limit": 20})
    for run in runs:
        if run.get("state_type") in ("RUNNING", "PENDING"):
            return True
        for key in ("start_time", "end_time", "created"):
            value = run.get(key)
            if value and datetime.fromisoformat(value.replace("Z", "+00:00")) > idle_after:
                return True
    deployments = _post(api, "deployments/filter", {"limit": 50})
    return any(d.get("status") == "READY" for d in deployments)


def watch(pid: int, api: str, idle_minutes: float) -> None:
    """Stop the server `pid` once it has had no flow run for `idle_minutes` (runs detached)."""
    idle = timedelta(minutes=idle_minutes)
    started = datetime.now(UTC)
    while _alive(pid):
        time.sleep(min(WATCH_INTERVAL_S, max(1.0, idle.total_seconds() / 4)))
        if datetime.now(UTC) - started < idle:
            continue
        try:
            busy = busy_since(api, datetime.now(UTC) - idle)
        except (OSError, ValueError):
            continue  # not answering for a moment: look again later
        if not busy:
            _terminate(pid)
            state = read_state()
            if state is not None and int(state.get("pid", 0)) == pid:
                state_file().unlink(missing_ok=True)
            return


def register(sub: argparse._SubParsersAction) -> dict[str, Any]:
    p = sub.add_parser(
        "server",
        help="start, stop or show a long-lived local Prefect server that ingest and serve use",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", choices=("start", "stop", "status"))
    p.add_argument("--port", type=int, help="port on 127.0.0.1 (default: a free one)")
    p.add_argument(
        "--idle-minutes",
        type=float,
        default=DEFAULT_IDLE_MINUTES,
        help=f"stop after this long without a flow run (default {DEFAULT_IDLE_MINUTES})",
    )
    p.add_argument(
        "--no-warm",
        action="store_true",
        help="start no warm runner (a process with the ingest code imported that `ingest` hands "
        "its work to; it exits with the server or after the same idle time)",
    )
    return {"server": cmd_server}


def cmd_server(args: argparse.Namespace) -> int:
    if args.action == "start":
        code, message = start(args.port, args.idle_minutes, warm=not args.no_warm)
    elif args.action == "stop":
        code, message = stop()
    else:
        code, message = status()
    print(message, file=sys.stdout if code == 0 else sys.stderr)
    return code


if __name__ == "__main__":  # the detached idle watcher: python -m muniflow.commands.server --watch
    if len(sys.argv) == 5 and sys.argv[1] == "--watch":
        watch(int(sys.argv[2]), sys.argv[3], float(sys.argv[4]))
