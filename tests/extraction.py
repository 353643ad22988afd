"""Test-only ways into the pipeline that production never takes (moved out of src/).

`extract_file` reads one file in the shared sandbox and interprets it in this process (production
runs every pure stage in the worker: `stages.process_file`); `open_reports` reads many files on a
pool of sandboxed workers and yields documents or errors in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from muniflow import stages
from muniflow.file_outcome import FileOutcome
from muniflow.intake import Limits, WorkerPool, open_report, run_sandboxed, scan, sha256_file
from muniflow.intake.limits import default_limits
from muniflow.model import Period, RawDocument, ReaderError


def extract_file(path: Path, period: Period | None = None, sha256: str | None = None) -> FileOutcome:
    """Read (sandboxed), interpret and normalize one file; an unreadable file becomes quarantined."""
    digest = sha256 or sha256_file(path)
    try:
        try:
            doc = open_report(path)
        except ReaderError as err:
            if err.reason != scan.NEEDS_OCR:
                raise
            kind, pages = scan.parse_signal(err.message)
            doc = run_sandboxed(path, scan.read_scan, kind, limits=stages.ocr_limits(pages))
        return stages.interpret_file(path, doc, period, digest)
    except ReaderError as err:
        return FileOutcome(str(path), digest, None, None, reason=err.reason, message=err.message)


def open_reports(
    paths: Iterable[Path], *, workers: int, limits: Limits | None = None
) -> Iterator[tuple[Path, RawDocument | ReaderError]]:
    """Read many files on `workers` sandboxed processes; yields (path, document or error) in input order."""
    with WorkerPool(workers, limits or default_limits()) as pool, ThreadPoolExecutor(workers) as threads:
        futures = [(path, threads.submit(_outcome, pool, Path(path))) for path in paths]
        try:
            for path, future in futures:
                yield path, future.result()
        finally:
            for _, future in futures:
                future.cancel()


def _outcome(pool: WorkerPool, path: Path) -> RawDocument | ReaderError:
    try:
        return pool.open(path)
    except ReaderError as err:
        return err
