"""The client side of the warm runner (see `muniflow.warm`): `hand_off` gives a `muniflow ingest`
to the runner when one answers and matches, else returns None and the command runs here as always.

Silent by design: a command that runs cold prints nothing about the runner, except that a runner
found out of date says so on stderr (it restarts itself once this command is done). With
MUNIFLOW_WARM_VERBOSE=1 every decision is noted on stderr; MUNIFLOW_WARM=0 never hands off;
MUNIFLOW_WARM_USAGE=FILE writes where the command ran and the runner child's CPU time as JSON
(for `bench/oneshot.py`: that child is not a child of this process).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from muniflow import warm

CONNECT_TIMEOUT_S = 2.0
ANSWER_TIMEOUT_S = 10.0
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)

_kept: list[socket.socket] = []  # a stale runner's connection, held until this process exits


def _note(message: str, always: bool = False) -> None:
    if always or os.environ.get("MUNIFLOW_WARM_VERBOSE") == "1":
        print(f"muniflow: {message}", file=sys.stderr, flush=True)


def _usage(record: dict[str, Any]) -> None:
    target = os.environ.get("MUNIFLOW_WARM_USAGE")
    if target:
        with contextlib.suppress(OSError):
            Path(target).write_text(json.dumps(record), encoding="utf-8")


def hand_off(args: argparse.Namespace) -> int | None:
    """Run this command in the warm runner; its exit code, or None when this process must run it
    (no runner, another Python, other code or contracts, another Prefect API, MUNIFLOW_WARM=0, or
    called as a function rather than as the `muniflow` process: `args.process_argv` is None)."""
    argv = getattr(args, "process_argv", None)
    if not argv:
        return None
    _usage({"warm": False})
    if os.environ.get("MUNIFLOW_WARM") == "0":
        _note("MUNIFLOW_WARM=0: running without the warm runner")
        return None
    path = warm.socket_path()
    if not path.exists():
        _note("no warm runner (`muniflow server start` starts one)")
        return None
    from muniflow.commands.server import read_state, use_running_server

    state = read_state()
    api = use_running_server()
    if state is None or api != state.get("api"):
        _note("the warm runner serves another Prefect API than this command's: running here")
        return None
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(CONNECT_TIMEOUT_S)
        sock.connect(str(path))
    except OSError as err:
        _note(f"the warm runner does not answer ({err}): running here")
        return None
    request: dict[str, Any] = {
        "argv": list(argv),
        "argv0": sys.argv[0],
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "executable": sys.executable,
        "fingerprint": warm.fingerprint(),
    }
    for name in ("stdin", "stdout", "stderr"):  # the child makes its streams like these
        for key in ("encoding", "errors"):
            request[f"{name}_{key}"] = getattr(getattr(sys, name), key, None)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    reader = sock.makefile("rb")
    try:
        warm.send_request(sock, request, [0, 1, 2])
        sock.settimeout(ANSWER_TIMEOUT_S)
        first = _event(reader)
    except (OSError, ValueError) as err:
        _note(f"the warm runner did not take the command ({err}): running here")
        sock.close()
        return None
    if first is None or first.get("event") != "started":
        why = (first or {}).get("why", "no answer")
        if first is not None and first.get("event") == "stale":
            _kept.append(sock)  # it restarts (imports the new code) once this command is done
            _note(f"the warm runner is out of date ({why}): running here; it restarts when this ends", True)
        else:
            _note(f"not using the warm runner: {why}")
            sock.close()
        return None
    sock.settimeout(None)
    return _wait(sock, reader, int(first["pid"]))


def _event(reader: Any) -> dict[str, Any] | None:
    line = reader.readline()
    if not line:
        return None
    event = json.loads(line)
    if not isinstance(event, dict):
        raise ValueError("not an event")
    return event


def _wait(sock: socket.socket, reader: Any, pid: int) -> int:
    """Wait for the runner's child `pid`, forwarding Ctrl-C and termination signals to it."""
    _note(f"running in the warm runner (child {pid})")

    def forward(signum: int, _frame: Any) -> None:
        with contextlib.suppress(OSError):
            os.kill(pid, signum)

    previous = {sig: signal.signal(sig, forward) for sig in FORWARDED}
    done: dict[str, Any] | None = None
    ended: dict[str, Any] | None = None
    try:
        while ended is None:
            try:
                event = _event(reader)
            except ValueError:
                continue
            if event is None:
                break
            if event.get("event") == "done":
                done = event
            elif event.get("event") == "exit":
                ended = event
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sock.close()
    final = ended or done
    if final is None:
        print("muniflow: the warm runner's command ended without an exit status", file=sys.stderr)
        return 1
    _usage({"warm": True, "pid": pid, "code": final.get("code"), "cpu_s": final.get("cpu_s")})
    return int(final.get("code", 1))
