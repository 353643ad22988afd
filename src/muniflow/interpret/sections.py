"""Heading rows and paragraphs: a municipality, a month, totals and notes, or nothing of these."""

from __future__ import annotations

import re
from collections.abc import Sequence

from muniflow.interpret.header_words import lemma, words
from muniflow.interpret.imprint import without_imprint
from muniflow.interpret.muni_vocabulary import vocabulary
from muniflow.interpret.municipality import misspelt_name, municipality_name
from muniflow.interpret.nil import municipality_in_text
from muniflow.interpret.period import find_period
from muniflow.interpret.title import parse_region, region_source
from muniflow.morph import analyzer
from muniflow.normalize.date_words import vocabulary as date_vocabulary
from muniflow.normalize.text import fold

MUNICIPALITY = "municipality"
MONTH = "month"
TOTALS = "totals"
OTHER = "other"
SETTLEMENT = "settlement"  # a district's settlement heading its events in the district's own report
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
    if is_totals(text, skip_words) or _FOOTNOTE.match(fold(text)):
        return TOTALS
    spanning = merged and not municipality_column
    if municipality_name(text, bare=spanning) is not None:
        return MUNICIPALITY
    if spanning and misspelt_name(text) is not None:
        # a name a clerk misspelt («Козельскии район») still heads the rows under it: skipped as a
        # note, they were silently the municipality's above
        return MUNICIPALITY
    return TOTALS if spanning and not reads_as_event(text) else OTHER


# A footnote's text under the table, opening with its mark («* — проведено онлайн», «¹ По данным …»).
_FOOTNOTE = re.compile(r"[*¹²³]+(?:\s|[-–—)])")

# A note is short: a row across the table longer than this that writes a date is an event whose
# cells a reader ran together, never skipped silently.
_NOTE_MAX_WORDS = 8
_DAY_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d{1,2}\s+[а-яё]+\s+\d{4}\b", re.IGNORECASE)


def reads_as_event(text: str) -> bool:
    """A one-cell row that is an event's cells run together: many words and a day's date."""
    return len(text.split()) > _NOTE_MAX_WORDS and _DAY_DATE.search(text) is not None


_LETTERS = re.compile(r"[^\W\d_]+")


def is_theme(text: str) -> bool:
    """A heading of common words only («Культура», «Образование и наука», «Спортивные
    мероприятия»), a theme's: no word a place's name to pymorphy3 (Geox), a person's, or one it
    does not know («Северск», «Великий Новгород», «Йошкар-Ола» are places)."""
    words = _LETTERS.findall(text)
    if not words:
        return False
    for word in words:
        parses = analyzer().parse(word.lower())
        if not any(p.is_known for p in parses) or any(
            {"Geox", "Name", "Surn"} & p.tag.grammemes for p in parses
        ):
            return False
    return True


def settlement_of(heading: str, district: str, own_report: bool = True) -> bool:
    """Whether a heading of a district's own report (`district`: the canonical name its title
    gives, ending with a kind that holds settlements, «Печорский район») names one of its
    settlements: a settlement's kind («Изборская волость», «городское поселение Печоры»), or the
    town the district is named after («город Зеленодольск» in «Зеленодольский муниципальный
    район»). In a region's report (not `own_report`: `district` is the heading above) only a
    settlement's kind does: a town beside the district named after it is a city of its own."""
    kinds = vocabulary()
    name = municipality_name(heading) or ""
    own = tuple(district.split())
    if not name or not any(len(own) > len(p) and own[-len(p) :] == p for p in kinds.district_kinds):
        return False
    words = tuple(name.split())
    # the name as written too: a kind the canonical name drops («Городское поселение «Рабочий
    # поселок Энский»» -> «рабочий поселок Энский»)
    written = tuple(_LETTERS.findall(fold(heading).lower().replace("ё", "е")))
    settled = tuple(tuple(w.replace("ё", "е") for w in p) for p in kinds.settlement_kinds)
    for spelled in (tuple(w.lower().replace("ё", "е") for w in words), written):
        if any(len(spelled) > len(p) and p in (spelled[: len(p)], spelled[-len(p) :]) for p in settled):
            return True
    if not own_report or len(words) != 2 or words[0] not in kinds.settlement_nouns:
        return False
    town = words[-1].lower().replace("ё", "е")
    stem = own[0].lower().replace("ё", "е")[:-2]  # «зеленодольск|ий», «печорск|ий»
    return len(stem) >= 4 and (town.startswith(stem) or stem.startswith(town))


# A heading naming a body of the region is a few words.
_BODY_MAX_WORDS = 12
_NUMBERED = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6})[.)]\s*")


def region_body(text: str) -> str | None:
    """The region (nominative) a heading names a body of, as a region's report heads the events its
    own ministries held among its municipalities' («Министерство культуры Республики Татарстан»,
    «Органы исполнительной власти Амурской области»): a noun in the nominative, words, and the
    region closing it; None for anything else. A title («Информация о мероприятиях …», one naming a
    period) and a name of the region in other words («муниципальных образований … области») are none."""
    flat = _NUMBERED.sub("", " ".join(fold(text).split()))  # «1. Министерство …»
    if not flat or len(flat.split()) > _BODY_MAX_WORDS or find_period(flat).period is not None:
        return None
    if municipality_in_text(flat):  # «Администрация Велижского района Смоленской области»
        return None
    region = parse_region(flat)
    words = region_source(flat)
    at = flat.rfind(words) if words else -1
    if region is None or at <= 0 or flat[at + len(words) :].strip(" .,:;"):
        return None
    before = flat[:at].split()
    if any(w.lower() in {"о", "об"} for w in before):  # a title tells about something
        return None
    first = analyzer().parse(before[0].lower())
    if not any(p.tag.POS == "NOUN" and "nomn" in p.tag for p in first):
        return None
    return region


