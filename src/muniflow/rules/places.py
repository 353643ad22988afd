"""Places reduced to settlement stems, so a town and the district named after it compare equal.

«г. Духовщина», «город Духовщина», «Духовщинский район», «Духовщинского района» all reduce
to the stem «духовщин»: a lemma with its adjectival district suffix (-ский, -цкий, -ской) or
its final vowels cut. Regions and countries («Смоленская область», «Республика Беларусь»),
venues in quotes and abbreviations (МБУК, МБОУ) name no settlement and are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from muniflow.morph import analyzer
from muniflow.rules.quotes import quoted_words

# Letters only: numbers name no settlement. A compound of capitalised parts («Гусь-Хрустальный»,
# «Юрьев-Польский») is one name: its parts alone are a common noun and an adjective.
_WORD = r"[А-ЯЁA-Z][^\W\d_]*(?:-[А-ЯЁA-Z][^\W\d_]*)+|[^\W\d_]+"
# A place's parts: «Ельнинский муниципальный округ, ДК» is a district and a venue.
_PARTS = re.compile(r"[,;()\n]")

_ADJECTIVE_SUFFIXES = ("ский", "ской", "цкий")
_VOWELS = "аеиоуыэюяйь"
# Fleeting vowels: Починок -> Починковский, Городец -> Городецкий.
_FLEETING = ("ок", "ек", "ец")
_MIN_PREFIX = 3
# A district adjective may alternate its town's last consonant (Заволога -> заволожский; Бережок
# -> бережокский keeps it): the pairs that alternate, and the letters both stems need (more than
# `_MIN_PREFIX`: the first ones stay the blocking key).
_ALTERNATING = frozenset({frozenset("гж"), frozenset("кч"), frozenset("хш"), frozenset("цч")})
_MIN_ALTERNATING = _MIN_PREFIX + 1


@dataclass(frozen=True, eq=False)  # hashed by identity: a cache key on every place, built once
class PlaceRules:
    """What names no settlement, read from contracts/duplicates.yaml (all lemmas)."""

    settlement_types: frozenset[str] = frozenset()  # г, город, пос, деревня, район, …
    ignored: frozenset[str] = frozenset()  # муниципальный, образование, формат, …
    regions: frozenset[str] = frozenset()  # область, край, федерация: dropped with the word before
    republics: frozenset[str] = frozenset()  # республика: dropped with the word after
    countries: frozenset[str] = frozenset()  # a country names no settlement
    not_after: frozenset[str] = frozenset()  # ул, площадь: the name after is a part of a town
    town_or_district: frozenset[str] = frozenset()  # г, город, район: the name after is no village
    remote: frozenset[str] = frozenset()  # онлайн, ВКС: taken part in from afar, held elsewhere
    districts: frozenset[str] = frozenset()  # район, улус: the adjective before names a district
    not_district: frozenset[str] = frozenset()  # городской: «… городской округ» is a town's land
    town_kinds: frozenset[str] = frozenset()  # город, поселок: a municipality that is one settlement


@lru_cache(maxsize=100_000)
def place_lemma(word: str) -> str:
    """A place word's dictionary form, preferring a toponym reading (Рудня, not a common noun)."""
    parses = analyzer().parse(word)
    chosen = next((p for p in parses if "Geox" in p.tag), parses[0])
    return chosen.normal_form.replace("ё", "е")


def stem(form: str) -> str:
    """The settlement stem of a lemma: district adjective suffix or final vowels cut."""
    for suffix in _ADJECTIVE_SUFFIXES:
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            return form[: -len(suffix)]
    base = form.rstrip(_VOWELS) or form
    if base.endswith(_FLEETING) and len(base) > 5:
        base = base[:-2]
    return base


