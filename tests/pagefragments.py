"""A PDF table's parts on two pages as the page stitcher takes them (readers/pdfstitch.py): cells
of visual lines, each cell one grid column wide; page 1's part ends its page, page 2's opens it."""

from __future__ import annotations

from collections.abc import Sequence

from muniflow.readers import pdfstitch
from muniflow.readers.pdflines import Line


def cell(*texts: str) -> tuple[Line, ...]:
    """A cell of these lines (no geometry: the text decides how they join)."""
    return tuple(Line(t, 0.0, 0.0, 0.0, 3.0, True) for t in texts)


def fragment(grid: Sequence[float], page: int, *rows) -> pdfstitch.Fragment:
    """The part of a table drawn on `page` (1 or 2): rows of cells given as their lines' texts,
    None where a merged cell covers the slot."""
    cells = tuple(tuple(None if c is None else cell(*c) for c in row) for row in rows)
    ends = tuple(tuple(None if c is None else i + 1 for i, c in enumerate(row)) for row in rows)
    return pdfstitch.Fragment(page, tuple(grid), cells, page == 2, page == 1, ends=ends)
