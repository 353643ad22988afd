"""Date cells -> first and last day: the ways Russian reports write a day, a range or a month.

A cell is read as a sequence of points ("30 марта", "2 апреля 2024 года", "сентябрь") joined by
separators (dashes, "по", "и", commas). Later points lend their month and year to earlier ones,
as people write them ("1-2 апреля 2024 года"). Nothing is guessed: an unknown month word, an
impossible day or an end before the start leaves the cell unparsed with a note saying why.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from muniflow.contracts import contract_file, parse_yaml
from muniflow.model import Period
from muniflow.morph import analyzer
from muniflow.normalize.script import fix_mixed_script
from muniflow.normalize.text import fold

VOCABULARY_NAME = "dates.yaml"
# The project's own copy, for a contracts folder (MUNIFLOW_CONTRACTS_DIR) that does not override it.
DEFAULT_VOCABULARY_FILE = Path(__file__).resolve().parents[3] / "contracts" / VOCABULARY_NAME

EXACT = "exact"
YEAR_FROM_PERIOD = "year_from_period"
WHOLE_MONTH = "whole_month"
PART_OF_MONTH = "part_of_month"
WHOLE_QUARTER = "whole_quarter"  # «в течение квартала»: no date given, the report's quarter taken
OPEN_END = "open_end"  # «с 15.07.2025», «15.07.2025 – по настоящее время»: a start, no end written
# «план: 14.05.2025 / факт: 21.05.2025»: the actual of a planned and an actual date
ACTUAL_OF_PLANNED = "actual_of_planned"
FROM_TITLE = "from_title"  # the date cell empty, the date read from the end of the event's title


@dataclass(frozen=True)
class DateParse:
    """What a date cell says: first and last day and how they were read, or why none was read."""

    start: date | None
    end: date | None
    form: str | None  # 'exact' | 'year_from_period' | 'whole_month' | 'part_of_month' | 'open_end' | None
    note: str | None  # in Russian, for the data-quality report; None when parsed


@dataclass(frozen=True)
class _Vocabulary:
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


def vocabulary() -> _Vocabulary:
    """The date vocabulary of the contracts in use, read once per file."""
    return _vocabulary(contract_file(None, VOCABULARY_NAME))


@lru_cache(maxsize=4)
def _vocabulary(path: Path) -> _Vocabulary:
    data = parse_yaml(path, ("months", "year_words", "lead_words", "range_words", "list_words", "years"))
    months = {_key(word): int(number) for number, words in data["months"].items() for word in words}
    parts = data.get("month_parts") or {}
    return _Vocabulary(
        months=months,
        year_words=frozenset(_key(w) for w in data["year_words"]),
        lead_words=frozenset(_key(w) for w in [*data["lead_words"], *(data.get("weekdays") or ())]),
        separators=frozenset(_key(w) for w in data["range_words"] + data["list_words"]),
        min_year=int(data["years"]["min"]),
        max_year=int(data["years"]["max"]),
        crossing_max_days=int(data["year_crossing_max_days"]),
        month_crossing_max_days=int(data["month_crossing_max_days"]),
        numbered_parts={
            _key(word): {int(n): _days(days) for n, days in spans.items()}
            for word, spans in (parts.get("numbered") or {}).items()
        },
        alone_parts={_key(word): _days(days) for word, days in (parts.get("alone") or {}).items()},
        ordinals={_key(w): int(n) for n, words in (parts.get("ordinals") or {}).items() for w in words},
        whole_period=tuple(_phrase_lemmas(str(p)) for p in data.get("whole_period") or ()),
        open_start=frozenset(_key(w) for w in data.get("open_start") or ()),
        open_end=tuple(_phrase_lemmas(str(p)) for p in data.get("open_end") or ()),
        typo_year_distance=int(data["typo_year_distance"]) if data.get("typo_year_distance") else None,
        planned_labels=tuple(_phrase_lemmas(str(p)) for p in data.get("planned_labels") or ()),
        actual_labels=tuple(_phrase_lemmas(str(p)) for p in data.get("actual_labels") or ()),
        stray_marks=frozenset(str(m) for m in data.get("stray_marks") or ()),
    )


_PHRASE_WORD = re.compile(r"[^\W\d_]+")


def _phrase_lemmas(text: str) -> tuple[str, ...]:
    return tuple(_key(analyzer().parse(_key(w))[0].normal_form) for w in _PHRASE_WORD.findall(text))


def names_whole_period(text: str) -> bool:
    """Whether a date cell says the event ran through the whole reporting period, giving no date
    («в течение квартала», «ежемесячно»: contracts/dates.yaml, `whole_period`, by lemma; a remark in
    brackets aside)."""
    words = _phrase_lemmas(_REMARK.sub(" ", text))
    return bool(words) and not any(ch.isdigit() for ch in text) and words in vocabulary().whole_period


def _days(pair: Sequence[object]) -> tuple[int, int]:
    first, last = (int(str(d)) for d in pair)
    return first, last


def month_number(word: str) -> int | None:
    """The month a word names (any case, an abbreviation with or without its dot), from
    contracts/dates.yaml, the one list of month words; None for any other word."""
    return vocabulary().months.get(_key(word))


def joins_dates(word: str) -> bool:
    """Whether a word joins two dates into a range or a list («по», «до», «и»: contracts/dates.yaml,
    `range_words` and `list_words`)."""
    return _key(word) in vocabulary().separators


def month_words() -> tuple[str, ...]:
    """Every month word of the vocabulary (folded), longest first: for building a pattern."""
    return tuple(sorted(vocabulary().months, key=lambda w: (-len(w), w)))


def _key(word: str) -> str:
    """A word as looked up: lower case, ё as е, without an abbreviation dot."""
    return str(word).lower().replace("ё", "е").rstrip(".")


# Footnote marks typed raised («12 апреля¹ 2025 г.», «15.05.2025²»; docx.py writes them so).
_FOOTNOTE_MARKS = re.compile("[\u00b9\u00b2\u00b3\u2070-\u207f]+")
# A date typed with commas for dots, no space between: «05,04,2025».
_COMMA_DATE = re.compile(r"(?<![\d,])(\d{1,2}),(\d{1,2}),(\d{4})(?![\d,])")
# A whole date one of whose stops a scan's speck turned into a colon or comma («07.01:2025»,
# «20,02.2025», «24.03,2025»): two different separators of these, one a stop, a four-digit year.
_MIXED_STOPS = re.compile(r"(?<![\d.,:])(\d{1,2})([.,:])(\d{1,2})(?!\2)([.,:])(\d{4})(?!\d)")
# An ellipsis between two dates reads as a range dash, as calendar plans write it.
_ELLIPSIS = re.compile(r"…|\.{3}")
# Every dash a word processor produces reads as a range dash.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"))
# A run of them, spaced or not, between two dates is one range dash: OCR reads a dash twice
# («30 апреля -– 3 мая»), a typist doubles it («12--15 мая»). A run ending the cell stays: a range
# dash and the dash of an end left blank («май 2025 г. – –», start and end columns joined).
_DASH_RUN = re.compile(r"-(?:[ \t\u00a0]*-)+(?=[ \t\u00a0]*\w)")

_TOKEN = re.compile(
    r"""
    # year first, as ISO and accounting programs write it: «2025-04-19», «2025.04.19», «2025/04/19»
    (?P<iso_y>\d{4})(?P<iso_s>[-./])(?P<iso_m>\d{1,2})(?P=iso_s)(?P<iso_d>\d{1,2})(?!\d)
    # day first: «19.04.2025», «19/04/25», and «19-04-2025» with a four-digit year only (a dash
    # between two numbers is a range)
    | (?P<dmy_d>\d{1,2})(?P<dmy_s>[./]|-(?=\d{1,2}-\d{4}(?!\d)))
      (?P<dmy_m>\d{1,2})(?P=dmy_s)(?P<dmy_y>\d{4}|\d{2})(?!\d)
    # a month in Roman numerals between the day and the year («12.V.2024», «12 XII 2024»)
    | (?P<rom_d>\d{1,2})(?:\.\ ?|\ )(?P<rom_m>xii|xi|ix|x|viii|vii|vi|iv|v|iii|ii|i)
      (?:\.\ ?|\ )(?P<rom_y>\d{4}|\d{2})(?!\d)
    # a stray space at a dot ("24. 04. 2024"): only with a four-digit year, never a list of days
    | (?P<spaced_d>\d{1,2})\ ?\.\ ?(?P<spaced_m>\d{1,2})\ ?\.\ ?(?P<spaced_y>\d{4})(?!\d)
    | (?P<my_m>\d{1,2})\.(?P<my_y>\d{4})(?!\d)  # "04.2024": a whole month
    | (?P<time>\d{1,2}:\d{2}|\d{1,2}\.(?:00|1[3-9]|[2-5]\d)(?!\.?\d))  # a time of day («10:00»,
      # «11.00»: minutes no month can be) is a remark, not part of the date
    | (?P<dm_d>\d{1,2})\.(?P<dm_m>\d{1,2})(?!\.?\d)\.?  # «27.05» or «27.05.» before another date
    | (?P<num>\d{1,9})  # bounded: int() of a huge digit run is refused
    | (?P<word>[^\W\d_]+)\.?
    | (?P<punct>[-,;])
    | (?P<other>\S)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Token:
    """One lexical unit of a date cell; `kind` says what it can be."""

    # date | daymonth | monthyear | num | month | part | yearword | lead | time | sep | word | other
    kind: str
    text: str
    # (day, month, year) | (day, month) | (number,) | (month,) | (first, last) of a part
    numbers: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Point:
    """A day, a part of a month (days `day` to `last`) or a whole month, possibly still missing its
    month or year."""

    day: int | None
    month: int | None
    year: int | None
    last: int | None = None


