"""Render a layout `Plan` as a DOCX file (python-docx), with the helpers of docx_build.py."""

from __future__ import annotations

import re
from pathlib import Path

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.table import Table

from . import layout_extras as lx
from . import layout_package as lp
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
    if plan.borders != "grid":
        draw_borders(table, lx.BORDER_SIDES[plan.borders])
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
    if plan.auto_number:
        _number_by_lists(doc, table, first_body)
    for c, r0, r1 in plan.body_merges:
        merge_down(table, c, first_body + r0, first_body + r1)
        if plan.centred_merges:
            table.cell(first_body + r0, c).vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    doc.add_paragraph()  # tables never touch: Word and LibreOffice would join them into one
    return table


def draw_borders(table: Table, sides: tuple[str, ...]) -> None:
    """Draw only the given sides of the table's borders (w:tblBorders overrides Table Grid's);
    the others are set to nil, so the style draws none of them."""
    props = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        if side in sides:
            border.set(qn("w:val"), "single")
            border.set(qn("w:sz"), "4")
            border.set(qn("w:space"), "0")
            border.set(qn("w:color"), "auto")
        else:
            border.set(qn("w:val"), "nil")
        borders.append(border)
    later = None  # the schema puts tblBorders after these and before the rest
    for name in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"):
        later = props.find(qn(name))
        if later is not None:
            break
    if later is None:
        props.append(borders)
    else:
        later.addprevious(borders)


_NUMBERED = re.compile(r"(\d+)(\.?)")
_LISTS_FROM = 900  # ids of the list definitions and instances this module adds


def _number_by_lists(doc: DocumentObject, table: Table, first_body: int) -> None:
    """Turn the body's № cells («7», «7.») into Word list items showing the same numbers: one list
    instance per run of consecutive numbers (a restart is a new instance starting at its number),
    one definition per label form. A row of column numbers is left as it is."""
    numbering = doc.part.numbering_part.element
    defined = {int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))}
    used = {int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))}
    current: tuple[int, int, str] | None = None  # (numId, last number, label form)
    for row in table.rows[first_body:]:
        cells = row._tr.findall(qn("w:tc"))
        texts = ["".join(t.text or "" for t in tc.iter(qn("w:t"))).strip() for tc in cells]
        match = _NUMBERED.fullmatch(texts[0]) if len(cells) > 1 else None
        if match is None or all(t.isdigit() for t in texts):
            continue
        number, form = int(match.group(1)), "%1" + match.group(2)
        abstract = _LISTS_FROM + (1 if form == "%1." else 0)
        if abstract not in defined:
            level = (
                '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                f'<w:lvlText w:val="{form}"/></w:lvl>'
            )
            numbering.insert(
                0,
                parse_xml(
                    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract}">{level}</w:abstractNum>'
                ),
            )
            defined.add(abstract)
        if current is None or current[1] + 1 != number or current[2] != form:
            num_id = max(used | {_LISTS_FROM - 1}) + 1
            used.add(num_id)
            start = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{number}"/></w:lvlOverride>'
            numbering.append(
                parse_xml(
                    f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                    f'<w:abstractNumId w:val="{abstract}"/>{start}</w:num>'
                )
            )
            current = (num_id, number, form)
        current = (current[0], number, form)
        paragraph = cells[0].find(qn("w:p"))
        for extra in cells[0].findall(qn("w:p"))[1:]:
            cells[0].remove(extra)
        for run in paragraph.findall(qn("w:r")):
            paragraph.remove(run)
        props = paragraph.get_or_add_pPr()
        props.append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{current[0]}"/></w:numPr>')
        )


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
    package = plan.axes.get("package", "no")
    first = len(doc.element.body) - 1  # before w:sectPr
    add_title(doc, plan.title, plan.size)
    if package == "title_box" and plan.title:
        lp.title_in_box(doc, first, first + len(plan.title) - 1, AVAILABLE_CM[plan.landscape])
    ids = BookmarkIds()
    per_table = plan.axes.get("sections") == "per_table"
    for table in plan.tables:
        _render_table(doc, table, ids, per_table)
    if package == "hidden":
        lp.hide_notes(doc)
    save_stable(doc, path)
    if package in ("strict", "altchunk"):
        lp.repackage(path, package, save_stable)
    return path
