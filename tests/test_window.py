"""The reporting window: the schedule, which day closes which quarter, a quiet day that reads
nothing, and the quarter-close artifact."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import nil_builders as nb
import pytest

from muniflow.model import Period
from muniflow.reporting.contract import Window
from muniflow.reporting.window import closing_quarter, previous_quarter, window_cron


@pytest.mark.parametrize(
    ("window", "cron", "reason"),
    [
        (None, "0 6 1-20 1,4,7,10 *", "the shipped contract: 06:00, days 1-20 after each quarter"),
        (Window(first_day=5, last_day=15, hour=7), "0 7 5-15 1,4,7,10 *", "configured in the contract"),
        (Window(first_day=10, last_day=10), "0 6 10 1,4,7,10 *", "a one-day window"),
    ],
)
def test_window_cron(window: Window | None, cron: str, reason: str) -> None:
    assert window_cron(window) == cron, reason


@pytest.mark.parametrize(
    ("day", "closes", "reason"),
    [
        (date(2025, 10, 20), Period(2025, 3), "the window's last day after Q3"),
        (date(2026, 1, 20), Period(2025, 4), "after Q4 the window is in the next year"),
        (date(2025, 10, 19), None, "inside the window, not its last day"),
        (date(2025, 11, 20), None, "the 20th of a month that follows no quarter"),
    ],
)
def test_closing_quarter(day: date, closes: Period | None, reason: str) -> None:
    assert closing_quarter(day, Window()) == closes, reason


def test_previous_quarter() -> None:
    assert [previous_quarter(date(2025, m, 1)).label for m in (1, 3, 4, 12)] == [
        "2024Q4",
        "2024Q4",
        "2025Q1",
        "2025Q3",
    ]


class _NoExtraction:
    """Stands in for the extract task: a quiet day must not read any file."""

    def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError(f"extraction started: {args}")


@pytest.mark.slow
def test_quiet_day_reads_nothing_and_close_writes_the_artifact(
    prefect_harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.extraction
    from flows.ingest import ingest_reports

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    nb.single_report(inbox / "lesnoy.docx", "Лесной район", ["Фестиваль дружбы"])
    nb.nil_only_row(inbox / "ozerny.docx", "Озёрный район", "Мероприятия не проводились")
    wh = tmp_path / "wh.duckdb"
    first = ingest_reports(paths=[str(inbox)], warehouse=str(wh), report_dir=str(tmp_path / "r1"))
    assert {(c["period"], c["reported"], c["nil"]) for c in first["completeness"]} == {("2025Q3", 1, 1)}

    monkeypatch.setattr(flows.extraction, "extract", _NoExtraction())
    quiet = ingest_reports(
        paths=[str(inbox)], warehouse=str(wh), report_dir=str(tmp_path / "close"), close_quarter=True
    )
    assert quiet["nothing_new"] and quiet["files"] == []
    con = duckdb.connect(str(wh), read_only=True)
    try:
        assert con.execute("select count(*) from runs").fetchone() == (1,), "a quiet day records no run"
    finally:
        con.close()
    closed = quiet["quarter_close"]
    last_ended = previous_quarter(date.today()).label
    assert closed["period"] == last_ended and closed["artifact"] == f"quarter-close-{last_ended.lower()}"
    assert Path(closed["report"]).is_file()

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[closed["artifact"]]))
        )
    assert artifacts and "Не представили отчёт" in str(artifacts[0].data)
