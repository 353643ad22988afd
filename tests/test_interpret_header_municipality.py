"""A table per municipality whose own header names the municipality, with no heading above it."""

from __future__ import annotations

from muniflow.contracts import header_synonyms
from muniflow.interpret import interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о мероприятиях муниципальных образований Энской области во II квартале 2024 года"
REST = ("Место проведения", "Сроки проведения", "Участники")


def _table(k: int, number: str, title: str, place: str) -> RawTable:
    body = (RawRow(("1", "Концерт «Лад»", place, "12.04.2024", "40 человек"), f"table {k}, row 2"),)
    return RawTable((number, title, *REST), body, f"table {k}")


def test_the_number_or_title_header_cell_naming_a_municipality_names_the_table_s() -> None:
    tables = (
        _table(1, "Город Энск", "Наименование мероприятия", "г. Энск"),
        _table(2, "№", "Наименование мероприятия (Н-ский район)", "с. Н"),
        _table(3, "№", "Мероприятия города Лесногорска", "г. Лесногорск"),
        # guests named in the header are no table's municipality: the heading before goes on
        _table(4, "№", "Мероприятия с участием делегации г. Лисберга", "г. Лесногорск"),
    )
    doc = interpret_document(RawDocument("x.docx", "docx", TITLE, tables), header_synonyms())
    assert [r.municipality for r in doc.rows] == [
        "город Энск",
        "Н-ский район",
        "город Лесногорск",
        "город Лесногорск",
    ]
