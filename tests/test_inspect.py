"""`muniflow inspect` on a DOCX that was unknown_layout before issue 13: a title row spanning the
table and a two-level header (group cell «Период проведения» over «с» / «по»)."""

from __future__ import annotations

import json
import subprocess
import sys

from PIL import Image
from readers_fixtures import build_docx
from test_ocr import SAMPLES, needs_tesseract

from muniflow.commands.inspect import inspect_file
from muniflow.intake import scan

ROWS = [
    ["Мероприятия международного характера", "", "", "", ""],
    ["№", "Мероприятие", "Место", "Период проведения", ""],
    ["", "", "", "с", "по"],
    ["1", "Форум побратимов", "г. Энск", "10.04.2024", "12.04.2024"],
]
# The title row spans the table; the group cell spans two columns; №, event, place span two rows.
MERGES = [((0, 0), (0, 4)), ((1, 3), (1, 4)), ((1, 0), (2, 0)), ((1, 1), (2, 1)), ((1, 2), (2, 2))]


def _inspect(path, fmt):
    return subprocess.run(
        [sys.executable, "-m", "muniflow.cli", "inspect", str(path), "--format", fmt],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout


def test_inspect_shows_header_rows_columns_and_rows(tmp_path):
    path = build_docx(tmp_path / "r.docx", ROWS, MERGES, title=("Отчёт в третьем квартале 2024 года",))
    (info,) = json.loads(_inspect(path, "json"))
    assert "reason" not in info, info.get("message")
    assert info["period"] == "2024Q3" and info["reading"]["period_text"] == "третьем квартале 2024"
    (table,) = info["reading"]["tables"]
    assert table["chosen"] and table["header_rows"] == [2, 3]
    assert [(m["header"], m["column"]) for m in table["columns"] if m["column"] == "date_text"] == [
        ("Период проведения: с", "date_text"),
        ("Период проведения: по", "date_text"),
    ]
    (row,) = info["rows"]
    assert (row["title"], row["start_date"], row["end_date"]) == (
        "Форум побратимов",
        "2024-04-10",
        "2024-04-12",
    )
    assert any("quarter_consistency" in f for f in row["flags"])  # April is outside Q3
    text = _inspect(path, "text")
    assert "CHOSEN" in text and "«Период проведения: по» -> date_text" in text


def test_inspect_on_a_budget_table_names_the_closest_header(tmp_path):
    path = build_docx(
        tmp_path / "b.docx", [["Статья", "Сумма"], ["Связь", "100"]], title=("Отчёт за 2 квартал 2024",)
    )
    (info,) = json.loads(_inspect(path, "json"))
    assert info["reason"] == "unknown_layout"
    assert "[Статья | Сумма]" in info["message"] and "muniflow inspect" in info["message"]
    assert [t["chosen"] for t in info["reading"]["tables"]] == [False]


@needs_tesseract
def test_inspect_reads_a_scanned_pdf_by_ocr_as_ingest_does(tmp_path):
    """A PDF whose pages are only pictures is read by OCR, not shown as the internal `needs_ocr`
    signal: the first page of a sample, rendered at 200 dpi and saved as an image-only PDF."""
    subprocess.run(
        ["pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1",
         str(SAMPLES / "smolensk_2024_q2.pdf"), str(tmp_path / "page")],
        check=True,
    )  # fmt: skip
    scanned = tmp_path / "scan.pdf"
    Image.open(tmp_path / "page.png").save(scanned, resolution=200)
    info = inspect_file(scanned)
    assert info.get("reason") != scan.NEEDS_OCR, info.get("message")
    assert info["format"] == scan.FORMATS["pdf"]
    assert info["rows_read"] > 0


def test_inspect_reads_an_archive_by_its_members_as_ingest_does(tmp_path):
    """A ZIP is no document refused: each member is inspected under its lineage name, which may
    give the quarter its title does not."""
    import zipfile

    rows = [
        ["№", "Мероприятие", "Место", "Дата проведения"],
        ["1", "Форум побратимов", "г. Энск", "10.04.2024"],
    ]
    member = build_docx(tmp_path / "m.docx", rows, title=("Сведения о мероприятиях",))
    archive = tmp_path / "отчёты.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(member, "2024/2 квартал/Озёрный район.docx")
    (info,) = json.loads(_inspect(archive, "json"))
    assert info["file"] == f"{archive}!2024/2 квартал/Озёрный район.docx"
    assert (info.get("reason"), info["period"]) == (None, "2024Q2")
