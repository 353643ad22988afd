"""A title's words one by one: the lemma a word compares by (none for numerals and function words),
an edition's Roman numeral (Latin or Cyrillic look-alike letters), a noun's oblique cases."""

from __future__ import annotations

import re
from functools import lru_cache

from muniflow.morph import analyzer

# Roman numerals: Latin letters or the Cyrillic letters that look the same (Х, І, С, М).
_CYRILLIC_ROMAN = str.maketrans("ХІСМ", "XICM")
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_LETTERS = frozenset("IVXLCDMХІСМ")
# A word of those letters alone, in capitals: what a title holding a Roman numeral holds.
NUMERAL_HINT = re.compile(r"\b[IVXLCDMХІСМ]+\b")
# A lone Cyrillic С or М at a title's start is the preposition «С» or an initial, not 100 or 1000.
_LONE_LETTERS_NOT_NUMERALS = frozenset("СМ")

# Parts of speech that carry no identity of an event.
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO"})


def is_roman_numeral(word: str) -> bool:
    """True for an upper-case Roman numeral, Latin or Cyrillic look-alike letters (ХХI, XХIV)."""
    if not word or not word.isupper() or not set(word) <= _ROMAN_LETTERS:
        return False
    if len(word) == 1 and word in _LONE_LETTERS_NOT_NUMERALS:
        return False
    return _ROMAN.fullmatch(word.translate(_CYRILLIC_ROMAN)) is not None


def edition(word: str) -> str | None:
    """A Roman numeral in Latin letters («ХХI»: XXI), to compare editions typed either way; None for
    any other word."""
    return word.translate(_CYRILLIC_ROMAN) if is_roman_numeral(word) else None


@lru_cache(maxsize=200_000)
def lemma(word: str) -> tuple[str, bool]:
    """The dictionary form of a lower-case word, and whether it is a function word. A word the
    dictionary does not know (a typo, «леснй»; a coined name) gets its likeliest guess, and how it was
    written is kept beside the guess (written_as): a typo's guess goes further from the word meant
    («леснть», «берэга») than the typo itself, which spelling.same_word compares too."""
    parses = analyzer().parse(word)
    parse = parses[0]
    form = parse.normal_form.replace("ё", "е")
    if form != word and not parse.is_known and word.isalpha() and not any(p.is_known for p in parses):
        WRITTEN.setdefault(form, set()).add(word)
    return form, parse.tag.POS in _FUNCTION_POS


# The guessed lemma of a word the dictionary does not know -> the words written so (lemma fills it).
WRITTEN: dict[str, set[str]] = {}


def written_as(form: str) -> tuple[str, ...]:
    """How the words whose guessed lemma is `form` were written (none for a dictionary word)."""
    found = WRITTEN.get(form)
    return tuple(found) if found else ()


@lru_cache(maxsize=200_000)
def word_form(word: str) -> str | None:
    """The lemma a title word compares by, or None for numerals and function words."""
    if is_roman_numeral(word):
        # Edition numbers: the dates already tell editions apart, and reports omit them.
        return None
    lower = word.lower().replace("ё", "е")
    if lower.isdigit():
        return lower
    form, is_function = lemma(lower)
    return None if is_function or len(form) < 2 else form


@lru_cache(maxsize=20_000)
def name_word_form(word: str) -> str | None:
    """The lemma of a word word_form leaves out, a function word or a one-letter one, as a quoted
    name's word: a name may be made of such words only («Ты и я», «Мы – это мы»), and then they are
    what tells it from another. None for a number, Roman or in digits."""
    lower = word.lower().replace("ё", "е")
    if is_roman_numeral(word) or lower.isdigit():
        return None
    return lemma(lower)[0]


# Cases a noun depending on another word stands in; the nominative (and its accusative double)
# is the head's or an apposition's.
_OBLIQUE = frozenset({"gent", "datv", "ablt", "loct", "gen2", "loc2"})


@lru_cache(maxsize=200_000)
def noun_cases(word: str) -> frozenset[str]:
    """The oblique cases a title word may stand in as a noun (its dictionary form's parses), none
    when its likeliest reading is no noun: «волейболу» {datv}, «юношей» {gent, ablt}."""
    parses = analyzer().parse(word.lower().replace("ё", "е"))
    first = parses[0]
    if first.tag.POS != "NOUN":
        return frozenset()
    return (
        frozenset(p.tag.case for p in parses if p.tag.POS == "NOUN" and p.normal_form == first.normal_form)
        & _OBLIQUE
    )


def compounds_joined(
    kept: list[str], sources: list[int], forms: list[str], tokens: list[str], text: str
) -> list[tuple[str, int, bool]]:
    """A title's lemmas `kept` (each from the word `sources[i]` of `forms`, written `tokens[...]`)
    as (lemma, source, compound), the parts of a word a hyphen joins in `text` made one: «мини-футболу»
    gives «мини-футбол» (the first part as written, the last as a lemma), not «минь» and «футбол»."""
    joined = _hyphen_joined(text)
    items: list[tuple[str, int, bool]] = []
    for form, source in zip(kept, sources, strict=True):
        if (
            joined
            and items
            and form == forms[source]
            and items[-1][1] == source - 1
            and (tokens[source - 1].lower(), tokens[source].lower()) in joined
        ):
            before = items.pop()
            first = before[0] if before[2] else tokens[source - 1].lower().replace("ё", "е")
            items.append((f"{first}-{form}", source, True))
        else:
            items.append((form, source, False))
    return items


def _hyphen_joined(text: str) -> frozenset[tuple[str, str]]:
    """The pairs of words a hyphen joins into one («мини-футболу»: мини, футболу), lower-case."""
    if "-" not in text:
        return frozenset()
    return frozenset(
        (m.group(1).lower(), m.group(2).lower()) for m in re.finditer(r"([^\W_]+)-(?=([^\W_]+))", text)
    )
