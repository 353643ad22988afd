"""Saved queries: listed with descriptions, run read-only on a small warehouse, foreign detection."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
import warehouse_fixtures
from warehouse_fixtures import build_warehouse, load, make_report, make_row

from muniflow.warehouse import db, loader, saved
from muniflow.warehouse.readonly import run_query

fresh_db = warehouse_fixtures.fresh_db

NAMES = {
    "events_per_municipality_quarter",
    "events_per_month_foreign",
    "flagged_per_rule_municipality",
    "current_report_versions",
}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wh") / "w.duckdb"
    build_warehouse(path)
    return path


def test_every_saved_query_is_listed_with_a_description():
    listed = dict(saved.list_saved())
    assert set(listed) >= NAMES
    assert all(listed[name] for name in listed)


def test_an_unknown_name_lists_the_known_ones():
    with pytest.raises(KeyError) as raised:
        saved.saved_sql("no_such_query")
    assert all(name in raised.value.args[0] for name in NAMES)
    with pytest.raises(KeyError):
        saved.saved_sql("../migrations/001_core")  # only files of queries/ are saved queries


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "events_per_municipality_quarter",
            [
                ("2024Q2", "Район А", 2, 0),
                ("2024Q2", "Район Б", 1, 1),
            ],  # north v2 minus its error row; south minus dup, which co-reports Район А's event
        ),
        ("events_per_month_foreign", [("2024-04-01", 3, 1)]),  # the south row names a foreign republic
        (
            "flagged_per_rule_municipality",
            [("duplicate_event", "error", "Район Б", 1, 1), ("required_field", "error", "Район А", 1, 1)],
        ),
    ],
)
def test_saved_queries_run_read_only(warehouse, name, expected):
    result = run_query(warehouse, saved.saved_sql(name))
    assert [tuple(str(v) if hasattr(v, "isoformat") else v for v in row) for row in result.rows] == expected


def test_current_report_versions_counts_earlier_versions(warehouse):
    result = run_query(warehouse, saved.saved_sql("current_report_versions"))
    by_region = {row[0]: dict(zip(result.columns, row, strict=True)) for row in result.rows}
    assert by_region["Север"]["earlier_versions"] == 1
    assert by_region["Север"]["earlier_files"] == "north-v1.docx"
    assert by_region["Юг"]["earlier_versions"] == 0


def test_saved_queries_run_in_a_stock_duckdb_client(warehouse):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for name in sorted(NAMES):
            con.execute(saved.saved_sql(name)).fetchall()


FOREIGN = [
    ("г. Минск (Республика Беларусь)", True, "a foreign republic in parentheses"),
    ("Делегация КНР", True, "a country abbreviation"),
    ("иностранные студенты вуза", True, "'foreign' said outright"),
    ("творческие коллективы из Казахстана", True, "a country name inflected"),
    ("Республика Татарстан, г. Казань", False, "a republic of the Russian Federation"),
    ("делегация Удмуртской Республики", False, "a Russian republic named adjective-first"),
    ("ансамбль из Кубани", False, "a Russian region whose name starts like a country's"),
    ("сотрудники Администрации города, индивидуальные предприниматели", False, "a word starting with a stem"),
    ("г. Смоленск", False, "a Russian city"),
]


@pytest.mark.parametrize(("participants", "foreign", "why"), FOREIGN, ids=[w for *_, w in FOREIGN])
def test_foreign_participation_is_read_from_the_text(fresh_db, participants, foreign, why):
    row = make_row(0, participants=participants)
    load(fresh_db, "a", replace(make_report(0), rows=(row,)))
    rows = fresh_db.execute(saved.saved_sql("events_per_month_foreign")).fetchall()
    assert rows[0][1:] == (1, int(foreign)), why


def test_earlier_versions_are_a_reports_own_not_its_quarters(tmp_path: Path):
    """Two municipalities of one region and quarter, one re-sent: only its current version counts
    an earlier one; the other's report replaced nothing."""
    path = tmp_path / "w.duckdb"
    con = db.connect(path)
    try:
        run_id = loader.start_run(con)
        load(con, "a-v1", make_report(2, municipality="Район А"), run_id=run_id)
        load(con, "a-v2", make_report(3, municipality="Район А"), run_id=run_id)
        load(con, "b", make_report(2, municipality="Район Б"), run_id=run_id)
        loader.finish_run(con, run_id, {"files_seen": 3})
    finally:
        con.close()
    result = run_query(path, saved.saved_sql("current_report_versions"))
    by_file = {row[3]: dict(zip(result.columns, row, strict=True)) for row in result.rows}
    assert {f: (r["earlier_versions"], r["earlier_files"]) for f, r in by_file.items()} == {
        "a-v2.docx": (1, "a-v1.docx"),
        "b.docx": (0, None),
    }
