"""A page's footnotes, under the short rule Word and Writer draw above them at the left of the
text: they annotate the page and are no caption of the table going on overleaf (a footnote saying
dates were «перенесены» read as the heading of the next page's rows would take them for events
not held)."""

from __future__ import annotations

from typing import Any

from muniflow.readers.pdfcaption import text_area

SEPARATOR_MAX_HEIGHT = 1.5  # points: a rule, not a box
SEPARATOR_SHARE = (0.1, 0.5)  # of the text's width: Word draws a third, Writer a quarter
LEFT_REACH = 6.0  # points between the rule's start and the text's left edge
BBOX_REACH = 3.0  # points: a table finder may take the rule for its bottom edge (bbox over it)


def footnotes_top(page: Any, below: float) -> float | None:
    """Where the page's footnotes begin under `below` (its last table's bottom, which may reach over
    the rule): the top of a short
    rule alone at the text's left edge, a fifth to a half of its width, with text under it and
    none beside it; None without one."""
    area = text_area(page)
    width = area.right - area.left
    if width <= 0:
        return None
    rules = [
        (float(o["x0"]), float(o["x1"]), float(o["top"]), float(o["bottom"]))
        for o in (*page.lines, *page.rects)
        if float(o["bottom"]) - float(o["top"]) <= SEPARATOR_MAX_HEIGHT
        and float(o["top"]) > below - BBOX_REACH
    ]
    low, high = SEPARATOR_SHARE
    for x0, x1, top, bottom in sorted(rules, key=lambda r: r[2]):
        if not low <= (x1 - x0) / width <= high or abs(x0 - area.left) > LEFT_REACH:
            continue
        longer = (r1 > x1 + LEFT_REACH or r0 < x0 - LEFT_REACH for r0, r1, t, _ in rules if abs(t - top) <= 1)
        if any(longer):
            continue  # a piece of a longer rule
        centres = [(float(c["top"]) + float(c["bottom"])) / 2 for c in page.chars]
        if any(abs(y - top) <= 2 for y in centres):
            continue  # text beside it: an underline or a form's blank, not a separator
        if any(y > bottom for y in centres):
            return top
    return None
