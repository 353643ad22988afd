"""A region's report naming each event's municipality on the first line of its title cell."""

from __future__ import annotations

from muniflow.contracts import header_synonyms
from muniflow.interpret import interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о мероприятиях муниципальных образований Энской области во II квартале 2024 года"
HEADER = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения")


def test_a_municipality_on_the_title_cell_s_first_line_names_the_row_s() -> None:
    body = (
        ("1", "Н-ский район\nФестиваль «Лад»", "с. Н", "12.04.2024"),
        ("2", "Город Энск\nКонцерт «Дружба»", "г. Энск", "20.05.2024"),
        ("3", "Выставка «Росы»\nв рамках проекта", "г. Энск", "21.05.2024"),
    )
    rows = tuple(RawRow(cells, f"table 1, row {i + 2}") for i, cells in enumerate(body))
    doc = interpret_document(
        RawDocument("x.docx", "docx", TITLE, (RawTable(HEADER, rows, "table 1"),)), header_synonyms()
    )
    assert [(r.municipality, r.title) for r in doc.rows] == [
        ("Н-ский район", "Фестиваль «Лад»"),
        ("город Энск", "Концерт «Дружба»"),
        ("", "Выставка «Росы» в рамках проекта"),
    ]
