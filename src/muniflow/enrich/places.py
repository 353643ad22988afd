"""Named places of a text (localities and administrative areas), each put in the nominative.

A place is found in one of four ways, tried in this order (an earlier one wins where two overlap):
1. after a locality marker, even inside a quoted name: "г. Минска", "дер. Дугино", "города Смоленска";
2. as one or more adjectives before an area noun: "Оршанского района", "Смоленской и Брянской областей";
3. as a republic that is no country of the contract, or a foreign area after its noun: "Республики
   Мордовия", "провинции Хэбэй";
4. as a bare geographical name outside quotes: "из городов Смоленска, Пскова, Великого Новгорода".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from muniflow.enrich import contract
from muniflow.enrich.text import (
    Token,
    fold,
    folded,
    inside,
    lemmas,
    match_case,
    parses,
    quote_spans,
    tokens,
)

LOCALITY = "locality"
AREA = "area"
_INITIAL_BEFORE = re.compile(r"(?:^|[\s(«])[А-ЯЁA-Z]\.\s*$")
_YEAR_BEFORE = re.compile(r"\b\d{4}\s*$")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: its nominative name, 'locality' or 'area', and where it stands."""

    name: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class _Candidate:
    """The mentions one match yields (several for "Смоленской и Брянской областей") and its span."""

    start: int
    end: int
    mentions: tuple[PlaceMention, ...]


def find_places(text: str, taken: tuple[tuple[int, int], ...] = ()) -> tuple[PlaceMention, ...]:
    """The places named in `text`, in order; spans in `taken` (country names) hold none."""
    words = contract.load().places
    toks = tokens(text)
    quotes = quote_spans(text)
    candidates = [
        *_marked(text, toks, words),
        *_areas(text, toks, words),
        *_republics(text, toks, words),
        *_bare(text, toks, words, quotes),
    ]
    not_places = folded(words.not_places)
    chosen: list[_Candidate] = []
    for cand in candidates:
        clash = any(_overlap((cand.start, cand.end), span) for span in taken) or any(
            _overlap((cand.start, cand.end), (c.start, c.end)) for c in chosen
        )
        if not clash and not any(fold(m.name) in not_places for m in cand.mentions):
            chosen.append(cand)
    mentions = [m for c in chosen for m in c.mentions]
    return tuple(sorted(mentions, key=lambda m: m.start))


def place_names(text: str) -> tuple[str, ...]:
    """Just the nominative names of the places in `text`, in order."""
    return tuple(m.name for m in find_places(text))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _gap_is_space(text: str, left: Token, right: Token) -> bool:
    return text[left.end : right.start].strip() == ""


def _marked(text: str, toks: tuple[Token, ...], words: contract.PlaceWords) -> Iterator[_Candidate]:
    abbreviations = set(words.locality_abbreviations)
    marker_words = folded(words.locality_words)
    for i, tok in enumerate(toks[:-1]):
        after = text[tok.end : toks[i + 1].start]
        if tok.text in abbreviations and after.strip() == ".":
            if _YEAR_BEFORE.search(text[: tok.start]):  # "2024 г." is a year, "№ 5 г. Кричев" a town
                continue
        elif tok.text in abbreviations and len(tok.text) > 1 and after.strip() == "":
            pass  # "пгт Шумячи", "рп Новый Свет": a letter alone without its dot is a preposition
        elif not (after.strip() == "" and lemmas(tok.text) & marker_words):
            continue
        name = _name_tokens(text, toks, i + 1)
        after_name = i + 1 + len(name)
        if name and after_name < len(toks) and _area_head(text, toks[after_name], words):
            continue  # "городов Смоленской области": the cities of an area, named by the area rule
        if name:
            noun = words.locality_nouns.get(tok.text) or min(lemmas(tok.text) & marker_words)
            mention = _mention(name, LOCALITY, tok.start, _noun_gender(noun))
            yield _Candidate(tok.start, name[-1].end, (mention,))


