"""What a column's cells show, for typing it where no header names it: the share of its cells that
read as dates, name people, places or municipalities, count people, say what was done; an
ascending № run; a row of column numbers."""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable, Sequence

from muniflow.enrich.countries import find_countries
from muniflow.enrich.event_format import ONLINE, event_format
from muniflow.enrich.places import find_places
from muniflow.interpret.combined import split_date_place
from muniflow.interpret.header_rows import is_column_numbers
from muniflow.interpret.muni_wrapping import split_run_in_kinds
from muniflow.interpret.sections import caption_municipality, month_of
from muniflow.model import Cell, Period, RawRow
from muniflow.morph import analyzer
from muniflow.normalize.dates import parse_dates
from muniflow.normalize.text import fold, seq_number

# A word a municipality's name holds in the singular («городов-побратимов» names no municipality).
_NAME_WORD = re.compile(
    r"(?<!\w)(?:район[а-я]?|округ[а-я]?|город[а-я]?|городск[а-я]+|поселени[а-я]|администраци[а-я]"
    r"|муниципальн[а-я]+|г\.|МО)(?![\w-])",
    re.IGNORECASE,
)
# A municipality's name is a few words («Администрация Сосновоборского муниципального округа»).
NAME_MAX_WORDS = 8
# How many first words of a cell a noun naming people is looked for in.
FIRST_WORDS = 4
# «45 человек», «12 чел.», «30 участников»
_PEOPLE_COUNT = re.compile(r"\d+\s*(?:чел|человек|участник|делегат)", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+")
# Rows looked at when typing a column by its content.
SAMPLE_ROWS = 40

# A column of kinds, not of events' names («фестиваль», «очная»): at most this share of its cells
# distinct, each of at most this many words (median).
KIND_DISTINCT_SHARE = 0.5
KIND_MAX_WORDS = 3


def column_cells(body: Sequence[RawRow], index: int) -> list[str]:
    cells = []
    for row in body[:SAMPLE_ROWS]:
        text = row.cells[index] if index < len(row.cells) else None
        if text is not None and fold(text):
            cells.append(text)
    return cells


def event_rows(body: Sequence[RawRow]) -> list[RawRow]:
    """Rows that read like events (three cells or more filled), not headings or notes."""
    return [r for r in body[:SAMPLE_ROWS] if sum(1 for c in r.cells if c is not None and fold(c)) >= 3]


def numbered_run(numbers: Sequence[int]) -> bool:
    """A № run: each number one more than the one before, or 1 again (one run per section); a
    column of counts (5, 12, 30) is not one."""
    return bool(numbers) and all(b in (a + 1, 1) for a, b in itertools.pairwise(numbers))


def names_kinds(cells: Sequence[str]) -> bool:
    """Cells that name kinds, not events: few distinct values, each of a few words."""
    distinct = len({c.lower() for c in cells})
    return (
        distinct <= KIND_DISTINCT_SHARE * len(cells)
        and statistics.median(len(_WORDS.findall(c)) for c in cells) <= KIND_MAX_WORDS
    )


def column_numbers(cells: Sequence[Cell]) -> bool:
    """A row of column numbers (1 2 3 …), its cells numbered left to right."""
    numbers = [seq_number(c or "") for c in cells if c is not None and fold(c)]
    return (
        len(numbers) >= 3 and all(n is not None for n in numbers) and numbered_run([n or 0 for n in numbers])
    )


def reads_as_name(text: str) -> bool:
    """A cell that reads like a municipality's name: short, no digits or lists, municipal words
    (also where a line join ran a name into its kind: «Энскогорайона»)."""
    flat = split_run_in_kinds(fold(text))
    return (
        len(flat.split()) <= NAME_MAX_WORDS
        and not any(ch.isdigit() or ch in ",;" for ch in flat)
        and caption_municipality(flat) is not None
        and _NAME_WORD.search(flat) is not None
    )


def names_place(text: str) -> bool:
    """A cell that names where an event was: a settlement or an area, a country, or a remote format
    (the contract's vocabularies: contracts/enrichment.yaml, CLDR and ISO country names), and
    counts no people."""
    if _PEOPLE_COUNT.search(text):  # «Делегация г. Гюмри (12 человек)»: who came, from where
        return False
    return bool(find_places(text) or find_countries(text) or event_format(text).format == ONLINE)


def body_events(body: Sequence[RawRow]) -> list[RawRow]:
    """The event rows, a row of column numbers left out."""
    return [r for r in event_rows(body) if not is_column_numbers(r.cells)]


def body_cells(body: Sequence[RawRow], index: int) -> list[str]:
    """A column's filled cells in the event rows, a row of column numbers left out."""
    return [fold(c) for c in column_cells(body_events(body), index)]


def _names_people(text: str) -> bool:
    """A cell that says who took part: a count of people («делегация (14 человек)»), or a noun
    naming people among its first words («Представители…», «Учащиеся и педагоги…»; a person's
    name is none)."""
    if _PEOPLE_COUNT.search(text):
        return True
    for word in _WORDS.findall(text)[:FIRST_WORDS]:
        tag = analyzer().parse(word)[0].tag
        if tag.POS == "NOUN" and "anim" in tag and not {"Name", "Surn", "Patr"} & tag.grammemes:
            return True
    return False


def _share(body: Sequence[RawRow], index: int, test: Callable[[str], bool]) -> float:
    """Share of a column's filled cells in the event rows that pass `test` (0 with none)."""
    cells = body_cells(body, index)
    return sum(1 for c in cells if test(c)) / len(cells) if cells else 0.0


def people_share(body: Sequence[RawRow], index: int) -> float:
    """Share of a column's cells naming people."""
    return _share(body, index, _names_people)


def counted_share(body: Sequence[RawRow], index: int) -> float:
    """Share of a column's cells counting people («45 человек»)."""
    return _share(body, index, lambda c: _PEOPLE_COUNT.search(c) is not None)


def date_cells(body: Sequence[RawRow], index: int, period: Period | None) -> tuple[list[str], list[str]]:
    """A column's filled cells and those that read as dates; under a month heading («В июле») a day
    or a day range («3–4») reads with that month, as the rows below it are read."""
    cells: list[str] = []
    read: list[str] = []
    month: int | None = None
    for row in body[:SAMPLE_ROWS]:
        filled = [c for c in row.cells if c is not None and fold(c)]
        if len(filled) == 1 and month_of(filled[0]) is not None:
            month = month_of(filled[0])
            continue
        text = row.cells[index] if index < len(row.cells) else None
        if text is None or not fold(text):
            continue
        cells.append(text)
        day_only = f"{fold(text).rstrip('.')}.{month:02d}" if month else ""
        if parse_dates(text, period).note is None or (
            day_only and parse_dates(day_only, period).note is None
        ):
            read.append(text)
    return cells, read


def is_seq_run(body: Sequence[RawRow], index: int) -> bool:
    """Whether a column holds a № run (1, 2, 3 would read as days under a month heading)."""
    numbers = [seq_number(c) for c in column_cells(event_rows(body), index)]
    run = [n for n in numbers if n is not None]
    return len(run) >= 2 and len(run) == len(numbers) and numbered_run(run)


_QUOTED = re.compile(r"[«\"“„].{2,}?[»\"”“]")


_VERBAL = frozenset({"VERB", "INFN", "PRTS", "GRND"})


def named_share(body: Sequence[RawRow], index: int) -> float:
    """Share of a column's cells naming something in quotes («Тверские узоры»)."""
    return _share(body, index, lambda c: _QUOTED.search(c) is not None)


def verbal_share(body: Sequence[RawRow], index: int) -> float:
    """Share of a column's cells saying what was done: a verb, a short participle or a gerund
    («Подписано соглашение», «достигнута договорённость»), as a goal or result says."""
    return _share(
        body,
        index,
        lambda c: any(analyzer().parse(w)[0].tag.POS in _VERBAL for w in _WORDS.findall(c.lower())),
    )


def opens_with_place(text: str) -> bool:
    """A cell that opens with a place (a settlement, an area, a country: a mention starting in its
    first word) or names a remote format, and counts no people, as a place cell does; a title or
    the guests mention one further on («Визит делегации г. Оша», «Делегация г. Гянджи»)."""
    if _PEOPLE_COUNT.search(text):
        return False
    if event_format(text).format == ONLINE:
        return True
    first = len(text) - len(text.lstrip()) + len((text.split() or [""])[0])
    return any(m.start <= first for m in find_places(text)) or any(
        m.start <= first for m in find_countries(text)
    )


def event_cell(text: str, period: Period | None) -> bool:
    """A cell only an event row holds: a date (alone or by a place), or a № («1», «2.»)."""
    return (
        parse_dates(text, period).start is not None
        or split_date_place(text, period) is not None
        or seq_number(text) is not None
    )
