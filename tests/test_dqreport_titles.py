"""The data-quality report's flag tables name the event of each flagged row: a date or quarter
flag's value is only the date, and the reviewer looked for the event in the file."""

from __future__ import annotations

from pathlib import Path

from nil_builders import municipal_title
from readers_fixtures import HEADER, build_docx

from muniflow.cli import main
from muniflow.plain import ingest_plain


def _section(page: str, heading: str) -> str:
    start = page.index(f"<h2>{heading}")
    end = page.find("<h2>", start + 4)
    return page[start : end if end > 0 else None]


def test_a_quarter_flag_names_its_event(tmp_path: Path) -> None:
    rows = [
        list(HEADER),
        ["1.", "Турнир «Кубок Ясеня»", "с. Ольховка", "5 декабря 2024 года", "Команды"],
        ["2.", "Ярмарка ремёсел", "г. Ясенск", "20 сентября 2025 года", "Мастера"],
    ]
    report = build_docx(tmp_path / "r.docx", rows, title=municipal_title("Ясеневский район"))
    warehouse = tmp_path / "w.duckdb"
    ingest_plain([report], warehouse)
    assert main(["report", "--out", str(tmp_path / "dq"), "--warehouse", str(warehouse)]) == 0
    page = (tmp_path / "dq" / "dq_report.html").read_text(encoding="utf-8")
    still_open = _section(page, "Открытые замечания (1)")
    assert "<th>Мероприятие</th>" in still_open
    assert "Турнир «Кубок Ясеня»" in still_open and "5 декабря 2024 года" in still_open
