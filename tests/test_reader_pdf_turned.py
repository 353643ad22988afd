"""Header cells written upwards or downwards (Word's text direction, common in narrow columns): in
a PDF their glyphs are turned a quarter, and a cell's text is rebuilt in the frame where its lines
run left to right. The geometry on glyph boxes, then a LibreOffice export of a Word table."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from readers_fixtures import HEADER
from readers_layouts import exported

from muniflow.readers.base import fold_whitespace
from muniflow.readers.docx import DocxReader
from muniflow.readers.pdf import PdfReader, _text_between
from muniflow.readers.pdflinebreaks import join_lines
from muniflow.readers.pdflines import Glyph, table_lines, turn_of
from sample_inputs.samplegen.docx_build import (
    BookmarkIds,
    add_cells_row,
    add_grid_table,
    add_title,
    mark_header,
    new_document,
    save_stable,
)

SIZE = 10.0  # font size, points
WIDTH = 5.0  # every glyph's advance, points
BOX = (0.0, 0.0, 40.0, 100.0)  # a tall narrow cell: x0, top, x1, bottom


def _upright(lines: list[str]) -> list[Glyph]:
    """Glyphs of lines laid out left to right, one line under the other, from the cell's top left."""
    return [
        Glyph(ch, 2 + k * WIDTH, 2 + (k + 1) * WIDTH, 2 + n * SIZE, 2 + (n + 1) * SIZE)
        for n, line in enumerate(lines)
        for k, ch in enumerate(line)
    ]


def _upwards(lines: list[str]) -> list[Glyph]:
    """The same lines written upwards: each from the cell's bottom, lines stacked left to right."""
    x0, _, _, bottom = BOX
    return [
        Glyph(
            ch,
            x0 + 2 + n * SIZE,
            x0 + 2 + (n + 1) * SIZE,
            bottom - 2 - (k + 1) * WIDTH,
            bottom - 2 - k * WIDTH,
            1,
        )
        for n, line in enumerate(lines)
        for k, ch in enumerate(line)
    ]


def _downwards(lines: list[str]) -> list[Glyph]:
    """Written downwards: each from the cell's top, lines stacked right to left."""
    _, top, x1, _ = BOX
    return [
        Glyph(
            ch, x1 - 2 - (n + 1) * SIZE, x1 - 2 - n * SIZE, top + 2 + k * WIDTH, top + 2 + (k + 1) * WIDTH, -1
        )
        for n, line in enumerate(lines)
        for k, ch in enumerate(line)
    ]


LINES = ["Место ", "проведения"]


@pytest.mark.parametrize("write", [_upwards, _downwards], ids=["upwards", "downwards"])
def test_a_turned_cell_reads_as_the_same_cell_upright(write) -> None:
    tall = (BOX[0], BOX[1], BOX[0] + 100.0, BOX[3])  # room for the upright lines
    upright = join_lines(table_lines({tall: _upright(LINES)})[tall])
    turned = join_lines(table_lines({BOX: write(LINES)})[BOX])
    assert turned == upright == "Место проведения"


def test_a_cell_mostly_upright_is_read_upright() -> None:
    wide = (BOX[0], BOX[1], BOX[0] + 100.0, BOX[3])
    glyphs = _upright(["Место проведения"])
    stray = glyphs[0]._replace(turn=1)  # one glyph a producer turned, the rest upright
    assert join_lines(table_lines({wide: [stray, *glyphs[1:]]})[wide]) == "Место проведения"


@pytest.mark.parametrize(
    ("char", "turn"),
    [
        ({"upright": True, "matrix": (1, 0, 0, 1, 0, 0)}, 0),
        ({"upright": False, "matrix": (0.0, 1.0, -1.0, 0.0, 99.8, 658.7)}, 1),  # LibreOffice's btLr
        ({"upright": False, "matrix": (0.0, -1.0, 1.0, 0.0, 20.0, 600.0)}, -1),  # tbRl
        ({"upright": False, "matrix": (-1.0, 0.0, 0.0, -1.0, 20.0, 600.0)}, 0),  # upside down
        ({"upright": False}, 0),
        # Word writes cos 90° as 7.5e-08, and pdfminer then calls the glyph upright
        ({"upright": True, "matrix": (7.5e-08, 1.0, -1.0, 7.5e-08, 60.264, 521.83)}, 1),
        ({"upright": True, "matrix": (7.5e-08, -1.0, 1.0, 7.5e-08, 60.264, 521.83)}, -1),
    ],
    ids=["upright", "upwards", "downwards", "upside-down", "no-matrix", "word-upwards", "word-downwards"],
)
def test_turn_of_a_pdfplumber_char(char: dict, turn: int) -> None:
    assert turn_of(char) == turn


