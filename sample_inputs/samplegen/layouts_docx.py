"""Render a layout `Plan` as a DOCX file (python-docx), with the helpers of docx_build.py."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table

from . import layout_extras as lx
from .docx_build import (
    BookmarkIds,
    add_cells_row,
    add_grid_table,
    add_span_row,
    add_title,
    mark_header,
    merge_down,
    new_document,
    save_stable,
    write_line,
)
from .layout_plan import AVAILABLE_CM
from .variants import Plan, TablePlan


def _landscape(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)


def _letterhead(doc: DocumentObject, left: list[str], right: list[str], width_cm: float) -> None:
    """The sender's block on the left, the addressee's on the right: a borderless table of two
    cells, as Russian official letters lay out their letterhead."""
    table = doc.add_table(rows=1, cols=2)  # no style: no borders
    table.autofit = False
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.width = Cm(width_cm / 2)
        for k, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            paragraph.add_run(line)
    doc.add_paragraph()


def _blank_merged(plan: TablePlan) -> list[list[str]]:
    """Header texts with the cells a merge swallows left empty (their text is the merged cell's)."""
    rows = [list(r) for r in plan.header]
    for r, c0, c1 in plan.hmerges:
        for c in range(c0 + 1, c1 + 1):
            rows[r][c] = ""
    for c, r0, r1 in plan.vmerges:
        for r in range(r0 + 1, r1 + 1):
            rows[r][c] = ""
    return rows


def _render_table(doc: DocumentObject, plan: TablePlan, ids: BookmarkIds, per_table_heading: bool) -> Table:
    for k, line in enumerate(plan.caption):
        write_line(doc.add_paragraph(), line, ids, bold=per_table_heading or k == 0)
    table = add_grid_table(doc, plan.widths)
    top = 0
    if plan.title_row:
        add_span_row(table, plan.title_row, plan.widths, ids)
        top = 1
    for texts in _blank_merged(plan):
        add_cells_row(table, texts, plan.widths, ids, bold=True, center=True)
    if plan.repeat_header:
        for r in range(top + len(plan.header)):
            mark_header(table, r)
    for r, c0, c1 in plan.hmerges:
        table.cell(top + r, c0).merge(table.cell(top + r, c1))
    if plan.turned:
        _turn_header(table, plan, top)
    for c, r0, r1 in plan.vmerges:
        merge_down(table, c, top + r0, top + r1)
    first_body = top + len(plan.header)
    for kind, content in plan.body:
        if kind == "span":
            assert isinstance(content, str)
            add_span_row(table, content, plan.widths, ids)
        else:
            assert isinstance(content, list)
            add_cells_row(table, content, plan.widths, ids)
    for c, r0, r1 in plan.body_merges:
        merge_down(table, c, first_body + r0, first_body + r1)
        if plan.centred_merges:
            table.cell(first_body + r0, c).vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    doc.add_paragraph()  # tables never touch: Word and LibreOffice would join them into one
    return table


def _turn_header(table: Table, plan: TablePlan, top: int) -> None:
    """Write the header cells of the plan's turned columns upwards or downwards (`w:textDirection`);
    a cell spanning several columns (a group header) stays upright. The rows get room for it."""
    for r in range(top, top + len(plan.header)):
        row = table.rows[r]
        row.height = Cm(lx.TURNED_HEIGHT_CM / len(plan.header))
        col = 0
        for tc in row._tr.findall(qn("w:tc")):
            span = tc.grid_span
            if span == 1 and col in plan.turned:
                direction = OxmlElement("w:textDirection")
                direction.set(qn("w:val"), plan.direction)
                props = tc.get_or_add_tcPr()
                later = None  # the schema puts textDirection before these
                for name in ("w:tcFitText", "w:vAlign", "w:hideMark"):
                    later = props.find(qn(name))
                    if later is not None:
                        break
                if later is None:
                    props.append(direction)
                else:
                    later.addprevious(direction)
            col += span


def render_docx(plan: Plan, path: Path) -> Path:
    """Write the plan as a DOCX file at `path` (byte-stable for one plan)."""
    doc = new_document(plan.font, plan.size)
    if plan.landscape:
        _landscape(doc)
    if plan.letterhead:
        _letterhead(doc, *plan.letterhead, width_cm=AVAILABLE_CM[plan.landscape])
    add_title(doc, plan.title, plan.size)
    ids = BookmarkIds()
    per_table = plan.axes.get("sections") == "per_table"
    for table in plan.tables:
        _render_table(doc, table, ids, per_table)
    save_stable(doc, path)
    return path
