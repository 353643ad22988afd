"""A municipality's heading row with a remark beside its name in a column of no event fact (the
head's name under «Ответственный», an office under «Примечание»): a heading, not an event."""

from __future__ import annotations

from muniflow.contracts import header_synonyms
from muniflow.interpret import interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о международных связях муниципальных образований Энской области за II квартал 2031 года"
HEADER = (
    "№ п/п",
    "Наименование мероприятия",
    "Место проведения",
    "Сроки проведения",
    "Участники",
    "Ответственный",
)


def _read(*rows: tuple[str | None, ...]):  # type: ignore[no-untyped-def]
    body = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    table = RawTable(HEADER, body, "table 1")
    return interpret_document(RawDocument("x.docx", "docx", TITLE, (table,)), header_synonyms())


def test_a_heading_with_the_heads_name_in_a_remark_column_is_a_heading() -> None:
    doc = _read(
        ("1.", "Кленовский муниципальный район", "", "", "", "Петров И.С., глава района"),
        ("1", "Фестиваль «Лад»", "с. Кленово", "12.04.2031", "40 человек", "Отдел культуры"),
        ("", "Ольховский муниципальный округ", "", "", "", "Глава: Сидоренко П.П."),
        ("2", "Форум «Исток»", "с. Ольхово", "20.05.2031", "60 человек", "Отдел молодёжи"),
    )
    assert [(r.title, r.municipality) for r in doc.rows] == [
        ("Фестиваль «Лад»", "Кленовский район"),
        ("Форум «Исток»", "Ольховский муниципальный округ"),
    ]
