"""A place told in two neighbouring columns, the country in one and the settlement in the other
(«Страна» | «Город», or a group «Место проведения» over «Страна» / «Населённый пункт»): both feed
the place, read as one, the settlement first and a foreign country in brackets; a dash and the
home country are left out. Either column alone reads as before."""

from __future__ import annotations

import pytest

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.interpret.columns import map_columns
from muniflow.interpret.place_parts import COUNTRY, SETTLEMENT, compose, part_of
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = (
    "Информация о международных мероприятиях муниципальных образований Энской области за II квартал 2024 года"
)


def _read(header: tuple[str, ...], *cells: tuple[str, ...]) -> list[tuple[str, str, str]]:
    rows = tuple(RawRow(c, f"table 1, row {i + 2}") for i, c in enumerate(cells))
    doc = RawDocument("x.docx", "docx", TITLE, (RawTable(header, rows, "table 1"),))
    report = interpret_document(doc, contracts.header_synonyms())
    return [(r.title, r.place, r.participants) for r in report.rows]


@pytest.mark.parametrize(
    ("label", "part"),
    [
        ("Страна", COUNTRY),
        ("Страна / Country", COUNTRY),  # both languages name the country
        ("Место проведения: Государство", COUNTRY),  # a sub-column by its own label
        ("Город", SETTLEMENT),
        ("Населённый пункт", SETTLEMENT),
        ("Город / City", SETTLEMENT),
        ("Страна-партнёр", ""),  # a partner, not where the event was
        ("Город / район", ""),  # a word of no part: the municipality's column
        ("Страна, город", ""),  # both in one cell: the place's own synonym reads it
    ],
)
def test_a_header_cell_names_a_part_by_all_its_words(label: str, part: str) -> None:
    assert part_of(label)[0] == part


@pytest.mark.parametrize(
    ("parts", "place", "reason"),
    [
        ((("country", "Монголия"), ("settlement", "г. Энск")), "г. Энск (Монголия)", "abroad: in brackets"),
        (
            (("settlement", "с. Петровка, клуб"), ("country", "Россия")),
            "с. Петровка, клуб",
            "the home country",
        ),
        ((("country", "Российская Федерация"), ("settlement", "г. Энск")), "г. Энск", "home, its long name"),
        ((("country", "—"), ("settlement", "онлайн")), "онлайн", "a dash says nothing"),
        ((("country", "Вьетнам"), ("settlement", "")), "Вьетнам", "no settlement: the country alone"),
        ((("country", "Вьетнам"), ("settlement", "г. Энск, Вьетнам")), "г. Энск, Вьетнам", "named already"),
        ((("country", "-"), ("settlement", "—")), "", "nothing: left for required_field"),
    ],
)
def test_the_parts_compose_one_place(parts: tuple[tuple[str, str], ...], place: str, reason: str) -> None:
    assert compose(parts) == place, reason


def test_a_country_column_beside_a_settlement_column_feeds_the_place() -> None:
    header = ("№", "Наименование мероприятия", "Страна", "Город", "Дата проведения", "Участники")
    matches, unmapped = map_columns(header, contracts.header_synonyms())
    assert [m.index for m in matches if m.column == "place"] == [2, 3]
    assert unmapped == ()
    assert _read(
        header,
        ("1", "Фестиваль «Заря»", "Монголия", "г. Энск", "12.05.2024", "Артисты"),
        ("2", "Турнир «Кубок»", "Россия", "с. Петровка, стадион", "20.05.2024", "Спортсмены"),
    ) == [
        ("Фестиваль «Заря»", "г. Энск (Монголия)", "Артисты"),
        ("Турнир «Кубок»", "с. Петровка, стадион", "Спортсмены"),
    ]


def test_columns_apart_or_alone_read_as_before() -> None:
    synonyms = contracts.header_synonyms()
    apart = ("№", "Наименование мероприятия", "Страна", "Дата проведения", "Город", "Участники")
    matches, _ = map_columns(apart, synonyms)
    assert {m.index for m in matches if m.column == "place"} == set()  # not neighbours: no pair
    named = ("№", "Наименование мероприятия", "Место проведения", "Страна", "Город", "Дата проведения")
    matches, _ = map_columns(named, synonyms)
    assert [m.index for m in matches if m.column == "place"] == [2]  # the place is named already


def test_a_grouped_place_drops_its_sub_labels_and_dashes() -> None:
    header = ("№", "Наименование мероприятия", "Дата проведения", "Место проведения", "", "Участники", "")
    sub = ("", "", "", "Страна", "Населённый пункт", "Российская сторона", "Иностранная сторона")
    assert _read(
        header,
        sub,
        ("1", "Фестиваль «Заря»", "12.05.2024", "Монголия", "г. Энск", "Ансамбль", "—"),
        ("2", "Турнир «Кубок»", "20.05.2024", "—", "онлайн", "—", "Школьники"),
    ) == [
        # a dash in another grouped field drops too; its labels stay, they say whose side
        ("Фестиваль «Заря»", "г. Энск (Монголия)", "Российская сторона: Ансамбль"),
        ("Турнир «Кубок»", "онлайн", "Иностранная сторона: Школьники"),
    ]