def stems_match(a: str, b: str) -> bool:
    """One settlement: equal stems, or one a prefix of the other (Рудн-я, Рудн-янский район), or
    the adjective's last consonant alternating with the town's (Заволог-а, Заволож-ский район)."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= _MIN_PREFIX and long_.startswith(short):
        return True
    same_opening = len(a) == len(b) >= _MIN_ALTERNATING and a[:-1] == b[:-1]
    return same_opening and frozenset((a[-1], b[-1])) in _ALTERNATING


def block_keys(stems: Iterable[str]) -> set[str]:
    """Keys that any two matching stems (stems_match) share: their first letters, as a prefix
    match needs `_MIN_PREFIX` of them and shorter stems match only when equal."""
    return {s[:_MIN_PREFIX] for s in stems}


def _words(text: str, keep_quoted: bool) -> list[str]:
    """Words of a place; words inside quotes are venues unless `keep_quoted`."""
    return [word for word, quoted in quoted_words(text, _WORD) if keep_quoted or not quoted]


def _is_name(word: str, after_type: bool, all_upper_text: bool, alone: bool = False) -> bool:
    """Whether a word can be a settlement name: right after «г.», «пос.»; or capitalized and not a
    common word of the dictionary («Концертный зал», «Дворец культуры», «площадь Победы»).
    `alone`: the word is the whole part of the place."""
    if after_type:
        return True
    if not all_upper_text and not (word[:1].isupper() and not word.isupper()):
        return False
    return not _common_word(word.lower().replace("ё", "е"), alone)


@lru_cache(maxsize=100_000)
def _common_word(word: str, alone: bool = False) -> bool:
    """A word the dictionary knows, never as a place, and no district adjective (-ский): what a
    capital letter opening a cell makes look like a name. A word alone in a place's part that
    may be a surname or a neuter adjective with no noun («Жилина», «Дубовое») is a village's
    name written without «д.» or «п.»: villages are named so."""
    morph = analyzer()
    if not morph.word_is_known(word):
        return False  # Гнездово, Шумячи: names the dictionary lacks
    parses = morph.parse(word)
    if any("Geox" in p.tag for p in parses):
        return False
    if alone and any("Surn" in p.tag or {"ADJF", "neut", "nomn"} in p.tag for p in parses):
        return False
    return not any(p.normal_form.endswith(_ADJECTIVE_SUFFIXES) for p in parses)


@lru_cache(maxsize=100_000)
def settlement_stems(
    text: str, rules: PlaceRules, keep_quoted: bool = False, typed_only: bool = False
) -> frozenset[str]:
    """The stems of the settlements and districts a place (or municipality) names, part by part: a
    type word names the word after it only within one part («г. Ельня», not «… округ, ДК»).
    `typed_only`: only the names right after a type word («г. Ельня», «д. Ивановка»), which no
    capitalised venue word («Краеведческий музей») can pass for."""
    all_upper = not any(ch.islower() for ch in text)
    return frozenset().union(
        *(
            _part_stems(part, rules, keep_quoted, all_upper, typed_only)
            for part in _PARTS.split(text)
            if part.strip()
        )
    )


def _part_stems(
    text: str, rules: PlaceRules, keep_quoted: bool, all_upper: bool, typed_only: bool = False
) -> frozenset[str]:
    words = _words(text, keep_quoted)
    forms = [place_lemma(w.lower().replace("ё", "е")) for w in words]
    dropped: set[int] = set()
    for i, form in enumerate(forms):
        if form in rules.regions:
            dropped.update({i, i - 1})
        elif form in rules.republics:
            dropped.update({i, i + 1})
    stems: set[str] = set()
    after_type = after_street = False
    for i, (word, form) in enumerate(zip(words, forms, strict=True)):
        if form in rules.settlement_types:
            after_type, after_street = True, False
            continue
        if form in rules.not_after:
            after_type, after_street = False, True
            continue
        name_like = (
            not after_street
            and (after_type or not typed_only)
            and _is_name(word, after_type, all_upper, alone=len(words) == 1)
        )
        after_type = after_street = False
        if i in dropped or not name_like or form in rules.ignored or form in rules.countries:
            continue
        if len(form) > 1:
            stems.add(stem(form))
    return frozenset(stems)


@lru_cache(maxsize=100_000)
def compatible(a: frozenset[str], b: frozenset[str]) -> bool | None:
    """True: a settlement in common; False: both explicit and different; None: one unknown.
    Remembered: asked of every pair judged, of the few places a batch names."""
    if not a or not b:
        return None
    return any(stems_match(x, y) for x in a for y in b)


@lru_cache(maxsize=10_000)
def venue_names(text: str) -> str:
    """The lemmas of the names in quotes of a place, sorted and joined («ДК «Заря»» -> «заря»)."""
    return " ".join(
        sorted(
            {place_lemma(w.lower().replace("ё", "е")) for w, quoted in quoted_words(text, _WORD) if quoted}
        )
    )


@lru_cache(maxsize=10_000)
def venue_text(text: str, rules: PlaceRules) -> str:
    """The parts of a place that name no settlement, district, region or country, joined: its venue
    («Лесногорская филармония» of «г. Лесногорск, Лесногорская филармония», «ДК «Заря»» of
    «с. Луговое, ДК «Заря»»); "" when it names only where («г. Лесногорск», «Озёрский район»)."""
    return ", ".join(
        part.strip()
        for part in _PARTS.split(text)
        if part.strip()
        and not names_town_or_district(part, rules)
        and not settlement_stems(part, rules, typed_only=True)
        and not names_country(part, rules)
        and rules.regions.isdisjoint(_lemmas(part))
        and rules.republics.isdisjoint(_lemmas(part))
    )


@lru_cache(maxsize=100_000)
def names_country(text: str, rules: PlaceRules) -> bool:
    """Whether a place names a country («г. Минск (Республика Беларусь)»): it lies abroad."""
    return not rules.countries.isdisjoint(_lemmas(text))


@lru_cache(maxsize=100_000)
def says_remote(text: str, rules: PlaceRules) -> bool:
    """Whether a place says the event was attended from afar («онлайн», «в режиме ВКС»): where the
    row's municipality sat, not where the event was held."""
    return not rules.remote.isdisjoint(_lemmas(text))


