"""A table without rules under a title line whose spaces between words are wide (a scan's words,
a lone «Ш» for «III» standing apart): the title passed for a line of columns and opened a run
that the header's lines went into; no table came of it, and the table inferred below had no header
(readers/pdfunruled.text_only_tables). Names invented."""

from __future__ import annotations

from glyph_text import line_glyphs as _line

from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdfunruled import text_only_tables


def _row(top: float, number: str, title: str, date: str, place: str) -> list[Glyph]:
    return _line(top, [(100, number), (130, title), (200, date), (330, place), (430, "Гости")])


def test_a_title_line_with_wide_spaces_leaves_the_header_to_the_table() -> None:
    glyphs = [
        *_line(60, [(150, "Сведения за"), (211, "Ш"), (224, "квартал 2031 года")]),  # gaps 8 pt wide
        *_line(90, [(100, "№"), (130, "Мероприятие"), (226, "Дата"), (330, "Место"), (430, "Участники")]),
        *_line(103, [(130, "события")]),
        *_line(116, [(150, "ЭНСКИЙ МУНИЦИПАЛЬНЫЙ ОКРУГ")]),  # a heading across the title's gaps
        *_row(129, "1", "Концерт", "с 5 по 7 июля", "с. Ивня"),
        *_line(142, [(130, "хора"), (330, "ДК")]),
        *_row(155, "2", "Ярмарка", "с 9 по 12 июля", "с. Ивня"),
        *_line(168, [(130, "ремёсел"), (330, "парк")]),
    ]
    tables = text_only_tables(glyphs)
    assert len(tables) == 1
    table = tables[0]
    assert not table.headless
    assert 85 <= table.bbox[1] <= 90  # from the header's first line, the title left above


def test_a_signature_left_of_the_table_under_its_last_row_is_none_of_it() -> None:
    """«Глава округа … И.О. Фамилия» a line and a half under the last row, starting left of the
    table: it was read into the last row's № cell, and the table's left side moved out to it."""
    glyphs = [
        *_line(90, [(100, "№"), (130, "Мероприятие"), (226, "Дата"), (330, "Место"), (430, "Участники")]),
        *_row(103, "1", "Концерт", "с 5 по 7 июля", "с. Ивня"),
        *_line(116, [(130, "хора"), (330, "ДК")]),
        *_row(129, "2", "Ярмарка", "с 9 по 12 июля", "с. Ивня"),
        *_line(157, [(40, "Глава округа"), (220, "И.О. Сидоров")]),
    ]
    tables = text_only_tables(glyphs)
    assert len(tables) == 1
    assert tables[0].bbox[0] > 90 and tables[0].bbox[3] < 150


def test_a_signature_under_a_table_going_on_from_the_page_before_is_none_of_it() -> None:
    """The last page of a table the page before opened (its columns the hint), its first line the
    rest of a row the page break cut: «Глава округа … И.О. Фамилия» under the last row, starting
    left of the table, was read into that row's № cell («3\\nта»)."""
    hint = (98.0, 128.0, 198.0, 328.0, 428.0, 480.0)
    glyphs = [
        *_line(60, [(130, "хора"), (330, "ДК")]),
        *_row(73, "3", "Ярмарка", "с 9 по 12 июля", "с. Ивня"),
        *_line(86, [(130, "мастеров")]),
        *_line(110, [(40, "Глава округа"), (220, "И.О. Сидоров")]),
    ]
    tables = text_only_tables(glyphs, hint)
    assert len(tables) == 1
    assert tables[0].bbox[0] > 90 and tables[0].bbox[3] < 105
