"""The `extract` task, and its cache as the flow reads it.

Extraction (read, interpret, normalize, row rules) of one file runs as one task run on the task
runner, cached by file content hash plus code version (`extraction_key`), so an unchanged inbox is
not read again. A file whose cache record is in the task's result store is taken from it by the
flow itself, with no task run (`submit`, `FromCache`), the way the task itself would have found
it; the flow waits on a running extraction holding the warehouse only briefly (`outcome_of`).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

from prefect import task
from prefect.context import TaskRunContext

from muniflow import prefetch, stages
from muniflow.codeversion import code_version
from muniflow.file_outcome import FileOutcome
from muniflow.intake.expand import Input, lineage_name
from muniflow.model import OF_THIS_RUN, Period
from muniflow.warehouse.held import Held

# How long the flow waits on an extraction still holding the warehouse: a cached extraction (a
# `--force` re-run) or one about to finish costs less to wait for than re-opening the file after a
# release (~50-100 ms of DuckDB catalog and migration checks); a longer wait releases it.
HOLD_WHILE_WAITING_S = 0.25


class FromCache:
    """An extraction whose cache record the flow reads itself, when the file's turn to load comes
    (so no more than one outcome is held at a time: memory stays flat in the number of files)."""

    def __init__(self, store: Any, key: str, extraction: tuple[Any, ...]) -> None:
        self.store, self.key, self.extraction = store, key, extraction

    def outcome(self) -> tuple[FileOutcome, bool]:
        """The cached outcome, or, when the record has gone or expired since, the file extracted now."""
        try:
            record = _read_record(self.store, self.key)
        except Exception:
            record = None
        if record is None or _expired(record.metadata.expiration):
            return extract(*self.extraction), False
        return cast(FileOutcome, record.result), True


def submit(store: Any, path: Path, sha256: str, period: str | None, name: str | None = None) -> Any:
    """The extraction of one file: its cache record when `store` holds one (the record the `extract`
    task would find under the same key, in the same result store: `extract_store`), read by the
    flow; else the `extract` task submitted. A cached task run records nothing the run's file table
    does not already say (the file, its state, `files_from_cache`) and costs ~20 ms of API calls
    and state logging: 2.3-2.5 s of a ~9 s `--force` re-run of 120 unchanged reports."""
    key = extraction_key(path, sha256, period, name)
    if not _refreshing() and _has_record(store, key):
        return FromCache(store, key, (path, sha256, period, name))
    return extract.submit(path, sha256, period, name)


def _refreshing() -> bool:
    """Whether cache records are to be written anew, not read (Prefect's setting, which the task's
    engine follows: PREFECT_TASKS_REFRESH_CACHE, or the task's own `refresh_cache`)."""
    from prefect.settings import PREFECT_TASKS_REFRESH_CACHE

    own = getattr(extract, "refresh_cache", None)
    return bool(own if own is not None else PREFECT_TASKS_REFRESH_CACHE.value())


def _record_file(store: Any, key: str) -> Path | None:
    """The file holding `store`'s record under `key`, where the store keeps its records on this
    machine in one file each, with no locks to respect; else None (the store is asked)."""
    from prefect.filesystems import LocalFileSystem

    storage = getattr(store, "result_storage", None)
    if (
        getattr(store, "metadata_storage", None) is None
        and getattr(store, "lock_manager", None) is None
        and isinstance(storage, LocalFileSystem)
        and storage.basepath
    ):
        return Path(str(storage.basepath)).expanduser() / key
    return None


def _has_record(store: Any, key: str) -> bool:
    """Whether `store` holds a record under `key`, by the file's presence where the store keeps its
    records on this machine (Prefect's `exists` reads and unpickles the whole record)."""
    file = _record_file(store, key)
    return file.is_file() if file is not None else bool(store.exists(key))


def _read_record(store: Any, key: str) -> Any:
    """`store`'s record under `key`, as `store.read` returns it; a record in a file of this machine
    is read and deserialized here, as the store itself does, without the store's path resolving
    (each key resolved three times, symbolic links followed): 1.4-2.2 ms a record in a flow run
    against ~0.5 ms, 0.1-0.2 s of a `--force` re-run of 120 unchanged reports."""
    file = _record_file(store, key)
    if file is None:
        return store.read(key)
    from prefect.results import ResultRecord

    return ResultRecord.deserialize(file.read_bytes(), backup_serializer=store.serializer)


def _expired(expiration: Any) -> bool:
    from prefect.types._datetime import now

    return expiration is not None and expiration <= now("UTC")


def extract_store() -> Any:
    """The result store of the `extract` task's cache records, as its task engine resolves it (its
    records not kept in memory once read: the flow reads each once)."""
    from prefect.results import get_result_store

    store = get_result_store().update_for_task(extract, _sync=True)  # type: ignore[call-arg]
    return cast(Any, store).model_copy(update={"cache_result_in_memory": False})


def outcome_of(future: Any, held: Held) -> tuple[FileOutcome, bool]:
    """An extraction's outcome and whether it came from the cache; the warehouse is released when
    the extraction is still running after a short wait, so others can open it while this run waits."""
    if isinstance(future, FromCache):
        return future.outcome()
    if not _ready(future):
        future.wait(HOLD_WHILE_WAITING_S)
        if not _ready(future):
            held.release()
    return future.result(), future.state.name == "Cached"


def _ready(future: Any) -> bool:
    """Whether an extraction's future has finished (so taking its result will not wait)."""
    done = getattr(getattr(future, "wrapped_future", None), "done", None)
    return bool(done()) if callable(done) else False


def extraction_key(path: Path, sha256: str, period: str | None, name: str | None = None) -> str:
    """Same path, same bytes, same period override, same code: same outcome (it names its path)."""
    named = hashlib.sha256(str(name or path).encode()).hexdigest()[:16]
    return f"muniflow-extract-{code_version()}-{sha256}-{named}-{period}"


def _extract_key(context: TaskRunContext, parameters: dict[str, Any]) -> str:
    """The `extract` task's cache key (`extraction_key` of its parameters)."""
    p = parameters
    return extraction_key(p["path"], p["sha256"], p.get("period"), p.get("name"))


def _extract_run_name() -> str:
    """«extract report.docx»: the file's name as it is recorded (a name whose bytes are no UTF-8,
    made on Windows, could not be sent to the API)."""
    from prefect.runtime import task_run

    path = task_run.parameters.get("path")
    return f"extract {Path(lineage_name(path)).name if path is not None else '?'}"


@task(
    cache_key_fn=_extract_key,
    cache_expiration=timedelta(days=365),
    persist_result=True,
    task_run_name=_extract_run_name,
)
def extract(path: Path, sha256: str, period: str | None, name: str | None = None) -> FileOutcome:
    """Read, interpret, normalize, check and enrich one file's rows (cached by content hash); `name`
    is its lineage when it is not its path (a member of an archive)."""
    ahead = prefetch.take(path, sha256, period, name)  # extracted while Prefect started (the CLI)
    if ahead is not None:
        outcome = cast(FileOutcome, ahead)
    else:
        item = Input(path, name or lineage_name(path))
        outcome = stages.process_input(item, Period.parse(period) if period else None, sha256=sha256)
    if outcome.reason in OF_THIS_RUN:
        _not_cached()
    return outcome


def _not_cached() -> None:
    """Keep this task run's outcome out of the cache: it says how this run went (a time limit hit on
    a busy machine), not what the file holds, so the next run reads the file again."""
    from prefect.transactions import get_transaction

    txn = get_transaction()
    if txn is not None:
        txn.write_on_commit = False