def _name_tokens(text: str, toks: tuple[Token, ...], i: int) -> tuple[Token, ...]:
    """The name starting at token i: a capitalized noun, or a capitalized adjective and noun."""
    if i >= len(toks) or not toks[i].capitalized or toks[i].text.isdigit():
        return ()
    first = toks[i]
    if (
        i + 1 < len(toks)
        and _has_pos(first.text, "ADJF")
        and toks[i + 1].capitalized
        and _gap_is_space(text, first, toks[i + 1])
        and _has_pos(toks[i + 1].text, "NOUN")
    ):
        return (first, toks[i + 1])
    return (first,)


def _areas(text: str, toks: tuple[Token, ...], words: contract.PlaceWords) -> Iterator[_Candidate]:
    for i, tok in enumerate(toks):
        head = _area_head(text, tok, words)
        if head is None:
            continue
        head_nominative, plural = head
        cases = _head_cases(tok.text, head_nominative)
        groups = _area_adjectives(text, toks, i, coordinated=plural, cases=cases)
        if groups:
            gender = _noun_gender(head_nominative)
            mentions = tuple(
                PlaceMention(
                    " ".join([*(_adjective_nominative(a.text, gender) for a in group), head_nominative]),
                    AREA,
                    group[0].start,
                    tok.end,
                )
                for group in groups
            )
            yield _Candidate(mentions[0].start, tok.end, mentions)


def _area_head(text: str, tok: Token, words: contract.PlaceWords) -> tuple[str, bool] | None:
    """(nominative head, is plural) when the token is an area noun such as 'районов' or 'обл.'."""
    abbreviated = f"{tok.text}." if text[tok.end : tok.end + 1] == "." else None
    if abbreviated and abbreviated in words.area_heads:
        return words.area_heads[abbreviated], False
    if tok.text in words.area_heads and "." not in tok.text:
        return words.area_heads[tok.text], False
    for normal_form, plural in _noun_readings(tok.text):
        if normal_form in words.area_heads:
            return words.area_heads[normal_form], plural
    return None


@lru_cache(maxsize=50_000)
def _noun_readings(word: str) -> tuple[tuple[str, bool], ...]:
    """(normal form, is plural) of each noun reading of a word, best first; asked of every token."""
    return tuple((p.normal_form, p.tag.number == "plur") for p in parses(word) if p.tag.POS == "NOUN")


@lru_cache(maxsize=1_000)
def _head_cases(word: str, head: str) -> frozenset[str]:
    """The cases an area noun may be in ("района": genitive); empty for an abbreviation ("р-н")."""
    return frozenset(_case(p.tag.case) for p in parses(word) if p.tag.POS == "NOUN" and p.normal_form == head)


def _case(case: str | None) -> str:
    """A case with its second forms read as the first ("loc2" as "loct", "gen2" as "gent")."""
    return {"loc2": "loct", "gen2": "gent", "acc2": "accs"}.get(case or "", case or "")


@lru_cache(maxsize=50_000)
def _agrees(word: str, cases: frozenset[str]) -> bool:
    """Whether the word may be an adjective in one of `cases` (in any case when none is known):
    "Ряженое Н-ского района" names a village and a district, not one area."""
    return any(p.tag.POS == "ADJF" and (not cases or _case(p.tag.case) in cases) for p in parses(word))


def _area_adjectives(
    text: str, toks: tuple[Token, ...], head: int, coordinated: bool, cases: frozenset[str] = frozenset()
) -> tuple[tuple[Token, ...], ...]:
    """The adjective groups naming areas before the head, leftmost first; each starts capitalized.

    A plural head takes coordinated groups ("Велижского и Смоленского районов"); a lowercase word
    before a group ("нашего Смоленского района") is not part of the name, nor an adjective in
    another case than the head's (`cases`: "с. Ряженое Лесного района").
    """
    groups: list[tuple[Token, ...]] = []
    right = head
    while True:
        j = right
        while j > 0 and _agrees(toks[j - 1].text, cases) and _gap_is_space(text, toks[j - 1], toks[j]):
            j -= 1
        group = toks[j:right]
        while group and not group[0].capitalized:
            group = group[1:]
        if not group:
            break
        groups.insert(0, group)
        if not coordinated or group[0] != toks[j] or j < 2:
            break
        if toks[j - 1].text == "и" and _gap_is_space(text, toks[j - 2], toks[j - 1]):
            right = j - 1
        elif text[toks[j - 1].end : toks[j].start].strip() == ",":
            right = j
        else:
            break
        if not (toks[right - 1].capitalized and _agrees(toks[right - 1].text, cases)):
            break
    return tuple(groups)


