"""Header wordings of other offices' templates, each naming its column through the contract's
headerSynonyms (contracts/events.odcs.yaml), in a two-level header too."""

from __future__ import annotations

import pytest

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.interpret.columns import map_columns
from muniflow.model import RawDocument, RawRow, RawTable


def _column_of(label: str) -> set[str]:
    header = ("№", label)
    matches, _ = map_columns(header, contracts.header_synonyms())
    return {m.column for m in matches if m.index == 1}


@pytest.mark.parametrize(
    ("label", "column"),
    [
        ("Время проведения", "date_text"),
        ("Начало проведения", "date_text"),
        ("Окончание проведения", "date_text"),
    ],
)
def test_a_wording_names_its_column(label: str, column: str) -> None:
    assert _column_of(label) == {column}


def test_a_group_over_the_time_of_an_event_reads_its_dates() -> None:
    header = ("№", "Сведения о мероприятии", None, None, "Итоги", "Участники")
    rows = (
        RawRow(("", "Время проведения", "Мероприятие (форма, тема)", "Место", "", ""), "table 1, row 2"),
        RawRow(
            ("1.1", "10-12.11.2031", "Форум «Мост»", "г. Энск", "Соглашение", "20 чел."), "table 1, row 3"
        ),
        RawRow(("1.2", "ноябрь 2031 года", "Турнир «Берег»", "онлайн", "Кубок", "8 чел."), "table 1, row 4"),
    )
    title = "Информация о международных мероприятиях Энского района за IV квартал 2031 года"
    doc = RawDocument("x.docx", "docx", title, (RawTable(header, rows, "table 1"),))
    report = interpret_document(doc, contracts.header_synonyms())
    assert [(r.title, str(r.start_date), str(r.end_date)) for r in report.rows] == [
        ("Форум «Мост»", "2031-11-10", "2031-11-12"),
        ("Турнир «Берег»", "2031-11-01", "2031-11-30"),
    ]


def test_participants_apart_from_a_partners_column_feed_both() -> None:
    """«Состав участников» under a group «Результаты» beside the goal, «Зарубежные партнёры» two
    columns further: both are the participants, neither the goal."""
    header = ("№", "Мероприятие", "Сроки", "Место", "Результаты", None, "Бюджет", "Зарубежные партнёры")
    sub = ("", "", "", "", "Краткое содержание и итоги", "Состав участников (страна, кол-во)", "", "")
    rows = (
        RawRow(sub, "table 1, row 2"),
        RawRow(
            ("1", "Форум «Мост»", "12.11.2031", "г. Энск", "Соглашение", "40 чел.", "нет", "Дом дружбы"),
            "table 1, row 3",
        ),
    )
    title = "Информация о международных мероприятиях Энского района за IV квартал 2031 года"
    doc = RawDocument("x.docx", "docx", title, (RawTable(header, rows, "table 1"),))
    (row,) = interpret_document(doc, contracts.header_synonyms()).rows
    assert "40 чел." in row.participants and "Дом дружбы" in row.participants
    assert "40 чел." not in row.goal


@pytest.mark.parametrize("form", ["Форма проведения", "Формат проведения"])
def test_a_format_column_beside_the_event_column_is_no_title(form: str) -> None:
    header = ("№", "Мероприятие", "Сроки", "Место", form, "Участники")
    matches, unmapped = map_columns(header, contracts.header_synonyms())
    assert [m.index for m in matches if m.column == "title"] == [1]
    assert unmapped == (4,)
