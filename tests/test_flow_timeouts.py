"""A file refused for how its run went (a time limit on a busy machine) is read again next run."""

from __future__ import annotations

import shutil
import uuid

import pytest

pytestmark = pytest.mark.slow


def test_a_timed_out_file_is_neither_cached_nor_held_as_stored(
    prefect_harness, samples, tmp_path, monkeypatch
):
    from flows.ingest import ingest_reports
    from muniflow import stages
    from muniflow.file_outcome import FileOutcome

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    scan = inbox / "scan.docx"
    shutil.copy(samples / "invented_tver_2024_q4.docx", scan)
    with scan.open("ab") as f:  # bytes of their own, so no earlier session's cache holds them
        f.write(uuid.uuid4().bytes)
    wh = tmp_path / "wh.duckdb"
    reads: list[str] = []

    def timed_out(item, period=None, sha256=None):  # type: ignore[no-untyped-def]
        reads.append(item.name)
        return FileOutcome(item.name, sha256 or "", None, None, reason="timeout", message="busy")

    monkeypatch.setattr(stages, "process_input", timed_out)
    first = ingest_reports(paths=[str(inbox)], warehouse=str(wh))
    assert [f["status"] for f in first["files"]] == ["quarantined"] and len(reads) == 1
    again = ingest_reports(paths=[str(inbox)], warehouse=str(wh))
    assert not again.get("nothing_new"), "a timed-out file is not held as stored: the daily run reads it"
    assert len(reads) == 2 and again["files_from_cache"] == 0, "nor is its outcome taken from the cache"
    forced = ingest_reports(paths=[str(inbox)], warehouse=str(wh), force=True)
    assert len(reads) == 3 and forced["files_from_cache"] == 0
