"""A header cell naming the title and the place («Наименование мероприятия, место проведения»;
«Наименование мероприятия (место проведения)»): its cells are split into both, the place being
the brackets closing the cell (when they open with a place or name a remote format) or its last
settlement written after its kind in the nominative; a cell with no such place keeps its text as
the title, the place left empty (and flagged)."""

from __future__ import annotations

import pytest

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.interpret.combined import date_run, split_title_place
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о международных мероприятиях Энского района за II квартал 2024 года"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (
            "Международный фестиваль «Калужская гармонь» г. Калуга, Губернский парк",
            ("Международный фестиваль «Калужская гармонь»", "г. Калуга, Губернский парк"),
        ),
        ("Форум «Дружба» (г. Тверь, ДК «Пролетарка»)", ("Форум «Дружба»", "г. Тверь, ДК «Пролетарка»")),
        (  # the last settlement named: the guests' town is the title's
            "Визит делегации г. Гомеля (Беларусь) г. Тверь, администрация",
            ("Визит делегации г. Гомеля (Беларусь)", "г. Тверь, администрация"),
        ),
        ("Визит делегации г. Гомеля", None),  # «г. Гомеля» is governed: no place of its own
        ("Акция Калуга встречает друзей", None),  # a town named with no kind: a title's word
        ("Концерт (в рамках фестиваля)", None),  # brackets that name no place
        (  # brackets inside the closing ones: the title names the town too
            "Встреча с учащимися школы г. Энск (Монголия) (г. Энск (Монголия))",
            ("Встреча с учащимися школы г. Энск (Монголия)", "г. Энск (Монголия)"),
        ),
        ("Вебинар «Мост» (онлайн (платформа «Сферум»))", ("Вебинар «Мост»", "онлайн (платформа «Сферум»)")),
        ("Пленэр «Ветер» (р.п. Озёрное, ДК)", ("Пленэр «Ветер»", "р.п. Озёрное, ДК")),  # a two-letter kind
    ],
)
def test_a_title_and_its_place_in_one_cell(cell: str, expected: tuple[str, str] | None) -> None:
    assert split_title_place(cell) == expected


def test_a_column_headed_title_and_place_feeds_both() -> None:
    header = ("№", "Наименование мероприятия, место проведения", "Дата проведения", "Участники")
    rows = (
        RawRow(("1", "Фестиваль «Гармонь» г. Энск, парк", "12.05.2024", "Артисты"), "table 1, row 2"),
        RawRow(("2", "Визит делегации г. Гомеля", "20.05.2024", "Гости"), "table 1, row 3"),
    )
    doc = RawDocument("x.docx", "docx", TITLE, (RawTable(header, rows, "table 1"),))
    report = interpret_document(doc, contracts.header_synonyms())
    assert [(r.title, r.place) for r in report.rows] == [
        ("Фестиваль «Гармонь»", "г. Энск, парк"),
        ("Визит делегации г. Гомеля", ""),
    ]


def test_a_column_headed_title_with_the_place_in_brackets_feeds_both() -> None:
    header = ("№", "Наименование мероприятия (место проведения)", "Дата проведения", "Участники")
    rows = (
        RawRow(("1", "Фестиваль «Гармонь» (с. Энское, клуб)", "12.05.2024", "Артисты"), "table 1, row 2"),
        RawRow(("2", "Вебинар «Мост» (онлайн)", "20.05.2024", "Учителя"), "table 1, row 3"),
    )
    doc = RawDocument("x.docx", "docx", TITLE, (RawTable(header, rows, "table 1"),))
    report = interpret_document(doc, contracts.header_synonyms())
    assert [(r.title, r.place) for r in report.rows] == [
        ("Фестиваль «Гармонь»", "с. Энское, клуб"),
        ("Вебинар «Мост»", "онлайн"),
    ]


@pytest.mark.parametrize(
    ("header", "columns"),
    [
        ("Наименование мероприятия, место проведения", ("title", "place")),
        ("Мероприятие / место", ("title", "place")),
        ("Сроки, место", ("date_text", "place")),
        ("Место проведения мероприятия", None),  # the event's place: one column
        ("Наименование мероприятия (место проведения)", ("title", "place")),  # the place in brackets
        ("Сроки (место)", ("date_text", "place")),
        ("Место проведения (адрес)", None),  # both words name the place
        ("Мероприятие (с указанием места и даты проведения)", None),  # brackets naming two columns
    ],
)
def test_a_cell_naming_two_columns_by_their_synonyms_feeds_both(
    header: str, columns: tuple[str, ...] | None
) -> None:
    from muniflow.interpret.columns import both_columns, combined_match

    combined = contracts.load_contract().threshold("combinedColumns", [])
    found = combined_match(header, combined) or both_columns(header, contracts.header_synonyms(), combined)
    assert (found[0] if found else None) == columns


@pytest.mark.parametrize(
    ("text", "expected", "reason"),
    [
        (
            "Турнир «Кубок озёр» (3–4 мая 2025 г., с. Ключи).",
            "3–4 мая 2025 г.",
            "the bracket opening the days and the place after them is no part of the dates",
        ),
        ("Турнир «Кубок озёр» (3–4 мая 2025 г.)", "(3–4 мая 2025 г.)", "dates alone in brackets: as before"),
        ("(3 мая 2025 г., с. Ключи) турнир", "3 мая 2025 г.", "the bracket opening the text"),
        ("5 июня 2025 г. в с. Ключи состоялся турнир", "5 июня 2025 г.", "no bracket"),
    ],
)
def test_the_dates_a_line_names(text: str, expected: str, reason: str) -> None:
    found = date_run(text)
    assert found is not None, reason
    assert found[0] == expected, reason
    assert text[found[1] : found[2]].strip(" ,") == expected, reason
