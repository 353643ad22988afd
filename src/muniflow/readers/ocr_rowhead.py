"""A table's header repeated on a later page, read as one row with the rest of a row cut over it.

A table drawn without rules between its rows (none at all, or a frame only) parts its rows where
a line opens with a row number (ocr_textgrid, ocr_gutters.frame_grid). Where a page break cuts a
row and the writer repeats the header on the next page, the lines of the cut row's rest stand
under the repeated header with no number of their own: header and rest are read as one row, each
cell its column's label with the rest's lines under it («Место проведения\\n«Центр культурного
развития»»). That row reads as no repeat of the header (it holds more) and as no row going on (its
№ cell holds «№ п/п»): the header was taken for an event and the cut row's rest lost. Each cell of
such a row opens with its column's label as the table's header (on its first page) gives it; the
lines under the labels are the cut row's rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from muniflow.readers.ocr_cells import CellText

LABELS_MIN = 2  # a header with fewer labels tells no repeat by them


def under_header(row: Sequence[CellText], header: Sequence[CellText], limit: float) -> list[CellText] | None:
    """The row's cells less their column's header label where every label of the table's header
    (`header`, its first row) opens the cell under it as read, by at least `limit` (OCR reads each
    repeat a little differently): the lines under the labels, a cell of its own per column; None
    where any labelled cell does not open with its label, or the header has too few labels."""
    if len(row) != len(header):
        return None
    out: list[CellText] = []
    labelled = 0
    for cell, label in zip(row, header, strict=True):
        wanted = _folded(label.text or "")
        if not wanted or cell.text is None:
            out.append(cell)
            continue
        lines = cell.text.split("\n")
        score, k = max((_likeness(" ".join(lines[:k]), wanted), k) for k in range(1, len(lines) + 1))
        if score < limit:
            return None
        labelled += 1
        out.append(CellText("\n".join(lines[k:]).strip(), cell.conf))
    return out if labelled >= LABELS_MIN else None


def _likeness(text: str, label: str) -> float:
    return SequenceMatcher(None, _folded(text), label).ratio()


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()
