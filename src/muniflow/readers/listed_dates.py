"""Dates in a letter's text (readers/listed.py): a sentence opening with its dates after a few
words (a municipality's name, or words that only link it), dates deep in a sentence telling an
event held (contract `toldVerbs`), an item's name followed by its dates in brackets. A letter's own
date and number, a deadline («до 25 июля»), a month with no day tell of no event.
"""

from __future__ import annotations

from muniflow.interpret.combined import date_run
from muniflow.interpret.municipality import municipality_name
from muniflow.normalize.dates import EXACT, parse_dates
from muniflow.readers.listed_grammar import only_links, past_verb, told_verb
from muniflow.readers.listed_text import (
    ABBREVIATION,
    BRACKETED,
    EDGE,
    NAMING,
    PART,
    PREPOSITION,
    QUOTED,
    SENTENCE_END,
    dash_parts,
    sentence_start,
)

# A preposition before dates that are no event's: a deadline («до 25 июля 2025 г.», «к 1 июля»), a
# document's («письма от 12.06.2025»).
_NOT_HELD_ON = frozenset({"до", "к", "от"})

# Words a sentence may open with before its dates: «В Таврическом муниципальном районе», «Кроме того,».
_LEAD_WORDS = 5
# Words linking a sentence to the one before may open it before its dates («Кроме того,», «Также»).
_INTRO_WORDS = 3


def closing_dates(text: str) -> tuple[str, str, str] | None:
    """(name, dates, place) of a text closing with its full dates in brackets, maybe with where
    («Фестиваль «…» (12.05.2025, парк Х)»); None when it does not so close."""
    found = bracketed_dates(text)
    return found[:3] if found is not None and not found[3] else None


def bracketed_dates(text: str) -> tuple[str, str, str, str] | None:
    """(name, dates, place, rest) of a text naming its event, then in brackets its full dates and
    where, the dates first or last («Турнир «…» (г. Х, стадион «…», 14–16 марта 2025 г.) — 180
    спортсменов», «Вебинар «…» (онлайн, 27 марта 2025 г.)»): the name before the brackets, the
    rest after them; None when no brackets outside quotes so open or close."""
    flat = " ".join(text.split()).rstrip(" .;")
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(flat)]
    for found in BRACKETED.finditer(flat):
        if any(a < found.start() < b for a, b in quoted) or not NAMING.search(flat[: found.start()]):
            continue
        inner = found.group()[1:-1].strip()
        dates = date_run(inner)
        if dates is None or not _full_date(dates[0]) or (dates[1] != 0 and dates[2] != len(inner)):
            continue
        place = f"{inner[: dates[1]]} {inner[dates[2] :]}".strip(EDGE + " ")
        name, rest = flat[: found.start()].strip(EDGE), flat[found.end() :].strip(EDGE)
        return name, dates[0].strip("()"), place, rest
    return None


def lead_off(line: str) -> tuple[str, str]:
    """(municipality, the rest) of a sentence whose dates follow a few words: «В Таврическом
    муниципальном районе 5–6 июня 2025 г. …» names the municipality the event is of; «Кроме того,
    21 июня 2025 г. …», «Также 26 июня …» only lead in. ('', line) when the words before its dates
    are neither."""
    flat = " ".join(line.split())
    found = date_run(flat)
    if found is None or found[1] == 0:
        return "", line
    before = flat[: found[1]].strip(EDGE)
    preposition = PREPOSITION.match(before)
    if preposition and len(before.split()) <= _LEAD_WORDS + 1:
        name = municipality_name(before[preposition.end() :])
        if name:
            return name, flat[found[1] :]
    words = [w.strip(",;:").lower() for w in before.split()]
    if len(words) <= _INTRO_WORDS and all(only_links(w) for w in words):
        return "", flat[found[1] :]
    return "", line


def told_from_dates(line: str) -> str:
    """The sentence from its dates on where they stand deep in it, after words that are neither a
    municipality nor a link («В рамках программы сотрудничества … 3–5 июня 2025 года в г. Х
    прошёл форум «…»»): a full date (day, month, year), and after it in the same sentence a verb in
    the past telling the event was held (contract `toldVerbs`, lemmas); or such a verb before it,
    no other date between (the whole sentence then: «В г. Х прошёл фестиваль «…» (24–25 мая 2025
    г.), …»). A document's date before its number («письма от 12.06.2025 № …») tells of none. ''
    for any other sentence."""
    flat = " ".join(line.split())
    at = 0
    while (found := date_run(flat[at:])) is not None:
        date, start, end = found[0], at + found[1], at + found[2]
        at = end
        after = flat[end:].strip(EDGE)
        before = flat[:start].split()
        if start == 0 or after.startswith("№") or not _full_date(date) or before[-1].lower() in _NOT_HELD_ON:
            continue  # a letter's date and number, a deadline, a month: a later date may tell of the event
        ends = [
            m.start() for m in SENTENCE_END.finditer(after) if not ABBREVIATION.search(after[: m.start() + 1])
        ]
        sentence = after[: ends[0]] if ends else after
        if any(told_verb(w.strip(',;:«»"()')) for w in sentence.split()):
            return flat[start:]
        opening = sentence_start(flat[:start])
        told_before = any(told_verb(w.strip(',;:«»"()')) for w in flat[opening:start].split())
        if told_before and date_run(flat[opening:start]) is None:  # no other date it may be of
            return flat[opening:]  # «В г. Х прошёл фестиваль «…» (24–25 мая 2025 г.), …»: told before
        return ""
    return ""


def _full_date(date: str) -> bool:
    """The dates name a day of a month of a year («3–5 июня 2025 года», «12.05.2025»), not a month."""
    read = parse_dates(date, None)
    return read.start is not None and read.form == EXACT


def opening_date(line: str) -> bool:
    """The line opens with its dates and tells of an event after them: parts parted by spaced
    dashes («15.07.2024 – г. Энск – …»), its dates the first («3 марта 2025 г. — турнир «…», …»),
    or a verb in the past («12 апреля в г. Х состоялся …»); a letter's date and number
    («04.04.2025 № 01-21/1733») tells of none."""
    flat = " ".join(line.split())
    found = date_run(flat)
    if found is None or found[1] != 0:
        return False
    rest = flat[found[2] :].strip(EDGE)
    if not NAMING.search(rest) or rest.startswith("№"):
        return False
    dashed = PART.match(flat[found[2] :]) is not None
    return dashed or len(dash_parts(rest)) > 1 or any(past_verb(w.strip(',;:«»"()')) for w in rest.split())