@lru_cache(maxsize=100_000)
def names_town_or_district(text: str, rules: PlaceRules) -> bool:
    """Whether a place names a town or a district («г. Лесногорск», «Озёрский район»), not only a
    village, a settlement or a venue."""
    return not rules.town_or_district.isdisjoint(_lemmas(text))


def _lemmas(text: str) -> set[str]:
    """The lemmas of a place's words outside quotes."""
    return {place_lemma(w.lower().replace("ё", "е")) for w in _words(text, False)}


@lru_cache(maxsize=100_000)
def district_stems(text: str, rules: PlaceRules) -> frozenset[str]:
    """The stems of the districts a place names by their adjective and a district word («Озёрский
    район», «с. Липовка Озёрского муниципального района»): a district is land around settlements,
    another municipality than the town its name is made from («город Озёрск»). A part naming a town's
    own okrug («Озёрский городской округ») names no district."""
    found: set[str] = set()
    for part in _PARTS.split(text):
        words = _words(part, False)
        forms = [place_lemma(w.lower().replace("ё", "е")) for w in words]
        if not rules.not_district.isdisjoint(forms):
            continue
        for i, form in enumerate(forms):
            if form not in rules.districts:
                continue
            k = i - 1
            while k >= 0 and forms[k] in rules.ignored:
                k -= 1
            if k >= 0 and forms[k].endswith(_ADJECTIVE_SUFFIXES) and words[k][:1].isupper():
                found.add(stem(forms[k]))
    return frozenset(found)


@lru_cache(maxsize=10_000)
def is_town_municipality(municipality: str, rules: PlaceRules) -> bool:
    """Whether a municipality's name says it is one settlement («город Озёрск», «городской округ
    город Озёрск», «поселок Лесной»), not a district around settlements."""
    forms = {place_lemma(w.lower().replace("ё", "е")) for w in _words(municipality, True)}
    district = not rules.districts.isdisjoint(forms) and rules.not_district.isdisjoint(forms)
    return not district and not rules.town_kinds.isdisjoint(forms)


@lru_cache(maxsize=100_000)
def names_only(place: frozenset[str], area: frozenset[str]) -> bool:
    """Whether every settlement a place names is the area (a municipality's stems): the place
    names the municipality itself (its district, okrug or town), not one village of it."""
    return bool(place) and bool(area) and all(any(stems_match(p, a) for a in area) for p in place)


def make_rules(
    settlement_types: Iterable[str],
    ignored: Iterable[str],
    regions: Iterable[str],
    republics: Iterable[str],
    countries: Iterable[str],
    not_after: Iterable[str] = (),
    town_or_district: Iterable[str] = (),
    remote: Iterable[str] = (),
    districts: Iterable[str] = (),
    not_district: Iterable[str] = (),
    town_kinds: Iterable[str] = (),
) -> PlaceRules:
    """Compile the contract's word lists to lemmas."""

    def lemmas(words: Iterable[str]) -> frozenset[str]:
        return frozenset(place_lemma(w.lower()) for w in words)

    return PlaceRules(
        settlement_types=lemmas(settlement_types),
        ignored=lemmas(ignored),
        regions=lemmas(regions),
        republics=lemmas(republics),
        countries=lemmas(countries),
        not_after=lemmas(not_after),
        town_or_district=lemmas(town_or_district),
        remote=lemmas(remote),
        districts=lemmas(districts),
        not_district=lemmas(not_district),
        town_kinds=lemmas(town_kinds),
    )
