"""Stages or days of one event written as sub-rows under it («1.1», «1.2»; «а)», «б)»): part of
the event, not events of their own."""

from __future__ import annotations

from muniflow.contracts import header_synonyms
from muniflow.interpret import interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о мероприятиях муниципальных образований Энской области во II квартале 2024 года"
HEADER = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Цель")
FESTIVAL = ("1", "Фестиваль «Лад»", "с. Н", "12–14 мая 2024 г.", "Обмен опытом")


def _read(*rows: tuple[str | None, ...]):  # type: ignore[no-untyped-def]
    body = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    table = RawTable(HEADER, body, "table 1")
    return interpret_document(RawDocument("x.docx", "docx", TITLE, (table,)), header_synonyms())


def test_numbered_stages_within_the_event_s_days_are_part_of_it() -> None:
    doc = _read(
        ("Н-ский район", None, None, None, None),
        FESTIVAL,
        ("1.1", "Торжественное открытие", "", "12.05.2024", ""),
        ("1.2", "Гала-концерт", "", "14.05.2024", ""),
        ("2", "Выставка «Росы»", "с. Н", "20.05.2024", "Знакомство"),
        ("а)", "Экскурсия", "", "", ""),
    )
    assert [(r.seq_text, r.title) for r in doc.rows] == [("1", "Фестиваль «Лад»"), ("2", "Выставка «Росы»")]
    festival, exhibition = doc.rows
    assert (
        festival.goal_raw
        == "Обмен опытом\n1.1 Торжественное открытие, 12.05.2024\n1.2 Гала-концерт, 14.05.2024"
    )
    assert exhibition.goal.endswith("а) Экскурсия")
    # «1.1» held elsewhere, or on a day outside the event's: an event numbered under it
    doc = _read(
        ("Н-ский район", None, None, None, None),
        FESTIVAL,
        ("1.1", "Концерт в г. Гродно", "г. Гродно", "13.05.2024", ""),
        ("1.2", "Ответный визит", "", "20.05.2024", ""),
    )
    assert [r.seq_text for r in doc.rows] == ["1", "1.1", "1.2"]


def test_stages_with_no_number_of_their_own_opening_with_a_dash_are_part_of_the_event() -> None:
    doc = _read(
        ("Н-ский район", None, None, None, None),
        FESTIVAL,
        ("", "– торжественное открытие", "", "12.05.2024", ""),
        ("", "– гала-концерт", "", "14.05.2024", ""),
        ("2", "Выставка «Росы»", "с. Н", "20.05.2024", "Знакомство"),
    )
    assert [r.title for r in doc.rows] == ["Фестиваль «Лад»", "Выставка «Росы»"]
    assert doc.rows[0].goal_raw.endswith("– гала-концерт, 14.05.2024")
