"""`flagged_rows.is_current`: the flags of a superseded version stay as history, told apart by a column
of the view instead of a join with an internal table."""

from __future__ import annotations

from pathlib import Path

import duckdb
from nil_builders import municipal_title
from readers_fixtures import HEADER, build_docx

from muniflow.plain import ingest_plain


def _report(path: Path, rows: list[tuple[str, str]]) -> Path:
    table = [
        list(HEADER),
        *([f"{i}.", title, "г. Ясенск", when, "Делегация"] for i, (title, when) in enumerate(rows, 1)),
    ]
    return build_docx(path, table, title=municipal_title("Ясеневский район"))


def test_a_quarantined_row_of_a_superseded_version_is_not_current(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    first = [("Турнир «Кубок Дружбы»", "5 декабря 2024 года"), ("Ярмарка ремёсел", "20 сентября 2025 года")]
    ingest_plain([_report(tmp_path / "first.docx", first)], warehouse)
    ingest_plain([_report(tmp_path / "corrected.docx", first[1:])], warehouse)  # the wrong row taken out
    with duckdb.connect(str(warehouse), read_only=True) as con:
        flags = con.execute("select rule, quarantined, is_current from flagged_rows").fetchall()
        now = con.execute("select count(*) from flagged_rows where quarantined and is_current").fetchone()
    assert flags == [("quarter_consistency", True, False)], "the first version's flag, kept as history"
    assert now == (0,)
