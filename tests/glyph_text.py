"""Glyphs of typed text for the tests of tables drawn without rules (readers/pdfunruled): each
letter 5 pt wide, a space 3 pt, 10 pt tall, spaces not drawn; and the text a table read from
such glyphs holds in each of its cells."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from muniflow.readers.pdflines import Glyph, group_lines
from muniflow.readers.pdftextlines import run_text


def text_glyphs(text: str, x: float, top: float) -> list[Glyph]:
    """A text's glyphs from `x` on one line at `top`."""
    out = []
    for char in text:
        if char != " ":
            out.append(Glyph(char, x, x + 5, top, top + 10))
        x += 5 if char != " " else 3
    return out


def line_glyphs(top: float, pieces: Iterable[tuple[float, str]]) -> list[Glyph]:
    """A line's glyphs: each piece of text at its x."""
    return [g for x, text in pieces for g in text_glyphs(text, x, top)]


def cell_texts(table: Any, glyphs: Sequence[Glyph]) -> list[tuple[str, ...]]:
    """Each row of `table` as the texts of the glyphs whose centres its cells hold, a cell's lines
    joined by a space (a merged cell's covered slots left out)."""
    out = []
    for row in table.rows:
        cells = []
        for box in row.cells:
            if box is None:
                continue
            x0, top, x1, bottom = box
            inside = [
                g for g in glyphs if x0 <= (g.x0 + g.x1) / 2 < x1 and top <= (g.top + g.bottom) / 2 < bottom
            ]
            cells.append(" ".join(run_text(line) for line in group_lines(inside)))
        out.append(tuple(cells))
    return out