class _Unreadable(Exception):
    """A cell that names something date-like but not a date; the message is the note."""


def parse_dates(text: str, period: Period | None) -> DateParse:
    """Read a date cell into first and last day; a missing year is taken from the report period."""
    try:
        return _parse(text, period)
    except _Unreadable as reason:
        return DateParse(None, None, None, str(reason))


# A full stop between two whole dates («19.07.2024.\n21.07.2024», «19.07.2024.21.07.2024»): OCR's
# reading of a range dash at a line break, no sign of its own; read as a space, which two dates are
# read across (first to last), as after a comma.
_WHOLE_DATE = r"\d{1,2}\.\d{1,2}\.\d{4}"
_STOP_BETWEEN_DATES = re.compile(rf"(?<![\d.])({_WHOLE_DATE})\.(?=\s*{_WHOLE_DATE}(?![\d.]\d))")


def _parse(text: str, period: Period | None) -> DateParse:
    """The parse proper; raises _Unreadable with the note when the cell cannot be read."""
    folded = _STOP_BETWEEN_DATES.sub(r"\1 ", _FOOTNOTE_MARKS.sub("", fold(text)))
    if not folded:
        raise _Unreadable("пустая ячейка")
    tokens = _without_times(_tokenize(folded))
    position = 0
    while position < len(tokens) and (
        tokens[position].kind in {"lead", "time"} or (position and tokens[position].text in {",", ";"})
    ):
        # «с 12 по 14 …»; a time of day or a weekday before the date («10.00, 05.04.2025»,
        # «пятница, 18 апреля 2025 г.»)
        position += 1
    try:
        points, position = _read_points(tokens, position)
        if not points:
            raise _Unreadable(_why_no_date(tokens))
    except _Unreadable:
        bracketed = _bracketed_date(folded, period)
        if bracketed is None:
            raise
        return bracketed
    rest = tokens[position:]
    _check_rest(rest)
    points = _fill_months(points)
    if any(p.year is not None for p in points):
        parsed = _result(_fill_years(points), points)
    elif period is None:
        raise _Unreadable("не указан год, а период отчёта неизвестен")
    else:
        parsed = _closest_to_period(points, period)
    if period is not None:
        _check_typo_years(points, period)
    if len(points) == 1 and _open_ended(tokens, rest) and parsed.start is not None:
        return DateParse(parsed.start, _open_end_day(parsed.start, period), OPEN_END, None)
    return parsed


