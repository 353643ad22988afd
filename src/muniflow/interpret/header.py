"""Header cells -> canonical columns, by meaning, through the synonyms of the contract."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from muniflow.interpret.errors import InterpretError

# Columns without which a table is not an events table.
REQUIRED = ("title", "date_text")

_PUNCT = re.compile(r"[^\w№]+")


def _norm(text: str) -> str:
    return " " + _PUNCT.sub(" ", text.lower().replace("ё", "е")).strip() + " "


def _score(header: str, synonym: str) -> int:
    """Length of the synonym when it stands in the header as whole words, else 0."""
    syn = _norm(synonym)
    return len(syn.strip()) if syn.strip() and syn in header else 0


def map_header(header: Sequence[str], synonyms: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Map canonical column names to column indexes.

    Every (column, header cell) pair is scored by the longest synonym of the column found in the
    cell as whole words; pairs are taken best first, each column and each cell once. So
    "Место проведения мероприятия" goes to `place` (synonym "место проведения") even though it
    also contains "мероприятия".

    Raises:
        InterpretError: `unknown_layout` when the title or the dates column is not found.
    """
    cells = [_norm(h or "") for h in header]
    pairs = []
    for column, words in synonyms.items():
        for index, cell in enumerate(cells):
            best = max((_score(cell, w) for w in words), default=0)
            if best:
                pairs.append((best, column, index))
    pairs.sort(key=lambda p: (-p[0], p[2], p[1]))
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    for _, column, index in pairs:
        if column in mapping or index in taken:
            continue
        mapping[column] = index
        taken.add(index)
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        shown = " | ".join((h or "").replace("\n", " ").strip() for h in header)
        raise InterpretError(
            "unknown_layout",
            f"no column for {', '.join(missing)} in the table header [{shown}]; "
            "add the header's wording to headerSynonyms in contracts/events.odcs.yaml",
        )
    return mapping
