"""One builder of plausible normalized rows for the tests of every stage that reads them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from muniflow.model import Row
from muniflow.rules.duplicates import find_duplicates


def make_row(index: int = 0, **changes: Any) -> Row:
    """A clean row dated 12 April 2024 (inside 2024 Q2); keyword arguments change single fields."""
    row = Row(
        source_file="report.docx",
        source_locator=f"table 1, row {index + 2}",
        row_index=index,
        seq_text=f"{index + 1}.",
        seq_no=index + 1,
        municipality_raw="Район",
        municipality="Район",
        title_raw="Концерт",
        title="Концерт",
        place_raw="г. Город",
        place="г. Город",
        date_text="12 апреля 2024 года",
        start_date=date(2024, 4, 12),
        end_date=date(2024, 4, 12),
        date_form="exact",
        goal_raw="Обмен опытом",
        goal="Обмен опытом",
        participants_raw="20 человек",
        participants="20 человек",
    )
    return replace(row, **changes)


def dated_row(
    title: str, place: str, start: str | None, end: str | None, municipality: str, index: int
) -> Row:
    """A row with only what the duplicate rule reads: title, place, ISO dates, municipality."""
    return make_row(
        index,
        source_file="test.docx",
        source_locator=f"row {index}",
        seq_text=str(index + 1),
        municipality_raw=municipality,
        municipality=municipality,
        title_raw=title,
        title=title,
        place_raw=place,
        place=place,
        date_text=start or "",
        start_date=date.fromisoformat(start) if start else None,
        end_date=date.fromisoformat(end or start) if (end or start) else None,
        goal_raw="",
        goal="",
        participants_raw="",
        participants="",
    )


Titled = tuple[str, str, str]  # (title, place, municipality)


def one_event(a: Titled, b: Titled, day: str = "2025-05-14") -> bool:
    """Whether the duplicate rule calls two rows (title, place, municipality) of one day one event."""
    rows = [dated_row(t, p, day, None, m, i) for i, (t, p, m) in enumerate((a, b))]
    return len(find_duplicates([(("r1", 0), rows[0]), (("r2", 1), rows[1])])) == 1
