"""Worker processes that parse files under a memory limit and a wall-clock timeout.

A decompression bomb or a parser stuck in a loop then costs one worker, which is killed and
replaced, never the pipeline. Workers are started with 'spawn' (no inherited locks or threads from
the parent), warm up the readers once, and serve many files each over a pipe. Each has its own
temporary folder (a converter's LibreOffice profile, an OCR's pages), removed by the parent when
the worker ends, however it ends: a killed worker runs no clean-up of its own.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import queue
import resource
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from muniflow import import_gc
from muniflow.intake.checked import read_checked
from muniflow.intake.limits import MB, Limits
from muniflow.interrupt import ctrl_c_held, let_ctrl_c_go
from muniflow.model import ReaderError

# What a worker runs per file: (path, limits, *args) -> a picklable result, usually a RawDocument.
Task = Callable[..., Any]
_CONTEXT = multiprocessing.get_context("spawn")
_READY = "ready"


# Signals that stop a run (a terminal's Ctrl-C reaches the workers too, a service manager's stop,
# a closed terminal): a worker they end tells how the run went, not what its file holds.
_STOPPING = frozenset({signal.SIGTERM, signal.SIGINT, signal.SIGHUP})
# Seconds to wait for a worker whose pipe closed to give its exit code.
_SETTLE_S = 1.0


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, limits: Limits, task: Task):
        parent_end, child_end = _CONTEXT.Pipe()
        self.conn: Connection = parent_end
        self.scratch = tempfile.mkdtemp(prefix="muniflow-intake-")
        self.process: BaseProcess = _CONTEXT.Process(
            target=_serve,
            args=(child_end, limits.memory_mb, task, self.scratch),
            daemon=True,
            name="muniflow-intake",
        )
        try:
            with ctrl_c_held():  # a Ctrl-C during its start-up is the parent's to act on
                self.process.start()
        except BaseException:  # e.g. spawn refusing a script without a main guard: no folder left
            shutil.rmtree(self.scratch, ignore_errors=True)
            raise
        child_end.close()
        if not self.conn.poll(limits.worker_start_seconds) or _recv(self.conn) != _READY:
            self.process.join(timeout=1)  # one that died: its exit code
            code = self.process.exitcode
            self.kill()
            raise RuntimeError(_not_started(code, limits))

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def stop(self) -> None:
        """Ask the worker to exit; kill it if it does not."""
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(timeout=5)
        self.kill()

    def end(self) -> None:
        """End an idle worker now (SIGTERM): it holds nothing to save, and asking it to exit costs
        its interpreter's teardown (~0.2 s with the readers imported) when its parent is leaving."""
        self.process.terminate()
        self.process.join(timeout=5)
        self.kill()


def _not_started(code: int | None, limits: Limits) -> str:
    """Why a worker never said it was ready, by how it ended (`code`: None while it still runs)."""
    if code is None:
        return (
            f"an intake worker did not start within {limits.worker_start_seconds:g} s; is the machine "
            f"overloaded, or memory_mb={limits.memory_mb} too low? (contracts/intake.yaml)"
        )
    if code < 0:
        return f"an intake worker was ended by {signal.Signals(-code).name} while it started"
    return (
        f"an intake worker exited with code {code} while it started (its error is above); "
        f"is memory_mb={limits.memory_mb} too low? (contracts/intake.yaml)"
    )


def _recv(conn: Connection) -> Any:
    try:
        return conn.recv()
    except (EOFError, OSError):
        return None


