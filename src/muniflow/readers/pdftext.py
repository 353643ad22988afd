"""Tables without ruling lines: cells that line up as text, found from the words' x-positions.

Used for a page that has no ruled table. Words are grouped into visual lines; within a line, words
closer than a column gap form one span. A table is a run of lines whose spans keep to the same
columns: a column separator is an x-range no line of the run writes into. A line whose text
crosses a separator (a paragraph under the table) ends the run, and so does a wide vertical gap.
Rows: when the first column numbers the rows, a line with text there starts a row and the lines
above the first numbered one make the header; otherwise every line with text in the first column
starts a row. Prose set in columns (many lines of the first column go on with a sentence) is
no table. The result has the shape of a pdfplumber table (bbox,
cells, rows of cell boxes), so the reader sorts glyphs into its cells and joins their lines as
for a ruled table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import Any

from muniflow.readers.rownumber import SEQ_NUMBER

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Span = tuple[float, float]

_GAP_EM = 0.8  # a gap wider than this share of the font size separates cells, not words
_MIN_SEPARATOR = 1.5  # points of a separator left unwritten for the columns to stay apart
_ROW_GAP_EM = 2.5  # a vertical gap wider than this many line heights ends the table
_MIN_LINES = 3
_MIN_COLUMNS = 3
_MIN_FULL_LINES = 2  # lines with text in at least _MIN_COLUMNS columns
_MIN_ROWS = 3  # a header and two rows
_PROSE_SHARE = 0.4  # lines of a column going on with a sentence, where prose is no table


@dataclass(frozen=True)
class TextRow:
    """One row: the box of each cell, as pdfplumber's rows give them."""

    cells: tuple[Box | None, ...]


@dataclass(frozen=True)
class TextTable:
    """A table found from aligned text, in the shape the reader takes from pdfplumber."""

    bbox: Box
    rows: tuple[TextRow, ...]
    header_lines: tuple[str, ...] = ()  # inferred tables: the lines above the first numbered row
    region: Any = None  # inferred tables: the region read (see pdfunruled)
    header_only: bool = False  # inferred tables: no numbered row (a header, headings)
    headless: bool = False  # inferred tables: a numbered row first (no header of its own)
    labelled: bool = False  # inferred tables: rows opened by labels down the first column (pdflabelrows)
    # inferred tables: per row, no rule drawn over it, between it and the row above (RawRow.open_above)
    open_rows: tuple[bool, ...] = ()
    aligned: str = ""  # inferred tables: how its cells stand in their rows, where not at the top (pdfaligned)

    @property
    def cells(self) -> list[Box]:
        return [box for row in self.rows for box in row.cells if box is not None]


@dataclass(frozen=True)
class _Line:
    top: float
    bottom: float
    words: tuple[dict[str, Any], ...]
    spans: tuple[Span, ...]


def text_tables(page: Any) -> list[TextTable]:
    """The page's tables whose cells line up as text (no ruling lines needed), top to bottom."""
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2)
    if not words:
        return []
    lines = _lines(words)
    tables: list[TextTable] = []
    i = 0
    while i < len(lines):
        end, separators = _run(lines, i)
        table = _table(lines[i:end], separators) if end > i else None
        if table is not None:
            tables.append(table)
            i = end
        else:
            i += 1
    return tables


def _lines(words: Sequence[dict[str, Any]]) -> list[_Line]:
    """Words grouped into visual lines, each with its spans (words closer than a column gap)."""
    groups: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if (
            groups
            and word["top"] - groups[-1][0]["top"] <= (groups[-1][0]["bottom"] - groups[-1][0]["top"]) / 2
        ):
            groups[-1].append(word)
        else:
            groups.append([word])
    lines = []
    for group in groups:
        group.sort(key=lambda w: w["x0"])
        gap = _GAP_EM * median(w["bottom"] - w["top"] for w in group)
        spans: list[list[float]] = []
        for word in group:
            if spans and word["x0"] - spans[-1][1] <= gap:
                spans[-1][1] = max(spans[-1][1], word["x1"])
            else:
                spans.append([word["x0"], word["x1"]])
        lines.append(
            _Line(
                top=min(w["top"] for w in group),
                bottom=max(w["bottom"] for w in group),
                words=tuple(group),
                spans=tuple((a, b) for a, b in spans),
            )
        )
    return lines


