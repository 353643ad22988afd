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


def test_a_heading_with_no_number_under_a_numbered_event_is_no_stage_of_it() -> None:
    """No № of its own, a title and no place nor date: read as a stage of the event above («Гала-
    концерт» of a festival), the heading and its rows had been the municipality's above."""
    header = ("№", "Мероприятие", "Дата", "Место", "Цель", "Участники", "Примечание")
    body = (
        ("1.", "Кленовский муниципальный район", "", "", "", "", "Глава – Петров И.С."),
        ("1", "Фестиваль «Лад»", "12.04.2031", "с. Кленово", "Дружба", "40 человек", ""),
        ("", "городской округ город Ольховск", "", "", "", "", "Отдел культуры и туризма"),
        ("2", "Форум «Исток»", "20.05.2031", "г. Ольховск", "Обмен опытом", "60 человек", ""),
    )
    rows = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(body))
    doc = interpret_document(
        RawDocument("x.docx", "docx", TITLE, (RawTable(header, rows, "table 1"),)), header_synonyms()
    )
    assert [(r.title, r.municipality) for r in doc.rows] == [
        ("Фестиваль «Лад»", "Кленовский район"),
        ("Форум «Исток»", "город Ольховск"),
    ]


def test_a_remark_in_the_goals_column_beside_a_heading_is_a_remark() -> None:
    """A column of the office's or head's names that the header does not name may be read as the
    goal's: a heading's remark there is still a remark."""
    header = ("№ п/п", "Наименование мероприятия", "Место проведения", "Сроки", "Участники", "Цель")
    body = (
        ("I.", "Кленовский муниципальный район", "", "", "", "Глава – Петров И.С."),
        ("1", "Фестиваль «Лад»", "с. Кленово", "12.04.2031", "40 человек", "Дружба"),
        ("II.", "Ольховский муниципальный округ", "", "", "", "Ответственный: Сидоренко П.П."),
        ("2", "Форум «Исток»", "с. Ольхово", "20.05.2031", "60 человек", "Обмен опытом"),
    )
    rows = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(body))
    doc = interpret_document(
        RawDocument("x.docx", "docx", TITLE, (RawTable(header, rows, "table 1"),)), header_synonyms()
    )
    assert [r.municipality for r in doc.rows] == ["Кленовский район", "Ольховский муниципальный округ"]
