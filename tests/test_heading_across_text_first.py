"""A heading written across the whole table (one cell merged over every column) opens a section,
also where the table's first column holds a text the rows carry on (the goal, the place): it is
no rest of the row above a page end or a clerk's Enter cut, whose other cells stand apart."""

from __future__ import annotations

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Сведения о международных мероприятиях муниципальных образований Энской области за I квартал 2025 г."
HEADER = ("Итоги проведения", "Место проведения", "Наименование мероприятия", "Дата проведения")


def _report(rows: tuple[RawRow, ...]):  # type: ignore[no-untyped-def]
    doc = RawDocument("x.docx", "docx", TITLE, (RawTable(HEADER, rows, "table 1"),))
    return interpret_document(doc, contracts.header_synonyms())


def test_a_heading_across_a_goal_first_table_opens_the_next_municipality() -> None:
    report = _report(
        (
            RawRow(("Муниципальное образование «Ольшанский район»", None, None, None), "table 1, row 2"),
            RawRow(("Обмен опытом", "с. Ольшанка, школа", "Турнир по шахматам «Ладья»", "12.02.2025"), "r3"),
            RawRow(("Администрация города Зареченска", None, None, None), "table 1, row 4"),
            RawRow(("Подписано соглашение", "г. Зареченск, музей", "Визит г. Бреста", "20.03.2025"), "r5"),
        )
    )
    assert [(r.municipality, r.goal) for r in report.rows] == [
        ("Ольшанский район", "Обмен опытом"),
        ("город Зареченск", "Подписано соглашение"),
    ]


def test_the_rest_of_a_goal_in_its_own_cell_still_goes_on() -> None:
    report = _report(
        (
            RawRow(("Обмен опытом", "с. Ольшанка, школа", "Турнир по шахматам «Ладья»", "12.02.2025"), "r2"),
            RawRow(("и подписано соглашение", "", "", ""), "table 1, row 3"),
        )
    )
    assert [r.goal for r in report.rows] == ["Обмен опытом и подписано соглашение"]