def _gaps(spans: Sequence[Span]) -> list[Span]:
    return [(a[1], b[0]) for a, b in pairwise(spans)]


def _narrow(separators: list[Span], spans: Sequence[Span]) -> list[Span] | None:
    """The separators left once a line's spans are written; None when a span crosses one."""
    out = []
    for left, right in separators:
        for x0, x1 in spans:
            if x0 < right and x1 > left:  # the span writes into the separator
                if x0 <= left and x1 >= right:
                    return None
                if x0 <= left:
                    left = x1
                elif x1 >= right:
                    right = x0
                else:
                    return None  # text inside the gap itself: not these columns
        if right - left < _MIN_SEPARATOR:
            return None
        out.append((left, right))
    return out


def _run(lines: Sequence[_Line], start: int) -> tuple[int, list[Span]]:
    """Where a run of column-aligned lines starting at `start` ends, and its separators."""
    first = lines[start]
    separators = _gaps(first.spans)
    if len(separators) < _MIN_COLUMNS - 1:
        return start, []
    end = start + 1
    while end < len(lines):
        line, above = lines[end], lines[end - 1]
        if line.top - above.bottom > _ROW_GAP_EM * (above.bottom - above.top):
            break
        narrowed = _narrow(separators, line.spans)
        if narrowed is None:
            break
        separators, end = narrowed, end + 1
    return end, separators


def _column_of(x0: float, x1: float, bounds: Sequence[float]) -> int:
    centre = (x0 + x1) / 2
    return max(0, min(len(bounds) - 2, sum(1 for b in bounds[1:-1] if centre > b)))


def _table(lines: Sequence[_Line], separators: Sequence[Span]) -> TextTable | None:
    """Cut a run of aligned lines into rows and cell boxes; None when it is too small to be a table."""
    if len(lines) < _MIN_LINES:
        return None
    left = min(line.spans[0][0] for line in lines) - 1
    right = max(line.spans[-1][1] for line in lines) + 1
    bounds = [left, *((a + b) / 2 for a, b in separators), right]
    columns = len(bounds) - 1
    texts = []
    for line in lines:
        cells = [""] * columns
        for word in line.words:
            col = _column_of(word["x0"], word["x1"], bounds)
            cells[col] = f"{cells[col]} {word['text']}".strip()
        texts.append(cells)
    if sum(1 for cells in texts if sum(1 for c in cells if c) >= _MIN_COLUMNS) < _MIN_FULL_LINES:
        return None
    if _prose_columns(lines, bounds):
        return None
    starts = _row_starts(texts)
    if len(starts) < _MIN_ROWS:
        return None  # prose in two or three columns lines up too, but runs on in long rows
    tops = [lines[i].top - 1 for i in starts] + [lines[-1].bottom + 1]
    rows = tuple(
        TextRow(tuple((bounds[c], top, bounds[c + 1], bottom) for c in range(columns)))
        for top, bottom in pairwise(tops)
    )
    return TextTable(bbox=(left, tops[0], right, tops[-1]), rows=rows)


def _prose_columns(lines: Sequence[_Line], bounds: Sequence[float]) -> bool:
    """True when the first column reads as running text set in columns: many of its lines go on
    with a sentence (start with a small letter), where a line with text there would start a row."""
    starts = []
    for line in lines:
        words = [w for w in line.words if _column_of(w["x0"], w["x1"], bounds) == 0]
        if words:
            starts.append(words[0]["text"][:1])
    return sum(1 for c in starts if c.islower()) >= _PROSE_SHARE * len(starts)


def _row_starts(texts: Sequence[Sequence[str]]) -> list[int]:
    """Indexes of the lines that start a row."""
    numbered = [i for i, cells in enumerate(texts) if SEQ_NUMBER.match(cells[0])]
    if numbered:
        header = [0] if numbered[0] > 0 else []
        return header + numbered
    return [i for i, cells in enumerate(texts) if cells[0]] or [0]
