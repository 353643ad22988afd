"""Clauses of a letter's prose read apart (readers/listed.py): who took part is no part of an event's
name; two events told in one sentence are two; a PDF line opening with a dash goes on an item
wrapped above it."""

from __future__ import annotations

from muniflow.contracts import header_synonyms
from muniflow.model import RawDocument
from muniflow.readers.listed import listed_document

LEAD = "Администрация Сосновского района сообщает о международных мероприятиях за I квартал 2025 года."


def _cells(lines: list[str], pages: int | None = None) -> list[tuple[str, ...]]:
    doc = RawDocument(
        source_file="letter.pdf" if pages else "letter.docx",
        format="pdf" if pages else "docx",
        title="\n".join([LEAD, *lines]),
        tables=(),
        pages=pages,
    )
    listed = listed_document(doc, header_synonyms())
    assert listed is not None
    return [tuple(c or "" for c in row.cells[1:]) for row in listed.tables[0].rows]


def test_who_took_part_ends_the_events_name_and_opens_its_goal() -> None:
    """«с участием …», «при активном участии …» (a preposition, the noun of `takingPart`): the name
    ends before it; a list of who took part over commas goes on while its words stand in the case
    of the list's last word, so a venue after it («ДК «…»») is where."""
    assert _cells(
        [
            "12 марта 2025 года в г. Сосновке состоялся фестиваль «Зимние узоры» с участием гостей "
            "из Гомеля, Бреста и Могилёва (40 чел.).",
            "• 14 марта 2025 г. — праздник «Весна» с участием студентов из Вьетнама, Лаоса и Камбоджи, "
            "ДК «Сосна»;",
            "• 15 марта 2025 г. — концерт «Дружба» при активном участии ансамбля «Звонница», ДК «Сосна»;",
            "• 17 марта 2025 г. — встреча с делегацией г. Гомеля, администрация района.",
        ]
    ) == [
        (
            "Фестиваль «Зимние узоры»",
            "12 марта 2025 года",
            "г. Сосновка",
            "с участием гостей из Гомеля, Бреста и Могилёва (40 чел.)",
        ),
        (
            "Праздник «Весна»",
            "14 марта 2025 г.",
            "ДК «Сосна»",
            "с участием студентов из Вьетнама, Лаоса и Камбоджи",
        ),
        ("Концерт «Дружба»", "15 марта 2025 г.", "ДК «Сосна»", "при активном участии ансамбля «Звонница»"),
        ("Встреча с делегацией г. Гомеля", "17 марта 2025 г.", "администрация района", ""),
    ]
