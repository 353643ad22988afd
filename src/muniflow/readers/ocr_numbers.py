"""The № column of a scanned table read again from its own order: rows are numbered one by one.

A blurred scan turns a row's number into another («17» read «7», «32» read «82», «7» read «#4») or
loses it, and the row is then matched to nothing. Between two numbers read that differ by two,
the row's number can only be the one between them; anything else is left as read (a report may
skip or repeat a number, and the reviewer is told about every OCR'd row anyway).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NUMBER = re.compile(r"(\d{1,4})(\.?)")
_SEQ_HEADER = re.compile(r"^\s*(?:№|N\s*п/п|No\.?\s*$)")


def number_column(header: Sequence[str]) -> int | None:
    """The index of the column headed «№» («№ п/п»), or None."""
    return next((i for i, text in enumerate(header) if _SEQ_HEADER.match(text or "")), None)


def _value(text: str | None) -> int | None:
    match = _NUMBER.fullmatch((text or "").strip())
    return int(match.group(1)) if match else None


# A misread number is a few characters («#4», «РВ.»); a longer text in the column is a heading's
# («Городской округ город Энск» across the table, its text standing in the № column).
_MISREAD_MAX = 6


def repair_sequence(cells: Sequence[str | None]) -> list[str | None]:
    """The column's cells with a number misread or lost between two numbers that differ by two
    put right («16», «7», «18» -> «16», «17», «18»); cells under a merged heading (None) are not
    rows of the sequence and stay None, nor is a text longer than a misread number (a heading's)."""
    out = list(cells)
    rows = [i for i, text in enumerate(cells) if text is not None and len(text.strip()) <= _MISREAD_MAX]
    for before, here, after in zip(rows, rows[1:], rows[2:], strict=False):
        low, high = _value(cells[before]), _value(cells[after])
        if low is None or high is None or high != low + 2 or _value(cells[here]) == low + 1:
            continue
        dot = "." if (cells[before] or "").strip().endswith(".") else ""
        out[here] = f"{low + 1}{dot}"
    return out


def column_numbers(cells: Sequence[str | None]) -> list[str | None] | None:
    """A row of column numbers (1 2 3 …) with one of them misread («1 2 Е 4 5 6 7») as the numbers
    it holds, or None when the row is not one: every cell at most a few characters and all but one
    the number of its column (an event's row always has a longer text)."""
    texts = [(c or "").strip().rstrip(".") for c in cells]
    if len(texts) < 3 or any(len(t) > 3 for t in texts):
        return None
    misses = sum(t != str(i) for i, t in enumerate(texts, start=1))
    return [str(i) for i in range(1, len(texts) + 1)] if misses == 1 else None
