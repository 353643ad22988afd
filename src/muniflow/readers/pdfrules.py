"""Rules a table's drawing leaves out, put back; fills that are no rules, left out; rules made
crooked by rounding, straightened.

Microsoft Word draws no horizontal rule where a table's row meets the page's end (and, in some
documents, where a row starts a page): the row's side rules run on to its end, but with nothing
across them the table finder sees no cells there, and the row's text is lost. A table whose two
outer side rules both run past its last (or first) horizontal rule to the same height is given a
rule across it there. Inner side rules are not needed: the finder splits the new row by those the
row has. A browser's print leaves open only the cells merged down over rows that go on to the next
page: where one column's two side rules run on together past the table's last rule, or end on it
while it leaves that column out, that column is closed there.

Cell shading (Word fills a shaded cell, or each shaded paragraph in it, with a rectangle) is no
rule: the table finder takes every rectangle's sides for rules, and a paragraph's shading then
cuts its row in two. A filled, unstroked rectangle thicker than any border is shading, and it is
left out where it lies within a table its page's rules draw; where fills are all a table has (no
border drawn, each row on its own fill), they stay its rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

# How far (points) a side rule must run past the table's last rule to open a row: Word's rules
# overlap the rules they meet by up to a line's width (0.5-1.5 pt); a text line is ~10 pt high.
OPEN_ROW_MIN = 4.0
# How near (points) a side rule must lie to the table's outer edge, and the two side rules'
# ends to each other, to be the table's side going on (a rule's width, a rectangle's two edges).
SIDE_TOLERANCE = 2.0
# Points between two dashes (or dots) of one rule: a browser's dashed border leaves 1-3 pt; pdfplumber's
# table finder joins edges this near (its join_tolerance) too.
DASH_GAP = 3.0
# Word's thickest border is 6 pt; a filled rectangle thicker both ways is shading, not a rule.
THICKEST_RULE = 6.0


# How far (points) a line's two ends may differ across it and the line still be straight: far below
# any drawn slant, far above float rounding (a page turned by its /Rotate, or drawn through a scaled
# or turned matrix, gives a horizontal rule ends 1e-14 pt apart, and pdfplumber then calls it vertical).
STRAIGHT = 0.01


def straighten(page: Any) -> None:
    """Make a page's nearly horizontal or vertical lines exactly so, in its objects, before any edge
    is made of them: pdfplumber calls a line horizontal only when its two ends' heights are equal."""
    for line in page.objects.get("line", ()):
        if line["top"] != line["bottom"] and abs(line["bottom"] - line["top"]) < STRAIGHT:
            line["bottom"] = line["top"]
            line["height"] = 0.0
        elif line["x0"] != line["x1"] and abs(line["x1"] - line["x0"]) < STRAIGHT:
            line["x1"] = line["x0"]
            line["width"] = 0.0


# Points: a filled shape no longer than this either way may be a dot of a dotted rule (a browser
# draws each dot of a dotted border as a square of the border's width).
MAX_DOT = 1.5
# Dots in a row that make a rule (fewer are a mark: a bullet, a full stop drawn as a shape).
MIN_DOTS = 4


def join_dots(page: Any) -> None:
    """Put in a page's parsed objects (in place) each row or column of dots (a dotted rule drawn dot
    by dot) as one thin rectangle along it, the dots left out. pdfplumber's table finder drops
    edges under a point long before it joins any, and snaps the dots of the upright rules into
    rules across at every height: it found no table drawn in dotted rules."""
    objects = page.objects  # the parsed objects pdfplumber keeps (and fill_objects gave it)
    dots = [r for r in objects.get("rect", ()) if r["width"] <= MAX_DOT and r["height"] <= MAX_DOT]
    if len(dots) < MIN_DOTS:
        return
    rules = _dot_runs(dots, "top", "x0", "x1") + _dot_runs(dots, "x0", "top", "bottom")
    if not rules:
        return
    joined = {id(d) for rule, members in rules for d in members}
    objects["rect"] = [r for r in objects["rect"] if id(r) not in joined] + [rule for rule, _ in rules]


