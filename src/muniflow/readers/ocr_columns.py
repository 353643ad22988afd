"""A table ruled between its rows only: its columns as the pages it runs over agree on them.

Each page's columns are told from the gutters of its own row bands (ocr_gutters). A page holding
a row or two under its header shows too few bands to tell them by: a gap between the words of its
one row passes for a gutter, a gutter the header's centred labels start nowhere near is lost, and
the page before may be as sparse (the first page of a report, under its title). The pages of one
table are drawn alike, so its columns are those most of its pages were told (ties: those told from
the most bands, where they part no fewer columns), and a page told otherwise takes them where they
fit its own blank strips
(`ocr_gutters.with_columns`); a page's own stay where they do not (another table as wide).
"""

from __future__ import annotations

from collections.abc import Sequence

from muniflow.readers.ocr_cells import Grid


def agreed(found: Sequence[Grid | None], gap: float) -> list[tuple[int, ...] | None]:
    """For each page's first table whose columns came from its gutters (`found`), the column lines
    the table's pages agree on where they are not its own, else None; for a page with no such
    table (None: none found, or a ruled one), the lines most pages agree on. Pages hold one table
    where it is as wide (within `gap` pixels); two pages' columns are the same where each line lies
    within `gap` of the other's, measured from the left side."""
    tables = [g for g in found if g is not None]
    out: list[tuple[int, ...] | None] = []
    for grid in found:
        alike = tables if grid is None else [g for g in tables if abs(_width(g) - _width(grid)) <= gap]
        sets: list[list[Grid]] = []  # the column sets told, each with the tables told so
        for g in alike:
            home = next((s for s in sets if _same(s[0].xs, g.xs, gap)), None)
            if home is None:
                sets.append([g])
            else:
                home.append(g)
        if not sets:
            out.append(None)
            continue
        best = max(sets, key=lambda s: (len(s), _bands(s)))
        own = next((s for s in sets if any(g is grid for g in s)), [])
        # more pages told the best set; as many, from more bands, and it parts no fewer columns (a
        # sparse page loses the gutters its header's labels start nowhere near; a page told fewer
        # columns from more bands is no surer: a label across two of them)
        better = len(best) > len(own) or (
            grid is not None and _bands(best) > _bands(own) and len(best[0].xs) >= len(grid.xs)
        )
        out.append(max(best, key=lambda g: len(g.ys)).xs if best is not own and better else None)
    return out


def _bands(tables: Sequence[Grid]) -> int:
    """The row bands the tables' columns were told from."""
    return sum(len(g.ys) - 1 for g in tables)


def _width(grid: Grid) -> int:
    return grid.xs[-1] - grid.xs[0]


def _same(a: Sequence[int], b: Sequence[int], gap: float) -> bool:
    """Whether two tables' column lines stand alike, each measured from its left side."""
    return len(a) == len(b) and all(abs((x - a[0]) - (y - b[0])) <= gap for x, y in zip(a, b, strict=True))
