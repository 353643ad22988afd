"""Tables with no header: every column typed by its cells (`headerless`), where no table of the
document has a header (its header a picture, a scan's strip OCR could not read, or left out). The
dates and the № as where a header names some columns (`column_content.infer_required`), then the
municipality, the place, the participants, the title and the goal, each shown in the reading as
`content` evidence with what the cells showed.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import replace

from muniflow.interpret.column_cells import (
    SAMPLE_ROWS,
    body_cells,
    body_events,
    counted_share,
    event_cell,
    named_share,
    opens_with_place,
    people_share,
    verbal_share,
)
from muniflow.interpret.column_content import (
    GOAL_FILLED,
    PEOPLE_SHARE,
    PLACE_SHARE,
    goal_column,
    infer_required,
    municipality_column,
    participants_column,
    place_beside_dates,
    place_column,
)
from muniflow.interpret.header_rows import HeaderFound, is_column_numbers
from muniflow.interpret.municipality import canonical_municipality
from muniflow.interpret.reading import CONTENT, ColumnMatch
from muniflow.interpret.sections import caption_municipality, month_of
from muniflow.model import Period, RawRow
from muniflow.normalize.text import fold

# A table with no header is an events table when besides the dates and the title at least this
# many more columns are typed by their cells (each column by two cells or more).
HEADERLESS_OTHERS = 2
# The title column of a table with no header: its texts at least this long on average.
TITLE_MIN_CHARS = 12
# A column beside the participants' with people in this share of cells is more participants unless
# this share of its cells says what was done (a goal or result: «Участники посетили…»).
VERBAL_SHARE = 0.5

# Leading rows (a title, labels) a table with no header the vocabulary knows may open with.
MAX_LABEL_ROWS = 4


def headerless(
    rows: Sequence[RawRow], period: Period | None, more: Sequence[RawRow] = ()
) -> HeaderFound | None:
    """A table with no header: every column typed by its cells. The dates (the columns where most
    cells read as dates, a place beside the date in them too), the №, the municipality, the place
    (cells opening with one) and the participants as where a header names some columns; then the
    title (`_title`), more participants beside theirs, and the goal, the longest texts left. None
    unless the dates, the title and HEADERLESS_OTHERS more columns are typed (a column by two cells
    or more: one event row is too few). Leading rows of labels (two cells or more, no date or №)
    and of a title are the header, worded as no synonym is. `more`: rows of the tables after it as
    wide (a table per municipality), typed with its own."""
    width = max((len(r.cells) for r in rows), default=0)
    start, at = _label_rows(rows, period)
    body = [*rows[start:], *more][:SAMPLE_ROWS]
    cells = rows[at].cells if at is not None else ()
    labels = tuple(fold(cells[i] or "") if i < len(cells) else "" for i in range(width))
    found = HeaderFound(start if at is None else at, start, labels, (), ())
    matches = [m for m in infer_required(found, body, period) if m.column != "title"]  # dates, №
    if not any(m.column == "date_text" for m in matches):
        return None
    free = [i for i in range(width) if i not in {m.index for m in matches}]
    matches.extend(place_beside_dates(matches, body, period))
    typers = (
        ("municipality", municipality_column),
        ("place", _opening_place_column),
        ("participants", participants_column),
    )
    for column, typer in typers:
        if column not in {m.column for m in matches}:
            typed = typer(body, free, labels)
            if typed is not None and column == "municipality" and _other_than_headings(body, typed.index):
                typed = None
            if typed is None and column == "place":
                typed = place_column(body, free, labels)  # places written after the venue
            if typed is not None:
                matches.append(typed)
                free.remove(typed.index)
    matches.extend(_title(matches, labels, body))
    free = [i for i in free if i not in {m.index for m in matches}]
    for typed in [m for m in matches if m.column == "participants"]:
        # participants in parts («от России» | «от иностранных государств»): the column beside
        # naming people too, unless it says what was done
        for i in (typed.index - 1, typed.index + 1):
            if i in free and people_share(body, i) >= PEOPLE_SHARE and verbal_share(body, i) < VERBAL_SHARE:
                matches.append(
                    replace(typed, index=i, matched=f"{people_share(body, i):.0%} of its cells name people")
                )
                free.remove(i)
    goal = goal_column(body, [i for i in range(width) if i not in {m.index for m in matches}], labels)
    matches.extend([goal] if goal is not None else [])
    matches.sort(key=lambda m: (m.index, m.column))
    columns = {m.column for m in matches}
    if "title" not in columns or len(columns - {"title", "date_text"}) < HEADERLESS_OTHERS:
        return None
    taken = {m.index for m in matches}
    return replace(found, matches=tuple(matches), unmapped=tuple(i for i in range(width) if i not in taken))


def _other_than_headings(body: Sequence[RawRow], index: int) -> bool:
    """Whether the rows stand under municipalities' headings (rows of one cell naming one) and the
    column names none of them: the headings say whose the rows are, the column's towns are where
    the events were (a town of the district the heading names), not the municipality."""
    headings = set()
    for row in body:
        filled = [c for c in row.cells if c is not None and fold(c)]
        if len(filled) == 1 and (name := caption_municipality(filled[0])) is not None:
            headings.add(fold(canonical_municipality(name)))
    if not headings:
        return False
    names = {fold(canonical_municipality(c)) for c in body_cells(body, index)}
    return not names & headings


def _opening_place_column(
    body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]
) -> ColumnMatch | None:
    """The place column of a table with no header: the unmapped column where most cells open with a
    place, the most such first, then the shortest."""
    found: list[tuple[float, float, int]] = []  # (share opening with a place, -median words, column)
    for i in free:
        cells = body_cells(body, i)
        if len(cells) < 2:
            continue
        share = sum(1 for c in cells if opens_with_place(c)) / len(cells)
        if share >= PLACE_SHARE:
            found.append((share, -statistics.median(len(c.split()) for c in cells), i))
    if not found:
        return None
    share, _, i = max(found)
    return ColumnMatch("place", i, labels[i], CONTENT, f"{share:.0%} of its cells open with a place", share)


def _label_rows(rows: Sequence[RawRow], period: Period | None) -> tuple[int, int | None]:
    """How many leading rows are above the events, and which of them holds the labels: rows of two
    cells or more, none a date (a header worded as no synonym is), and rows of one cell naming no
    municipality and no month (the table's title). (0, None) when the table opens with an event or
    a heading."""
    labels = None
    for k, row in enumerate(rows[:MAX_LABEL_ROWS]):
        filled = [c for c in row.cells if c is not None and fold(c)]
        if len(filled) == 1 and caption_municipality(filled[0]) is None and month_of(filled[0]) is None:
            continue
        if not is_column_numbers(row.cells) and (
            len(filled) < 2 or any(event_cell(c, period) for c in filled)
        ):
            return k, labels
        labels = k
    return 0, None


def _text_columns(
    matches: Sequence[ColumnMatch], labels: Sequence[str], body: Sequence[RawRow]
) -> list[tuple[int, float]]:
    """The untyped columns of texts filled in most event rows, with their mean length."""
    taken = {m.index for m in matches}
    events = body_events(body)
    texts = []
    for i in range(len(labels)):
        cells = body_cells(body, i)
        if i not in taken and len(cells) >= 2 and len(cells) >= GOAL_FILLED * len(events):
            texts.append((i, statistics.mean(len(c) for c in cells)))
    return texts


def _title(
    matches: Sequence[ColumnMatch], labels: Sequence[str], body: Sequence[RawRow]
) -> list[ColumnMatch]:
    """The title among the untyped columns of texts: the one whose cells most name an event in
    quotes («…») and least say what was done (a verb: «подписано», «проведены») or count people
    («(45 человек)»: more participants), the leftmost of equals (titles come before goals in
    every template)."""
    texts = _text_columns(matches, labels, body)
    titles = [
        (named_share(body, i) - verbal_share(body, i) - counted_share(body, i), -i)
        for i, length in texts
        if length >= TITLE_MIN_CHARS
    ]
    if not titles:
        return []
    i = -max(titles)[1]
    return [ColumnMatch("title", i, labels[i], CONTENT, "texts naming events, the first such", 0.5)]
