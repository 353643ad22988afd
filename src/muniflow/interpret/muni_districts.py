"""A city's district named with its city: «Кировский район городского округа город Энск», «Энский
внутригородской район городского округа Энск», «Энский район города Энска» (Samara's, Ufa's,
Makhachkala's districts are municipalities of their own). Read as the district's name alone, it is
another municipality: one of the region's districts of the same adjective.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from muniflow.interpret.muni_morph import WORD, kind_case
from muniflow.interpret.muni_vocabulary import vocabulary
from muniflow.interpret.muni_words import ends_with

# «г.», «гор.» before the city's name.
CITY_ABBREVIATION = re.compile(r"(?:г|гор)\.\s*(?=[А-ЯЁ])")
# A remark after the city's name: after a comma, a semicolon, a bracket, a spaced dash or a full
# stop («… города Энска. Глава – Петров И.С.», «… город Энск, по состоянию на 01.07.2025»).
_REMARK = re.compile(r"\s*(?:[,;(]|\s[–—-]\s|\.(?:\s|$)).*$", re.DOTALL)
# A genitive kind noun follows the district's kind noun within this many words («городского округа»,
# «Энского муниципального района»).
_CITY_KIND_WITHIN = 3


def city_district(
    text: str, canonical: Callable[[str], str], is_name_word: Callable[[str], bool]
) -> tuple[str, str] | None:
    """(the district's name, its city as written) of a city's district named with its city in the
    genitive after it: a name ending with a kind noun in the nominative after a name word, then a
    kind noun in the genitive within three words (or «г.»), the words from there naming a city (`canonical`,
    the canonical name, starts with «город»); so too a settlement named with its district («Энское
    сельское поселение Кленовского района»: the settlement's name, its district as written). None
    for anything else («Энский район»; «Энский район Кленовского района»: a district's district)."""
    words = list(WORD.finditer(text))
    nouns = vocabulary().kind_nouns
    kinds = frozenset(w.replace("ё", "е") for w in vocabulary().kind_words)
    for k, word in enumerate(words[1:-1], 1):
        if _folded(word.group()) not in nouns or kind_case(word.group()) is not None:
            continue
        if not any(is_name_word(w.group()) and _folded(w.group()) not in kinds for w in words[:k]):
            return None
        cases = (kind_case(w.group()) for w in words[k + 1 : k + 1 + _CITY_KIND_WITHIN])
        found = next((c for c in cases if c is not None), None)
        rest = text[words[k + 1].start() :]
        abbreviated = CITY_ABBREVIATION.match(rest)  # «г. Энска»: the city's kind hidden
        start = abbreviated.end() if abbreviated else 0
        rest = rest[:start] + _REMARK.sub("", rest[start:])
        if not (abbreviated or (found is not None and found[0] == "gent")):
            return None
        if text[word.end() : words[k + 1].start()].strip():  # «Энский район, г. Энск»: a list
            return None
        head = text[: word.end()]
        if not canonical(rest).startswith("город ") and not _settlement_of(head, rest, canonical):
            return None
        return head, rest
    return None


def _settlement_of(head: str, rest: str, canonical: Callable[[str], str]) -> bool:
    """Whether `head` names a settlement (its kind one of `settlement_kinds`) and `rest` a district
    (one of `district_kinds`) that holds it."""
    vocab = vocabulary()
    settlement = ends_with(_folded_words(canonical(head)), vocab.settlement_kinds)
    return bool(settlement and ends_with(_folded_words(canonical(rest)), vocab.district_kinds))


def _folded_words(name: str) -> list[str]:
    return [_folded(w) for w in name.split()]


def _folded(word: str) -> str:
    return word.lower().replace("ё", "е")
