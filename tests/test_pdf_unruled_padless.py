"""A table drawn without rules whose cells are padded by nothing (LibreOffice's import of an HTML
table with `cellpadding=0`): a line filling its cell ends a fraction of a point before the next
column's text, a header's label centred over a narrow column ends as close to it, and a
municipality's cell merged down over the rows, its rows set at their bottom, writes its name
above the first row's number, in a column no other row fills (readers/pdfgapcolumns,
readers/pdfgaps, readers/pdfaligned)."""

from __future__ import annotations

from glyph_text import cell_texts, line_glyphs, text_glyphs

from muniflow.readers.pdfgapcolumns import boundaries
from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdfspaces import page_glyphs
from muniflow.readers.pdftextlines import text_lines
from muniflow.readers.pdfunruled import text_only_tables

PAD = 5.4  # the padding a boundary stands left of the next column's text by, where room is


def _lines(rows: list[list[tuple[float, str]]], top: float = 100.0) -> list:
    """The text lines of rows of pieces (x, text), one line each, 12 pt apart."""
    return text_lines([g for k, row in enumerate(rows) for g in line_glyphs(top + 12 * k, row)])


# №, event, date, place: each row's event ends 25 pt or more left of its date
FIRST_PAGE = [
    [(10.0, "№"), (30.0, "Мероприятие"), (120.0, "Дата"), (180.0, "Место")],
    [(10.0, "1"), (30.0, "Слёт"), (120.0, "12.07.2025"), (180.0, "г. Ивск")],
    [(10.0, "2"), (30.0, "Ярмарка"), (120.0, "03.08.2025"), (180.0, "с. Лесное")],
    [(10.0, "3"), (30.0, "Турнир"), (120.0, "21.08.2025"), (180.0, "г. Ивск")],
]


def test_a_line_filling_its_cell_on_the_next_page_keeps_the_columns_of_the_page_before() -> None:
    """On the next page an event's line fills its cell, ending 0.2 pt before the date column's
    text: the gap, narrower than any strip, is the page before's column edge still (the dates
    start where they did), and its boundary moves past the line (the page was read with the event
    and the date as one column, a grid of its own, and was taken for another table)."""
    hint = boundaries(_lines(FIRST_PAGE), PAD, ())
    assert hint is not None and len(hint) == 3
    rows = [
        [(10.0, "4"), (29.8, "Ф" * 18), (180.0, "д. Ключи")],
        [(30.0, "праздник"), (120.0, "05.09.2025")],
        [(10.0, "5"), (30.0, "Вечер"), (120.0, "06.09.2025"), (180.0, "г. Ивск")],
        [(10.0, "6"), (30.0, "Концерт"), (120.0, "07.09.2025"), (180.0, "с. Лесное")],
    ]
    lines = _lines(rows)
    assert round(lines[0].spans[1][1], 1) == 119.8  # the event's line ends by the date's text
    got = boundaries(lines, PAD, hint)
    assert got is not None and len(got) == 3
    assert got[0] == hint[0] and got[2] == hint[2]
    assert 119.8 < got[1] < 120.0


def test_a_label_filling_its_narrow_column_is_cut_off_by_nothing() -> None:
    """«№№» centred over the row numbers ends 0.8 pt before the dates' text, less than the room a
    boundary keeps either side: the boundary stands between them (left where the padding puts
    it, it cut the label, read as a header cell over both columns)."""
    rows = [
        [(11.2, "№№"), (30.0, "Дата"), (90.0, "Мероприятие")],
        [(10.0, "1"), (22.0, "12.07.2025"), (90.0, "Слёт")],
        [(10.0, "2"), (22.0, "03.08.2025"), (90.0, "Ярмарка")],
        [(10.0, "3"), (22.0, "21.08.2025"), (90.0, "Турнир")],
    ]
    got = boundaries(_lines(rows), PAD, ())
    assert got is not None
    assert 21.2 < got[0] < 22.0


