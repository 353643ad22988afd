"""The numbering rule: № runs 1, 2, 3… through the report; a break is flagged where it happens."""

from __future__ import annotations

from collections.abc import Sequence

from muniflow.contracts import Contract
from muniflow.model import Flag, Row
from muniflow.rules import messages

RULE = "numbering"


def numbering_flags(rows: Sequence[Row], contract: Contract) -> list[Flag]:
    """One flag on each row where the № run breaks (repeated, skipped, out of order or missing)."""
    if not any(r.rule == RULE for r in contract.row_rules):
        return []
    severity = contract.severity(RULE)
    previous = int(contract.threshold("numberingStart", 1)) - 1
    seen: set[int] = set()
    flags = []
    for position, row in enumerate(rows):
        number = row.seq_no
        if number == previous + 1:
            previous = number
            seen.add(number)
            continue
        message, value = _why(row, previous, seen)
        flags.append(Flag(row.row_index, RULE, severity, message, "seq_no", value))
        if number is not None:
            seen.add(number)
        following = rows[position + 1].seq_no if position + 1 < len(rows) else None
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


def _why(row: Row, previous: int, seen: set[int]) -> tuple[str, str | None]:
    number = row.seq_no
    if number is None:
        return messages.numbering_missing(row.seq_text, previous + 1)
    if number in seen:
        return messages.numbering_repeated(number, previous)
    if number > previous + 1:
        return messages.numbering_skipped(number, previous)
    return messages.numbering_out_of_order(number, previous)
