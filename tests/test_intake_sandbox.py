"""The worker pool: a stuck, bloated or crashing worker costs one file, and the pool goes on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import badfiles as bf
import pytest
from extraction import open_reports

from muniflow.intake import Limits, WorkerPool, open_report
from muniflow.model import RawDocument, ReaderError
from muniflow.readers.ocr import missing as missing_ocr

LIMITS = dataclasses.replace(Limits.load(), timeout_seconds=2, memory_mb=512)

# (what the task is told to do, expected reason or None for a normal return, why)
MISBEHAVIOUR = [
    ("sleep", "timeout", "a parser in an endless loop is killed at the wall-clock limit"),
    ("allocate", "resource_limit", "RLIMIT_AS turns an 8 GiB allocation into MemoryError in the worker"),
    ("die", "resource_limit", "a worker killed by a signal (e.g. the OOM killer) is reported, not hung on"),
    ("terminate", "interrupted", "a worker stopped as a run is stopped says so: no fault of the file's"),
    ("raise", "corrupt_file", "a library's own exception on a malformed file is the file's fault"),
    ("bug", "internal_error", "an exception out of muniflow's own code is ours, never the file's"),
    ("fine", None, "a normal file still works after all of the above"),
]


@pytest.fixture(scope="module")
def pool() -> WorkerPool:
    with WorkerPool(1, LIMITS, task=bf.misbehave) as p:  # type: ignore[arg-type]
        yield p


@pytest.mark.parametrize(
    ("command", "reason"), [(c, r) for c, r, _ in MISBEHAVIOUR], ids=[c for c, *_ in MISBEHAVIOUR]
)
def test_misbehaving_worker(pool: WorkerPool, tmp_path: Path, command: str, reason: str | None) -> None:
    path = tmp_path / "cmd.txt"
    path.write_text(command)
    if reason is None:
        assert pool.open(path) == command
    else:
        with pytest.raises(ReaderError) as caught:
            pool.open(path)
        assert caught.value.reason == reason


def test_a_worker_imports_with_the_collector_held_back_then_serves_with_its_defaults(
    pool: WorkerPool, tmp_path: Path
) -> None:
    """The readers' imports are frozen (never walked again by the collector) and the files' own
    objects collected with the default thresholds."""
    import gc

    path = tmp_path / "cmd.txt"
    path.write_text("collector")
    thresholds, frozen = pool.open(path)
    assert tuple(thresholds) == gc.get_threshold(), "the worker serves files with the default thresholds"
    assert frozen > 10_000, "what the warm-up imported is frozen"


def test_open_reports_matches_open_report_in_input_order(tmp_path: Path) -> None:
    files = [
        bf.docx_report(tmp_path / "a.docx"),
        tmp_path / "b.pdf",
        tmp_path / "c.docx",
        bf.docx_without_table(tmp_path / "d.docx"),
        tmp_path / "e.pdf",
    ]
    files[1].write_bytes(bf.table_pdf())
    files[2].write_bytes(b"")
    files[4].write_bytes(bf.scanned_pdf())
    results = list(open_reports(files, workers=2))
    assert [p for p, _ in results] == files
    kinds = [r.reason if isinstance(r, ReaderError) else r.format for _, r in results]
    scan = "no_text_layer" if missing_ocr() else "needs_ocr"  # OCR is run by stages.process_file
    assert kinds == ["docx", "pdf", "empty_file", "no_table_found", scan]
    single = open_report(files[0])
    first = results[0][1]
    assert isinstance(first, RawDocument) and first.tables == single.tables


def test_pool_refuses_zero_workers() -> None:
    with pytest.raises(ValueError):
        WorkerPool(0, LIMITS)


def test_a_worker_ignores_ctrl_c_and_leaves_quietly_when_its_parent_is_gone(tmp_path: Path, capfd) -> None:
    """Ctrl-C at a terminal reaches the whole process group; the worker leaves the decision to its
    parent, and a parent gone mid-request (interrupted) costs no traceback on the user's terminal."""
    import os
    import signal

    from muniflow.intake.sandbox import _Worker

    path = tmp_path / "cmd.txt"
    path.write_text("fine")
    worker = _Worker(LIMITS, bf.misbehave)
    try:
        os.kill(worker.process.pid, signal.SIGINT)
        worker.conn.send((bf.misbehave, str(path), LIMITS, ()))
        assert worker.conn.poll(60), f"no reply (exit code {worker.process.exitcode})"
        assert worker.conn.recv() == ("ok", "fine")  # the SIGINT did not stop it
        worker.conn.send((bf.misbehave, str(path), LIMITS, ()))
        worker.conn.close()  # the parent is gone before the reply
        worker.process.join(timeout=60)
        assert worker.process.exitcode == 0
        assert not Path(worker.scratch).exists()  # the worker removed its own temporary folder
    finally:
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
    assert "Traceback" not in capfd.readouterr().err


