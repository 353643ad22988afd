"""The checkpoint of one `muniflow ingest` in a process of its own, started with the command.

Importing Great Expectations costs about 3-4 s of one core once Prefect is imported, and Python
imports one module at a time per process: in the command's own process that import (a background
thread since the files were submitted) shared the interpreter with the flow, so on one report the
load, the duplicate rule and the checkpoint all waited for it, while the second core idled once the
file was read (one report against a running server: 5.2-6.2 s, of which ~1.5 s after the rows were
checked for duplicates).

`start()`, called where the command knows it will read files (so that a checkpoint follows), spawns
a process that imports GX and builds the contract's checker (`checkpoint._checker`) at once, on
whichever core is free, while the command imports Prefect and reads the files. `run(frames)` then
sends it the views the checkpoint reads and the contract file this process resolved, and returns
its `QualityResult`; a checkpoint that fails there raises here as it would have in process.
Nothing is started where GX is already imported (a warm runner, a test session) or with
MUNIFLOW_NO_WARMUP; if the process is gone, `run` returns None and the checkpoint runs in this
process. The command ends it (`stop`) once its flow returns; it also ends when this process's end
of the pipe closes or this process dies. It ignores Ctrl-C,
which the terminal sends the whole process group: the command decides, and ends it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Mapping
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from muniflow.quality.result import QualityResult

_CONTEXT = multiprocessing.get_context("spawn")  # no inherited threads or locks (Prefect's, DuckDB's)
_worker: tuple[BaseProcess, Connection] | None = None
_lock = threading.Lock()


def start() -> bool:
    """Spawn the checkpoint's process unless GX is imported here, MUNIFLOW_NO_WARMUP is set or it
    is already started; returns whether one runs."""
    if os.environ.get("MUNIFLOW_NO_WARMUP") or "great_expectations" in sys.modules:
        return _worker is not None
    spawn()
    return True


def spawn() -> None:
    """Spawn the checkpoint's process, unless one runs (`start` says when it is worth it)."""
    global _worker
    with _lock:
        if _worker is None:
            ours, theirs = _CONTEXT.Pipe()
            process = _CONTEXT.Process(target=_serve, args=(theirs,), daemon=True, name="muniflow-checks")
            _start_deaf_to_ctrl_c(process)
            theirs.close()
            _worker = (process, ours)


def started() -> bool:
    """Whether this process started a checkpoint process (GX is then imported there, not here)."""
    return _worker is not None


def run(frames: Mapping[str, pd.DataFrame], contract: Path) -> QualityResult | None:
    """The checkpoint of `frames` against the contract file `contract` (`checkpoint.run_checkpoint`
    without Data Docs) in the process; None when there is none or it has ended (the caller then
    runs it itself).

    Raises:
        Exception: what the checkpoint raised in the process.
    """
    with _lock:
        if _worker is None:
            return None
        conn = _worker[1]
        try:
            conn.send((str(contract), dict(frames)))
            kind, value = conn.recv()
        except (EOFError, OSError):  # killed or failed to start: this process checks itself
            _forget()
            return None
    if kind == "error":
        raise value
    return value  # type: ignore[no-any-return]


def stop() -> None:
    """End the process at once, whatever it is doing (importing GX, say, after a run that failed
    before its checkpoint), and forget it."""
    with _lock:
        _forget()


def _forget() -> None:
    global _worker
    if _worker is not None:
        process, conn = _worker
        _worker = None
        conn.close()
        process.terminate()
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()


def _start_deaf_to_ctrl_c(process: BaseProcess) -> None:
    """Start `process` with SIGINT ignored from its first instruction: the terminal's Ctrl-C
    reaches the whole process group, and a process interrupted in its imports prints a
    KeyboardInterrupt traceback over the command's own «interrupted». The command ends it (`stop`,
    or its pipe's end, or its death: `interrupt.end_with_parent`). Only the main thread sets a handler."""
    if threading.current_thread() is not threading.main_thread():
        process.start()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # inherited by the new process
    try:
        process.start()
    finally:
        signal.signal(signal.SIGINT, previous)


def _serve(conn: Connection) -> None:
    """The process: import GX and build the checker, then answer each request until the pipe ends."""
    from muniflow import import_gc
    from muniflow.interrupt import end_with_parent

    end_with_parent()  # not left importing GX for seconds after a command killed outright
    import_gc.hold()
    try:
        _thread_lock_for_tqdm()
        from muniflow.contracts import load_contract
        from muniflow.quality import checkpoint

        with contextlib.suppress(Exception):  # a failure shows when a request runs it again
            checkpoint._checker(load_contract())  # the contract a request names, most likely
    finally:
        import_gc.release()
    while True:
        try:
            path, frames = conn.recv()
        except (EOFError, OSError):
            return
        reply: tuple[str, Any]
        try:
            reply = ("ok", checkpoint.run_checkpoint(frames, None, load_contract(Path(path))))
        except Exception as exc:
            reply = ("error", exc)
        try:
            conn.send(reply)
        except Exception as exc:  # an exception that does not pickle: its text does
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}; checkpoint: {reply[1]!r}")))


def _thread_lock_for_tqdm() -> None:
    """Give tqdm (GX makes a progress bar per validation, hidden or not) a thread lock. Its default
    lock includes a multiprocessing semaphore, which this process, ended from outside at the
    command's exit, would leave to the resource tracker, which warns about it on the terminal."""
    try:
        import tqdm
    except ImportError:
        return
    tqdm.tqdm.set_lock(threading.RLock())
