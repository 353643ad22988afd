"""A weekday written beside a date, and whether the date falls on it.

«15 мая 2025 г. (среда)»: 15.05.2025 is a Thursday, so the date or the weekday is mistyped. The
words are contracts/dates.yaml's: `weekdays` (every form a cell writes) and `weekday_order` (the
days Monday first, each its name and abbreviation). Only a cell naming one weekday beside a single
day, or two beside a range's first and last days, is judged; a list of days or a weekly schedule
(«по средам») says which days otherwise.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from muniflow.contracts import contract_file, parse_yaml
from muniflow.normalize.date_words import PHRASE_WORD, VOCABULARY_NAME, vocabulary, word_key

# The letters of a weekday's name every form of it begins with («сре»: среда, среду, среды).
_STEM = 3


@lru_cache(maxsize=4)
def _order(path: Path) -> tuple[tuple[str, ...], ...]:
    data = parse_yaml(path, ())
    return tuple(tuple(word_key(w) for w in day) for day in data.get("weekday_order") or ())


def day_names() -> tuple[str, ...]:
    """The weekdays' names, Monday first (as a message names them)."""
    return tuple(day[0] for day in _order(contract_file(None, VOCABULARY_NAME)))


def _day(word: str) -> int | None:
    """The weekday (0: Monday) a word of `weekdays` names, None for any other word."""
    key = word_key(word)
    if key not in vocabulary().weekdays:
        return None
    for index, forms in enumerate(_order(contract_file(None, VOCABULARY_NAME))):
        if key in forms or (len(key) > _STEM and key[:_STEM] == forms[0][:_STEM]):
            return index
    return None


def named_days(text: str) -> list[tuple[str, int]]:
    """The weekdays a cell names, in order: (the word as written, 0 for Monday …)."""
    found = ((word, _day(word)) for word in PHRASE_WORD.findall(text or ""))
    return [(word, day) for word, day in found if day is not None]


def mismatches(text: str, start: date, end: date) -> list[tuple[date, str]]:
    """The days of a cell whose weekday written beside them is another, with that word: one
    weekday beside a single day, or two beside a range's first and last; else nothing."""
    named = named_days(text)
    if len(named) == 1 and start == end:
        pairs = [(start, named[0])]
    elif len(named) == 2 and start < end:  # the first and the last day
        pairs = [(start, named[0]), (end, named[1])]
    else:
        return []
    return [(day, word) for day, (word, index) in pairs if day.weekday() != index]
