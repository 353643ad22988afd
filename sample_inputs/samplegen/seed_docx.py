"""The faithful Word reconstruction of the seed report, and its check against the seed's gold."""

from __future__ import annotations

from pathlib import Path

from . import docx_build as wb
from .gold import fold
from .seed_text import SeedTable

FONT = "Times New Roman"
SIZE_PT = 10  # 12 pt on A4 portrait runs to 21 pages; 10 pt keeps the PDF near 14
TITLE_PT = 12
# №, title, place, dates, goal, participants: 16.5 cm between the margins.
WIDTHS_CM = (1.1, 3.4, 2.5, 2.3, 4.1, 3.1)
GOLD_FIELDS = {"title": 1, "place": 2, "goal": 4, "participants": 5}


def build_seed_docx(seed: SeedTable, path: Path) -> None:
    """Write the seed as Word held it: title, one grid table, repeating header, heading rows."""
    doc = wb.new_document(FONT, SIZE_PT)
    wb.add_title(doc, seed.title_lines, TITLE_PT)
    table = wb.add_grid_table(doc, WIDTHS_CM)
    ids = wb.BookmarkIds()
    header = wb.add_cells_row(table, seed.header, WIDTHS_CM, ids, bold=True, center=True)
    wb.mark_header(table, header)
    for cells in seed.rows:
        if len(cells) == 1:
            wb.add_span_row(table, cells[0], WIDTHS_CM, ids)
        else:
            wb.add_cells_row(table, cells, WIDTHS_CM, ids)
    wb.save_stable(doc, path)


def seed_mismatches(seed: SeedTable, gold: dict) -> list[str]:
    """Where the parsed seed differs from its gold (cell texts folded); empty when faithful."""
    problems: list[str] = []
    municipality = ""
    data_rows: list[tuple[str, tuple[str, ...]]] = []
    for cells in seed.rows:
        if len(cells) == 1:
            municipality = fold(cells[0])
        else:
            data_rows.append((municipality, cells))
    events = gold["events"]
    if len(data_rows) != len(events):
        problems.append(f"{len(data_rows)} data rows, gold has {len(events)}")
    for (muni, cells), want in zip(data_rows, events, strict=False):
        if muni != want["municipality"]:
            problems.append(f"seq {want['seq']}: municipality {muni!r} != {want['municipality']!r}")
        for name, col in GOLD_FIELDS.items():
            if fold(cells[col]) != want[name]:
                problems.append(f"seq {want['seq']}: {name} {fold(cells[col])[:50]!r} != {want[name][:50]!r}")
        if fold(cells[0]).rstrip(".") != str(want["seq"]):
            problems.append(f"seq {want['seq']}: № cell {cells[0]!r}")
    return problems
