"""Which column holds the events' names, where the header gave the title to a column whose cells
name no events: a handful of kinds («фестиваль», «очная») or organisations and people («МБУК
«Центр культуры»», «Отдел культуры администрации …»: an organiser's column headed «Организатор
мероприятия» or «Наименование учреждения», interpret/organisations.py). The title goes to the
column that names the events: an unmapped one the header names the title by too, else, beside a
column of organisations, the unmapped column (a blank header cell's too) of the longest texts that
read as no dates, places, people or organisations.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import replace

from muniflow.interpret.column_cells import (
    body_events,
    column_cells,
    names_kinds,
    names_place,
    people_share,
)
from muniflow.interpret.column_content import DATE_SHARE, PEOPLE_SHARE, PLACE_SHARE
from muniflow.interpret.columns import candidates
from muniflow.interpret.header_rows import HeaderFound
from muniflow.interpret.organisations import ORGANISATION_SHARE, names_no_events, organisation_share
from muniflow.interpret.reading import CONTENT, ColumnMatch
from muniflow.model import RawRow
from muniflow.normalize.dates import parse_dates
from muniflow.normalize.text import fold

# A column of kinds (column_cells.names_kinds) is judged over this many event rows or more.
KIND_MIN_ROWS = 4


def title_by_content(
    found: HeaderFound, body: Sequence[RawRow], synonyms: Mapping[str, Sequence[str]]
) -> HeaderFound:
    """Two header cells naming the title («Вид мероприятия» or «Форма проведения» beside
    «Наименование»): the title is the one whose cells name the events, not the one that took it by
    its longer wording whose cells are a handful of kinds («фестиваль», «очная», `kinds`); of
    sub-columns feeding the title together, those of kinds or organisations are left out. A title
    column whose cells name organisations or people («Наименование учреждения»: «МБУК «…»»,
    interpret/organisations.py) gives the title to an unmapped column naming it, else to the
    unmapped column (headed by a blank cell too: «Исполнитель мероприятия» | «») of the longest
    texts that read as no dates, places, people or organisations."""
    titles = [m for m in found.matches if m.column == "title"]
    events = body_events(body)
    if len(titles) > 1:  # «Мероприятие» over «наименование» | «форма»: the kinds are no part of the name
        of_kinds = {m.index for m in titles if _no_names(column_cells(events, m.index))}
        if not of_kinds or len(of_kinds) == len(titles):
            return found
        matches = tuple(m for m in found.matches if m.column != "title" or m.index not in of_kinds)
        return replace(found, matches=matches, unmapped=tuple(sorted({*found.unmapped, *of_kinds})))
    if len(titles) != 1:
        return found
    (title,) = titles
    kinds = [fold(c) for c in column_cells(events, title.index)]
    by_kinds = len(kinds) >= KIND_MIN_ROWS and names_kinds(kinds)
    if not by_kinds and organisation_share(kinds) < ORGANISATION_SHARE:
        return found
    taken = {m.index for m in found.matches}
    free = [i for i in range(len(found.labels)) if i not in taken]  # a blank header cell's column too
    for i in free:
        named = next((c for c in candidates(found.labels[i], synonyms) if c.column == "title"), None)
        names = [fold(c) for c in column_cells(events, i)]
        if named is None or len(names) < len(kinds) or names_kinds(names) or names_no_events(names):
            continue
        if by_kinds and statistics.mean(map(len, names)) <= statistics.mean(map(len, kinds)):
            continue
        match = ColumnMatch("title", i, found.labels[i], named.evidence, named.synonym, named.score)
        return _retitled(found, title, match)
    if by_kinds:
        return found
    texts = [i for i in free if _reads_as_names(events, i, len(kinds))]
    if not texts:
        return found
    i = max(texts, key=lambda k: sum(len(fold(c)) for c in column_cells(events, k)))
    evidence = f"the longest texts beside «{title.header}», whose cells name organisations"
    return _retitled(found, title, ColumnMatch("title", i, found.labels[i], CONTENT, evidence, 0.5))


def _no_names(cells: Sequence[str]) -> bool:
    """Cells of a title sub-column that name kinds or organisations, not events."""
    folded = [fold(c) for c in cells]
    return bool(folded) and (names_kinds(folded) or organisation_share(folded) >= ORGANISATION_SHARE)


def _reads_as_names(events: Sequence[RawRow], index: int, filled: int) -> bool:
    """Whether an unmapped column may hold the events' names: filled in as many event rows as
    `filled`, its cells no dates, places, people, organisations or values repeated."""
    cells = [fold(c) for c in column_cells(events, index)]
    if not cells or len(cells) < filled or names_no_events(cells):
        return False
    if not all(any(ch.isalpha() for ch in c) for c in cells):
        return False  # numbers, marks
    dated = sum(1 for c in cells if parse_dates(c, None).start is not None)
    placed = sum(1 for c in cells if names_place(c))
    return (
        dated < DATE_SHARE * len(cells)
        and placed < PLACE_SHARE * len(cells)
        and people_share(events, index) < PEOPLE_SHARE
    )


def _retitled(found: HeaderFound, title: ColumnMatch, match: ColumnMatch) -> HeaderFound:
    """`found` with the title moved from `title`'s column to `match`'s, the former left unmapped."""
    others = [m for m in found.matches if m is not title]
    unmapped = tuple(sorted({*found.unmapped, title.index} - {match.index}))
    return replace(
        found,
        matches=tuple(sorted([*others, match], key=lambda m: (m.index, m.column))),
        unmapped=unmapped,
    )
