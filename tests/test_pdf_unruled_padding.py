"""A table drawn without rules whose cells are padded by a point or so (LibreOffice's import of an
HTML table): two columns' texts stand closer than a gutter, and a header's label centred over a
narrow column reaches past the boundary a cell's padding puts left of the next column's text.
The page writes its spaces as glyphs, so a gap between two letters that holds none is a cell's
edge (readers/pdfspaces); the boundary stands clear of the header's labels (pdfgapcolumns)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from glyph_text import cell_texts

from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdfspaces import page_glyphs
from muniflow.readers.pdfunruled import _grid, tables_without_rules

LETTER, SPACE = 5.0, 2.5  # a letter's and a space's advance; glyphs 10 pt tall
# №, date, event, place, result: the date's column ends 4 pt left of the event's text
XS = (46.0, 58.0, 112.0, 240.0, 300.0)
HEADER = ("№", "Дата", "Мероприятие", "Место", "Итоги")
ROWS = [
    ("1", "12.07.2025", "Слёт краеведов «Ивушка»", "г. Ивск", "Обсуждены планы на будущий год и маршруты"),
    ("2", "03.08.2025", "Ярмарка ремёсел", "с. Лесное", "Подписано соглашение о дружбе двух сёл"),
    ("3", "21.08.2025", "Турнир по городкам", "г. Ивск", "Вручены кубки и грамоты всем командам"),
    ("4", "05.09.2025", "Вечер памяти", "д. Ключи", "Прочитаны стихи, спеты песни военных лет"),
]


def _chars(x: float, top: float, text: str, tracking: float = 0.0) -> list[dict[str, Any]]:
    """A text's chars from `x`, its spaces written as glyphs (as LibreOffice writes them), its
    letters `tracking` apart."""
    out = []
    for char in text:
        width = SPACE if char == " " else LETTER
        out.append(
            {"text": char, "x0": x, "x1": x + width, "top": top, "bottom": top + 10, "fontname": "Serif"}
        )
        x += width + tracking
    return out


def _page(header_x: tuple[float, ...] = XS, rows: list[tuple[str, ...]] = ROWS) -> Any:
    chars = []
    for x, text in zip(header_x, HEADER, strict=True):
        chars += _chars(x, 100.0, text)
    for k, row in enumerate(rows):
        for x, text in zip(XS, row, strict=True):
            chars += _chars(x, 130.0 + 20 * k, text)
    return SimpleNamespace(chars=chars, edges=[])


def _texts(page: Any) -> list[tuple[str, ...]]:
    glyphs = [
        Glyph(c["text"], c["x0"], c["x1"], c["top"], c["bottom"]) for c in page.chars if c["text"] != " "
    ]
    (table,) = tables_without_rules(page, [])
    return cell_texts(table, glyphs)


def test_columns_closer_than_a_gutter_part_where_no_space_is_written() -> None:
    """The date and the event's name, 4 pt apart (a gutter is 5), are two cells: the page writes
    its spaces, and none stands between «2025» and the name (read as one run, the date and the
    event were one column: «12.07.2025Слёт краеведов»)."""
    assert _texts(_page()) == [HEADER, *ROWS]


def test_letters_spaced_out_are_no_cells_edges() -> None:
    """Letters set apart for emphasis («В е ч е р»: every gap open, no space written) part no
    column: the name stays one cell."""
    page = _page()
    page.chars += _chars(XS[2], 220.0, "Вечер", tracking=2.0)
    assert not any(g.parted for g in page_glyphs(page.chars) if g.top == 220.0)


def test_a_page_writing_no_spaces_parts_no_close_columns() -> None:
    """A producer placing each word itself writes no spaces: its gaps tell nothing, no glyph is
    taken for a cell's edge."""
    page = _page()
    page.chars = [c for c in page.chars if c["text"] != " "]
    assert not any(g.parted for g in page_glyphs(page.chars))


def test_a_header_label_reaching_into_the_gap_stays_its_column_s() -> None:
    """«№» centred over the numbers ends 3 pt left of the date's text, right of the boundary the
    padding would put there (5.4 pt left of it): the boundary moves clear of it, and the header
    reads «№» and «Дата», not «№ Дата» spanning both."""
    header_x = (XS[0] + 4, *XS[1:])  # «№» from 50 to 55, the numbers to 51, the dates from 58
    assert _texts(_page(header_x))[0] == HEADER


def test_a_column_only_the_header_fills_is_a_column_of_its_own() -> None:
    """«Примечание» right of every row's text, level with the other labels: a column the rows
    leave empty. The results' column ends before it (taking its width, its lines seemed never
    full, and the words it cut with no hyphen stayed apart)."""
    page = _page()
    page.chars += _chars(520.0, 100.0, "Примечание")
    (table,) = tables_without_rules(page, [])
    assert all(len(row.cells) == len(HEADER) + 1 for row in table.rows)
    result = table.rows[1].cells[len(HEADER) - 1]
    assert result is not None and result[2] < 520.0


