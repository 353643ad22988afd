"""Excel workbook (.xlsx) reader, by openpyxl: each visible sheet's tables (readers/sheets.py).

Cells read as Excel shows them: a formula as its last computed value, a date cell as dd.mm.yyyy (or
its month and year where its format shows no day), a whole number without a decimal point.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from muniflow.model import ReaderError
from muniflow.readers.base import CORRUPT_FILE
from muniflow.readers.blame import raised_by_parser
from muniflow.readers.sheets import Sheet, cell_text


def read_sheets(path: Path) -> list[Sheet]:
    """The workbook's visible sheets, in order."""
    workbook = _open_workbook(path)
    try:
        return list(_sheets(workbook))
    finally:
        workbook.close()


def _open_workbook(path: Path) -> Any:
    """The workbook with each formula's last computed value; a file openpyxl cannot parse is corrupt_file."""
    import openpyxl  # loaded in the worker that reads a workbook only

    try:
        return openpyxl.load_workbook(path, data_only=True, read_only=False)
    except Exception as exc:  # openpyxl lets its parsers' errors through, of many kinds
        if not raised_by_parser(exc):
            raise  # a bug of ours, not a damaged file: the caller reports internal_error
        raise ReaderError(CORRUPT_FILE, f"{path.name}: not a readable Excel workbook ({exc})") from exc


def _sheets(workbook: Any) -> Iterator[Sheet]:
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible":
            continue
        sheet = Sheet(ws.title)
        for (row, col), cell in ws._cells.items():  # only the cells the file holds, not a formatted million
            if cell.value is not None:
                sheet.texts[(row, col)] = cell_text(cell.value, cell.number_format)
        sheet.merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        sheet.hidden_rows = {row for row, dimension in ws.row_dimensions.items() if dimension.hidden}
        for dimension in ws.column_dimensions.values():  # a dimension may stand for a run of columns
            if dimension.hidden and dimension.min and dimension.max:
                sheet.hidden_columns.update(range(dimension.min, dimension.max + 1))
        sheet.page_header = _page_header(ws)
        yield sheet


def _page_header(ws: Any) -> str:
    """The text of the sheet's page header (the first page's, else every page's): left, centre, right."""
    for header in (ws.firstHeader, ws.oddHeader):
        parts = [part.text for part in (header.left, header.center, header.right) if part.text]
        if parts:
            return "\n".join(parts)
    return ""
