"""Spreadsheet workbooks (.xlsx, .xls, .ods) laid out as a Word document is: what the three readers share.

An office that keeps its events in a spreadsheet sends the sheet itself: title lines in the first
rows (often one cell merged across the table), then the header and the events, municipality headings
as rows of one merged cell; or a sheet per municipality, named for it. Each format's reader turns a
sheet into a `Sheet` (its cells' texts as the program shows them, its merged ranges, what is hidden);
this module lays the sheet on its grid and finds its tables:

- Blank rows part a sheet into blocks. A block's table runs from its first row filling at least
  `TABLE_CELLS` cells to its last, with the row right above it when that row is one text merged
  across the table (its title row, as a Word table's first row); the text since the previous
  table is its caption (the document's title for the first table), as the paragraphs above a Word
  table are. Text after a sheet's last table (signatures, notes) is left out; a sheet of text only
  (a covering letter) heads the next sheet's table. The text printed at the top of the first table's
  sheet's pages (its page header) follows its caption in the document's title, as a Word document's
  first page header does.
- A merged range keeps its text in its first cell and None where it covers, the columns a vertical
  merge carries down marked `from_above`, as the DOCX reader does.
- Every table of a sheet keeps the columns the sheet uses, so a table going on below a blank row is
  as wide as its start (interpretation takes it for its continuation).
- Hidden sheets, rows and columns are left out: the person who filled the sheet did not see them.
- A sheet's name is its tables' `sheet` and, unless a program's default («Лист1»), the first line
  of its first table's caption.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from muniflow.model import Cell, RawDocument, RawRow, RawTable, ReaderError
from muniflow.readers.base import NO_TABLE_FOUND

TABLE_CELLS = 3  # a row filling this many cells is a table row: an events table has a title, place, date…
MAX_CELLS = 1_000_000  # [too_large] cells with text in one workbook; a report holds a few thousand
# The names a spreadsheet program gives a new sheet, which say nothing about its content.
_DEFAULT_SHEET_NAME = re.compile(r"(?i)^\s*(лист|sheet|таблица|table)\s*\d*\s*$")
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]')  # literal text and [colour]/[$-locale] parts of a number format


@dataclass
class Sheet:
    """One sheet as its reader found it; rows and columns are numbered from 1."""

    name: str
    texts: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column): text shown
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # first row, col, last row, col
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    page_header: str = ""  # the text printed at the top of each page (a title typed there only)


# One laid-out row: (the sheet's row number, a cell per visible column, the columns merged from above).
GridRow = tuple[int, list[Cell], frozenset[int]]


class WorkbookReader:
    """Reads the tables of every visible sheet of a workbook, its sheets read by `read_sheets`
    (readers/xlsx.py, xls.py, ods.py: one per format)."""

    def __init__(self, format: str, read_sheets: Callable[[Path], list[Sheet]]):
        self.format = format
        self.read_sheets = read_sheets

    def read(self, path: Path) -> RawDocument:
        """Return the workbook's title (the text above the first table) and each sheet's tables."""
        return workbook_document(str(path), self.format, self.read_sheets(path))


def workbook_document(source_file: str, format: str, sheets: Iterable[Sheet]) -> RawDocument:
    """The document of a workbook's visible sheets (hidden ones are never passed), in order."""
    tables: list[RawTable] = []
    title = ""
    above: list[str] = []
    filled = 0
    for sheet in sheets:
        filled += len(sheet.texts)
        if filled > MAX_CELLS:
            raise ReaderError(
                "too_large", f"the workbook fills over {MAX_CELLS:,} cells; a report fills a few thousand"
            )
        name = "" if _DEFAULT_SHEET_NAME.match(sheet.name) else sheet.name.strip()
        found, rest = sheet_tables(grid(sheet), sheet.name, [*above, name])
        if found and not tables:  # as a document's title, its first page's header after it
            title = "\n".join(t for t in (found[0].caption, sheet.page_header) if t)
        tables += found
        above = [] if found else rest
    if not tables:
        raise ReaderError(NO_TABLE_FOUND, f"{Path(source_file).name}: no sheet of the workbook holds a table")
    return RawDocument(source_file=source_file, format=format, title=title, tables=tuple(tables))


def workbook_text(sheets: Iterable[Sheet]) -> str:
    """Every line of text of the sheets, a row a line (a letter typed in a spreadsheet)."""
    return "\n".join(line for sheet in sheets for _, cells, _ in grid(sheet) if (line := _line(cells)))


