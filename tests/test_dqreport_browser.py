"""The report page rendered offline in headless Chromium: what a reviewer sees on opening it."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from muniflow.dqreport import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (make browser / scripts/install-chromium.sh installs it)"
)


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Headless Chromium with no network at all: any request would fail to resolve."""
    assert CHROMIUM
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def visible_text(dom: str) -> str:
    """The text a person reads: the body without tags and the style sheet, blanks folded."""
    body = dom.split("<body", 1)[1]
    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(text))


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    flagged = pd.DataFrame(
        [
            {
                "run_id": "run-42",
                "report_id": "rep",
                "source_file": "report.pdf",
                "source_locator": "page 1, row 2",
                "seq_no": 1,
                "municipality": "Город Альфа",
                "rule": "quarter_consistency",
                "severity": "error",
                "message": "Мероприятие 21.03.2024–22.03.2024 целиком вне периода отчёта",
                "field": "date_text",
                "value": "21-22 марта 2024 года",
                "quarantined": True,
                "related_event_id": None,
            },
            {
                "run_id": "run-42",
                "report_id": "rep",
                "source_file": "report.pdf",
                "source_locator": "page 4, row 9",
                "seq_no": 34,
                "municipality": "Район Бета",
                "rule": "duplicate_event",
                "severity": "error",
                "message": "Повтор мероприятия № 33",
                "field": "title",
                "value": "Праздник дружбы",
                "quarantined": True,
                "related_event_id": "ev-33",
            },
        ]
    )
    events = pd.DataFrame(
        {
            "event_id": ["ev-33"],
            "title": ["Праздник дружбы"],
            "municipality": ["Район Бета"],
            "place": ["д. Гамма"],
            "start_date": pd.to_datetime(["2024-04-06"]),
            "end_date": pd.to_datetime(["2024-04-06"]),
            "seq_no": [33],
            "source_file": ["report.pdf"],
            "source_locator": ["page 4, row 8"],
        }
    )
    return write_report(out, run={"run_id": "run-42"}, flagged=flagged, events=events, quality=None)


def test_the_page_shows_the_summary_rows_and_the_duplicate_pair(page: Path, tmp_path: Path) -> None:
    done = chromium(tmp_path / "profile", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "<title>Качество данных — запуск run-42</title>" in dom
    text = visible_text(dom)
    assert "Отчёт о качестве данных" in text
    assert re.search(r"Замечаний 2 Ошибок 2 Предупреждений 0", text)
    assert re.search(r"Соответствие кварталу quarter_consistency 1 0 1", text)
    assert "Мероприятие 21.03.2024–22.03.2024 целиком вне периода отчёта" in text
    assert re.search(
        r"Повтор \(не загружен\).*Повтор мероприятия № 33.*Оставленная копия.*page 4, row 8", text
    )


def test_the_screenshot_is_a_rendered_page(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "dq_report.png"
    done = chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,1400", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    # A blank page compresses to a few hundred bytes; text and tables take far more.
    assert len(data) > 20_000
