"""The № column of a scanned table read again from its own order: rows are numbered one by one.

A blurred scan turns a row's number into another («17» read «7», «32» read «82», «7» read «#4») or
loses it, and the row is then matched to nothing. Between two numbers read that differ by two,
the row's number can only be the one between them; anything else is left as read (a report may
skip or repeat a number, and the reviewer is told about every OCR'd row anyway).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

_NUMBER = re.compile(r"(\d{1,4})(\.?)")
_SEQ_HEADER = re.compile(r"^\s*(?:№|N\s*п/п|No\.?\s*$)")


def number_column(header: Sequence[str]) -> int | None:
    """The index of the column headed «№» («№ п/п»), or None."""
    return next((i for i, text in enumerate(header) if _SEQ_HEADER.match(text or "")), None)


def numbered_column(
    header: Sequence[str], rows: Sequence[Sequence[str | None]], label_max: int, share_min: float
) -> int | None:
    """The index of the column headed by a label of at most `label_max` characters and no digit (a
    misread «№» or «N»: «М») whose cells hold the rows' numbers (at least two rows, and `share_min`
    of the rows with any text), or None."""
    for index, label in enumerate(header):
        if not 0 < len(label.strip()) <= label_max or any(ch.isdigit() for ch in label):
            continue  # a long label is a word; one with a digit a row's number (a table with no header)
        cells = [r[index] if index < len(r) else None for r in rows if any((c or "").strip() for c in r)]
        numbered = sum(_value(c) is not None for c in cells)
        if numbered >= 2 and numbered >= share_min * len(cells):
            return index
    return None


def _value(text: str | None) -> int | None:
    match = _NUMBER.fullmatch((text or "").strip())
    return int(match.group(1)) if match else None


# A misread number is a few characters («#4», «РВ.»); a longer text in the column is a heading's
# («Городской округ город Энск» across the table, its text standing in the № column).
MISREAD_MAX = 6


def repair_sequence(cells: Sequence[str | None]) -> list[str | None]:
    """The column's cells with a number misread or lost between two numbers that differ by two
    put right («16», «7», «18» -> «16», «17», «18»); so is a run of cells holding no number between
    two numbers whose gap it fills exactly («5», «Е», «%», «8» -> 5, 6, 7, 8), a run of misread
    cells opening the column or a section whose next two rows are numbered as their places say
    («0», «2», «3» -> 1, 2, 3; «Е», «%», «3», «4» -> 1, 2, 3, 4), and a misread cell closing it after
    two numbers in a row («20», «21», «да.» -> 20, 21, 22); a number read with a mark for its stop
    («2?», «5;») is that number, and the column's opening cells are numbered by the numbers after
    them across the headings too («и», «2» | heading | «3» -> 1, 2, 3). Cells under a merged
    heading (None) are not rows of the sequence and stay None (they part the sections), nor is a
    text longer than a misread number (a heading's); a cell at the column's ends must look misread
    (a few characters, not blank: a row cut over a page leaves its № blank)."""
    rows = [i for i, text in enumerate(cells) if text is not None and len(text.strip()) <= MISREAD_MAX]
    dot = (
        "."
        if any((cells[i] or "").strip().endswith(".") and _value(cells[i]) is not None for i in rows)
        else ""
    )
    out = [_marked(text, dot) for text in cells]
    for before, here, after in zip(rows, rows[1:], rows[2:], strict=False):
        low, high = _value(cells[before]), _value(cells[after])
        if low is None or high is None or high != low + 2 or _value(cells[here]) == low + 1:
            continue
        out[here] = f"{low + 1}{_dot(cells[before])}"
    _fill_runs(out, rows)
    # numbering that runs on across the headings: the column's first cells by the numbers after them
    _open_section(out, [i for section in _sections(cells) for i in section], dot)
    for section in _sections(cells):
        _open_section(out, section, dot)
        _close_section(out, section)
    return out


# A number with a speck or a slip read after it in place of its stop («2?», «5;», «2}»).
_MARKED = re.compile(r"(\d{1,4})[^\w\s.]")


def _marked(text: str | None, dot: str) -> str | None:
    match = _MARKED.fullmatch((text or "").strip())
    return f"{match.group(1)}{dot}" if match else text


def _dot(text: str | None) -> str:
    return "." if (text or "").strip().endswith(".") else ""


def _fill_runs(out: list[str | None], rows: list[int]) -> None:
    """Runs of two cells or more holding no number between two numbers the run fills exactly."""
    numbered = [k for k, i in enumerate(rows) if _value(out[i]) is not None]
    for a, b in itertools.pairwise(numbered):
        low, high = _value(out[rows[a]]), _value(out[rows[b]])
        if b - a > 2 and low is not None and high == low + (b - a):
            for step, k in enumerate(range(a + 1, b), start=1):
                out[rows[k]] = f"{low + step}{_dot(out[rows[a]])}"


def _sections(cells: Sequence[str | None]) -> list[list[int]]:
    """The column's rows in runs parted by merged headings (None); texts too long to be a number
    misread are left out."""
    sections: list[list[int]] = [[]]
    for i, text in enumerate(cells):
        if text is None:
            sections.append([])
        elif len(text.strip()) <= MISREAD_MAX:
            sections[-1].append(i)
    return [s for s in sections if s]


def _misread(text: str | None) -> bool:
    """A cell that may be a row's number misread: a few characters, not blank."""
    return 0 < len((text or "").strip()) <= _EDGE_MAX


# A misread number at a section's ends is a few marks («Е», «ТЕ», «да.»); «Итого», a total's row,
# is a word written there
_EDGE_MAX = 3


def _open_section(out: list[str | None], rows: list[int], dot: str) -> None:
    for k in range(1, len(rows) - 1):
        if _value(out[rows[k]]) == k + 1 and _value(out[rows[k + 1]]) == k + 2:
            head = rows[:k]
            if all(_misread(out[i]) and _value(out[i]) != n for n, i in enumerate(head, start=1)):
                for n, i in enumerate(head, start=1):
                    out[i] = f"{n}{dot}"
            return
        if _value(out[rows[k]]) is not None:
            return  # the first number read is not its place's: the section counts its own way


def _close_section(out: list[str | None], rows: list[int]) -> None:
    if len(rows) < 3 or _value(out[rows[-1]]) is not None or not _misread(out[rows[-1]]):
        return
    last, before = _value(out[rows[-2]]), _value(out[rows[-3]])
    if last is not None and before == last - 1:
        out[rows[-1]] = f"{last + 1}{_dot(out[rows[-2]])}"


def column_numbers(cells: Sequence[str | None]) -> list[str | None] | None:
    """A row of column numbers (1 2 3 …) with one of them misread («1 2 Е 4 5 6 7») as the numbers
    it holds, or None when the row is not one: every cell at most a few characters and all but one
    the number of its column (an event's row always has a longer text)."""
    texts = [(c or "").strip().rstrip(".") for c in cells]
    if len(texts) < 3 or any(len(t) > 3 for t in texts):
        return None
    misses = sum(t != str(i) for i, t in enumerate(texts, start=1))
    return [str(i) for i in range(1, len(texts) + 1)] if misses == 1 else None
