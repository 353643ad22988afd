"""What a child the warm runner forks for one command does (`muniflow.warm.runner`): take the
client's streams, folder, environment and arguments, read Prefect's settings again, run the command
(`muniflow.cli.main`) and end as a process would, its exit code and CPU time sent to the client.

Imported by the runner, which its spawned intake workers import as `__mp_main__`: the top level
imports the standard library only.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import sys
import traceback
from typing import Any

from muniflow import warm

_CHILD: dict[str, Any] = {}


def take_request(conn: socket.socket, fds: list[int], request: dict[str, Any]) -> None:
    """Become the client's process: its standard streams (`fds`, over 0-2), folder, environment and
    arguments; Prefect's settings read again. `conn` is where `finish` reports the end."""
    _CHILD["conn"] = conn
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [str(request.get("argv0") or "muniflow"), *request["argv"]]
    new_stdio(request)
    reload_prefect_settings()


def new_stdio(request: dict[str, Any]) -> None:
    """Standard streams made anew over fds 0-2 (now the client's), as Python makes them at start:
    the runner's were made for its log file (buffering, seekability and encoding follow the file)."""
    import io

    def stream(fd: int, mode: str, name: str, errors: str, line: bool) -> io.TextIOWrapper:
        encoding = request.get(f"{name}_encoding") or "utf-8"
        errors = request.get(f"{name}_errors") or errors
        raw = io.FileIO(fd, mode, closefd=False)
        buffered = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
        try:
            return io.TextIOWrapper(buffered, encoding=encoding, errors=errors, line_buffering=line)
        except LookupError:
            return io.TextIOWrapper(buffered, encoding="utf-8", errors=errors, line_buffering=line)

    for name, made in (
        ("stdin", stream(0, "r", "stdin", "strict", False)),
        ("stdout", stream(1, "w", "stdout", "strict", os.isatty(1))),
        ("stderr", stream(2, "w", "stderr", "backslashreplace", True)),
    ):
        setattr(sys, name, made)
        setattr(sys, f"__{name}__", made)


def reload_prefect_settings() -> None:
    """Make Prefect read its settings (profile, environment, prefect.toml, .env of the folder) again
    in this process, as a process started with this environment and folder would at import."""
    import prefect.context
    import prefect.logging.configuration

    context = prefect.context.root_settings_context()
    prefect.context.GLOBAL_SETTINGS_CONTEXT = context
    context.__enter__()
    prefect.logging.configuration.setup_logging(incremental=False)


def run_command(request: dict[str, Any]) -> int:
    """`muniflow.cli.main(argv)` in the child; its exit code (130 on Ctrl-C, 1 on a crash)."""
    from muniflow import cli

    try:
        return int(cli.main(list(request["argv"])) or 0)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return int(exc.code or 0)
        print(exc.code, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BaseException:
        traceback.print_exc()
        return 1


def finish(code: int) -> int:
    """The end of a child process: exit handlers (Prefect flushes its logs and events there), then
    the standard streams; the exit code and CPU time go to the client too (should the runner be
    stopped before it reaps this child); returns the status for `os._exit`."""
    import resource

    with contextlib.suppress(BaseException):
        atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BaseException):
            stream.flush()
    conn = _CHILD.get("conn")
    if conn is not None:
        own, waited = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = own.ru_utime + own.ru_stime + waited.ru_utime + waited.ru_stime
        warm.send_event(conn, event="done", code=code, cpu_s=round(cpu, 3))
    return code & 0xFF
