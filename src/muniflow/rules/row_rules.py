"""Row rules compiled from the contract into pandera schemas (one per severity) and run lazily.

Each per-property quality rule of the contract names a check (its `implementation`); the check
becomes a pandera Check named "rule|check|property", so every failure case maps back to the
row (its index is Row.row_index) and to the rule that fired.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

import pandas as pd
import pandera.pandas as pa

from muniflow.contracts import Contract, RowRule, load_yaml
from muniflow.model import Flag, Report
from muniflow.rules import messages

# Date forms that needed help to read (anything else but 'exact' is treated the same way).
EXACT = "exact"
TEXT_FIELDS = ("municipality", "title", "place", "goal", "participants")


def rows_frame(report: Report) -> pd.DataFrame:
    """The report's rows as a frame indexed by row_index, with the period beside every row."""
    period = report.period
    rows = report.rows
    # built column by column: a record per row costs pandas a dict walk per cell
    first, last = (period.first_day, period.last_day) if period else (None, None)
    columns: dict[str, list[Any]] = {name: [getattr(row, name) for row in rows] for name in _ROW_COLUMNS}
    columns["period_first"] = [first] * len(rows)
    columns["period_last"] = [last] * len(rows)
    frame = pd.DataFrame(columns, index=[row.row_index for row in rows])
    for column in ("start_date", "end_date", "period_first", "period_last"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def records_columns() -> tuple[str, ...]:
    """The columns of rows_frame, in order."""
    return (
        "seq_no",
        "seq_text",
        *TEXT_FIELDS,
        *(f"{name}_raw" for name in TEXT_FIELDS),
        "date_text",
        "status_text",
        "date_form",
        "start_date",
        "end_date",
        "period_first",
        "period_last",
    )


# The columns rows_frame reads from each row, in records_columns order (the period's two follow).
_ROW_COLUMNS = records_columns()[:-2]


# --- the checks: True where the row passes -------------------------------------------------


def _filled(series: pd.Series, listed: frozenset[str] = frozenset()) -> pd.Series:
    """A cell that says something: not empty, not a dash, not a placeholder `listed` («нет»)."""
    return ~series.fillna("").astype(str).map(lambda text: _says_nothing(text, listed))


def _says_nothing(text: str, blank_values: frozenset[str]) -> bool:
    if not any(ch.isalnum() for ch in text):
        return True  # empty, blanks, "-", "—", "…"
    return _placeholder_key(text) in blank_values


def _placeholder_key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split()).rstrip(".")


def _dates_known(frame: pd.DataFrame) -> pd.Series:
    return frame["start_date"].notna() & frame["end_date"].notna()


def _date_readable(frame: pd.DataFrame) -> pd.Series:
    return frame["date_form"].notna() & _dates_known(frame)


def _date_order(frame: pd.DataFrame) -> pd.Series:
    return ~(_dates_known(frame) & (frame["start_date"] > frame["end_date"]))


def range_max_days() -> int | None:
    """The longest range an event of a report may last (contracts/dates.yaml `range_max_days`)."""
    from muniflow.normalize.date_words import VOCABULARY_NAME

    value = load_yaml(VOCABULARY_NAME).get("range_max_days")
    return int(value) if value else None


def _date_span(frame: pd.DataFrame) -> pd.Series:
    longest = range_max_days()
    if longest is None:
        return pd.Series(True, index=frame.index)
    return ~(_dates_known(frame) & ((frame["end_date"] - frame["start_date"]).dt.days > longest))


def _date_exact(frame: pd.DataFrame) -> pd.Series:
    helped = frame["date_form"].notna() & (frame["date_form"] != EXACT)
    return ~(helped & _dates_known(frame))


def _judged_against_period(frame: pd.DataFrame) -> pd.Series:
    # An unreadable date is date_format's to report; without a period there is nothing to judge; a
    # date cell saying the event was not held («перенесено на III квартал», «15.03.2025 (отменено)»)
    # is not_held's: the time it names is when the event was put off to or planned for, not one it
    # was held in, so it belongs to no other quarter's report.
    judged = _date_readable(frame) & frame["period_first"].notna() & frame["period_last"].notna()
    return judged & _held(frame["date_text"]) if "date_text" in frame else judged


def _wholly_outside(frame: pd.DataFrame) -> pd.Series:
    return (frame["end_date"] < frame["period_first"]) | (frame["start_date"] > frame["period_last"])


def _overlaps_period(frame: pd.DataFrame) -> pd.Series:
    return ~(_judged_against_period(frame) & _wholly_outside(frame))


def _within_period(frame: pd.DataFrame) -> pd.Series:
    crosses = (frame["start_date"] < frame["period_first"]) | (frame["end_date"] > frame["period_last"])
    return ~(_judged_against_period(frame) & ~_wholly_outside(frame) & crosses)


def _held(cells: pd.Series) -> pd.Series:
    # Imported here: the words a heading says its events were not held with (interpret/not_held.py).
    from muniflow.interpret.not_held import says_not_held

    return ~cells.fillna("").astype(str).map(says_not_held)


# The date forms a weekday beside the date is judged in: a day written out, its year given or not.
WEEKDAY_FORMS = ("exact", "year_from_period")


