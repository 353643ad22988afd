"""Cells merged down over two rows and more of a table drawn without rules (see pdfgaps): where a
rule is left out under a cell, and where a cell's text, centred on the merge, straddles two
numbered rows.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from muniflow.readers.pdftext import Box
from muniflow.readers.pdftextlines import Line, Span, is_numbered

# A cell merged down reaches the next row when its bottom is this near the row's top (pt).
MERGE_REACH = 2.0

# A cell's text going on from one row into the next without rules stands at most this many line
# heights below its last line there (the line pitch of one paragraph), see merge_straddling.
STRADDLE_GAP = 0.6


def merge_down(rows: list[list[Box | None]], lower: list[Box | None], rule: Sequence[Span]) -> None:
    """Where the rule between the last row and `lower` is not drawn under a cell (merged down over
    both: one date or place for two events, or for three and more), the cell that reaches down to
    the last row (its own, or one merged down from a row above) reaches over the lower one's slot."""
    for col in range(len(rows[-1])):
        below = lower[col] if col < len(lower) else None
        owner = _reaching(rows, col, below[1]) if below is not None else None
        box = rows[owner][col] if owner is not None else None
        if below is None or owner is None or box is None or (below[0], below[2]) != (box[0], box[2]):
            continue
        drawn = sum(max(0.0, min(b, box[2]) - max(a, box[0])) for a, b in rule)
        if drawn < (box[2] - box[0]) / 2:
            rows[owner][col] = (box[0], box[1], box[2], below[3])
            lower[col] = None


def merge_straddling(
    rows: list[list[Box | None]], held: Sequence[Sequence[Line]], xs: Sequence[float]
) -> None:
    """Cells merged down over two numbered rows of a table drawn without rules, their text centred
    on the merge (one place for two events): the cell's text starts below its upper row's first
    line and reaches down to the lower row's first line, then goes on in that line's height,
    without a line's gap, and stops above that row's last. Its upper part had been the upper row's cell, its
    lower part the lower row's; the upper row's cell now reaches over both, as a cell a missing
    rule leaves merged down does (`merge_down`). The text's line grid is the merge's, not the
    rows': a line of it may stand a hair lower than the lower row's first line's top, and is read
    with the upper row's lines (its band holds it by its middle)."""
    for k in range(len(rows) - 1):
        upper, _ = _from_number(held[k], xs)
        lower, straddling = _from_number(held[k + 1], xs)
        if not upper or not lower:
            continue
        upper = [*upper, *straddling]
        height = statistics.median(line.bottom - line.top for line in [*upper, *lower])
        for col in range(len(xs) - 1):
            above, below = rows[k][col], rows[k + 1][col]
            single = (xs[col], xs[col + 1])
            if (
                above is None
                or below is None
                or (above[0], above[2]) != single
                or (below[0], below[2]) != single
            ):
                continue
            first, second = _column_lines(upper, xs, col), _column_lines(lower, xs, col)
            straddles = (
                first
                and second
                and first[0].top > upper[0].top + height / 2
                and lower[0].top - first[-1].bottom <= height * STRADDLE_GAP
                and second[0].top < lower[0].top + height
                and second[-1].bottom < max(line.bottom for line in lower) - height / 2
                and second[0].top - first[-1].bottom <= height * STRADDLE_GAP
            )
            if straddles:
                rows[k][col] = (above[0], above[1], above[2], below[3])
                rows[k + 1][col] = None


def _from_number(lines: Sequence[Line], xs: Sequence[float]) -> tuple[Sequence[Line], Sequence[Line]]:
    """A row's lines from its numbered line on, and those above it; none from there without one."""
    at = next((i for i, line in enumerate(lines) if is_numbered(line, xs)), None)
    return ((), ()) if at is None else (lines[at:], lines[:at])


def _column_lines(lines: Sequence[Line], xs: Sequence[float], col: int) -> list[Line]:
    """The lines writing into column `col` (a run whose middle falls in it)."""
    return [line for line in lines if any(xs[col] <= (a + b) / 2 < xs[col + 1] for a, b in line.spans)]


def _reaching(rows: Sequence[Sequence[Box | None]], col: int, top: float) -> int | None:
    """The row whose cell in column `col` reaches down to `top`: the last row's own, or, where the
    last row's slot is taken by a cell merged down, the row that cell starts in."""
    for index in range(len(rows) - 1, -1, -1):
        box = rows[index][col] if col < len(rows[index]) else None
        if box is not None:
            return index if index == len(rows) - 1 or box[3] >= top - MERGE_REACH else None
    return None
