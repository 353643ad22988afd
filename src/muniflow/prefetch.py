"""Begin extracting the first files of an ingestion before Prefect is up, so the work overlaps
Prefect's import and its API's start instead of following them.

A cold `muniflow ingest` spends its first seconds starting things: importing Prefect (~2 s of
CPU), and with no server configured starting the temporary API (~9 s of CPU). The extraction of
the first files (one per core) runs in the sandboxed intake workers, in processes of their own,
so `start()` hands them to the workers from a background thread right away. The flow's extraction
task of such a file (`flows/extraction.extract`) then takes the outcome already made (`take`) instead
of extracting again: the task run, its cache key and its persisted result are the same as if it
had done the work itself. Files that are archives are left to the flow (their members are named
by lineage there); only as many files as there are cores are fetched ahead, so memory stays flat.
"""

from __future__ import annotations

import os
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

_ahead: dict[tuple[str, str, str | None], Future[Any]] = {}
_lock = threading.Lock()


def task_runner_name(name: str | None = None) -> str:
    """The task runner an ingestion uses: `--task-runner`, else $MUNIFLOW_TASK_RUNNER, else threads.
    Only with threads can the flow's tasks take what was fetched here (other runners run tasks
    in other processes)."""
    return (name or os.environ.get("MUNIFLOW_TASK_RUNNER") or "threads").lower()


def start(files: list[Path], period: str | None) -> None:
    """Extract the first `cpu_count` of `files` in the background (period: the `--period` label)."""
    if os.environ.get("MUNIFLOW_NO_WARMUP"):
        return
    from muniflow.intake import sha256_file

    waiting = []
    for path in files[: os.cpu_count() or 1]:  # registered now, so the flow never misses one
        future: Future[Any] = Future()
        digest = sha256_file(path)
        with _lock:
            _ahead[str(path), digest, period] = future
        waiting.append((path, digest, future))
    threading.Thread(target=_fetch_all, args=(waiting, period), name="muniflow-prefetch", daemon=True).start()


def _fetch_all(waiting: list[tuple[Path, str, Future[Any]]], period: str | None) -> None:
    with ThreadPoolExecutor(len(waiting) or 1) as pool:
        for path, digest, future in waiting:
            pool.submit(_fetch, path, digest, period, future)


def _fetch(path: Path, digest: str, period: str | None, future: Future[Any]) -> None:
    """Extract one file as the flow's task would; an archive or any failure is left to the flow."""
    try:
        from muniflow import stages
        from muniflow.intake import run_sandboxed
        from muniflow.intake.archive import looks_like_zip, unpack_checked
        from muniflow.intake.expand import Input, lineage_name
        from muniflow.model import Period

        if looks_like_zip(path):
            with tempfile.TemporaryDirectory(prefix="muniflow-prefetch-") as scratch:
                if run_sandboxed(path, unpack_checked, scratch) is not None:  # an archive
                    raise LookupError("an archive: its members are read by the flow")
        item = Input(path, lineage_name(path))
        future.set_result(stages.process_input(item, Period.parse(period) if period else None, digest))
    except BaseException as exc:  # the flow extracts the file itself and reports what failed
        future.set_exception(exc)


def take(path: Path, sha256: str, period: str | None, name: str | None = None) -> Any | None:
    """The outcome fetched ahead for this file, bytes and period (waiting for it), else None."""
    from muniflow.intake.expand import lineage_name

    if name not in (None, lineage_name(path)):
        return None
    with _lock:
        future = _ahead.pop((str(path), sha256, period), None)
    if future is None:
        return None
    wait([future])  # a signal's exception while this thread waits (Ctrl-C, Prefect's SIGTERM) is raised
    if future.exception() is not None:
        return None
    return future.result()
