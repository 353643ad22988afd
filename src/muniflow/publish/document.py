"""Write a `Compilation` as a Word document in the template's form (python-docx): a landscape A4
page, the title, one bordered table with a header row repeated on every page, a merged heading
row per municipality, and the annex table after a page break."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell

from muniflow.publish.compilation import Compilation
from muniflow.publish.template import Column, Template

A4_CM = (21.0, 29.7)


def write_docx(compilation: Compilation, template: Template, path: Path) -> Path:
    """Write the compilation to `path` (.docx); returns the path."""
    doc = _new_document(template)
    for line in compilation.title:
        _paragraph(doc, line, template.title_size_pt, bold=True)
    doc.add_paragraph()
    table = _table(doc, template.columns)
    _cells_row(table, template.columns, [c.title for c in template.columns], bold=True, header=True)
    for section in compilation.sections:
        _span_row(table, template.columns, section.municipality)
        for entry in section.entries:
            texts = [
                f"{entry.seq_no}." if c.field == "seq_no" else entry.cells.get(c.field, "")
                for c in template.columns
            ]
            _cells_row(table, template.columns, texts)
    if compilation.annex is not None:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _paragraph(doc, template.annex_title, template.title_size_pt, bold=True)
        annex = _table(doc, template.annex_columns)
        _cells_row(
            annex, template.annex_columns, [c.title for c in template.annex_columns], bold=True, header=True
        )
        for row in compilation.annex:
            _cells_row(annex, template.annex_columns, list(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def _new_document(template: Template) -> DocumentObject:
    doc = Document()
    section = doc.sections[0]
    width, height = A4_CM if template.orientation == "portrait" else A4_CM[::-1]
    section.orientation = WD_ORIENT.PORTRAIT if template.orientation == "portrait" else WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(width), Cm(height)
    margins = template.margins_cm
    section.top_margin, section.bottom_margin = Cm(margins["top"]), Cm(margins["bottom"])
    section.left_margin, section.right_margin = Cm(margins["left"]), Cm(margins["right"])
    normal = doc.styles["Normal"]
    normal.font.name = template.font
    normal.font.size = Pt(template.size_pt)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attr), template.font)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    return doc


def _paragraph(doc: DocumentObject, text: str, size_pt: float, bold: bool = False) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size_pt)


def _table(doc: DocumentObject, columns: Sequence[Column]) -> Table:
    table = doc.add_table(rows=0, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, spec in zip(table.columns, columns, strict=True):
        column.width = Cm(spec.width_cm)
    return table


def _fill(cell: _Cell, text: str, bold: bool = False, center: bool = False) -> None:
    for k, line in enumerate(text.split("\n")):
        paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if line:
            paragraph.add_run(line).bold = bold or None


def _cells_row(
    table: Table, columns: Sequence[Column], texts: Sequence[str], bold: bool = False, header: bool = False
) -> None:
    row = table.add_row()
    for cell, spec, text in zip(row.cells, columns, texts, strict=True):
        cell.width = Cm(spec.width_cm)  # Word reads w:tcW, LibreOffice the grid: set both
        _fill(cell, text, bold=bold, center=header)
    if header:  # repeated at the top of every page by Word and LibreOffice
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)


def _span_row(table: Table, columns: Sequence[Column], text: str) -> None:
    row = table.add_row()
    for cell, spec in zip(row.cells, columns, strict=True):
        cell.width = Cm(spec.width_cm)
    merged = row.cells[0].merge(row.cells[-1])
    _fill(merged, text, bold=True, center=True)