def is_totals(text: str, skip_words: Sequence[str]) -> bool:
    """A totals or notes line («Итого: 5 мероприятий», «Примечание: …»): skipped."""
    first = words(text)[:1]
    return bool(first) and lemma(first[0]) in {lemma(w) for w in skip_words}


CAPTION_NAME_WORDS = 8  # a caption's last line longer than this is a title, not a heading


def caption_name(caption: str) -> str:
    """The municipality the caption's last line names inside other words, when it is a short
    heading (not a title: a title names its municipality as the report's, `title_muni`)."""
    lines = [x for x in caption.splitlines() if fold(x)]
    if not lines or len(fold(lines[-1]).split()) > CAPTION_NAME_WORDS:
        return ""
    return municipality_in_text(lines[-1])


# A municipality's heading may have up to this many lines of a theme under it, each of at most
# this many words («Культурные мероприятия», «Образование и наука»).
_THEME_LINES = 2
_THEME_WORDS = 5


def caption_municipality(caption: str) -> str | None:
    """The municipality a paragraph above a table names: its last lines when they are a
    municipality's name (a heading may be broken over lines), as written; None when they are not.
    A month heading under the municipality's («Апрель:») is no part of its name, nor a theme's
    short heading under it («Культурные мероприятия»), nor a cover page's imprint
    («г. Энск, 2025»: where the report was printed, interpret/imprint.py)."""
    lines = [x for x in without_imprint(caption).splitlines() if fold(x)]  # «г. Энск, 2025»: no heading
    while lines and month_of(lines[-1]) is not None:
        lines.pop()
    for theme in range(_THEME_LINES + 1):
        # a theme's heading under the municipality's («I. Город Калуга» / «Культурные мероприятия»)
        if theme and (len(lines) <= theme or len(fold(lines[-theme]).split()) > _THEME_WORDS):
            break
        if not theme and len(lines) > 1 and _theme_line(lines[-1]) and _last_lines_name(lines[:-1]):
            continue  # «Город Энск» / «Культура»: a city's name ends on its line, the theme is no part of it
        found = _last_lines_name(lines[: len(lines) - theme])
        if found is not None:
            return found
    return None


def _theme_line(line: str) -> bool:
    """A line that is a theme's short heading, its number aside («Культура», «2. Спорт»)."""
    words = _NUMBERED.sub("", fold(line))
    return 0 < len(words.split()) <= _THEME_WORDS and is_theme(words)


def _last_lines_name(lines: list[str]) -> str | None:
    found = None
    for k in range(len(lines) - 1, max(-1, len(lines) - 1 - _HEADING_LINES), -1):
        text = "\n".join(lines[k:])
        if month_of(text) is None and len(fold(text)) <= 160 and municipality_name(text) is not None:
            found = text
    if found is None and lines and _bare_place(lines[-1]):
        found = lines[-1]  # «Великий Новгород» alone under the report's title: its first heading
    return found


# A place's bare name standing as a heading is a few words.
_BARE_NAME_WORDS = 3


def _bare_place(line: str) -> bool:
    """A line that is only a place's name, no kind word («Великий Новгород», «Северск»): a name
    pymorphy3 knows as a place or a name it does not know, never common words («Информация»)."""
    return (
        len(fold(line).split()) <= _BARE_NAME_WORDS
        and municipality_name(line, bare=True) is not None
        and not is_theme(line)
    )


# A heading across the table is a few words.
_ACROSS_MAX_WORDS = 8
# A place's name opening a garbled heading is a word this long at least: a short word OCR made of
# noise is a place's name to the dictionary too often («Кии»).
_PLACE_MIN_LETTERS = 5


def names_a_place(text: str) -> bool:
    """Whether a line across a scan's table that reads as no municipality's name (OCR garbled it:
    «Городской округ город Энс›к», «Энский 5 мцнпальный округ») still heads one: a few words, no
    date or count, holding a municipality's kind noun as a word («округ», «район», `kind_nouns`),
    opening with a kind before a name («городской округ …»), closing with one after it, or
    opening with a place pymorphy3 knows (Geox: «Энскгорск гпдкой окрг»); never a region's name
    or a totals line."""
    flat = _NUMBERED.sub("", " ".join(fold(text).split()))
    words = _LETTERS.findall(flat)
    if not words or len(flat.split()) > _ACROSS_MAX_WORDS or re.search(r"\d\d", flat) or reads_as_event(flat):
        return False
    if parse_region(flat) is not None:
        return False
    low = tuple(w.lower().replace("ё", "е") for w in words)
    kinds = vocabulary()
    if len(low) > 1 and set(low) & kinds.kind_nouns:
        return True
    if any(len(low) > len(k) and low[: len(k)] == k for k in kinds.kinds_before_name):
        return True
    if any(len(low) > len(k) and low[-len(k) :] == k for k in kinds.kinds_after_name):
        return True
    first = words[0]
    return (
        first[:1].isupper()
        and len(first) >= _PLACE_MIN_LETTERS
        and any("Geox" in p.tag for p in analyzer().parse(first.lower()) if p.is_known)
    )