def _check_typo_years(points: Sequence[_Point], period: Period) -> None:
    """Raise _Unreadable when a written year is farther from the report's period than the
    contract's `typo_year_distance`: a typo («2052» for 2025), not an event of another quarter."""
    distance = vocabulary().typo_year_distance
    if distance is None:
        return
    for point in points:
        if point.year is not None and abs(point.year - period.year) > distance:
            raise _Unreadable(f"невозможный год «{point.year}» в отчёте за {period.year} год")


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
    found = list(_PHRASE_WORD.finditer(folded))
    lemmas = [_key(analyzer().parse(m.group())[0].normal_form) for m in found]
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


def _without_times(tokens: Sequence[_Token]) -> tuple[_Token, ...]:
    """The tokens without the times of day, wherever they stand («18.06.2025 10:00 – 20.06.2025
    18:00», «11.05.2025 в 11:00», «14.06.2024, 15.30-17.00»): each with the comma or preposition
    before it, a range of times with its dash."""
    kept: list[_Token] = []
    timed = False  # the token before is a time left out
    for token in tokens:
        if token.kind == "time":
            if timed and kept and kept[-1].text == "-":
                kept.pop()  # «15.30-17.00»: one remark
            elif kept and (
                kept[-1].text == "," or (kept[-1].kind in {"word", "lead"} and len(kept[-1].text) <= 2)
            ):
                kept.pop()
            timed = True
            continue
        if token.text in {",", ";"} and not kept and timed:
            continue  # «10.00, 05.04.2025»: the comma after a leading time
        if not (timed and token.text == "-"):
            timed = False
        kept.append(token)
    return tuple(kept)


