"""Heading rows and paragraphs: a municipality, a month, totals and notes, or nothing of these."""

from __future__ import annotations

import re
from collections.abc import Sequence

from muniflow.interpret.columns import lemma, words
from muniflow.normalize.dates import vocabulary as date_vocabulary
from muniflow.normalize.text import fold

MUNICIPALITY = "municipality"
MONTH = "month"
TOTALS = "totals"
OTHER = "other"

# A heading that is not a merged row must still read like a municipality's name.
_MUNICIPAL_WORDS = re.compile(
    r"муниципальн|район|округ|город|поселени|администраци|\bг\.(?:\s|(?=[^\W\d_]))|\bМО\b", re.IGNORECASE
)
_NAME_PREFIX = re.compile(
    r"(?:муниципальное\s+образование|администраци[яи]\b|\bМО\s*«|городской\s+округ)", re.IGNORECASE
)
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
    """What a one-cell heading is; `merged` when the cell spans the row."""
    if month_of(text) is not None:
        return MONTH
    if is_totals(text, skip_words):
        return TOTALS
    if (merged and not municipality_column) or _MUNICIPAL_WORDS.search(text):
        return MUNICIPALITY
    return OTHER


def is_totals(text: str, skip_words: Sequence[str]) -> bool:
    """A totals or notes line («Итого: 5 мероприятий», «Примечание: …»): skipped."""
    first = words(text)[:1]
    return bool(first) and lemma(first[0]) in {lemma(w) for w in skip_words}


def caption_municipality(caption: str) -> str | None:
    """The municipality a paragraph above a table names (its last line that reads like one)."""
    for line in reversed([fold(x) for x in caption.splitlines() if fold(x)]):
        if month_of(line) is None and _MUNICIPAL_WORDS.search(line) and len(line) <= 160:
            # A heading run into the words before it: the name starts at its prefix.
            start = _NAME_PREFIX.search(line)
            return line[start.start() :] if start else line
    return None
