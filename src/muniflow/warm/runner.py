"""The warm runner process (see `muniflow.warm`): `python -m muniflow.warm.runner --api URL
--server-pid PID --idle-minutes M`, started detached by `muniflow server start`.

It points Prefect at the server's API, imports the ingest stack once (no contract, warehouse or
data cache is read), checks that no import left a thread running (a fork copies only the calling
thread; numpy's BLAS pool is held to one thread by OPENBLAS_NUM_THREADS=1 etc. for that reason),
freezes the garbage collector's view of what it imported (children do not walk or copy it), then
serves requests on its socket. Each accepted command runs in a forked child in a session of its
own; the runner reaps it (`os.wait4`) and sends the client its exit code and CPU time (the
child's and its waited children's: the intake workers). The runner exits after `--idle-minutes`
without a command, when its server is gone (or another one is recorded), or on SIGTERM
(`muniflow server stop`); commands in flight finish first.

This module is imported as `__mp_main__` by the child's spawned intake workers (multiprocessing
re-imports the main module), so its top level imports the standard library only.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import traceback
from typing import IO, Any

from muniflow import warm
from muniflow.warm import child

CHECK_S = 5.0  # how often the runner looks whether its server is still there
# Native thread pools that start on import (numpy's BLAS): one thread, i.e. none besides the caller.
SINGLE_THREAD_ENV = {"OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}


def launch(api: str, server_pid: int, idle_minutes: float, log: IO[bytes]) -> subprocess.Popen[bytes]:
    """Start the runner detached (its own session: `server stop` ends it by its process group)."""
    command = [sys.executable, "-m", "muniflow.warm.runner", "--api", api,
               "--server-pid", str(server_pid), "--idle-minutes", str(idle_minutes)]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip


def import_stack() -> None:
    """What every ingest imports, once: Prefect and the ingest flow, Great Expectations (scipy.stats
    deferred as in any process), pandas, pandera, DuckDB, the CLI and its commands, and the modules
    of `warmup.RUN_MODULES` (the stages the flow runs in this process, the checkpoint, the report)."""
    import duckdb  # noqa: F401
    import pandas  # noqa: F401
    import pandera  # noqa: F401
    import prefect  # noqa: F401

    import flows.ingest  # noqa: F401
    from muniflow import cli, warmup
    from muniflow.quality.gx_import import great_expectations

    great_expectations()
    cli.build_parser()  # imports every command module
    warmup.preload()


def threads_left(wait_s: float = 5.0) -> list[str]:
    """Threads other than this one still running after the imports (waited for up to `wait_s`):
    forking with one would leave the child a copy of a lock it may hold."""
    deadline = time.monotonic() + wait_s
    for thread in threading.enumerate():
        if thread is not threading.current_thread():
            thread.join(max(0.0, deadline - time.monotonic()))
    return [t.name for t in threading.enumerate() if t is not threading.current_thread() and t.is_alive()]


def native_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


class Runner:
    """The accept loop: one forked child per command, reaped here, its exit code sent back."""

    def __init__(self, listener: socket.socket, server_pid: int, idle_s: float, code: str, argv: list[str]):
        self.listener: socket.socket | None = listener
        self.socket_inode = warm.socket_path().stat().st_ino
        self.server_pid = server_pid
        self.idle_s = idle_s
        self.code = code  # the fingerprint of the code imported here
        self.argv = argv  # to restart with the same arguments
        self.children: dict[int, socket.socket] = {}
        self.waiting: list[socket.socket] = []  # clients that found the runner stale, until they exit
        self.last_active = time.monotonic()
        self.last_check = time.monotonic()
        self.closing: str | None = None  # "exit" or "restart"
        self.recorded = False  # whether the state file has named this runner's server yet

    def serve(self) -> str:
        """Serve until idle, server gone or stale; returns "exit" or "restart"."""
        wake_r, wake_w = os.pipe()
        os.set_blocking(wake_r, False)
        os.set_blocking(wake_w, False)
        self.wake = (wake_r, wake_w)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes select() through the pipe
        while True:
            watched: list[Any] = [wake_r, *self.waiting] + ([self.listener] if self.listener else [])
            ready, _, _ = select.select(watched, [], [], CHECK_S)
            with contextlib.suppress(BlockingIOError):
                os.read(wake_r, 4096)
            self.reap()
            for item in ready:
                if item is self.listener:
                    self.accept()
                elif item in self.waiting and not _recv_quiet(item):
                    self.waiting.remove(item)
                    item.close()
            self.check()
            if self.closing and self.listener is not None:
                self.stop_listening()
            if self.closing and not self.children and (self.closing == "exit" or not self.waiting):
                return self.closing

    def check(self) -> None:
        now = time.monotonic()
        if self.closing or now - self.last_check < CHECK_S:
            return
        self.last_check = now
        up = server_up(self.server_pid, self.recorded)
        self.recorded = self.recorded or bool(up)
        if up is False:
            print("warm runner: its Prefect server is gone; exiting", flush=True)
            self.closing = "exit"
        elif not self.children and now - self.last_active > self.idle_s:
            print(f"warm runner: idle for {self.idle_s / 60:g} min; exiting", flush=True)
            self.closing = "exit"

    def stop_listening(self) -> None:
        assert self.listener is not None
        path = warm.socket_path()
        with contextlib.suppress(OSError):
            if path.stat().st_ino == self.socket_inode:  # not a newer runner's socket
                path.unlink()
        self.listener.close()
        self.listener = None

    def reap(self) -> None:
        while self.children:
            try:
                pid, status, usage = os.wait4(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            conn = self.children.pop(pid, None)
            self.last_active = time.monotonic()
            if conn is not None:
                code = os.waitstatus_to_exitcode(status)
                warm.send_event(conn, event="exit", code=code if code >= 0 else 128 - code,
                                cpu_s=round(usage.ru_utime + usage.ru_stime, 3),
                                maxrss_kb=usage.ru_maxrss)  # fmt: skip
                conn.close()

    def accept(self) -> None:
        assert self.listener is not None
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        self.last_active = time.monotonic()
        fds: list[int] = []
        try:
            conn.settimeout(10)
            _pid, uid, _gid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))
            if uid != os.getuid():
                raise ValueError("another user")
            request, fds = warm.recv_request(conn)
            refusal = self.refusal(request, fds)
        except (OSError, ValueError) as err:
            for fd in fds:
                os.close(fd)
            warm.send_event(conn, event="mismatch", why=f"bad request: {err}")
            conn.close()
            return
        if refusal is not None:
            for fd in fds:
                os.close(fd)
            warm.send_event(conn, event=refusal[0], why=refusal[1])
            if refusal[0] == "stale":  # restart once that client is done (it runs cold meanwhile)
                self.closing = "restart"
                self.waiting.append(conn)
            else:
                conn.close()
            return
        conn.settimeout(None)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                self.become_child(conn, fds, request)
                code = child.run_command(request)
            except KeyboardInterrupt:  # Ctrl-C before the command started: as during it
                code = 130
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(child.finish(code))
        for fd in fds:
            os.close(fd)
        self.children[pid] = conn
        warm.send_event(conn, event="started", pid=pid)

    def refusal(self, request: dict[str, Any], fds: list[int]) -> tuple[str, str] | None:
        """Why this runner cannot run the request (None: it can)."""
        argv, env, cwd = request.get("argv"), request.get("env"), request.get("cwd")
        if not (isinstance(argv, list) and all(isinstance(a, str) for a in argv) and argv):
            return "mismatch", "bad argv"
        if not (isinstance(env, dict) and all(isinstance(v, str) for v in [*env, *env.values()])):
            return "mismatch", "bad environment"
        if not isinstance(cwd, str) or len(fds) != 3:
            return "mismatch", "bad working folder or standard streams"
        if threading.active_count() > 1:  # never fork beside another thread (nothing here starts one)
            return "mismatch", "the runner has another thread running"
        if request.get("executable") != sys.executable:
            return "mismatch", f"another Python ({sys.executable} here)"
        if request.get("fingerprint") != self.code:
            if warm.fingerprint() != self.code:
                return "stale", "its code changed since it started"
            return "mismatch", "other code or contracts than the runner's"
        return None

    def become_child(self, conn: socket.socket, fds: list[int], request: dict[str, Any]) -> None:
        """In the forked child: leave the runner's session, signals and sockets; take the client's
        streams, folder, environment and arguments; read Prefect's settings again."""
        os.setsid()  # `server stop` or the runner's exit never takes a running command with it
        signal.set_wakeup_fd(-1)
        for fd in self.wake:
            os.close(fd)
        for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if self.listener is not None:
            self.listener.close()
        for other in [*self.children.values(), *self.waiting]:
            other.close()
        child.take_request(conn, fds, request)


