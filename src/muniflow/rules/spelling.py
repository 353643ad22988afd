"""duplicate_event, one word spelled two ways: a typo or a guessed lemma is the same word, another
dictionary word is not.

Titles compare as sets of lemmas, and a guest's copy misspells a word of the host's («Славянский
венк», «Днепровскии зори»): two lemmas are one word when their ratio reaches `word_match`, or when
one edit (a letter dropped, doubled or swapped for another) turns one into the other, the longer
having `typo_min_letters` letters or more; a shorter word («кр», «кра») is too short to tell a
typo from another name. Never when both are words of the dictionary: «ветер» and «вечер», «берег»
and «оберег», «хоровой» and «хоровод» are two words one edit apart, and two events of one frame
differ by such a word; a typo spells no word, nor does a name the dictionary guesses a lemma of.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from muniflow.morph import analyzer
from muniflow.rules.title_words import WRITTEN, written_as


def same_word(a: str, b: str, cutoff: float, min_letters: int) -> bool:
    """Whether two lemmas are one word written two ways (module docstring); `cutoff` the ratio
    (0..100) that makes them one, `min_letters` the letters the longer needs (0: any length). A
    lemma the dictionary guessed is compared as written too («берэг», guessed «берэга»)."""
    if a == b:
        return True
    if _near(a, b, cutoff, min_letters):
        return not (known(a) and known(b))
    if a not in WRITTEN and b not in WRITTEN:
        return False  # most pairs: two words no typo joins, compared once each
    spelt_a, spelt_b = written_as(a), written_as(b)
    return any(_near(x, y, cutoff, min_letters) for x in (a, *spelt_a) for y in (b, *spelt_b))


def _near(a: str, b: str, cutoff: float, min_letters: int) -> bool:
    """Whether two spellings are within the ratio `cutoff`, or one edit apart, the longer of
    `min_letters` letters or more."""
    longer = max(len(a), len(b))
    if longer < min_letters:
        return False
    if fuzz.ratio(a, b, score_cutoff=cutoff):
        return True
    # one edit scores (longer - 1) / longer at worst: only a short word's edit may miss the ratio
    return (
        min_letters > 0
        and 100 * (longer - 1) < cutoff * longer
        and abs(len(a) - len(b)) <= 1
        and Levenshtein.distance(a, b, score_cutoff=1) <= 1
    )


@lru_cache(maxsize=100_000)
def known(lemma: str) -> bool:
    """Whether a lemma is a word of the dictionary (pymorphy3), not a typo or a guessed name.
    A word in digits or with a hyphen («мини-футбол») counts as known: it is no typo of another."""
    return not lemma.isalpha() or analyzer().word_is_known(lemma)
