"""A table drawn without rules whose cells are padded by nothing (Word's and LibreOffice's «cell
margins 0»): a cell's full line ends where the next column's text starts, a header label's last
line reaches the next column's text, and a bottom-aligned first row's upper lines stand as close
under the header as the header's own lines stand to each other; and rows whose cells are centred,
their number alone on its line."""

from __future__ import annotations

from typing import Any

from muniflow.readers.pdfgaps import infer_table
from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdfregions import Region
from muniflow.readers.pdfspaces import page_glyphs
from muniflow.readers.pdftextlines import is_numbered, text_lines
from muniflow.readers.pdfunruled import _grid

LETTER, SPACE = 5.0, 2.5  # a letter's and a space's advance; glyphs 10 pt tall
XS = (46.0, 58.0, 112.0, 240.0, 300.0)  # №, date, event, place, result


def _chars(x: float, top: float, text: str) -> list[dict[str, Any]]:
    """A text's chars from `x`, its spaces written as glyphs, its letters edge to edge."""
    out = []
    for char in text:
        width = SPACE if char == " " else LETTER
        out.append(
            {"text": char, "x0": x, "x1": x + width, "top": top, "bottom": top + 10, "fontname": "Serif"}
        )
        x += width
    return out


def _rows_page() -> list[dict[str, Any]]:
    """Six rows whose place column starts at XS[3] on every line."""
    chars: list[dict[str, Any]] = []
    row = ("12.07", "Слёт краеведов", "г. Ивск", "Обсуждены планы")
    for k in range(6):
        for x, text in zip(XS, (str(k + 1), *row), strict=True):
            chars += _chars(x, 130.0 + 20 * k, text)
    return chars


def test_a_line_filling_its_cell_to_the_next_columns_edge_parts_there() -> None:
    """The event's line fills its cell and ends a twentieth of a point before the place's text,
    closer than the page's letters stand in a word: the place's letter starts where the place's
    lines start on six rows, so a cell's edge stands before it (read as one run, the event and
    the place were one cell). A heading running across the columns, a letter of it landing on
    that edge, is one run and stays whole."""
    chars = _rows_page()
    name = "Ф" * 25  # from the event's column start to 0.05 pt before the place's
    chars += _chars(XS[0], 260.0, "7") + _chars(XS[3] - 0.05 - LETTER * len(name), 260.0, name)
    chars += _chars(XS[3], 260.0, "г. Ивск")
    heading = "Ш" * 25  # one run from the event's column, a letter of it on the place's edge
    chars += _chars(XS[3] - LETTER * len(heading), 280.0, heading + "ш")
    glyphs = page_glyphs(chars)
    assert [g.text for g in glyphs if g.parted and g.top == 260.0] == ["г"]
    assert not any(g.parted for g in glyphs if g.top == 280.0)


def _word(text: str, x: float, top: float, bold: bool = False) -> list[Glyph]:
    return [Glyph(ch, x + 6 * k, x + 6 * k + 5, top, top + 10, bold=bold) for k, ch in enumerate(text)]


def test_a_header_labels_last_line_reaching_the_next_columns_text_stays_in_its_column() -> None:
    """The municipality's label wraps over three lines, its last one ending a point before the
    event's text (the event's label two lines higher, none beside it): the boundary stands right
    of it, not a padding left of the event's text, so the label is no cell spanning both."""
    columns = (60.0, 80.0, 160.0, 260.0)  # №, municipality, event, date
    glyphs = _word("No", columns[0], 100) + _word("Муници", columns[1], 100)
    glyphs += _word("Событие", columns[2], 100) + _word("Дата", columns[3], 100)
    glyphs += _word("пальное", columns[1], 112) + _word("образование", columns[2] - 1 - 6 * 11 + 1, 124)
    for r in range(3):
        top = 140 + 20 * r
        glyphs += _word(str(r + 1), columns[0], top) + _word("Лес", columns[1], top)
        glyphs += _word("Визит", columns[2], top) + _word("2.05", columns[3], top)
    table = infer_table(glyphs, Region(-1e9, 90, 1e9, 200, framed=False))
    assert table is not None
    assert columns[2] - 1 < _grid(table)[2] <= columns[2]


def test_a_bold_header_cells_last_line_stays_in_the_header_over_rows_set_at_the_bottom() -> None:
    """Rows set at their bottom, a municipality merged down the first column (its name at the top
    of its rows): the header's tallest label ends a line's pitch above the first row's upper
    lines, as close as they stand to each other; either band fits it alike by alignment, but it is
    bold where the body is not: it stays the header's (read into the row, the header lost it)."""
    columns = (60.0, 100.0, 200.0, 300.0)  # №, municipality, event, result
    glyphs = _word("No", columns[0], 100, True) + _word("Район", columns[1], 100, True)
    glyphs += _word("Событие", columns[2], 100, True) + _word("Итоги", columns[3], 100, True)
    glyphs += _word("области", columns[1], 112, True)
    glyphs += _word("Лесной", columns[1], 124)
    top = 124.0
    for r in range(3):
        tall = [top + 12 * k for k in range(4)]
        glyphs += [g for t in tall for g in _word("итог", columns[3], t)]
        glyphs += _word("Визит", columns[2], tall[-2]) + _word("делег", columns[2], tall[-1])
        glyphs += _word(f"{r + 1}.", columns[0], tall[-1])
        top = tall[-1] + 16
    table = infer_table(glyphs, Region(-1e9, 90, 1e9, top, framed=False))
    assert table is not None
    assert table.aligned == "bottom"
    assert table.header_lines[-1] == "области"


def test_a_place_filling_its_cell_a_fraction_of_a_point_before_the_dates_leaves_two_columns() -> None:
    """A place's line fills its cell and ends 0.4 pt before the dates' text (LibreOffice's line
    break in cells padded by nothing), which starts at one x on every row: the strip between them
    parts two columns (read as one, the place and the dates were one cell)."""
    columns = (60.0, 80.0, 200.0, 260.0)  # №, event, place, dates
    glyphs: list[Glyph] = []
    for r in range(4):
        top = 140 + 24 * r
        glyphs += _word(str(r + 1), columns[0], top) + _word("Визит", columns[1], top)
        glyphs += _word("г.", columns[2], top) + _word(f"{r + 2}.05", columns[3], top)
        glyphs += _word("делег", columns[1], top + 12)
        step = (columns[3] - 0.4 - 5 - columns[2]) / 9  # ten letters from the place's edge
        glyphs += [
            Glyph(ch, columns[2] + step * k, columns[2] + step * k + 5, top + 12, top + 22)
            for k, ch in enumerate("Кленовский")
        ]
    table = infer_table(glyphs, Region(-1e9, 130, 1e9, 240, framed=False))
    assert table is not None
    assert len(_grid(table)) == 5


def test_a_row_number_alone_on_its_line_opens_its_row_in_cells_centred_in_their_rows() -> None:
    """Cells centred in their rows: each cell's lines stand on baselines of their own, the row's
    number alone on its line (no other cell's line beside it). With the columns known it still
    opens its row (read as no number, two rows were one); a lone number is no table's start."""
    lone = text_lines(_word("4.", 62.0, 300))[0]
    assert is_numbered(lone, (60.0, 80.0, 200.0, 300.0))
    assert not is_numbered(lone, (60.0, 61.0, 200.0, 300.0))  # beyond the first column
    assert not is_numbered(lone)