def _open_ended(tokens: Sequence[_Token], rest: Sequence[_Token]) -> bool:
    """Whether a cell of one date leaves its end open: «с 15.07.2025» (a lead saying «from», no
    end), «05.06.2025 –» (a dash and nothing after it), «15.07.2025 – по настоящее время»,
    «15.04.2025 – ежедневно» (words of `open_end` or `whole_period` after it)."""
    words = vocabulary()
    opened = any(t.kind == "lead" and _key(t.text) in words.open_start for t in tokens[:1])
    if opened and not any(t.kind == "sep" for t in rest):
        return True
    if [t.text for t in rest] == ["-"]:
        return True
    said = _phrase_lemmas(" ".join(t.text for t in rest if t.kind in {"word", "sep", "lead"}))
    return (
        bool(said)
        and (said in words.open_end or said in words.whole_period)
        and all(t.kind in {"word", "sep", "lead", "other"} for t in rest)
    )


def _open_end_day(start: date, period: Period | None) -> date:
    """The last day an open-ended event is taken to run to: the report's quarter's, the quarter it
    started in when the report's is unknown or ended before it."""
    if period is not None and start <= period.last_day:
        return period.last_day
    return Period(start.year, (start.month - 1) // 3 + 1).last_day


def _bracketed_date(folded: str, period: Period | None) -> DateParse | None:
    """The date in brackets after words that name none («3 дня (5–7 мая 2025 г.)»): the one
    bracketed part that reads as a date, when the text outside the brackets holds no date word."""
    outside = _tokenize(_REMARK.sub(" ", folded))
    if any(t.kind in {"date", "daymonth", "monthyear", "month", "part"} for t in outside):
        return None
    read = [p for p in (parse_dates(m.group()[1:-1], period) for m in _REMARK.finditer(folded)) if p.start]
    return read[0] if len(read) == 1 else None


def _tokenize(folded: str) -> tuple[_Token, ...]:
    """Split folded cell text into tokens; words are classified by the vocabulary."""
    words = vocabulary()
    digits_mended = _ZERO_LOOKALIKE.sub(_zeros, fix_mixed_script(folded))
    normalized = _REMARK.sub(lambda m: _drop_remark(m, words), digits_mended.lower().replace("ё", "е"))
    normalized = _ELLIPSIS.sub("-", normalized.translate(_DASHES))  # «16 сентября … 30 сентября»
    normalized = _DASH_RUN.sub("-", normalized)
    normalized = _COMMA_DATE.sub(r"\1.\2.\3", normalized)  # «05,04,2025»: a comma key for the dot
    normalized = _MIXED_STOPS.sub(_one_stop, normalized)
    normalized = _ORDINAL_DAY.sub(r"\1", _QUOTED_DAY.sub(r" \1 ", normalized))
    tokens = []
    for match in _TOKEN.finditer(normalized):
        groups = match.groupdict()
        text = match.group()
        if groups["iso_y"]:
            numbers = (int(groups["iso_d"]), int(groups["iso_m"]), int(groups["iso_y"]))
            tokens.append(_Token("date", text, numbers))
        elif groups["dmy_d"]:
            year = _year(groups["dmy_y"])
            tokens.append(_Token("date", text, (int(groups["dmy_d"]), int(groups["dmy_m"]), year)))
        elif groups["rom_d"]:
            month = _ROMAN_MONTHS.index(groups["rom_m"]) + 1
            tokens.append(_Token("date", text, (int(groups["rom_d"]), month, _year(groups["rom_y"]))))
        elif groups["spaced_d"]:
            numbers = (int(groups["spaced_d"]), int(groups["spaced_m"]), int(groups["spaced_y"]))
            tokens.append(_Token("date", text, numbers))
        elif groups["my_m"]:
            tokens.append(_Token("monthyear", text, (int(groups["my_m"]), int(groups["my_y"]))))
        elif groups["time"]:
            tokens.append(_Token("time", text))
        elif groups["dm_d"]:
            tokens.append(_Token("daymonth", text, (int(groups["dm_d"]), int(groups["dm_m"]))))
        elif groups["num"]:
            tokens.append(_Token("num", text, (int(groups["num"]),)))
        elif groups["word"]:
            tokens.append(_classify_word(_key(groups["word"]), text, words))
        elif groups["punct"]:
            tokens.append(_Token("sep", text))
        elif text not in words.stray_marks:  # a scan's speck read as a mark: nothing
            tokens.append(_Token("other", text))
    return _month_parts(tokens, words)


# What a digit ordinal may end with («2-я декада», «1-й половине»).
_ORDINAL_ENDINGS = frozenset(["я", "й", "ая", "ой", "ей", "ую", "ю"])
_ROMAN_ORDINALS = {"i": 1, "ii": 2, "iii": 3}


def _month_parts(tokens: Sequence[_Token], words: _Vocabulary) -> tuple[_Token, ...]:
    """Tokens with each part of a month («II декада», «первой половине», «конец») made one token of
    the days it covers; any other token is left as it was."""
    if not words.numbered_parts and not words.alone_parts:
        return tuple(tokens)
    out: list[_Token] = []
    position = 0
    while position < len(tokens):
        number, after = _ordinal(tokens, position, words)
        first = number
        if number is not None and after + 1 < len(tokens) and tokens[after].text == "-":
            # «II–III декада мая»: the parts from the first number to the second
            second, beyond = _ordinal(tokens, after + 1, words)
            if second is not None and second > number:
                number, after = second, beyond
        noun = _lemma(tokens[after]) if number is not None and after < len(tokens) else ""
        spans = words.numbered_parts.get(noun, {})
        if number is not None and first is not None and number in spans and first in spans:
            text = " ".join(t.text for t in tokens[position : after + 1])
            out.append(_Token("part", text, (spans[first][0], spans[number][1])))
            position = after + 1
            continue
        token = tokens[position]
        alone = words.alone_parts.get(_lemma(token)) if token.kind == "word" else None
        out.append(_Token("part", token.text, alone) if alone else token)
        position += 1
    return tuple(out)


def _ordinal(tokens: Sequence[_Token], position: int, words: _Vocabulary) -> tuple[int | None, int]:
    """The number an ordinal at `position` says («вторая», «2-я», «II») and the position after it."""
    token = tokens[position]
    if token.kind == "word":
        key = _key(token.text)
        number = _ROMAN_ORDINALS.get(key) or words.ordinals.get(_lemma(token))
        return number, position + 1
    if token.kind == "num" and len(token.text) == 1:
        after = position + 1
        dash, ending = (t.text for t in tokens[after : after + 2]) if after + 1 < len(tokens) else ("", "")
        if dash == "-" and _key(ending) in _ORDINAL_ENDINGS:
            after += 2
        return token.numbers[0], after
    return None, position + 1


def _lemma(token: _Token) -> str:
    """The dictionary form of a word token (lower case, ё as е); "" for any other token."""
    if token.kind != "word":
        return ""
    return _key(analyzer().parse(_key(token.text))[0].normal_form)


# A run of digits and dots in which a letter O (Latin or Cyrillic) stands for a zero: "3O.04.2024",
# "2О24". The run must touch no other letter, so "до 12" or a lone preposition «о» stays a word.
_ZERO_LOOKALIKE = re.compile(r"(?<![^\W\d_])(?=[OoОо.]*\d)(?=\d*[OoОо])[\dOoОо]+(?:\.[\dOoОо]+)*(?![^\W\d_])")


# The day of a date in quotes, as official letters write it («12» мая 2024 г.), or its days
# («20–21» мая 2024 г.; the dash is read as «-» by then).
_QUOTED_DAY = re.compile(r"[«\"„“”]\s?(\d{1,2}(?:\s?-\s?\d{1,2})?)\s?[»\"“”]")
# A day written as an ordinal («22-го июня», «с 12-го по 14-е мая»): its number.
_ORDINAL_DAY = re.compile(r"(?<!\d)(\d{1,2}) ?- ?(?:ого|го|ое|е)(?![^\W\d_])")
_ROMAN_MONTHS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


# A remark in brackets ("(онлайн)", "(г. Полоцк)") says nothing of the date unless it holds a number
# or a month: dropped, so "11.04.2024 (онлайн), 12.04.2024 (очно)" reads as a list of two days.
_REMARK = re.compile(r"\([^()]*\)")


def _drop_remark(match: re.Match[str], words: _Vocabulary) -> str:
    inner = match.group()
    if any(ch.isdigit() for ch in inner) or any(_key(w) in words.months for w in _LETTERS.findall(inner)):
        return inner
    return " "


_LETTERS = re.compile(r"[^\W\d_]+")


def _one_stop(match: re.Match[str]) -> str:
    """«07.01:2025» as «07.01.2025» where one of its two separators is a stop."""
    day, first, month, second, year = match.groups()
    return f"{day}.{month}.{year}" if "." in (first, second) else match.group()


def _zeros(match: re.Match[str]) -> str:
    return re.sub("[OoОо]", "0", match.group())


def _classify_word(key: str, text: str, words: _Vocabulary) -> _Token:
    """A word token: a month, a year word, a lead word, a separator or any other word."""
    if key in words.months:
        return _Token("month", text, (words.months[key],))
    if key in words.year_words:
        return _Token("yearword", text)
    if key in words.separators:
        return _Token("sep", text)
    if key in words.lead_words:
        return _Token("lead", text)
    return _Token("word", text)


def _year(digits: str) -> int:
    """A written year as a full year; two digits belong to the century that keeps it plausible."""
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if 1900 + year >= vocabulary().min_year else 2000
    return year


def _read_points(tokens: Sequence[_Token], position: int) -> tuple[list[_Point], int]:
    """The points from `position` on, joined by separators; stops at the first non-date text."""
    first, position = _read_point(tokens, position)
    if first is None:
        return [], position
    framed = _days_of_month(tokens, position, first)
    if framed is not None:
        return framed
    points = [first]
    while position < len(tokens):
        if tokens[position].kind == "sep":
            point, after = _read_point(tokens, position + 1)
        else:
            point, after = _listed_point(tokens, position, points[-1])
        if point is None:
            break
        points.append(point)
        position = after
    return points, position


def _days_of_month(tokens: Sequence[_Token], position: int, month: _Point) -> tuple[list[_Point], int] | None:
    """The days a whole month's point frames right after it with no separator («в апреле 2025 года
    17 апреля», «в мае 2025 г. 3–5 мая»): those days, in the month's year; None when what follows is
    no day of that month (another month is a range's end or a list's next point)."""
    if month.day is not None or month.month is None or position >= len(tokens):
        return None
    if tokens[position].kind not in {"num", "date", "daymonth", "part"}:
        return None
    try:
        days, after = _read_points(tokens, position)
        days = _fill_months(days)
    except _Unreadable:
        return None
    if not days or any(
        p.day is None or p.month != month.month or p.year not in (None, month.year) for p in days
    ):
        return None
    return [replace(p, year=p.year or month.year) for p in days], after


def _listed_point(tokens: Sequence[_Token], position: int, before: _Point) -> tuple[_Point | None, int]:
    """A point written after a whole one with no separator, as dates listed line by line are
    («12 мая 2025 г.» / «14 мая 2025 г.»): taken only when both name their month."""
    if before.month is None or tokens[position].kind not in {"date", "num"}:
        return None, position
    try:
        point, after = _read_point(tokens, position)
    except _Unreadable:
        return None, position
    if point is None or point.month is None:
        return None, position
    return point, after


def _read_point(tokens: Sequence[_Token], position: int) -> tuple[_Point | None, int]:
    """One point at `position` and the position after it, or None when none starts there."""
    if position >= len(tokens):
        return None, position
    token = tokens[position]
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    if token.kind == "date":
        return _Point(*token.numbers), _skip_year_word(tokens, position + 1)
    if token.kind == "daymonth":
        return _Point(token.numbers[0], token.numbers[1], None), position + 1
    if token.kind == "monthyear":
        return _Point(None, *token.numbers), _skip_year_word(tokens, position + 1)
    if token.kind == "month":
        year, after = _read_year(tokens, position + 1)
        return _Point(None, token.numbers[0], year), after
    if token.kind == "part":
        if following is None or following.kind != "month":
            raise _Unreadable(f"не указан месяц после «{token.text}»")
        year, after = _read_year(tokens, position + 2)
        return _Point(token.numbers[0], following.numbers[0], year, token.numbers[1]), after
    if token.kind == "num" and len(token.text) <= 2:
        if following is not None and following.kind == "month":
            year, after = _read_year(tokens, position + 2)
            return _Point(token.numbers[0], following.numbers[0], year), after
        if following is not None and following.kind == "word":
            raise _Unreadable(f"не распознан месяц «{following.text}»")
        return _Point(token.numbers[0], None, None), position + 1
    if token.kind == "num" and len(token.text) == 4:
        raise _Unreadable(f"указан только год «{token.text}», нет дня и месяца")
    if token.kind == "word" and _is_year(following):
        raise _Unreadable(f"не распознан месяц «{token.text}»")
    return None, position


def _read_year(tokens: Sequence[_Token], position: int) -> tuple[int | None, int]:
    """An optional four-digit year (with its "года"/"г.") at `position`, after a comma or not
    («12 мая, 2024 г.»)."""
    if position + 1 < len(tokens) and tokens[position].text == "," and _is_year(tokens[position + 1]):
        position += 1
    if position < len(tokens) and _is_year(tokens[position]):
        return _year(tokens[position].text), _skip_year_word(tokens, position + 1)
    if (
        position + 1 < len(tokens)
        and tokens[position].kind == "num"
        and len(tokens[position].text) == 2
        and tokens[position + 1].kind == "yearword"
    ):
        return _year(tokens[position].text), position + 2  # «5 апреля 25 г.»
    return None, position


def _is_year(token: _Token | None) -> bool:
    """Whether a token is written like a year: four digits."""
    return token is not None and token.kind == "num" and len(token.text) == 4


def _skip_year_word(tokens: Sequence[_Token], position: int) -> int:
    """The position after an optional "года"/"г." following a year."""
    if position < len(tokens) and tokens[position].kind == "yearword":
        return position + 1
    return position


def _check_rest(rest: Sequence[_Token]) -> None:
    """Accept remarks after the date ("(г. Полоцк)") but not digits or dates left unread."""
    if rest and rest[0].kind in {"num", "date", "daymonth", "monthyear"}:
        raise _Unreadable(f"после даты непонятное число «{rest[0].text}»")
    unread = [t.text for t in rest if t.kind in {"month", "date", "daymonth", "monthyear"}]
    if unread:
        raise _Unreadable(f"после даты ещё дата, не прочитанная целиком: «{unread[0]}»")


# The notes of a cell in which no date starts where one should: they say no more than that the date
# was not read (the other notes say what is wrong: an impossible day, an end before the start, ...).
NO_DATE_NOTES = ("нет даты", "не распознана дата")


def _why_no_date(tokens: Sequence[_Token]) -> str:
    """The note for a cell in which no date starts where a date should."""
    if not any(t.kind in {"num", "date", "daymonth", "monthyear", "month"} for t in tokens):
        return NO_DATE_NOTES[0]
    return NO_DATE_NOTES[1]


def _fill_months(points: Sequence[_Point]) -> list[_Point]:
    """Days without a month take it from the next point ("1-2 апреля"), or the month before it
    when their day is later than its and the range so is short («30–6.12.2024»: from 30 November;
    «5–3 мая» stays unreadable: a typo, not four weeks)."""
    filled = list(points)
    for index in range(len(filled) - 1, -1, -1):
        if filled[index].month is None:
            if index == len(filled) - 1:
                raise _Unreadable("не указан месяц")
            after = filled[index + 1]
            month = after.month
            day = filled[index].day
            if (
                month is not None
                and day is not None
                and after.day is not None
                and day > after.day
                and _MONTH_DAYS - day + after.day <= vocabulary().month_crossing_max_days
            ):
                month = month - 1 or 12
            filled[index] = replace(filled[index], month=month)
    return filled


# A month's length, for how long a range of days across a month's end lasts.
_MONTH_DAYS = 30


def _fill_years(points: Sequence[_Point]) -> list[_Point]:
    """Points without a year take it from a neighbour, one year apart when the range crosses New Year."""
    filled = list(points)
    for index in range(len(filled) - 2, -1, -1):
        here, after = filled[index], filled[index + 1]
        if here.year is None and after.year is not None:
            crosses = (here.month or 0) > (after.month or 0)  # months are filled by now
            filled[index] = replace(here, year=after.year - crosses)
    for index in range(1, len(filled)):
        here, before = filled[index], filled[index - 1]
        if here.year is None and before.year is not None:
            crosses = (here.month or 0) < (before.month or 0)
            filled[index] = replace(here, year=before.year + crosses)
    return filled


def _closest_to_period(points: Sequence[_Point], period: Period) -> DateParse:
    """Give the last point the year (around the period's) that puts the dates closest to the period."""
    best: tuple[int, DateParse] | None = None
    failure: _Unreadable | None = None
    for year in (period.year, period.year - 1, period.year + 1):
        try:
            parsed = _result(_fill_years([*points[:-1], replace(points[-1], year=year)]), points)
        except _Unreadable as reason:
            failure = failure or reason
            continue
        assert parsed.start is not None and parsed.end is not None
        distance = max((period.first_day - parsed.end).days, (parsed.start - period.last_day).days, 0)
        if best is None or distance < best[0]:
            best = (distance, parsed)
    if best is None:
        assert failure is not None
        raise failure
    return best[1]


def _result(points: Sequence[_Point], written: Sequence[_Point]) -> DateParse:
    """First and last day of complete points, checked for existence and order."""
    spans = [_span(point) for point in points]
    for (start, _), (next_start, _) in pairwise(spans):
        if next_start < start:
            raise _Unreadable("дата окончания раньше даты начала")
    start, end = spans[0][0], spans[-1][1]
    years_written = [p.year for p in written if p.year is not None]
    crossed = len({p.year for p in points}) > 1 and len(set(years_written)) < 2
    if crossed and (end - start).days > vocabulary().crossing_max_days:
        raise _Unreadable("дата окончания раньше даты начала")
    if any(p.last is not None for p in points):
        form = PART_OF_MONTH
    elif not years_written:
        form = YEAR_FROM_PERIOD
    elif any(p.day is None for p in points):
        form = WHOLE_MONTH
    else:
        form = EXACT
    return DateParse(start, end, form, None)


def _span(point: _Point) -> tuple[date, date]:
    """The first and last day a complete point covers: one day, or a whole month."""
    assert point.month is not None and point.year is not None
    words = vocabulary()
    if not words.min_year <= point.year <= words.max_year:
        raise _Unreadable(f"невозможный год «{point.year}»")
    try:
        last = calendar.monthrange(point.year, point.month)[1]
        if point.day is not None and point.last is not None:
            first = date(point.year, point.month, point.day)
            return first, date(point.year, point.month, min(point.last, last))
        if point.day is not None:
            day = date(point.year, point.month, point.day)
            return day, day
        return date(point.year, point.month, 1), date(point.year, point.month, last)
    except ValueError:
        shown = f"{point.day or 1:02d}.{point.month:02d}.{point.year}"
        raise _Unreadable(f"несуществующая дата {shown}") from None
