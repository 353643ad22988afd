"""The layout corpus as Excel workbooks: each report's tables laid on sheets as an office keeping its
events in a spreadsheet would have them.

A report's tables are read from its DOCX (merged cells as the DOCX holds them) and written with
openpyxl, each report drawing its own way (seeded by its DOCX's bytes):
- `sheets`: one sheet holding every table, a blank row and the caption between them; or a sheet
  per table, named for its caption's last line where that is short (a municipality's name);
- `title`: the title lines merged across the table or typed in its first column;
- `values`: cell texts, or what Excel makes of them when typed: a dd.mm.yyyy date becomes a date
  cell, a whole number a number;
- `margin`: the table from column A, or from column B with an empty column before it;
- `signature`: a signature line two rows below the last table, or none.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from muniflow.model import RawTable
from muniflow.readers.docx import DocxReader

_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def _value(text: str, typed: bool) -> tuple[Any, str | None]:
    """A cell's value and number format: the text, or the date or number Excel would make of it."""
    if typed and (m := _DATE.fullmatch(text.strip())):
        day, month, year = (int(g) for g in m.groups())
        try:
            return date(year, month, day), "DD.MM.YYYY"
        except ValueError:
            return text, None
    if typed and text.strip().isdigit() and len(text.strip()) < 6:
        return int(text.strip()), None
    return text, None


def _write_table(ws: Any, table: RawTable, top: int, left: int, typed: bool) -> int:
    """Lay `table` with its merges from row `top`, column `left`; returns the row after it."""
    grid = [(tuple(table.header), frozenset[int]()), *((row.cells, row.from_above) for row in table.rows)]
    for r, (cells, _) in enumerate(grid):
        for c, text in enumerate(cells):
            if text is None:
                continue
            value, fmt = _value(text, typed)
            cell = ws.cell(top + r, left + c, value)
            if fmt:
                cell.number_format = fmt
            right = c
            while right + 1 < len(cells) and cells[right + 1] is None and right + 1 not in grid[r][1]:
                right += 1
            down = r
            while down + 1 < len(grid) and c in grid[down + 1][1]:
                down += 1
            if right > c or down > r:
                ws.merge_cells(
                    start_row=top + r, start_column=left + c, end_row=top + down, end_column=left + right
                )
    return top + len(grid)


def _lines(ws: Any, lines: Sequence[str], top: int, left: int, width: int, merged: bool) -> int:
    for line in lines:
        ws.cell(top, left, line)
        if merged and width > 1:
            ws.merge_cells(start_row=top, start_column=left, end_row=top, end_column=left + width - 1)
        top += 1
    return top


def _sheet_name(caption: str, index: int, taken: set[str]) -> str:
    last = caption.strip().splitlines()[-1].strip() if caption.strip() else ""
    name = last if 0 < len(last) <= 31 and not _SHEET_NAME_BAD.search(last) else f"Лист{index}"
    while name in taken:
        name = f"Лист{index}_{len(taken)}"
    taken.add(name)
    return name


AXES = {
    "sheets": ("one", "per_table"),
    "title": ("merged", "plain"),
    "values": ("text", "typed"),
    "margin": ("none", "column"),
    "signature": ("none", "yes"),
}


def to_xlsx(docx: Path, xlsx: Path, drawn: dict[str, str] | None = None) -> dict[str, str]:
    """Write the workbook of one report, drawn as `drawn` says (by default as its name draws it,
    one value of each of AXES); returns how it was drawn."""
    from openpyxl import Workbook

    rng = random.Random(hashlib.sha256(docx.read_bytes()).hexdigest())  # each corpus draws its own
    drawn = drawn or {axis: rng.choice(values) for axis, values in AXES.items()}
    doc = DocxReader().read(docx)
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Лист1"
    left = 2 if drawn["margin"] == "column" else 1
    merged, typed = drawn["title"] == "merged", drawn["values"] == "typed"
    row, taken = 1, {"Лист1"}
    for i, table in enumerate(doc.tables):
        width = len(table.header)
        caption = doc.title if i == 0 else table.caption
        if drawn["sheets"] == "per_table" and i > 0:
            ws = workbook.create_sheet(_sheet_name(caption, i + 1, taken))
            row = 1
            if caption.strip() == ws.title:
                caption = ""  # the sheet's name says it
        elif i > 0:
            row += 1
        row = _lines(ws, [line for line in caption.splitlines() if line.strip()], row, left, width, merged)
        row = _write_table(ws, table, row, left, typed)
    if drawn["signature"] == "yes":
        ws.cell(row + 2, left, "Глава муниципального образования")
        ws.cell(row + 2, left + 3, "И.И. Иванов")
    workbook.save(xlsx)
    return drawn


def convert_xlsx(docx_files: Sequence[Path], xlsx_dir: Path) -> None:
    """Write every report's workbook into `xlsx_dir`, named as its DOCX."""
    xlsx_dir.mkdir(parents=True, exist_ok=True)
    for docx in docx_files:
        to_xlsx(docx, xlsx_dir / f"{docx.stem}.xlsx")
