"""Text a PDF shows struck through (deleted text of tracked changes) is left out, not read."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import docx
import pytest

from muniflow.readers.pdf import PdfReader
from muniflow.readers.pdfstrike import drop_struck


def _char(text: str, x0: float, top: float = 100.0, size: float = 10.0) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x0 + 5, "top": top, "bottom": top + size}


def _line(x0: float, x1: float, y: float) -> dict[str, Any]:
    return {"x0": x0, "x1": x1, "top": y, "bottom": y}


def test_the_characters_a_line_crosses_at_mid_height_are_left_out() -> None:
    chars = [_char(ch, 10 + 5 * i) for i, ch in enumerate("Тверь Москва")]
    strike = _line(40, 70, 105.5)  # through «Москва»'s middle
    underline = _line(10, 35, 109.5)  # under «Тверь»: not through it
    rule = _line(0, 200, 115)  # a table's rule below the line
    page = SimpleNamespace(_objects={"char": chars, "line": [strike, underline, rule]})
    drop_struck(page)
    assert "".join(c["text"] for c in page._objects["char"]) == "Тверь "
    assert page._objects["line"] == [underline, rule]  # the strike is no rule for the table finder


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice prints the PDF")
def test_a_deleted_date_shown_struck_through_is_not_read(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3, style="Table Grid")
    for c, text in enumerate(("Наименование мероприятия", "Место проведения", "Дата проведения")):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "Фестиваль"
    place = table.cell(1, 1).paragraphs[0]
    place.add_run("г. Тверь")
    place.add_run(" / г. Москва").font.strike = True
    day = table.cell(1, 2).paragraphs[0]
    day.add_run("11.04.2024 ").font.strike = True
    day.add_run("18.04.2024")
    source = tmp_path / "struck.docx"
    document.save(str(source))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    (row,) = PdfReader().read(tmp_path / "struck.pdf").tables[0].rows
    assert [" ".join((c or "").split()) for c in row.cells] == ["Фестиваль", "г. Тверь", "18.04.2024"]
