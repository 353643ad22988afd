"""A list's bullets a browser draws as shapes, put in the page's text as «•».

Chromium prints an HTML list's marker (`<ul><li>`, a disc or a circle) as a small filled curve before
the item's first word, not as a character: the text layer then holds the items run together
(«…участников: проведены мастер-классы … подписан план…»), where the same list typed in Word, or
printed by LibreOffice, reads «…: • проведены … • подписан …». A small round shape, about as wide
as it is high, standing just before the first character of a line of text and within its height,
with no character between them, is that line's bullet: a «•» character is put where it is drawn.
"""

from __future__ import annotations

from typing import Any

# Points: a list marker is a few points across (Chromium's disc is 3 pt at 9-12 pt text); a
# larger shape is a picture's or a logo's part.
MIN_MARK, MAX_MARK = 1.5, 6.0
# Points a marker's width and height may differ: a disc is round.
ROUND = 0.6
# Character heights between the marker and the item's first character (Chromium leaves ~0.5-1).
MAX_GAP = 2.5
BULLET = "•"


def drawn_bullets(page: Any) -> None:
    """Put in a page's parsed objects (in place) a «•» character for each drawn list marker."""
    objects = page.objects  # the parsed objects pdfplumber keeps
    marks = [c for c in objects.get("curve", ()) if _is_mark(c)]
    if not marks:
        return
    chars = objects.get("char", [])
    added: list[tuple[int, dict[str, Any]]] = []
    for mark in marks:
        found = _first_char_after(mark, chars)
        if found is not None:
            index, char = found
            added.append((index, _bullet(mark, char)))
    if not added:
        return
    out = list(chars)
    for index, bullet in sorted(added, key=lambda ib: -ib[0]):  # from the end: indexes stay right
        out.insert(index, bullet)
    objects["char"] = out


def _is_mark(shape: dict[str, Any]) -> bool:
    width, height = shape["width"], shape["height"]
    return (
        bool(shape.get("fill"))
        and MIN_MARK <= width <= MAX_MARK
        and MIN_MARK <= height <= MAX_MARK
        and abs(width - height) <= ROUND
    )


def _first_char_after(mark: dict[str, Any], chars: list[dict[str, Any]]) -> tuple[int, dict[str, Any]] | None:
    """The index and character nearest after the mark on its line, when it is near enough and no
    character stands on the mark itself or between them."""
    middle = (mark["top"] + mark["bottom"]) / 2
    best: tuple[int, dict[str, Any]] | None = None
    for index, char in enumerate(chars):
        if not char["top"] <= middle <= char["bottom"] or char["x1"] <= mark["x0"]:
            continue
        if char["x0"] < mark["x1"]:  # a character over the mark: a typed bullet, or text
            return None
        if best is None or char["x0"] < best[1]["x0"]:
            best = (index, char)
    if best is None:
        return None
    char = best[1]
    if char["x0"] - mark["x1"] > MAX_GAP * (char["bottom"] - char["top"]):
        return None
    return best


def _bullet(mark: dict[str, Any], char: dict[str, Any]) -> dict[str, Any]:
    """A character «•» where the mark is drawn, on the line of `char` (its heights, font and size)."""
    return {**char, "text": BULLET, "x0": mark["x0"], "x1": mark["x1"], "width": mark["x1"] - mark["x0"]}
