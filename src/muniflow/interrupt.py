"""Ctrl-C stays Ctrl-C: a command interrupted inside a library that turns the signal into its own
error still ends as an interrupt (exit status 130), not as a crash with a traceback.

DuckDB checks for signals while a query runs and, on SIGINT, cancels the query and raises
`RuntimeError: Query interrupted`; the KeyboardInterrupt Python's handler raised is lost on the
way. Within `as_keyboard_interrupt()` the SIGINT handler notes the signal before it raises, and an
exception leaving the block after a SIGINT becomes the KeyboardInterrupt it stands for.
"""

from __future__ import annotations

import signal
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
