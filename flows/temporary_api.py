"""The temporary Prefect API of one `muniflow ingest` with no server configured, started first.

Given no API URL, Prefect starts a temporary API itself when the flow first needs a client
(`prefect.server.api.server.SubprocessASGIServer`): a uvicorn subprocess serving Prefect's API
app on a free loopback port, with Prefect's own database (PREFECT_HOME), stopped when the process
exits. Two costs come with it on a cold `ingest`: the client process imports Prefect's whole
server package only to reach that class (about 5 s of CPU, measured), and the server's own start
(about 9 s of CPU: FastAPI, SQLAlchemy, the API app, the database check) begins only when the
flow is called, after every import, so nothing overlaps it.

`start()` launches the same app, with the same uvicorn options and the environment Prefect gives
it, by `flows.api_process` (which takes two costs out of the server's start), as the first thing
`ingest` does (Prefect not yet imported here), and points PREFECT_API_URL at it; `wait()` blocks
until it answers, just before the flow starts (`pending()` says whether it still has to: the CLI
then imports Great Expectations meanwhile); it is stopped at exit. A run on it sends
no heartbeats (`flows.heartbeats`): nobody could read them once the command has ended. The flow
run, its task runs, cache records and artifacts are recorded as on Prefect's own temporary API;
what the API prints goes to a temporary file, shown only in the error when it fails to start
(stopped while its services still record a run's last task states, Prefect's server prints an
ERROR with a traceback for each write it cancels, after a run that went well).
Nothing is started when any Prefect settings source this module can read cheaply names an API
URL (the environment, the active profile, `prefect.toml`, `pyproject.toml`, `.env`), when Prefect
is already imported in this process (its settings may be in force there, e.g. a test harness) or
with MUNIFLOW_PREFECT_OWN_API=0: then Prefect decides, as before.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.parse
from pathlib import Path
from typing import IO

from muniflow.interrupt import end_with_parent

# Prefect's own environment for its temporary API (`SubprocessASGIServer._run_uvicorn_command`).
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
# What this API skips at start unless the environment says otherwise: registering the block types
# of every installed Prefect collection, which imports each (prefect-dask imports dask's
# `distributed`: ~0.7 s of a ~5 s start) and, memoized or not, loads them to compare. An ingestion
# uses no block; a lasting `prefect server` on the same database registers them at its own start.
QUICK_START = {
    "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
    "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
}
# How often `wait` asks whether the API answers (a refused connection costs well under 1 ms, on the
# core the API's start leaves idle; every poll period is on the critical path's end, half on average)
POLL_S = 0.02
# uvicorn's exit code when its start fails, the port taken or any other cause (Prefect retries on it)
START_FAILED_EXIT = 3

_server: subprocess.Popen[bytes] | None = None
_api: str | None = None
# What the API prints: kept off the terminal (when stopped while its services still record the
# run's last events, Prefect's server logs each cancelled write as an ERROR with a traceback) and
# shown in the error when it fails to start.
_output: IO[bytes] | None = None


def api_configured(cwd: Path | None = None) -> bool:
    """Whether a Prefect settings source names an API URL (then Prefect is left to decide)."""
    if os.environ.get("PREFECT_API_URL"):
        return True
    cwd = cwd or Path.cwd()
    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml")
    data = _toml(profiles)
    active = os.environ.get("PREFECT_PROFILE") or data.get("active") or "ephemeral"
    if (data.get("profiles", {}).get(active) or {}).get("PREFECT_API_URL"):
        return True
    if (_toml(cwd / "prefect.toml").get("api") or {}).get("url"):
        return True
    tool = _toml(cwd / "pyproject.toml").get("tool", {}).get("prefect", {})
    if (tool.get("api") or {}).get("url"):
        return True
    try:
        dotenv = (cwd / ".env").read_text(encoding="utf-8")
    except OSError:
        return False
    return any(line.strip().startswith("PREFECT_API_URL") for line in dotenv.splitlines())


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _command(port: int) -> list[str]:
    """Prefect's own command for its temporary API (`SubprocessASGIServer._run_uvicorn_command`),
    uvicorn started by `flows.api_process` (costs of its start taken out) for `-m uvicorn`, serving
    Prefect's `create_app()` behind `flows.quick_retry` (`api_process.served_app`)."""
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("prefect is not installed")
    app_dir = Path(next(iter(spec.submodule_search_locations))).parent
    return [
        sys.executable, "-m", "flows.api_process", "--app-dir", str(app_dir),
        "--factory", "flows.api_process:served_app",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on",
    ]  # fmt: skip