def test_a_ctrl_c_while_a_worker_starts_up_neither_stops_it_nor_prints(
    tmp_path: Path, capfd, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C the instant a worker is spawned (pools start them from their callers' threads) hits
    its interpreter's start and imports: it is held until the worker ignores it, then dropped."""
    import os
    import signal
    import threading
    from multiprocessing.process import BaseProcess

    from muniflow.intake.sandbox import _Worker

    start = BaseProcess.start

    def start_then_ctrl_c(process: BaseProcess) -> None:
        start(process)
        os.kill(process.pid, signal.SIGINT)  # as the terminal sends it to the process group

    monkeypatch.setattr(BaseProcess, "start", start_then_ctrl_c)
    path = tmp_path / "cmd.txt"
    path.write_text("fine")
    started: list[_Worker] = []
    caller = threading.Thread(target=lambda: started.append(_Worker(LIMITS, bf.misbehave)))
    caller.start()
    caller.join(90)
    assert started, "the worker did not start"
    worker = started[0]
    try:
        worker.conn.send((bf.misbehave, str(path), LIMITS, ()))
        assert worker.conn.poll(60), f"no reply (exit code {worker.process.exitcode})"
        assert worker.conn.recv() == ("ok", "fine")
        status = Path(f"/proc/{worker.process.pid}/status").read_text()
        blocked = next(line for line in status.splitlines() if line.startswith("SigBlk:"))
        assert not int(blocked.split()[1], 16) & (1 << (signal.SIGINT - 1))  # let go once ignored
    finally:
        worker.kill()
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())  # the caller's mask is back
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize(("now", "exit_code"), [(False, 0), (True, -15)], ids=["asked", "ended"])
def test_closing_asks_idle_workers_to_exit_or_ends_them_when_the_parent_leaves(
    tmp_path: Path, now: bool, exit_code: int
) -> None:
    """A closing pool asks its workers to exit and waits; the parent's own exit ends them at once
    (SIGTERM), sparing their interpreters' teardown: they hold nothing to save."""
    path = tmp_path / "cmd.txt"
    path.write_text("fine")
    pool = WorkerPool(1, LIMITS, task=bf.misbehave)  # type: ignore[arg-type]
    assert pool.open(path) == "fine"
    worker = pool._idle.queue[0]
    pool.close(now=now)
    assert worker.process.exitcode == exit_code


@pytest.mark.parametrize("ending", ["asked", "ended", "timed out"])
def test_a_workers_temporary_files_go_when_it_ends(tmp_path: Path, ending: str) -> None:
    """Whatever a worker (or a program it started) leaves in its temporary folder is removed when
    the worker ends, also when it is ended or killed and runs no clean-up of its own."""
    scratch, sleep = tmp_path / "scratch.txt", tmp_path / "sleep.txt"
    scratch.write_text("scratch")
    sleep.write_text("sleep")
    limits = dataclasses.replace(LIMITS, timeout_seconds=1)
    pool = WorkerPool(1, limits, task=bf.misbehave)  # type: ignore[arg-type]
    try:
        left = Path(pool.open(scratch))
        assert left.is_dir()
        if ending == "timed out":
            with pytest.raises(ReaderError):
                pool.open(sleep)
        else:
            pool.close(now=ending == "ended")
        assert not left.exists()
    finally:
        pool.close(now=True)


def test_a_worker_ended_by_sigterm_from_anyone_removes_its_folder(tmp_path: Path) -> None:
    """A pool owned by a process that is itself a multiprocessing child is not closed at that
    child's exit: multiprocessing ends its daemon workers by SIGTERM. The worker removes its own
    folder then, and still ends as killed by SIGTERM."""
    from muniflow.intake.sandbox import _Worker

    path = tmp_path / "cmd.txt"
    path.write_text("scratch")
    worker = _Worker(LIMITS, bf.misbehave)
    try:
        worker.conn.send((bf.misbehave, str(path), LIMITS, ()))
        assert worker.conn.poll(60)
        left = Path(worker.conn.recv()[1])
        assert left.is_dir()
        worker.process.terminate()  # not the parent's `end`, which removes the folder itself
        worker.process.join(timeout=60)
        assert worker.process.exitcode == -15
        assert not Path(worker.scratch).exists()
    finally:
        worker.kill()


def test_a_worker_that_cannot_be_started_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker process that fails to start (spawn refuses a script run without a main guard)
    leaves no temporary folder behind."""
    import tempfile

    from muniflow.intake import sandbox

    class Refused:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def start(self) -> None:
            raise RuntimeError("an attempt has been made to start a new process before bootstrapping")

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(sandbox._CONTEXT, "Process", Refused)
    with pytest.raises(RuntimeError, match="bootstrapping"):
        sandbox._Worker(LIMITS, bf.misbehave)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_a_worker_that_dies_while_it_starts_says_how(capfd) -> None:
    """Too little memory to import the readers: the worker exits with its error printed (a library
    it cannot map), and the error says it exited while it started (not that it took too long)."""
    from muniflow.intake.sandbox import _Worker

    starved = dataclasses.replace(LIMITS, memory_mb=64, worker_start_seconds=60)
    with pytest.raises(RuntimeError, match=r"exited with code 1 while it started .*memory_mb=64"):
        _Worker(starved, bf.misbehave)  # type: ignore[arg-type]
    assert "Traceback" in capfd.readouterr().err
