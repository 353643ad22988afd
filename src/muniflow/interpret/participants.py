"""The clause of an event's name that says who took part («… с участием учёных из Китая», «… при
участии ансамбля «…»»): the event's name ends before it, the clause belongs with the goal.

Such a clause opens with a preposition (pymorphy3's PREP) before a noun whose lemma is the noun of a
phrase of taking part (contract `takingPart`: «принять участие» gives «участие»), maybe with
adjectives between («при активном участии»); never at the name's start («Участие в форуме …» is the
event). Who took part may be listed over commas («из Узбекистана, Таджикистана и Туркменистана»):
a following part goes on the list when its first word stands in a case the list's last word does
(an indeclinable word, «ДК», «онлайн», opens no such part).
"""

from __future__ import annotations

import re
from functools import lru_cache

from muniflow.morph import analyzer

# Quoted names and brackets: no clause opens inside them.
_ENCLOSED = re.compile(r"«(?:[^«»]|«[^«»]*»)*»|\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]|\([^()]*\)")
_WORD = re.compile(r"[^\s«»\"“”„()]+")
# Adjectives that may stand between the preposition and the noun («при активном участии»).
_ADJECTIVES_BETWEEN = 2
# A part going on a list of participants is short: a few names («Таджикистана и Туркменистана»).
_LISTED_WORDS = 6


def participants_at(name: str) -> int | None:
    """Where the clause naming who took part opens in an event's name; None when none does."""
    enclosed = [(m.start(), m.end()) for m in _ENCLOSED.finditer(name)]
    words = [m for m in _WORD.finditer(name) if not any(a <= m.start() < b for a, b in enclosed)]
    for k, word in enumerate(words):
        if k == 0 or not _preposition(word.group()):
            continue
        for following in words[k + 1 : k + 2 + _ADJECTIVES_BETWEEN]:
            if _participation(following.group()):
                return word.start()
            if not _adjective(following.group()):
                break
    return None


def listing_goes_on(listed: str, piece: str) -> bool:
    """The part after a comma goes on listing what `listed` closes with: short, its first word in a
    case the last word of `listed` may stand in, neither of them indeclinable."""
    last = _WORD.findall(listed)
    first = _WORD.findall(piece)
    if not last or not first or len(piece.split()) > _LISTED_WORDS:
        return False
    return bool(_cases(last[-1]) & _cases(first[0]))


@lru_cache(maxsize=4096)
def _cases(word: str) -> frozenset[str]:
    """The cases a noun or an adjective may stand in; none for a word that never changes."""
    if not word.isalpha():
        return frozenset()
    readings = [p for p in analyzer().parse(word.lower()) if p.tag.POS in {"NOUN", "ADJF"}]
    if not readings or any("Fixd" in p.tag for p in readings):
        return frozenset()
    return frozenset(str(p.tag.case) for p in readings if p.tag.case)


def _preposition(word: str) -> bool:
    return analyzer().parse(word.lower())[0].tag.POS == "PREP"


def _adjective(word: str) -> bool:
    return analyzer().parse(word.lower())[0].tag.POS == "ADJF"


def _participation(word: str) -> bool:
    if not word.isalpha():
        return False
    lemma = analyzer().parse(word.lower())[0].normal_form.replace("ё", "е")
    return lemma in _participation_nouns()


@lru_cache(maxsize=1)
def _participation_nouns() -> frozenset[str]:
    """The nouns of the contract's phrases of taking part («принять участие» -> «участие»)."""
    from muniflow.contracts import load_contract

    phrases = load_contract().threshold("takingPart", []) or []
    return frozenset(str(p).partition(" ")[2].replace("ё", "е") for p in phrases if " " in str(p))
