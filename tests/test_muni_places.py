"""A column the header ties to the municipality («Территория») whose cells are the events' places
(interpret/muni_places.py). Names invented."""

from __future__ import annotations

from muniflow.contracts import header_synonyms
from muniflow.interpret import interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = (
    "Отчёт о мероприятиях в международной сфере, проведённых органами местного самоуправления "
    "Заозёрского муниципального округа Энской области в III квартале 2025 года"
)
HEADER = ("№ п/п", "Наименование мероприятия", "Территория", "Сроки проведения", "Участники")


def _read(rows, title=TITLE):
    raw = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    table = RawTable(HEADER, raw, "table 1", "")
    return interpret_document(RawDocument("x.docx", "docx", title, (table,)), header_synonyms())


def test_a_territory_column_of_villages_and_foreign_towns_is_the_place():
    """«Территория» over a village, a foreign town and an online meeting, no place column: the
    events' places; the municipality is the report's, from its title. Over municipalities it is
    still the municipality column."""
    doc = _read(
        [
            ("1.", "Фестиваль народной песни «Звонкие берега»", "с. Верхние Луки", "12.07.2025", "120 чел."),
            ("2.", "Встреча с делегацией г. Ош", "г. Ош (Киргизия)", "3.08.2025", "12 чел."),
            ("3.", "Онлайн-встреча школьников", "онлайн-формат", "9 сентября 2025 г.", "40 чел."),
            ("4.", "Турнир по мини-футболу «Кубок дружбы»", "г. Заозёрск", "20.09.2025", "60 чел."),
        ]
    )
    assert [r.place for r in doc.rows] == [
        "с. Верхние Луки",
        "г. Ош (Киргизия)",
        "онлайн-формат",
        "г. Заозёрск",
    ]
    assert {r.municipality for r in doc.rows} == {"Заозёрский муниципальный округ"}
    # the same header over the region's municipalities (a district, a town) stays the municipality
    doc = _read(
        [
            ("1.", "Фестиваль народной песни «Звонкие берега»", "Заозёрский округ", "12.07.2025", "1"),
            ("2.", "Встреча с делегацией г. Ош", "г. Заозёрск", "3 августа 2025 г.", "12 чел."),
            ("3.", "Онлайн-встреча школьников", "Заозёрский округ", "9.09.2025", "40"),
        ],
        title="Сводная информация о мероприятиях муниципалитетов Энской области, III квартал 2025 г.",
    )
    assert [r.place for r in doc.rows] == ["", "", ""]
    assert doc.rows[1].municipality != ""
