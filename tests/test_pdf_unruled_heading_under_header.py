"""A municipality's heading across a table without rules, set as close under the header's lines as
they stand to each other: it was taken into the header, whose labels it crossed (read as one cell),
and the heading's rows went to no municipality (readers/pdfgaps.infer_table). Names invented."""

from __future__ import annotations

from glyph_text import line_glyphs as _line

from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdfunruled import text_only_tables


def _row(top: float, number: str, title: str, date: str, place: str) -> list[Glyph]:
    return _line(top, [(100, number), (130, title), (230, date), (330, place), (430, "Гости")])


def test_a_heading_close_under_the_header_is_a_row_of_its_own() -> None:
    glyphs = [
        *_line(90, [(100, "№"), (130, "Наименование"), (230, "Дата"), (330, "Место"), (430, "Участники")]),
        *_line(101, [(130, "мероприятия")]),
        *_line(112, [(160, "ЗАРЕЧЕНСКИЙ МУНИЦИПАЛЬНЫЙ ОКРУГ")]),  # across the title's and date's
        *_row(126, "1", "Концерт", "5 июля", "с. Ивня"),
        *_line(139, [(130, "хора"), (330, "ДК")]),
        *_row(152, "2", "Ярмарка", "9 июля", "с. Ивня"),
    ]
    tables = text_only_tables(glyphs)
    assert len(tables) == 1
    table = tables[0]
    assert table.header_lines == ("№ Наименование Дата Место Участники", "мероприятия")
    header, heading = table.rows[0], table.rows[1]
    assert sum(box is not None for box in header.cells) == 5  # each label its column's
    assert heading.cells[0] is not None and heading.cells[0][3] < 126  # the heading alone in its row
