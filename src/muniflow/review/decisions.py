"""Read a review file's lines into decisions, checking the whole file before anything is applied.

Pure: lines and the flagged rows they name in, decisions or every problem (each naming its line)
out. Corrected values are validated with the contract's row rules, as any row is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from muniflow.contracts import Contract
from muniflow.model import Period, Report, Row
from muniflow.review.words import decision_named, phrases_of
from muniflow.rules.row_rules import row_flags

DECISIONS = ("accept", "release", "reject", "distinct")
DUPLICATE_RULE = "duplicate_event"
# File column -> Corrections field; in the order of the review file.
CORRECTION_COLUMNS = {
    "corrected_title": "title",
    "corrected_place": "place",
    "corrected_start_date": "start_date",
    "corrected_end_date": "end_date",
    "corrected_municipality": "municipality",
}
REQUIRED_COLUMNS = ("row_key", "decision")
_RU_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")


@dataclass(frozen=True)
class Corrections:
    """The corrected values of a row; None leaves the field as extracted."""

    title: str | None = None
    place: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    municipality: str | None = None

    def any(self) -> bool:
        return any(
            v is not None for v in (self.title, self.place, self.start_date, self.end_date, self.municipality)
        )

    def as_record(self) -> dict[str, Any] | None:
        """As the warehouse stores them (a struct), or None when nothing is corrected."""
        if not self.any():
            return None
        return {
            "title": self.title,
            "place": self.place,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "municipality": self.municipality,
        }


@dataclass(frozen=True)
class FlaggedRow:
    """A current flagged row a decision may name: its flags and the row as extracted."""

    row_key: str
    rules: tuple[str, ...]
    severities: tuple[str, ...]
    row: Row
    period: Period | None
    report_id: str


@dataclass(frozen=True)
class Decision:
    """One line's decision on one row."""

    line: int
    row_key: str
    decision: str
    note: str | None
    corrections: Corrections


class ReviewFileError(ValueError):
    """The file cannot be applied; `problems` lists each one with its line. Nothing was applied."""

    def __init__(self, problems: Sequence[str]):
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


