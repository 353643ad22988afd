"""A table drawn without rules whose next municipality's table starts lower on the same page: a
short heading («г. Энск»), standing within the № column, then the header again. The header's
first line again ends the table above; the heading over it is neither table's row
(readers/pdfunruled.text_only_tables)."""

from __future__ import annotations

from glyph_text import text_glyphs

from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdfunruled import text_only_tables

XS = (40.0, 90.0, 260.0, 400.0)  # №, event, place, date
HEADER = ("№", "Мероприятие", "Место", "Дата")


def _glyphs(rows: list[tuple[float, tuple[str, ...]]]) -> list[Glyph]:
    """Glyphs of lines of text, each (top, the texts of its columns at XS), 5 pt a letter, 3 pt a
    space, 10 pt tall."""
    return [g for top, cells in rows for k, text in enumerate(cells) for g in text_glyphs(text, XS[k], top)]


def _page(heading: tuple[str, ...]) -> list[Glyph]:
    return _glyphs(
        [
            (100, HEADER),
            (113, ("1.", "Слёт краеведов", "г. Ивск", "3 мая")),
            (126, ("2.", "Ярмарка ремёсел", "г. Ивск", "9 мая")),
            (150, heading),  # 14 pt apart: more than a line, less than a table's end leaves
            (163, HEADER),
            (176, ("1.", "Турнир по городкам", "г. Энск", "12 мая")),
            (189, ("2.", "Концерт хора", "г. Энск", "20 мая")),
        ]
    )


def test_the_header_again_under_a_short_heading_starts_a_table_of_its_own() -> None:
    tables = text_only_tables(_page(("г. Энск",)))
    assert len(tables) == 2
    above, below = tables
    assert above.bbox[3] < 150 and 150 + 10 < below.bbox[1] <= 163  # the heading in neither
    assert len(above.rows) == len(below.rows) == 3  # the header and two events each
