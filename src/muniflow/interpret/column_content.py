"""Columns typed by their cells, where a table's header does not name them.

A required column (the dates, the title, the №) is typed when the header names at least three
others; the №, the municipality, the place, the participants and the goal of an events table when
no header cell names them: an ascending run, municipality names grouping the rows, short names of
places, people counted or named, long texts. Each shows in the reading as `content` evidence, with
what the cells showed.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import replace

from muniflow.enrich.countries import find_countries
from muniflow.enrich.event_format import ONLINE, event_format
from muniflow.enrich.places import find_places
from muniflow.interpret.columns import group_label
from muniflow.interpret.combined import split_date_place
from muniflow.interpret.header_rows import HeaderFound, is_column_numbers
from muniflow.interpret.municipality import split_run_in_kinds
from muniflow.interpret.reading import CONTENT, ColumnMatch
from muniflow.interpret.sections import caption_municipality, month_of
from muniflow.model import Cell, Period, RawRow
from muniflow.morph import analyzer
from muniflow.normalize.dates import parse_dates
from muniflow.normalize.text import fold, seq_number

# Share of a column's filled cells that must parse as dates for it to be the date column.
DATE_SHARE = 0.6
# Share of a column's filled cells that must read as municipality names for it to be that column.
MUNICIPALITY_SHARE = 0.8
# A word a municipality's name holds in the singular («городов-побратимов» names no municipality).
_NAME_WORD = re.compile(
    r"(?<!\w)(?:район[а-я]?|округ[а-я]?|город[а-я]?|городск[а-я]+|поселени[а-я]|администраци[а-я]"
    r"|муниципальн[а-я]+|г\.|МО)(?![\w-])",
    re.IGNORECASE,
)
# A municipality's name is a few words («Администрация Сосновоборского муниципального округа»).
NAME_MAX_WORDS = 8
# Share of a column's short cells that must name a place (settlement, area, country, online) for it
# to be the place column, and the most words (median) a place cell holds.
PLACE_SHARE = 0.6
PLACE_MAX_WORDS = 10
# Share of a column's cells that must name people for it to be the participants column, and how
# many first words of a cell a noun naming people is looked for in.
PEOPLE_SHARE = 0.6
FIRST_WORDS = 4
# The goal column: filled in this share of the event rows, texts this long on average.
GOAL_FILLED = 0.5
GOAL_MIN_CHARS = 30
# «45 человек», «12 чел.», «30 участников»
_PEOPLE_COUNT = re.compile(r"\d+\s*(?:чел|человек|участник|делегат)", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+")
# Rows looked at when typing a column by its content.
SAMPLE_ROWS = 40


def _column_cells(body: Sequence[RawRow], index: int) -> list[str]:
    cells = []
    for row in body[:SAMPLE_ROWS]:
        text = row.cells[index] if index < len(row.cells) else None
        if text is not None and fold(text):
            cells.append(text)
    return cells


def _event_rows(body: Sequence[RawRow]) -> list[RawRow]:
    """Rows that read like events (three cells or more filled), not headings or notes."""
    return [r for r in body[:SAMPLE_ROWS] if sum(1 for c in r.cells if c is not None and fold(c)) >= 3]


def _numbering(numbers: Sequence[int]) -> bool:
    """A № run: each number one more than the one before, or 1 again (one run per section); a
    column of counts (5, 12, 30) is not one."""
    return bool(numbers) and all(b in (a + 1, 1) for a, b in itertools.pairwise(numbers))


def _seq_column(body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]) -> ColumnMatch | None:
    """The № column typed by content: in every event row a whole number, the numbers an ascending
    run or one run per section. Else (a scan whose columns came from gutters merges some of an
    event's cells, so it has fewer cells filled) the column's numbers in every row holding text
    besides, row of column numbers aside: an ascending run, in at least half the event rows, and
    the column holding no other text."""
    events = _event_rows(body)
    for i in free:
        numbers = [seq_number(c) for c in _column_cells(events, i)]
        run = [n for n in numbers if n is not None]
        if len(run) >= 2 and len(run) == len(numbers) and len(run) >= len(events) // 2 and _numbering(run):
            return ColumnMatch("seq_no", i, labels[i], CONTENT, "an ascending number run", 1.0)
    texted = [
        r
        for r in body[:SAMPLE_ROWS]
        if sum(1 for c in r.cells if c is not None and fold(c)) >= 2 and not _column_numbers(r.cells)
    ]
    for i in free:
        cells = [fold(c) for c in _column_cells(texted, i) if fold(c)]
        run = [n for n in (seq_number(c) for c in cells) if n is not None]
        if len(run) >= 2 and len(run) == len(cells) and len(run) >= len(events) // 2 and _numbering(run):
            return ColumnMatch("seq_no", i, labels[i], CONTENT, "an ascending number run", 1.0)
    return None


def _column_numbers(cells: Sequence[Cell]) -> bool:
    """A row of column numbers (1 2 3 …), its cells numbered left to right."""
    numbers = [seq_number(c or "") for c in cells if c is not None and fold(c)]
    return len(numbers) >= 3 and all(n is not None for n in numbers) and _numbering([n or 0 for n in numbers])


def typed_by_content(found: HeaderFound, body: Sequence[RawRow], period: Period | None) -> HeaderFound:
    """An events table whose header names no №, municipality, place, participants or goal column:
    an unmapped column whose cells hold the № run, municipality names grouping the rows, short
    names of places, people (counted, or a first noun naming people) or long texts is that column
    (its header being a mark, an abbreviation or a wording the vocabulary does not know). An unmapped
    column of dates beside the date column is the other end of its range."""
    matches = list(found.matches)
    taken = {m.index for m in matches}
    free = [i for i in range(len(found.labels)) if i not in taken]
    for end in _unlabelled_dates(found, body, free, period):
        matches.append(end)
        free.remove(end.index)
    if "seq_no" not in found.columns:
        seq = _seq_column(body, free, found.labels)
        if seq is not None:
            matches.append(seq)
            free.remove(seq.index)
    if "municipality" not in found.columns:
        muni = _municipality_column(body, free, found.labels)
        if muni is not None:
            matches.append(muni)
            free.remove(muni.index)
    typers = (("place", _place_column), ("participants", _participants_column), ("goal", _goal_column))
    for column, typer in typers:
        if column not in found.columns:
            typed = typer(body, free, found.labels)
            if typed is not None:
                for match in _with_siblings(typed, free, found.labels):
                    matches.append(match)
                    free.remove(match.index)
    if len(matches) == len(found.matches):
        return found
    return replace(found, matches=tuple(sorted(matches, key=lambda m: (m.index, m.column))))


def _reads_as_name(text: str) -> bool:
    """A cell that reads like a municipality's name: short, no digits or lists, municipal words
    (also where a line join ran a name into its kind: «Энскогорайона»)."""
    flat = split_run_in_kinds(fold(text))
    return (
        len(flat.split()) <= NAME_MAX_WORDS
        and not any(ch.isdigit() or ch in ",;" for ch in flat)
        and caption_municipality(flat) is not None
        and _NAME_WORD.search(flat) is not None
    )


def _municipality_column(
    body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]
) -> ColumnMatch | None:
    """The municipality column typed by content: every event row names one or lies under a merged
    cell naming it, most names read as municipalities, and they group the rows (repeated or merged)."""
    events = _event_rows(body)
    for i in free:
        values = [r.cells[i] if i < len(r.cells) else "" for r in events]
        cells = [fold(v) for v in values if v is not None and fold(v)]
        merged = sum(1 for v in values if v is None)
        names = [c for c in cells if _reads_as_name(c)]
        if (
            len(events) >= 2
            and cells
            and len(cells) + merged == len(events)
            and len(names) >= MUNICIPALITY_SHARE * len(cells)
            and len(set(cells)) < len(events)
        ):
            shown = f"{len(names)} of {len(cells)} cells name a municipality"
            return ColumnMatch("municipality", i, labels[i], CONTENT, shown, 1.0)
    return None


def _names_place(text: str) -> bool:
    """A cell that names where an event was: a settlement or an area, a country, or a remote format
    (the contract's vocabularies: contracts/enrichment.yaml, CLDR and ISO country names), and
    counts no people."""
    if _PEOPLE_COUNT.search(text):  # «Делегация г. Гюмри (12 человек)»: who came, from where
        return False
    return bool(find_places(text) or find_countries(text) or event_format(text).format == ONLINE)


def _place_column(body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]) -> ColumnMatch | None:
    """The place column typed by content: of the unmapped columns where most cells name a place,
    the one of the shortest cells (a place, where participants or a goal mention one in a phrase)."""
    found: list[tuple[float, float, int]] = []  # (median words, share naming a place, column)
    for i in free:
        cells = _body_cells(body, i)
        if len(cells) < 2:
            continue
        words = statistics.median(len(c.split()) for c in cells)
        share = sum(1 for c in cells if _names_place(c)) / len(cells)
        if share >= PLACE_SHARE and words <= PLACE_MAX_WORDS:
            found.append((words, share, i))
    if not found:
        return None
    _, share, i = min(found, key=lambda f: (f[0], -f[1]))  # the shortest cells, then the most places
    return ColumnMatch("place", i, labels[i], CONTENT, f"{share:.0%} of its cells name a place", share)


def _unlabelled_dates(
    found: HeaderFound, body: Sequence[RawRow], free: Sequence[int], period: Period | None
) -> list[ColumnMatch]:
    """Unmapped columns beside the date column whose cells read as dates: the start or end of a
    range whose sub-label was lost (a scan's header, a cell the header merged away) or is worded
    as no synonym is."""
    beside = {m.index for m in found.matches if m.column == "date_text"}
    found_dates: list[ColumnMatch] = []
    for i in sorted(free, key=lambda i: min((abs(i - d) for d in beside), default=len(found.labels))):
        if not {i - 1, i + 1} & beside or _is_seq_run(body, i):
            continue
        cells, read = _date_cells(body, i, period)
        if cells and len(read) >= DATE_SHARE * len(cells):
            shown = f"{len(read)} of {len(cells)} cells are dates, beside the date column"
            share = len(read) / len(cells)
            found_dates.append(ColumnMatch("date_text", i, found.labels[i], CONTENT, shown, share))
            beside.add(i)
    return found_dates


def _with_siblings(typed: ColumnMatch, free: Sequence[int], labels: Sequence[str]) -> list[ColumnMatch]:
    """A column typed by content and the unmapped sub-columns of its group header («Кто: от России»
    | «Кто: от иностранных государств»): one field in labelled parts, as when the header names it."""
    group = group_label(labels[typed.index])
    siblings = [i for i in free if i != typed.index and group and group_label(labels[i]) == group]
    return [typed, *(replace(typed, index=i, header=labels[i]) for i in siblings)]


def _body_events(body: Sequence[RawRow]) -> list[RawRow]:
    """The event rows, a row of column numbers left out."""
    return [r for r in _event_rows(body) if not is_column_numbers(r.cells)]


def _body_cells(body: Sequence[RawRow], index: int) -> list[str]:
    """A column's filled cells in the event rows, a row of column numbers left out."""
    return [fold(c) for c in _column_cells(_body_events(body), index)]


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


def _participants_column(
    body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]
) -> ColumnMatch | None:
    """The participants column typed by content: the unmapped column where most cells name people,
    counted ones first (a goal may open with «Участники посетили…» too)."""
    best: tuple[float, float, int] | None = None
    for i in free:
        cells = _body_cells(body, i)
        if len(cells) < 2:
            continue
        share = sum(1 for c in cells if _names_people(c)) / len(cells)
        counted = sum(1 for c in cells if _PEOPLE_COUNT.search(c)) / len(cells)
        if share >= PEOPLE_SHARE and (best is None or (share + counted, share) > best[:2]):
            best = (share + counted, share, i)
    if best is None:
        return None
    _, share, i = best
    return ColumnMatch("participants", i, labels[i], CONTENT, f"{share:.0%} of its cells name people", share)


def _goal_column(body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]) -> ColumnMatch | None:
    """The goal column typed by content: of the unmapped columns filled in most event rows, the
    one of the longest texts, when they are sentences rather than remarks."""
    events = _body_events(body)
    best: tuple[float, int] | None = None
    for i in free:
        cells = _body_cells(body, i)
        if len(cells) < 2 or len(cells) < GOAL_FILLED * len(events):
            continue
        length = statistics.mean(len(c) for c in cells)
        if length >= GOAL_MIN_CHARS and (best is None or length > best[0]):
            best = (length, i)
    if best is None:
        return None
    length, i = best
    return ColumnMatch("goal", i, labels[i], CONTENT, f"its cells are texts of {length:.0f} characters", 0.5)


def _date_cells(body: Sequence[RawRow], index: int, period: Period | None) -> tuple[list[str], list[str]]:
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


def _is_seq_run(body: Sequence[RawRow], index: int) -> bool:
    """Whether a column holds a № run (1, 2, 3 would read as days under a month heading)."""
    numbers = [seq_number(c) for c in _column_cells(_event_rows(body), index)]
    run = [n for n in numbers if n is not None]
    return len(run) >= 2 and len(run) == len(numbers) and _numbering(run)


def _date_and_place_column(
    body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str], period: Period | None
) -> tuple[ColumnMatch, ...]:
    """A column whose cells hold a date and a place together («д. Н, клуб, 7–8 октября 2024 г.»),
    its header worded as no combined synonym is: it feeds both (its cells are split as a combined
    header's are). Empty where no free column reads so."""
    for i in free:
        cells = _body_cells(body, i)
        split = sum(1 for c in cells if split_date_place(c, period) is not None)
        if cells and split >= DATE_SHARE * len(cells):
            shown = f"{split} of {len(cells)} cells hold a date and a place"
            return tuple(
                ColumnMatch(column, i, labels[i], CONTENT, shown, split / len(cells))
                for column in ("date_text", "place")
            )
    return ()


