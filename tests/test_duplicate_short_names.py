"""duplicate_event: quoted names made of function words («Мы и вы», «Для нас») are names.

Such a name's words are dropped from a title's words (pronouns, conjunctions, prepositions say
nothing of an event outside quotes), so without them two events of one frame and two such names
(«Пленэр «Мы и вы»», «Пленэр «Серебряный ключ»») compared as one title with a name and one
without, and the shorter passed for a subset of the longer.
"""

from __future__ import annotations

import pytest
from rowfactory import one_event

from muniflow.rules import titles
from muniflow.rules.duplicates import load_config

CFG = load_config()
HOST = "Ивняковский район"
GUEST = "Камышовский муниципальный округ"


def test_a_name_of_function_words_is_compared_as_a_name() -> None:
    norm = titles.normalize_title("Областной пленэр художников «Мы и вы»", CFG.title_rules)
    assert norm.names_text == "вы и мы"
    assert norm.words == {"областной", "пленэр", "художник"}  # the title's words stay content words
    two = titles.normalize_title("Концерт «Для нас» и выставка «Дороги»", CFG.title_rules)
    assert sorted(two.name_groups) == ["для мы", "дорога"]


TWO = [
    (
        "one report, one frame, a name of short words and another name",
        ("Областной пленэр художников «Мы и вы»", "г. Ивняковск", HOST),
        ("Областной пленэр художников «Серебряный ключ-2025»", "г. Ивняковск", HOST),
    ),
    (
        "two municipalities, two names of short words",
        ("Межрегиональный фестиваль семейных ансамблей «Он и она»", "г. Ивняковск", HOST),
        ("Межрегиональный фестиваль семейных ансамблей «Для вас»", "г. Ивняковск", GUEST),
    ),
    (
        "a guest's short title with its own name of short words is no generic title",
        ("Межрегиональный конкурс краеведов «Звонкая капель»", "г. Ивняковск", HOST),
        ("Конкурс краеведов «Для нас»", "г. Ивняковск", GUEST),
    ),
]


@pytest.mark.parametrize(("a", "b"), [(a, b) for _, a, b in TWO], ids=[why for why, _, _ in TWO])
def test_names_of_short_words_part_two_events(a: tuple[str, str, str], b: tuple[str, str, str]) -> None:
    assert not one_event(a, b)


def test_a_guest_online_quoting_the_same_name_of_short_words_is_a_copy() -> None:
    host = ("Межрегиональный пленэр художников «Мы и вы»", "г. Ивняковск", HOST)
    guest = ("Участие в межрегиональном пленэре художников «Мы и вы»", "онлайн", GUEST)
    assert one_event(host, guest)
