"""The loader: migrations, idempotent loads, superseding, quarantine, flags and reconciliation."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
import warehouse_fixtures
from hypothesis import given, settings
from hypothesis import strategies as st
from warehouse_fixtures import error, load, make_report, make_row, sha, snapshot, warning

from muniflow.model import Flag, Period
from muniflow.warehouse import cross_row_flags, db, loader, lookups

fresh_db = warehouse_fixtures.fresh_db


def statuses(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("select source_file, status from reports").fetchall())


def event_ids(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [e for (e,) in con.execute("select event_id from events order by event_id").fetchall()]


def test_migrations_apply_once_and_are_recorded(fresh_db, tmp_path):
    versions = [m.version for m in db.read_migrations()]
    recorded = [v for (v,) in fresh_db.execute("select version from schema_migrations order by 1").fetchall()]
    assert recorded == versions
    assert db.apply_migrations(fresh_db, db.read_migrations()) == []
    path = tmp_path / "w.duckdb"
    for _ in range(2):
        db.connect(path).close()
    with duckdb.connect(str(path)) as con:
        assert con.execute("select count(*) from schema_migrations").fetchone() == (len(versions),)


def test_failed_migration_rolls_back_and_is_not_recorded(fresh_db):
    good = db.Migration(901, "901_good", "create table core.good (a int);")
    bad = db.Migration(902, "902_bad", "create table core.half (a int); select * from no_such_table;")
    with pytest.raises(db.MigrationError, match="902_bad"):
        db.apply_migrations(fresh_db, (good, bad))
    recorded = {v for (v,) in fresh_db.execute("select version from schema_migrations").fetchall()}
    tables = {t for (t,) in fresh_db.execute("select table_name from duckdb_tables()").fetchall()}
    assert 901 in recorded and 902 not in recorded
    assert "good" in tables and "half" not in tables


def test_load_reports_rows_events_and_counts(fresh_db):
    result = load(fresh_db, "a", make_report(3), [error(1), warning(2)])
    assert result == loader.LoadResult(loader.report_id_of(sha("a")), "loaded", 3, 2, 1)
    assert event_ids(fresh_db) == [f"{result.report_id}-0001", f"{result.report_id}-0003"]
    extracted = fresh_db.execute("select count(*), min(start_date) from extracted_rows").fetchone()
    assert extracted is not None and extracted[0] == 3 and str(extracted[1]) == "2024-04-10"


def test_same_content_again_changes_nothing(fresh_db):
    first = load(fresh_db, "a", make_report(3), [error(0)])
    before = snapshot(fresh_db)
    again = load(fresh_db, "a", make_report(5), [])  # same sha: the content must not be re-read
    assert again == replace(first, status="unchanged")
    assert snapshot(fresh_db) == before


@pytest.mark.parametrize(
    ("second", "expected_first_status"),
    [
        (dict(), "superseded"),  # same region and quarter, new content: a new version
        (dict(period=Period(2024, 3)), "loaded"),  # another quarter is another report
        (dict(region="Другая область"), "loaded"),  # another region is another report
    ],
)
def test_new_version_supersedes_only_same_region_and_period(fresh_db, second, expected_first_status):
    old = load(fresh_db, "v1", make_report(2))
    new = load(fresh_db, "v2", make_report(3, **second))
    assert statuses(fresh_db) == {"v1.docx": expected_first_status, "v2.docx": "loaded"}
    assert new.supersedes == (old.report_id if expected_first_status == "superseded" else None)
    in_events = {r for (r,) in fresh_db.execute("select distinct report_id from events").fetchall()}
    assert (old.report_id in in_events) == (expected_first_status == "loaded")
    # history stays: every row of both versions is still extracted
    assert fresh_db.execute("select count(*) from extracted_rows").fetchone() == (5,)
    assert lookups.reconcile(fresh_db) == []


def test_superseded_report_names_its_successor(fresh_db):
    load(fresh_db, "v1", make_report(2))
    new = load(fresh_db, "v2", make_report(2))
    assert fresh_db.execute("select superseded_by from reports where source_file = 'v1.docx'").fetchone() == (
        new.report_id,
    )


@pytest.mark.parametrize(
    ("report", "reason", "expected_reason", "rows"),
    [
        (None, "unreadable", "unreadable", 0),  # the reader failed: no report at all
        (make_report(2), "no_rows", "no_rows", 2),  # a stage said no: rows kept for inspection
        (make_report(2, period=None), None, loader.NO_PERIOD, 2),  # no quarter: can never be current
    ],
)
def test_quarantined_file_is_recorded_but_never_current(fresh_db, report, reason, expected_reason, rows):
    current = load(fresh_db, "current", make_report(2))
    result = load(fresh_db, "bad", report, reason=reason)
    assert (result.status, result.rows_extracted, result.rows_loaded) == ("quarantined", rows, 0)
    got = fresh_db.execute(
        "select status, reason from reports where report_id = ?", [result.report_id]
    ).fetchone()
    assert got == ("quarantined", expected_reason)
    assert {r for (r,) in fresh_db.execute("select distinct report_id from events").fetchall()} == {
        current.report_id
    }
    assert statuses(fresh_db)["current.docx"] == "loaded"  # a quarantined file supersedes nothing
    assert lookups.reconcile(fresh_db) == []


def test_a_quarantined_file_that_can_now_be_read_is_loaded(fresh_db):
    first = load(fresh_db, "a", make_report(2, period=None), [warning(0)])
    assert first.status == "quarantined"
    again = load(fresh_db, "a", make_report(2), [error(1)])  # same file, its quarter now given
    assert (again.report_id, again.status, again.rows_loaded) == (first.report_id, "loaded", 1)
    assert fresh_db.execute("select rule from flagged_rows").fetchall() == [("required_field",)]
    assert load(fresh_db, "a", make_report(2), [error(1)]).status == "unchanged"
    assert load(fresh_db, "a", None, reason="unreadable").status == "unchanged"  # never back to quarantine
    assert lookups.reconcile(fresh_db) == []


def test_events_exclude_error_rows_and_keep_warning_rows(fresh_db):
    result = load(fresh_db, "a", make_report(4), [error(0), warning(1), error(3), warning(3)])
    assert event_ids(fresh_db) == [f"{result.report_id}-0002", f"{result.report_id}-0003"]
    flagged = fresh_db.execute(
        "select row_index, severity, quarantined from flagged_rows order by row_index, severity"
    ).fetchall()
    assert flagged == [(0, "error", True), (1, "warning", False), (3, "error", True), (3, "warning", False)]


def test_flags_for_missing_rows_are_refused_and_nothing_is_written(fresh_db):
    with pytest.raises(ValueError, match="rows"):
        load(fresh_db, "a", make_report(2), [error(5)])
    assert fresh_db.execute("select count(*) from reports").fetchone() == (0,)


def test_a_failing_load_leaves_no_trace_and_the_old_version_current(fresh_db):
    load(fresh_db, "v1", make_report(2))
    broken = make_report(2)
    broken = replace(broken, rows=(broken.rows[0], broken.rows[0]))  # two rows with one index
    with pytest.raises(duckdb.ConstraintException):
        load(fresh_db, "v2", broken)
    assert statuses(fresh_db) == {"v1.docx": "loaded"}
    assert fresh_db.execute("select count(*) from extracted_rows").fetchone() == (2,)


def test_current_rows_round_trip_the_loaded_rows(fresh_db):
    report = make_report(3)
    result = load(fresh_db, "a", report)
    load(fresh_db, "old", make_report(1, period=Period(2024, 1)))
    assert loader.current_rows(fresh_db, "2024Q2") == [
        ((result.report_id, r.row_index), r) for r in report.rows
    ]


def duplicate_of(kept: tuple[str, int], row_index: int) -> Flag:
    return Flag(row_index, "duplicate_event", "error", "same event as the kept row", related_row=kept)


def test_replace_cross_row_flags_is_idempotent_and_keeps_the_first_run(fresh_db):
    a = load(fresh_db, "a", make_report(2, region="Север"))
    b = load(fresh_db, "b", make_report(2, region="Юг"))
    flags = [((b.report_id, 1), duplicate_of((a.report_id, 0), 1))]
    cross_row_flags.replace_cross_row_flags(fresh_db, "2024Q2", "duplicate_event", flags, "run-1")
    before = snapshot(fresh_db)
    cross_row_flags.replace_cross_row_flags(fresh_db, "2024Q2", "duplicate_event", flags, "run-2")
    assert snapshot(fresh_db) == before
    got = fresh_db.execute("select run_id, quarantined, related_event_id from flagged_rows").fetchall()
    assert got == [("run-1", True, f"{a.report_id}-0001")]
    assert f"{b.report_id}-0002" not in event_ids(fresh_db)
    assert fresh_db.execute(
        "select rows_loaded from reports where report_id = ?", [b.report_id]
    ).fetchone() == (1,)
    assert lookups.reconcile(fresh_db) == []


def test_replace_cross_row_flags_replaces_only_that_rule_and_period(fresh_db):
    a = load(fresh_db, "a", make_report(2), [warning(0)])
    other = load(fresh_db, "other", make_report(2, period=Period(2024, 3)))
    cross_row_flags.replace_cross_row_flags(
        fresh_db, "2024Q2", "duplicate_event", [((a.report_id, 1), duplicate_of((a.report_id, 0), 1))], "r1"
    )
    cross_row_flags.replace_cross_row_flags(
        fresh_db,
        "2024Q3",
        "duplicate_event",
        [((other.report_id, 1), duplicate_of((other.report_id, 0), 1))],
        "r1",
    )
    cross_row_flags.replace_cross_row_flags(fresh_db, "2024Q2", "duplicate_event", [], "r2")
    rules = fresh_db.execute("select period, rule from flagged_rows order by period, rule").fetchall()
    assert rules == [("2024Q2", "mixed_script"), ("2024Q3", "duplicate_event")]
    assert len(event_ids(fresh_db)) == 3


def test_replace_period_flags_replaces_many_periods_at_once(fresh_db):
    a = load(fresh_db, "a", make_report(2))
    other = load(fresh_db, "other", make_report(2, period=Period(2024, 3)))
    q2 = [((a.report_id, 1), duplicate_of((a.report_id, 0), 1))]
    q3 = [((other.report_id, 1), duplicate_of((other.report_id, 0), 1))]
    cross_row_flags.replace_period_flags(fresh_db, "duplicate_event", {"2024Q2": q2, "2024Q3": q3}, "r1")
    rules = fresh_db.execute("select period, rule, run_id from flagged_rows order by period").fetchall()
    assert rules == [("2024Q2", "duplicate_event", "r1"), ("2024Q3", "duplicate_event", "r1")]
    # a period given with no flags loses its own; the other keeps its flag and its first run
    cross_row_flags.replace_period_flags(fresh_db, "duplicate_event", {"2024Q2": [], "2024Q3": q3}, "r2")
    rules = fresh_db.execute("select period, rule, run_id from flagged_rows order by period").fetchall()
    assert rules == [("2024Q3", "duplicate_event", "r1")]
    # a flag filed under the wrong period names no current row of it
    with pytest.raises(ValueError, match="2024Q2"):
        cross_row_flags.replace_period_flags(fresh_db, "duplicate_event", {"2024Q2": q3, "2024Q3": []}, "r3")
    assert fresh_db.execute("select count(*) from flagged_rows").fetchone() == (1,)


@pytest.mark.parametrize(
    ("key", "flag", "why"),
    [
        (("nope", 0), duplicate_of(("nope", 1), 0), "not a current row of the period"),
        (("KEY", 0), replace(duplicate_of(("KEY", 1), 0), rule="numbering"), "another rule's flag"),
        (("KEY", 0), duplicate_of(("KEY", 1), 1), "flag row differs from its key"),
    ],
)
def test_replace_cross_row_flags_refuses_inconsistent_flags(fresh_db, key, flag, why):
    a = load(fresh_db, "a", make_report(2))
    key = (a.report_id if key[0] == "KEY" else key[0], key[1])
    with pytest.raises(ValueError):
        cross_row_flags.replace_cross_row_flags(fresh_db, "2024Q2", "duplicate_event", [(key, flag)], "r1")
    assert fresh_db.execute("select count(*) from flagged_rows").fetchone() == (0,), why


def test_reconcile_reports_broken_invariants(fresh_db):
    load(fresh_db, "v1", make_report(2))
    load(fresh_db, "v2", make_report(2))
    assert lookups.reconcile(fresh_db) == []
    fresh_db.execute(
        "update core.reports set status = 'loaded', superseded_by = null"
    )  # two current versions
    fresh_db.execute(
        "update core.reports set reason = null, status = 'quarantined' where source_file = 'v2.docx'"
    )
    problems = lookups.reconcile(fresh_db)
    assert any(p.startswith("04_statuses_explained") for p in problems)
    fresh_db.execute("update core.reports set status = 'loaded'")
    assert any(p.startswith("03_one_current_version") for p in lookups.reconcile(fresh_db))


def test_runs_record_start_finish_and_counts(fresh_db):
    run_id = loader.start_run(fresh_db, flow_run_id="flow-1")
    load(fresh_db, "a", make_report(2), [warning(0)], run_id=run_id)
    load(fresh_db, "bad", None, run_id=run_id, reason="unreadable")
    assert fresh_db.execute("select status from runs").fetchone() == ("running",)
    summary = loader.finish_run(fresh_db, run_id, {"files_seen": 3, "unchanged": 1})
    assert summary == {
        "files_seen": 3,
        "unchanged": 1,
        "reports_recorded": 2,
        "reports_quarantined": 1,
        "reports_superseded": 0,
        "rows_extracted": 2,
        "flags_raised": 1,
    }
    got = fresh_db.execute(
        "select flow_run_id, status, reports_recorded, reports_quarantined, rows_extracted,"
        " flags_raised, counts from runs"
    ).fetchone()
    assert got == ("flow-1", "finished", 2, 1, 2, 1, {"files_seen": 3, "unchanged": 1})


def test_municipality_dimension_collects_raw_spellings(fresh_db):
    rows = (
        make_row(0, municipality="Район Б"),
        make_row(1, municipality="Район Б", municipality_raw="РАЙОН Б"),
    )
    load(fresh_db, "a", replace(make_report(0), rows=rows))
    got = fresh_db.execute("select municipality, raw_names, events from municipalities").fetchall()
    assert got == [("Район Б", ["  Район Б\n", "РАЙОН Б"], 2)]


class Statements:
    """A connection that keeps the text of every statement it runs."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.seen = con, []

    def execute(self, sql, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.seen.append(" ".join(sql.split()))
        return self.con.execute(sql, *args, **kwargs)

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self.con, name)


