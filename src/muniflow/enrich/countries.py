"""Countries named in a text, and the country each named place lies in.

A place's country comes from, in this order of strength:
1. a country written right after it: "г. Кричев (Республика Беларусь)", "Могилевской области
   Республики Беларусь", "«Средняя школа г. Кричев» (Республика Беларусь)";
2. for a place in brackets, the nearest country or place before the bracket in the same list item:
   "коллектив Республики Беларусь «Премьер-Спонайд» (г. Полоцк)", "городов Республики Беларусь
   (Минск, Могилев)";
3. the contract's well-known places of a country ("г. Минска, г. Витебска (Республика Беларусь)");
4. a place it is chained to: "Оршанского района Витебской области (…)", "Сычевский район
   (Смоленская область)";
5. in a place cell (one location), the one country the cell names ("г. Браслав, Витебская область
   (Республика Беларусь)"); a cell linking places by a dash ("с. Заречное – г. Дархан (Монголия)",
   the two ends of a video link) is one location per part;
6. the country an earlier cell of the same event gave the same name;
7. the home country of the contract.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from muniflow.enrich import contract
from muniflow.enrich.places import PlaceMention
from muniflow.enrich.text import (
    Token,
    fold,
    folded,
    inside,
    lemmas,
    paren_spans,
    parses,
    separated,
    tokens,
    without_quotes,
)

# What may stand between a place and the country that follows it: spaces, a closing quote, "(".
_ADJACENT_GAP = frozenset(' \t\n»"“(')


@dataclass(frozen=True)
class CountryMention:
    """A country named in a text (by name or by its adjective, or through a region of it named
    after another country, «Внутренней Монголии») and where."""

    country: contract.Country
    start: int
    end: int
    adjective: bool
    region: bool = False


# A country name form: its words as lemmas, its country, whether it is an adjective, a region.
_Phrase = tuple[tuple[str, ...], contract.Country, bool, bool]


@dataclass(frozen=True)
class _Index:
    """The contract's country names by first lemma, and its well-known places by folded name."""

    phrases: Mapping[str, tuple[tuple[int, _Phrase], ...]]  # first lemma -> (rank, phrase)
    places: Mapping[str, contract.Country]


def _index_of(countries: tuple[contract.Country, ...]) -> _Index:
    by_first: dict[str, list[tuple[int, _Phrase]]] = {}
    for rank, phrase in enumerate(_phrases(countries)):
        by_first.setdefault(phrase[0][0], []).append((rank, phrase))
    places: dict[str, contract.Country] = {}
    for country in countries:
        for place in (*country.places, *country.regions):
            places.setdefault(fold(place), country)  # the first country listing a place wins
    return _Index({k: tuple(v) for k, v in by_first.items()}, places)


# The index of the countries in use, built once per list.
_index = contract.of_countries(_index_of)


def _phrases(countries: tuple[contract.Country, ...]) -> tuple[_Phrase, ...]:
    """Every name form as a tuple of lemmas, longest first, with its country and whether an
    adjective or a region («Внутренняя Монголия» outranks «Монголия», being longer)."""
    out = [
        (tuple(_lemma(w) for w in name.split()), country, False, False)
        for country in countries
        for name in country.names
    ]
    out += [((fold(a),), country, True, False) for country in countries for a in country.adjectives]
    out += [
        (tuple(_lemma(w) for w in region.split()), country, False, True)
        for country in countries
        for region in country.regions
    ]
    return tuple(sorted(out, key=lambda item: -len(item[0])))


def _lemma(word: str) -> str:
    """A name word's lemma, read as a geographical name where it may be one ("Того" is Togo, not
    "тот"); an abbreviation ("РФ") is its own."""
    if word.isupper():
        return fold(word)
    options = parses(word)
    geo = [p for p in options if "Geox" in p.tag]
    return fold((geo or list(options))[0].normal_form) if options else fold(word)


def find_countries(text: str, region: str | None = None) -> tuple[CountryMention, ...]:
    """The countries `text` names, in order: "Республики Беларусь", "Абхазия", "белорусских городов".

    A name after a word that makes it a street's or a river's (contract: places.not_a_settlement_after,
    "ул. Белорусская") names no country, as it names no settlement; nor does the abbreviation of
    `region`, the report's own region ("РБ" in a report of the Республика Башкортостан).
    """
    toks = tokens(text)
    by_first = _index().phrases
    not_after = folded(contract.load().places.not_a_settlement_after)
    local = region_abbreviation(region)
    found: list[CountryMention] = []
    i = 0
    while i < len(toks):
        if (i > 0 and lemmas(toks[i - 1].text) & not_after) or toks[i].text == local:
            i += 1
            continue
        # only the phrases whose first word this token may be, tried longest first as ranked
        ranked = sorted(
            (c for lemma in lemmas(toks[i].text) for c in by_first.get(lemma, ())), key=lambda c: c[0]
        )
        for _, (words, country, adjective, is_region) in ranked:
            end = i + len(words)
            if end > len(toks) or not (adjective or toks[i].capitalized):
                continue
            if len(words) == 1 and not adjective and _function_word_opening(text, toks[i]):
                continue
            if all(
                w in lemmas(toks[i + k].text)
                and (k == 0 or text[toks[i + k - 1].end : toks[i + k].start].strip() == "")
                for k, w in enumerate(words)
            ):
                found.append(CountryMention(country, toks[i].start, toks[end - 1].end, adjective, is_region))
                i = end
                break
        else:
            i += 1
    return tuple(found)