ROWS = [
    ["1.", "Международный фестиваль народного творчества", "г. Велиж", "12 мая 2024 г.", "Делегация"],
    ["2.", "Визит делегации побратимов", "д. Сёла, Дом культуры", "3-5 июня 2024 г.", "20 человек"],
]


def _turned_header(path: Path) -> Path:
    """A Word table whose header cells are written upwards, but the title's, written downwards."""
    doc = new_document("Times New Roman", 11)
    add_title(doc, ["Перечень международных мероприятий за 2 квартал 2024 года"], 12)
    widths = [1.2, 5.0, 3.6, 3.0, 3.2]
    ids = BookmarkIds()
    table = add_grid_table(doc, widths)
    add_cells_row(table, list(HEADER), widths, ids, bold=True)
    mark_header(table, 0)
    for row in ROWS:
        add_cells_row(table, row, widths, ids)
    header = table.rows[0]
    header.height = Cm(3.2)
    for col, tc in enumerate(header._tr.findall(qn("w:tc"))):
        direction = OxmlElement("w:textDirection")
        direction.set(qn("w:val"), "tbRl" if col == 1 else "btLr")
        tc.get_or_add_tcPr().append(direction)
    save_stable(doc, path)
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    out, pdfs = exported(tmp_path_factory, "turned", {"turned": _turned_header})
    return {"pdf": pdfs["turned"], "docx": out / "turned.docx"}


def _folded(cells) -> tuple[str, ...]:
    return tuple(fold_whitespace(c or "") for c in cells)


def test_turned_header_of_a_pdf_reads_as_in_the_docx(files: dict[str, Path]) -> None:
    pdf, word = PdfReader().read(files["pdf"]), DocxReader().read(files["docx"])
    assert _folded(pdf.tables[0].header) == _folded(word.tables[0].header) == _folded(HEADER)
    assert [_folded(r.cells) for r in pdf.tables[0].rows] == [_folded(r) for r in ROWS]


def _glyphs(text: str, x: float, top: float, height: float = 12.0, width: float = 6.0, turned: bool = False):  # type: ignore[no-untyped-def]
    """pdfplumber chars of one line of `text` from (x, top): upright, or turned a quarter (a letter
    of a cell written upwards)."""
    matrix = (0.0, 1.0, -1.0, 0.0, 0.0, 0.0) if turned else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return [
        {"text": ch, "x0": x + k * width, "x1": x + (k + 1) * width, "top": top, "bottom": top + height}
        | {"matrix": matrix, "fontname": "Serif", "size": height}
        for k, ch in enumerate(text)
    ]


class _Page:
    width, height = 842.0, 595.0

    def __init__(self, chars: list[dict[str, object]]) -> None:
        self.chars = chars


def test_a_turned_header_cell_of_a_table_without_rules_stays_out_of_the_heading() -> None:
    """Above a table drawn without rules, the band of text holds the heading and the header's
    lines; the letters of its «№» cell written upwards (here drawn as «N» and «o») are no lines of
    the heading: they had cut «… первого» from «квартала 2025 года», and the period was lost."""
    chars = [
        *_glyphs("СВЕДЕНИЯ", 380, 56),
        *_glyphs("о международных мероприятиях органов местного самоуправления по итогам первого", 130, 70),
        *_glyphs("квартала 2025 года", 360, 84),
        *_glyphs("Проведённые Место Время проведения Цель проведения", 110, 125),
        *_glyphs("мероприятия проведения мероприятия достигнутые результаты", 110, 139),
        *_glyphs("o", 90, 161, height=6.0, width=12.0, turned=True),
        *_glyphs("N", 90, 167, height=8.0, width=12.0, turned=True),
    ]
    lines = _text_between(_Page(chars), 0, 180).split("\n")
    assert lines[:2] == [
        "СВЕДЕНИЯ",
        "о международных мероприятиях органов местного самоуправления по итогам первого квартала 2025 года",
    ]
