"""A page whose text runs sideways or upside down, turned upright before any table is looked for.

A PDF page may show its text turned: a landscape table printed onto portrait paper by a virtual
printer, a page given a /Rotate in a viewer the wrong way, a scan's text layer saved so. Every line
of the table then runs down, up or backwards, and a table finder that reads rows as horizontal
bands reads the table transposed or reversed. When most of the page's characters are turned the
same quarter (`pdflines.turn_of`), or upside down, the page's objects are mapped into the upright
page (its width and height swapped for a quarter turn) and each character's matrix turned back
with them: the rest of the reader sees the page as its author wrote it. A header cell written
turned on a sideways page is then turned as on an upright one.
"""

from __future__ import annotations

from typing import Any

from muniflow.readers.pdflines import turn_of

# Characters a page needs for its turn to be told (a stamp's few turned letters turn no page).
MIN_CHARS = 20
# The share of a page's characters that must be turned the same quarter.
TURNED_SHARE = 0.6
UPSIDE_DOWN = 2  # a half turn, beside `turn_of`'s quarters (1, -1)
# A band of text turned a quarter across the page is a header row written upwards or downwards
# (Word's text direction in narrow columns), not a page lying sideways: its characters, run along
# the page's height, together cover less than this share of it. A page that holds little more than
# a table's repeated header (the rest of a row cut by the page end under it) has most of its
# characters turned so; a sideways table's cells, and a sideways letter's lines, cover the page.
BAND_SHARE = 0.3


def _turn(char: dict[str, Any]) -> int:
    """A character's turn: a quarter either way (`turn_of`), upside down, or 0."""
    quarter = turn_of(char)
    matrix = char.get("matrix")
    if quarter or not isinstance(matrix, tuple) or not isinstance(matrix[0], (int, float)):
        return quarter
    return UPSIDE_DOWN if matrix[0] < 0 else 0


def page_turn(page: Any) -> int:
    """How most of the page's text is turned: a quarter (1 or -1, as `turn_of`), upside down
    (UPSIDE_DOWN), or 0 when upright."""
    counts = {-1: 0, 0: 0, 1: 0, UPSIDE_DOWN: 0}
    spans: dict[int, list[tuple[float, float]]] = {-1: [], 1: []}
    for char in page.objects.get("char", ()):
        if not char["text"].isspace():
            turn = _turn(char)
            counts[turn] += 1
            if turn in spans:
                spans[turn].append((float(char["top"]), float(char["bottom"])))
    total = sum(counts.values())
    if total < MIN_CHARS:
        return 0
    turn = max((-1, 1, UPSIDE_DOWN), key=lambda t: counts[t])
    if counts[turn] < TURNED_SHARE * total:
        return 0
    if turn in spans and _covered(spans[turn]) < BAND_SHARE * float(page.height):
        return 0  # a header row written turned, over little else
    return turn


def _covered(spans: list[tuple[float, float]]) -> float:
    """How much of the page's height the spans (top, bottom) cover together."""
    covered, reach = 0.0, float("-inf")
    for top, bottom in sorted(spans):
        if bottom > reach:
            covered += bottom - max(top, reach)
            reach = bottom
    return covered


def turn_upright(page: Any) -> int:
    """Map a sideways or upside-down page's objects into its upright page (after
    `pdfobjects.fill_objects`); how it was turned (see page_turn), 0 when it was upright (and is
    left as it is)."""
    turn = page_turn(page)
    if not turn:
        return 0
    x0, top, x1, bottom = page.bbox
    width, height = x1 - x0, bottom - top
    upright_height = height if turn == UPSIDE_DOWN else width

    def point(x: float, y: float) -> tuple[float, float]:
        # text running down the page (-1) was turned clockwise: its left is the page's top
        x, y = x - x0, y - top
        if turn == UPSIDE_DOWN:
            return (width - x, height - y)
        return (y, width - x) if turn < 0 else (height - y, x)

    for objects in page.objects.values():
        for obj in objects:
            if "x0" not in obj or "top" not in obj:
                continue
            (ax, ay), (bx, by) = point(obj["x0"], obj["top"]), point(obj["x1"], obj["bottom"])
            obj["x0"], obj["x1"] = min(ax, bx), max(ax, bx)
            obj["top"], obj["bottom"] = min(ay, by), max(ay, by)
            obj["y0"], obj["y1"] = upright_height - obj["bottom"], upright_height - obj["top"]
            obj["width"], obj["height"] = obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]
            obj["doctop"] = page.initial_doctop + obj["top"]
            if "pts" in obj:
                obj["pts"] = [point(px, py) for px, py in obj["pts"]]
            if obj.get("object_type") == "char" and isinstance(obj.get("matrix"), tuple):
                obj["matrix"] = _turned_back(obj["matrix"], turn)
                obj["upright"] = turn_of(obj) == 0
                obj["size"] = obj["height"]  # pdfminer's size: the glyph's height on the page
    page.bbox = (0, 0, width, height) if turn == UPSIDE_DOWN else (0, 0, height, width)
    return turn


def _turned_back(matrix: tuple[float, ...], turn: int) -> tuple[float, ...]:
    """A glyph's matrix turned back against `turn`, a quarter or a half (its direction vectors; its
    place is in the object's box)."""
    a, b, c, d, *rest = matrix
    if turn == UPSIDE_DOWN:
        return (-a, -b, -c, -d, *rest)
    if turn < 0:
        return (-b, a, -d, c, *rest)
    return (b, -a, d, -c, *rest)
