"""A PDF page of labelled lines whose labels stand in a column of their own, their values starting at
one x to the right (a web form's event cards: «Место проведения:   г. Энск»), read with each label
whole before its value. A label too long for its column wraps beside its value, and the page's text
parts it around the value's line: «Наименование   Встреча с делегацией …» / «мероприятия:». Here
the label's words are taken from the column left of the values' edge, line by line, up to the
colon that ends it: «Наименование мероприятия: Встреча с делегацией …». The letter reader
(readers/listed.py) then reads the label as one typed inline.

The column is found by geometry alone: labels of different widths (each ending with a colon)
whose values all start at one x. A page without such a column, or where no label wraps, keeps
pdfplumber's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

_LINE_TOLERANCE = 3.0  # points: words whose tops differ by less stand on one line
_ALIGN = 1.5  # points: values starting this close to one x start at the column's edge
_MIN_GAP = 4.0  # points: a label's colon stands at least this far left of its value (more than a space)
MIN_LABELS = 3  # labels of as many different widths with their values at one x: a column of labels
_MAX_LABEL_LINES = 3  # a label wraps over at most this many lines

Word = dict[str, Any]


def label_column_text(page: Any) -> str | None:
    """The page's text with each label wrapped in its column written whole before its value; None
    when the page has no column of labels or none of its labels wraps."""
    lines = _lines(page.extract_words())
    edge = value_edge(lines)
    if edge is None:
        return None
    out: list[str] = []
    rejoined = False
    at = 0
    while at < len(lines):
        label, values, used = _wrapped_label(lines, at, edge)
        if used:
            out.append(f"{' '.join(label)} {values[0]}".strip())
            out.extend(values[1:])
            rejoined = True
            at += used
            continue
        out.append(_text(lines[at]))
        at += 1
    return "\n".join(out) if rejoined else None


def value_edge(lines: Sequence[Sequence[Word]]) -> float | None:
    """The x where values start after labels of `MIN_LABELS` different widths at the least, each
    label a line's first words ending with a colon, its value further right than a space; None when
    no such x."""
    pairs = []  # (where the value starts, where its label ends)
    for line in lines:
        for before, after in pairwise(line):
            if before["text"].endswith(":"):
                if after["x0"] - before["x1"] >= _MIN_GAP:
                    pairs.append((float(after["x0"]), float(before["x1"])))
                break
    best: tuple[int, float] | None = None
    for start, _ in pairs:
        ends = {round(end) for x, end in pairs if abs(x - start) <= _ALIGN}
        edge = min(x for x, _ in pairs if abs(x - start) <= _ALIGN)
        if len(ends) >= MIN_LABELS and (best is None or len(ends) > best[0]):
            best = (len(ends), edge)
    return best[1] if best is not None else None


def _wrapped_label(lines: Sequence[Sequence[Word]], at: int, edge: float) -> tuple[list[str], list[str], int]:
    """(the label's words, its value's lines, lines used) of a label opening on line `at` beside its
    value and ending with a colon on a line below in its column; ([], [], 0) when the line opens none."""
    left, right = _sides(lines[at], edge)
    if not left or not right or left[-1]["text"].endswith(":"):
        return [], [], 0
    label = [w["text"] for w in left]
    values = [_text(right)]
    for below in range(at + 1, min(at + _MAX_LABEL_LINES, len(lines))):
        more, beside = _sides(lines[below], edge)
        if not more or abs(more[0]["x0"] - left[0]["x0"]) > _ALIGN:
            break
        label += [w["text"] for w in more]
        if beside:
            values.append(_text(beside))
        if more[-1]["text"].endswith(":"):
            return label, values, below - at + 1
    return [], [], 0


def _sides(line: Sequence[Word], edge: float) -> tuple[list[Word], list[Word]]:
    """The line's words left of the edge and from it on; both empty when a word stands across it (a
    heading, a line of plain text)."""
    left = [w for w in line if w["x1"] < edge - _ALIGN]
    right = [w for w in line if w["x0"] >= edge - _ALIGN]
    if len(left) + len(right) != len(line):
        return [], []
    return left, right


def _lines(words: Sequence[Word]) -> list[list[Word]]:
    """The words in lines, top to bottom, each line left to right."""
    lines: list[list[Word]] = []
    top = None
    for word in sorted(words, key=lambda w: (float(w["top"]), float(w["x0"]))):
        if top is None or float(word["top"]) - top > _LINE_TOLERANCE:
            lines.append([])
            top = float(word["top"])
        lines[-1].append(word)
    return [sorted(line, key=lambda w: float(w["x0"])) for line in lines]


def _text(words: Sequence[Word]) -> str:
    return " ".join(str(w["text"]) for w in words)