def _republics(text: str, toks: tuple[Token, ...], words: contract.PlaceWords) -> Iterator[_Candidate]:
    """Areas named after their noun: "Республики Мордовия" (capitalized, as a republic's name is
    written), "провинции Хэбэй", "провинции Британская Колумбия" (any case); the name is kept as
    written."""
    before_name = folded(words.area_words_before_name)
    for i, tok in enumerate(toks[:-1]):
        name = _name_tokens(text, toks, i + 1)
        if not (name and _gap_is_space(text, tok, name[0])):
            continue
        word_lemmas = lemmas(tok.text)
        if tok.capitalized and words.republic_word in word_lemmas:
            noun = words.republic_word
        else:
            noun = min(word_lemmas & before_name, default="")
        if noun:
            written = " ".join([match_case(noun, tok.text), *(t.text for t in name)])
            yield _Candidate(tok.start, name[-1].end, (PlaceMention(written, AREA, tok.start, name[-1].end),))


def _bare(
    text: str, toks: tuple[Token, ...], words: contract.PlaceWords, quotes: tuple[tuple[int, int], ...]
) -> Iterator[_Candidate]:
    not_after = folded(words.not_a_settlement_after)
    for i, tok in enumerate(toks):
        if not tok.capitalized or inside(tok.start, quotes) or not _is_geographic(tok.text):
            continue
        if _INITIAL_BEFORE.search(text[: tok.start]):  # "Ю.А. Гагарина" is a person
            continue
        if i > 0 and lemmas(toks[i - 1].text) & not_after:
            continue
        name: tuple[Token, ...] = (tok,)
        if (
            i > 0
            and toks[i - 1].capitalized
            and _has_pos(toks[i - 1].text, "ADJF")
            and _gap_is_space(text, toks[i - 1], tok)
        ):
            name = (toks[i - 1], tok)
        mention = _mention(name, LOCALITY, name[0].start)
        if fold(mention.name) in _known_regions():
            mention = replace(mention, kind=AREA)
        yield _Candidate(name[0].start, tok.end, (mention,))


@lru_cache(maxsize=50_000)
def _is_geographic(word: str) -> bool:
    """Whether a likely reading of the word is a geographical noun (not a surname that is also a town)."""
    ps = parses(word)
    if not ps:
        return False
    top = max(p.score for p in ps)
    return any(p.tag.POS == "NOUN" and "Geox" in p.tag and p.score >= top / 2 for p in ps)


def _mention(name: tuple[Token, ...], kind: str, start: int, gender: str | None = None) -> PlaceMention:
    return PlaceMention(_nominative_name(tuple(t.text for t in name), gender), kind, start, name[-1].end)


@lru_cache(maxsize=50_000)
def _nominative_name(words: tuple[str, ...], gender: str | None = None) -> str:
    """A place name of one noun, or an adjective and a noun, in the nominative (inflecting is slow);
    `gender` is that of the locality noun before the name ("город"), which a name that is an
    adjective agrees with."""
    plural_only = len(words) == 2 and all(
        p.tag.number == "plur" for p in parses(words[0]) if p.tag.POS == "ADJF"
    )
    if len(words) == 1 and fold(words[0]) in _known_places():
        return words[0]  # a well-known place written in the nominative: no guessing ("Сухум")
    noun = _noun_parse(words[-1], plural=plural_only, gender=gender if len(words) == 1 else None)
    noun_text = _noun_nominative(words[-1], noun)
    if len(words) == 1:
        return noun_text
    plural = noun is not None and noun.tag.number == "plur"
    gender = noun.tag.gender if noun is not None and not plural else None
    adjective = _adjective_nominative(words[0], gender, plural=plural)
    return f"{adjective} {noun_text}"


