"""A report giving the planned date and the actual one in two columns: the actual one is the date.

«Плановые сроки» | «Фактические сроки»: the planned date is what was meant, the actual one when the
event was held; they are no range. Start and end columns («Дата начала» | «Дата окончания») are.
"""

from __future__ import annotations

from datetime import date

import pytest

from muniflow.contracts import header_synonyms, load_contract
from muniflow.interpret import interpret_document
from muniflow.model import Period, RawDocument, RawRow, RawTable, Report, Row
from muniflow.normalize.date_labels import date_column_kind
from muniflow.rules import check_report

Q3 = Period(2031, 3)


def _rows(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> tuple[Row, ...]:
    body = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    title = "Отчет о международных мероприятиях за III квартал 2031 года"
    doc = RawDocument("энск.docx", "docx", title, (RawTable(header, body, "table 1"),))
    return interpret_document(doc, header_synonyms(), Q3).rows


def _flagged(rows: tuple[Row, ...], rule: str, field: str) -> set[int]:
    flags = check_report(Report("энск.docx", "docx", None, Q3, rows), load_contract())
    return {f.row_index for f in flags if f.rule == rule and field in (f.field or "")}


PLAN_FACT_HEADER = ("№", "Мероприятие", "Место", "Плановые сроки", "Фактические сроки")


def test_the_actual_date_column_is_the_date_and_the_planned_one_joins_no_range() -> None:
    rows = _rows(
        PLAN_FACT_HEADER,
        [
            ("1", "Фестиваль «Звёздный берег»", "г. Энск", "01.07.2031", "08.07.2031 – 09.07.2031"),
            ("2", "Турнир по шахматам «Белая ладья»", "г. Энск", "15.07.2031", "15.07.2031"),
            ("3", "Выставка «Мосты»", "г. Энск", "02.08.2031", "не состоялась"),
            ("4", "Концерт хора «Зарница»", "г. Энск", "09.08.2031", ""),
        ],
    )
    assert [r.date_text for r in rows] == ["08.07.2031 – 09.07.2031", "15.07.2031", "не состоялась", ""]
    assert (rows[0].start_date, rows[0].end_date) == (date(2031, 7, 8), date(2031, 7, 9))
    assert (rows[1].start_date, rows[1].end_date) == (date(2031, 7, 15), date(2031, 7, 15))
    # an actual cell saying it was not held: not held, as a date cell saying so; an empty one: no date
    assert _flagged(rows, "not_held", "date_text") == {2}
    assert _flagged(rows, "required_field", "date_text") == {3}


def test_start_and_end_date_columns_still_join_as_a_range() -> None:
    header = ("№", "Мероприятие", "Место", "Дата начала", "Дата окончания")
    rows = _rows(header, [("1", "Фестиваль «Звёздный берег»", "г. Энск", "08.07.2031", "10.07.2031")])
    assert (rows[0].start_date, rows[0].end_date) == (date(2031, 7, 8), date(2031, 7, 10))


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Плановые сроки", "planned"),
        ("Срок по плану", "planned"),
        ("Дата (план)", "planned"),
        ("Фактическая дата", "actual"),
        ("Сроки проведения: фактически", "actual"),
        ("Дата начала", None),
        ("Дата проведения", None),
        ("Дата (план / факт)", None),  # one column naming both: its cell gives both, labelled
    ],
)
def test_a_date_columns_header_says_whether_it_is_planned_or_actual(header: str, kind: str | None) -> None:
    assert date_column_kind(header) == kind
