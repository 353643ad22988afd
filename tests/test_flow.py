"""The Prefect flow end to end: versions, lineage to the flow run, caching, identical re-runs."""

from __future__ import annotations

import shutil

import duckdb
import pytest

pytestmark = pytest.mark.slow

CONTENT_VIEWS = ("reports", "extracted_rows", "events", "flagged_rows")


def _dump(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for view in CONTENT_VIEWS:
            cols = [r[0] for r in con.execute(f"describe {view}").fetchall()]
            keep = [c for c in cols if c not in {"ingested_at"}]
            rows = con.execute(f"select {', '.join(keep)} from {view}").fetchall()
            out[view] = sorted(map(repr, rows))
        return out
    finally:
        con.close()


def test_flow_loads_versions_caches_and_is_idempotent(prefect_harness, samples, tmp_path, monkeypatch):
    from flows.ingest import ingest_reports
    from muniflow import stages
    from muniflow.intake import expand

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for suffix in (".docx", ".pdf"):
        shutil.copy(samples / f"invented_tver_2024_q4{suffix}", inbox)
    wh = tmp_path / "wh.duckdb"

    state = ingest_reports(
        paths=[str(inbox)], warehouse=str(wh), report_dir=str(tmp_path / "r1"), return_state=True
    )
    first = state.result()
    flow_run_id = str(state.state_details.flow_run_id)
    con = duckdb.connect(str(wh), read_only=True)
    statuses = dict(con.execute("select format, status from reports").fetchall())
    run_ids = con.execute("select flow_run_id from runs").fetchall()
    con.close()
    # the PDF is ingested second: a new version of the same region and period supersedes the DOCX
    assert statuses == {"docx": "superseded", "pdf": "loaded"}
    assert run_ids == [(flow_run_id,)]
    assert (tmp_path / "r1" / "dq_report.html").exists()
    before = _dump(wh)

    def unexpected(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a --force re-run of stored files loaded one or checked it for an archive")

    # every file is stored as it is: no load (its "unchanged" comes from one lookup) and no archive
    # check in an intake worker (the warehouse holds it as a document)
    monkeypatch.setattr(stages, "load_file", unexpected)
    monkeypatch.setattr(expand, "run_sandboxed", unexpected)
    for again in range(2):
        summary = ingest_reports(
            paths=[str(inbox)], warehouse=str(wh), report_dir=str(tmp_path / f"r{again}"), force=True
        )
        assert summary["files_from_cache"] == 2, "an unchanged inbox is not extracted again"
        assert summary["report"] is None, "an unchanged inbox is not checked or reported again"
        assert _dump(wh) == before, "re-ingesting an unchanged inbox changes nothing"
        assert {f["status"] for f in summary["files"]} == {"superseded", "loaded"}
        assert all(f["seen_before"] for f in summary["files"])
    quiet = ingest_reports(paths=[str(inbox)], warehouse=str(wh))
    assert quiet["nothing_new"] and quiet["files"] == [], (
        "without force an unchanged inbox is not even looked up"
    )
    assert _dump(wh) == before
    assert first["files_from_cache"] in (0, 2)  # 2 only when an earlier session cached these bytes
