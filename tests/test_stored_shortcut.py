"""A file stored as it is costs no load and no archive check (`warehouse.stored`, `pipeline`):
the answer read from the warehouse is the one the load would give, and the load is run whenever
it would change something."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from warehouse_fixtures import error, fresh_db, load, make_report, sha, snapshot, warning

from muniflow import pipeline, stages
from muniflow.file_outcome import FileOutcome
from muniflow.intake import expand as expand_module
from muniflow.intake.expand import expand
from muniflow.model import Report
from muniflow.warehouse import db, loader, stored

__all__ = ["fresh_db"]  # the fixture, used by name
SAMPLES = Path(__file__).resolve().parents[1] / "sample_inputs"


def _unenrich(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("delete from core.event_enrichment")


def _noop(con: duckdb.DuckDBPyConnection) -> None:
    return None


def _newer_version(con: duckdb.DuckDBPyConnection) -> None:
    load(con, "b", make_report(4))  # same region and quarter: "a" becomes superseded


# (why, first load of "a": report, flags, reason; what happens in between; the outcome of "a" now:
# report, reason; whether the load may be skipped)
CASES: list[tuple[str, Report | None, list, str | None, Callable, Report | None, str | None, bool]] = [
    ("loaded, same outcome: nothing to do", make_report(3), [error(1), warning(2)], None, _noop,
     make_report(3), None, True),
    ("loaded, now unreadable: a loaded file never goes back to quarantine", make_report(2), [], None, _noop,
     None, "corrupt_file", True),
    ("superseded by a newer version: still nothing to do", make_report(2), [], None, _newer_version,
     make_report(2), None, True),
    ("quarantined for its rows, still so", make_report(2), [], "no_rows", _noop,
     make_report(2), "no_rows", True),
    ("unreadable, still so: no rows", None, [], "corrupt_file", _noop, None, "corrupt_file", True),
    ("quarantined without a quarter, now given one: the load records it anew", make_report(2, period=None),
     [], None, _noop, make_report(2), None, False),
    ("loaded before enrichment existed: the load enriches it", make_report(2), [], None, _unenrich,
     make_report(2), None, False),
    ("timed out on a busy machine, now refused for what it holds: recorded anew", None, [], "timeout",
     _noop, None, "unknown_layout", False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("why", "report", "flags", "reason", "between", "again", "again_reason", "skipped"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_the_stored_answer_is_the_loads_answer(
    fresh_db, why, report, flags, reason, between, again, again_reason, skipped
):
    load(fresh_db, "a", report, flags, reason=reason)
    between(fresh_db)
    known = stored.stored_files(fresh_db, [("a.docx", sha("a"))])
    answer = stored.answer(known.get(("a.docx", sha("a"))), again, again_reason)
    before = snapshot(fresh_db)
    loaded = load(fresh_db, "a", again, reason=again_reason)
    if skipped:
        assert answer == loaded, why
        assert loaded.status == "unchanged" and snapshot(fresh_db) == before, why
    else:
        assert answer is None, why
        assert snapshot(fresh_db) != before, f"{why}: the load does change something"


def test_a_copy_under_another_path_is_not_stored_as_it_is(fresh_db):
    """The load records the new path of known content, so it must run."""
    load(fresh_db, "a", make_report(2))
    assert stored.stored_files(fresh_db, [("copy/a.docx", sha("a"))]) == {}
    assert stored.stored_files(fresh_db, [("a.docx", sha("other"))]) == {}
    assert set(stored.stored_files(fresh_db, [("a.docx", sha("a"))])) == {("a.docx", sha("a"))}


def test_a_stored_document_is_not_checked_for_being_an_archive(tmp_path: Path, monkeypatch) -> None:
    docx = Path(shutil.copy(SAMPLES / "invented_tver_2024_q4.docx", tmp_path))
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("r.docx", docx.read_bytes())
    checked: list[str] = []
    real = expand_module.run_sandboxed

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        checked.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(expand_module, "run_sandboxed", counting)
    result = expand([docx, archive], tmp_path / "w", documents={str(docx)})
    # the archive and its member (copied out under a safe name) are checked; the stored DOCX is not
    assert checked[0] == "two.zip" and len(checked) == 2 and docx.name not in checked, checked
    assert [i.name for i in result.inputs] == [str(docx), f"{archive}!r.docx"]
    assert [a.source_file for a in result.archives] == [str(archive)]


def test_a_run_loads_and_checks_only_what_is_not_stored(tmp_path: Path, monkeypatch) -> None:
    """Second run of an inbox of two stored files and one new one: the stored ones are neither
    loaded nor checked for being archives; the new one is both; the answers are the loads'."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.docx", "b.docx"):
        shutil.copy(SAMPLES / "invented_tver_2024_q4.docx", inbox / name)
        (inbox / name).write_bytes((inbox / name).read_bytes() + name.encode())  # distinct bytes
    loads: list[str] = []
    checked: list[str] = []
    real = expand_module.run_sandboxed
    monkeypatch.setattr(
        expand_module, "run_sandboxed", lambda p, *a, **k: checked.append(Path(p).name) or real(p, *a, **k)
    )
    with db.connect(tmp_path / "wh.duckdb") as con:

        def outcome(path: Path) -> tuple[FileOutcome, bool]:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            return FileOutcome(str(path), digest, "docx", None, reason="empty_file"), True

        def load_file(run_id: str, o: FileOutcome) -> loader.LoadResult:
            loads.append(Path(o.source_file).name)
            return stages.load_file(con, run_id, o)

        runner = pipeline.Runner(
            submit=lambda path, sha256, period, name: path,
            outcome=outcome,
            load=load_file,
            dedupe=lambda run_id, periods: 0,
            quality=lambda run_id, periods: None,
            connect=lambda: nullcontext(con),
        )
        first = pipeline.run_ingest([inbox], None, runner)
        assert loads == ["a.docx", "b.docx"] and checked == ["a.docx", "b.docx"]
        shutil.copy(inbox / "a.docx", inbox / "c.docx")  # known content under a new path
        loads.clear()
        checked.clear()
        again = pipeline.run_ingest([inbox], None, runner)
    assert loads == ["c.docx"], "a stored file was loaded again, or the new path was not recorded"
    assert checked == ["c.docx"], "a stored document was checked for being an archive"
    answers = {Path(f).name: r for f, r in again.loaded}
    assert answers["a.docx"] == replace(dict(first.loaded)[str(inbox / "a.docx")], status="unchanged")
    assert {r.status for r in answers.values()} == {"unchanged"}
