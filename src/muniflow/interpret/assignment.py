"""Which header cell gets which canonical column: the best assignment over the whole header.

Taking the strongest (cell, column) pair first lets a word in a dependent position win a column
for the wrong cell: «Результаты проведения мероприятия» takes the title by «мероприятия» and
leaves «Название проекта (мероприятия)» with nothing, though the first is the goal and the second
the title. Chosen jointly, each column once and each cell once, the header reads with the most
matched letters in all (then the best match quality), so every cell gets a column it names when
one exists. Date columns are shared: «Дата начала …» and «Дата завершения» both feed the dates,
so the first does not take the title by its dependent word to leave the second a column.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Protocol, TypeVar

# Sums of weights compare after rounding (float noise must not break ties).
_DIGITS = 6


class Scored(Protocol):
    """A candidate column for a cell, with how much of it matched."""

    @property
    def column(self) -> str: ...

    @property
    def weight(self) -> float: ...

    @property
    def score(self) -> float: ...


C = TypeVar("C", bound=Scored)


def assign(
    per_cell: Mapping[int, Sequence[C]],
    taken: frozenset[str] = frozenset(),
    shared: frozenset[str] = frozenset(),
) -> dict[int, C]:
    """cell index -> its chosen candidate; columns in `taken` are not given again, columns in
    `shared` may go to several cells (a start and an end date column).

    Maximizes (total weight, total score); among equal assignments the earlier cell keeps its
    better-ranked candidate (candidates come best first).
    """
    cells = sorted(i for i, found in per_cell.items() if found)
    options = [tuple(c for c in per_cell[i] if c.column not in taken) for i in cells]

    @cache
    def best(k: int, used: frozenset[str]) -> tuple[float, float, tuple[int, ...]]:
        """Best (weight, score, choice per cell from k on; -1 = none) with `used` columns gone."""
        if k == len(cells):
            return 0.0, 0.0, ()
        top: tuple[float, float, tuple[int, ...]] | None = None
        for j, cand in enumerate(options[k]):
            if cand.column in used:
                continue
            w, s, r = best(k + 1, used if cand.column in shared else used | {cand.column})
            here = (round(w + cand.weight, _DIGITS), round(s + cand.score, _DIGITS), (j, *r))
            if top is None or here[:2] > top[:2]:
                top = here
        w, s, r = best(k + 1, used)
        if top is None or (w, s) > top[:2]:
            top = (w, s, (-1, *r))
        return top

    choice = best(0, frozenset())[2]
    return {cells[k]: options[k][j] for k, j in enumerate(choice) if j >= 0}
