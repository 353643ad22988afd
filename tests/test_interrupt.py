"""Ctrl-C stays an interrupt even where a library turns the signal into its own error.

DuckDB does that: on SIGINT during a query it raises `RuntimeError: Query interrupted` (seen as a
warm-runner command ending with status 1 instead of 130). When DuckDB notices the signal depends on
how the query's tasks are cut, so these tests use a stand-in that behaves the same way every time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from muniflow.interrupt import as_keyboard_interrupt, as_termination


def ctrl_c_soon(seconds: float = 0.2) -> threading.Timer:
    """SIGINT to this process in `seconds`, as Ctrl-C at a terminal."""
    timer = threading.Timer(seconds, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    return timer


def library_call(seconds: float = 30.0) -> str:
    """Work that a library stops on Ctrl-C, raising its own error in place of KeyboardInterrupt
    (as DuckDB's query execution does); returns normally if no signal came within `seconds`."""
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            time.sleep(0.01)
    except KeyboardInterrupt:
        raise RuntimeError("Query interrupted") from None
    return "no signal came"


def test_without_it_ctrl_c_is_the_librarys_error() -> None:
    timer = ctrl_c_soon()
    try:
        with pytest.raises(RuntimeError, match="interrupted"):
            library_call()
    finally:
        timer.join()


def test_ctrl_c_during_a_library_call_is_a_keyboard_interrupt() -> None:
    timer = ctrl_c_soon()
    try:
        with pytest.raises(KeyboardInterrupt) as raised, as_keyboard_interrupt():
            library_call()
    finally:
        timer.join()
    assert isinstance(raised.value.__cause__, RuntimeError)  # what the library raised is kept
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored


def test_an_error_without_ctrl_c_stays_itself() -> None:
    with pytest.raises(ZeroDivisionError), as_keyboard_interrupt():
        1 / 0  # noqa: B018


def test_an_ignored_ctrl_c_stays_ignored() -> None:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with as_keyboard_interrupt():
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


def test_the_command_reports_ctrl_c_as_status_130(monkeypatch, capsys) -> None:
    """`muniflow` as the process: an interrupted command says so and exits 130, no traceback."""
    from muniflow import cli

    def interrupted(_args: object) -> int:
        timer = ctrl_c_soon()
        try:
            library_call()
        finally:
            timer.join()
        return 0

    exits: list[int] = []
    monkeypatch.setitem(cli.COMMANDS, "query", interrupted)
    monkeypatch.setattr("sys.argv", ["muniflow", "query", "--list"])
    monkeypatch.setattr(cli, "_exit_now", exits.append)  # the process ends at once, exit handlers skipped
    assert cli.main() == 130
    assert exits == [130]
    assert "muniflow: interrupted" in capsys.readouterr().err


# SIGTERM during a flow run: Prefect's handler raises its TerminationSignal, which a DuckDB query
# swallows into `RuntimeError: Query interrupted` (seen as a warm-runner command ending with status
# 1 instead of being killed by SIGTERM, status 143). Run in a child process, with the same kind of
# stand-in for the library as above: a real query notices the signal only between its tasks.
STOPPED_CALL = """
import os, signal, sys, threading, time
from muniflow.interrupt import as_termination

class TerminationSignal(BaseException):  # as Prefect's flow engine raises on SIGTERM
    pass

def bridge(signum, frame):
    raise TerminationSignal(signum)

def library_call():
    end = time.monotonic() + 30
    try:
        while time.monotonic() < end:
            time.sleep(0.01)
    except TerminationSignal:
        raise RuntimeError("Query interrupted") from None

def run():
    signal.signal(signal.SIGTERM, bridge)
    threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGTERM)).start()
    library_call()

if sys.argv[1] == "guarded":
    with as_termination():
        run()
else:
    run()
"""


@pytest.mark.parametrize(("how", "ends_by_sigterm"), [("bare", False), ("guarded", True)])
def test_sigterm_during_a_library_call_ends_the_process_by_sigterm(how: str, ends_by_sigterm: bool) -> None:
    command = [sys.executable, "-c", STOPPED_CALL, how]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if ends_by_sigterm:
        assert done.returncode == -signal.SIGTERM, done.stderr
    else:  # the premise: the library turned the handler's exception into its own
        assert done.returncode == 1
        assert "Query interrupted" in done.stderr


def test_sigterm_after_a_block_that_ended_well_changes_nothing() -> None:
    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        with as_termination():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_an_error_without_sigterm_stays_itself_and_the_wakeup_fd_is_restored() -> None:
    with pytest.raises(ZeroDivisionError), as_termination():
        1 / 0  # noqa: B018
    assert signal.set_wakeup_fd(-1) == -1


INTERRUPTED_COMMAND = """
import atexit, pathlib, sys
from muniflow import cli
# as Prefect's event sender, which waits minutes at exit on a temporary API the Ctrl-C killed
atexit.register(pathlib.Path(sys.argv[1]).write_text, "exit handlers ran")
def interrupted(_args):
    raise KeyboardInterrupt
cli.COMMANDS["query"] = interrupted
sys.argv = ["muniflow", "query", "--list"]
sys.exit(cli.main())
"""


def test_an_interrupted_command_ends_at_once_skipping_the_exit_handlers(tmp_path: Path) -> None:
    """The process ends with status 130 right after saying so: no exit handler runs."""
    mark = tmp_path / "mark"
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_COMMAND, str(mark)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 130
    assert "muniflow: interrupted" in done.stderr
    assert not mark.exists()


PRINTING_COMMAND = """
import sys
from muniflow import cli
def printing(_args):
    for i in range(200000):
        print("line", i)
    return 0
cli.COMMANDS["query"] = printing
sys.argv = ["muniflow", "query", "--list"]
sys.exit(cli.main())
"""


def test_a_reader_leaving_the_pipe_ends_the_command_quietly() -> None:
    """`muniflow query … | head -1`: the command ends as a tool killed by SIGPIPE, no traceback."""
    child = subprocess.Popen(
        [sys.executable, "-c", PRINTING_COMMAND], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.readline() == b"line 0\n"
    child.stdout.close()  # as head does after its line
    status = child.wait(timeout=120)
    errors = child.stderr.read().decode()
    assert status == 141, errors
    assert "Traceback" not in errors
