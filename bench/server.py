"""A Prefect API server on loopback for the length of a measurement.

Without PREFECT_API_URL, every `muniflow ingest` starts (and stops) a temporary Prefect server of
its own; a deployment (`muniflow serve`) talks to one long-lived server instead. Measuring both
shows how much of the ingest's cost is that start-up, paid once per command.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STARTUP_TIMEOUT_S = 180


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def prefect_server(prefect_bin: Path, home: Path, env: dict[str, str]) -> Iterator[str]:
    """Start `prefect server start` on loopback with its own PREFECT_HOME; yield its API URL."""
    port = free_port()
    home.mkdir(parents=True, exist_ok=True)
    server_env = {**env, "PREFECT_HOME": str(home)}
    command = [str(prefect_bin), "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    log = (home / "server.log").open("wb")
    proc = subprocess.Popen(command, env=server_env, stdout=log, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(f"{api}/health", timeout=2):  # loopback only
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"prefect server did not start: see {home / 'server.log'}") from None
                time.sleep(0.5)
        yield api
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
