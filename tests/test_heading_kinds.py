"""Which headings name a municipality: table rows spanning the table and paragraphs above a table.

Real names of several regions (test data only; the rules are general), the reason beside each.
"""

from __future__ import annotations

import pytest

from muniflow.interpret import canonical_municipality
from muniflow.interpret.sections import (
    MONTH,
    MUNICIPALITY,
    OTHER,
    TOTALS,
    caption_municipality,
    classify,
    region_body,
)

SKIP = ["итого", "всего", "примечание"]


@pytest.mark.parametrize(
    ("text", "merged", "column", "expected", "reason"),
    [
        ("ТОТЕМСКИЙ РАЙОН", True, False, MUNICIPALITY, "a district in capitals spanning the table"),
        ("ЧЕРЕПОВЕЦ", True, False, MUNICIPALITY, "a city's bare name spanning the table"),
        ("г.Череповец", False, False, MUNICIPALITY, "a city, not spanning (a PDF row), abbreviated kind"),
        ("Администрации Кромского района", False, False, MUNICIPALITY, "genitive, not spanning"),
        ("1. Кирилловский район:", True, False, MUNICIPALITY, "numbered heading with a colon"),
        ("Приложение 1", True, False, TOTALS, "a note spanning the table is skipped, not a municipality"),
        ("Таблица 2", True, False, TOTALS, "same, a table caption"),
        ("Информация о мероприятиях", True, False, TOTALS, "same, a title"),
        ("Статья 33 Устава", False, False, OTHER, "not spanning: left to the row reader"),
        ("Итого: 3", True, False, TOTALS, "totals"),
        ("ОКТЯБРЬ", True, False, MONTH, "a month heading"),
        ("Велижский", True, True, OTHER, "with a municipality column"),
        ("Озернинскии район", True, False, MUNICIPALITY, "misspelt ending (и for й): still a heading"),
        ("Сосновскии муниципальный район", True, False, MUNICIPALITY, "same, before a two-word kind"),
        ("Итого по району", True, False, TOTALS, "totals naming a kind stay totals"),
        ("Мероприятия района", True, False, TOTALS, "a common word before a kind is no name"),
        ("Сельсовет: Берёзовский", True, False, MUNICIPALITY, "a bare kind labelling an adjective name"),
    ],
)
def test_heading_row_kind(text, merged, column, expected, reason):
    assert classify(text, SKIP, merged, column) == expected, reason


@pytest.mark.parametrize(
    ("caption", "expected", "reason"),
    [
        ("МО «Тотемский район»", "МО «Тотемский район»", "one line"),
        ("ТОТЕМСКИЙ\nРАЙОН", "ТОТЕМСКИЙ\nРАЙОН", "a heading broken over two lines"),
        ("Перечень мероприятий\nг.Череповец", "г.Череповец", "the last line under a title line"),
        ("Приложение 1", None, "an appendix is no municipality"),
        ("Таблица 2. Сводные данные", None, "a table's caption"),
        ("Информация о мероприятиях\nза 3 квартал 2025 г.", None, "a title"),
        ("Статья 33", None, "an article"),
        ("Приложение 2 к постановлению Администрации Тотемского района", None, "a reference, not a heading"),
        ("г. Череповец\nАпрель:", "г. Череповец", "a month heading under it"),
        ("ТОТЕМСКИЙ\nРАЙОН\nМай 2025 г.", "ТОТЕМСКИЙ\nРАЙОН", "broken over lines, a month under it"),
    ],
)
def test_caption_names_a_municipality(caption, expected, reason):
    assert caption_municipality(caption) == expected, reason


@pytest.mark.parametrize(
    ("caption", "canonical", "reason"),
    [
        ("Администрация\nгородского округа «Город Череповец»", "город Череповец", "broken after the prefix"),
        ("Отчёт администрации Тотемского района", "Тотемский район", "a word before the prefix"),
        ("Мероприятия Муниципальное образование «Тотемский район»", "Тотемский район", "run-in"),
        ("ИНФОРМАЦИЯ\nо мероприятиях\nАДМИНИСТРАЦИИ КРОМСКОГО РАЙОНА", "Кромской район", "genitive"),
    ],
)
def test_caption_gives_the_canonical_name(caption, canonical, reason):
    found = caption_municipality(caption)
    assert found is not None and canonical_municipality(found) == canonical, reason


@pytest.mark.parametrize(
    ("text", "region", "reason"),
    [
        ("Министерство культуры Северной области", "Северная область", "a ministry of the region"),
        ("Органы исполнительной власти Северной области", "Северная область", "the region's bodies"),
        ("1. Министерство внешних связей Северной области", "Северная область", "numbered"),
        ("Агентство по внешним связям Республики Карелия", "Республика Карелия", "a republic's agency"),
        ("Информация о мероприятиях Северной области", None, "a title tells about something"),
        ("Мероприятия Северной области за 3 квартал 2025 года", None, "a title naming its period"),
        ("муниципальных образований Северной области", None, "no body: the region in other words"),
        ("Администрация Озёрного района Северной области", None, "a municipality's body"),
        ("Министерство иностранных дел Республики Беларусь", None, "a foreign state's body"),
        ("Северная область", None, "no body named"),
    ],
)
def test_a_heading_naming_a_body_of_the_region(text, region, reason):
    assert region_body(text) == region, reason


def test_a_region_body_s_events_among_municipalities_are_the_region_s(tmp_path):
    """A region's report heads its ministries' events among its municipalities': those rows are the
    region's, not given to the municipality above (silently) or left with none (an error)."""
    from nil_builders import regional_report

    from muniflow import stages

    path = regional_report(
        tmp_path / "region.docx",
        [
            ("Озёрный район", ["Фестиваль «Озёра»"]),
            ("Министерство культуры Северной области", ["Выставка «Север»", "Форум «Дружба»"]),
            ("Лесной район", ["Турнир «Лес»"]),
        ],
    )
    outcome = stages.process_file(path)
    assert outcome.report is not None, outcome.message
    assert [r.municipality for r in outcome.report.rows] == [
        "Озёрный район",
        "Северная область",
        "Северная область",
        "Лесной район",
    ]


def test_rows_under_a_misspelt_heading_are_not_the_municipality_s_above():
    """A compilation's heading misspelt past an adjective's ending («Озернинскии район») was read
    as a note and skipped, so its events went silently to the municipality above."""
    from muniflow import contracts
    from muniflow.interpret import interpret_document
    from muniflow.model import RawDocument, RawRow, RawTable

    title = (
        "Информация о международных мероприятиях муниципальных образований Энской области"
        " за II квартал 2025 г."
    )
    header = ("№", "Наименование мероприятия", "Место проведения", "Дата проведения")
    rows = (
        RawRow(("Город Заречинск", None, None, None), "table 1, row 2"),
        RawRow(("1", "Фестиваль «Дружба»", "г. Заречинск", "12.05.2025"), "table 1, row 3"),
        RawRow(("Озернинскии район", None, None, None), "table 1, row 4"),
        RawRow(("2", "Выставка «Узоры»", "с. Озерное", "14.05.2025"), "table 1, row 5"),
    )
    doc = RawDocument("x.docx", "docx", title, (RawTable(header, rows, "table 1"),))
    report = interpret_document(doc, contracts.header_synonyms())
    assert [r.municipality for r in report.rows] == ["город Заречинск", "Озернинскии район"]
