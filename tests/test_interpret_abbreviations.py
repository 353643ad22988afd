"""Abbreviated header words («Наим.», «мер-тия», «рез-т», «Кол-во уч.») are spelled out from the
header vocabulary's own words (interpret/abbreviations.py); a real compound stays as it is. A date
column typed by its cells under a header naming the other columns feeds the place too where its
cells hold one («12.05.2031 с. Энск»)."""

from __future__ import annotations

import pytest

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.interpret.columns import candidates
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о международных мероприятиях муниципальных образований за II квартал 2031 года"


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Наим. мер-тия", "title"),
        ("Наименование меропр.", "title"),
        ("Место пров-ия", "place"),
        ("Дата пров.", "date_text"),
        ("Цель/рез-т", "goal"),
        ("Кол-во уч.", "participants"),  # «уч.» fits several words: the one completing a synonym
        ("Кол-во иностр. уч-ков", "participants"),
    ],
)
def test_an_abbreviated_header_names_its_column(header: str, column: str) -> None:
    found = candidates(header, contracts.header_synonyms())
    assert found and found[0].column == column, header


@pytest.mark.parametrize("header", ["Онлайн-встреча", "Уч.", "Д/м"])
def test_what_spells_no_one_vocabulary_word_names_nothing(header: str) -> None:
    assert candidates(header, contracts.header_synonyms()) == []


def test_a_date_column_typed_by_its_cells_feeds_the_place_its_cells_hold() -> None:
    header = ("№ п/п", "Наим. мер-тия", "Д/м пров.", "Кол-во уч.")
    body = [
        ("1", "Фестиваль ремёсел «Дружба»", "12.05.2031 с. Энск", "40"),
        ("2", "Встреча с делегацией города Заречье", "18-19.05.2031 г. Приозёрск", "12"),
        ("3", "Турнир по городкам «Кубок границы»", "02.06.2031 пос. Ольховка", "25"),
    ]
    rows = tuple(RawRow(r, f"table 1, row {i + 2}") for i, r in enumerate(body))
    report = interpret_document(
        RawDocument("x.docx", "docx", TITLE, [RawTable(header, rows, "table 1")]), contracts.header_synonyms()
    )
    read = [(r.title, r.place, r.date_text, r.participants) for r in report.rows]
    assert read[0] == ("Фестиваль ремёсел «Дружба»", "с. Энск", "12.05.2031", "40")
    assert [p for _, p, _, _ in read] == ["с. Энск", "г. Приозёрск", "пос. Ольховка"]
