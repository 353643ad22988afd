"""Where a page's rules mark out a table that its rules alone do not grid: a stack of horizontal
rules of one width, a frame of two side rules of one height, or a ruled table found with too few
columns (see pdfunruled, which infers the columns from the text).

Word draws a row's rule cell by cell, so collinear segments are joined into rules first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# Points: two rules of one table end within a rule's width of each other.
EDGE_TOLERANCE = 2.0
# A horizontal rule across at least this share of the region's width parts two rows (a rule under
# a merged cell stops short of it).
ROW_RULE_SHARE = 0.5
# Points: the least width of a frame (two side rules) taken for a table's region.
MIN_FRAME = 100.0
# Points: text in a cell stands in from the rules by the cell's padding (0.19 cm by default, rarely
# under 0.1 cm); text starting less than this right of a rule's left end is a paragraph outside
# the table (a heading between two tables set flush with their rules), not a cell's.
MIN_INSET = 1.0


Rule = tuple[float, tuple[tuple[float, float], ...]]


@dataclass(frozen=True)
class Region:
    """A part of the page a table's rules mark out; `rules`: the rules parting rows, each its
    height and the spans it is drawn over (none under a cell merged down over the two rows)."""

    x0: float
    top: float
    x1: float
    bottom: float
    rules: tuple[Rule, ...] = ()
    framed: bool = True  # its sides are drawn (else they come from the text)


def region_of(table: Any, edges: Sequence[dict[str, Any]]) -> Region:
    x0, top, x1, bottom = table.bbox
    return Region(x0, top, x1, bottom, _row_rules(edges, x0, top, x1, bottom))


def _row_rules(
    edges: Sequence[dict[str, Any]], x0: float, top: float, x1: float, bottom: float
) -> tuple[Rule, ...]:
    """The horizontal rules within the box drawn over most of its width, in pieces or not."""
    levels: list[list[Any]] = []
    for e in sorted(_joined(edges, "h"), key=lambda e: e["top"]):
        if not top - EDGE_TOLERANCE <= e["top"] <= bottom + EDGE_TOLERANCE:
            continue
        piece = (max(e["x0"], x0), min(e["x1"], x1))
        if piece[1] <= piece[0]:
            continue
        if levels and e["top"] - levels[-1][0] <= EDGE_TOLERANCE:
            levels[-1][1].append(piece)
        else:
            levels.append([e["top"], [piece]])
    return tuple(
        (y, tuple(pieces))
        for y, pieces in levels
        if sum(b - a for a, b in pieces) >= ROW_RULE_SHARE * (x1 - x0)
    )


def _joined(edges: Sequence[dict[str, Any]], orientation: str) -> list[dict[str, float]]:
    """Collinear segments of one orientation joined into rules (Word draws a row's rule cell by
    cell): `top`/`x0`/`x1` for horizontal, `x0`/`top`/`bottom` for vertical rules."""
    horizontal = orientation == "h"
    segments = sorted(
        (
            (e["top"], e["x0"], e["x1"]) if horizontal else (e["x0"], e["top"], e["bottom"])
            for e in edges
            if e.get("orientation") == orientation
        ),
    )
    rules: list[list[float]] = []
    for at, start, end in sorted(segments, key=lambda s: (round(s[0]), s[1])):
        last = rules[-1] if rules else None
        if last and abs(last[0] - at) <= EDGE_TOLERANCE and start <= last[2] + EDGE_TOLERANCE:
            last[2] = max(last[2], end)
        else:
            rules.append([at, start, end])
    if horizontal:
        return [{"top": a, "x0": s, "x1": e} for a, s, e in rules]
    return [{"x0": a, "top": s, "bottom": e} for a, s, e in rules]


def _inside(x: float, y: float, boxes: Sequence[Sequence[float]]) -> bool:
    return any(
        b[0] - EDGE_TOLERANCE <= x <= b[2] + EDGE_TOLERANCE
        and b[1] - EDGE_TOLERANCE <= y <= b[3] + EDGE_TOLERANCE
        for b in boxes
    )


def rule_regions(
    edges: Sequence[dict[str, Any]], taken: Sequence[Sequence[float]], text: Sequence[tuple[float, float]]
) -> list[Region]:
    """Regions marked out by rules outside the tables already found: two or more horizontal rules
    of one width stacked with text between each two (rows; a band without text parts a boxed note
    from the table below it), or two side rules of one height at least MIN_FRAME apart; a frame
    and the rules within it are one region; a band whose text starts within MIN_INSET of the
    rules' left end is no row (a paragraph between two tables). `text`: the page's glyphs, each
    its left edge and the height of its centre."""
    free = [e for e in edges if not _inside((e["x0"] + e["x1"]) / 2, (e["top"] + e["bottom"]) / 2, taken)]
    boxes: list[list[float]] = []
    horizontal = _joined(free, "h")
    sides = sorted(_joined(free, "v"), key=lambda r: r["x0"])
    stacks: list[list[dict[str, float]]] = []
    for rule in sorted(horizontal, key=lambda r: r["top"]):
        stack = next(
            (
                s
                for s in reversed(stacks)
                if abs(s[0]["x0"] - rule["x0"]) <= EDGE_TOLERANCE
                and abs(s[0]["x1"] - rule["x1"]) <= EDGE_TOLERANCE
            ),
            None,
        )
        band = [x for x, y in text if stack and stack[-1]["top"] < y < rule["top"]]
        if (
            stack is None
            or not band
            or min(band) < rule["x0"] + MIN_INSET
            or _between_frames(sides, rule["x0"], stack[-1]["top"], rule["x1"], rule["top"])
        ):
            stacks.append([rule])
        else:
            stack.append(rule)
    boxes += [[s[0]["x0"], s[0]["top"], s[0]["x1"], s[-1]["top"]] for s in stacks if len(s) > 1]
    for i, left in enumerate(sides):
        right = next(
            (
                r
                for r in reversed(sides[i + 1 :])
                if abs(r["top"] - left["top"]) <= EDGE_TOLERANCE
                and abs(r["bottom"] - left["bottom"]) <= EDGE_TOLERANCE
                and r["x0"] - left["x0"] >= MIN_FRAME
            ),
            None,
        )
        if right is not None:
            boxes.append([left["x0"], left["top"], right["x0"], left["bottom"]])
    merged: list[list[float]] = []
    for box in sorted(boxes, key=lambda b: (b[1], -(b[2] - b[0]))):
        host = next((m for m in merged if _overlap(m, box)), None)
        if host is None:
            merged.append(list(box))
        else:
            host[:] = [min(host[0], box[0]), min(host[1], box[1]), max(host[2], box[2]), max(host[3], box[3])]
    return [
        Region(x0, top, x1, bottom, _row_rules(free, x0, top, x1, bottom)) for x0, top, x1, bottom in merged
    ]


def _between_frames(
    sides: Sequence[dict[str, float]], x0: float, top: float, x1: float, bottom: float
) -> bool:
    """True when side rules stand at the band's edges, ending at its top or starting at its bottom,
    and none runs down through it: the band lies between two tables drawn with sides (the bottom
    of one, a heading, the top of the next), not in one table, whose sides run through every row."""
    at_edges = [r for r in sides if min(abs(r["x0"] - x0), abs(r["x0"] - x1)) <= EDGE_TOLERANCE]
    through = any(
        r["top"] <= top + EDGE_TOLERANCE and r["bottom"] >= bottom - EDGE_TOLERANCE for r in at_edges
    )
    touching = any(
        abs(r["bottom"] - top) <= EDGE_TOLERANCE or abs(r["top"] - bottom) <= EDGE_TOLERANCE for r in at_edges
    )
    return touching and not through


def _overlap(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] <= b[3] + EDGE_TOLERANCE and b[1] <= a[3] + EDGE_TOLERANCE
