"""Characters struck through on a PDF page, left out: text a document shows as deleted.

A report saved to PDF with its tracked changes showing (Word's «All Markup», LibreOffice's recorded
changes) draws deleted text with a line through it: «г. Тверь / г. Москва» with «/ г. Москва»
struck, a date replaced by another. Read as text, the deleted words stay in the cell, and a deleted
date widens the event's dates. A stroke is a horizontal line, or a rectangle as thin, crossing a
character between `BAND_TOP` and `BAND_BOTTOM` of its height (an underline lies below it, a table's
rule between rows, beside no character's middle).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

MAX_STROKE = 1.5  # points: a strike line's thickness; thicker is a shaded box, not a stroke
MIN_LENGTH = 3.0  # points: shorter is a dash or a dot, not a line through a word
BAND_TOP, BAND_BOTTOM = 0.35, 0.75  # where in a character's height (from its top) a strike crosses it
TOLERANCE = 1.0  # points: a stroke may start or end this far beside a character's edge


def drop_struck(page: Any) -> None:
    """Leave out of the page's parsed objects (in place) the characters a stroke crosses, and the
    strokes that cross any (no table rule: the table finder never sees them)."""
    objects = page._objects
    strokes = sorted(
        (
            (_middle(o), o["x0"], o["x1"], id(o))
            for kind in ("line", "rect")
            for o in objects.get(kind, ())
            if _thin(o)
        ),
        key=lambda s: s[0],
    )
    chars = objects.get("char", ())
    if not strokes or not chars:
        return
    middles = [s[0] for s in strokes]
    used: set[int] = set()
    kept = [c for c in chars if not _struck(c, strokes, middles, used)]
    if used:
        objects["char"] = kept
        for kind in ("line", "rect"):
            if kind in objects:
                objects[kind] = [o for o in objects[kind] if id(o) not in used]


def _thin(obj: dict[str, Any]) -> bool:
    return abs(obj["bottom"] - obj["top"]) <= MAX_STROKE and obj["x1"] - obj["x0"] >= MIN_LENGTH


def _middle(obj: dict[str, Any]) -> float:
    return (float(obj["top"]) + float(obj["bottom"])) / 2


def _struck(
    char: dict[str, Any], strokes: list[tuple[float, float, float, int]], middles: list[float], used: set[int]
) -> bool:
    height = char["bottom"] - char["top"]
    if height <= 0:
        return False
    first = bisect_left(middles, char["top"] + BAND_TOP * height)
    last = bisect_right(middles, char["top"] + BAND_BOTTOM * height)
    for _, x0, x1, ident in strokes[first:last]:
        if x0 - TOLERANCE <= char["x0"] and char["x1"] <= x1 + TOLERANCE:
            used.add(ident)
            return True
    return False
