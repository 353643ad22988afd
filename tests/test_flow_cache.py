"""The flow reads an extraction's cache record itself (`flows.extraction.submit`): a file whose record
is in the `extract` task's result store is taken from it with no task run, any other is extracted by
the task; a record gone or expired by the time its file is loaded is extracted then."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from prefect.filesystems import LocalFileSystem
from prefect.results import ResultStore
from prefect.types._datetime import now

import flows.extraction as extraction


class _Task:
    """A stand-in for the `extract` task: records what was submitted or called."""

    def __init__(self) -> None:
        self.submitted: list[tuple[object, ...]] = []
        self.called: list[tuple[object, ...]] = []

    def submit(self, *args: object) -> str:
        self.submitted.append(args)
        return "future"

    def __call__(self, *args: object) -> str:
        self.called.append(args)
        return "extracted now"


@pytest.fixture
def task(monkeypatch: pytest.MonkeyPatch) -> _Task:
    stand_in = _Task()
    monkeypatch.setattr(extraction, "extract", stand_in)
    return stand_in


def _store(tmp_path) -> ResultStore:  # type: ignore[no-untyped-def]
    return ResultStore(result_storage=LocalFileSystem(basepath=str(tmp_path)), cache_result_in_memory=False)


def test_a_file_with_a_record_is_read_from_it_and_one_without_is_extracted(tmp_path, task):
    store = _store(tmp_path)
    kept = ("a.docx", "d1" * 32, None, None)
    tomorrow = now("UTC") + timedelta(days=1)
    store.write(obj="outcome of a", key=extraction.extraction_key(*kept), expiration=tomorrow)

    handle = extraction.submit(store, *kept)
    assert isinstance(handle, extraction.FromCache) and not task.submitted, "a record: no task run"
    assert handle.outcome() == ("outcome of a", True)

    other = ("b.docx", "d2" * 32, None, None)
    assert extraction.submit(store, *other) == "future" and task.submitted == [other]
    assert extraction.submit(store, "a.docx", "d1" * 32, "2024Q2", None) == "future", (
        "another period override is another key"
    )


def test_a_record_gone_or_expired_when_its_file_is_loaded_is_extracted_then(tmp_path, task):
    store = _store(tmp_path)
    args = ("c.pdf", "d3" * 32, None, "inbox.zip/c.pdf")
    key = extraction.extraction_key(*args)
    store.write(obj="stale", key=key, expiration=now("UTC") + timedelta(days=1))
    handle = extraction.submit(store, *args)
    (tmp_path / key).unlink()
    assert handle.outcome() == ("extracted now", False) and task.called == [args]

    expired = SimpleNamespace(
        read=lambda key: SimpleNamespace(result="old", metadata=SimpleNamespace(expiration=now("UTC"))),
    )
    assert extraction.FromCache(expired, key, args).outcome() == ("extracted now", False)


def test_a_store_not_on_this_machines_disk_is_asked(task):
    asked: list[str] = []
    remote = SimpleNamespace(
        metadata_storage=None, result_storage=object(), exists=lambda key: asked.append(key) or True
    )
    assert isinstance(extraction.submit(remote, "d.docx", "d4" * 32, None, None), extraction.FromCache)
    assert asked == [extraction.extraction_key("d.docx", "d4" * 32, None, None)]


def test_with_the_cache_refreshed_every_file_is_extracted(tmp_path, task, monkeypatch):
    from prefect.settings import PREFECT_TASKS_REFRESH_CACHE, temporary_settings

    store = _store(tmp_path)
    args = ("e.docx", "d5" * 32, None, None)
    store.write(obj="old outcome", key=extraction.extraction_key(*args))
    with temporary_settings({PREFECT_TASKS_REFRESH_CACHE: True}):
        again = extraction.submit(store, *args)
        assert again == "future", "the task writes its record anew, as Prefect would"
    assert isinstance(extraction.submit(store, *args), extraction.FromCache)


def test_a_record_on_this_machines_disk_is_read_as_the_store_reads_it(tmp_path, task, monkeypatch):
    """Read from its file here (the store's own `read` resolves the path three times), it is the
    record the store returns; a store with locks to respect is asked itself."""
    store = _store(tmp_path)
    args = ("f.docx", "d6" * 32, None, None)
    key = extraction.extraction_key(*args)
    store.write(obj={"rows": [1, 2]}, key=key, expiration=now("UTC") + timedelta(days=1))
    by_store = store.read(key)
    direct = extraction._read_record(store, key)
    assert (direct.result, direct.metadata.expiration) == (by_store.result, by_store.metadata.expiration)

    asked: list[str] = []
    monkeypatch.setattr(ResultStore, "read", lambda self, key, holder=None: asked.append(key))
    assert extraction.submit(store, *args).outcome() == ({"rows": [1, 2]}, True) and asked == []

    from prefect.locking.memory import MemoryLockManager

    locked = store.model_copy(update={"lock_manager": MemoryLockManager()})
    assert extraction._read_record(locked, key) is None and asked == [key], "with locks, the store reads"
