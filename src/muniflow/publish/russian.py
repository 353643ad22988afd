"""Writing dates, quarters and region names the way Russian official documents do."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache

from muniflow.contracts import load_yaml
from muniflow.morph import analyzer

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# «во втором», «в первом, третьем, четвёртом»: the preposition follows the ordinal as read aloud.
IN_QUARTER = {1: "в I", 2: "во II", 3: "в III", 4: "в IV"}
DASH = "–"  # en dash, as typeset Russian text writes ranges


@lru_cache(maxsize=1)
def _month_forms() -> dict[int, tuple[str, str]]:
    """(nominative, genitive) of each month, from the one month vocabulary (contracts/dates.yaml,
    whose lists start with those two cases)."""
    doc = load_yaml("dates.yaml")
    return {int(month): (words[0], words[1]) for month, words in doc["months"].items()}


def _whole_months(start: date, end: date) -> bool:
    return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]


def format_dates(start: date | None, end: date | None, form: str | None = None) -> str:
    """«6 апреля 2025 года», «21–22 марта 2025 года», «30 марта – 2 апреля 2025 года»,
    «27 декабря 2024 года – 10 января 2025 года»; a date read as whole months stays one
    («сентябрь 2025 года», «июль – август 2025 года»)."""
    if start is None:
        return ""
    end = end or start
    months = _month_forms()
    if form == "whole_month" and _whole_months(start, end):
        first = months[start.month][0]
        if (start.year, start.month) == (end.year, end.month):
            return f"{first} {start.year} года"
        if start.year == end.year:
            return f"{first} {DASH} {months[end.month][0]} {end.year} года"
        return f"{first} {start.year} года {DASH} {months[end.month][0]} {end.year} года"
    if start == end:
        return f"{start.day} {months[start.month][1]} {start.year} года"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{DASH}{end.day} {months[start.month][1]} {start.year} года"
    if start.year == end.year:
        return f"{start.day} {months[start.month][1]} {DASH} {end.day} {months[end.month][1]} {end.year} года"
    return (
        f"{start.day} {months[start.month][1]} {start.year} года {DASH} "
        f"{end.day} {months[end.month][1]} {end.year} года"
    )


def genitive(name: str) -> str:
    """A region's name in the genitive: every word up to and including its first noun is
    inflected («Смоленская область» -> «Смоленской области», «Республика Карелия» ->
    «Республики Карелия», «Ханты-Мансийский автономный округ» -> «…автономного округа»); so is a
    second name after a dash («… автономный округ – Югра» -> «… автономного округа – Югры»)."""
    first, dash, second = name.partition(" – ")
    if dash and second:
        return f"{_genitive(first)}{dash}{_genitive(second)}"
    return _genitive(name)


def _genitive(name: str) -> str:
    words = name.split()
    out: list[str] = []
    for k, word in enumerate(words):
        parse = _best_parse(word)
        inflected = parse.inflect({"gent"}) if parse is not None else None
        out.append(_same_case(word, inflected.word) if inflected else word)
        if parse is not None and "NOUN" in parse.tag:
            return " ".join(out + words[k + 1 :])
    return " ".join(out)


def _best_parse(word: str):  # type: ignore[no-untyped-def]
    """The nominative reading of a word, if it has one (names are written in the nominative)."""
    for parse in analyzer().parse(word):
        if "nomn" in parse.tag and ("ADJF" in parse.tag or "NOUN" in parse.tag):
            return parse
    return None


def _same_case(original: str, inflected: str) -> str:
    """Keep the capitals the original had, part by part of a hyphenated word."""
    parts = inflected.split("-")
    originals = original.split("-")
    if len(parts) != len(originals):
        return inflected[:1].upper() + inflected[1:] if original[:1].isupper() else inflected
    return "-".join(
        p[:1].upper() + p[1:] if o[:1].isupper() else p for p, o in zip(parts, originals, strict=True)
    )
