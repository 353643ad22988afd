"""A combined cell ("Место и сроки проведения") split into its date and its place.

The date is the run of date words (numbers, month names, «года», «с … по …») at the start or the
end of the cell, or a whole line of it; what is left is the place. The date grammar
(normalize.dates) must read the run, else nothing is split and the date rule flags the row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from muniflow.model import Period
from muniflow.normalize.date_tokens import MINUTES
from muniflow.normalize.date_words import vocabulary
from muniflow.normalize.dates import parse_dates

_NUMERIC = re.compile(r"^[-–—]?\d{1,4}(?:[.\-–—/]\d{1,4}){0,5}[.\-–—]?(?:г|гг)?$")
_DASH = re.compile(r"^[-–—]+$")
# A time of day («11:00», «10:00-12:00», «16.00»: minutes no month can be, as the date grammar reads
# them): a remark the date grammar leaves out, kept with the date.
_CLOCK = rf"\d{{1,2}}(?::\d{{2}}|\.{MINUTES})"
_TIME = re.compile(rf"^{_CLOCK}(?:[-–—]{_CLOCK})?$")
_EDGE = " \t,;:-–—"


def _key(word: str) -> str:
    """A word as the date vocabulary is keyed: lower case, ё as е, no abbreviation dot."""
    return word.lower().replace("ё", "е").rstrip(".")


def _bare(token: str) -> str:
    return token.strip(',;:()«»"')


def _kind(token: str, previous: str | None, following: str | None) -> str | None:
    """What a token is in a date ('num', 'month', 'year', 'sep', 'lead'), or None when not a date word."""
    bare = _bare(token)
    if previous is not None and _bare(previous) == "№":
        return None  # «школа № 2»: a number after № is not a day
    if not bare or _DASH.match(bare):
        return "sep"
    if _TIME.match(bare):
        return "time"
    if previous is not None and _TIME.match(_bare(previous)) and _key(bare) in vocabulary().hour_words:
        return "time"  # «в 16.00 ч.»
    if following is not None and _TIME.match(_bare(following)) and _key(bare) in {"в", "с", "до"}:
        return "sep"  # «… 11.05.2025 в 11:00»
    if _NUMERIC.match(bare):
        return "num"
    words = vocabulary()
    key = _key(bare)
    if key in words.months:
        return "month"
    if key in words.year_words:
        # "г." after a year is «года»; "г. Смоленск" is a town.
        after_year = previous is not None and re.fullmatch(r"\d{4}", _bare(previous)) is not None
        # «2024 г., Ярославово Дворище»: a comma after «г.» ends the date; no town is named by it
        town_follows = (
            key == "г"
            and not token.endswith((",", ";"))
            and following is not None
            and following[:1].isupper()
        )
        return "year" if after_year and not town_follows else None
    if key in words.separators:
        return "sep"
    if key in words.weekdays:
        return "weekday"  # «17.09.2025 (среда)»: closes a date as well as it opens one
    if key in words.lead_words:
        return "lead"
    return None


def _run(tokens: list[re.Match[str]], reverse: bool) -> int:
    """How many tokens from the start (or from the end) are date words."""
    texts = [t.group() for t in tokens]
    order = range(len(texts) - 1, -1, -1) if reverse else range(len(texts))
    count = 0
    timed = False
    for i in order:
        previous = texts[i - 1] if i > 0 else None
        following = texts[i + 1] if i + 1 < len(texts) else None
        kind = _kind(texts[i], previous, following)
        if kind is None:
            break
        if (
            not reverse
            and count
            and texts[i - 1].endswith((",", ";"))
            and kind not in {"num", "month", "time", "weekday"}
        ):
            break
        if reverse and count and texts[i].endswith((",", ";")) and not timed:
            break  # «…, школа № 2, 18–19 апреля»: the comma parts the place from the date
        timed = kind in {"time", "sep"} and (timed or not count)  # only a time so far, from the end
        count += 1
    return count


def _reads(text: str, period: Period | None) -> bool:
    return bool(text.strip()) and parse_dates(text, period).note is None


def split_date_place(text: str, period: Period | None) -> tuple[str, str] | None:
    """(date, place) of a combined cell, or None when no date can be told apart from the place.

    The cell is read as one line first (a narrow column wraps a date over lines); a whole line of
    date words is tried after that («Дом культуры» over «с 3 по 5 мая»).
    """
    return _split_run(" ".join(text.split()), period) or _split_lines(text, period)


def _split_lines(text: str, period: Period | None) -> tuple[str, str] | None:
    lines = [line for line in text.splitlines() if line.strip()]
    for i, line in enumerate(lines if len(lines) > 1 else ()):
        tokens = list(re.finditer(r"\S+", line))
        if tokens and _run(tokens, False) == len(tokens) and _reads(line, period):
            rest = [other for j, other in enumerate(lines) if j != i]
            return line.strip(_EDGE), "\n".join(rest).strip(_EDGE)
    return None


def _split_run(flat: str, period: Period | None) -> tuple[str, str] | None:
    tokens = list(re.finditer(r"\S+", flat))
    if not tokens:
        return None
    for reverse in (False, True):
        count = _run(tokens, reverse)
        # A run ending in a separator or a lead word has left part of itself in the place.
        while count:
            part = tokens[-count:] if reverse else tokens[:count]
            edge = part[0] if reverse else part[-1]
            # «с 12 по 15 мая» keeps its «с»; a date that ends in «по» or a dash is cut short.
            if _kind(edge.group(), None, None) in ({"sep"} if reverse else {"sep", "lead"}):
                count -= 1
                continue
            break
        if not count or count == len(tokens):
            continue
        if reverse:
            cut = tokens[-count].start()
            date, place = flat[cut:], flat[:cut]
        else:
            cut = tokens[count - 1].end()
            date, place = flat[:cut], flat[cut:]
        date, place = date.strip(_EDGE), place.strip(_EDGE)
        if place and _reads(date, period):
            return date, place
    return None


def date_run(flat: str) -> tuple[str, int, int] | None:
    """(date, start, end) of the dates a line of text opens or closes with, else of the first run of
    date words inside it that reads as dates and names a month («… 5 июня 2024 года проведена …»);
    None when it names none. Read with no period: the year must be written or the month named."""
    split = _split_run(flat, None)
    if split is not None:
        date = split[0]
        start = 0 if flat.startswith(date) else flat.rindex(date)
        return date, start, start + len(date)
    tokens = list(re.finditer(r"\S+", flat))
    for i in range(len(tokens)):
        count = _run(tokens[i:], False)
        while count and _kind(tokens[i + count - 1].group(), None, None) in {"sep", "lead"}:
            count -= 1
        if not count:
            continue
        part = tokens[i : i + count]
        start, end = part[0].start(), part[-1].end()
        if flat[start] == "(" and ")" not in flat[start:end]:
            start += 1  # the bracket opens the dates and what follows them («(12–13 мая 2025 г., г. Х)»)
        date = flat[start:end].strip(_EDGE)
        named = any(_kind(t.group(), None, None) == "month" for t in part) or re.search(
            r"\d\.\d{1,2}\.\d", date
        )
        if named and _reads(date, None):
            return date, start, end
    return None


# A word of two letters or more: one standing before a place's name makes it no opening place.
_WORD_BEFORE = re.compile(r"[^\W\d_]{2,}")


def _closing_brackets(flat: str) -> tuple[int, str] | None:
    """(where it opens, what it holds) of the brackets closing a text, brackets inside them kept
    («… (г. Витебск (Республика Беларусь))»); None when the text does not end with a bracket or
    its brackets do not pair."""
    end = len(flat.rstrip())
    if not flat[:end].endswith(")"):
        return None
    depth = 0
    for at in range(end - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(flat[at], 0)
        if depth == 0:
            return at, flat[at + 1 : end - 1].strip()
    return None


def split_title_place(text: str) -> tuple[str, str] | None:
    """(title, place) of a cell a header names both of («Наименование мероприятия, место
    проведения»; «Наименование мероприятия (место проведения)»), or None when no place can be told
    apart: the brackets closing the cell when they open with a place or name a remote format
    («(онлайн)»), else from the last settlement written in the nominative after its kind
    («… «Калужская гармонь» г. Калуга, Губернский парк»; «делегации г. Гомеля» is the title's)."""
    from muniflow.enrich.event_format import ONLINE, event_format
    from muniflow.enrich.places import find_places

    flat = " ".join(text.split())
    brackets = _closing_brackets(flat)
    if brackets and flat[: brackets[0]].strip():
        at, inner = brackets
        # opening with a place: no word before it but a letter of its kind («р.п. Н»: «п. Н» found)
        opening = [m for m in find_places(inner) if not _WORD_BEFORE.search(inner[: m.start])]
        if opening or event_format(inner).format == ONLINE:
            return flat[:at].strip(_EDGE), inner
    standalone = [
        m
        for m in find_places(flat)
        if m.kind == "locality"
        and m.start > 0
        and flat[m.start : m.end].endswith(m.name)
        and flat[m.start : m.end] != m.name  # a kind word before it: «г. Калуга»
    ]
    if standalone and flat[: standalone[-1].start].strip(_EDGE):
        at = standalone[-1].start
        return flat[:at].strip(_EDGE), flat[at:].strip(_EDGE)
    return None


# An abbreviation's dot closing a title («… ул. Ленина, д.»): kept, not a sentence's end.
_ABBREVIATION_END = re.compile(r"\b[а-яё]{1,3}\.$")


def split_title_goal(text: str, synonyms: Mapping[str, Sequence[str]]) -> tuple[str, str, str] | None:
    """(title, goal, the goal's label) of a cell a header names both of («Наименование и цель
    мероприятия»): the goal
    is what follows the first label after the title that the header synonyms tie to the goal
    («Цель: …», «Задачи мероприятия: …», a capitalised phrase before a colon opening a sentence or
    a line, as a letter's items label their parts); None when no such label follows the title."""
    from muniflow.readers.listed_labels import LABEL, column_of

    for match in LABEL.finditer(text):
        label = match.group(1)
        if not label or not text[: match.start(1)].strip() or column_of(label, synonyms) != "goal":
            continue
        title = text[: match.start(1)].strip().rstrip(";,").strip()
        if title.endswith(".") and not title.endswith("..") and not _ABBREVIATION_END.search(title):
            title = title[:-1].rstrip()
        return title, text[match.end() :].strip(), label
    return None


def goal_out_of_title(title: str, goal: str, synonyms: Mapping[str, Sequence[str]]) -> tuple[str, str] | None:
    """(title, goal) of a title cell that goes on with the event's goal after a label the header
    synonyms tie to it, opening a sentence or a line («Форум «…». Цель: обмен опытом»), whatever its
    column's header: the label names the part as a header would. The goal cell's own text follows
    the moved part, which keeps its label; None when the cell holds no such label."""
    named = split_title_goal(title, synonyms)
    if named is None or not named[1].strip():
        return None
    head, said, label = named
    if not " ".join(goal.split()):
        return head, said
    return head, f"{label}: {said}; {goal}"
