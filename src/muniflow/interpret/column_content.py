"""Columns typed by their cells, where a table's header does not name them.

A required column (the dates, the title, the №) is typed when the header names at least three
others; the №, the municipality, the place, the participants and the goal of an events table when
no header cell names them: an ascending run, municipality names grouping the rows, short names of
places, people counted or named, long texts. A table with no header at all (its header a picture,
a scan's strip OCR could not read, or left out) has every column typed so, where no table of the
document has a header (`interpret.headerless`). Each shows in the reading as `content` evidence, with what
the cells showed.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import replace

from muniflow.enrich.countries import find_countries
from muniflow.interpret.column_cells import (
    SAMPLE_ROWS,
    body_cells,
    body_events,
    column_cells,
    column_numbers,
    counted_share,
    date_cells,
    event_rows,
    is_seq_run,
    names_place,
    numbered_run,
    people_share,
    reads_as_name,
)
from muniflow.interpret.columns import group_label
from muniflow.interpret.combined import split_date_place
from muniflow.interpret.header_rows import HeaderFound
from muniflow.interpret.month_days import day_columns
from muniflow.interpret.organisations import (
    ORGANISATION_SHARE,
    names_no_events,
    names_subordinate_body,
    organisation_share,
)
from muniflow.interpret.reading import CONTENT, ColumnMatch
from muniflow.model import Period, RawRow
from muniflow.normalize.text import fold, seq_number

# Share of a column's filled cells that must parse as dates for it to be the date column.
DATE_SHARE = 0.6
# Share of a column's filled cells that must read as municipality names for it to be that column.
MUNICIPALITY_SHARE = 0.8
# Share of a column's short cells that must name a place (settlement, area, country, online) for it
# to be the place column, and the most words (median) a place cell holds.
PLACE_SHARE = 0.6
PLACE_MAX_WORDS = 10
# Share of a column's cells that must name people for it to be the participants column.
PEOPLE_SHARE = 0.6
# The goal column: filled in this share of the event rows, texts this long on average.
GOAL_FILLED = 0.5
GOAL_MIN_CHARS = 30


def _seq_column(body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]) -> ColumnMatch | None:
    """The № column typed by content: in every event row a whole number, the numbers an ascending
    run or one run per section. Else (a scan whose columns came from gutters merges some of an
    event's cells, so it has fewer cells filled) the column's numbers in every row holding text
    besides, row of column numbers aside: an ascending run, in at least half the event rows, and
    the column holding no other text."""
    events = event_rows(body)
    for i in free:
        numbers = [seq_number(c) for c in column_cells(events, i)]
        run = [n for n in numbers if n is not None]
        if len(run) >= 2 and len(run) == len(numbers) and len(run) >= len(events) // 2 and numbered_run(run):
            return ColumnMatch("seq_no", i, labels[i], CONTENT, "an ascending number run", 1.0)
    texted = [
        r
        for r in body[:SAMPLE_ROWS]
        if sum(1 for c in r.cells if c is not None and fold(c)) >= 2 and not column_numbers(r.cells)
    ]
    for i in free:
        cells = [fold(c) for c in column_cells(texted, i) if fold(c)]
        run = [n for n in (seq_number(c) for c in cells) if n is not None]
        if len(run) >= 2 and len(run) == len(cells) and len(run) >= len(events) // 2 and numbered_run(run):
            return ColumnMatch("seq_no", i, labels[i], CONTENT, "an ascending number run", 1.0)
    return None


def typed_by_content(found: HeaderFound, body: Sequence[RawRow], period: Period | None) -> HeaderFound:
    """An events table whose header names no №, municipality, place, participants or goal column:
    an unmapped column whose cells hold the № run, municipality names grouping the rows, short
    names of places, people (counted, or a first noun naming people) or long texts is that column
    (its header being a mark, an abbreviation or a wording the vocabulary does not know). An unmapped
    column of day numbers beside a month column is the date's other half (interpret/month_days.py);
    one of dates beside the date column is the other end of its range."""
    matches = list(found.matches)
    taken = {m.index for m in matches}
    free = [i for i in range(len(found.labels)) if i not in taken]
    for days in day_columns(matches, body, free, found.labels):
        matches.append(days)
        free.remove(days.index)
    for end in _unlabelled_dates(found, body, free, period):
        matches.append(end)
        free.remove(end.index)
    matches = _dateless_combined(matches, body, period)
    if "seq_no" not in found.columns:
        seq = _seq_column(body, free, found.labels)
        if seq is not None:
            matches.append(seq)
            free.remove(seq.index)
    if "municipality" not in found.columns:
        muni = municipality_column(body, free, found.labels)
        if muni is not None:
            matches.append(muni)
            free.remove(muni.index)
    typers = (("place", place_column), ("participants", participants_column), ("goal", goal_column))
    for column, typer in typers:
        if column not in found.columns:
            typed = typer(body, free, found.labels)
            if typed is not None:
                for match in _with_siblings(typed, free, found.labels):
                    matches.append(match)
                    free.remove(match.index)
    for countries in _countries_columns(body, free, found.labels):
        matches.append(countries)
        free.remove(countries.index)
    if matches == list(found.matches):
        return found
    return replace(found, matches=tuple(sorted(matches, key=lambda m: (m.index, m.column))))


# Share of a column's cells that must name a country for it to be the guests' countries.
COUNTRIES_SHARE = 0.6


def _countries_columns(
    body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]
) -> list[ColumnMatch]:
    """Unmapped columns whose cells name the guests' countries («Страна-участник», «Зарубежные
    партнёры»: short cells, most naming a country): more of the participants, so the partner
    countries are read from them and their text is kept, not dropped as a column of no field."""
    found = []
    for i in free:
        cells = body_cells(body, i)
        if len(cells) < 2 or statistics.median(len(c.split()) for c in cells) > PLACE_MAX_WORDS:
            continue
        share = sum(1 for c in cells if find_countries(c)) / len(cells)
        if share >= COUNTRIES_SHARE:
            found.append(
                ColumnMatch(
                    "participants", i, labels[i], CONTENT, f"{share:.0%} of its cells name countries", share
                )
            )
    return found


def municipality_column(
    body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]
) -> ColumnMatch | None:
    """The municipality column typed by content: every event row names one or lies under a merged
    cell naming it, most names read as municipalities, and they group the rows (repeated or merged)."""
    events = event_rows(body)
    for i in free:
        values = [r.cells[i] if i < len(r.cells) else "" for r in events]
        cells = [fold(v) for v in values if v is not None and fold(v)]
        merged = sum(1 for v in values if v is None)
        # an office under a municipality names it too, but says who held the event (organisations.py)
        names = [c for c in cells if reads_as_name(c) and not names_subordinate_body(c)]
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


def place_column(body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]) -> ColumnMatch | None:
    """The place column typed by content: of the unmapped columns where most cells name a place,
    the one of the shortest cells (a place, where participants or a goal mention one in a phrase)."""
    found: list[tuple[float, float, int]] = []  # (median words, share naming a place, column)
    for i in free:
        cells = body_cells(body, i)
        if len(cells) < 2:
            continue
        words = statistics.median(len(c.split()) for c in cells)
        share = sum(1 for c in cells if names_place(c)) / len(cells)
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
        if not {i - 1, i + 1} & beside or is_seq_run(body, i):
            continue
        cells, read = date_cells(body, i, period)
        if cells and len(read) >= DATE_SHARE * len(cells):
            shown = f"{len(read)} of {len(cells)} cells are dates, beside the date column"
            share = len(read) / len(cells)
            found_dates.append(ColumnMatch("date_text", i, found.labels[i], CONTENT, shown, share))
            beside.add(i)
    return found_dates


def _dateless_combined(
    matches: list[ColumnMatch], body: Sequence[RawRow], period: Period | None
) -> list[ColumnMatch]:
    """A column headed as place and date together («Место проведения Дата проведения»: a scan's two
    labels read as one cell where the rule between them is missing) beside a column of dates typed
    by its cells, its own cells holding no date: its place only (as one date, its place text would
    be read into every row's date)."""
    typed = {m.index for m in matches if m.column == "date_text" and m.evidence == CONTENT}
    dropped: set[int] = set()
    for m in matches:
        if m.column != "date_text" or m.evidence == CONTENT or not {m.index - 1, m.index + 1} & typed:
            continue
        if not any(o.index == m.index and o.column == "place" for o in matches):
            continue
        cells, read = date_cells(body, m.index, period)
        if cells and not read and not any(split_date_place(c, period) for c in cells):
            dropped.add(m.index)
    return [m for m in matches if not (m.column == "date_text" and m.index in dropped)]


def _with_siblings(typed: ColumnMatch, free: Sequence[int], labels: Sequence[str]) -> list[ColumnMatch]:
    """A column typed by content and the unmapped sub-columns of its group header («Кто: от России»
    | «Кто: от иностранных государств»): one field in labelled parts, as when the header names it."""
    group = group_label(labels[typed.index])
    siblings = [i for i in free if i != typed.index and group and group_label(labels[i]) == group]
    return [typed, *(replace(typed, index=i, header=labels[i]) for i in siblings)]


def participants_column(
    body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]
) -> ColumnMatch | None:
    """The participants column typed by content: the unmapped column where most cells name people,
    counted ones first (a goal may open with «Участники посетили…» too)."""
    best: tuple[float, float, int] | None = None
    for i in free:
        cells = body_cells(body, i)
        if len(cells) < 2:
            continue
        share, counted = people_share(body, i), counted_share(body, i)
        if share >= PEOPLE_SHARE and (best is None or (share + counted, share) > best[:2]):
            best = (share + counted, share, i)
    if best is None:
        return None
    _, share, i = best
    return ColumnMatch("participants", i, labels[i], CONTENT, f"{share:.0%} of its cells name people", share)


