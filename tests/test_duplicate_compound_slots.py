"""duplicate_event: a hyphenated compound fills a slot as one word («по мини-футболу»).

The title's words part a hyphenated word in two («мини», «футбол»), so the noun in the slot of
«турнир по мини-футболу среди юношей» stood beside «мини», not «турнир», and another sport in
that slot («… по волейболу среди юношей») parted nothing.
"""

from __future__ import annotations

import rowfactory

from muniflow.rules import titles
from muniflow.rules.duplicates import load_config

CFG = load_config()


def one_event(a: str, b: str) -> bool:
    """Whether two municipalities' rows of one day at one place are one event by their titles."""
    return rowfactory.one_event(
        (a, "г. Ивняковск", "Ивняковский район"), (b, "г. Ивняковск", "Камышовский муниципальный округ")
    )


def test_a_hyphenated_compound_is_one_word_of_its_slot() -> None:
    slots = titles.noun_slots("Открытый турнир по мини-футболу среди юношей", CFG.title_rules)
    assert ("мини-футбол", ("турнир", "юноша")) in [(word, around) for word, around, _ in slots]


def test_another_sport_beside_a_compound_in_one_slot_is_another_event() -> None:
    assert not one_event(
        "Открытый турнир по мини-футболу среди юношей «Звонкий мяч»",
        "Открытый турнир по волейболу среди юношей «Звонкий мяч»",
    )
    # a guest shortening the compound names the same sport
    assert one_event(
        "Открытый турнир по мини-футболу среди юношей «Звонкий мяч»",
        "Участие в турнире по футболу среди юношей «Звонкий мяч»",
    )
