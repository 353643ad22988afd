"""A table listing people (an appendix of a forum's guests, a delegation's members) is no events
table: skipped beside the events table, refused when it is the only one; an events table naming who
was in charge of each event stays one."""

from __future__ import annotations

import pytest

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.interpret.errors import InterpretError
from muniflow.interpret.people import person_name
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Отчёт о международных мероприятиях Энского района Энской области во II квартале 2025 года"
EVENTS = RawTable(
    ("№ п/п", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Участники"),
    (
        RawRow(
            ("1.", "Фестиваль «Речные огни»", "г. Энск", "14–16 мая 2025 г.", "90 человек"), "table 1, row 2"
        ),
    ),
    "table 1",
    TITLE,
)


def _guests(header: tuple[str, ...], rows: list[tuple[str, ...]], caption: str) -> RawTable:
    body = tuple(RawRow(cells, f"table 2, row {i + 2}") for i, cells in enumerate(rows))
    return RawTable(header, body, "table 2", caption)


GUESTS = _guests(
    ("№ п/п", "Ф.И.О.", "Страна", "Организация", "Сроки пребывания"),
    [
        (
            "1.",
            "Тулегенов Арман Серикович",
            "Республика Казахстан",
            "Театр кукол г. Костаная",
            "14–16 мая 2025 г.",
        ),
        (
            "2.",
            "Соколова Ирина Павловна",
            "Республика Беларусь",
            "Гимназия № 4 г. Гомеля",
            "14–17 мая 2025 г.",
        ),
        (
            "3.",
            "Ли Виктор Андреевич",
            "Республика Узбекистан",
            "Студия танца г. Ферганы",
            "15–16 мая 2025 г.",
        ),
    ],
    "Приложение 2\nСписок гостей фестиваля",
)
# the title column typed by content is the names' own: «Место работы, должность» is a place by «место»
GUESTS_BY_PLACE = _guests(
    ("№ п/п", "Фамилия, имя, отчество", "Место работы, должность", "Даты пребывания"),
    [
        ("1.", "Тулегенов Арман Серикович", "Театр кукол г. Костаная, режиссёр", "14–16 мая 2025 г."),
        ("2.", "Соколова Ирина Павловна", "Гимназия № 4 г. Гомеля, учитель", "14–17 мая 2025 г."),
    ],
    "Состав делегации",
)


# no person word in the header: «Участник» is participants by its synonyms; the heading says it is a list
GUESTS_UNDER_A_LIST = _guests(
    ("№", "Участник", "Страна", "Организация", "Сроки пребывания"),
    [
        (
            "1",
            "Тулегенов Арман Серикович",
            "Республика Казахстан",
            "Театр кукол г. Костаная",
            "14–16 мая 2025 г.",
        ),
        (
            "2",
            "Соколова Ирина Павловна",
            "Республика Беларусь",
            "Гимназия № 4 г. Гомеля",
            "14–17 мая 2025 г.",
        ),
    ],
    "Список гостей фестиваля",
)


def _report(*tables: RawTable):  # type: ignore[no-untyped-def]
    return interpret_document(RawDocument("x.docx", "docx", TITLE, tables), contracts.header_synonyms())


@pytest.mark.parametrize(
    "guests", [GUESTS, GUESTS_BY_PLACE, GUESTS_UNDER_A_LIST], ids=["organisation", "place", "under a list"]
)
def test_a_list_of_people_beside_the_events_table_is_skipped(guests: RawTable) -> None:
    report = _report(EVENTS, guests)
    assert [r.title for r in report.rows] == ["Фестиваль «Речные огни»"]
    skipped = next(t for t in report.reading.tables if t.locator == "table 2")
    assert not skipped.chosen and "list of people" in skipped.reason


def test_a_list_of_people_alone_is_refused_as_one() -> None:
    with pytest.raises(InterpretError) as refused:
        _report(GUESTS)
    assert refused.value.reason == "unknown_layout"
    assert "list of people" in str(refused.value)


def test_an_events_table_naming_who_was_in_charge_stays_an_events_table() -> None:
    header = (
        "№",
        "Наименование мероприятия",
        "Ответственный (Ф.И.О.)",
        "Дата проведения",
        "Место проведения",
    )
    rows = [
        ("1", "Конкурс «Мост дружбы»", "Орлова Марина Юрьевна", "12.05.2025", "г. Энск"),
        ("2", "Выставка «Край озёр»", "П.С. Гусев", "20.06.2025", "г. Энск"),
    ]
    body = tuple(RawRow(cells, f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    report = _report(RawTable(header, body, "table 1", TITLE))
    assert [r.title for r in report.rows] == ["Конкурс «Мост дружбы»", "Выставка «Край озёр»"]


@pytest.mark.parametrize(
    ("cell", "person"),
    [
        ("Тулегенов Арман Серикович", True),  # surname, first name, patronymic
        ("Гусев П.С., директор", True),  # surname and initials, a position after the comma
        ("П. С. Гусев", True),  # initials first
        ("Театр кукол г. Костаная", False),  # an organisation
        ("Республика Казахстан", False),  # a country
        ("Фестиваль «Речные огни»", False),  # an event
    ],
)
def test_a_cell_names_a_person(cell: str, person: bool) -> None:
    assert person_name(cell) is person
