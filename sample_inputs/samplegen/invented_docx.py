"""Build a Word report from invented rows under a template: which columns in which order, and
whether the municipality is a merged column (vMerge) or a full-width heading row (gridSpan).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby
from pathlib import Path

from . import docx_build as wb
from .gold import InventedRow


@dataclass(frozen=True)
class Template:
    """How one (invented) authority lays out its report.

    `fields` names, per grid column, the InventedRow attribute shown there ('seq_text',
    'municipality', 'title', 'place', 'date_text', 'goal', 'participants'); with
    `municipality_as_column` False the municipality goes in heading rows instead.
    """

    stem: str
    title_lines: tuple[str, ...]
    header: tuple[str, ...]
    fields: tuple[str, ...]
    widths_cm: tuple[float, ...]
    municipality_as_column: bool
    number_row: bool
    first_day: date
    last_day: date
    font: str = "Times New Roman"
    size_pt: float = 10
    title_pt: float = 12


def build_invented_docx(template: Template, rows: tuple[InventedRow, ...], path: Path) -> None:
    """Write the report: title, one grid table, repeating header, optional column-number row."""
    if not (len(template.header) == len(template.fields) == len(template.widths_cm)):
        raise ValueError(f"{template.stem}: header, fields and widths differ in length")
    doc = wb.new_document(template.font, template.size_pt)
    wb.add_title(doc, template.title_lines, template.title_pt)
    widths = template.widths_cm
    table = wb.add_grid_table(doc, widths)
    ids = wb.BookmarkIds()
    wb.mark_header(table, wb.add_cells_row(table, template.header, widths, ids, bold=True, center=True))
    if template.number_row:
        numbers = tuple(str(k) for k in range(1, len(widths) + 1))
        wb.add_cells_row(table, numbers, widths, ids, center=True)
    column = template.fields.index("municipality") if template.municipality_as_column else None
    for municipality, group in groupby(rows, key=lambda r: r.municipality):
        members = list(group)
        if column is None:
            wb.add_span_row(table, municipality, widths, ids)
        first = len(table.rows)
        for k, row in enumerate(members):
            texts = [getattr(row, name) for name in template.fields]
            if column is not None and k > 0:
                texts[column] = ""  # the merged cell shows the name once, in its top row
            wb.add_cells_row(table, texts, widths, ids)
        if column is not None:
            wb.merge_down(table, column, first, len(table.rows) - 1)
    wb.save_stable(doc, path)