def _weekday_agrees(frame: pd.DataFrame) -> pd.Series:
    # Imported here: the weekday words of contracts/dates.yaml (normalize/weekdays.py).
    from muniflow.normalize.weekdays import mismatches

    judged = frame["date_form"].isin(WEEKDAY_FORMS) & _dates_known(frame)
    # whole columns walked once: a lookup per cell (`frame.at`) costs more than the check itself
    return pd.Series(
        [
            not (judges and mismatches(str(text or ""), start.date(), end.date()))
            for judges, text, start, end in zip(
                judged, frame["date_text"], frame["start_date"], frame["end_date"], strict=True
            )
        ],
        index=frame.index,
        dtype=bool,
    )


def _mixed_words(text: Any) -> list[str]:
    # Imported here: normalize.script is the one definition of "mixed", shared with the fixer.
    from muniflow.normalize.script import mixed_script_words

    return mixed_script_words(text) if isinstance(text, str) else []


@dataclass(frozen=True)
class _Check:
    """How one contract check runs: on a column (which one) or on the whole row frame."""

    column: Callable[[str], str] | None  # property -> column judged; None for a frame check
    passes: Callable[..., pd.Series]
    # A contract-level list (customProperties) the check reads, passed as its `listed` argument.
    reads: str | None = None


# The check of a required field: where it fails, the field's other checks have nothing to judge.
BLANK_CHECK = "not_blank"

CHECKS: dict[str, _Check] = {
    BLANK_CHECK: _Check(lambda prop: prop, _filled, reads="blankValues"),
    # The raw text: the normalized one has the letters fixed already.
    "single_script": _Check(lambda prop: f"{prop}_raw", lambda s: s.map(lambda t: not _mixed_words(t))),
    "date_readable": _Check(None, _date_readable),
    "date_order": _Check(None, _date_order),
    "date_span": _Check(None, _date_span),
    "date_exact": _Check(None, _date_exact),
    "overlaps_period": _Check(None, _overlaps_period),
    "within_period": _Check(None, _within_period),
    "held": _Check(lambda prop: prop, _held),
    "weekday_agrees": _Check(None, _weekday_agrees),
}

_SEP = "|"


def _check_name(rule: RowRule) -> str:
    return _SEP.join((rule.severity, rule.rule, rule.check, rule.property))


def compile_schema(contract: Contract) -> pa.DataFrameSchema:
    """One pandera schema holding the contract's pandera row rules. pandera has no severity, so a
    check's name carries its rule's ("severity|rule|check|property"): one lazy validation of a
    report finds its errors and its warnings alike, the fixed cost of a validation paid once."""
    lists = tuple(
        (name, frozenset(_placeholder_key(str(v)) for v in contract.threshold(name, []) or []))
        for name in sorted({spec.reads for spec in CHECKS.values() if spec.reads})
    )
    return _compiled(contract.rules_for("pandera"), lists)


@lru_cache(maxsize=8)
def _compiled(
    rules: tuple[RowRule, ...], lists: tuple[tuple[str, frozenset[str]], ...] = ()
) -> pa.DataFrameSchema:
    """The schema of these rules, built once: every report of a run is checked by the same one."""
    unknown = {r.check for r in rules} - CHECKS.keys()
    if unknown:
        raise ValueError(f"the contract names checks muniflow does not implement: {sorted(unknown)}")
    columns: dict[str, list[pa.Check]] = {}
    frame_checks = []
    for rule in rules:
        spec = CHECKS[rule.check]
        passes = partial(spec.passes, listed=dict(lists)[spec.reads]) if spec.reads else spec.passes
        check = pa.Check(passes, name=_check_name(rule), ignore_na=False)
        if spec.column is None:
            frame_checks.append(check)
        else:
            columns.setdefault(spec.column(rule.property), []).append(check)
    return pa.DataFrameSchema(
        {name: pa.Column(nullable=True, checks=checks) for name, checks in columns.items()},
        checks=frame_checks,
        name="event_row",
    )


def failures(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> list[tuple[int, str]]:
    """(row_index, check name) of every row a check of the schema fails, by lazy validation.

    pandera collects every failure instead of stopping at the first; its `failure_cases` carry
    the frame's index (the row_index) and the check's name ("severity|rule|check|property").
    """
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        named = cases[cases["check"].astype(str).str.contains(_SEP, regex=False) & cases["index"].notna()]
        return sorted({(int(i), str(c)) for i, c in zip(named["index"], named["check"], strict=True)})
    return []


def row_flags(report: Report, contract: Contract) -> list[Flag]:
    """Flags of the contract's pandera row rules on one report's rows."""
    frame = rows_frame(report)
    if frame.empty:
        return []
    # errors before warnings, each in row order then by check name, as the flags are listed
    failed = sorted(
        (severity, index, name)
        for index, full in failures(compile_schema(contract), frame)
        for severity, name in [full.split(_SEP, 1)]
    )
    # A field flagged as missing is not flagged again by its other checks: an empty date cell is
    # one error saying the date is missing, not also an unreadable one.
    missing = {
        (index, name.split(_SEP)[2]) for _, index, name in failed if name.split(_SEP)[1] == BLANK_CHECK
    }
    flags = []
    for severity, index, name in failed:
        rule, check, prop = name.split(_SEP)
        if check != BLANK_CHECK and (index, prop) in missing:
            continue
        row = frame.loc[index].to_dict()
        if check == "single_script":
            message, value = messages.single_script(_mixed_words(row[f"{prop}_raw"]), prop)
        else:
            message, value = messages.ROW_MESSAGES[check](row, prop)
        flags.append(Flag(index, rule, severity, message, prop, value))
    return flags
