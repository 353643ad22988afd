"""One table row -> the report's Row: the text each canonical column gives (a header's sub-label,
a title's goal, a year cell), its dates, and a row carried on by the rest of one a page end cut."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from muniflow import contracts
from muniflow.interpret import place_parts
from muniflow.interpret.cell_items import unpaired_note
from muniflow.interpret.combined import (
    goal_out_of_title,
    split_date_place,
    split_title_goal,
    split_title_place,
)
from muniflow.interpret.month_days import compose as compose_month_days
from muniflow.interpret.municipality import canonical_municipality
from muniflow.interpret.nil import (
    is_placeholder,
)
from muniflow.interpret.period import (
    half_year_in_cell,
    quarter_in_cell,
)
from muniflow.interpret.reading import (
    COMBINED,
    ColumnMatch,
)
from muniflow.interpret.sections import (
    month_of,
)
from muniflow.model import Period, RawRow, Row
from muniflow.normalize.date_labels import date_column_kind, date_in_title, planned_and_actual
from muniflow.normalize.date_words import names_whole_period
from muniflow.normalize.dates import (
    ACTUAL_OF_PLANNED,
    FROM_TITLE,
    WHOLE_MONTH,
    WHOLE_QUARTER,
    YEAR_FROM_PERIOD,
    DateParse,
    parse_dates,
)
from muniflow.normalize.text import fold, seq_number, without_footnote_marks

TEXT_COLUMNS = ("title", "place", "date_text", "goal", "participants")


# A status or remark column («Статус», «Отметка о проведении», «Примечание»): read only to tell
# whether the event was held (rules `not_held`), kept in the row as written.
STATUS_COLUMN = "status_text"


def filled_cells(row: RawRow) -> list[str]:
    """The cells that say something: a row of dashes only («–», «-/-») is as empty as a blank one."""
    cells = [c for c in row.cells if c is not None and fold(c)]
    return [] if all(is_placeholder(c) for c in cells) else cells


def cell_at(row: RawRow, index: int) -> str:
    return (row.cells[index] or "") if index < len(row.cells) else ""


def _title_or_goal(text: str, column: str, labelled: bool = False) -> str:
    """The title's or the goal's part of a cell a header names both of: the goal after its label
    («Фестиваль «…». Цель: укрепление связей»), with it when `labelled`; without a label, the whole
    cell is the title."""
    named = split_title_goal(text, contracts.header_synonyms())
    if named is None:
        return text if column == "title" else ""
    title, goal, label = named
    return title if column == "title" else f"{label}: {goal}" if labelled else goal


def _own_text(row: RawRow, m: ColumnMatch, matches: Sequence[ColumnMatch], column: str) -> str:
    """A cell's text for one of several columns feeding a field: of a cell naming the title and the
    goal, the field's part («… Цель: …» beside a «Результат» column: the goal of both)."""
    text = cell_at(row, m.index)
    if column in ("title", "goal") and {"title", "goal"} <= {o.column for o in matches if o.index == m.index}:
        return _title_or_goal(text, column, labelled=True)
    return text


def _sub_label(header: str) -> str:
    return header.split(": ", 1)[1] if ": " in header else header


