"""A month column beside a column of days: the two halves of one date.

«Месяц» | «Число»: «Май» | «4–5» is 4–5 May of the report's year, not the whole of May with the
days dropped, nor a range from 1 May to the 5th. The pair is known by its cells (one holds a month's
name alone, the other day numbers: «22», «4–5», «3, 10 и 17») and by a header word of either
column (the contract's `monthDayColumns`: «месяц»; «число», «дата», «дни»); «число» alone names no
column elsewhere (it heads «Число участников»), so it is not a date synonym.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from muniflow.contracts import load_contract
from muniflow.interpret.header_words import lemma, words
from muniflow.interpret.reading import CONTENT, ColumnMatch
from muniflow.interpret.sections import month_of
from muniflow.model import RawRow
from muniflow.morph import analyzer
from muniflow.normalize.text import fold

# «22», «4–5», «3, 10 и 17», «1-3; 8»: day numbers, ranges and lists of them, nothing else
_DAY = r"\d{1,2}\s*(?:[-–—]\s*\d{1,2})?"
_DAYS = re.compile(rf"{_DAY}(?:\s*(?:,|;|\bи\b)\s*{_DAY})*\.?", re.IGNORECASE)
# Share of a column's filled cells that must be months (days) for it to be that half of the pair.
PAIR_SHARE = 0.6
# Rows looked at when judging a column by its cells.
SAMPLE_ROWS = 40
CONTRACT_KEY = "monthDayColumns in contracts/events.odcs.yaml"


@lru_cache(maxsize=4)
def _vocabulary(month: tuple[str, ...], days: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(lemma(w) for w in month), frozenset(lemma(w) for w in days)


def vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """The header lemmas of a month column and of a days column (contract `monthDayColumns`)."""
    declared = load_contract().threshold("monthDayColumns", {}) or {}
    return _vocabulary(tuple(declared.get("month", ())), tuple(declared.get("days", ())))


def days_only(text: str) -> bool:
    """A cell of day numbers only (each 1..31): «4–5», «22», «3, 10 и 17»."""
    flat = fold(text)
    return bool(_DAYS.fullmatch(flat)) and all(1 <= int(d) <= 31 for d in re.findall(r"\d+", flat))


def compose(values: Sequence[str]) -> str | None:
    """One date from a month cell and a cell of days («Май», «4–5» -> «4–5 Май»); None unless the
    values are exactly one month alone and one cell of days."""
    months = [v for v in values if month_of(v) is not None]
    days = [v for v in values if days_only(v)]
    if len(months) == 1 and len(days) == 1 and len(values) == 2:
        return f"{days[0].rstrip('.')} {_of_month(months[0])}"
    return None


def _of_month(text: str) -> str:
    """A month's name alone in the genitive, as a date writes it after the days («Май» -> «мая»);
    a cell holding more (a year) as it is."""
    found = words(text)
    if len(found) != 1 or re.search(r"\d", text):
        return text
    inflected = analyzer().parse(found[0])[0].inflect({"gent"})
    return inflected.word if inflected is not None else text


def _cells(body: Sequence[RawRow], index: int) -> list[str]:
    """A column's filled cells in the rows of three cells or more (events, not headings)."""
    out = []
    for row in body[:SAMPLE_ROWS]:
        if sum(1 for c in row.cells if c is not None and fold(c)) < 3:
            continue
        text = row.cells[index] if index < len(row.cells) else None
        if text is not None and fold(text):
            out.append(fold(text))
    return out


def _share(cells: Sequence[str], test: Callable[[str], bool]) -> float:
    return sum(1 for c in cells if test(c)) / len(cells) if cells else 0.0


def _names(label: str, wanted: frozenset[str]) -> bool:
    return any(lemma(w) in wanted for w in words(label))


def days_beside_month(
    matches: Sequence[ColumnMatch], body: Sequence[RawRow], index: int, labels: Sequence[str]
) -> int | None:
    """The month column (a date column whose cells are months alone) beside column `index` whose
    cells are day numbers; None where the cells show no such pair."""
    if not 0 <= index < len(labels):
        return None
    days = _cells(body, index)
    if not days or _share(days, days_only) < PAIR_SHARE:
        return None
    for m in matches:
        if m.column == "date_text" and abs(m.index - index) == 1 and m.index != index:
            months = _cells(body, m.index)
            if months and _share(months, lambda c: month_of(c) is not None) >= PAIR_SHARE:
                return m.index
    return None


def day_columns(
    matches: Sequence[ColumnMatch], body: Sequence[RawRow], free: Sequence[int], labels: Sequence[str]
) -> list[ColumnMatch]:
    """Free columns of days beside a month column, where a header word of the pair says so (the
    month column's «Месяц», or the days column's «Число», «Дата», «Дни»): the date's other half."""
    month_words, day_words = vocabulary()
    found = []
    for i in free:
        month = days_beside_month(matches, body, i, labels)
        if month is None or not (_names(labels[month], month_words) or _names(labels[i], day_words)):
            continue
        shown = f"day numbers beside the month column «{fold(labels[month])}»"
        found.append(ColumnMatch("date_text", i, labels[i], CONTENT, shown, 1.0))
    return found
