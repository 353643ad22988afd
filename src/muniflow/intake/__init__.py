"""Intake: the only way a report file reaches a parser — sniffed, guarded, then read in a sandboxed worker.

`open_report` reads one file and raises ReaderError with a
stable reason code (see `REASONS`) and a message a person can act on. Input files are only ever
opened for reading.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import threading
from pathlib import Path
from typing import Any

from muniflow.intake.checked import read_checked
from muniflow.intake.limits import Limits, default_limits
from muniflow.intake.sandbox import Task, WorkerPool
from muniflow.model import RawDocument, ReaderError

REASONS = (
    "empty_file",
    "too_large",
    "unsupported_format",
    "legacy_doc",
    "encrypted",
    "macro_enabled",
    "corrupt_file",
    "dtd_forbidden",
    "too_many_pages",
    "no_text_layer",
    "no_table_found",
    "timeout",
    "interrupted",
    "resource_limit",
    "internal_error",
    "unsafe_archive",
    "archive_too_deep",
    "needs_ocr",
    "low_resolution",
    "lone_page",
)

_pools: dict[Limits, WorkerPool] = {}
_pools_lock = threading.Lock()


def open_report(path: Path, *, limits: Limits | None = None) -> RawDocument:
    """Read one report file in a sandboxed worker; ReaderError(reason, message) when it is refused.

    Workers are kept between calls (one pool per set of limits, whatever the task, as many workers
    as CPUs, started on demand), so a caller reading files one by one pays the process start-up once.
    """
    return run_sandboxed(Path(path), read_checked, limits=limits)


def run_sandboxed(path: Path, task: Task, *args: Any, limits: Limits | None = None) -> Any:
    """Run `task(path, limits, *args)` in a kept sandboxed worker: the task must start with
    `read_checked` (the guards), and may go on to work on the document where it was read."""
    return _shared_pool(limits or default_limits(), task).run(task, Path(path), *args)


def sha256_file(path: Path, chunk_size: int = 1 << 20) -> str:
    """Hex SHA-256 of a file's bytes, read in chunks so a big file costs no memory."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        for chunk in iter(lambda: f.read(chunk_size), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _shared_pool(limits: Limits, task: Task) -> WorkerPool:
    """The kept pool of these limits (one per set of limits, whatever the task: a worker started for
    one task serves the others too, e.g. the archive check before the extraction of a DOCX; it
    warms up for the task it was first made for)."""
    with _pools_lock:
        if limits not in _pools:
            _pools[limits] = WorkerPool(os.cpu_count() or 1, limits, task)
        return _pools[limits]


@atexit.register
def close_pools() -> None:
    """End the workers kept by `open_report` as the process exits (they are daemons, so this
    only makes exit tidy and quick)."""
    with _pools_lock:
        for pool in _pools.values():
            pool.close(now=True)
        _pools.clear()


__all__ = [
    "REASONS",
    "Limits",
    "ReaderError",
    "WorkerPool",
    "open_report",
    "run_sandboxed",
    "sha256_file",
]