_FUNCTION_WORDS = ("NPRO", "Apro", "PREP", "CONJ", "PRCL")
# Where a region's name ends before a second name or a remark: "… автономный округ – Югра",
# "Республика Саха (Якутия)".
_NAME_END = re.compile(r"\s[–—-]\s|\(")


@lru_cache(maxsize=256)
def region_abbreviation(region: str | None) -> str | None:
    """The initials a region is abbreviated to, one a word or hyphen part: "Республика Башкортостан"
    -> "РБ", "Кабардино-Балкарская Республика" -> "КБР"; None for a name of one word."""
    if not region:
        return None
    name = _NAME_END.split(region)[0]
    initials = [part[0] for word in name.split() for part in word.split("-") if part]
    return "".join(initials).upper() if len(initials) > 1 else None


def _function_word_opening(text: str, tok: Token) -> bool:
    """A capital that only opens a sentence on a word best read as a pronoun or particle: "Того же
    дня" is no mention of Togo, while "делегация Того" is."""
    before = text[: tok.start].rstrip()
    opens = not before or before[-1] in '.!?;:\n«"('
    best = parses(tok.text)
    return opens and bool(best) and any(t in best[0].tag for t in _FUNCTION_WORDS)


def well_known(name: str) -> contract.Country | None:
    """The country whose well-known places (contract) include this nominative name."""
    return _index().places.get(fold(name))


def assign_countries(
    text: str,
    places: tuple[PlaceMention, ...],
    countries: tuple[CountryMention, ...],
    one_location: bool,
    known: Mapping[str, str],
) -> tuple[str, ...]:
    """The country key of each place of `text` (see the module docstring for the evidence used).

    Args:
        one_location: the text is a place cell, whose places all name one location.
        known: country keys that earlier cells of the same event gave to place names.
    """
    home = contract.load().home_country
    names = [c for c in countries if not c.adjective]
    parens = paren_spans(text)
    direct = [_direct(text, p, names, places, parens) for p in places]
    gazetteer = [c.key if (c := well_known(p.name)) else None for p in places]
    links = _chains(text, places, parens)
    part = _location_parts(text, places) if one_location else None
    out: list[str] = []
    for i, place in enumerate(places):
        group = links[i]
        located = {c.country.key for c in names if part is not None and part(c.start) == part(place.start)}
        key = (
            direct[i]
            or gazetteer[i]
            or next((direct[j] for j in group if direct[j]), None)
            or next((gazetteer[j] for j in group if gazetteer[j]), None)
            or (next(iter(located)) if len(located) == 1 else None)
            or known.get(place.name)
            or home
        )
        out.append(key)
    return tuple(out)


# A dash between spaces: in a place cell it links two locations ("г. Брянск – г. Могилев").
_LINK = re.compile(r"\s[–—-]\s")


def _location_parts(text: str, places: tuple[PlaceMention, ...]) -> Callable[[int], int]:
    """Which location of a place cell a position is in: the cell is one location, unless a dash
    links parts that each name a place ("с. Заречное – г. Дархан (Монголия)")."""
    cuts = [m.start() for m in _LINK.finditer(without_quotes(text))]

    def part(pos: int) -> int:
        return bisect.bisect_right(cuts, pos)

    if len({part(p.start) for p in places}) > 1:
        return part
    return lambda pos: 0


def _direct(
    text: str,
    place: PlaceMention,
    names: list[CountryMention],
    places: tuple[PlaceMention, ...],
    parens: tuple[tuple[int, int], ...],
) -> str | None:
    """A country written right after the place, or before the bracket the place stands in."""
    following = [c for c in names if c.start >= place.end]
    if following:
        nearest = min(following, key=lambda c: c.start)
        gap = text[place.end : nearest.start]
        if set(gap) <= _ADJACENT_GAP and gap.count("(") <= 1:
            return nearest.country.key
    bracket = inside(place.start, parens)
    if bracket is None:
        return None
    inner = [c for c in names if bracket[0] < c.start < bracket[1]]
    if len({c.country.key for c in inner}) == 1:  # "(Республика Беларусь, Минская обл., г. Минск)"
        return inner[0].country.key
    before = [c for c in names if c.end <= bracket[0]]
    before_places = [p for p in places if p.end <= bracket[0]]
    nearest_is_country = bool(before) and (not before_places or before[-1].end >= before_places[-1].end)
    if nearest_is_country and not separated(text[before[-1].end : bracket[0]]):
        return before[-1].country.key
    return None


def _chains(
    text: str, places: tuple[PlaceMention, ...], parens: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, ...], ...]:
    """For each place, the places it is chained to: a genitive chain, a shared area noun, or a
    place in brackets right after it ("Сычевский район (Смоленская область)")."""
    parent = list(range(len(places)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(places) - 1):
        a, b = places[i], places[i + 1]
        gap = text[a.end : b.start] if b.start >= a.end else ""
        bracket = inside(b.start, parens)
        chained = (
            b.start < a.end  # coordinated areas share their head noun
            or gap.strip() == ""
            or (bracket is not None and bracket[0] >= a.end and not separated(text[a.end : bracket[0]]))
        )
        if chained:
            parent[root(i + 1)] = root(i)
    groups: dict[int, set[int]] = {}
    for i in range(len(places)):
        groups.setdefault(root(i), set()).add(i)
    return tuple(tuple(sorted(groups[root(i)])) for i in range(len(places)))