def infer_required(
    found: HeaderFound, body: Sequence[RawRow], period: Period | None
) -> tuple[ColumnMatch, ...]:
    """Type the columns a required field lacks by their cells: dates, an ascending № run, the title."""
    matches = list(found.matches)
    taken = {m.index for m in matches}
    width = len(found.labels)
    free = [i for i in range(width) if i not in taken]
    columns = {m.column for m in matches}
    if "date_text" not in columns:
        for i in free:
            cells, read = _date_cells(body, i, period)
            numbered = "seq_no" not in columns and _is_seq_run(body, i)
            if cells and len(read) / len(cells) >= DATE_SHARE and not numbered:
                share = len(read) / len(cells)
                matches.append(
                    ColumnMatch(
                        "date_text",
                        i,
                        found.labels[i],
                        CONTENT,
                        f"{len(read)} of {len(cells)} cells are dates",
                        share,
                    )
                )
        # A start/end pair: every free column of dates joins the date column, read as a range.
        for i in [m.index for m in matches if m.column == "date_text" and m.evidence == CONTENT]:
            free.remove(i)
        if not any(m.column == "date_text" for m in matches):
            combined = _date_and_place_column(body, free, found.labels, period)
            if combined:
                matches.extend(m for m in combined if m.column not in columns)
                free.remove(combined[0].index)
    if "seq_no" not in columns:
        seq = _seq_column(body, free, found.labels)
        if seq is not None:
            matches.append(seq)
            free.remove(seq.index)
    if "title" not in columns and free:
        lengths = {i: sum(len(fold(c)) for c in _column_cells(body, i)) for i in free}
        i = max(lengths, key=lambda k: lengths[k])
        if lengths[i]:
            matches.append(
                ColumnMatch("title", i, found.labels[i], CONTENT, "the longest texts of the table", 0.5)
            )
    return tuple(sorted(matches, key=lambda m: (m.index, m.column)))
