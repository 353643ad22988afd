"""The numbering rule: № runs 1, 2, 3… through the report, or anew in each municipality's section.

The scheme is chosen per report: the one under which fewer rows break (one run through the report
when both fit equally). Only breaks within the chosen scheme are flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import groupby

from muniflow.contracts import Contract
from muniflow.model import Flag, Row
from muniflow.normalize.text import fold
from muniflow.rules import messages

RULE = "numbering"


def numbering_flags(rows: Sequence[Row], contract: Contract) -> list[Flag]:
    """One flag on each row where the № run breaks (repeated, skipped, out of order or missing)."""
    if not any(r.rule == RULE for r in contract.row_rules):
        return []
    if all(row.seq_no is None and not any(ch.isdigit() for ch in row.seq_text or "") for row in rows):
        return []  # the № column is empty or absent: a report that numbers nothing has no run to break
    severity = contract.severity(RULE)
    start = int(contract.threshold("numberingStart", 1))
    compound = _section_dot_item(rows)
    if compound is not None:
        return [flag for block in compound for flag in _run_flags(block, start, severity)]
    through = _run_flags(rows, start, severity)
    if not through:
        return through
    sections = [list(block) for _, block in groupby(rows, key=lambda r: r.municipality)]
    per_section = [flag for block in sections for flag in _run_flags(block, start, severity)]
    return per_section if len(sections) > 1 and len(per_section) < len(through) else through


_SECTION_DOT_ITEM = re.compile(r"(\d{1,4})\.(\d{1,4})\.?")


def _section_dot_item(rows: Sequence[Row]) -> list[list[Row]] | None:
    """Rows numbered «1.1, 1.2, 2.1…» (every numbered row so), as runs of their item numbers per
    section number; None for any other numbering."""
    matches = [_SECTION_DOT_ITEM.fullmatch(fold(row.seq_text or "")) for row in rows]
    if not any(matches) or any(
        m is None and row.seq_no is not None for m, row in zip(matches, rows, strict=True)
    ):
        return None
    blocks: list[list[Row]] = []
    section = None
    for match, row in zip(matches, rows, strict=True):
        if match is not None and match.group(1) != section:
            section = match.group(1)
            blocks.append([])
        elif not blocks:
            blocks.append([])
        blocks[-1].append(replace(row, seq_no=int(match.group(2)) if match else None))
    return blocks


def _run_flags(rows: Sequence[Row], start: int, severity: str) -> list[Flag]:
    """The flags of one run that should go start, start + 1, …"""
    previous = start - 1
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
