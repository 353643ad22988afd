"""duplicate_event: a guest's copy with a typo in a name word is the host's event; two names one
real word apart, two editions' numerals, a contest and a fair of one name are two events.

A typo lost the pair two ways: its guessed lemma went further from the word meant («Леснй»:
«леснть»), and blocking filed the copy under no key of the host's (its name and its top words held
the typo). And a dictionary word one edit from another («ветер», «вечер») passed for a typo.
"""

from __future__ import annotations

import pytest
from rowfactory import one_event

from muniflow.rules.duplicates import load_config
from muniflow.rules.spelling import same_word

CFG = load_config()
HOST = "Ивняковский район"
GUEST = "Камышовский муниципальный округ"
TOWN = "г. Ивняковск"

TYPOS = [
    ("a name written without quotes, a letter dropped", "Славянский венок", "Славянский венк"),
    ("a letter of a four-letter word mistyped", "Турнир «Лесной край»", "Участие в турнире «Лесной кпай»"),
    ("an и typed for й, the host's title longer", "Международный фестиваль «Днепровские зори»",
     "Участие в фестивале «Днепровскии зори»"),
    ("a typo read as a verb (леснть)", "Детский конкурс «Лесной ключ»", "Конкурс «Леснй ключ»"),
    ("a typo the dictionary reads as a noun (берэга)", "Народный фестиваль «Солнечный берег»",
     "Участие в народном фестивале «Солнечный берэг»"),
]  # fmt: skip


@pytest.mark.parametrize(("reason", "host", "guest"), TYPOS)
def test_a_guests_copy_with_a_typo_in_a_name_word_is_the_hosts_event(
    reason: str, host: str, guest: str
) -> None:
    assert one_event((host, TOWN, HOST), (guest, TOWN, GUEST)), reason


def test_names_one_dictionary_word_apart_are_two_events() -> None:
    # «ветер» and «вечер» are one edit apart, and a ratio of 80: two words all the same
    assert not one_event(
        ("Фестиваль «Весенний ветер»", TOWN, HOST), ("Фестиваль «Весенний вечер»", TOWN, GUEST)
    )


def test_two_editions_numerals_part_a_pair_one_numeral_does_not() -> None:
    venok = "фестиваль «Славянский венок»"
    assert not one_event((f"XIV {venok}", TOWN, HOST), (f"XV {venok}", TOWN, GUEST))
    assert not one_event((f"ХIV {venok}", TOWN, HOST), (f"Участие в XV {venok}", TOWN, GUEST))  # Cyrillic Х
    assert one_event((f"XV {venok}", TOWN, HOST), (venok.capitalize(), TOWN, GUEST))  # the guest dropped it
    assert one_event((f"XXI {venok}", TOWN, HOST), (f"ХХI {venok}", TOWN, GUEST))  # one number typed two ways


def test_a_contest_is_of_the_festival_family_only() -> None:
    assert not one_event(("Конкурс «Золотые руки»", TOWN, HOST), ("Ярмарка «Золотые руки»", TOWN, GUEST))
    assert not one_event(
        ("Конкурс «Золотые руки»", TOWN, HOST), ("Участие в выставке «Золотые руки»", TOWN, GUEST)
    )
    assert one_event(
        ("Конкурс «Звонкие голоса»", TOWN, HOST), ("Участие в фестивале «Звонкие голоса»", TOWN, GUEST)
    )


@pytest.mark.parametrize(
    ("a", "b", "same", "reason"),
    [
        ("венок", "венк", True, "one letter dropped, the longer of five"),
        ("славянский", "славяский", True, "one letter dropped from a long word"),
        ("край", "кпай", True, "a letter of four typed for another"),
        ("кра", "кр", False, "three letters: too short to tell a typo from another name"),
        ("ветер", "вечер", False, "two dictionary words"),
        ("берег", "оберег", False, "two dictionary words, one inside the other"),
    ],
)
def test_a_typo_is_one_edit_in_a_word_long_enough(a: str, b: str, same: bool, reason: str) -> None:
    assert same_word(a, b, CFG.word_match, CFG.typo_min_letters) is same, reason
