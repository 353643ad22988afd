"""A municipality's name word by word: which words are a name's (capitalised, or a link such as
«имени»), which are a full adjective in the nominative («Велижский», «Первомайское») or a short
possessive («Иваново»), and a kind phrase at either end of a name's words."""

from __future__ import annotations

import re
from functools import lru_cache

from muniflow.interpret.muni_morph import WORD
from muniflow.morph import analyzer

# Lower-case words inside a name («Ростов-на-Дону» aside): «имени», «на».
NAME_LINKS = frozenset({"имени", "им.", "на", "де"})


def unbracketed(word: str) -> str:
    """A word with the brackets round it taken off («(долгано-эвенкийский)»)."""
    return word[1:-1] if word.startswith("(") and word.endswith(")") else word


def is_name_word(word: str) -> bool:
    return bool(re.fullmatch(r"[А-ЯЁ][А-ЯЁа-яё]*(?:-[А-ЯЁа-яё]+)*", word)) or word in NAME_LINKS


def starts_with(words: list[str], kinds: tuple[tuple[str, ...], ...]) -> int:
    for kind in kinds:
        if tuple(words[: len(kind)]) == kind:
            return len(kind)
    return 0


def ends_with(words: list[str], kinds: tuple[tuple[str, ...], ...]) -> int:
    for kind in kinds:
        if len(words) > len(kind) and tuple(words[-len(kind) :]) == kind:
            return len(kind)
    return 0


# The short form of a possessive adjective («Иваново», «Петров», «Ильина»): the shape of many a
# place's own name, which pymorphy3 also reads as a possessive; never a name's adjective before
# its kind, whose adjectives are full ones («Петровский», «Ивановское», «Лисье»).
_SHORT_POSSESSIVE = re.compile(r"(?:ов|ев|ёв|ин|ын)[оа]?$")


@lru_cache(maxsize=4096)
def is_short_possessive(word: str) -> bool:
    """A word pymorphy3 reads as a short possessive in the nominative singular («Иваново»)."""
    last = word.split("-")[-1].lower()
    return bool(_SHORT_POSSESSIVE.search(last)) and any(
        "Poss" in p.tag and p.tag.case == "nomn" and p.tag.number == "sing" for p in analyzer().parse(last)
    )


@lru_cache(maxsize=4096)
def is_adjective(word: str) -> bool:
    """A full adjective in the nominative singular (a name's «Велижский», «Первомайское»); a short
    possessive («Иваново») is a place's own name, so «городской округ Иваново» is «город Иваново»
    as «городской округ Кинешма» is «город Кинешма»."""
    if not WORD.fullmatch(word):
        return False
    last = word.split("-")[-1].lower()
    return any(
        "ADJF" in p.tag and p.tag.case == "nomn" and p.tag.number == "sing" and not is_short_possessive(word)
        for p in analyzer().parse(last)
    ) or bool(re.search(r"(?:ий|ый|ой|ое|ее|ая|яя)$", last))