def test_a_strip_under_a_point_wide_parts_two_columns() -> None:
    """The results' lines end 0.8 pt before the notes' text, which starts at one x on every line:
    two columns (read as one, the notes were part of the results)."""
    rows = [
        [(10.0, "№"), (104.2, "Итоги"), (200.0, "Примечание")],
        [(10.0, "1"), (104.2, "Г" * 19)],
        [(104.2, "обмен"), (200.0, "сайт")],
        [(10.0, "2"), (104.2, "Д" * 19)],
        [(104.2, "опыт"), (200.0, "бюджет")],
        [(10.0, "3"), (104.2, "Е" * 19)],
        [(104.2, "итоги"), (200.0, "сайт")],
    ]
    got = boundaries(_lines(rows), PAD, ())
    assert got is not None and len(got) == 2
    assert 199.2 < got[1] < 200.0


PITCH = 12.0
XS = (10.0, 40.0, 120.0, 220.0, 280.0)  # №, municipality, event, date, result
HEADER = (("№", "п/п"), ("Муниципальное", "образование"), ("Мероприятие",), ("Дата",), ("Итоги",))
ROWS = [
    (("1",), ("Ивский", "округ"), ("Слёт", "краеведов"), ("12.07.2025",), ("Обсуждены", "планы", "в", "год")),
    (("2",), (), ("Ярмарка",), ("03.08.2025",), ("Подписано", "соглашение", "о", "дружбе", "двух", "сёл")),
    (("3",), (), ("Турнир", "по", "городкам"), ("21.08.2025",), ("Вручены", "кубки", "и", "грамоты", "всем")),
    (("4",), (), ("Вечер", "памяти"), ("05.09.2025",), ("Прочтены", "стихи", "спеты", "песни", "о", "нём")),
    (("5",), (), ("Концерт",), ("19.09.2025",), ("Спеты", "песни", "о", "дружбе", "народов", "края")),
    (("6",), (), ("Выставка", "ремёсел"), ("26.09.2025",), ("Показаны", "работы", "мастеров", "двух", "сёл")),
]


def _row(top: float, cells: tuple[tuple[str, ...], ...], merged: bool) -> tuple[list[Glyph], float]:
    """A row's glyphs, each cell set at the row's bottom, the municipality's (merged down over
    the rows, `merged`) from the row's top; the row's bottom."""
    height = max(len(cell) for cell in cells) * PITCH
    out = []
    for k, (x0, cell) in enumerate(zip(XS, cells, strict=True)):
        first = top if merged and k == 1 else top + height - len(cell) * PITCH
        for i, text in enumerate(cell):
            out += text_glyphs(text, x0, first + i * PITCH)
    return out, top + height


def test_a_municipality_merged_down_above_the_first_number_is_the_first_rows() -> None:
    """The municipality's name, merged down over the rows and written at their top, stands above
    the first row's number, in a column no other row fills: it is a column of its own (read as
    the header's, it closed no gap, and the № column took it), and the first row's, not the
    header's (which took the first row's upper lines under its labels)."""
    glyphs, bottom = _row(100.0, HEADER, False)
    bottom += 12  # a gap under the header, its cells set at their bottom
    for k, row in enumerate(ROWS):
        more, bottom = _row(bottom + 6, row, merged=k == 0)
        glyphs += more
    (table,) = text_only_tables(glyphs)
    got = cell_texts(table, glyphs)
    assert got[0] == tuple(" ".join(cell) for cell in HEADER)
    assert got[1] == tuple(" ".join(cell) for cell in ROWS[0])
    assert [row[0] for row in got[2:]] == ["2", "3", "4", "5", "6"]


