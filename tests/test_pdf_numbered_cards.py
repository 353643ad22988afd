"""Events given as cards in a PDF drawn without rules between a card's rows: the card's № stands
in its first row alone, its labels in the column after the №, its values beside them
(readers/pdfgaprows.card_parts); each label and its value is a row of its own, as a grid draws it,
so the cards read as events (interpret/cards.py)."""

from __future__ import annotations

from glyph_text import text_glyphs

from muniflow.readers.pdfgaps import infer_table
from muniflow.readers.pdflines import Glyph
from muniflow.readers.pdfregions import Region
from muniflow.readers.pdftext import TextRow
from muniflow.readers.pdfunruled import text_only_tables

XS = (40.0, 70.0, 200.0)  # №, label, value


def _glyphs(rows: list[tuple[float, tuple[str, ...]]], at: dict[int, float] | None = None) -> list[Glyph]:
    """Glyphs of lines of text, each (top, the texts of its columns at XS, or at `at`'s x for a
    column past them), 5 pt a letter, 3 pt a space, 10 pt tall."""
    return [
        g
        for top, cells in rows
        for k, text in enumerate(cells)
        for g in text_glyphs(text, XS[k] if k < len(XS) else (at or {})[k], top)
    ]


CARD = (
    ("Название мероприятия", "Слёт юных краеведов"),
    ("Место проведения", "г. Ивск, парк"),
    ("Дата проведения", "3 мая 2025 г."),
    ("Участники", "Клуб «Мост»"),
)


def _page() -> list[Glyph]:
    rows: list[tuple[float, tuple[str, ...]]] = []
    top = 100.0
    for number in ("1.", "2."):
        for k, (label, value) in enumerate(CARD):
            rows.append((top, (number if k == 0 else "", label, value)))
            top += 13
    return _glyphs(rows)


def _texts(row: TextRow, glyphs: list[Glyph]) -> list[str]:
    """The text of each cell box of the row, its glyphs run together; ∅ for a slot spanned."""
    out = []
    for box in row.cells:
        if box is None:
            out.append("∅")
            continue
        x0, top, x1, bottom = box
        inside = [
            g for g in glyphs if x0 <= (g.x0 + g.x1) / 2 <= x1 and top <= (g.top + g.bottom) / 2 <= bottom
        ]
        out.append("".join(g.text for g in inside))
    return out


def test_a_numbered_card_without_row_rules_is_a_row_a_label() -> None:
    glyphs = _page()
    [table] = text_only_tables(glyphs)
    rows = [_texts(row, glyphs) for row in table.rows]
    assert len(rows) == 2 * len(CARD)
    assert rows[0] == ["1.", "Названиемероприятия", "Слётюныхкраеведов"]
    assert rows[2] == ["", "Датапроведения", "3мая2025г."]
    assert rows[4][0] == "2."


def test_the_rest_of_a_numbered_card_overleaf_keeps_the_columns_of_the_page_before() -> None:
    """A card the page end cut: its last labels open the next page, the № column blank. They keep
    the table's columns (label beside the № column, not in it), a row a label, so the rows go on
    the card above."""
    [before] = text_only_tables(_page())
    grid = sorted({box[0] for row in before.rows for box in row.cells if box is not None} | {before.bbox[2]})
    rest = (
        ("Место проведения", "г. Энск, сквер"),
        ("Дата проведения", "9 мая 2025 г."),
        ("Участники", "Хор «Лён»"),
    )
    glyphs = _glyphs([(60.0 + 13 * k, ("", label, value)) for k, (label, value) in enumerate(rest)])
    [after] = text_only_tables(glyphs, hint=grid)
    rows = [_texts(row, glyphs) for row in after.rows]
    assert rows == [
        ["", "Местопроведения", "г.Энск,сквер"],
        ["", "Датапроведения", "9мая2025г."],
        ["", "Участники", "Хор«Лён»"],
    ]


def test_the_rest_of_a_card_above_the_next_numbered_card_is_a_row_a_label() -> None:
    """The page opens with the last labels of the card the page end cut, the next card under them:
    those labels are a row each too (they had been one row, glued to the card above)."""
    [before] = text_only_tables(_page())
    grid = sorted({box[0] for row in before.rows for box in row.cells if box is not None} | {before.bbox[2]})
    rows_text: list[tuple[float, tuple[str, ...]]] = [
        (60.0, ("", "Дата проведения", "9 мая 2025 г.")),
        (73.0, ("", "Участники", "Хор «Лён»")),
    ]
    rows_text += [(86.0 + 13 * k, ("3." if k == 0 else "", *pair)) for k, pair in enumerate(CARD)]
    glyphs = _glyphs(rows_text)
    [after] = text_only_tables(glyphs, hint=grid)
    rows = [_texts(row, glyphs) for row in after.rows]
    assert rows[:3] == [
        ["", "Датапроведения", "9мая2025г."],
        ["", "Участники", "Хор«Лён»"],
        ["3.", "Названиемероприятия", "Слётюныхкраеведов"],
    ]


def test_a_heading_centred_between_cards_of_labels_is_a_row_of_its_own() -> None:
    """Cards of labels with no №, a month centred across the table between them, in one region of
    rules (a frame) or going on from the page before: the month is a row of its own (a heading),
    not a wrapped line of the value above it."""
    card = (
        ("Наименование мероприятия", "Слёт юных краеведов"),
        ("Место проведения", "г. Ивск, парк"),
        ("Дата проведения", "3"),
        ("Итоги", "Обмен опытом в сфере образования и молодёжной политики"),
    )
    rows_text: list[tuple[float, tuple[str, ...]]] = []
    top = 100.0
    for month in ("", "МАЙ"):
        if month:
            rows_text.append((top, ("", "", "", month)))
            top += 13
        for label, value in card:
            rows_text.append((top, ("", label, value)))
            top += 13
    glyphs = _glyphs(rows_text, {3: 255.0})  # the middle of the table
    table = infer_table(glyphs, Region(-1e9, 90.0, 1e9, top + 10, framed=False))
    assert table is not None
    rows = [[t for t in _texts(row, glyphs) if t not in ("", "∅")] for row in table.rows]
    assert ["МАЙ"] in rows
    assert rows[3] == ["Итоги", "Обменопытомвсфереобразованияимолодёжнойполитики"]