def _recv_quiet(conn: socket.socket) -> bool:
    """Read from a waiting client's connection; False once it is closed."""
    try:
        return bool(conn.recv(4096))
    except OSError:
        return False


def server_up(server_pid: int, recorded: bool) -> bool | None:
    """Whether the server this runner serves is alive and still the recorded one: True (recorded),
    False (gone, another one recorded, or its record removed once `recorded` was seen), None (alive
    and not recorded yet: `server start` writes the state file once the server answers)."""
    from muniflow.commands.server import _alive, read_state

    state = read_state()
    if not _alive(server_pid):
        return False
    if state is None:
        return False if recorded else None
    return int(state.get("pid", 0)) == server_pid


def listen() -> socket.socket:
    """The runner's socket (mode 0600) in its owner-only folder; a stale socket file is replaced."""
    path = warm.private_folder() / warm.SOCKET_NAME
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o177)
    try:
        listener.bind(str(path))
    finally:
        os.umask(old)
    os.chmod(path, 0o600)
    listener.listen(16)
    return listener


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m muniflow.warm.runner")
    parser.add_argument("--api", required=True)
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("--idle-minutes", type=float, required=True)
    args = parser.parse_args(argv)
    for key, value in SINGLE_THREAD_ENV.items():
        os.environ.setdefault(key, value)
    os.environ["PREFECT_API_URL"] = args.api
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    code = warm.fingerprint()  # before the imports: an edit made while they run makes it stale
    started = time.process_time()
    import_stack()
    left = threads_left()
    if left:
        print(f"warm runner: not started, threads still running after the imports: {left}", flush=True)
        return 1
    gc.collect()
    gc.freeze()
    listener = listen()
    print(f"warm runner {os.getpid()} ready at {warm.socket_path()} ({time.process_time() - started:.1f} s "
          f"CPU of imports, {native_threads()} native thread(s))", flush=True)  # fmt: skip
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    runner = Runner(listener, args.server_pid, args.idle_minutes * 60, code, argv)
    try:
        outcome = runner.serve()
    finally:
        if runner.listener is not None:
            runner.stop_listening()
    if outcome == "restart":
        print("warm runner: code changed; restarting", flush=True)
        os.execv(sys.executable, [sys.executable, "-m", "muniflow.warm.runner", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
