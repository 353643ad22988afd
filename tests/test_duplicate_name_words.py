"""duplicate_event: two quoted names sharing a word, each with a word of its own, are two names.

The token-set ratio of «Хрустальный дом» and «Хрустальный сад» reaches `quoted_names_threshold`
when the shared word is long beside the other (the shared word alone against the shared word and
a short one), so two events of one frame at one place were one. A word each name holds that no
word of the other spells parts the names; a word in another case (its lemma) is no such word.
"""

from __future__ import annotations

import pytest
import rowfactory

HOST = "Ивняковский район"
GUEST = "Камышовский муниципальный округ"


def one_event(a: str, b: str, municipality: str = HOST) -> bool:
    """Whether the rule calls two rows of one day at one place one event by their titles."""
    return rowfactory.one_event((a, "г. Ивняковск", HOST), (b, "г. Ивняковск", municipality))


FRAME = "Открытый фестиваль по мини-футболу среди юношей"


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("Хрустальный дом", "Хрустальный сад"),
        ("Изумрудный край", "Изумрудный бор"),
        ("Журавлиный клин", "Журавлиный луг"),
    ],
)
def test_names_sharing_one_word_with_a_word_each_of_their_own_are_two(name: str, other: str) -> None:
    assert not one_event(f"{FRAME} «{name}»", f"{FRAME} «{other}»")
    assert not one_event(f"{FRAME} «{name}»", f"{FRAME} «{other}»", GUEST)


@pytest.mark.parametrize(
    "guest",
    [
        "Участие в фестивале «Хрустального сада»",  # the name in another case
        "Участие ансамбля «Лира» в фестивале «Хрустальный сад»",  # its own group quoted beside
        "Участие в фестивале «Хрустальный сад-2025»",  # an edition's year
    ],
)
def test_a_guest_writing_the_name_otherwise_is_a_copy(guest: str) -> None:
    assert one_event("Международный фестиваль «Хрустальный сад»", guest, GUEST)
