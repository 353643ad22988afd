"""The numbering rule: № must run 1, 2, 3… through the report; the row where the run breaks is flagged."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rowfactory import make_row

from muniflow.contracts import load_contract
from muniflow.model import Row
from muniflow.rules.numbering import numbering_flags

BASE = make_row(source_file="report.pdf", source_locator="page 1, table 1, row 2")


def rows_numbered(*numbers: int | None) -> list[Row]:
    return [
        replace(BASE, row_index=i, seq_no=n, seq_text=f"{n}." if n is not None else "—")
        for i, n in enumerate(numbers)
    ]


CASES = [
    ("a clean run", (1, 2, 3, 4), []),
    ("a repeated number: the second copy breaks the run", (1, 2, 3, 3, 4, 5), [3]),
    ("a skipped number: the row after the gap", (1, 2, 4, 5), [2]),
    ("several numbers skipped at once", (1, 2, 7, 8), [2]),
    ("a run that does not start at 1", (2, 3, 4), [0]),
    ("a single stray number between a correct run", (1, 2, 3, 13, 5, 6), [3]),
    ("a repeated number then the run carries on one further", (1, 2, 2, 4), [2]),
    ("a missing № that took its slot", (1, 2, None, 4), [2]),
    ("a missing № on an extra row", (1, 2, None, 3), [2]),
    ("a restart from 1 midway (numbered per section) breaks the report's run", (1, 2, 1, 2), [2]),
    ("two separate breaks are both flagged", (1, 1, 2, 3, 5, 6), [1, 4]),
    ("the last row repeated", (1, 2, 3, 3), [3]),
]


@pytest.mark.parametrize(("reason", "numbers", "expected"), CASES, ids=[c[0] for c in CASES])
def test_numbering(reason: str, numbers: tuple[int | None, ...], expected: list[int]) -> None:
    flags = numbering_flags(rows_numbered(*numbers), load_contract())
    assert [f.row_index for f in flags] == expected, reason
    assert all((f.rule, f.severity, f.field) == ("numbering", "warning", "seq_no") for f in flags)


def test_messages_say_what_broke() -> None:
    repeated, skipped = numbering_flags(rows_numbered(1, 1, 2, 5, 6), load_contract())
    assert "повторяется" in repeated.message and repeated.value == "1"
    assert "пропущен № 3–4" in skipped.message and skipped.value == "5"