def test_the_space_a_line_wrapped_at_parts_it_from_the_next_cell() -> None:
    """A cell's line wrapped at a space LibreOffice writes at its end («из »), the next cell's text
    1.5 pt after that space: the page's words follow their spaces edge to edge, so the letter
    standing apart from the space is a cell's edge."""
    page = _page()
    page.chars += _chars(XS[3], 220.0, "Гости из ") + _chars(
        XS[3] + 7 * LETTER + 2 * SPACE + 1.5, 220.0, "Китая"
    )
    glyphs = page_glyphs(page.chars)
    assert [g.text for g in glyphs if g.parted and g.top == 220.0] == ["К"]


def test_a_strip_narrower_than_a_gutter_parts_columns_whose_lines_start_at_one_x() -> None:
    """Cells padded by nothing, the next column's lines on other baselines: no line shows the two
    columns side by side, but a strip 2 pt wide no line writes into, the result's lines starting
    at its right edge, parts them."""
    page = _page()
    for k in range(len(ROWS)):  # the event's and the place's cells wrap a line lower, the place's
        top = 140.0 + 20 * k  # reaching 2 pt short of the result's text
        page.chars += _chars(XS[2], top, "областной") + _chars(XS[4] - 2 - 5 * LETTER - SPACE, top, "зона А")
    (table,) = tables_without_rules(page, [])
    assert all(len(row.cells) == len(HEADER) for row in table.rows)


def test_the_empty_column_goes_on_over_the_next_page() -> None:
    """The next page repeats no header: its rows still leave «Примечание»'s column empty, and the
    columns of the page before, that column among them, go on (read with one column fewer, a
    municipality's heading across the columns, the page was no part of that table and its rows
    were lost)."""
    first = _page()
    first.chars += _chars(520.0, 100.0, "Примечание")
    (table,) = tables_without_rules(first, [])
    grid = _grid(table)
    page = _page()
    page.chars = [c for c in page.chars if c["top"] > 100.0]  # no header; a heading, a row under it
    page.chars += _chars(XS[0], 212.0, "Муниципальное образование «Лесной район»")
    page.chars += [
        c | {"top": c["top"] + 104, "bottom": c["bottom"] + 104} for c in page.chars if c["top"] == 130.0
    ]
    (going_on,) = tables_without_rules(page, [], hint=grid)
    assert _grid(going_on) == grid


def test_a_column_the_next_page_leaves_empty_goes_on_there() -> None:
    """The dates' column holds nothing on the next page (as a municipality's cell merged down
    over the rows writes its text on the first page only): the gap between the numbers and the
    events holds two of the page before's boundaries, and its columns go on."""
    (table,) = tables_without_rules(_page(), [])
    grid = _grid(table)
    page = _page()
    page.chars = [c for c in page.chars if c["top"] > 100.0 and not XS[1] <= c["x0"] < XS[2]]
    page.chars += _chars(XS[0], 212.0, "Муниципальное образование «Лесной район»")
    page.chars += [
        c | {"top": c["top"] + 104, "bottom": c["bottom"] + 104} for c in page.chars if c["top"] == 130.0
    ]
    (going_on,) = tables_without_rules(page, [], hint=grid)
    assert _grid(going_on) == grid


def test_a_line_filling_its_cell_a_fifth_of_a_point_before_the_next_column_parts_there() -> None:
    """Cells padded by nothing: an event's line fills its cell and ends 0.2 pt (a fiftieth of the
    glyphs' height, less than OPEN_GAP) before the place's text, which starts where the place's
    lines start on the other rows. The page sets its letters edge to edge, so the gap is a cell's
    edge (read as one run, «Турнир…Мыг. Ивск» covered the gap and ended the table there)."""
    page = _page()
    name = "Ф" * 25  # from the event's column start to 0.2 pt before the place's
    page.chars += _chars(XS[3] - 0.2 - LETTER * len(name), 220.0, name) + _chars(XS[3], 220.0, "г. Ивск")
    glyphs = page_glyphs(page.chars)
    assert [g.text for g in glyphs if g.parted and g.top == 220.0] == ["г"]

    # a producer setting some pair of letters a fortieth of their height apart in its words all
    # over the page (Chromium's «ес») shows that gap before a column's start too: no edge there
    for k in range(10):
        x = 400.0 + 60 * (k % 3)
        page.chars += _chars(x, 300.0 + 12 * k, "ле") + _chars(x + 2 * LETTER + 0.25, 300.0 + 12 * k, "с")
    page.chars += _chars(XS[3] - 0.25 - 2 * LETTER, 240.0, "ле") + _chars(XS[3], 240.0, "с")
    assert not any(g.parted for g in page_glyphs(page.chars) if g.top == 240.0)