def field_text(row: RawRow, matches: Sequence[ColumnMatch], column: str, period: Period | None) -> str:
    """One canonical field of a row: one cell, a date pair joined as a range, or labelled sub-columns."""
    feeding = [m for m in matches if m.column == column]
    if not feeding:
        return ""
    if column == "date_text":
        feeding = _actual_columns(feeding)
    if len(feeding) == 1:
        m = feeding[0]
        text = cell_at(row, m.index)
        sharing = {o.column for o in matches if o.index == m.index}
        if {"title", "place"} <= sharing:  # «Наименование мероприятия, место проведения»
            named = split_title_place(text)
            if named is None:
                return text if column == "title" else ""
            return named[0] if column == "title" else named[1]
        if {"title", "goal"} <= sharing:  # «Наименование и цель мероприятия»
            return _title_or_goal(text, column)
        if m.evidence == COMBINED or len(sharing) > 1:
            split = split_date_place(text, period)
            if split is None:
                return text
            return split[0] if column == "date_text" else split[1]
        return text
    texts = [(m, _own_text(row, m, matches, column)) for m in feeding]
    filled = [(m, t) for m, t in texts if fold(t)]
    if column == "date_text":
        values = list(dict.fromkeys(fold(t) for _, t in filled))
        composed = compose_month_days(values)
        if composed is not None:  # «Май» | «4–5»: one date in two halves, not a range
            return composed
        years = [v for v in values if _YEAR_CELL.fullmatch(v)]
        dates = [v for v in values if v not in years]
        if len(years) == 1 and dates:
            # a year in a column of its own («15 марта» | «2024»): the year of the dates beside it,
            # where they write none (one they write is the more precise)
            written = any(YEAR_WRITTEN.search(d) for d in dates)
            return " – ".join(dates) + ("" if written else f" {years[0]}")
        return " – ".join(values)
    if len(filled) == 1 and column in ("seq_no", "title"):
        return filled[0][1]
    parts = [place_parts.part_of(m.header)[0] for m, _ in texts]
    if column == "place" and {place_parts.COUNTRY, place_parts.SETTLEMENT} <= set(parts):
        # «Страна» | «Город»: one place, «г. Н (Китай)»
        return place_parts.compose([(part, t) for part, (_, t) in zip(parts, texts, strict=True)])
    said = [(m, t) for m, t in filled if not is_placeholder(t)]  # «Страна: —» says nothing
    return "; ".join(  # a combined cell's part keeps its own label («Цель: …»), not its header
        f"{_sub_label(m.header)}: {fold(t)}" if _sub_label(m.header) and m.evidence != COMBINED else fold(t)
        for m, t in said
    )


def _actual_columns(feeding: list[ColumnMatch]) -> list[ColumnMatch]:
    """The date columns giving the actual date where the header of each date column names it the
    planned or the actual one («Дата по плану» | «Фактическая дата проведения», contracts/dates.yaml
    `planned_labels`, `actual_labels`): the planned date is what was meant, not when it was held, so
    it joins no range. Any other set of date columns («Дата начала» | «Дата окончания») is kept."""
    if len(feeding) < 2:
        return feeding
    kinds = [date_column_kind(m.header) for m in feeding]
    if None in kinds or "planned" not in kinds or "actual" not in kinds:
        return feeding
    return [m for m, kind in zip(feeding, kinds, strict=True) if kind == "actual"]


def row_dates(text: str, period: Period | None, month: str):  # type: ignore[no-untyped-def]
    parsed = parse_dates(text, period)
    if parsed.note is not None:  # «план: 14.05.2025 / факт: 21.05.2025»: the actual date
        both = planned_and_actual(text, period)
        if both is not None:
            actual = both[3]
            return DateParse(actual.start, actual.end, ACTUAL_OF_PLANNED, None)
    if parsed.note is not None and period is not None and names_whole_period(text):
        return DateParse(period.first_day, period.last_day, WHOLE_QUARTER, None)  # «в течение квартала»
    if parsed.note is not None:  # «II квартал 2025 г.»: the quarter's three whole months
        quarter = quarter_in_cell(text, period.year if period else None)
        if quarter is not None:
            named, year_written = quarter
            return DateParse(
                named.first_day, named.last_day, WHOLE_MONTH if year_written else YEAR_FROM_PERIOD, None
            )
        half = half_year_in_cell(text, period.year if period else None)
        if half is not None:  # «1 полугодие 2025 г.»: its six whole months
            first, last, year_written = half
            return DateParse(
                first.first_day, last.last_day, WHOLE_MONTH if year_written else YEAR_FROM_PERIOD, None
            )
    if parsed.note is not None and month and fold(text) and month_of(text) is None:
        number = month_of(month)
        helped = parse_dates(f"{fold(text).rstrip('.')}.{number:02d}", period) if number else parsed
        if helped.note is None:
            return helped
    return parsed


