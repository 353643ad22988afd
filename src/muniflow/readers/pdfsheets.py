"""Two pages printed side by side on one sheet («2 pages per sheet», a booklet print saved as PDF).

Read as one page, its two halves' lines meet at the same heights: the title typed above the left
half's table has the right half's table beside it, so no text stands above the page's first table
(the report lost its region and quarter), and a row the left half's end broke goes on at the top of
the right half. A landscape sheet whose text and drawing leave a clear upright gutter near its
middle, from its top text to its bottom text, with text on both sides starting as far from each
half's left edge, is read as its two halves in turn, left then right, as two pages are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Points: the narrowest gutter between two pages on a sheet (page margins, scaled down, on both
# sides of the fold; a table's columns part by a cell's padding, under 12 pt, and by rules).
MIN_GUTTER = 20.0
# The gutter's middle lies within this share of the sheet's width on either side of its middle.
MIDDLE_REACH = 0.15
# Each half holds text over at least this share of the sheet's height (a page, not a stamp).
MIN_TEXT_HEIGHT = 0.1
# Points: two pages laid on one sheet stand alike in their halves, so their text starts as far from
# each half's left edge, within this; a table's column beyond a wide gap starts anywhere.
HALVES_ALIKE = 12.0


class Sheets:
    """A document's pages as read in turn: each sheet's two halves where the document's first page
    with text is a sheet of two pages (a print job lays every sheet alike), else each page whole. A
    landscape table drawn without rules, its title across its first page, leaves a gutter between
    its columns on the pages after: those stay whole."""

    def __init__(self) -> None:
        self.two_up: bool | None = None  # unknown until a page with text

    def pages(self, page: Any) -> Sequence[Any]:
        if self.two_up is False:
            return [page]
        halves = sheet_pages(page)
        if self.two_up is None and page.chars:
            self.two_up = len(halves) > 1
        return halves


def sheet_pages(page: Any) -> Sequence[Any]:
    """The page's two halves (pdfplumber cropped pages, left then right) where it is a sheet of two
    pages side by side; else the page alone."""
    cut = _gutter(page)
    if cut is None:
        return [page]
    halves = [page.crop((0, 0, cut, page.height)), page.crop((cut, 0, page.width, page.height))]
    for half in halves:
        half.objects  # noqa: B018 -- crops the parent's objects now: fill_objects keeps them
    return halves


def _gutter(page: Any) -> float | None:
    """Where the sheet parts: its middle, or the gutter's where the gutter misses it; None where
    there is no clear upright gutter near the middle."""
    width, height = float(page.width), float(page.height)
    chars = page.chars
    if width <= height or not chars:
        return None
    drawn = [
        (float(o["x0"]), float(o["x1"]))
        for kind in ("line", "rect", "curve", "image")
        for o in page.objects.get(kind, ())
    ]
    spans = sorted([(float(c["x0"]), float(c["x1"])) for c in chars] + drawn)
    gaps = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= MIN_GUTTER:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    middle = width / 2
    near = [(a, b) for a, b in gaps if abs((a + b) / 2 - middle) <= MIDDLE_REACH * width]
    if len(near) != 1:
        return None
    a, b = near[0]
    # two pages laid on a sheet stand symmetrically about its middle: a table drawn over both
    # then keeps one grid, each page's measured from its own left edge
    cut = middle if a < middle < b else (a + b) / 2
    sides = ([c for c in chars if c["x1"] <= a], [c for c in chars if c["x0"] >= b])
    for side in sides:
        if (
            not side
            or max(c["bottom"] for c in side) - min(c["top"] for c in side) < MIN_TEXT_HEIGHT * height
        ):
            return None
    # a landscape table drawn without rules leaves wide gaps between its columns too: two pages
    # start their text alike in their halves, a table's column beyond a gap does not
    left, right = (min(float(c["x0"]) for c in side) for side in sides)
    if abs((right - middle) - left) > HALVES_ALIKE:
        return None
    return cut
