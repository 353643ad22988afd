"""Words typed in two alphabets at once (Cyrillic Х in "XХIV", Latin i in "сваякоўскi"): find and mend."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that look the same in both alphabets: the ones a typist swaps without noticing.
# Latin i stands for Belarusian/Ukrainian і, the letter it is mistaken for in those names.
_LATIN_TO_CYRILLIC = {
    **dict(zip("aceopxyiëï", "асеорхуіёї", strict=True)),
    **dict(zip("ABCEHIKMOPTXYËÏ", "АВСЕНІКМОРТХУЁЇ", strict=True)),
}
_CYRILLIC_TO_LATIN = {
    **{cyrillic: latin for latin, cyrillic in _LATIN_TO_CYRILLIC.items()},
    **dict(zip("јѕһԁԛԝ", "jshdqw", strict=True)),
}
_TO_CYRILLIC = str.maketrans(_LATIN_TO_CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC_TO_LATIN)

# A word: letters (with combining accents) joined by hyphens, as in "Па-сваякоўскi".
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+(?:[-\u2010\u2011](?:[^\W\d_]|[\u0300-\u036f])+)*")
_HYPHEN = re.compile(r"([-\u2010\u2011])")
# A letter outside the Cyrillic blocks (or a non-digit numeric character, which `\w` also
# matches): a text without one has no Latin letter, so it cannot mix the alphabets. One regex
# search is ~10x cheaper than looking up the alphabet of each distinct character.
_NOT_CYRILLIC_LETTER = re.compile(r"[^\W\d_\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_ROMAN = re.compile(r"(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


@lru_cache(maxsize=4096)
def _script(char: str) -> str | None:
    """'LATIN' or 'CYRILLIC' for a letter of that alphabet, None for anything else."""
    if not char.isalpha():
        return None
    alphabet = unicodedata.name(char, "").split(" ", 1)[0]
    return alphabet if alphabet in {"LATIN", "CYRILLIC"} else None


def _may_be_mixed(text: str) -> bool:
    """False only for a text that holds no Latin letter (so certainly not mixed)."""
    return _NOT_CYRILLIC_LETTER.search(text) is not None


def _is_mixed(part: str | frozenset[str]) -> bool:
    """Whether a hyphen-free word (or a set of characters) holds both Latin and Cyrillic letters."""
    scripts = {_script(char) for char in part}
    return {"LATIN", "CYRILLIC"} <= scripts


def mixed_script_words(text: str) -> list[str]:
    """The words of `text` that mix Latin and Cyrillic letters, in order of appearance.

    Hyphenated compounds are judged part by part: "IT-компания" joins two whole words and is
    not mixed; "Па-сваякоўскi" is, because its second part is.
    """
    if not _may_be_mixed(text) or not _is_mixed(frozenset(text)):  # most texts: one alphabet
        return []
    return [
        match.group()
        for match in _WORD.finditer(text)
        if any(_is_mixed(part) for part in _HYPHEN.split(match.group()))
    ]


def fix_mixed_script(text: str) -> str:
    """Text with each mixed-alphabet word rewritten in one alphabet where look-alikes allow it."""
    if not _may_be_mixed(text) or not _is_mixed(frozenset(text)):  # most texts: one alphabet
        return text
    return _WORD.sub(lambda match: "".join(map(_fix_part, _HYPHEN.split(match.group()))), text)


def _fix_part(part: str) -> str:
    """One hyphen-free word in a single alphabet: a Roman numeral, or the alphabet it can be wholly in."""
    if not _is_mixed(part):
        return part
    as_latin = part.translate(_TO_LATIN)
    if _ROMAN.fullmatch(as_latin):
        return as_latin
    as_cyrillic = part.translate(_TO_CYRILLIC)
    can_be_latin = "CYRILLIC" not in {_script(char) for char in as_latin}
    can_be_cyrillic = "LATIN" not in {_script(char) for char in as_cyrillic}
    if can_be_latin and can_be_cyrillic:
        latin_letters = sum(_script(char) == "LATIN" for char in part)
        cyrillic_letters = sum(_script(char) == "CYRILLIC" for char in part)
        # Reports are Russian: a tie goes to Cyrillic.
        return as_latin if latin_letters > cyrillic_letters else as_cyrillic
    if can_be_latin:
        return as_latin
    if can_be_cyrillic:
        return as_cyrillic
    return part  # letters without look-alikes on both sides: nothing to mend without guessing
