"""Row keys computed in Python as the loader stores them: the definition of `core.row_keys_computed`
(migration 073), so a load writes each row with its key instead of updating the rows afterwards
(an UPDATE through the view cost about a third of a load).

A row's key hashes its report's region and period with the row's raw cell texts but its № (since
migration 090: a row a re-issued report only renumbered keeps its key, and its decision); identical
rows of one report are told apart by their occurrence index in row order. `tests/test_row_keys.py`
checks the two definitions agree.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from muniflow.model import Row

UNIT_SEPARATOR = chr(31)
# The row's raw texts in the order the SQL definition concatenates them (after region, period).
KEYED_FIELDS = (
    "municipality_raw",
    "title_raw",
    "place_raw",
    "date_text",
    "goal_raw",
    "participants_raw",
)


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def row_keys(region: str | None, period: str | None, rows: Sequence[Row]) -> dict[int, str]:
    """Each row's key by its `row_index`, as `core.row_keys_computed` derives it."""
    seen: Counter[str] = Counter()
    keys: dict[int, str] = {}
    for row in sorted(rows, key=lambda r: r.row_index):
        parts = [region or "", period or "", *((getattr(row, name) or "") for name in KEYED_FIELDS)]
        content = _md5(UNIT_SEPARATOR.join(parts))
        occurrence = seen[content]
        seen[content] += 1
        keys[row.row_index] = "r" + _md5(f"{content}:{occurrence}")[:15]
    return keys
