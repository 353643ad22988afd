"""Dates written beside labels or in a title: a planned and an actual date in one cell («план: … /
факт: …»), a date column's header naming one of them, a whole date ending an event's title."""

from __future__ import annotations

import re

from muniflow.model import Period
from muniflow.morph import analyzer
from muniflow.normalize.date_words import PHRASE_WORD, vocabulary, word_key
from muniflow.normalize.dates import EXACT, DateParse, parse_dates
from muniflow.normalize.text import fold


def planned_and_actual(text: str, period: Period | None) -> tuple[str, DateParse, str, DateParse] | None:
    """The planned date's text and reading and the actual one's, of a cell giving both after their
    labels (contracts/dates.yaml `planned_labels`, `actual_labels`: «план: 14.05.2025 / факт:
    21.05.2025»); None unless the cell is only labels and dates, with one actual and one planned
    date, each read whole (a day or days with their month and year written)."""
    words = vocabulary()
    if not words.actual_labels or not words.planned_labels:
        return None
    folded = fold(text).lower().replace("ё", "е")
    marks = _label_marks(folded)
    kinds = [kind for _, _, kind in marks]
    if kinds.count("actual") != 1 or kinds.count("planned") != 1:
        return None
    if folded[: marks[0][0]].strip(_LABEL_PUNCTUATION):
        return None  # words before the first label: not a cell of labelled dates
    read: dict[str, tuple[str, DateParse]] = {}
    for (_, end, kind), following in zip(marks, [*marks[1:], (len(folded), 0, "")], strict=True):
        part = fold(text)[end : following[0]].strip(_LABEL_PUNCTUATION)
        parsed = parse_dates(part, period)
        if parsed.note is not None or parsed.form != EXACT:
            return None
        read[kind] = (part, parsed)
    return (*read["planned"], *read["actual"])


def _label_marks(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each planned or actual label in a folded text, kind `planned` or
    `actual` (contracts/dates.yaml `planned_labels`, `actual_labels`, as lemmas, the longest first)."""
    words = vocabulary()
    found = list(PHRASE_WORD.finditer(folded))
    lemmas = [word_key(analyzer().parse(m.group())[0].normal_form) for m in found]
    labels = sorted(  # the longest first: «по плану» before «план»
        [
            *((p, "actual") for p in words.actual_labels if p),
            *((p, "planned") for p in words.planned_labels if p),
        ],
        key=lambda pk: -len(pk[0]),
    )
    marks: list[tuple[int, int, str]] = []
    i = 0
    while i < len(found):
        hit = next((pk for pk in labels if tuple(lemmas[i : i + len(pk[0])]) == pk[0]), None)
        if hit is None:
            i += 1
            continue
        last = found[i + len(hit[0]) - 1]
        marks.append((found[i].start(), last.end(), hit[1]))
        i += len(hit[0])
    return marks


def date_column_kind(header: str) -> str | None:
    """`planned` or `actual` for a date column's header naming the planned date or the actual one
    by the labels a cell writes them with («Дата по плану», «Фактическая дата проведения»); None
    for any other header («Дата начала») and for one naming both («Дата (план / факт)»)."""
    kinds = {kind for _, _, kind in _label_marks(fold(header).lower().replace("ё", "е"))}
    return kinds.pop() if len(kinds) == 1 else None


# What stands around a label and its date: «план: 14.05.2025 / факт – 21.05.2025;».
_LABEL_PUNCTUATION = " \t\n:;,/-–—.|"


def date_in_title(title: str, period: Period | None) -> tuple[str, str, DateParse] | None:
    """A whole date a title ends with, in brackets or not («Открытие выставки «…» (18 января 2025
    г.)», «Встреча с делегацией … 16 мая 2025 г.»): the title without it, the date as written and its
    reading; None when the title ends with no date read whole (a day or days with month and year)."""
    folded = fold(title)
    bracket = _LAST_BRACKET.search(folded)
    if bracket is not None:
        parsed = parse_dates(bracket.group(1), period)
        if parsed.note is None and parsed.form == EXACT:
            return folded[: bracket.start()].rstrip(" ,;–—-"), bracket.group(1).strip(), parsed
    for start in _DAY_OPENING.finditer(folded):
        written = folded[start.start() :].strip()
        parsed = parse_dates(written, period)
        if parsed.note is None and parsed.form == EXACT:
            rest = folded[: start.start()].rstrip(" ,;–—-")
            return (rest, written, parsed) if rest else None
    return None


# The last bracket of a title, closing it; where a date may open at the end of a title: a day's
# number after a blank (not «№ 3», «Весна-2025», a quote).
_LAST_BRACKET = re.compile(r"\(([^()]*)\)\s*\.?\s*$")

_DAY_OPENING = re.compile(r"(?<=\s)\d{1,2}(?=[\s.\-–—])")
