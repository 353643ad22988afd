"""The numbering rule: № runs 1, 2, 3… through the report, anew in each municipality's section,
anew in each of its tables, or through but anew where a section or table opens on 1.

The scheme is chosen per report: the one under which fewer rows break (one run through the report
when both fit equally). Only breaks within the chosen scheme are flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import groupby
from typing import cast

from muniflow.contracts import Contract
from muniflow.model import Flag, Row
from muniflow.normalize.text import seq_number
from muniflow.rules import messages

RULE = "numbering"


def numbering_flags(
    rows: Sequence[Row],
    contract: Contract,
    numbered_nil: Sequence[tuple[int, str, str]] = (),
    shared_numbers: Sequence[int] = (),
) -> list[Flag]:
    """One flag on each row where the № run breaks (repeated, skipped, out of order or missing).

    `numbered_nil` (`Report.numbered_nil`): nil statements written with a №, which take their
    place in the run («1. Концерт», «2. Мероприятия не проводились», «3. Выставка» is no gap)
    but are never flagged themselves."""
    if not any(r.rule == RULE for r in contract.row_rules):
        return []
    if not any(ch.isdigit() for r in rows for ch in r.seq_text or ""):
        # a report without a № column, or whose № cells hold only blanks or dashes, has no run to
        # break: its rows are not misnumbered
        return []
    shared = frozenset(shared_numbers)
    run = [r for r in _with_nil_statements(rows, numbered_nil) if r.row_index not in shared]
    flags = _flags(run, contract)
    return [flag for flag in flags if flag.row_index != NIL_ROW]


# The row index of a nil statement's place in the run: no row of the report has it.
NIL_ROW = -1


def _with_nil_statements(rows: Sequence[Row], numbered_nil: Sequence[tuple[int, str, str]]) -> Sequence[Row]:
    """The rows with each numbered nil statement in its place, as a row of index `NIL_ROW`."""
    if not numbered_nil or not rows:
        return rows
    out = list(rows)
    # from the last place back, so each place counts the rows before it; two at one place keep their order
    for position, number, municipality in reversed(sorted(numbered_nil, key=lambda n: n[0])):
        like = rows[min(position, len(rows) - 1)]
        nil = replace(
            like,
            row_index=NIL_ROW,
            seq_text=number,
            seq_no=seq_number(number),
            municipality=municipality or like.municipality,
        )
        out.insert(position, nil)
    return out


def _flags(rows: Sequence[Row], contract: Contract) -> list[Flag]:
    """The flags of the scheme under which fewer rows break."""
    items = _items_of_sections(rows)
    two_level = items is not rows  # «1.1, 1.2, 2.1»: the numbers themselves say they run per section
    rows = items
    severity = contract.severity(RULE)
    start = int(contract.threshold("numberingStart", 1))
    through = _run_flags(rows, start, severity)
    if not through:
        return through
    best = through
    for sections in (
        [list(block) for _, block in groupby(rows, key=_municipality)],
        [list(block) for _, block in groupby(rows, key=_section_number)] if two_level else [],
        [list(block) for _, block in groupby(rows, key=_municipality_and_table)],
        _restarting(rows, start),
    ):
        per_section = [flag for block in sections for flag in _run_flags(block, start, severity)]
        if len(sections) > 1 and (
            len(per_section) < len(best) or (two_level and best is through and len(per_section) == len(best))
        ):
            best = per_section
    return best


def _municipality(row: Row) -> str:
    return row.municipality


def _municipality_and_table(row: Row) -> tuple[str, str]:
    """A municipality's table (one per theme: «Культурные мероприятия», «Спорт», each numbered
    from 1)."""
    return row.municipality, row.source_locator.rpartition(", row ")[0]


def _restarting(rows: Sequence[Row], start: int) -> list[list[Row]]:
    """The runs of a report numbered through but anew where a municipality's section or a table
    opens on the first number (tables split by hand go on 1…36, a themed table after them starts
    at 1 again): a section or table opening on another number goes on in the run before it."""
    runs: list[list[Row]] = []
    for _, block in groupby(rows, key=_municipality_and_table):
        part = list(block)
        if runs and part[0].seq_no != start:
            runs[-1].extend(part)
        else:
            runs.append(part)
    return runs


# «2.1», «2.3.»: a section's number, then the row's number within it.
_TWO_LEVEL = re.compile(r"\s*(\d{1,3})\.(\d{1,4})\.?\s*")


def _section_number(row: Row) -> tuple[str, str]:
    """The municipality and the section a row numbered «2.1» says it is in (2): a theme's items run
    anew under each theme's heading, within one municipality too."""
    m = _TWO_LEVEL.fullmatch(row.seq_text)
    return row.municipality, m.group(1) if m else ""


def _items_of_sections(rows: Sequence[Row]) -> Sequence[Row]:
    """Rows numbered «1.1», «1.2», «2.1» (section, then item) judged by their item numbers, which
    run anew in each section; as they are when any numbered row is written otherwise."""
    items = [_TWO_LEVEL.fullmatch(r.seq_text) for r in rows if r.seq_text]
    if not items or not all(items):
        return rows
    return [
        replace(r, seq_no=int(m.group(2))) if (m := _TWO_LEVEL.fullmatch(r.seq_text)) else r for r in rows
    ]


def _run_flags(rows: Sequence[Row], start: int, severity: str) -> list[Flag]:
    """The flags of one run that should go start, start + 1, …"""
    previous = start - 1
    seen: set[int] = set()
    flags = []
    swapped: Row | None = None  # the second row of two written in each other's place
    for position, row in enumerate(rows):
        number = row.seq_no
        following = rows[position + 1].seq_no if position + 1 < len(rows) else None
        if row is swapped or (number == previous + 2 and following == previous + 1):
            # «…, 2, 4, 3, 5»: two rows in each other's place, both flagged, and the run goes on
            other = previous + 1 if row is not swapped else previous
            message, value = messages.numbering_swapped(cast(int, number), other)
            flags.append(Flag(row.row_index, RULE, severity, message, "seq_no", value))
            swapped = None if row is swapped else rows[position + 1]
            previous = max(previous, cast(int, number))
            seen.add(cast(int, number))
            continue
        if number == previous + 1:
            previous = number
            seen.add(number)
            continue
        message, value = _why(row, previous, seen, opening=previous == start - 1 and not seen)
        flags.append(Flag(row.row_index, RULE, severity, message, "seq_no", value))
        if number is not None:
            seen.add(number)
        previous = _resume_after(previous, number, following)
    return flags


def _resume_after(previous: int, number: int | None, following: int | None) -> int:
    """The number the run continues from after a broken row, judged by the row that follows.

    Only the row where the run breaks is flagged: if the next row carries on from the one
    before, the broken row was an extra (or a stray number); if it carries on one further, the
    broken row took its slot under a wrong number; otherwise the run restarts from this row.
    """
    if following == previous + 1:
        return previous
    if following == previous + 2 or number is None:
        return previous + 1
    return number


def _why(row: Row, previous: int, seen: set[int], opening: bool = False) -> tuple[str, str | None]:
    """The message of a broken row; `opening`: no row of the run numbered before it (its first)."""
    number = row.seq_no
    if number is None:
        return messages.numbering_missing(row.seq_text, previous + 1)
    if opening:
        return messages.numbering_opens(number, previous + 1)
    if number in seen:
        return messages.numbering_repeated(number, previous)
    if number > previous + 1:
        return messages.numbering_skipped(number, previous)
    return messages.numbering_out_of_order(number, previous)
