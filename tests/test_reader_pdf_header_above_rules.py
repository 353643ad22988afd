"""Tables a PDF draws with few rules, read by the text: a header standing above the region's top rule
(a table ruled only under its header and at its foot, as report generators and web pages draw it)
is the table's header, not its caption; rows numbered «1.1», «1.2», «2.1» (a section's number, then
the row's) open rows as «1.», «2.» do."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from muniflow.readers.pdfunruled import tables_without_rules

CHAR, SPACE, HEIGHT = 5.0, 4.0, 10.0
LEFT, RIGHT = 40.0, 560.0
COLUMNS = (45.0, 80.0, 250.0, 380.0, 470.0)  # where each column's text starts


def _chars(text: str, x: float, top: float) -> list[dict[str, Any]]:
    """A text's glyphs from `x`, each CHAR wide, a word SPACE after the one before."""
    out = []
    for word in text.split(" "):
        for ch in word:
            out.append({"text": ch, "x0": x, "x1": x + CHAR, "top": top, "bottom": top + HEIGHT})
            x += CHAR
        x += SPACE
    return out


def _line(cells: tuple[str, ...], top: float) -> list[dict[str, Any]]:
    return [c for x, text in zip(COLUMNS, cells, strict=False) if text for c in _chars(text, x, top)]


def _rule(y: float) -> dict[str, Any]:
    return {"orientation": "h", "x0": LEFT, "x1": RIGHT, "top": y, "bottom": y}


BODY = [
    ("1.", "Ярмарка «Лунный берег»", "г. Озёрск", "03.04.2025", "гости из"),
    ("", "", "", "", "г. Верхнедольска"),
    ("2.", "Семинар «Тихая гавань»", "пос. Сосновка", "10.04.2025", "20 человек"),
    ("3.", "Турнир «Северный ветер»", "г. Озёрск", "17.05.2025", "команды"),
]


def _page(above: list[tuple[str, ...]], body: list[tuple[str, ...]] = BODY) -> SimpleNamespace:
    """A page: a title across it, the lines `above` (from y 100, a line each 12 pt) over the top
    rule, the body's lines under it and a rule at its foot."""
    chars = _chars("Отчёт о международных мероприятиях за II квартал 2025 года", LEFT, 60.0)
    for k, cells in enumerate(above):
        chars += _line(cells, 100.0 + 12 * k)
    top = 100.0 + 12 * len(above) + 4
    for k, cells in enumerate(body):
        chars += _line(cells, top + 6 + 14 * k)
    bottom = top + 6 + 14 * len(body) + 4
    return SimpleNamespace(chars=chars, edges=[_rule(top), _rule(bottom)], _top=top)


def test_a_header_above_the_top_rule_is_the_tables_header() -> None:
    above = [
        ("№", "Наименование мероприятия", "Место проведения", "Дата проведения", "Участники"),
    ]
    page = _page(above)
    (table,) = tables_without_rules(page, [])
    assert table.bbox[1] < 100.0  # the header inside the table, above the rule
    assert len(table.rows) == 1 + 3  # the header and three numbered rows (one wraps)
    assert len([c for c in table.rows[0].cells if c is not None]) == 5


def test_a_header_of_two_lines_above_the_top_rule() -> None:
    above = [
        ("№", "Наименование", "Место", "Дата", "Участники"),
        ("", "мероприятия", "проведения", "проведения", ""),
    ]
    (table,) = tables_without_rules(_page(above), [])
    assert table.bbox[1] < 100.0
    assert len(table.rows) == 1 + 3


def test_lines_above_the_top_rule_that_name_no_columns_stay_out() -> None:
    """Two blocks above the rule (a note and a date) are no header: the table starts at its rule."""
    page = _page([("", "Исполнитель: Петрова", "", "", "тел. 22-33-44")])
    (table,) = tables_without_rules(page, [])
    assert table.bbox[1] >= page._top - 1


def _unruled(numbers: tuple[str, ...]) -> SimpleNamespace:
    head = ("№", "Наименование мероприятия", "Место проведения", "Дата проведения", "Участники")
    rows = [
        (numbers[0], "Ярмарка «Лунный", "г. Озёрск", "03.04.2025", "гости из"),
        ("", "берег»", "", "", "г. Верхнедольска"),
        (numbers[1], "Семинар «Тихая", "пос. Сосновка", "10.04.2025", "20 человек"),
        ("", "гавань»", "", "", ""),
        (numbers[2], "Турнир «Северный", "г. Озёрск", "17.05.2025", "команды"),
        ("", "ветер»", "", "", "школ"),
    ]
    chars = _line(head, 100.0)
    for k, cells in enumerate(rows):
        chars += _line(cells, 120.0 + 13 * k)
    return SimpleNamespace(chars=chars, edges=[])


def test_rows_numbered_by_section_and_item_open_rows_without_rules() -> None:
    """«1.1», «1.2», «2.1» number rows as «1.», «2.», «3.» do: each numbered line opens a row, the
    line under it is the rest of its cells."""
    for numbers in (("1.", "2.", "3."), ("1.1", "1.2", "2.1"), ("1.1.", "1.2.", "2.1.")):
        (table,) = tables_without_rules(_unruled(numbers), [])
        assert len(table.rows) == 1 + 3, numbers


def test_a_date_without_its_year_is_no_row_number() -> None:
    from muniflow.readers.rownumber import SEQ_NUMBER

    assert SEQ_NUMBER.match("2.1") and SEQ_NUMBER.match("12.3.") and SEQ_NUMBER.match("7)")
    assert not SEQ_NUMBER.match("12.07") and not SEQ_NUMBER.match("01.10")


def _justified(words: list[str], x: float, top: float, right: float = RIGHT) -> list[dict[str, Any]]:
    """A justified line: its words spread from `x` to `right`, the gaps between them wide."""
    width = sum(len(w) for w in words) * CHAR
    gap = (right - x - width) / max(1, len(words) - 1)
    out = []
    for word in words:
        out += _chars(word, x, top)
        x += len(word) * CHAR + gap
    return out


def test_a_letters_numbered_paragraphs_justified_with_a_first_line_indent_are_no_table() -> None:
    """A letter's items «1.1. 18 апреля 2025 г., с. Энское – …», justified (the words far apart, as
    a table's columns are) with the first line indented: their wrapped lines start left of the
    number, which a row's never do; the page holds no table (it is read as a letter)."""
    chars: list[dict[str, Any]] = []
    top = 100.0
    for number in ("1.1.", "1.2.", "2.1."):
        chars += _justified(
            [number, "18", "апреля", "2025", "г.,", "с.", "Энское", "–", "ярмарка"], 70.0, top
        )
        chars += _justified(
            ["ремёсел", "«Лунный", "берег»", "с", "участием", "гостей", "из", "Энска"], LEFT, top + 14
        )
        chars += _chars("(40 человек).", LEFT, top + 28)
        top += 42
    page = SimpleNamespace(chars=chars, edges=[])
    assert tables_without_rules(page, []) == []
