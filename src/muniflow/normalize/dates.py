"""Date cells -> first and last day: the ways Russian reports write a day, a range or a month.

A cell is read as a sequence of points ("30 марта", "2 апреля 2024 года", "сентябрь") joined by
separators (dashes, "по", "и", commas). Later points lend their month and year to earlier ones,
as people write them ("1-2 апреля 2024 года"). Nothing is guessed: an unknown month word, an
impossible day or an end before the start leaves the cell unparsed with a note saying why.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from muniflow.model import Period
from muniflow.normalize.date_tokens import FOOTNOTE_MARKS, Token, full_year, tokenize, without_times
from muniflow.normalize.date_words import REMARK, phrase_lemmas, vocabulary, word_key
from muniflow.normalize.text import fold

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
    folded = _STOP_BETWEEN_DATES.sub(r"\1 ", FOOTNOTE_MARKS.sub("", fold(text)))
    if not folded:
        raise _Unreadable("пустая ячейка")
    tokens = without_times(tokenize(folded))
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


def _open_ended(tokens: Sequence[Token], rest: Sequence[Token]) -> bool:
    """Whether a cell of one date leaves its end open: «с 15.07.2025» (a lead saying «from», no
    end), «05.06.2025 –» (a dash and nothing after it), «15.07.2025 – по настоящее время»,
    «15.04.2025 – ежедневно» (words of `open_end` or `whole_period` after it)."""
    words = vocabulary()
    opened = any(t.kind == "lead" and word_key(t.text) in words.open_start for t in tokens[:1])
    if opened and not any(t.kind == "sep" for t in rest):
        return True
    if [t.text for t in rest] == ["-"]:
        return True
    said = phrase_lemmas(" ".join(t.text for t in rest if t.kind in {"word", "sep", "lead"}))
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
    outside = tokenize(REMARK.sub(" ", folded))
    if any(t.kind in {"date", "daymonth", "monthyear", "month", "part"} for t in outside):
        return None
    read = [p for p in (parse_dates(m.group()[1:-1], period) for m in REMARK.finditer(folded)) if p.start]
    return read[0] if len(read) == 1 else None


def _read_points(tokens: Sequence[Token], position: int) -> tuple[list[_Point], int]:
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


def _days_of_month(tokens: Sequence[Token], position: int, month: _Point) -> tuple[list[_Point], int] | None:
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


def _listed_point(tokens: Sequence[Token], position: int, before: _Point) -> tuple[_Point | None, int]:
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


def _read_point(tokens: Sequence[Token], position: int) -> tuple[_Point | None, int]:
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


def _read_year(tokens: Sequence[Token], position: int) -> tuple[int | None, int]:
    """An optional four-digit year (with its "года"/"г.") at `position`, after a comma or not
    («12 мая, 2024 г.»)."""
    if position + 1 < len(tokens) and tokens[position].text == "," and _is_year(tokens[position + 1]):
        position += 1
    if position < len(tokens) and _is_year(tokens[position]):
        return full_year(tokens[position].text), _skip_year_word(tokens, position + 1)
    if (
        position + 1 < len(tokens)
        and tokens[position].kind == "num"
        and len(tokens[position].text) == 2
        and tokens[position + 1].kind == "yearword"
    ):
        return full_year(tokens[position].text), position + 2  # «5 апреля 25 г.»
    return None, position


def _is_year(token: Token | None) -> bool:
    """Whether a token is written like a year: four digits."""
    return token is not None and token.kind == "num" and len(token.text) == 4


def _skip_year_word(tokens: Sequence[Token], position: int) -> int:
    """The position after an optional "года"/"г." following a year."""
    if position < len(tokens) and tokens[position].kind == "yearword":
        return position + 1
    return position


def _check_rest(rest: Sequence[Token]) -> None:
    """Accept remarks after the date ("(г. Полоцк)") but not digits or dates left unread."""
    if rest and rest[0].kind in {"num", "date", "daymonth", "monthyear"}:
        raise _Unreadable(f"после даты непонятное число «{rest[0].text}»")
    unread = [t.text for t in rest if t.kind in {"month", "date", "daymonth", "monthyear"}]
    if unread:
        raise _Unreadable(f"после даты ещё дата, не прочитанная целиком: «{unread[0]}»")


# The notes of a cell in which no date starts where one should: they say no more than that the date
# was not read (the other notes say what is wrong: an impossible day, an end before the start, ...).
NO_DATE_NOTES = ("нет даты", "не распознана дата")


def _why_no_date(tokens: Sequence[Token]) -> str:
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
