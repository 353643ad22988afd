"""A place a letter names after «в» or «на» («в г. Лесногорске», «в Озёрском районном доме
культуры») written as a report's place column names it, in the nominative («г. Лесногорск»,
«Озёрский районный дом культуры»).

Only the agreed phrase that opens the place is put in the nominative: a kind abbreviation before it
(«г.», «пгт», contracts/enrichment.yaml `locality_abbreviations`) stays, then adjectives in the
locative, then their noun in the locative; what follows (a name in the genitive, «им. …», quotes,
brackets) is kept as written; a name that is an adjective alone after its kind's abbreviation
agrees with the kind («в с. Озёрном» -> «с. Озёрное»). The place is kept whole when unsure: a noun
with a nominative reading («пгт Заречный», an indeclinable «Сочи», a foreign name), one whose
readings give two different nominatives, an adjective that does not agree with its noun, a word the
analyzer cannot inflect.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from muniflow.enrich.contract import locality_abbreviations
from muniflow.enrich.text import fold, match_case, parses

# The cases a place stands in after «в», «во», «на» («в лесу», «на берегу»: the second locative).
_LOCATIVE = frozenset({"loct", "loc2"})
# The case of a verb's object («провела встречу»).
_ACCUSATIVE = frozenset({"accs"})
# A word that may be inflected: letters, maybe hyphenated («Усть-Каменском»).
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


def nominative_place(place: str) -> str:
    """`place`, written after «в»/«на» in the locative, with its opening agreed phrase in the
    nominative; as written when no such phrase opens it or its nominative is uncertain."""
    return _nominative_phrase(place, _LOCATIVE)


def nominative_object(name: str) -> str:
    """An event's name written as the object of a verb, in the accusative («провела рабочую встречу
    с …»), with its opening agreed phrase in the nominative («Рабочая встреча с …»)."""
    return _nominative_phrase(name, _ACCUSATIVE)


def _nominative_phrase(place: str, cases: frozenset[str]) -> str:
    words = place.split(" ")
    start = 0
    while start < len(words) and fold(words[start]).rstrip(".") in locality_abbreviations():
        start += 1
    end = start
    while end < len(words) and _WORD.fullmatch(words[end]) and _adjective_readings(words[end], cases):
        end += 1
    noun = _noun_nominative(words[end], cases) if end < len(words) and _WORD.fullmatch(words[end]) else None
    if noun is not None:
        form, gender, number = noun
        head = [match_case(form, words[end])]
    else:  # a name that is an adjective after its kind's abbreviation («с. Озёрном»): the kind's gender
        gender = _abbreviated_gender(words[start - 1]) if start and end > start else None
        if gender is None:
            return place
        number, head, end = "sing", [], end - 1
    named = words[start : end + 1 - len(head)]
    adjectives = [_adjective_nominative(w, gender, number, cases) for w in named]
    if any(a is None for a in adjectives):
        return place
    changed = [match_case(str(a), w) for a, w in zip(adjectives, named, strict=True)]
    return " ".join([*words[:start], *changed, *head, *words[end + 1 :]])


@lru_cache(maxsize=8192)
def _noun_nominative(word: str, cases: frozenset[str]) -> tuple[str, str | None, str] | None:
    """(nominative, gender, number) of a noun in the locative; None when the word may be read as a
    nominative already, is no such noun, or its readings give more than one nominative."""
    readings = [p for p in parses(word.lower()) if p.tag.POS == "NOUN"]
    if not readings or any(p.tag.case == "nomn" or "Fixd" in p.tag for p in readings):
        return None
    locative = [p for p in readings if p.tag.case in cases]
    # a plural's gender is none (the readings of «Луках» as «лук» and «лука» are one «Луки»)
    forms = {
        (
            _inflected(p, {"nomn", p.tag.number}),
            None if p.tag.number == "plur" else p.tag.gender,
            p.tag.number,
        )
        for p in locative
    }
    if len(forms) != 1:
        return None
    form, gender, number = forms.pop()
    return (form, gender, number) if form else None


def _adjective_readings(word: str, cases: frozenset[str]) -> list[Any]:
    return [p for p in parses(word.lower()) if p.tag.POS == "ADJF" and p.tag.case in cases]


@lru_cache(maxsize=8192)
def _adjective_nominative(word: str, gender: str | None, number: str, cases: frozenset[str]) -> str | None:
    """The nominative of an adjective in the locative agreeing with its noun's gender and number;
    None when it does not agree or reads two ways."""
    agreeing = [
        p
        for p in _adjective_readings(word, cases)
        if p.tag.number == number and (number == "plur" or p.tag.gender == gender)
    ]
    wanted = {"nomn", "plur"} if number == "plur" else {"nomn", "sing", str(gender)}
    forms = {_inflected(p, wanted) for p in agreeing}
    return forms.pop() if len(forms) == 1 else None


def _inflected(parse: Any, wanted: set[str]) -> str:
    form = parse.inflect(wanted)
    return str(form.word) if form is not None else ""


def _abbreviated_gender(abbreviation: str) -> str | None:
    """The gender of the locality noun an abbreviation stands for («с.» -> «село» -> neut)."""
    noun = _locality_nouns().get(fold(abbreviation).rstrip("."))
    readings = [p for p in parses(noun) if p.tag.POS == "NOUN" and p.tag.case == "nomn"] if noun else []
    return str(readings[0].tag.gender) if readings else None


@lru_cache(maxsize=1)
def _locality_nouns() -> dict[str, str]:
    from muniflow.enrich import contract

    return {fold(k): v for k, v in contract.load().places.locality_nouns.items()}