YEAR_WRITTEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


# A cell holding a year alone («2024», «2024 г.», «2024 год»).
_YEAR_CELL = re.compile(r"(?:19|20)\d\d(?:\s*(?:г\.?|год[а-я]*))?")


def continued_row(
    row: Row, own: RawRow, matches: Sequence[ColumnMatch], period: Period | None, month: str
) -> Row:
    """The event with the text a row below it carries on appended, field by field."""
    more = {c: field_text(own, matches, c, period) for c in TEXT_COLUMNS}
    joined = {
        c: "\n".join(t for t in (getattr(row, f"{c}_raw" if c != "date_text" else c), more[c]) if fold(t))
        for c in TEXT_COLUMNS
    }
    texts: dict[str, Any] = {
        f: value
        for c in TEXT_COLUMNS
        if c != "date_text"
        for f, value in ((f"{c}_raw", joined[c]), (c, _folded(c, joined[c])))
    }
    if fold(more["date_text"]):
        dates = row_dates(joined["date_text"], period, month)
        texts |= {
            "date_text": joined["date_text"],
            "start_date": dates.start,
            "end_date": dates.end,
            "date_form": dates.form,
        }
    return replace(row, **texts)


def _folded(column: str, text: str) -> str:
    """A cell's text folded; an event's name and place without footnote marks after their words."""
    folded = fold(text)
    return without_footnote_marks(folded) if column in {"title", "place"} else folded


def merged_down(raw: RawRow, above: RawRow | None) -> RawRow:
    """The row with the text of each cell merged down into it from the row above (one date or
    place written once for two events)."""
    if not raw.from_above or above is None:
        return raw
    cells = tuple(
        above.cells[i] if c is None and i in raw.from_above and i < len(above.cells) else c
        for i, c in enumerate(raw.cells)
    )
    return replace(raw, cells=cells)


def make_row(
    source_file: str,
    raw: RawRow,
    matches: Sequence[ColumnMatch],
    index: int,
    muni_raw: str,
    period: Period | None,
    month: str,
) -> Row:
    texts = {c: field_text(raw, matches, c, period) for c in (*TEXT_COLUMNS, "seq_no")}
    moved = goal_out_of_title(texts["title"], texts["goal"], contracts.header_synonyms())
    if moved is not None:  # «Форум «…». Цель: …» under a title column: the goal is the goal's
        texts["title"], texts["goal"] = moved
    title = _folded("title", texts["title"])
    in_title = None if fold(texts["date_text"]) else date_in_title(title, period)
    if in_title is not None:  # the date cell empty, the title ending with a whole date
        title, texts["date_text"], read = in_title
        dates = DateParse(read.start, read.end, FROM_TITLE, None)
    else:
        dates = row_dates(texts["date_text"], period, month)
    unpaired = unpaired_note(texts["title"], texts["date_text"], texts["seq_no"])
    if unpaired is not None:  # several events' dates, not one event's span: none is read
        dates = DateParse(None, None, None, unpaired)
    return Row(
        source_file=source_file,
        source_locator=raw.locator,
        row_index=index,
        seq_text=fold(texts["seq_no"]),
        seq_no=seq_number(texts["seq_no"]),
        municipality_raw=muni_raw,
        municipality=canonical_municipality(muni_raw) if fold(muni_raw) else "",
        title_raw=texts["title"],
        title=title,
        place_raw=texts["place"],
        place=_folded("place", texts["place"]),
        date_text=texts["date_text"],
        start_date=dates.start,
        end_date=dates.end,
        date_form=dates.form,
        goal_raw=texts["goal"],
        goal=fold(texts["goal"]),
        participants_raw=texts["participants"],
        participants=fold(texts["participants"]),
        status_text=fold(field_text(raw, matches, STATUS_COLUMN, period)),
    )