def _regions_of(countries: tuple[contract.Country, ...]) -> frozenset[str]:
    return frozenset(fold(region) for country in countries for region in country.regions)


def _places_of(countries: tuple[contract.Country, ...]) -> frozenset[str]:
    return frozenset(fold(place) for country in countries for place in country.places)


# The regions of countries named after other countries («Внутренняя Монголия»), folded.
_known_regions = contract.of_countries(_regions_of)
# The well-known places of the countries (contracts/countries.yaml), folded nominatives.
_known_places = contract.of_countries(_places_of)


# A name is a noun or an adjective: a reading as a verb, a participle or a short adjective is the
# analyzer guessing at a word it does not know ("Кайластуй" as an imperative), and inflecting it
# would make up a word.
_NAME_POS = frozenset({"NOUN", "ADJF"})


def _noun_parse(word: str, plural: bool = False, gender: str | None = None) -> Any:
    """The reading of a place name, None to keep it as written.

    The geographical readings if the dictionary has any, else the noun and adjective readings; of
    those, a nominative one (the name is written as it is called: "Печоры", "Шумячи") wins, else
    the one agreeing with the locality noun's `gender` (a name that is an adjective), singular
    (unless its adjective is plural: "Великие Луки"), a noun, the likeliest.
    """
    names = [p for p in parses(word) if p.tag.POS in _NAME_POS]
    places = [p for p in names if "Geox" in p.tag]
    pool = places or names
    if not pool:
        return None
    nominative = [
        p
        for p in pool
        if p.tag.case == "nomn"
        and (p.tag.number == "plur" or not plural)
        # no evidence: a singular surname ("г. Ершова" is the genitive of Ершов, not the feminine
        # surname), a word that never changes (it reads as every case)
        and not (p.tag.number == "sing" and "Surn" in p.tag)
        and "Fixd" not in p.tag
        # a place the dictionary knows is plural only if it is so named ("Печоры"): "Самары" is
        # the genitive of Самара, not a plural of it
        and not (places and p.tag.number == "plur" and "Pltm" not in p.tag)
    ]
    return sorted(
        nominative or pool,
        key=lambda p: (
            gender is not None and p.tag.number != "plur" and p.tag.gender != gender,
            (p.tag.number == "plur") != plural,
            p.tag.POS != "NOUN",
            "Fixd" in p.tag,
            -p.score,
        ),
    )[0]


def _noun_nominative(word: str, parse: Any) -> str:
    """The nominative of a name; a name already nominative (or indeclinable) is kept as written."""
    if parse is None or parse.tag.case == "nomn" or "Fixd" in parse.tag:
        return word
    form = parse.inflect({"nomn"})
    return match_case(form.word if form is not None else parse.normal_form, word)


@lru_cache(maxsize=50_000)
def _adjective_nominative(word: str, gender: str | None, plural: bool = False) -> str:
    """The nominative of an adjective agreeing with its noun: 'Могилевской' -> 'Могилевская'."""
    adjectives = [p for p in parses(word) if p.tag.POS == "ADJF"]
    if not adjectives:
        return word
    agreeing = [p for p in adjectives if gender is None or p.tag.gender in (gender, None)]
    parse = (agreeing or adjectives)[0]
    wanted = {"nomn", "plur"} if plural else {"nomn", "sing", gender} if gender else {"nomn"}
    form = parse.inflect(wanted) or parse.inflect({"nomn"})
    return match_case(form.word if form is not None else parse.normal_form, word)


@lru_cache(maxsize=1_000)
def _noun_gender(noun: str) -> str | None:
    ps = [p for p in parses(noun) if p.tag.POS == "NOUN"]
    return ps[0].tag.gender if ps else None


@lru_cache(maxsize=50_000)
def _has_pos(word: str, pos: str) -> bool:
    return any(pos == p.tag.POS for p in parses(word))
