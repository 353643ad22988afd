"""A table drawn without rules whose cells are set at their bottom, a row's long result cut by the
page end: the next page opens with the rest of that result right over the first row's tallest
cell, in the same column. Set at their bottom, the first row's cells fit as well with those lines
as without them; what parts them is the cell of the page before going on overleaf (its last line
ended with the space it wrapped at) and the blank band under the rest, as tall as the gaps
between the rows of this page (readers/pdfaligned._rest_apart)."""

from __future__ import annotations

from glyph_text import cell_texts, text_glyphs

from muniflow.readers.pdfaligned import aligned_bands
from muniflow.readers.pdfgaprows import row_starts
from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdftextlines import text_lines
from muniflow.readers.pdfunruled import _grid, text_only_tables

XS = (40.0, 70.0, 220.0, 330.0, 560.0)  # №, event, place, result; the right edge
PITCH = 12.0  # a cell's line pitch; glyphs 10 pt tall
GAP = 14.0  # the blank between two rows: a cell's padding below, the next one's above
WIDE = (*XS[:4], 565.0, 600.0)  # a narrow column of notes after the result
HEADER = (("№",), ("Мероприятие",), ("Место",), ("Итоги", "проведения"))
GOAL = ("Обсуждены планы на год", "и новые маршруты", "для юных туристов", "края и области")


def _row(
    top: float, cells: tuple[tuple[str, ...], ...], xs: tuple[float, ...] = XS
) -> tuple[list[Glyph], float]:
    """A row's glyphs, each cell's lines set at the row's bottom; the row's bottom."""
    height = max(len(cell) for cell in cells) * PITCH
    out = []
    for x0, cell in zip(xs, cells, strict=False):
        first = top + height - len(cell) * PITCH
        for k, text in enumerate(cell):
            out += text_glyphs(text, x0, first + k * PITCH)
    return out, top + height


def _first_page() -> list[Glyph]:
    glyphs, bottom = _row(100.0, HEADER)
    for row in [(("1.",), ("Слёт",), ("г. Ивск",), GOAL), (("2.",), ("Ярмарка",), ("с. Лесное",), GOAL[:2])]:
        more, bottom = _row(bottom + GAP, row)
        glyphs += more
    return glyphs


ROWS = [
    (("3.",), ("Турнир", "по городкам"), ("г. Ивск",), GOAL),
    (("4.",), ("Вечер",), ("д. Ключи",), GOAL[:3]),
    (("5.",), ("Концерт",), ("г. Ивск",), GOAL[:2]),
]
REST = ("с вожатыми", "из соседних районов")


def _next_page() -> list[Glyph]:
    """The rest of a result at the page's top, the rows under it set at their bottom: the rest's
    last line and the first row's tallest cell one row gap apart, in the result's column."""
    page = [g for k, text in enumerate(REST) for g in text_glyphs(text, XS[3], 40.0 + k * PITCH)]
    bottom = 40.0 + len(REST) * PITCH
    for row in ROWS:
        more, bottom = _row(bottom + GAP, row)
        page += more
    return page


def test_the_rest_of_a_result_cut_by_the_page_end_is_parted_from_the_first_row() -> None:
    """The result of the page before went on overleaf: its rest is a row of its own, which the
    stitching glues to it; the first row keeps only its own result. Where the result ended its
    paragraph at the page end, nothing goes on: the lines over the first row's cell, a paragraph's
    spacing apart, stay that cell's."""
    (first,) = text_only_tables(_first_page())
    result = (XS[3], XS[4])
    (table,) = text_only_tables(
        _next_page(), hint=_grid(first), header=first.header_lines, settled="bottom", overleaf=[result]
    )
    rows = [tuple(" ".join(cell) for cell in row) for row in ROWS]
    assert cell_texts(table, _next_page()) == [("", "", "", " ".join(REST)), *rows]
    (table,) = text_only_tables(_next_page(), hint=_grid(first), header=first.header_lines, settled="bottom")
    whole = (rows[0][0], rows[0][1], rows[0][2], " ".join((*REST, *GOAL)))
    assert cell_texts(table, _next_page()) == [whole, *rows[1:]]


def test_a_rest_whose_lines_were_parted_as_headings_stays_one_band() -> None:
    """A line of the rest read as a heading (one run of words crossing a boundary opens a row of
    its own, and so does the line under it) parted the rest in three: the second and third went
    on no row. The rest's lines stand a line's gap apart, in the column that went on overleaf: one
    band, down to the blank band over the first row."""
    rest = ("с вожатыми", "из соседних районов", "и городов края")
    page = [g for k, text in enumerate(rest) for g in text_glyphs(text, XS[3], 40.0 + k * PITCH)]
    bottom = 40.0 + len(rest) * PITCH
    for row in ROWS:
        more, bottom = _row(bottom + GAP, row)
        page += more
    lines = text_lines(page)
    xs = [XS[0] - 4, *XS[1:4], XS[4]]
    top_starts, _ = row_starts(lines, xs, frozenset())
    starts, fixed = row_starts(lines, xs, frozenset(), aligned=True)
    heading = [1, 2]  # a heading and the line after it
    found = aligned_bands(
        lines,
        xs,
        sorted({*top_starts, *heading}),
        sorted({*starts, *heading}),
        sorted({*fixed, *heading}),
        "bottom",
        [(XS[3], XS[4])],
    )
    assert found is not None
    bands, _ = found
    assert [a + 1 for a, _ in bands[:2]] == [lines[0].top, lines[len(rest)].top]


def test_a_rests_line_crossing_into_the_next_column_is_no_heading() -> None:
    """A rest's line running past its column's edge into the next one reads as a heading (one
    run of words crossing a boundary): one cell across the table, which names a municipality. The
    page's first lines, only where the row before went on, are that row's rest: its cell."""
    notes = (("—",),)
    rows = [(*row, *notes) for row in ROWS]
    glyphs, bottom = _row(100.0, (*HEADER, ("Прим.",)))
    for row in [
        (("1.",), ("Слёт",), ("г. Ивск",), GOAL, *notes),
        (("2.",), ("Вечер",), ("с. Лесное",), GOAL[:2], *notes),
    ]:
        more, bottom = _row(bottom + GAP, row, WIDE)
        glyphs += more
    (first,) = text_only_tables(glyphs)
    rest = ("вместе", "с учителями и гостями из соседних районов области")  # past 559.6
    page = [g for k, text in enumerate(rest) for g in text_glyphs(text, WIDE[3], 40.0 + k * PITCH)]
    bottom = 40.0 + len(rest) * PITCH
    for row in rows:
        more, bottom = _row(bottom + GAP, row, WIDE)
        page += more
    grid = _grid(first)
    (table,) = text_only_tables(
        page, hint=grid, header=first.header_lines, settled="bottom", overleaf=[(grid[3], grid[4])]
    )
    assert cell_texts(table, page)[0] == ("", "", "", " ".join(rest))