def test_a_line_filling_its_cell_up_to_an_empty_column_keeps_that_column() -> None:
    """The notes' column, filled on the page before, holds nothing on the next page, where a
    result's line ends 0.4 pt past the boundary the page before put 5.4 pt left of the notes'
    text (a cell padded by nothing): the column goes on there, its boundary past the line (the
    page, read with a column fewer, was taken for another table and its rows were lost)."""
    first = [
        [(10.0, "№"), (30.0, "Итоги"), (200.0, "Примечание")],
        [(10.0, "1"), (30.0, "Обсуждены планы"), (200.0, "сайт")],
        [(10.0, "2"), (30.0, "Подписано соглашение"), (200.0, "бюджет")],
        [(10.0, "3"), (30.0, "Вручены кубки"), (200.0, "сайт")],
    ]
    hint = boundaries(_lines(first), PAD, ())
    assert hint is not None and len(hint) == 2
    rows = [
        [(10.0, "4"), (30.0, "Прочитаны стихи")],
        [(30.0, "Ж" * 33)],  # to 195.0: past the boundary at 194.6
        [(10.0, "5"), (30.0, "Спеты песни")],
    ]
    lines = _lines(rows)
    assert round(lines[1].spans[0][1], 1) == 195.0
    got = boundaries(lines, PAD, hint)
    assert got is not None and len(got) == 2
    assert got[0] == hint[0] and 195.0 < got[1] < 200.0


def test_the_space_a_line_wrapped_at_parts_it_from_a_cell_padded_by_nothing() -> None:
    """A line wrapped at a space LibreOffice writes at its end («по »), the next cell's text a
    quarter of a point after that space (no padding): the page's other words follow their spaces
    within a few hundredths of a point, so that letter stands at a cell's edge (read as one run,
    the title and the date made one cell across the columns, and the page another table)."""
    chars = []
    for k in range(14):  # words following their spaces edge to edge, as the producer sets them
        chars += _chars(40.0, 100.0 + 12 * k, "Турнир по шахматам", kerning=0.02 * (k % 2))
    chars += _chars(40.0, 300.0, "Турнир по ") + _chars(40.0 + 8 * 5 + 2 * 2.5 + 0.25, 300.0, "18.09.2025")
    parted = [g.text for g in page_glyphs(chars) if g.parted and g.top == 300.0]
    assert parted == ["1"]


def _chars(x: float, top: float, text: str, kerning: float = 0.0) -> list[dict]:
    """A text's chars from `x`, its spaces written as glyphs 2.5 pt wide, letters 5 pt, each word
    `kerning` after its space."""
    out = []
    for char in text:
        width = 2.5 if char == " " else 5.0
        out.append(
            {"text": char, "x0": x, "x1": x + width, "top": top, "bottom": top + 10, "fontname": "Serif"}
        )
        x += width + (kerning if char == " " else 0.0)
    return out


def test_a_column_only_the_header_fills_parts_the_gap_beside_the_numbers() -> None:
    """A municipality's cell merged down its rows, set at their middle over two pages, writes its
    name just under its label, above the first row's number: no body line writes between the
    numbers and the events, but the labels stand there, level with the header's others, so the
    municipality keeps a column (it was the number's, and the page's grid differed from the next
    page's, whose rows show the next municipality's name in that column)."""
    rows = [
        [(10.0, "№"), (40.0, "Образование"), (120.0, "Мероприятие"), (220.0, "Дата")],
        [(40.0, "Город Ивск")],
        [(10.0, "1"), (120.0, "Слёт"), (220.0, "12.07.2025")],
        [(10.0, "2"), (120.0, "Ярмарка"), (220.0, "03.08.2025")],
        [(10.0, "3"), (120.0, "Турнир"), (220.0, "21.08.2025")],
    ]
    got = boundaries(_lines(rows), PAD, ())
    assert got is not None and len(got) == 3
    assert 15.0 < got[0] <= 40.0 < 95.0 <= got[1] < 120.0  # «Образование» and «Город Ивск» inside

    # a note alone in that width above the header, no label beside it, is no column
    note = [[(40.0, "Справка")], rows[0][:1] + rows[0][2:], *rows[2:]]
    alone = boundaries(_lines(note), PAD, ())
    assert alone is not None and len(alone) == 2
    # «№» centred over numbers set at their cell's left is theirs: no label stands left of the gap
    centred = [[(30.0, "№"), (120.0, "Мероприятие"), (220.0, "Дата")], *rows[2:]]
    own = boundaries(_lines(centred), PAD, ())
    assert own is not None and len(own) == 2