def _launch(port: int) -> subprocess.Popen[bytes]:
    """Start the API on `port`; what it prints goes to a temporary file (`_output`), not the terminal."""
    global _output
    if _output is None:
        _output = tempfile.TemporaryFile(prefix="muniflow-temporary-api-")  # noqa: SIM115 (closed by stop)
    env = {**QUICK_START, **os.environ, **SERVER_ENV}
    # In a session of its own: the terminal's Ctrl-C (sent to the whole process group) would kill
    # the API under a flow still talking to it, and Prefect then retried it for minutes before the
    # command could end. The command stops it itself (`stop`, at exit and on Ctrl-C); on Linux it
    # is also told to end when the command's process does, however that ends.
    return subprocess.Popen(
        _command(port),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=_output,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=end_with_parent if sys.platform.startswith("linux") else None,
    )


def _printed(lines: int = 12, limit: int = 8000) -> str:
    """The last `lines` lines the API printed (for the error that says it failed)."""
    if _output is None:
        return ""
    _output.flush()
    _output.seek(0, os.SEEK_END)
    _output.seek(max(0, _output.tell() - limit))
    text = _output.read().decode("utf-8", "replace")
    return "\n".join(line for line in text.splitlines()[-lines:] if line.strip())


def start() -> str | None:
    """Start the temporary API unless an API is configured; returns its URL (None: not started)."""
    global _server, _api
    if _server is not None:
        return _api
    if "prefect" in sys.modules:  # its settings may be in force in this process (a test harness)
        return None
    if os.environ.get("MUNIFLOW_PREFECT_OWN_API") == "0" or api_configured():
        return None
    port = _free_port()
    _server = _launch(port)
    _api = f"http://127.0.0.1:{port}/api"
    os.environ["PREFECT_API_URL"] = _api
    atexit.register(stop)
    return _api


def pending() -> bool:
    """Whether this process started a temporary API that does not answer yet."""
    return _server is not None and _api is not None and not _answers(_api)


def wait(timeout_s: float | None = None) -> None:
    """Block until the temporary API answers (started again on another port if its port was taken).

    Raises:
        RuntimeError: it exited or did not answer within `timeout_s`
            (default PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, else 20 s).
    """
    global _server, _api
    if _server is None or _api is None:
        return
    limit = timeout_s or float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS") or 20)
    deadline = time.monotonic() + limit
    while not _answers(_api):
        code = _server.poll()
        if code == START_FAILED_EXIT and _port_taken(_api):
            port = _free_port()
            _server, _api = _launch(port), f"http://127.0.0.1:{port}/api"
            os.environ["PREFECT_API_URL"] = _api
        elif code is not None:
            raise RuntimeError(f"the temporary Prefect API exited with code {code}:\n{_printed()}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the temporary Prefect API did not answer within {limit:g} s:\n{_printed()}")
        time.sleep(POLL_S)


def _port_taken(api: str) -> bool:
    """Whether the API's port is in use (uvicorn's exit code 3 says only that its start failed)."""
    if "address already in use" in _printed().lower():
        return True
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", urllib.parse.urlsplit(api).port or 0))
        except OSError:
            return True
    return False


def _answers(api: str) -> bool:
    import urllib.request  # imported once the API is launched, not before

    try:
        with urllib.request.urlopen(f"{api}/health", timeout=1) as response:
            return bool(response.status == 200)
    except (OSError, ValueError):
        return False


def started() -> bool:
    """Whether this process started a temporary API (it stops when the process exits)."""
    return _server is not None


def stop() -> None:
    """Stop the temporary API (at exit): terminate, then kill after 5 s; its output is dropped."""
    global _server, _output
    server, _server = _server, None
    if server is not None:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    output, _output = _output, None
    if output is not None:
        output.close()
