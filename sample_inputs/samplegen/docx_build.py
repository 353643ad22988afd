"""python-docx helpers that write the Word structures real reports use: one bordered grid table,
repeating header rows, full-width heading rows (gridSpan), vertically merged cells (vMerge),
multi-paragraph cells and bookmarks; and a byte-stable save.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

# The text renderer of the seed writes Word bookmarks as "[bookmark: NAME]"; we turn them back.
BOOKMARK = re.compile(r"\[bookmark: ([^\]]+)\]")
# Fixed stamps so that regenerating a sample gives the same bytes.
FIXED_TIME = datetime(2024, 10, 7, 9, 0, 0)
ZIP_TIME = (2024, 10, 7, 9, 0, 0)


def new_document(font: str, size_pt: float) -> DocumentObject:
    """An A4 portrait document with Russian 'normal' margins and a single-spaced default font."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size_pt)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    props = doc.core_properties
    props.author = props.last_modified_by = "muniflow sample_inputs/make_samples.py"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.title = ""
    return doc


def add_title(doc: DocumentObject, lines: Sequence[str], size_pt: float) -> None:
    """Centred bold title paragraphs, one per line, then an empty paragraph before the table."""
    for line in lines:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.bold = True
        run.font.size = Pt(size_pt)
    doc.add_paragraph()


def add_grid_table(doc: DocumentObject, widths_cm: Sequence[float]) -> Table:
    """An empty bordered table ('Table Grid') with fixed column widths."""
    table = doc.add_table(rows=0, cols=len(widths_cm))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    return table


class BookmarkIds:
    """Hands out the document-unique ids that w:bookmarkStart/w:bookmarkEnd pairs need."""

    def __init__(self) -> None:
        self._next = 0

    def take(self) -> str:
        self._next += 1
        return str(self._next)


def _append_bookmark(paragraph: Paragraph, name: str, ids: BookmarkIds) -> None:
    """Append an empty (collapsed) bookmark at the current end of the paragraph."""
    ident = ids.take()
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), ident)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), ident)
    paragraph._p.append(start)
    paragraph._p.append(end)


def write_line(paragraph: Paragraph, line: str, ids: BookmarkIds, bold: bool = False) -> None:
    """Write one line into a paragraph, turning '[bookmark: NAME]' markers into real bookmarks."""
    pos = 0
    for match in BOOKMARK.finditer(line):
        if match.start() > pos:
            paragraph.add_run(line[pos : match.start()]).bold = bold or None
        _append_bookmark(paragraph, match.group(1), ids)
        pos = match.end()
    if pos < len(line):
        paragraph.add_run(line[pos:]).bold = bold or None


def fill_cell(cell: _Cell, text: str, ids: BookmarkIds, bold: bool = False, center: bool = False) -> None:
    """Write a cell's text, one paragraph per line, into a cell that holds one empty paragraph."""
    for k, line in enumerate(text.split("\n")):
        paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        write_line(paragraph, line, ids, bold)


def _set_widths(cells: Sequence[_Cell], widths_cm: Sequence[float]) -> None:
    """Word reads w:tcW, LibreOffice the grid: set both so every renderer agrees."""
    for cell, width in zip(cells, widths_cm, strict=True):
        cell.width = Cm(width)


def mark_header(table: Table, row_index: int) -> None:
    """Mark a row as a header row that Word and LibreOffice repeat at the top of every page."""
    tr_pr = table.rows[row_index]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def add_cells_row(
    table: Table,
    texts: Sequence[str],
    widths_cm: Sequence[float],
    ids: BookmarkIds,
    bold: bool = False,
    center: bool = False,
) -> int:
    """Append a row with one text per grid column; returns the new row's index."""
    row = table.add_row()
    _set_widths(row.cells, widths_cm)
    for cell, text in zip(row.cells, texts, strict=True):
        fill_cell(cell, text, ids, bold=bold, center=center)
    return len(table.rows) - 1


def add_span_row(table: Table, text: str, widths_cm: Sequence[float], ids: BookmarkIds) -> int:
    """Append a heading row: one bold centred cell spanning the full width (w:gridSpan)."""
    row = table.add_row()
    _set_widths(row.cells, widths_cm)
    merged = row.cells[0].merge(row.cells[-1])
    merged.width = Cm(sum(widths_cm))
    fill_cell(merged, text, ids, bold=True, center=True)
    return len(table.rows) - 1


def merge_down(table: Table, column: int, first_row: int, last_row: int) -> None:
    """Merge one column's cells over rows first..last (w:vMerge restart/continue); text stays on top."""
    if last_row > first_row:
        table.cell(first_row, column).merge(table.cell(last_row, column))


def save_stable(doc: DocumentObject, path: Path) -> None:
    """Save with fixed zip timestamps and member order, so unchanged sources give identical bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    path.write_bytes(out.getvalue())
