"""The report's review parts: open and decided flags apart, notes, stale decisions, SVG charts that
Chromium renders offline; `report --run` shows a run's flags as they stood at its end."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_dqreport_browser import CHROMIUM, chromium, visible_text

from muniflow.dqcharts import COLOURS, Bar, bar_chart
from muniflow.dqreport import render_html, write_report


def flag(seq: int, municipality: str, rule: str, severity: str, decision: str | None = None, **more) -> dict:
    return {
        "run_id": "run-1",
        "report_id": "rep",
        "source_file": "report.docx",
        "source_locator": f"table 1, row {seq + 2}",
        "seq_no": seq,
        "municipality": municipality,
        "rule": rule,
        "severity": severity,
        "message": f"{rule} на строке {seq}",
        "field": "title",
        "value": "значение",
        "quarantined": severity == "error" and decision is None,
        "related_event_id": None,
        "row_key": f"rkey{seq}",
        "review_decision": decision,
        "reviewed_by": "analyst" if decision else None,
        "reviewed_at": pd.Timestamp("2024-07-02 10:00") if decision else None,
        **more,
    }


FLAGGED = pd.DataFrame(
    [
        flag(1, "Город Альфа", "quarter_consistency", "error", "release"),
        flag(2, "Город Альфа", "quarter_consistency", "error"),
        flag(3, "Район Бета", "mixed_script", "warning", "accept"),
        flag(4, "Район Бета", "mixed_script", "warning"),
        flag(5, "Район Гамма", "duplicate_event", "error", "distinct"),
    ]
)
EVENTS = pd.DataFrame(
    {
        "event_id": [f"ev-{i}" for i in range(6)],
        "start_date": pd.to_datetime(
            ["2024-04-01", "2024-04-20", "2024-05-03", "2024-06-10", "2024-06-11", "2024-06-30"]
        ),
    }
)
DECISION_COLUMNS = (
    "row_key",
    "decision",
    "note",
    "by",
    "at",
    "stale",
    "period",
    "municipality",
    "seq_no",
    "title",
)
DECISIONS = pd.DataFrame(
    [
        ("rkey1", "release", "дата уточнена по телефону", "analyst", pd.Timestamp("2024-07-02 10:00"), False,
         "2024Q2", "Город Альфа", 1, "Концерт"),
        ("rgone", "accept", "старое решение", "analyst", pd.Timestamp("2024-07-01 09:00"), True,
         "2024Q2", "Район Бета", 9, "Выставка прежняя"),
    ],
    columns=DECISION_COLUMNS,
)  # fmt: skip


def section(page: str, heading: str) -> str:
    """The HTML between a heading and the next one."""
    start = page.index(f"<h2>{heading}")
    end = page.find("<h2>", start + 4)
    return page[start : end if end > 0 else None]


def test_open_and_decided_flags_are_apart_with_notes_and_stale_decisions():
    page = render_html(run={"run_id": "r"}, flagged=FLAGGED, events=EVENTS, quality=None, decisions=DECISIONS)
    still_open = section(page, "Открытые замечания (2)")
    decided = section(page, "Решённые замечания (3)")
    assert "quarter_consistency на строке 2" in still_open and "на строке 1<" not in still_open
    assert (
        "дата уточнена по телефону" in decided and "выпущено в события" in decided
    )  # the note, the decision
    assert "разные мероприятия" in decided and "принято" in decided
    # the decided flags' own table comes under a heading of its own, after the decisions'
    assert decided.index("<h3>Замечания, по которым приняты решения (3)</h3>") > decided.index("принято")
    stale = section(page, "Устаревшие решения")
    assert "rgone" in stale and "Выставка прежняя" in stale and "rkey1" not in stale


def test_charts_count_what_the_tables_count():
    page = render_html(run={"run_id": "r"}, flagged=FLAGGED, events=EVENTS, quality=None)
    charts = section(page, "Графики")
    values = lambda kind: [int(v) for v in re.findall(rf'class="bar {kind}"[^>]*data-value="(\d+)"', charts)]  # noqa: E731
    assert sum(values("open")) == 2 * 2  # two open flags, drawn per rule and per municipality
    assert sum(values("decided")) == 3 * 2
    assert values("events") == [2, 1, 3]  # April, May, June in calendar order
    assert not re.search(r"(https?:)?//[a-z]", page, re.I) and "<script" not in page


@pytest.mark.parametrize(
    ("bars", "drawn"),
    [
        ([], 0),  # nothing to draw: a sentence, no svg
        ([Bar("a", (("open", 0),))], 0),  # only zeros: the same
        ([Bar("a", (("open", 1), ("decided", 0)))], 1),  # a zero part draws no rectangle
        ([Bar(f"m{i}", (("events", i + 1),)) for i in range(40)], 30),  # long lists are cut at 30 bars
    ],
)
def test_bar_chart_cases(bars, drawn):
    svg = bar_chart("Заголовок", bars)
    assert svg.count('class="bar ') == drawn
    assert ("<svg" in svg) == (drawn > 0)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (scripts/install-chromium.sh)")
def test_the_charts_render_in_chromium_offline(tmp_path: Path):
    import cv2

    html = write_report(
        tmp_path / "report", run={"run_id": "run-7"}, flagged=FLAGGED, events=EVENTS, quality=None,
        decisions=DECISIONS,
    )  # fmt: skip
    done = chromium(tmp_path / "profile", "--dump-dom", html.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Мероприятия по месяцам" in visible_text(done.stdout)
    shot = tmp_path / "shot.png"
    done = chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,1100", html.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    image = cv2.imread(str(shot))
    assert image is not None
    for kind, colour in COLOURS.items():
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        bgr = np.array(rgb[::-1])
        painted = int(np.all(np.abs(image.astype(int) - bgr) <= 8, axis=2).sum())
        assert painted > 500, f"{kind} bars not painted ({painted} px)"


def test_report_for_a_run_shows_its_flags_as_they_were(tmp_path: Path, samples: Path):
    from muniflow.plain import ingest_plain
    from muniflow.quality_report import write_quality_report
    from muniflow.warehouse import db

    warehouse = tmp_path / "w.duckdb"
    first = ingest_plain([samples / "smolensk_2024_q2.docx"], warehouse)["run_id"]
    with db.connect(warehouse) as con:
        con.execute("delete from core.flags where rule = 'duplicate_event'")  # a later run drops a flag
        write_quality_report(con, first, tmp_path / "then")
        write_quality_report(con, "latest", tmp_path / "now")
    then = pd.read_csv(tmp_path / "then" / "flagged_rows.csv")
    now = pd.read_csv(tmp_path / "now" / "flagged_rows.csv")
    assert "duplicate_event" in set(then["rule"]) and "duplicate_event" not in set(now["rule"])
    assert len(then) == len(now) + (then["rule"] == "duplicate_event").sum()
