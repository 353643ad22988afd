"""A table drawn without rules whose cells are centred in their rows, or set at their bottom
(LibreOffice's import of an HTML table keeps HTML's `valign=middle`; a browser prints
`vertical-align: middle`): a cell taller than the row's number starts above it, and the rows part
where each row's cells are centred on its number's line (readers/pdfaligned), not at the numbers."""

from __future__ import annotations

from glyph_text import cell_texts, text_glyphs

from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdfunruled import _grid, text_only_tables

XS = (40.0, 70.0, 220.0, 330.0)  # №, event, place, result
PITCH = 12.0  # a cell's line pitch; glyphs 10 pt tall
HEADER = (("№",), ("Мероприятие",), ("Место",), ("Итоги", "проведения", "мероприятия"))
ROWS = [
    (
        ("1.",),
        ("Слёт", "краеведов", "«Ивушка»"),
        ("г. Ивск",),
        ("Обсуждены", "планы", "на", "будущий", "год"),
    ),
    (("2.",), ("Ярмарка", "ремёсел"), ("с. Лесное",), ("Подписано", "соглашение", "о", "дружбе")),
    (("3.",), ("Турнир", "по", "городкам", "«Кубок»"), ("г. Ивск",), ("Вручены", "кубки")),
]


def _glyphs(top: float, cells: tuple[tuple[str, ...], ...], align: str) -> tuple[list[Glyph], float]:
    """A row's glyphs, each cell's lines centred in the row (or set at its bottom), 5 pt a letter,
    3 pt a space; the row's bottom."""
    height = max(len(cell) for cell in cells) * PITCH
    out = []
    for x0, cell in zip(XS, cells, strict=True):
        own = len(cell) * PITCH
        first = top + (height - own) / 2 if align == "middle" else top + height - own
        for k, text in enumerate(cell):
            out += text_glyphs(text, x0, first + k * PITCH)
    return out, top + height


def _page(align: str) -> list[Glyph]:
    glyphs, bottom = _glyphs(100.0, HEADER, align)
    for row in ROWS:
        more, bottom = _glyphs(bottom + 6, row, align)  # a cell's padding above and below
        glyphs += more
    return glyphs


def _texts(glyphs: list[Glyph], align: str) -> list[tuple[str, ...]]:
    (table,) = text_only_tables(glyphs)
    return cell_texts(table, glyphs)


def _expected() -> list[tuple[str, ...]]:
    return [tuple(" ".join(cell) for cell in row) for row in [HEADER, *ROWS]]


def test_a_table_whose_cells_are_centred_keeps_each_row_whole() -> None:
    """The header's cells, one line and three, stay one header; each event's name, place and
    result, centred on its number's line, stay its own (read from the numbers, a row took the
    upper lines of the row under it, and the header the first row's)."""
    assert _texts(_page("middle"), "middle") == _expected()


def test_a_table_whose_cells_are_set_at_their_bottom_keeps_each_row_whole() -> None:
    """Cells set at the bottom of their rows end with the number's line: each row's text above
    it is its own, not the row's above."""
    assert _texts(_page("bottom"), "bottom") == _expected()


def test_a_page_opening_with_a_rows_rest_keeps_its_rows_centred() -> None:
    """The next page opens with the rest of a row's result, its rows centred: read from the top,
    the band above the first number holds that rest and, a gap under it, the upper lines of the
    first row's result, two cells of one column apart; that gap tells the rows are centred (the
    upper lines went to the rest above and each result took the next row's upper lines)."""
    goal = ("Обсуждены", "планы", "на", "будущий", "год", "и", "маршруты")
    glyphs, bottom = _glyphs(100.0, HEADER, "middle")
    for row in [(("1.",), ("Слёт",), ("г. Ивск",), goal), (("2.",), ("Ярмарка",), ("с. Лесное",), goal[:3])]:
        more, bottom = _glyphs(bottom + 6, row, "middle")
        glyphs += more
    (first,) = text_only_tables(glyphs)
    rest = ("Подписано", "соглашение", "о", "дружбе")
    page = [g for k, text in enumerate(rest) for g in text_glyphs(text, XS[3], 40.0 + k * PITCH)]
    bottom = 40.0 + len(rest) * PITCH + 6  # the rest's padding under it
    rows = [
        (("3.",), ("Турнир",), ("г. Ивск",), goal),
        (("4.",), ("Вечер",), ("д. Ключи",), goal[:5]),
        (("5.",), ("Концерт",), ("г. Ивск",), goal[:6]),
    ]
    for row in rows:
        more, bottom = _glyphs(bottom + 6, row, "middle")
        page += more
    (table,) = text_only_tables(page, hint=_grid(first), header=first.header_lines)
    expected = [("", "", "", " ".join(rest)), *[tuple(" ".join(cell) for cell in row) for row in rows]]
    assert cell_texts(table, page) == expected