# A person named by initials: «Е.В. Смирнова», «Смирнова Е. В.».
_INITIALS = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ]\.\s?[А-ЯЁ]\.(?:\s|,|$)|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.")


def goal_column(body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]) -> ColumnMatch | None:
    """The goal column typed by content: of the unmapped columns filled in most event rows, the
    one of the longest texts, when they are sentences rather than remarks."""
    events = body_events(body)
    best: tuple[float, int] | None = None
    for i in free:
        cells = body_cells(body, i)
        if len(cells) < 2 or len(cells) < GOAL_FILLED * len(events):
            continue
        if sum(1 for c in cells if _INITIALS.search(c)) >= PEOPLE_SHARE * len(cells):
            continue  # who is responsible («Смирнова Е.В., начальник управления»), not what was done
        length = statistics.mean(len(c) for c in cells)
        if length < GOAL_MIN_CHARS or (best is not None and length <= best[0]):
            continue
        if organisation_share(cells) < ORGANISATION_SHARE:  # else who held it, not what was done
            best = (length, i)
    if best is None:
        return None
    length, i = best
    return ColumnMatch("goal", i, labels[i], CONTENT, f"its cells are texts of {length:.0f} characters", 0.5)


def _date_and_place_column(
    body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str], period: Period | None
) -> tuple[ColumnMatch, ...]:
    """A column whose cells hold a date and a place together («д. Н, клуб, 7–8 октября 2024 г.»),
    its header worded as no combined synonym is: it feeds both (its cells are split as a combined
    header's are). Empty where no free column reads so."""
    for i in free:
        cells = body_cells(body, i)
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
            cells, read = date_cells(body, i, period)
            numbered = "seq_no" not in columns and is_seq_run(body, i)
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
        elif "place" not in columns:  # the dates typed hold the place too («12.05.2025 с. Н»)
            matches.extend(place_beside_dates(matches, body, period))
    if "seq_no" not in columns:
        seq = _seq_column(body, free, found.labels)
        if seq is not None:
            matches.append(seq)
            free.remove(seq.index)
    if "title" not in columns and free:
        # a column of organisations or of a few values repeated names no events, where another does
        named = [i for i in free if not names_no_events([fold(c) for c in column_cells(body, i)])]
        lengths = {i: sum(len(fold(c)) for c in column_cells(body, i)) for i in named or free}
        i = max(lengths, key=lambda k: lengths[k])
        if lengths[i]:
            matches.append(
                ColumnMatch("title", i, found.labels[i], CONTENT, "the longest texts of the table", 0.5)
            )
    return tuple(sorted(matches, key=lambda m: (m.index, m.column)))


def place_beside_dates(
    matches: Sequence[ColumnMatch], body: Sequence[RawRow], period: Period | None
) -> list[ColumnMatch]:
    """The place, where the date column's cells hold a place too («пос. Н, музей, 18.07.2025»): the
    date column feeds both, its cells split as a combined header's are."""
    if any(m.column == "place" for m in matches):
        return []
    for m in matches:
        if m.column != "date_text":
            continue
        cells = body_cells(body, m.index)
        split = sum(1 for c in cells if split_date_place(c, period) is not None)
        if cells and split >= DATE_SHARE * len(cells):
            return [
                ColumnMatch(
                    "place",
                    m.index,
                    m.header,
                    CONTENT,
                    f"{split} of {len(cells)} cells hold a place too",
                    split / len(cells),
                )
            ]
    return []