def _dot_runs(
    dots: Sequence[dict[str, Any]], across: str, start: str, end: str
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Runs of at least MIN_DOTS dots on one line (the same `across` coordinate), each at most
    DASH_GAP after the one before along it: each as one rectangle, with the dots it covers."""
    runs: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    ordered = sorted(dots, key=lambda d: (round(d[across], 1), d[start]))
    run: list[dict[str, Any]] = []
    for dot in [*ordered, None]:
        if (
            dot is not None
            and run
            and round(dot[across], 1) == round(run[-1][across], 1)
            and dot[start] - run[-1][end] <= DASH_GAP
        ):
            run.append(dot)
            continue
        if len(run) >= MIN_DOTS:
            first = run[0]
            low = min(d[start] for d in run)
            high = max(d[end] for d in run)
            rule = {**first, start: low, end: high}
            if start == "x0":
                rule["width"] = high - low
            else:  # upright: its heights measured from the page's top and from its bottom alike
                rule["height"] = high - low
                rule["y1"] = first["y1"] + (first["top"] - low)
                rule["y0"] = rule["y1"] - (high - low)
                if "doctop" in first:
                    rule["doctop"] = first["doctop"] + (low - first["top"])
            runs.append((rule, run))
        run = [] if dot is None else [dot]
    return runs


def is_shading(obj: dict[str, Any]) -> bool:
    """A pdfplumber rect that fills an area (a shaded cell or paragraph), not a border's line."""
    return (
        obj.get("object_type") == "rect"
        and bool(obj.get("fill"))
        and not obj.get("stroke")
        and min(obj["width"], obj["height"]) > THICKEST_RULE
    )


def closing_rules(
    edges: Sequence[dict[str, Any]], bboxes: Sequence[tuple[float, ...]]
) -> list[dict[str, Any]]:
    """Horizontal rules (pdfplumber line dicts) across each table where both its outer side rules
    run on past its last rule, or start before its first, to one height."""
    edges = joined(edges)
    vertical = [e for e in edges if e.get("orientation") == "v"]
    rules = []
    across = [e for e in edges if e.get("orientation") == "h"]
    boxes = [_widened(across, box) for box in bboxes]
    boxes += _lone_rules(across, boxes)
    for x0, top, x1, bottom in [*boxes, *_side_by_side(boxes)]:
        below = _open_end(vertical, x0, x1, bottom, below=True)
        for end in (below, _open_end(vertical, x0, x1, top, below=False)):
            if end is not None:
                rules.append(_rule(x0, x1, end))
        if below is None:
            rules.extend(_open_cells(vertical, x0, x1, bottom))
            rules.extend(_gaps_in_last_rule(edges, x0, x1, bottom))
    return rules


# Points: a rule across a table is at least this long (a table is wider than two narrow columns).
LONE_RULE_MIN = 50.0


def _lone_rules(
    across: Sequence[dict[str, Any]], boxes: Sequence[tuple[float, ...]]
) -> list[tuple[float, float, float, float]]:
    """Rules across (joined from their pieces) that no table found holds, each as a box of no height:
    the one rule a page's part of a table has where its only row goes on from the page before (or
    to the next), its side rules running on from it to the page's top (or end). The finder makes
    no cell of a row with a rule on one side only, so it found no table there at all."""
    out = []
    for edge in across:
        if edge["x1"] - edge["x0"] < LONE_RULE_MIN:
            continue
        held = any(
            top - SIDE_TOLERANCE <= edge["top"] <= bottom + SIDE_TOLERANCE
            and edge["x0"] < x1
            and edge["x1"] > x0
            for x0, top, x1, bottom in boxes
        )
        if not held:
            out.append((edge["x0"], edge["top"], edge["x1"], edge["top"]))
    return out


def _widened(across: Sequence[dict[str, Any]], box: tuple[float, ...]) -> tuple[float, float, float, float]:
    """The table's box stretched along its first or last rule where that rule runs on, unbroken,
    past the table's sides: the columns the finder left out there (one cell each, merged down from
    the page before, or a single cell the finder drops) are the table's."""
    x0, top, x1, bottom = box
    for y in (top, bottom):
        pieces = sorted((e["x0"], e["x1"]) for e in across if abs(e["top"] - y) <= SIDE_TOLERANCE)
        reach_left, reach_right = box[0], box[2]
        for a, b in sorted(pieces, key=lambda p: -p[1]):  # leftwards: a piece touching the reach extends it
            if b >= reach_left - DASH_GAP and a < reach_left:
                reach_left = a
        for a, b in pieces:  # rightwards
            if a <= reach_right + DASH_GAP and b > reach_right:
                reach_right = b
        x0, x1 = min(x0, reach_left), max(x1, reach_right)
    return x0, top, x1, bottom


def _side_by_side(bboxes: Sequence[tuple[float, ...]]) -> list[tuple[float, float, float, float]]:
    """One box over each run of tables standing side by side with one top and one bottom: a table
    whose cell merged down over its rows goes on past both the page's top and its end has no rule
    across that column on the page, so the finder parts the table there, a table each side of it;
    the table's rules put back are looked for across the whole."""
    runs: list[list[tuple[float, ...]]] = []
    for box in sorted(bboxes, key=lambda b: (round(b[1]), round(b[3]), b[0])):
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and abs(box[1] - last[1]) <= SIDE_TOLERANCE
            and abs(box[3] - last[3]) <= SIDE_TOLERANCE
        ):
            runs[-1].append(box)
        else:
            runs.append([box])
    return [(run[0][0], run[0][1], max(b[2] for b in run), run[0][3]) for run in runs if len(run) > 1]