def test_spellings_already_stored_are_not_inserted_again(fresh_db, tmp_path):
    """A connection reads the stored spellings once; a load whose spellings are all among them (or
    stored by itself since) asks nothing more of the table; one stored meanwhile by another
    connection is skipped by the insert's anti-join, not stored twice."""
    watched = Statements(fresh_db)
    load(watched, "a", replace(make_report(2), rows=(make_row(0), make_row(1, municipality="Район Б"))))
    watched.seen.clear()
    load(watched, "b", make_report(2, municipality="Район Б"))
    assert not [s for s in watched.seen if "core.municipalities" in s]
    path = tmp_path / "w.duckdb"
    with db.connect(path) as first, db.connect(path) as other:
        load(first, "c", make_report(1))
        load(other, "d", make_report(1, municipality="Район В"))
        load(first, "e", make_report(1, municipality="Район В"))
        got = first.execute("select name, first_report_id from core.municipalities order by 1").fetchall()
    assert got == [("Район А", loader.report_id_of(sha("c"))), ("Район В", loader.report_id_of(sha("d")))]


def test_a_spelling_rolled_back_with_its_load_is_stored_by_the_next(fresh_db, monkeypatch):
    def fails(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    load(fresh_db, "a", make_report(1))
    with monkeypatch.context() as m:
        m.setattr(loader, "insert_enrichment", fails)
        with pytest.raises(RuntimeError):
            load(fresh_db, "b", make_report(1, municipality="Район Б"))
    load(fresh_db, "c", make_report(1, municipality="Район Б"))
    names = [n for (n,) in fresh_db.execute("select name from core.municipalities order by 1").fetchall()]
    assert names == ["Район А", "Район Б"]


def test_default_warehouse_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(db.WAREHOUSE_ENV, raising=False)
    assert db.default_warehouse_path() == db.REPO_WAREHOUSE_DIR / "muniflow.duckdb"
    assert (db.REPO_WAREHOUSE_DIR / "migrations").is_dir()
    monkeypatch.setenv(db.WAREHOUSE_ENV, str(tmp_path / "x.duckdb"))
    assert db.default_warehouse_path() == Path(tmp_path / "x.duckdb")


# One file: (region, quarter, content label, rows, error rows, quarantined by a stage).
FILES = st.tuples(
    st.sampled_from(["Север", "Юг"]),
    st.sampled_from([1, 2]),
    st.sampled_from(["x", "y", "z"]),
    st.integers(0, 3),
    st.sets(st.integers(0, 2)),
    st.booleans(),
)


def ingest(con: duckdb.DuckDBPyConnection, files: list[tuple]) -> None:
    """Load files in order as one run would, then run a cross-row rule over every period."""
    run_id = loader.start_run(con)
    for region, quarter, content, n_rows, errors, rejected in files:
        report = make_report(n_rows, region=region, period=Period(2024, quarter))
        flags = [error(i) for i in sorted(errors) if i < n_rows]
        label = f"{region}-{quarter}-{content}-{n_rows}-{sorted(errors)}-{rejected}"
        load(con, label, report, flags, run_id=run_id, reason="rejected" if rejected else None)
    for period in ("2024Q1", "2024Q2"):
        rows = loader.current_rows(con, period)
        firsts = [key for key, row in rows if row.row_index == 0]
        dups = [(key, duplicate_of(firsts[0], 0)) for key in firsts[1:]]  # later first rows copy the first
        cross_row_flags.replace_cross_row_flags(con, period, "duplicate_event", dups, run_id)


@settings(max_examples=10, deadline=None)  # each example builds two warehouses: keep runs lean
@given(st.lists(FILES, max_size=6))
def test_any_sequence_of_files_loses_nothing_and_replays_to_the_same_state(files):
    with db.connect(":memory:") as con:
        ingest(con, files)
        assert lookups.reconcile(con) == []
        before = snapshot(con)
        ingest(con, files)  # the same inbox again: every file unchanged, every flag kept
        assert snapshot(con) == before
