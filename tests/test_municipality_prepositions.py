"""A municipality's heading after a preposition that governs its case («По г. Энску», «В
Заречноградске»), and a place's own name shaped like a short possessive («Городской округ
Петрово»): one canonical name whatever the written pattern. Names are invented or varied."""

from __future__ import annotations

import pytest

from muniflow.interpret import canonical_municipality
from muniflow.interpret.municipality import municipality_name


@pytest.mark.parametrize(
    ("raw", "expected", "reason"),
    [
        ("По г. Заречноградску", "город Заречноградск", "по + dative behind an abbreviated kind"),
        ("ПО Г. ЛЕСОГОРСКУ", "город Лесогорск", "in capitals"),
        ("1. По г. Подольску", "город Подольск", "numbered"),
        ("Из г. Верхнеключевска", "город Верхнеключевск", "из + genitive"),
        ("В пос. Заречноградске", "поселок Заречноградск", "в + prepositional, «пос.»"),
        ("В с. Ключевке", "С. Ключевка", "«с.» of locality_abbreviations, kept as written"),
        ("По Солнечногорску", "Солнечногорск", "a bare name after «по»"),
        ("По Лесогорску", "Лесогорск", "a bare name the dictionary lacks, read as a place"),
        ("В Звенигороде", "Звенигород", "a bare name after «в»"),
        ("По Каменску-Уральскому", "Каменск-Уральский", "hyphenated, both parts decline"),
        ("По Нижнему Новгороду", "Нижний Новгород", "an adjective before the noun"),
        ("По Боровичам", "Боровичи", "a plural name"),
        ("В Сочи", "Сочи", "a name that does not decline stays"),
        ("По Пушкино", "Пушкино", "a nominative «-о» name has no dative: stays"),
        ("По г. Пушкино", "город Пушкино", "the same behind an abbreviated kind"),
        ("По Энскову", "Энскову", "no sure place reading in the dative: left as written"),
        ("по администрации г. Мышкина", "город Мышкин", "a sender between: the genitive is its"),
        ("По городу Кировску", "город Кировск", "a spelled-out kind noun as before"),
    ],
)
def test_a_preposition_tells_the_case_to_undo(raw, expected, reason):
    assert canonical_municipality(raw) == expected, reason


@pytest.mark.parametrize("raw", ["Из них", "О проведении мероприятий", "У нас"])
def test_a_preposition_before_no_name_makes_no_municipality(raw):
    assert municipality_name(raw, bare=True) is None


@pytest.mark.parametrize(
    ("written", "other"),
    [
        ("Городской округ Петрово", "Городской округ Кинешма"),
        ("Петрово городской округ", "Городской округ Кинешма"),
        ("городской округ Ильино", "городской округ Тотьма"),
    ],
)
def test_a_short_possessive_name_takes_the_kind_first_order_of_a_noun_name(written, other):
    """«Петрово» reads as a possessive adjective too, but a name's adjective before its kind is a
    full one: the same pattern with a noun name gives the same canonical pattern."""
    canonical = canonical_municipality(written)
    assert canonical.startswith("город ") and canonical_municipality(other).startswith("город ")
    assert canonical.split(" ", 1)[1] in written


def test_a_short_possessive_name_before_a_settlement_kind_goes_after_it():
    assert canonical_municipality("Петрово сельское поселение") == "сельское поселение Петрово"
    assert canonical_municipality("сельское поселение Петрово") == "сельское поселение Петрово"
    assert canonical_municipality("сельское поселение Петровское") == "Петровское сельское поселение"
