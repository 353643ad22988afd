"""A re-issued report that takes out a wrong row renumbers the rows after it: a decision on a row
whose cells are otherwise unchanged stays in force (the row key holds no №, migration 090)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
from nil_builders import municipal_title
from readers_fixtures import HEADER, build_docx

from muniflow.cli import main
from muniflow.plain import ingest_plain
from muniflow.warehouse import db, reconcile

MUNICIPALITY = "Липовский район"
ROWS = [
    ("Турнир по мини-футболу «Кубок Дружбы»", "с. Ольховка", "5 декабря 2024 года"),  # not this quarter
    ("Концерт хора «Xоровод»", "г. Липовск", "12 сентября 2025 года"),  # a Latin X: mixed_script
    ("Ярмарка ремёсел", "г. Липовск", "20 сентября 2025 года"),
]


def _report(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    table = [
        list(HEADER),
        *([f"{i}.", title, place, when, "Делегация"] for i, (title, place, when) in enumerate(rows, 1)),
    ]
    return build_docx(path, table, title=municipal_title(MUNICIPALITY))


def _accept_the_warnings(warehouse: Path, tmp_path: Path) -> str:
    exported = tmp_path / "review.csv"
    assert main(["review", "export", str(exported), "--warehouse", str(warehouse)]) == 0
    with exported.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.DictReader(fh))
    [warned] = [line for line in lines if line["severities"] == "warning"]
    warned["decision"] = "accept"
    with exported.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(lines[0]))
        writer.writeheader()
        writer.writerows(lines)
    assert main(["review", "apply", str(exported), "--warehouse", str(warehouse)]) == 0
    return warned["title"]


def test_a_row_only_renumbered_by_a_re_issued_report_keeps_its_decision(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    ingest_plain([_report(tmp_path / "first.docx", ROWS)], warehouse)
    accepted_title = _accept_the_warnings(warehouse, tmp_path)
    ingest_plain([_report(tmp_path / "corrected.docx", ROWS[1:])], warehouse)  # row 1 out, 2 -> 1
    with duckdb.connect(str(warehouse), read_only=True) as con:
        events = con.execute("select seq_no, title, review_status from events order by seq_no").fetchall()
        open_flags = con.execute(
            "select count(*) from flagged_rows join core.current_rows using (report_id, row_index)"
            " where review_decision is null"
        ).fetchone()
        stale = con.execute("select count(*) from review_decisions where stale").fetchone()
    assert events[0][0] == 1 and events[0][1] == accepted_title.replace("X", "Х")
    assert [status for _, _, status in events] == ["accept", None]
    assert open_flags == (0,) and stale == (0,)
    with db.connect(warehouse) as con:
        assert reconcile(con) == []


OLD_KEYS = """
with located as (
    select r.report_id, r.row_index, md5(concat_ws(chr(31),
        coalesce(rep.region, ''), coalesce(rep.period, ''), coalesce(r.seq_text, ''),
        coalesce(r.municipality_raw, ''), coalesce(r.title_raw, ''), coalesce(r.place_raw, ''),
        coalesce(r.date_text, ''), coalesce(r.goal_raw, ''), coalesce(r.participants_raw, '')
    )) as content
    from core.rows as r join core.reports as rep using (report_id)
)
select report_id, row_index, 'r' || left(md5(content || ':' || (row_number() over (
    partition by report_id, content order by row_index) - 1)), 15) as row_key
from located
"""


def test_decisions_of_a_warehouse_keyed_with_the_number_follow_their_rows(tmp_path: Path) -> None:
    """A warehouse whose keys and decisions hold the № (before 090): the migration re-keys each
    decision to its row's new key, so it stays in force, and then carries over a renumbering."""
    warehouse = tmp_path / "w.duckdb"
    ingest_plain([_report(tmp_path / "first.docx", ROWS)], warehouse)
    _accept_the_warnings(warehouse, tmp_path)
    with duckdb.connect(str(warehouse)) as con:  # as the warehouse stood before migration 090
        con.execute(f"create temporary table old as {OLD_KEYS}")
        con.execute(
            "update core.review_decisions set row_key = o.row_key from old as o"
            " where core.review_decisions.report_id = o.report_id"
            " and core.review_decisions.row_index = o.row_index"
        )
        con.execute(
            "update core.rows set row_key = o.row_key from old as o"
            " where core.rows.report_id = o.report_id and core.rows.row_index = o.row_index"
        )
        con.execute("delete from schema_migrations where version >= 90")
    with db.connect(warehouse) as con:  # opening applies 090 again
        decided = con.execute(
            "select d.row_key = r.row_key from core.review_decisions as d join core.rows as r"
            " using (report_id, row_index)"
        ).fetchall()
    assert decided == [(True,)]
    ingest_plain([_report(tmp_path / "corrected.docx", ROWS[1:])], warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        statuses = con.execute("select review_status from events order by seq_no").fetchall()
    assert statuses == [("accept",), (None,)]
