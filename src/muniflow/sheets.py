"""Spreadsheets for people: CSV and .xlsx written so no cell is ever evaluated, and read back as written.

Report cells come from senders nobody vetted; a title such as `=HYPERLINK(...)` must stay text.
In CSV a cell a spreadsheet would evaluate (leading `=`, `+`, `-`, `@`, tab, carriage return) is
prefixed with an apostrophe; a cell that already starts with an apostrophe gets one more, so
`unneutralize` is the exact inverse. In .xlsx text cells are written as text (never formulas),
unchanged. Parquet and the warehouse keep the raw text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
CSV_ENCODINGS = ("utf-8-sig", "cp1251")
MAX_WIDTH = 60


# Texts that get an apostrophe: a formula lead after any number of apostrophes (so a text that
# already starts with apostrophes before a lead is told apart from one neutralized here).
NEEDS_QUOTE = re.compile("^'*[=+\\-@\t\r]")
# The same pattern for DuckDB's regexp_matches (RE2), used where views are written as CSV.
NEEDS_QUOTE_SQL = NEEDS_QUOTE.pattern


def neutralize(text: str) -> str:
    """The text as a spreadsheet shows it without evaluating it (see the module's docstring)."""
    return QUOTE + text if NEEDS_QUOTE.match(text) else text


def unneutralize(text: str) -> str:
    """The inverse of `neutralize`: the text as it was before writing."""
    return text[1:] if text.startswith(QUOTE) and NEEDS_QUOTE.match(text[1:]) else text


def neutralize_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame with every text cell neutralized (other cells as they are)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: neutralize(v) if isinstance(v, str) else v)
    return out


def csv_cell(value: Any) -> str:
    """One value as a CSV cell: dates ISO, lists joined, texts neutralized, None empty."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return neutralize(", ".join("" if v is None else str(v) for v in value))
    if isinstance(value, int | float):
        return str(value)
    return neutralize(str(value))


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]], *, bom: bool = True) -> Path:
    """Write a CSV (UTF-8, with a BOM so Excel reads Cyrillic right) with every cell neutralized."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_cell(v) for v in row])
    return path


@dataclass(frozen=True)
class Sheet:
    """One worksheet to write: its name, header and rows."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def xlsx_value(value: Any) -> Any:
    """A value openpyxl writes as the right kind of cell: lists joined, other objects as text."""
    if value is None or isinstance(value, bool | int | float | date | datetime | str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join("" if v is None else str(v) for v in value)
    return str(value)


def write_xlsx(path: Path, sheets: Sequence[Sheet]) -> Path:
    """One workbook, one sheet each: header frozen, dates as dates, widths fitted, text never a formula."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for sheet in sheets:
        ws = workbook.create_sheet(_sheet_title(sheet.name))
        ws.append(list(sheet.header))
        widths = [len(h) for h in sheet.header]
        for r, row in enumerate(sheet.rows, start=2):
            for c, raw in enumerate(row, start=1):
                value = xlsx_value(raw)
                cell = ws.cell(row=r, column=c)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # a text starting with '=' stays text, never a formula
                elif isinstance(value, datetime):
                    cell.number_format = "DD.MM.YYYY HH:MM:SS"
                elif isinstance(value, date):
                    cell.number_format = "DD.MM.YYYY"
                widths[c - 1] = max(widths[c - 1], _shown_width(value))
        for c, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = min(width + 2, MAX_WIDTH)
        ws.freeze_panes = "A2"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _sheet_title(name: str) -> str:
    """Excel's sheet names: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)
    return cleaned[:31] or "sheet"


def _shown_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


class SheetReadError(ValueError):
    """A spreadsheet that cannot be read as a table (encoding, format)."""


def read_table(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """Rows of a .csv (`,` or `;`, UTF-8 or Windows-1251) or .xlsx, told by its bytes whatever its
    name, as (line number, {column: value}).

    CSV cells come back un-neutralized (as they were before `write_csv`); .xlsx cells as openpyxl
    reads them (dates as datetimes). Blank lines are skipped; the header is line 1, and a line is a
    row as a spreadsheet numbers it.
    """
    with path.open("rb") as f:
        head = f.read(8)
    if head.startswith(_ZIP):  # told by its bytes, as ingest tells files: a workbook saved as «….csv»
        return _read_xlsx(path)
    if head.startswith(_OLE):
        raise SheetReadError(
            f"{path}: an Excel 97-2003 workbook (.xls): save it as .xlsx (Excel Workbook) or as CSV, "
            "and apply that"
        )
    return _read_csv(path)


_ZIP = b"PK\x03\x04"  # an .xlsx is a ZIP package
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003's compound file


def _read_csv(path: Path) -> list[tuple[int, dict[str, Any]]]:
    data = path.read_bytes()
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes almost any byte
        raise SheetReadError(f"{path}: neither UTF-8 nor Windows-1251 text")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows = []
    # Lines are counted as records (the row number a spreadsheet shows), not physical lines: a
    # quoted cell may hold line breaks.
    for number, cells in enumerate(reader, start=1):
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if not any(c.strip() for c in cells):
            continue
        values = [unneutralize(c) for c in cells]
        rows.append((number, dict(zip(header, values, strict=False))))
    if header is None:
        raise SheetReadError(f"{path}: the file is empty")
    return [(line, {h: row.get(h, "") for h in header}) for line, row in rows]


def _read_xlsx(path: Path) -> list[tuple[int, dict[str, Any]]]:
    from openpyxl import load_workbook

    try:  # opened as a stream: openpyxl judges a path by its extension, not its bytes
        workbook = load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=False)
    except Exception as err:  # openpyxl raises several kinds for a file that is not a workbook
        raise SheetReadError(f"{path}: not an .xlsx workbook ({err})") from err
    try:
        ws = workbook.worksheets[0]
        rows = []
        header: list[str] | None = None
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if header is None:
                header = ["" if v is None else str(v).strip() for v in values]
                continue
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            rows.append((number, dict(zip(header, values, strict=False))))
    finally:
        workbook.close()
    if header is None:
        raise SheetReadError(f"{path}: the workbook is empty")
    return rows
