"""Expected records (gold files) for the invented samples, derived from the very rows that build
each document, in the format of ../shared/gold/*.gold.json (see ../shared/gold/README.md).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .docx_build import BOOKMARK

RULES = frozenset(
    {"date_format", "quarter_consistency", "duplicate_event", "required_field", "numbering", "mixed_script"}
)


def fold(text: str) -> str:
    """Cell text as gold holds it: bookmark artefacts dropped, whitespace folded to single spaces."""
    return re.sub(r"\s+", " ", BOOKMARK.sub("", text).replace("\xa0", " ")).strip()


@dataclass(frozen=True)
class InventedRow:
    """One invented table row and what muniflow must make of it.

    `start`/`end` are the true dates (None where the cell holds no readable date); `date_helped`
    marks a date that is only readable with help (no year, a whole month), which may raise a
    date_format warning; `planted` lists the other rules the row was written to trip.
    """

    seq_text: str
    municipality: str
    title: str
    place: str
    date_text: str
    goal: str
    participants: str
    start: date | None
    end: date | None
    date_helped: bool = False
    planted: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    dup_group: str | None = None


def expected_flags(row: InventedRow, first: date, last: date) -> tuple[list[str], list[str], bool | None]:
    """The rules that must fire, those that may, and whether the row must reach `events`.

    Date rules follow from the dates themselves so the gold cannot contradict the document:
    no readable date is a date_format error, or, when the cell is empty, a required_field error
    alone (the date is missing, not unreadable); dates
    wholly outside the quarter are a quarter_consistency error, dates straddling its edge a warning.
    """
    flags = list(row.planted)
    optional = list(row.optional)
    in_events: bool | None = True
    if row.start is None or row.end is None:
        flags.append("date_format" if row.date_text.strip() else "required_field")
        in_events = False
    else:
        if row.date_helped:
            optional.append("date_format")
        if row.end < first or row.start > last:
            flags.append("quarter_consistency")
            in_events = False
        elif row.start < first or row.end > last:
            flags.append("quarter_consistency")
    if row.dup_group:
        optional.append("duplicate_event")
        in_events = None
    return sorted(set(flags)), sorted(set(optional) - set(flags)), in_events


def gold_entry(row: InventedRow, first: date, last: date) -> dict[str, object]:
    """One gold `events` entry for an invented row."""
    flags, optional, in_events = expected_flags(row, first, last)
    unknown = set(flags) | set(optional)
    if not unknown <= RULES:
        raise ValueError(f"unknown rules {sorted(unknown - RULES)} in row {row.seq_text!r}")
    return {
        "seq": int(re.sub(r"\D", "", row.seq_text)),
        "municipality": fold(row.municipality),
        "title": fold(row.title),
        "place": fold(row.place),
        "goal": fold(row.goal),
        "participants": fold(row.participants),
        "start_date": row.start.isoformat() if row.start else None,
        "end_date": row.end.isoformat() if row.end else None,
        "flags": flags,
        "optional": optional,
        "dup_group": row.dup_group,
        "in_events": in_events,
        "date_optional": False,
    }


def write_gold(path: Path, rows: tuple[InventedRow, ...], first: date, last: date) -> dict[str, object]:
    """Write the gold file of an invented report and return what was written."""
    gold: dict[str, object] = {
        "period": [first.isoformat(), last.isoformat()],
        "municipalities": len({fold(r.municipality) for r in rows}),
        "events": [gold_entry(r, first, last) for r in rows],
    }
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return gold
