"""The shared analyzer remembers its answers per word and gives the same ones pymorphy3 gives."""

from __future__ import annotations

import pymorphy3
import pytest

from muniflow import morph

# (word, why it is here)
WORDS = [
    ("мероприятия", "an ambiguous form: several parses, order matters"),
    ("Смоленске", "a capitalised place name: the case of the word is kept in each parse"),
    ("смоленске", "the same word lower case: a key of its own"),
    ("белмедпрепараты", "not in the dictionary: parses guessed from the ending"),
    ("2024", "digits: no Cyrillic"),
]


def _seen(parses: list[pymorphy3.analyzer.Parse]) -> list[tuple[object, ...]]:
    """What a caller reads of each parse (the analyzer units in `methods_stack` are per instance)."""
    return [
        (p.word, str(p.tag), p.normal_form, p.score, [type(m[0]).__name__ for m in p.methods_stack])
        for p in parses
    ]


@pytest.mark.parametrize(("word", "why"), WORDS)
def test_same_parses_as_pymorphy3_every_time(word: str, why: str) -> None:
    plain = pymorphy3.MorphAnalyzer()
    shared = morph.analyzer()
    for _ in range(2):  # the second answer comes from the memory
        assert _seen(shared.parse(word)) == _seen(plain.parse(word)), why
        assert shared.word_is_known(word) == plain.word_is_known(word), why


def test_a_caller_may_change_its_list() -> None:
    shared = morph.analyzer()
    first = shared.parse("встреча")
    first.clear()
    assert shared.parse("встреча")  # why: the memory holds a tuple, each caller gets a new list


def test_a_letter_unicodedata_cannot_name_parses_as_unknown() -> None:
    # pymorphy3 raises ValueError on it; one odd letter in a cell must not stop the report.
    (parse,) = morph.analyzer().parse("𗀀")
    assert (parse.word, parse.normal_form, str(parse.tag)) == ("𗀀", "𗀀", "UNKN")