def joined(edges: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The edges with the pieces of a dashed or dotted rule (a browser draws each dash or dot as a
    shape of its own) joined into one edge where they follow each other on one line with gaps of
    at most DASH_GAP: a side rule is then seen to run on to where its last dash ends, as a solid
    one is."""
    out: list[dict[str, Any]] = []
    for orientation, start, end, at in (("v", "top", "bottom", "x0"), ("h", "x0", "x1", "top")):
        mine = [e for e in edges if e.get("orientation") == orientation]
        pieces = sorted(mine, key=lambda e: (round(e[at], 1), e[start]))
        for edge in pieces:
            last = out[-1] if out else None
            if (
                last is not None
                and last.get("orientation") == orientation
                and round(last[at], 1) == round(edge[at], 1)
                and edge[start] - last[end] <= DASH_GAP
            ):
                if edge[end] > last[end]:
                    out[-1] = {**last, end: edge[end]}
                continue
            out.append(edge)
    return out + [e for e in edges if e.get("orientation") not in ("v", "h")]


def _gaps_in_last_rule(
    edges: Sequence[dict[str, Any]], x0: float, x1: float, bottom: float
) -> list[dict[str, Any]]:
    """Rules closing single columns the table's last rule leaves out while their side rules end on
    it: a cell merged down over rows that go on to the next page, drawn open where the page ends
    (a browser's print of a «rowspan», whose sides end with the table's). With no cell below, the
    finder made none of it, and its text (a municipality written once for its rows) was lost."""
    across = [
        (e["x0"], e["x1"])
        for e in edges
        if e.get("orientation") == "h" and abs(e["top"] - bottom) <= SIDE_TOLERANCE
    ]
    if not across:
        return []
    sides = sorted(
        {
            round(e["x0"], 1)
            for e in edges
            if e.get("orientation") == "v"
            and x0 - SIDE_TOLERANCE <= e["x0"] <= x1 + SIDE_TOLERANCE
            and abs(e["bottom"] - bottom) <= SIDE_TOLERANCE
            and e["top"] < bottom - OPEN_ROW_MIN
        }
    )
    rules = []
    for left, right in pairwise(sides):
        if right - left <= SIDE_TOLERANCE:
            continue
        covered = any(a <= left + SIDE_TOLERANCE and b >= right - SIDE_TOLERANCE for a, b in across)
        touched = any(b > left + SIDE_TOLERANCE and a < right - SIDE_TOLERANCE for a, b in across)
        if not covered and not touched:
            rules.append(_rule(left, right, bottom))
    return rules


def _open_cells(
    vertical: Sequence[dict[str, Any]], x0: float, x1: float, bottom: float
) -> list[dict[str, Any]]:
    """Rules closing single columns whose two side rules run on together past the table's last
    rule: a cell merged down over rows that go on to the next page, left open where the page ends
    (a browser's print does so; the table's outer sides end with its other columns)."""
    sides: list[tuple[float, float]] = []  # each column rule crossing the last rule: x, lowest end
    for edge in sorted(vertical, key=lambda e: e["x0"]):
        inside = x0 - SIDE_TOLERANCE <= edge["x0"] <= x1 + SIDE_TOLERANCE
        if not (inside and edge["top"] < bottom - OPEN_ROW_MIN and edge["bottom"] >= bottom - SIDE_TOLERANCE):
            continue
        if sides and edge["x0"] - sides[-1][0] <= SIDE_TOLERANCE:  # a rectangle's two edges: one rule
            sides[-1] = (sides[-1][0], max(sides[-1][1], edge["bottom"]))
        else:
            sides.append((edge["x0"], edge["bottom"]))
    rules = []
    for (left, left_end), (right, right_end) in pairwise(sides):
        open_below = min(left_end, right_end) >= bottom + OPEN_ROW_MIN
        if open_below and abs(left_end - right_end) <= SIDE_TOLERANCE:
            rules.append(_rule(left, right, min(left_end, right_end)))
    return rules


def _open_end(
    vertical: Sequence[dict[str, Any]], x0: float, x1: float, y: float, below: bool
) -> float | None:
    """Where the table's two outer side rules end together beyond its rule at y (None if not)."""
    ends = []
    for x in (x0, x1):
        side = [e for e in vertical if abs(e["x0"] - x) <= SIDE_TOLERANCE]
        if below:
            reach = [
                e["bottom"]
                for e in side
                if e["top"] <= y + SIDE_TOLERANCE and e["bottom"] >= y + OPEN_ROW_MIN
            ]
            ends.append(max(reach, default=None))
        else:
            reach = [
                e["top"] for e in side if e["bottom"] >= y - SIDE_TOLERANCE and e["top"] <= y - OPEN_ROW_MIN
            ]
            ends.append(min(reach, default=None))
    first, second = ends
    if first is None or second is None or abs(first - second) > SIDE_TOLERANCE:
        return None
    return min(first, second) if below else max(first, second)


def _rule(x0: float, x1: float, y: float) -> dict[str, Any]:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0}


def shading_within(
    rects: Sequence[dict[str, Any]], bboxes: Sequence[tuple[float, ...]]
) -> list[dict[str, Any]]:
    """The shading rectangles that lie within one of the tables (bboxes) found from rules alone."""
    return [
        r
        for r in rects
        if is_shading(r)
        and any(
            r["x0"] >= x0 - SIDE_TOLERANCE
            and r["x1"] <= x1 + SIDE_TOLERANCE
            and r["top"] >= top - SIDE_TOLERANCE
            and r["bottom"] <= bottom + SIDE_TOLERANCE
            for x0, top, x1, bottom in bboxes
        )
    ]
