"""A region the title names is not the report's own municipality: a heading of a city named like
the region is a municipality of its own, not a settlement of the region (interpret/municipality.py
`names_a_region`)."""

from __future__ import annotations

import pytest

from muniflow.contracts import header_synonyms
from muniflow.interpret import interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = (
    "Информация о международных мероприятиях, проведённых органами местного самоуправления "
    "Энского автономного округа в III квартале 2031 года"
)
HEADER = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения")
NORTH = (
    ("Город Северогорск", None, None, None),
    ("1.", "Турнир по городкам", "г. Северогорск", "3 июля 2031 г."),
)
CAPITAL = (("Город Энск", None, None, None), ("2.", "Ярмарка ремёсел", "г. Энск", "4 июля 2031 г."))


def _read(*rows):
    raw = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    doc = RawDocument("x.docx", "docx", TITLE, (RawTable(HEADER, raw, "table 1", ""),))
    return interpret_document(doc, header_synonyms())


@pytest.mark.parametrize(
    ("blocks", "reason"),
    [
        ((NORTH, CAPITAL), "the capital's heading after another city's: not a settlement of the one above"),
        ((CAPITAL, NORTH), "the capital's heading first: not the region's"),
    ],
)
def test_a_city_named_like_the_region_is_a_municipality_of_its_own(blocks, reason):
    report = _read(*(row for block in blocks for row in block))
    got = {r.title: r.municipality for r in report.rows}
    assert got == {"Турнир по городкам": "город Северогорск", "Ярмарка ремёсел": "город Энск"}, reason
