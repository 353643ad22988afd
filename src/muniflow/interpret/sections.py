"""Heading rows and paragraphs: a municipality, a month, totals and notes, or nothing of these."""

from __future__ import annotations

import re
from collections.abc import Sequence

from muniflow.interpret.columns import lemma, words
from muniflow.interpret.municipality import municipality_name
from muniflow.interpret.nil import municipality_in_text
from muniflow.normalize.dates import vocabulary as date_vocabulary
from muniflow.normalize.text import fold

MUNICIPALITY = "municipality"
MONTH = "month"
TOTALS = "totals"
OTHER = "other"
THEME = "theme"  # a heading grouping events by theme under a title naming the municipality («1. Культура»)

# How many caption lines a heading may be broken over.
_HEADING_LINES = 4
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# Words a month heading may carry besides the month and the year («Июль месяц», «В апреле»).
MONTH_WORDS = frozenset({"месяц"})


def month_of(text: str) -> int | None:
    """The month a heading names when it names only a month («ЯНВАРЬ», «Февраль 2025 г.»)."""
    words = date_vocabulary()
    found = None
    for token in re.findall(r"\d+|[^\W\d_]+", fold(text).lower().replace("ё", "е")):
        if token in words.months and found is None:
            found = words.months[token]
        elif not (
            _YEAR.match(token)
            or token in words.year_words
            or token in words.lead_words
            or lemma(token) in MONTH_WORDS
        ):
            return None
    return found


def classify(text: str, skip_words: Sequence[str], merged: bool, municipality_column: bool) -> str:
    """What a one-cell heading is; `merged` when the cell spans the row.

    A municipality when it is built like a municipality's name (a row spanning the table, with no
    municipality column, may hold the name alone: «ЙОШКАР-ОЛА»); a row spanning the table that
    names something else («Приложение 1», «Информация о …») is a note, skipped like totals.
    """
    if month_of(text) is not None:
        return MONTH
    if is_totals(text, skip_words):
        return TOTALS
    spanning = merged and not municipality_column
    if municipality_name(text, bare=spanning) is not None:
        return MUNICIPALITY
    return TOTALS if spanning else OTHER


def is_totals(text: str, skip_words: Sequence[str]) -> bool:
    """A totals or notes line («Итого: 5 мероприятий», «Примечание: …»): skipped."""
    first = words(text)[:1]
    return bool(first) and lemma(first[0]) in {lemma(w) for w in skip_words}


_CAPTION_NAME_WORDS = 8  # a caption's last line longer than this is a title, not a heading


def caption_name(caption: str) -> str:
    """The municipality the caption's last line names inside other words, when it is a short
    heading (not a title: a title names its municipality as the report's, `title_muni`)."""
    lines = [x for x in caption.splitlines() if fold(x)]
    if not lines or len(fold(lines[-1]).split()) > _CAPTION_NAME_WORDS:
        return ""
    return municipality_in_text(lines[-1])


def caption_municipality(caption: str) -> str | None:
    """The municipality a paragraph above a table names: its last lines when they are a
    municipality's name (a heading may be broken over lines), as written; None when they are not.
    A month heading under the municipality's («Апрель:») is no part of its name."""
    lines = [x for x in caption.splitlines() if fold(x)]
    while lines and month_of(lines[-1]) is not None:
        lines.pop()
    found = None
    for k in range(len(lines) - 1, max(-1, len(lines) - 1 - _HEADING_LINES), -1):
        text = "\n".join(lines[k:])
        if month_of(text) is None and len(fold(text)) <= 160 and municipality_name(text) is not None:
            found = text
    return found
