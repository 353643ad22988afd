"""Words typed in two alphabets: which are found, and what they are mended into."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from muniflow.normalize.script import fix_mixed_script, mixed_script_words

CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЎ"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

FOUND = [
    # (text, mixed words, reason)
    ("XХIV открытый конкурс", ["XХIV"], "Latin X, Cyrillic Х"),
    ("в ХХI веке", ["ХХI"], "Cyrillic ХХ, Latin I"),
    ("Па-сваякоўскi", ["Па-сваякоўскi"], "hyphenated word reported whole"),
    ("IT-компания и PR-акция", [], "a Latin word hyphen-joined to a Cyrillic word is not mixed"),
    ("XXI век, ХХ век", [], "each numeral wholly in one alphabet (Latin XXI, Cyrillic ХХ)"),
    ("Jazz piccolo в г. Смоленск", [], "Latin and Cyrillic words side by side"),
    ("Jazz piccоlo", ["piccоlo"], "Cyrillic о in a Latin word"),
    ("COVID-19 и 5G", [], "digits split words"),
    ("", [], "empty"),
]

FIXED = [
    # (text, fixed, reason)
    ("XХIV открытый конкурс", "XXIV открытый конкурс", "Roman numeral with a Cyrillic Х becomes Latin"),
    ("в ХХI веке", "в XXI веке", "Cyrillic-majority Roman numeral still becomes Latin"),
    ("ХIХ", "XIX", "Latin I between Cyrillic Х"),
    ("Па-сваякоўскi", "Па-сваякоўскі", "Latin i in a Belarusian word becomes і"),
    ("Смoленск", "Смоленск", "Latin o in a Russian word"),
    ("Jazz piccоlo", "Jazz piccolo", "Cyrillic о in a Latin word"),
    ("MBД", "МВД", "Д has no Latin look-alike, so the word is Cyrillic despite its Latin majority"),
    ("ХХ век", "ХХ век", "wholly Cyrillic: untouched even though it reads as a numeral"),
    ("IT-компания", "IT-компания", "compound of two single-alphabet words: untouched"),
    ("Жzя", "Жzя", "z and ж have no look-alikes: nothing to mend"),
    ("XХIV-го века", "XXIV-го века", "numeral part mended, ending kept"),
]


@pytest.mark.parametrize(("text", "words"), [c[:2] for c in FOUND], ids=[c[2] for c in FOUND])
def test_mixed_script_words(text: str, words: list[str]) -> None:
    assert mixed_script_words(text) == words


@pytest.mark.parametrize(("text", "fixed"), [c[:2] for c in FIXED], ids=[c[2] for c in FIXED])
def test_fix_mixed_script(text: str, fixed: str) -> None:
    assert fix_mixed_script(text) == fixed


@given(st.text(alphabet=CYRILLIC + " -.,0123456789") | st.text(alphabet=LATIN + " -.,0123456789"))
def test_single_alphabet_text_is_untouched(text: str) -> None:
    assert fix_mixed_script(text) == text
    assert mixed_script_words(text) == []


@given(st.text(alphabet=CYRILLIC + LATIN + " -"))
def test_fixing_is_idempotent_and_keeps_length(text: str) -> None:
    fixed = fix_mixed_script(text)
    assert fix_mixed_script(fixed) == fixed
    assert len(fixed) == len(text)


@given(st.text(alphabet="абвгджзклмнпрстфцчшщ", min_size=1), st.sampled_from("aeopcxyi"))
def test_one_latin_look_alike_in_a_cyrillic_word_is_mended(word: str, latin: str) -> None:
    text = word + latin + word
    assert mixed_script_words(fix_mixed_script(text)) == []


def test_the_prefilter_never_hides_a_latin_letter() -> None:
    # `_may_be_mixed` lets texts skip the per-character look-up: it must say True for every text
    # holding a Latin letter, whatever the letter (checked over every code point), else a mixed
    # word could go unfixed.
    from muniflow.normalize.script import _may_be_mixed, _script

    hidden = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF and _script(chr(code)) == "LATIN" and not _may_be_mixed(chr(code))
    ]
    assert hidden == []


@pytest.mark.parametrize(
    ("text", "may_be_mixed"),
    [
        ("Международный фестиваль", False),  # Cyrillic only: skipped
        ("фестиваль «Ёлка» 2024 г.", False),  # digits, punctuation and ё are not Latin
        ("фестивaль", True),  # a Latin «a» in a Cyrillic word
        ("встреча в Zoom", True),  # a Latin word: looked at (not mixed, but not skipped)
        ("кафе «Café»", True),  # a Latin letter beyond ASCII
        ("XХI век", True),  # Roman numeral typed with a Cyrillic Х
    ],
)
def test_the_prefilter_skips_only_texts_without_latin(text: str, may_be_mixed: bool) -> None:
    from muniflow.normalize.script import _may_be_mixed

    assert _may_be_mixed(text) is may_be_mixed
