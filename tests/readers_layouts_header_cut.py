"""DOCX layouts whose events table starts low on a page, so that the page end cuts its header row
(a narrow column's «Порядковый номер» goes on at the top of the next page), and their LibreOffice
PDFs (built at test time, all in one soffice run).

How far down the table starts is set by filler paragraphs and the heading's font size; the tests
check that the header was indeed cut on each page before checking what the reader made of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import readers_layouts
from docx.shared import Pt
from readers_layouts import _table

HEAD = [
    "Порядковый номер",
    "Наименование мероприятия",
    "Место проведения",
    "Сроки проведения",
    "",
    "Участники",
]
GROUP_HEAD = [*HEAD[:3], "Даты проведения мероприятия в квартале", "", "Участники"]
SUB = ["", "", "", "начало", "окончание", ""]
WIDTHS = (1.2, 3.0, 2.5, 1.6, 2.2, 3.0)


def events(count: int = 3) -> list[list[str]]:
    """Event rows under the header."""
    return [
        [
            f"{n}.",
            f"Фестиваль ремёсел {n}",
            "г. Энск",
            f"{n}.05.2024",
            f"{n + 1}.05.2024",
            "Делегация г. Витебска",
        ]
        for n in range(1, count + 1)
    ]


def _header_cut(fill: int, heading_pt: int, group: bool) -> Callable[[Path], Path]:
    """A table under `fill` filler lines and a heading: a one-row header, or a group cell
    («Даты проведения …» over «начало» / «окончание») with the other header cells merged down."""

    def build(path: Path) -> Path:
        document = docx.Document()
        document.add_paragraph("Отчёт о мероприятиях за 2 квартал 2024 года")
        for i in range(fill):
            document.add_paragraph(f"Пояснительная строка {i + 1}")
        heading = document.add_paragraph("Энский район")
        heading.runs[0].font.size = Pt(heading_pt)
        head = GROUP_HEAD if group else HEAD
        rows = [list(head), *([list(SUB)] if group else []), *events()]
        table = _table(document, rows, WIDTHS)
        if group:
            table.cell(0, 3).merge(table.cell(0, 4))
            table.cell(0, 3).text = head[3]
            for col in (0, 1, 2, 5):
                table.cell(0, col).merge(table.cell(1, col))
                table.cell(0, col).text = head[col]
        document.save(str(path))
        return path

    return build


LAYOUTS: dict[str, Callable[[Path], Path]] = {
    # One header row cut after «Порядковый»: both pages draw every column.
    "one_row": _header_cut(22, 11, group=False),
    # The group row cut: page 1 draws no sub-column border; page 2 draws the rest of the header
    # cells and the sub-header cells in one row.
    "group_with_sub": _header_cut(21, 26, group=True),
    # The group row cut higher: page 2 draws the rest of the group row, then the sub-header row.
    "group_then_sub": _header_cut(22, 26, group=True),
}


def build_pdfs(out_dir: Path) -> dict[str, Path]:
    """Build these layouts' DOCX and convert them all to PDF in one headless LibreOffice run."""
    return readers_layouts.build_pdfs(out_dir, LAYOUTS)
