"""Ctrl-C stays Ctrl-C, SIGTERM stays SIGTERM: a command stopped inside a library that turns the
signal into its own error still ends as that signal would (exit status 130, or killed by
SIGTERM), not as a crash with a traceback.

DuckDB checks for signals while a query runs and cancels the query, raising `RuntimeError: Query
interrupted`; the exception the Python handler raised is lost on the way: KeyboardInterrupt on
SIGINT, and on SIGTERM during a flow run the `TerminationSignal` of Prefect's handler (which would
have ended the process by the signal). Within `as_keyboard_interrupt()` the SIGINT handler notes
the signal before it raises, and an exception leaving the block after a SIGINT becomes the
KeyboardInterrupt it stands for. SIGTERM's handler is Prefect's, so `as_termination()` learns of
the signal from the interpreter's wakeup fd (written for every signal a Python handler receives).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def as_keyboard_interrupt() -> Iterator[None]:
    """Run the block with SIGINT noted; any exception after a SIGINT is re-raised as
    KeyboardInterrupt (chained to it). A SIGINT the process ignores, or handles its own way, and
    a block run outside the main thread are left as they are."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    if previous is not signal.default_int_handler:
        yield
        return
    seen: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:
        seen.append(signum)
        signal.default_int_handler(signum, frame)

    signal.signal(signal.SIGINT, note)
    try:
        yield
    except Exception as exc:
        if seen:
            raise KeyboardInterrupt from exc
        raise
    finally:
        signal.signal(signal.SIGINT, previous)


TERMINATING = (signal.SIGTERM, signal.SIGHUP)


@contextmanager
def as_termination() -> Iterator[None]:
    """Run the block with the signals a Python handler receives noted (the wakeup fd); if an
    exception leaves the block after a SIGTERM or SIGHUP, the process ends by that signal, with
    its default action, as it would have without the library that swallowed it. Outside the main
    thread, or where another wakeup fd is set, the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    read_fd, write_fd = os.pipe()
    os.set_blocking(read_fd, False)
    os.set_blocking(write_fd, False)
    previous = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    if previous != -1:  # somebody's own wakeup fd (an event loop's): theirs to keep
        signal.set_wakeup_fd(previous)
        os.close(read_fd)
        os.close(write_fd)
        yield
        return
    try:
        yield
    except BaseException:
        received = _drain(read_fd)
        for sig in TERMINATING:
            if sig in received:
                signal.signal(sig, signal.SIG_DFL)
                os.kill(os.getpid(), sig)
        raise
    finally:
        current = signal.set_wakeup_fd(previous)
        if current != write_fd:  # somebody set their own inside the block: theirs to keep
            signal.set_wakeup_fd(current)
        os.close(read_fd)
        os.close(write_fd)


def _drain(read_fd: int) -> set[int]:
    """The signal numbers written to the wakeup pipe so far."""
    received: set[int] = set()
    while True:
        try:
            chunk = os.read(read_fd, 512)
        except BlockingIOError:
            return received
        if not chunk:
            return received
        received.update(chunk)


def end_with_parent() -> None:
    """In a child process: SIGTERM when the process that started it dies (Linux's
    PR_SET_PDEATHSIG), so a command killed outright leaves none of its helpers behind (the
    temporary API, the checkpoint's process). Nothing on other systems."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGTERM), 0, 0, 0)


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """SIGINT blocked in the calling thread (any thread) for the block. A process started within it
    (spawn is fork and exec: the mask is inherited) holds a terminal's Ctrl-C, which reaches the
    whole process group, from its first instruction, so its interpreter's start and imports never
    end in a KeyboardInterrupt traceback; the process lets it go once it ignores it
    (`let_ctrl_c_go`). The calling process receives a Ctrl-C of those instants in another thread,
    or when the block ends."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def let_ctrl_c_go() -> None:
    """In a process started under `ctrl_c_held` that now ignores SIGINT: unblock it (a Ctrl-C held
    meanwhile is dropped), so the programs it starts get the usual mask."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