def grid(sheet: Sheet) -> list[GridRow]:
    """The sheet's visible rows from the first to the last holding text, over its visible columns."""
    texts = {key: text for key, text in sheet.texts.items() if text.strip()}
    covered: dict[tuple[int, int], bool] = {}  # a merged range's other cells: True where carried down
    for first_row, first_col, last_row, last_col in sheet.merges:
        for row in range(first_row, last_row + 1):
            for col in range(first_col, last_col + 1):
                if (row, col) != (first_row, first_col):
                    covered[(row, col)] = row > first_row
                    texts.pop((row, col), None)  # the program shows only the first cell's text
    if not texts:
        return []
    last_row = max(r for r, _ in texts)
    last_col = max(c for _, c in [*texts, *(key for key in covered if key[0] <= last_row)])
    cols = [c for c in range(1, last_col + 1) if c not in sheet.hidden_columns]
    laid: list[GridRow] = []
    for r in range(1, last_row + 1):
        if r in sheet.hidden_rows:
            continue
        cells: list[Cell] = []
        above: set[int] = set()
        for i, c in enumerate(cols):
            if (r, c) in covered:
                cells.append(None)
                if covered[(r, c)]:
                    above.add(i)
            else:
                cells.append(texts.get((r, c), ""))
        laid.append((r, cells, frozenset(above)))
    return laid


def sheet_tables(rows: list[GridRow], name: str, above: list[str]) -> tuple[list[RawTable], list[str]]:
    """The tables of a laid-out sheet, and the text after its last one (see the module's doc);
    `above` is the text since the previous table: the sheet's own name, a sheet of text before."""
    used = [c for c in range(len(rows[0][1]) if rows else 0) if any(row[1][c] != "" for row in rows)]
    tables: list[RawTable] = []
    above = list(above)
    for block in _blocks(rows):
        filled = [i for i, (_, cells, _) in enumerate(block) if _filled(cells) >= TABLE_CELLS]
        if not filled:
            above += [_line(cells) for _, cells, _ in block]
            continue
        first, last = filled[0], filled[-1]
        if first > 0 and _merged_across(block[first - 1][1], used):
            first -= 1  # the table's own title row, as a Word table's first row merged across
        above += [_line(cells) for _, cells, _ in block[:first]]
        table_rows = [
            RawRow(
                tuple(cells[c] for c in used),
                f"sheet {name}, row {number}",
                frozenset(used.index(c) for c in carried if c in used),
            )
            for number, cells, carried in block[first : last + 1]
        ]
        tables.append(
            RawTable(
                header=tuple(cell or "" for cell in table_rows[0].cells),
                rows=tuple(table_rows[1:]),
                locator=f"sheet {name}, rows {block[first][0]}-{block[last][0]}",
                caption="\n".join(line for line in above if line),
                sheet=name,
            )
        )
        above = [_line(cells) for _, cells, _ in block[last + 1 :]]
    return tables, above


def _blocks(rows: list[GridRow]) -> list[list[GridRow]]:
    """Runs of rows between blank ones (a merged cell carried down is not blank)."""
    blocks: list[list[GridRow]] = [[]]
    for row in rows:
        if _filled(row[1]) or row[2]:
            blocks[-1].append(row)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _merged_across(cells: list[Cell], used: list[int]) -> bool:
    """Whether a row is one text merged across every column the sheet uses."""
    shown = [cells[c] for c in used]
    return bool(shown) and bool(shown[0]) and all(cell is None for cell in shown[1:])


def _filled(cells: Iterable[Cell]) -> int:
    return sum(1 for cell in cells if cell)


def _line(cells: list[Cell]) -> str:
    """A title row's text: its cells joined by a space (a title merged across is one cell)."""
    return " ".join(cell.strip() for cell in cells if cell and cell.strip())


def cell_text(value: Any, number_format: str = "") -> str:
    """A cell's value as Excel shows it in a Russian report: dates as dd.mm.yyyy (month and year
    where the format shows no day), whole numbers without a decimal point, a decimal comma."""
    if value is None:
        return ""
    if isinstance(value, datetime) and value.time() != time(0):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        codes = _QUOTED.sub("", number_format).lower()
        if "m" in codes and "d" not in codes:  # «май 2024»: CLDR's month name, as Excel shows it
            from babel.dates import format_date

            return str(format_date(day, "LLLL y", locale="ru"))
        return day.strftime("%d.%m.%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}".replace(".", ",")
    return str(value).replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")
