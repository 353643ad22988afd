"""The period phrase of a title: the quarter it names, or the other period (half-year, year) it names.

Words are compared by lemma, so «в третьем квартале», «за 3-й квартал», «III кв.» and
«3 кв. 2025» read alike; the vocabulary is contracts/periods.yaml. A month range («январь – март
2025», «апрель, май, июнь 2025») names a quarter when its months are one quarter's, else a half-year,
nine months or a year.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from muniflow.contracts import load_yaml
from muniflow.interpret.header_words import lemma
from muniflow.model import Period
from muniflow.normalize.date_words import vocabulary as date_vocabulary

VOCABULARY_NAME = "periods.yaml"

QUARTER = "quarter"
HALF_YEAR = "half_year"
NINE_MONTHS = "nine_months"
YEAR = "year"
MONTHS = "months"  # whole months of one year over more than one quarter («май – июль 2025»)
# A month, or months of one quarter short of all three («за май 2025 года», «апрель – май 2025»): a
# part of that quarter, whose report it adds to (`Report.adds_to_report`).
PART = "part_of_quarter"
_SPAN_KIND = {3: QUARTER, 6: HALF_YEAR, 9: NINE_MONTHS, 12: YEAR}

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Roman numerals are often typed with Cyrillic look-alikes.
_LOOKALIKE = str.maketrans({"І": "I", "і": "i", "Ӏ": "I", "Х": "X", "У": "V"})
_TOKEN = re.compile(r"\d+|[A-Za-z]+|[^\W\dA-Za-z_]+")  # «IIквартал»: a Roman numeral run into its word
_YEAR = re.compile(r"(?:19|20)\d\d")
# How far (in tokens) the year may stand from the quarter word.
YEAR_REACH = 4


@dataclass(frozen=True)
class PeriodFound:
    """What the title says about the period: the quarter, or another kind, and the words used."""

    period: Period | None
    kind: str  # quarter | half_year | nine_months | year | "" when nothing was found
    text: str  # the words of the title it was read from


@dataclass(frozen=True)
class _Vocabulary:
    quarter_words: frozenset[str]
    ordinals: dict[str, int]
    endings: frozenset[str]
    not_quarter: tuple[tuple[str, tuple[str, ...]], ...]
    year_word: str
    month_word: str
    month_counts: dict[str, int]
    part_prepositions: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    """contracts/periods.yaml, loaded once (a contracts folder without it uses the project's)."""
    data: Mapping[str, Any] = load_yaml(VOCABULARY_NAME)
    return _Vocabulary(
        quarter_words=frozenset(str(w) for w in data["quarter_words"]),
        ordinals={lemma(str(w)): int(q) for q, ws in data["ordinals"].items() for w in ws},
        endings=frozenset(str(w) for w in data["numeral_endings"]),
        not_quarter=tuple(
            (kind, tuple(lemma(str(w)) for w in seq))
            for kind, seqs in data["not_quarter"].items()
            for seq in seqs
        ),
        year_word=lemma(str(data["year_word"])),
        month_word=lemma(str(data["month_word"])),
        month_counts={lemma(str(w)): int(n) for w, n in data["month_counts"].items()},
        part_prepositions=frozenset(str(w).lower() for w in data.get("part_prepositions") or ()),
    )


@dataclass(frozen=True)
class _Tok:
    text: str
    lemma: str
    start: int
    end: int


def _tokens(flat: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(flat):
        text = m.group().lower().replace("ё", "е")
        out.append(_Tok(text, text if text.isdigit() else lemma(text), m.start(), m.end()))
    return out


def _number(tok: _Tok, words: _Vocabulary) -> int | None:
    if tok.text.isdigit():
        return int(tok.text) if 1 <= int(tok.text) <= 4 and len(tok.text) == 1 else None
    if tok.text in _ROMAN:
        return _ROMAN[tok.text]
    return words.ordinals.get(tok.lemma)


def _year_near(tokens: list[_Tok], index: int) -> int | None:
    for tok in tokens[index + 1 : index + 1 + YEAR_REACH]:
        if _YEAR.fullmatch(tok.text):
            return int(tok.text)
    years = [t for t in tokens if _YEAR.fullmatch(t.text)]
    return int(years[0].text) if len(years) == 1 else None


# «на III квартал»: the quarter a plan is for. Where a text names another quarter too («…
# запланированных на III квартал. Информация за II квартал»), that other is the report's.
_AHEAD = "на"


def _quarter(
    flat: str, tokens: list[_Tok], words: _Vocabulary, default_year: int | None = None
) -> PeriodFound | None:
    ahead: PeriodFound | None = None
    for i, tok in enumerate(tokens):
        if tok.lemma not in words.quarter_words and tok.text not in words.quarter_words:
            continue
        j = i - 1
        while j >= 0 and tokens[j].text in words.endings:
            j -= 1
        quarter = _number(tokens[j], words) if j >= 0 else None
        year = _year_near(tokens, i) or default_year
        if quarter is None or year is None:
            continue
        found = PeriodFound(
            Period(year, quarter), QUARTER, flat[tokens[j].start : _through_year(tokens, i, year)]
        )
        if j == 0 or tokens[j - 1].text != _AHEAD:
            return found
        ahead = ahead or found
    return ahead


def _through_year(tokens: list[_Tok], index: int, year: int) -> int:
    """Where the words of a period ending at `tokens[index]` end: at the year after it, if near."""
    near = tokens[index + 1 : index + 1 + YEAR_REACH]
    return max([tokens[index].end, *(t.end for t in near if t.text == str(year))])


def _month_range(flat: str, tokens: list[_Tok]) -> PeriodFound | None:
    months = date_vocabulary().months
    for i, tok in enumerate(tokens[:-2]):
        first = months.get(tok.text)
        if first is None:
            continue
        # The months listed one after the other («апрель, май, июнь»): the list's last month;
        # else the next month word, with only days and «по»/«до» between («с 1 октября по 31 декабря»).
        last_tok = _listed_months(tokens, i, months)
        for later in tokens[i + 1 : i + 1 + 3] if last_tok is None else ():
            if later.text in months:
                last_tok = later
                break
            if not (later.text.isdigit() and len(later.text) <= 2) and later.text not in ("по", "до"):
                break
        if last_tok is None:
            continue
        last = months[last_tok.text]
        year = _year_near(tokens, tokens.index(last_tok))
        if year is not None and _months_over_quarters(flat, tokens, i, tok, last_tok, first, last):
            return PeriodFound(None, MONTHS, flat[tok.start : last_tok.end] + f" {year}")
        kind = _SPAN_KIND.get(last - first + 1, "")
        if year is not None and not kind and _within_quarter(flat, tokens, i, tok, last_tok, first, last):
            part = flat[tok.start : last_tok.end] + f" {year}"
            return PeriodFound(Period(year, (first + 2) // 3), PART, part)
        if year is None or not kind or (first != 1 and kind != QUARTER):
            continue
        text = flat[tok.start : last_tok.end] + f" {year}"
        if kind == QUARTER and first in (1, 4, 7, 10):
            return PeriodFound(Period(year, (first + 2) // 3), QUARTER, text)
        if kind != QUARTER:
            return PeriodFound(None, kind, text)
    return None


def _months_over_quarters(
    flat: str, tokens: list[_Tok], i: int, tok: _Tok, last_tok: _Tok, first: int, last: int
) -> bool:
    """Whole months («май – июль», «с мая по август»: no day before or between) from `first` to
    `last` over more than one quarter, other than a half-year, nine months or a year from January
    (those are read as such)."""
    if first >= last or (first - 1) // 3 == (last - 1) // 3:
        return False
    if first == 1 and _SPAN_KIND.get(last - first + 1, "") in (HALF_YEAR, NINE_MONTHS, YEAR):
        return False
    before = tokens[i - 1].text if i else ""
    return not before.isdigit() and not re.search(r"\d", flat[tok.start : last_tok.end])


def _within_quarter(
    flat: str, tokens: list[_Tok], i: int, tok: _Tok, last_tok: _Tok, first: int, last: int
) -> bool:
    """Whole months («апрель – май»: no day before or between) of one quarter, fewer than three."""
    if first >= last or (first - 1) // 3 != (last - 1) // 3:
        return False
    before = tokens[i - 1].text if i else ""
    return not before.isdigit() and not re.search(r"\d", flat[tok.start : last_tok.end])


def _one_month(flat: str, tokens: list[_Tok], words: _Vocabulary) -> PeriodFound | None:
    """«за май 2025 года»: one whole month after a preposition of `part_prepositions` and its year
    right after it, a part of its quarter («12 мая 2025 года» is a date, «в июле 2025 года» says when
    a letter was sent as well as what it reports on)."""
    months = date_vocabulary().months
    for i, tok in enumerate(tokens[:-1]):
        month = months.get(tok.text)
        if month is None or not i or tokens[i - 1].text not in words.part_prepositions:
            continue
        after = tokens[i + 1]
        if _YEAR.fullmatch(after.text):
            return PeriodFound(Period(int(after.text), (month + 2) // 3), PART, flat[tok.start : after.end])
    return None


def _listed_months(tokens: list[_Tok], i: int, months: Mapping[str, int]) -> _Tok | None:
    """The last of three or more months written in calendar order from token `i`, with nothing
    between them but commas (not tokens) or «и», or None."""
    j, listed = i, 1
    while True:
        k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].text == "и")
        if k >= len(tokens) or months.get(tokens[k].text) != months[tokens[j].text] + 1:
            return tokens[j] if listed >= 3 else None
        j, listed = k, listed + 1


_DATE_SPAN = re.compile(
    r"(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.(?P<y1>\d{4})\s*(?:г\.?|года)?\s*(?:по|до|[-–—])\s*"
    r"(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})"
)


def _date_span(flat: str) -> PeriodFound | None:
    """«с 01.04.2025 по 30.06.2025»: dates from a quarter's first day to its last name that quarter
    (from 1 January to the end of June, September or December: a half-year, nine months, a year)."""
    for m in _DATE_SPAN.finditer(flat):
        d1, m1, y1, d2, m2, y2 = (int(m.group(k)) for k in ("d1", "m1", "y1", "d2", "m2", "y2"))
        if y1 != y2 or d1 != 1 or not 1 <= m1 <= m2 <= 12 or (m1 - 1) % 3 or m2 % 3:
            continue
        if d2 != calendar.monthrange(y2, m2)[1]:
            continue
        kind = _SPAN_KIND.get(m2 - m1 + 1, "")
        if kind == QUARTER:
            return PeriodFound(Period(y1, m2 // 3), QUARTER, m.group(0))
        if kind and m1 == 1:
            return PeriodFound(None, kind, m.group(0))
    return None


def _months_counted(flat: str, tokens: list[_Tok], words: _Vocabulary) -> PeriodFound | None:
    """«за 3 месяца 2025 года»: months counted from the year's start; three of them are the first
    quarter (with the year near), six, nine or twelve another period."""
    for i, tok in enumerate(tokens[1:], start=1):
        before = tokens[i - 1]
        count = int(before.text) if before.text.isdigit() else words.month_counts.get(before.lemma)
        kind = _SPAN_KIND.get(count or 0)
        if tok.lemma != words.month_word or kind is None:
            continue
        if kind != QUARTER:
            return PeriodFound(None, kind, flat[before.start : tok.end])
        year = _year_near(tokens, i)
        if year is not None:
            return PeriodFound(Period(year, 1), QUARTER, flat[before.start : _through_year(tokens, i, year)])
    return None


def _other(flat: str, tokens: list[_Tok], words: _Vocabulary) -> PeriodFound | None:
    for kind, seq in words.not_quarter:
        for i in range(len(tokens) - len(seq) + 1):
            window = tokens[i : i + len(seq)]
            if all(t.lemma == want for t, want in zip(window, seq, strict=True)):
                return PeriodFound(None, kind, flat[window[0].start : window[-1].end])
    for i, tok in enumerate(tokens[:-1]):
        # «2025 год(у)» names a year report; «2025 года» only dates something else.
        after = tokens[i + 1]
        if _YEAR.fullmatch(tok.text) and after.lemma == words.year_word and after.text != "года":
            return PeriodFound(None, YEAR, flat[tok.start : after.end])
    return _bare_year(flat, tokens, words)


def _bare_year(flat: str, tokens: list[_Tok], words: _Vocabulary) -> PeriodFound | None:
    """«по итогам 2025 года»: a year with its word, not the end of a date (no day or month before
    it), in a title that names no quarter at all, is the period of a year report."""
    if any(t.lemma in words.quarter_words or t.text in words.quarter_words for t in tokens):
        return None
    months = date_vocabulary().months
    for i, tok in enumerate(tokens[:-1]):
        after = tokens[i + 1]
        if not (_YEAR.fullmatch(tok.text) and after.lemma == words.year_word):
            continue
        before = tokens[i - 1].text if i else ""
        if before.isdigit() or before in months:
            continue  # «5 октября 2025 года», «01.10.2025 года»: a date, not the period
        return PeriodFound(None, YEAR, flat[tok.start : after.end])
    return None


def find_period(text: str, default_year: int | None = None) -> PeriodFound:
    """The period a title names; `period` is None unless it is one quarter. A quarter named with no
    year («во II квартале текущего года») is of `default_year` when given."""
    flat = re.sub(r"\s+", " ", text).translate(_LOOKALIKE)
    tokens = _tokens(flat)
    words = vocabulary()
    return (
        _quarter(flat, tokens, words, default_year)
        or _month_range(flat, tokens)
        or _date_span(flat)
        or _months_counted(flat, tokens, words)
        or _other(flat, tokens, words)
        or _one_month(flat, tokens, words)
        or PeriodFound(None, "", "")
    )


def quarter_in_cell(text: str, default_year: int | None) -> tuple[Period, bool] | None:
    """A date cell naming a whole quarter («II квартал 2025 г.», «в течение 2 кв.»): the quarter
    and whether its year is written (else `default_year`, the report's). None when the cell holds
    any other number, so a date that failed to read is never taken for its quarter remark."""
    flat = re.sub(r"\s+", " ", text).translate(_LOOKALIKE)
    tokens = _tokens(flat)
    found = _quarter(flat, tokens, vocabulary(), default_year)
    if found is None or found.period is None:
        return None
    start = flat.index(found.text)
    outside = [t for t in tokens if t.text.isdigit() and not start <= t.start < start + len(found.text)]
    if outside:
        return None
    return found.period, any(_YEAR.fullmatch(t.text) for t in tokens)


def half_year_in_cell(text: str, default_year: int | None) -> tuple[Period, Period, bool] | None:
    """A date cell naming a half-year («1 полугодие 2025 г.», «в течение II полугодия», «1-е
    полугодие»: `not_quarter.half_year` of periods.yaml, numbered as quarters are): its first and
    last quarter and whether its year is written (else `default_year`, the report's). None when
    the cell holds any other number or names no half."""
    flat = re.sub(r"\s+", " ", text).translate(_LOOKALIKE)
    tokens = _tokens(flat)
    words = vocabulary()
    halves = {seq[0] for kind, seq in words.not_quarter if kind == "half_year" and len(seq) == 1}
    for i, tok in enumerate(tokens):
        if tok.lemma not in halves:
            continue
        j = i - 1
        while j >= 0 and tokens[j].text in words.endings:
            j -= 1
        half = _number(tokens[j], words) if j >= 0 else None
        written = _year_near(tokens, i)
        year = written or default_year
        others = [
            t for t in tokens if t.text.isdigit() and t is not tokens[j] and not _YEAR.fullmatch(t.text)
        ]
        if half not in (1, 2) or year is None or others:
            return None
        return Period(year, 2 * half - 1), Period(year, 2 * half), written is not None
    return None
