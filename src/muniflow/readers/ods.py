"""OpenDocument spreadsheet (.ods) reader: each visible sheet's tables (readers/sheets.py).

The sheets are read from the package's `content.xml` itself (no LibreOffice: nothing the file links
to is ever fetched). A cell's text is the paragraphs the program wrote for it, which are what it
shows: a date as formatted, a number as displayed. Repeated rows and cells are expanded, spanned
cells become merged ranges, and a sheet, row or column the file hides is left out.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from muniflow.model import ReaderError
from muniflow.readers.base import CORRUPT_FILE
from muniflow.readers.blame import raised_by_parser
from muniflow.readers.sheets import MAX_CELLS, Sheet

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ROW_GROUPS = frozenset(_TABLE + t for t in ("table-header-rows", "table-row-group", "table-rows"))
_COLUMN_GROUPS = frozenset(
    _TABLE + t for t in ("table-header-columns", "table-column-group", "table-columns")
)
_CELLS = frozenset({_TABLE + "table-cell", _TABLE + "covered-table-cell"})
_HIDDEN = frozenset({"collapse", "filter"})  # table:visibility of a row or column the program hides
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
MAX_REPEAT = 10_000  # a row or cell with text repeated more often than this is no report's


def read_sheets(path: Path) -> list[Sheet]:
    """The workbook's visible sheets, in order."""
    try:
        with zipfile.ZipFile(path) as zf:
            root = etree.fromstring(zf.read("content.xml"), _PARSER)
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError) as exc:
        if not raised_by_parser(exc):
            raise
        raise ReaderError(
            CORRUPT_FILE, f"{path.name}: not a readable OpenDocument spreadsheet ({exc})"
        ) from exc
    hidden_sheets = {
        style.get(_STYLE + "name")
        for style in root.iter(_STYLE + "style")
        if style.get(_STYLE + "family") == "table"
        and any(p.get(_TABLE + "display") == "false" for p in style.iter(_STYLE + "table-properties"))
    }
    return [
        _sheet(table)
        for table in root.iter(_TABLE + "table")
        if table.getparent() is not None
        and table.getparent().tag == _OFFICE + "spreadsheet"
        and table.get(_TABLE + "style-name") not in hidden_sheets
    ]


def _sheet(table: etree._Element) -> Sheet:
    sheet = Sheet(table.get(_TABLE + "name", ""))
    col = 1
    for column in _flat(table, _TABLE + "table-column", _COLUMN_GROUPS):
        repeat = _count(column, "number-columns-repeated")
        if column.get(_TABLE + "visibility") in _HIDDEN:
            sheet.hidden_columns.update(range(col, col + min(repeat, MAX_REPEAT)))
        col += repeat
    row = 1
    for element in _flat(table, _TABLE + "table-row", _ROW_GROUPS):
        repeat = _count(element, "number-rows-repeated")
        if element.get(_TABLE + "visibility") in _HIDDEN:
            sheet.hidden_rows.update(range(row, row + min(repeat, MAX_REPEAT)))
        texts = list(_row_texts(element, row, sheet))
        if texts and repeat > MAX_REPEAT:
            raise ReaderError("too_large", f"a row of sheet {sheet.name} is repeated {repeat:,} times")
        for k in range(repeat if texts else 0):
            sheet.texts.update({(row + k, c): text for c, text in texts})
        if len(sheet.texts) > MAX_CELLS:
            raise ReaderError("too_large", f"sheet {sheet.name} fills over {MAX_CELLS:,} cells")
        row += repeat
    return sheet


def _row_texts(row: etree._Element, number: int, sheet: Sheet) -> Iterator[tuple[int, str]]:
    """The (column, text) of a row's cells with text; spanned cells added to the sheet's merges."""
    col = 1
    for cell in row:
        if cell.tag not in _CELLS:
            continue
        repeat = _count(cell, "number-columns-repeated")
        if cell.tag == _TABLE + "table-cell":
            rows, cols = _count(cell, "number-rows-spanned"), _count(cell, "number-columns-spanned")
            if rows > 1 or cols > 1:
                sheet.merges.append((number, col, number + rows - 1, col + cols - 1))
            text = "\n".join(_paragraph(p) for p in cell if p.tag in (_TEXT + "p", _TEXT + "h"))
            if text.strip():
                if repeat > MAX_REPEAT:
                    raise ReaderError(
                        "too_large", f"a cell of sheet {sheet.name} is repeated {repeat:,} times"
                    )
                yield from ((col + k, text) for k in range(repeat))
        col += repeat


def _paragraph(p: etree._Element) -> str:
    """A paragraph's text: spans and links looked through, `text:s` as its spaces, tabs and line breaks."""
    parts = [p.text or ""]
    for child in p:
        if child.tag == _TEXT + "s":
            parts.append(" " * _count(child, "c", _TEXT))
        elif child.tag == _TEXT + "tab":
            parts.append("\t")
        elif child.tag == _TEXT + "line-break":
            parts.append("\n")
        elif child.tag not in (_OFFICE + "annotation", _OFFICE + "annotation-end"):
            parts.append(_paragraph(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _flat(parent: etree._Element, tag: str, groups: frozenset[str]) -> Iterator[etree._Element]:
    """The elements `tag` under a sheet, looking through header and group wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in groups:
            yield from _flat(child, tag, groups)


def _count(element: etree._Element, attribute: str, namespace: str = _TABLE) -> int:
    try:
        return max(1, int(element.get(namespace + attribute, "1")))
    except ValueError:
        return 1