class WorkerPool:
    """Up to `workers` sandboxed processes, started on demand; `open` is safe to call from many threads."""

    def __init__(self, workers: int, limits: Limits, task: Task = read_checked):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.limits = limits
        self._task = task
        self._size = workers
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()  # reuse the warmest worker first
        self._started = 0
        self._lock = threading.Lock()
        self._closed = False

    def open(self, path: Path, *args: Any) -> Any:
        """Run the task on one file (and `args`) in a worker; ReaderError for a refused file, a timeout,
        a dead worker."""
        return self.run(self._task, path, *args)

    def run(self, task: Task, path: Path, *args: Any) -> Any:
        """`open` with another task of the same kind (`task(path, limits, *args)`, importable by name)
        in the same workers, so one kept worker serves, say, the archive check and the extraction."""
        worker = self._acquire()
        try:
            worker.conn.send((task, path, self.limits, args))
            if not worker.conn.poll(self.limits.timeout_seconds):
                worker = self._replace(worker)
                raise ReaderError(
                    "timeout",
                    f"reading took over {self.limits.timeout_seconds:g} s and was stopped; the file may be "
                    "damaged or built to stall a reader: open it, save it again and re-send",
                )
            reply = _recv(worker.conn)
            if reply is None or reply[0] == "exit":
                worker.process.join(timeout=_SETTLE_S)  # its exit code, once it has one
                code = worker.process.exitcode
                worker = self._replace(worker)
                if code is not None and -code in _STOPPING:
                    raise ReaderError(
                        "interrupted",
                        f"reading was stopped by signal {-code} (the run was interrupted); the file "
                        "is read again on the next run",
                    )
                raise ReaderError(
                    "resource_limit",
                    f"reading the file took more than the {self.limits.memory_mb} MB of memory allowed or "
                    f"crashed the reader (worker exit code {code}); the file may be a decompression bomb",
                )
            if reply[0] == "ok":
                return reply[1]
            raise ReaderError(reply[1], reply[2])
        finally:
            self._release(worker)

    def _acquire(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise RuntimeError("the worker pool is closed")
            try:
                return self._idle.get_nowait()
            except queue.Empty:
                grow = self._started < self._size
                if grow:
                    self._started += 1
        if grow:
            try:
                return _Worker(self.limits, self._task)
            except BaseException:
                with self._lock:
                    self._started -= 1
                raise
        return self._idle.get()

    def _replace(self, worker: _Worker) -> _Worker:
        """Kill a worker that timed out or died and start a fresh one in its place."""
        worker.kill()
        return _Worker(self.limits, self._task)

    def _release(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            self._idle.put(worker)
        else:
            worker.kill()
            with self._lock:
                self._started -= 1

    def close(self, now: bool = False) -> None:
        """Stop every idle worker (`now`: end it rather than ask it to exit and wait); call once no
        `open` is running."""
        with self._lock:
            self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            if now:
                worker.end()
            else:
                worker.stop()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(conn: Connection, memory_mb: int, task: Task, scratch: str) -> None:
    """The worker's loop: cap its address space, warm up for `task`, then run the task each request
    names (usually `task`) until told to stop or its parent is gone (it then exits quietly). Its
    temporary files, and those of the programs it starts, go to `scratch`."""
    tempfile.tempdir = scratch
    os.environ["TMPDIR"] = scratch
    # Ended by SIGTERM (the parent's `end`, or multiprocessing ending a pool's daemon workers when
    # the pool's owner is itself a child process that exits): remove the folder, then die of it.
    signal.signal(signal.SIGTERM, lambda *_: _leave(scratch))
    try:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the parent closed its end
            _serve_until_stopped(conn, memory_mb, task)
    finally:  # a parent gone without ending this worker leaves the folder to it
        shutil.rmtree(scratch, ignore_errors=True)


def _leave(scratch: str) -> None:
    """Remove the worker's folder and end by SIGTERM's default action, skipping the interpreter's
    teardown as an ended worker always did."""
    shutil.rmtree(scratch, ignore_errors=True)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


def _serve_until_stopped(conn: Connection, memory_mb: int, task: Task) -> None:
    # Ctrl-C at a terminal reaches the whole process group: the parent decides (it stops or
    # kills its workers), so a worker never dies of it half-way through a reply.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    let_ctrl_c_go()  # held since the process started (`ctrl_c_held`)
    limit = memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import_gc.hold()  # for the warm-up's imports; the files' own objects are collected as usual
    import muniflow.readers  # noqa: F401  (warm-up: every later file pays nothing for imports)

    # and what the task's own module says it needs (`WARM_MODULES`, e.g. the row rules), then its
    # `WARM_UP` (a function run once, e.g. an invented file through the stages)
    module = sys.modules.get(getattr(task, "__module__", ""))
    for name in getattr(module, "WARM_MODULES", ()):
        importlib.import_module(name)
    if callable(warm := getattr(module, "WARM_UP", None)):
        warm()
    import_gc.release()
    conn.send(_READY)
    while (request := _recv(conn)) is not None:
        run, path, limits, args = request
        try:
            conn.send(("ok", run(Path(path), limits, *args)))
        except ReaderError as err:
            conn.send(("error", err.reason, err.message))
        except MemoryError:
            conn.send(("exit",))  # the heap may be left fragmented: a fresh worker takes over
            return
        except RecursionError:
            conn.send(
                ("error", "corrupt_file", "the file nests too deeply to read; save it again and re-send")
            )
        except Exception as exc:  # a parser's exception is the file's fault, any other a bug of ours
            conn.send(("error", *_unexpected(exc)))


def _unexpected(exc: Exception) -> tuple[str, str]:
    """Reason and message for an exception the task did not turn into a ReaderError itself."""
    from muniflow.readers.blame import INTERNAL_ERROR, blame

    what = f"{type(exc).__name__}: {exc}"
    if blame(exc) == INTERNAL_ERROR:
        return INTERNAL_ERROR, f"muniflow failed on this file ({what}); report it with the file"
    return "corrupt_file", f"the file could not be parsed ({what})"
