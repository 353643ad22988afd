"""The words of date cells: contracts/dates.yaml read once per file, and the lookups made on it
(month words, words joining two dates, phrases saying an event ran through the whole period)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from muniflow.contracts import contract_file, parse_yaml
from muniflow.morph import analyzer

VOCABULARY_NAME = "dates.yaml"

# The project's own copy, for a contracts folder (MUNIFLOW_CONTRACTS_DIR) that does not override it.
DEFAULT_VOCABULARY_FILE = Path(__file__).resolve().parents[3] / "contracts" / VOCABULARY_NAME


@dataclass(frozen=True)
class DateWords:
    """The words of contracts/dates.yaml, indexed for lookup."""

    months: Mapping[str, int]
    year_words: frozenset[str]
    lead_words: frozenset[str]
    separators: frozenset[str]
    min_year: int
    max_year: int
    crossing_max_days: int
    month_crossing_max_days: int
    numbered_parts: Mapping[str, Mapping[int, tuple[int, int]]]  # lemma -> ordinal -> days
    alone_parts: Mapping[str, tuple[int, int]]  # lemma -> days
    ordinals: Mapping[str, int]  # lemma -> number
    whole_period: tuple[tuple[str, ...], ...]  # phrases as lemmas
    open_start: frozenset[str]  # lead words saying «from» with no end: «с», «со»
    open_end: tuple[tuple[str, ...], ...]  # phrases after a start that leave its end open, as lemmas
    typo_year_distance: int | None = None  # years from the period's beyond which a year is a typo
    planned_labels: tuple[tuple[str, ...], ...] = ()  # «план», «планируемая дата», as lemmas
    actual_labels: tuple[tuple[str, ...], ...] = ()  # «факт», «фактически», as lemmas
    stray_marks: frozenset[str] = frozenset()  # OCR's specks («`», «°»): no part of a date
    schedule_remarks: frozenset[str] = frozenset()  # «перенесено»: a bracket of another date, as lemmas
    weekly_leads: tuple[tuple[str, ...], ...] = ()  # «по», «каждый» before weekdays: weekly, as lemmas
    weekday_lemmas: frozenset[str] = frozenset()  # «суббота»: the weekdays written out, as lemmas
    weekdays: frozenset[str] = frozenset()  # «среда», «пт»: lead words that may also close a date
    hour_words: frozenset[str] = frozenset()  # «ч.», «часов» after a time of day («в 16.00 ч.»)


def vocabulary() -> DateWords:
    """The date vocabulary of the contracts in use, read once per file."""
    return _vocabulary(contract_file(None, VOCABULARY_NAME))


@lru_cache(maxsize=4)
def _vocabulary(path: Path) -> DateWords:
    data = parse_yaml(path, ("months", "year_words", "lead_words", "range_words", "list_words", "years"))
    months = {word_key(word): int(number) for number, words in data["months"].items() for word in words}
    parts = data.get("month_parts") or {}
    return DateWords(
        months=months,
        year_words=frozenset(word_key(w) for w in data["year_words"]),
        lead_words=frozenset(word_key(w) for w in [*data["lead_words"], *(data.get("weekdays") or ())]),
        separators=frozenset(word_key(w) for w in data["range_words"] + data["list_words"]),
        min_year=int(data["years"]["min"]),
        max_year=int(data["years"]["max"]),
        crossing_max_days=int(data["year_crossing_max_days"]),
        month_crossing_max_days=int(data["month_crossing_max_days"]),
        numbered_parts={
            word_key(word): {int(n): _days(days) for n, days in spans.items()}
            for word, spans in (parts.get("numbered") or {}).items()
        },
        alone_parts={word_key(word): _days(days) for word, days in (parts.get("alone") or {}).items()},
        ordinals={word_key(w): int(n) for n, words in (parts.get("ordinals") or {}).items() for w in words},
        whole_period=tuple(phrase_lemmas(str(p)) for p in data.get("whole_period") or ()),
        open_start=frozenset(word_key(w) for w in data.get("open_start") or ()),
        open_end=tuple(phrase_lemmas(str(p)) for p in data.get("open_end") or ()),
        typo_year_distance=int(data["typo_year_distance"]) if data.get("typo_year_distance") else None,
        planned_labels=tuple(phrase_lemmas(str(p)) for p in data.get("planned_labels") or ()),
        actual_labels=tuple(phrase_lemmas(str(p)) for p in data.get("actual_labels") or ()),
        stray_marks=frozenset(str(m) for m in data.get("stray_marks") or ()),
        weekly_leads=tuple(phrase_lemmas(str(p)) for p in data.get("weekly_leads") or ()),
        weekday_lemmas=frozenset(
            lemma for w in data.get("weekdays") or () if len(str(w)) > 2 for lemma in phrase_lemmas(str(w))
        ),
        schedule_remarks=frozenset(
            lemma for w in data.get("schedule_remarks") or () for lemma in phrase_lemmas(str(w))
        ),
        weekdays=frozenset(word_key(w) for w in data.get("weekdays") or ()),
        hour_words=frozenset(word_key(w) for w in data.get("hour_words") or ()),
    )


PHRASE_WORD = re.compile(r"[^\W\d_]+")


def phrase_lemmas(text: str) -> tuple[str, ...]:
    return tuple(word_key(analyzer().parse(word_key(w))[0].normal_form) for w in PHRASE_WORD.findall(text))


def names_whole_period(text: str) -> bool:
    """Whether a date cell says the event ran through the whole reporting period, giving no date
    («в течение квартала», «ежемесячно»: contracts/dates.yaml, `whole_period`, by lemma; a remark in
    brackets aside)."""
    words = phrase_lemmas(REMARK.sub(" ", text))
    if not words or any(ch.isdigit() for ch in text):
        return False
    return words in vocabulary().whole_period or _names_weekdays(words)


def _names_weekdays(words: tuple[str, ...]) -> bool:
    """Whether lemmas tell a weekly event by its days of the week («по субботам», «каждую среду»,
    «еженедельно по вторникам и четвергам»: a phrase of `weekly_leads`, then weekdays joined by «и»)."""
    known = vocabulary()
    end = len(words)
    while end and (words[end - 1] in known.weekday_lemmas or words[end - 1] == _AND):
        end -= 1
    days = words[end:]
    return (
        bool(days)
        and days[0] != _AND
        and days[-1] != _AND
        and any(day in known.weekday_lemmas for day in days)
        and words[:end] in known.weekly_leads
    )


_AND = "и"


def _days(pair: Sequence[object]) -> tuple[int, int]:
    first, last = (int(str(d)) for d in pair)
    return first, last


def month_number(word: str) -> int | None:
    """The month a word names (any case, an abbreviation with or without its dot), from
    contracts/dates.yaml, the one list of month words; None for any other word."""
    return vocabulary().months.get(word_key(word))


def joins_dates(word: str) -> bool:
    """Whether a word joins two dates into a range or a list («по», «до», «и»: contracts/dates.yaml,
    `range_words` and `list_words`)."""
    return word_key(word) in vocabulary().separators


def month_words() -> tuple[str, ...]:
    """Every month word of the vocabulary (folded), longest first: for building a pattern."""
    return tuple(sorted(vocabulary().months, key=lambda w: (-len(w), w)))


def word_key(word: str) -> str:
    """A word as looked up: lower case, ё as е, without an abbreviation dot."""
    return str(word).lower().replace("ё", "е").rstrip(".")


# A remark in brackets ("(онлайн)", "(г. Полоцк)") says nothing of the date unless it holds a number
# or a month: dropped, so "11.04.2024 (онлайн), 12.04.2024 (очно)" reads as a list of two days.
REMARK = re.compile(r"\([^()]*\)")
