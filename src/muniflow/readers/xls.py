"""Excel 97-2003 workbook (.xls) reader, by xlrd: each visible sheet's tables (readers/sheets.py).

xlrd parses the binary workbook itself (no LibreOffice: nothing the file links to is ever fetched).
Cells read as Excel shows them, as in readers/xlsx.py: a date cell by its number format, a whole
number without a decimal point.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from muniflow.model import ReaderError
from muniflow.readers.base import CORRUPT_FILE
from muniflow.readers.blame import raised_by_parser
from muniflow.readers.sheets import Sheet, cell_text

_SHEET_VISIBLE = 0  # xlrd's Sheet.visibility: 1 hidden, 2 very hidden


def read_sheets(path: Path) -> list[Sheet]:
    """The workbook's visible sheets, in order."""
    book = _open_book(path)
    try:
        return list(_sheets(book))
    finally:
        book.release_resources()


def _open_book(path: Path) -> Any:
    """The workbook with its formatting (merged cells, hidden rows, number formats); a file xlrd
    cannot parse is corrupt_file, one with a password `encrypted`."""
    import xlrd  # loaded in the worker that reads a workbook only

    try:
        return xlrd.open_workbook(str(path), formatting_info=True, on_demand=False)
    except Exception as exc:  # xlrd raises its own errors and lets struct's and others' through
        if not raised_by_parser(exc):
            raise  # a bug of ours, not a damaged file: the caller reports internal_error
        if "encrypted" in str(exc).lower():
            raise ReaderError(
                "encrypted",
                "the workbook is password-protected; in Excel remove the password "
                "(File > Info > Protect Workbook > Encrypt with Password, clear it), save and send it again",
            ) from exc
        raise ReaderError(
            CORRUPT_FILE, f"{path.name}: not a readable Excel 97-2003 workbook ({exc})"
        ) from exc


def _sheets(book: Any) -> Iterator[Sheet]:
    import xlrd

    for ws in book.sheets():
        if ws.visibility != _SHEET_VISIBLE:
            continue
        sheet = Sheet(ws.name)
        for r in range(ws.nrows):
            for c, cell in enumerate(ws.row(r)):
                if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    continue
                sheet.texts[(r + 1, c + 1)] = _text(book, ws, r, c, cell)
        sheet.merges = [(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in ws.merged_cells]
        sheet.hidden_rows = {r + 1 for r, info in ws.rowinfo_map.items() if info.hidden}
        sheet.hidden_columns = {c + 1 for c, info in ws.colinfo_map.items() if info.hidden}
        yield sheet


def _text(book: Any, ws: Any, r: int, c: int, cell: Any) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        xf = book.xf_list[ws.cell_xf_index(r, c)]
        shown = book.format_map.get(xf.format_key)
        return cell_text(
            xlrd.xldate.xldate_as_datetime(cell.value, book.datemode), shown.format_str if shown else ""
        )
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return cell_text(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR")
    return cell_text(cell.value)
