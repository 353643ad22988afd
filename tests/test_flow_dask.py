"""The same flow with extraction on a local Dask cluster (the scale-out path)."""

from __future__ import annotations

import shutil

import duckdb
import pytest

pytestmark = pytest.mark.slow


def test_flow_runs_on_a_local_dask_cluster(prefect_harness, samples, tmp_path):
    pytest.importorskip("prefect_dask")
    from prefect_dask import DaskTaskRunner

    from flows.ingest import ingest_reports

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("invented_tver_2024_q4.docx", "invented_pskov_2024_q3.docx"):
        shutil.copy(samples / name, inbox)
    wh = tmp_path / "wh.duckdb"
    # In-process workers: Dask's worker processes are daemonic and may not start the intake's
    # sandbox processes unless `distributed.worker.daemon` is off (see the README).
    runner = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": False})
    summary = ingest_reports.with_options(task_runner=runner)(
        paths=[str(inbox)], warehouse=str(wh), period=None, report_dir=str(tmp_path / "r")
    )
    assert [f["status"] for f in summary["files"]] == ["loaded", "loaded"]
    con = duckdb.connect(str(wh), read_only=True)
    try:
        periods = sorted(r[0] for r in con.execute("select period from reports").fetchall())
    finally:
        con.close()
    assert periods == ["2024Q3", "2024Q4"]