def parse_date(value: Any) -> date | None:
    """A corrected date as written: dd.mm.yyyy, ISO yyyy-mm-dd, or a spreadsheet date; '' is None.

    Raises:
        ValueError: anything else, or a day that does not exist.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    ru = _RU_DATE.match(text)
    iso = _ISO_DATE.match(text)
    parts = (ru.group(3), ru.group(2), ru.group(1)) if ru else iso.groups() if iso else None
    if parts is None:
        raise ValueError(f"not a date: {text!r} (write dd.mm.yyyy or yyyy-mm-dd)")
    try:
        return date(*(int(p) for p in parts))
    except ValueError as err:  # «31.02.2025»: the value beside Python's words, which name none
        raise ValueError(f"no such day: {text!r} ({err})") from err


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_decisions(
    lines: Sequence[tuple[int, Mapping[str, Any]]],
    flagged: Mapping[str, FlaggedRow],
    contract: Contract,
) -> list[Decision]:
    """The decisions of a review file's lines (empty decisions skipped).

    Raises:
        ReviewFileError: with every problem found, each naming its line.
    """
    problems: list[str] = []
    if lines:
        missing = [c for c in REQUIRED_COLUMNS if c not in lines[0][1]]
        if missing:
            raise ReviewFileError([f"line 1: the header lacks column(s) {', '.join(missing)}"])
    decisions: list[Decision] = []
    seen: dict[str, int] = {}
    for number, values in lines:
        written = _text(values.get("decision")).strip()
        if not written:
            continue
        key = _text(values.get("row_key")).strip()
        where = f"line {number}"
        named = decision_named(written, DECISIONS)
        if named is None:
            russian = ", ".join(phrases_of(d)[0] for d in DECISIONS if phrases_of(d))
            problems.append(
                f"{where}: unknown decision {written.lower()!r} (one of {', '.join(DECISIONS)};"
                f" or in Russian, contracts/review.yaml: {russian})"
            )
            continue
        word = named
        row = flagged.get(key)
        if row is None:
            problems.append(
                f"{where}: unknown row_key {key!r}: not a flagged row of a current report (a later"
                " version of its report may have replaced it, or its flag closed): export the review"
                " file again (`muniflow review export`)"
            )
            continue
        if key in seen:
            problems.append(f"{where}: row_key {key} already decided on line {seen[key]}")
            continue
        seen[key] = number
        try:
            corrections = _corrections(values)
        except ValueError as err:
            problems.append(f"{where}: {err}")
            continue
        problem = (
            _edited_originals(values, row, corrections)
            or _misfit(word, row, corrections)
            or _undated(word, row, corrections)
            or _untitled(word, row, corrections)
            or _still_broken(word, row, corrections, contract)
        )
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        written = _text(values.get("note"))
        note = written if written.strip() else None  # kept as written: it reads back unchanged
        decisions.append(Decision(number, key, word, note, _dated(corrections, row.row)))
    if problems:
        raise ReviewFileError(problems)
    return decisions


def _corrections(values: Mapping[str, Any]) -> Corrections:
    found: dict[str, Any] = {}
    for column, name in CORRECTION_COLUMNS.items():
        raw = values.get(column)
        if name.endswith("_date"):
            try:
                found[name] = parse_date(raw)
            except ValueError as err:
                raise ValueError(f"{column}: {err}") from err
        else:
            text = _text(raw)
            found[name] = text if text.strip() else None  # as written, like the note
    return Corrections(**found)


def _misfit(word: str, row: FlaggedRow, corrections: Corrections) -> str | None:
    """Why this decision cannot be made on this row, if it cannot."""
    errors = [r for r, s in zip(row.rules, row.severities, strict=True) if s == "error"]
    if word == "accept" and errors and set(errors) != {DUPLICATE_RULE}:
        return (
            f"accept applies to warnings and to a {DUPLICATE_RULE} copy; the row has error(s) "
            f"{', '.join(errors)} (release or reject it)"
        )
    if word == "accept" and errors and corrections.any():
        return f"an accepted {DUPLICATE_RULE} copy stays out of events: it takes no corrected values"
    if word == "release" and not errors:
        return "release applies to quarantined rows (errors); the row has only warnings (accept it)"
    if word == "distinct" and DUPLICATE_RULE not in row.rules:
        return f"distinct applies to {DUPLICATE_RULE} flags; the row has {', '.join(row.rules)}"
    if corrections.any() and word not in ("accept", "release"):
        return f"corrected values go with accept or release, not {word}"
    return None


def _edited_originals(values: Mapping[str, Any], row: FlaggedRow, corrections: Corrections) -> str | None:
    """A date typed over the exported one (the row's own columns are not read back): the file would
    seem to correct it, and the event keep its date, or none."""
    for column, name in CORRECTION_COLUMNS.items():
        if not name.endswith("_date") or name not in values or getattr(corrections, name) is not None:
            continue
        try:
            written = parse_date(values.get(name))
        except ValueError:
            written = None
        if written is not None and written != getattr(row.row, name):
            return (
                f"{name} was changed to {written:%d.%m.%Y}, but the row's own columns are not read: "
                f"write the corrected date in {column}"
            )
    return None


def _undated(word: str, row: FlaggedRow, corrections: Corrections) -> str | None:
    """A release of a row without a date and no corrected date: the event would enter events (and
    the compiled report) without a date."""
    if word != "release" or row.row.start_date is not None or corrections.start_date is not None:
        return None
    return (
        "release puts the row into events, and it has no date: give corrected_start_date "
        "(and corrected_end_date), or reject it"
    )


def _untitled(word: str, row: FlaggedRow, corrections: Corrections) -> str | None:
    """A release of a row without a title and no corrected title: an event would enter events (and
    the compiled report) naming nothing."""
    if word != "release" or row.row.title.strip() or (corrections.title or "").strip():
        return None
    return "release puts the row into events, and it has no title: give corrected_title, or reject it"


def _dated(corrections: Corrections, row: Row) -> Corrections:
    """The corrections with both dates, as the checked row has them (`corrected_row`): a start
    alone is a one-day event unless the row has an end of its own, so none is stored without an end."""
    if corrections.start_date is None and corrections.end_date is None:
        return corrections
    fixed = corrected_row(row, corrections)
    return replace(corrections, start_date=fixed.start_date, end_date=fixed.end_date)


def corrected_row(row: Row, corrections: Corrections) -> Row:
    """The row with its corrected values in place of the extracted ones (raw texts included)."""
    changes: dict[str, Any] = {}
    for name in ("title", "place", "municipality"):
        value = getattr(corrections, name)
        if value is not None:
            changes[name] = value
            changes[f"{name}_raw"] = value
    if corrections.start_date is not None or corrections.end_date is not None:
        changes["start_date"] = corrections.start_date or row.start_date
        changes["end_date"] = corrections.end_date or corrections.start_date or row.end_date
        changes["date_form"] = "exact"
        if not row.date_text.strip():  # an empty date cell: the corrected dates written in it
            start, end = changes["start_date"], changes["end_date"]
            shown = [d.strftime("%d.%m.%Y") for d in dict.fromkeys((start, end)) if d is not None]
            changes["date_text"] = "–".join(shown)
    return replace(row, **changes)


def _still_broken(word: str, row: FlaggedRow, corrections: Corrections, contract: Contract) -> str | None:
    """The reason a corrected row still breaks an error rule, if it does."""
    if not corrections.any():
        return None
    fixed = corrected_row(row.row, corrections)
    report = Report(fixed.source_file, "review", None, row.period, (fixed,))
    errors = [f for f in row_flags(report, contract) if f.severity == "error"]
    if not errors:
        return None
    reasons = "; ".join(f"{f.rule}: {f.message}" for f in errors)
    return f"the correction still breaks an error rule ({reasons})"
