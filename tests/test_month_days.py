"""A month column beside a column of days is one date in two halves (interpret/month_days.py)."""

from __future__ import annotations

from datetime import date

import pytest

from muniflow.contracts import header_synonyms
from muniflow.interpret import interpret_document
from muniflow.interpret.month_days import compose, days_only
from muniflow.interpret.reading import CONTENT
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о мероприятиях муниципальных образований Энской области во II квартале 2031 года"


def _read(header, *rows):
    raw = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    table = RawTable(tuple(header), raw, "table 1", "")
    return interpret_document(RawDocument("x.docx", "docx", TITLE, (table,)), header_synonyms())


ROWS = (
    ("Энский район", None, None, None, None),
    ("1.", "Ярмарка ремёсел «Синий лён»", "Май", "4–5", "с. Верхние Лужки"),
    ("2.", "Турнир по городкам", "Июнь", "20", "с. Верхние Лужки"),
    ("3.", "Слёт краеведов", "Апрель", "3, 10 и 17", "с. Нижние Лужки"),
)


def _spans(doc):
    return [(r.start_date, r.end_date) for r in doc.rows]


WANTED = [
    (date(2031, 5, 4), date(2031, 5, 5)),
    (date(2031, 6, 20), date(2031, 6, 20)),
    (date(2031, 4, 3), date(2031, 4, 17)),
]


@pytest.mark.parametrize(
    ("month", "days", "reason"),
    [
        ("Месяц", "Число", "«число» names no column alone (it heads counts): the days go by their cells"),
        ("Месяц", "Дни", "the plural of a days word"),
        ("Срок", "Число", "the days column's word alone says so, the month column's says nothing"),
        ("Месяц", "Дата", "a days column a date synonym names: a date in halves, not a range from the 1st"),
    ],
)
def test_days_beside_a_month_column_are_that_months_days(month, days, reason):
    doc = _read(("№", "Наименование мероприятия", month, days, "Место проведения"), *ROWS)
    assert _spans(doc) == WANTED, reason
    assert [r.date_text for r in doc.rows] == ["4–5 мая", "20 июня", "3, 10 и 17 апреля"]


def test_the_days_column_is_shown_typed_by_its_cells():
    doc = _read(("№", "Наименование мероприятия", "Месяц", "Число", "Место проведения"), *ROWS)
    (table,) = doc.reading.tables
    (days,) = [m for m in table.columns if m.index == 3]
    assert (days.column, days.evidence) == ("date_text", CONTENT)
    assert not doc.reading.notes


def test_a_days_column_no_header_word_names_is_left_with_advice_on_the_days_vocabulary():
    """«Срок» | «Сут.»: the cells alone pair them, no header word does; the note points at the
    month-days vocabulary, not at the date's synonyms (there the days would end a range)."""
    doc = _read(("№", "Наименование мероприятия", "Срок", "Сут.", "Место проведения"), *ROWS)
    assert doc.rows[0].date_text == "Май"
    (note,) = [n for n in doc.reading.notes if "«Сут.»" in n]
    assert "monthDayColumns" in note and "headerSynonyms" not in note


@pytest.mark.parametrize(
    ("values", "wanted", "reason"),
    [
        (["Май", "4–5"], "4–5 мая", "a month alone and its days"),
        (["4–5", "Май"], "4–5 мая", "in either order"),
        (["Май 2031", "4"], "4 Май 2031", "a month with its year is kept as written"),
        (["Май", "45"], None, "no day past the 31st: a count"),
        (["Май", "Июнь"], None, "two months are a range"),
        (["10.05.2031", "12.05.2031"], None, "two dates are a range"),
        (["Май"], None, "the month alone"),
    ],
)
def test_compose(values, wanted, reason):
    assert compose(values) == wanted, reason


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("4–5", True), ("22.", True), ("1-3; 8", True), ("3, 10 и 17", True), ("32", False), ("5 мая", False)],
)
def test_days_only(text, wanted):
    assert days_only(text) is wanted
