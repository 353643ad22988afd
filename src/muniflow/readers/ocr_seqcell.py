"""The № column's cells that do not read as a number, read again alone as one line of digits.

A speckled or low-quality scan puts dots beside a row's number («3.» with two specks read «», «5.»
read «ти,»), and Tesseract's Russian model, reading the cell among the others as text, makes
letters of it. The number is the cell's tallest marks: a speck is a fraction of a digit's height,
and a ruling line's remnant is long and flat or runs out of the cell. Those marks alone, and the
stop on their line, are read again as one line of digits, and kept when that reads as a number;
anything else (a blank read, a cell of text) stays as read. Thresholds: contracts/ocr.yaml,
`number_cells:`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from muniflow.contracts import load_yaml
from muniflow.readers.ocr_numbers import MISREAD_MAX, number_column

Image = np.ndarray
ReadLine = Callable[[Image], tuple[str, float | None]]  # a line's text and confidence, digits only

_NUMBER = re.compile(r"\d{1,4}\.?")
_INK = 160  # grey under which a pixel is a mark's (the page is evened out before)
_PAD = 20


@dataclass(frozen=True)
class NumberCellSettings:
    width_share_max: float  # a first column no wider than this share of the table is its № column
    digit_share_min: float  # a mark this share of the cell's tallest one's height or more is a digit
    digit_inches_min: float  # the tallest mark is a digit from this height (a speck is far less)
    flat_ratio: float  # a mark this many times wider than high is a rule's remnant, no digit
    label_max: int  # a header label this short, no word, over the rows' numbers heads the № column
    numbered_share_min: float  # of the rows with any text, this share hold a number in that column
    reread_conf_below: float  # a table laid out from its words: a word this unsure of read again as digits


def settings(path: Path | None = None) -> NumberCellSettings:
    """contracts/ocr.yaml's `number_cells:` section."""
    return NumberCellSettings(**load_yaml("ocr.yaml", path, ("number_cells",))["number_cells"])


def is_number(text: str) -> bool:
    return bool(_NUMBER.fullmatch(text.strip()))


def seq_column(
    header: Sequence[str], xs: Sequence[int], firsts: Sequence[str], s: NumberCellSettings
) -> int | None:
    """The table's № column: the one its header heads «№», else its first column (`firsts`: its
    cells) where that is narrow (`width_share_max` of the table) and one of its cells reads as a
    number or none holds a word (a page going on with a table, every number on it misread); None
    for a table with neither."""
    named = number_column(header)
    if named is not None:
        return named
    narrow = len(xs) > 2 and xs[1] - xs[0] <= s.width_share_max * (xs[-1] - xs[0])
    numbered = any(is_number(t) for t in firsts) or not any(_WORD.search(t) for t in firsts)
    return 0 if narrow and numbered else None


_WORD = re.compile(r"[^\W\d_]{3,}")


def wants_reread(text: str) -> bool:
    """A № cell read as a few characters that are no number (or as nothing though it holds ink)."""
    t = text.strip()
    return len(t) <= MISREAD_MAX and not is_number(t) and not _HEAD.fullmatch(t)


_HEAD = re.compile(r"(?:№|N|No)[.,]?\s*(?:п\s*/\s*п\.?)?", re.IGNORECASE)  # the column's header cell


def digits_only(crop: Image, dpi: float, s: NumberCellSettings) -> Image | None:
    """The cell's number alone: its tall marks on their line and the stop after them, white round
    them; None where the cell holds no mark as tall as a digit."""
    ink = (crop < _INK).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    height, width = crop.shape[:2]
    marks = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        inside = x > 0 and y > 0 and x + w < width and y + h < height  # cut by the cell's side: no digit
        if inside and w <= s.flat_ratio * h:
            marks.append((i, x, y, w, h))
    if not marks:
        return None
    tallest = max(marks, key=lambda m: m[4])
    if tallest[4] < s.digit_inches_min * dpi:
        return None
    top, bottom = tallest[2], tallest[2] + tallest[4]
    tall = s.digit_share_min * tallest[4]
    digits = [m for m in marks if m[4] >= tall and m[2] < bottom and m[2] + m[4] > top]  # on its line
    top = min(m[2] for m in digits)
    bottom = max(m[2] + m[4] for m in digits)
    right = max(m[1] + m[3] for m in digits)
    # the stop: a small mark on the line's foot just after the last digit
    stops = [
        m
        for m in marks
        if m not in digits
        and m[2] >= top + 0.6 * (bottom - top)
        and m[2] + m[4] <= bottom + 0.15 * (bottom - top)
        and right - 2 <= m[1] <= right + 0.5 * (bottom - top)
    ]
    keep = np.isin(labels, [m[0] for m in digits + stops])
    ys, xs = np.nonzero(keep)
    out = np.full(crop.shape, 255, dtype=np.uint8)
    out[keep] = crop[keep]
    out = out[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    return np.pad(out, _PAD, constant_values=255)


def reread(
    found: dict[tuple[int, int], tuple[str, float | None]],
    crops: Mapping[tuple[int, int], Image],
    column: int,
    dpi: float,
    read: ReadLine,
    s: NumberCellSettings,
) -> None:
    """Each cell of the № column (`crops`: the cells with ink, by (row, first column)) that reads
    as no number read again as digits (`read`); kept where that reads as a number."""
    for key, crop in crops.items():
        if key[1] != column or not wants_reread(found.get(key, ("", None))[0]):
            continue
        alone = digits_only(crop, dpi, s)
        if alone is None:
            continue
        text, conf = read(alone)
        if is_number(text):
            found[key] = (text.strip(), conf)
