"""A title's abbreviated words: those written with a full stop («межд.») or in capitals («МНПК»),
and each put back in full from another title's words when exactly one fits («международный»;
«международный научно практический конференция»)."""

from __future__ import annotations

import re

from muniflow.rules.title_words import is_roman_numeral, word_form

_ABBREVIATED = re.compile(r"([^\W\d_]+)\.")


def abbreviations_in(
    text: str, words: frozenset[str], min_letters: int, place_words: frozenset[str] = frozenset()
) -> tuple[tuple[str, str], ...]:
    """(lemma, letters) of the title words written with a full stop and `min_letters` or more,
    but those of `place_words` (letters as written)."""
    if not min_letters or "." not in text:
        return ()
    found = set()
    for letters in _ABBREVIATED.findall(text):
        form = word_form(letters)
        if (
            len(letters) >= min_letters
            and form in words
            and letters.lower().replace("ё", "е") not in place_words
        ):
            found.add((form, letters.lower().replace("ё", "е")))
    return tuple(sorted(found))


# A word in capitals standing alone (not a part of a hyphenated word).
_CAPITALS = re.compile(r"(?<![\w-])([А-ЯЁ]+)(?![\w-])")
_TWO_CAPITALS = re.compile(r"[А-ЯЁ]{2}")


def initialisms_in(text: str, words: frozenset[str], min_letters: int) -> tuple[tuple[str, str], ...]:
    """(lemma, letters) of the title words written in `min_letters` capitals or more, outside its
    quoted names (`words`), Roman numerals aside."""
    if not min_letters or (min_letters > 1 and not _TWO_CAPITALS.search(text)):
        return ()  # most titles hold no two capitals in a row: found at once
    found = set()
    for letters in _CAPITALS.findall(text):
        form = word_form(letters)
        if len(letters) >= min_letters and form in words and not is_roman_numeral(letters):
            found.add((form, letters.lower().replace("ё", "е")))
    return tuple(sorted(found))


def expand_initialisms(
    words: frozenset[str], initialisms: tuple[tuple[str, str], ...], other: tuple[str, ...]
) -> frozenset[str]:
    """A title's words with each initialism («мнпк») replaced by the run of another title's words
    (`other`, its tokens in order) whose first letters spell it («международный научно
    практический конференция»), when exactly one run does and the other title lacks the word."""
    out = words
    for form, letters in initialisms:
        if form in other:
            continue
        n = len(letters)
        runs = {
            other[i : i + n]
            for i in range(len(other) - n + 1)
            if "".join(w[0] for w in other[i : i + n]) == letters
        }
        if len(runs) == 1:
            out = (out - {form}) | set(next(iter(runs)))
    return out


def expand_abbreviations(
    words: frozenset[str], abbreviations: tuple[tuple[str, str], ...], other: frozenset[str]
) -> frozenset[str]:
    """A title's words with each abbreviation («межд.») replaced by the one word of another title
    it begins («международный»), when there is exactly one and the title lacks it."""
    out = words
    for form, letters in abbreviations:
        if form in other:
            continue
        full = [w for w in other - words if len(w) > len(letters) and w.startswith(letters)]
        if len(full) == 1:
            out = (out - {form}) | {full[0]}
    return out
