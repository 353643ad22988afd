"""Versions per (region, period, municipality): municipal reports and compilations coexist."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest
import warehouse_fixtures
from warehouse_fixtures import load, make_report, make_row

from muniflow import period_checks
from muniflow.file_outcome import FileOutcome, with_region
from muniflow.model import Report
from muniflow.warehouse import loader, lookups
from muniflow.warehouse.sections import covered_municipalities

fresh_db = warehouse_fixtures.fresh_db

TEN = [f"Муниципальный округ {n}" for n in range(1, 11)]


def municipal(municipality: str, n_rows: int = 2, *, region: str | None = "Область", tag: str = "") -> Report:
    """A single-municipality report: `n_rows` events of one municipality."""
    return make_report(n_rows, region=region, municipality=municipality, title=f"Встреча {municipality}{tag}")


def compilation(municipalities: list[str], *, region: str | None = "Область", tag: str = "") -> Report:
    """A regional compilation: two events under each municipality heading, rows numbered through."""
    rows = tuple(
        make_row(2 * k + j, municipality=m, title=f"Встреча {m} {j}{tag}")
        for k, m in enumerate(municipalities)
        for j in range(2)
    )
    return replace(make_report(0, region=region), rows=rows)


def sections(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(report_id, municipality) -> (status, superseded_by)."""
    got = con.execute("select report_id, municipality, status, superseded_by from report_sections").fetchall()
    return {(r, m): (s, by) for r, m, s, by in got}


def report_status(con: duckdb.DuckDBPyConnection, report_id: str) -> str:
    found = con.execute("select status from reports where report_id = ?", [report_id]).fetchone()
    assert found is not None
    return str(found[0])


def events_of(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """municipality -> report_ids its events come from."""
    out: dict[str, set[str]] = {}
    for m, r in con.execute("select municipality, report_id from events").fetchall():
        out.setdefault(m, set()).add(r)
    return out


def test_covered_municipalities_are_those_of_the_rows_and_the_nil_ones():
    report = compilation(["Б", "А"])
    assert covered_municipalities(report) == ("А", "Б")
    assert covered_municipalities(replace(report, nil_municipalities=("В", "А"))) == ("А", "Б", "В")
    # rows under no municipality heading cover the report's unnamed section
    assert covered_municipalities(make_report(2, municipality="")) == ("",)


def test_municipal_reports_then_a_reissue_then_a_compilation(fresh_db):
    # Step 1: ten single-municipality reports of one region and quarter all stay current.
    first = {m: load(fresh_db, f"m{k}", municipal(m)) for k, m in enumerate(TEN)}
    assert all(r.supersedes is None for r in first.values())
    assert {report_status(fresh_db, r.report_id) for r in first.values()} == {"loaded"}
    assert events_of(fresh_db) == {m: {first[m].report_id} for m in TEN}
    assert {s for s, _ in sections(fresh_db).values()} == {"current"}
    assert lookups.reconcile(fresh_db) == []

    # Step 2: a re-issued report of one municipality supersedes only its section.
    reissued = load(fresh_db, "m0-v2", municipal(TEN[0], 3, tag=" (уточнено)"))
    assert reissued.supersedes == first[TEN[0]].report_id
    assert sections(fresh_db)[(first[TEN[0]].report_id, TEN[0])] == ("superseded", reissued.report_id)
    assert report_status(fresh_db, first[TEN[0]].report_id) == "superseded"
    assert {report_status(fresh_db, first[m].report_id) for m in TEN[1:]} == {"loaded"}
    assert events_of(fresh_db) == {TEN[0]: {reissued.report_id}, **{m: {first[m].report_id} for m in TEN[1:]}}
    assert fresh_db.execute("select count(*) from events").fetchone() == (3 + 9 * 2,)
    assert lookups.reconcile(fresh_db) == []

    # Step 3: a later compilation supersedes the sections it covers (including the re-issued one).
    covered = TEN[:6]
    comp = load(fresh_db, "compiled", compilation(covered, tag=" (свод)"))
    got = sections(fresh_db)
    assert got[(reissued.report_id, TEN[0])] == ("superseded", comp.report_id)
    assert all(got[(first[m].report_id, m)] == ("superseded", comp.report_id) for m in covered[1:])
    assert all(got[(first[m].report_id, m)] == ("current", None) for m in TEN[6:])
    assert all(got[(comp.report_id, m)] == ("current", None) for m in covered)
    assert report_status(fresh_db, reissued.report_id) == "superseded"
    assert {report_status(fresh_db, first[m].report_id) for m in TEN[6:]} == {"loaded"}
    assert events_of(fresh_db) == {
        **{m: {comp.report_id} for m in covered},
        **{m: {first[m].report_id} for m in TEN[6:]},
    }
    assert lookups.reconcile(fresh_db) == []

    # Step 4: a re-issued municipal report after the compilation supersedes the compilation's
    # section of that municipality only: the compilation stays loaded for the others.
    late = load(fresh_db, "m1-v2", municipal(TEN[1], tag=" (поздно)"))
    got = sections(fresh_db)
    assert got[(comp.report_id, TEN[1])] == ("superseded", late.report_id)
    assert got[(comp.report_id, TEN[2])] == ("current", None)
    assert report_status(fresh_db, comp.report_id) == "loaded"
    assert events_of(fresh_db)[TEN[1]] == {late.report_id}
    assert lookups.reconcile(fresh_db) == []


def test_a_compilation_covering_everything_supersedes_every_municipal_report(fresh_db):
    first = [load(fresh_db, f"m{k}", municipal(m)) for k, m in enumerate(TEN[:3])]
    comp = load(fresh_db, "compiled", compilation(TEN[:3], tag=" (свод)"))
    assert {report_status(fresh_db, r.report_id) for r in first} == {"superseded"}
    got = fresh_db.execute("select distinct superseded_by from reports where status = 'superseded'")
    assert got.fetchall() == [(comp.report_id,)]
    assert lookups.reconcile(fresh_db) == []


@pytest.mark.parametrize(
    ("first_region", "second_region", "first_superseded"),
    [
        ("Область", "Область", True),  # same region, same municipality: a new version
        ("Область", None, False),  # a report without a region never supersedes a known region's
        (None, "Область", False),  # ... and is never superseded by a known region's report
        ("Область", "Другая область", False),  # another region's municipality of the same name
        (None, None, True),  # two of unknown region: versions of each other per municipality
    ],
)
def test_region_is_part_of_the_version_key(fresh_db, first_region, second_region, first_superseded):
    older = load(fresh_db, "first", municipal(TEN[0], region=first_region))
    newer = load(fresh_db, "second", municipal(TEN[0], region=second_region, tag=" bis"))
    assert report_status(fresh_db, older.report_id) == ("superseded" if first_superseded else "loaded")
    assert newer.supersedes == (older.report_id if first_superseded else None)
    assert lookups.reconcile(fresh_db) == []


def test_unknown_region_reports_of_other_municipalities_coexist(fresh_db):
    a = load(fresh_db, "a", municipal(TEN[0], region=None))
    b = load(fresh_db, "b", municipal(TEN[1], region=None))
    assert {report_status(fresh_db, r.report_id) for r in (a, b)} == {"loaded"}
    assert lookups.reconcile(fresh_db) == []


def test_the_duplicate_rule_sees_current_rows_of_every_current_report(fresh_db):
    # the same event reported by one municipality and, in a compilation, under another one
    shared = dict(title="Фестиваль дружбы", place="г. Город")
    municipal_report = replace(make_report(1, municipality=TEN[0], **shared))
    comp_rows = (
        make_row(0, municipality=TEN[1], **shared),
        make_row(1, municipality=TEN[2], title="Другое"),
    )
    mun = load(fresh_db, "m", municipal_report)
    comp = load(fresh_db, "c", replace(make_report(0), rows=comp_rows))
    keys = {key for key, _ in loader.current_rows(fresh_db, "2024Q2")}
    assert keys == {(mun.report_id, 0), (comp.report_id, 0), (comp.report_id, 1)}
    period_checks.dedupe_periods(fresh_db, "r", {"2024Q2"})
    flagged = fresh_db.execute("select report_id, row_index from flagged_rows where rule = 'duplicate_event'")
    assert len(flagged.fetchall()) == 1
    assert lookups.reconcile(fresh_db) == []


@pytest.mark.parametrize(
    ("title_region", "given", "expected"),
    [
        (None, "Область", "Область"),  # the title names none: --region sets it
        ("Другая область", "Область", "Другая область"),  # the title's own region wins
        (None, None, None),  # nothing given: stays unknown
    ],
)
def test_region_option_fills_only_a_missing_region(title_region, given, expected):
    outcome = FileOutcome("f.docx", "0" * 64, "docx", municipal(TEN[0], region=title_region))
    got = with_region(outcome, given)
    assert got.report is not None and got.report.region == expected
    assert with_region(replace(outcome, report=None), given).report is None


def test_migration_turns_whole_report_versions_into_sections(monkeypatch):
    # A warehouse from before sections: each load superseded the region's previous report whole,
    # so the first municipality's report was lost when the second municipality's arrived.
    from muniflow.warehouse import db

    con = duckdb.connect(":memory:")
    migrations = db.read_migrations()
    db.apply_migrations(con, tuple(m for m in migrations if m.version < 60))
    # the rows as that warehouse stored them: the columns a later migration adds are not there yet
    present = {
        c
        for (c,) in con.execute(
            "select column_name from duckdb_columns() where table_name = 'rows'"
        ).fetchall()
    }
    monkeypatch.setattr(loader, "ROW_COLUMNS", tuple(c for c in loader.ROW_COLUMNS if c in present))
    old = [("a", TEN[0], "superseded", "b"), ("b", TEN[1], "superseded", "c"), ("c", TEN[1], "loaded", None)]
    for n, (rid, municipality, status, by) in enumerate(old):
        con.execute(
            "insert into core.reports values (?, ?, 'x.docx', 'docx', 'Область', '2024Q2', null, ?,"
            " null, null, timestamp '2024-07-01' + to_seconds(?), 'run', ?)",
            [rid, rid * 64, status, n, by],
        )
        loader._insert_rows(con, rid, municipal(municipality).rows)
    db.apply_migrations(con, migrations)
    assert dict(con.execute("select report_id, status from reports").fetchall()) == {
        "a": "loaded",  # the only report of its municipality: current again
        "b": "superseded",  # a later report of the same municipality replaced it
        "c": "loaded",
    }
    assert sections(con)[("b", TEN[1])] == ("superseded", "c")
    assert lookups.reconcile(con) == []
    con.close()


def test_the_reviewer_sees_flags_of_current_rows_only(fresh_db):
    # the data-quality report lists flags of current rows: a superseded section's flags are history
    from muniflow.warehouse.sections import current_row_keys

    old = load(fresh_db, "m0", municipal(TEN[0]), [warehouse_fixtures.error(1)])
    other = load(fresh_db, "m1", municipal(TEN[1]))
    assert (old.report_id, 1) in current_row_keys(fresh_db)
    new = load(fresh_db, "comp", compilation([TEN[0]], tag=" (свод)"))
    keys = current_row_keys(fresh_db)
    assert (old.report_id, 1) not in keys
    assert {(other.report_id, 0), (new.report_id, 0), (new.report_id, 1)} <= keys


def test_ingest_accepts_a_region():
    from muniflow.cli import build_parser

    args = build_parser().parse_args(["ingest", "inbox", "--region", "Смоленская область"])
    assert args.region == "Смоленская область"


def test_a_run_names_what_each_file_replaced_and_whether_the_earlier_stays(fresh_db, capsys):
    """A municipality's own report replacing its section of a summary says so (the summary stays
    loaded for the others); a summary covering everything replaces the own reports whole."""
    from muniflow.ingest_summary import print_summary

    summary = load(fresh_db, "summary", compilation(TEN[:3]))
    own = load(fresh_db, "own", municipal(TEN[1]))
    assert own.supersedes == summary.report_id
    replaced = lookups.replaced_sections(fresh_db, [own.report_id])
    assert replaced == {
        own.report_id: [{"file": "summary.docx", "municipalities": [TEN[1]], "still_loaded": True}]
    }
    later = load(fresh_db, "later", compilation(TEN[:3], tag=" (исправлено)"))
    [(earlier_own, earlier_summary)] = [
        lookups.replaced_sections(fresh_db, [later.report_id])[later.report_id]
    ]
    assert (earlier_own["file"], earlier_own["still_loaded"]) == ("own.docx", False)
    assert (earlier_summary["municipalities"], earlier_summary["still_loaded"]) == ([TEN[0], TEN[2]], False)
    assert lookups.replaced_sections(fresh_db, []) == {}

    line = {
        "file": "own.docx",
        "status": "loaded",
        "reason": None,
        "message": None,
        "rows_extracted": 2,
        "rows_loaded": 2,
        "rows_quarantined": 0,
        "seen_before": False,
        "replaces": replaced[own.report_id],
    }
    print_summary({"run_id": "r1", "files": [line], "report": None})
    assert f"replaces what summary.docx reported for {TEN[1]} (its other sections stay current)" in (
        capsys.readouterr().out
    )
    whole = {**line, "file": "later.docx", "replaces": [earlier_own]}
    print_summary({"run_id": "r2", "files": [whole], "report": None})
    said = capsys.readouterr().out
    assert "replaces own.docx\n" in said and "reported for" not in said, "a version replaced whole: its name"


def test_an_addendum_adds_to_its_municipality_and_a_whole_reissue_supersedes_both(fresh_db):
    # A municipality's report, then an addendum of its new rows only: both stay current.
    first = load(fresh_db, "m0", municipal(TEN[0], 3))
    other = load(fresh_db, "m1", municipal(TEN[1]))
    addendum = load(fresh_db, "m0-add", replace(municipal(TEN[0], 1, tag=" (доп.)"), adds_to_report=True))
    assert addendum.supersedes is None
    got = sections(fresh_db)
    assert got[(first.report_id, TEN[0])] == ("current", None)
    assert got[(addendum.report_id, TEN[0])] == ("current", None)
    assert report_status(fresh_db, first.report_id) == "loaded"
    assert events_of(fresh_db) == {
        TEN[0]: {first.report_id, addendum.report_id},
        TEN[1]: {other.report_id},
    }
    assert fresh_db.execute("select count(*) from events").fetchone() == (3 + 1 + 2,)
    status = fresh_db.execute(
        "select count(*) from reporting_status where municipality = ? and status = 'reported'", [TEN[0]]
    ).fetchone()
    assert status == (1,)
    assert lookups.reconcile(fresh_db) == []

    # The report sent whole again (no addendum) supersedes the report and its addendum.
    whole = load(fresh_db, "m0-v2", municipal(TEN[0], 4, tag=" (уточнено)"))
    got = sections(fresh_db)
    assert got[(first.report_id, TEN[0])] == ("superseded", whole.report_id)
    assert got[(addendum.report_id, TEN[0])] == ("superseded", whole.report_id)
    assert {report_status(fresh_db, r.report_id) for r in (first, addendum)} == {"superseded"}
    assert events_of(fresh_db)[TEN[0]] == {whole.report_id}
    assert lookups.reconcile(fresh_db) == []


def test_a_municipality_reissuing_under_its_new_kind_supersedes_its_report(fresh_db):
    # «Энский район» became «Энский муниципальный округ»: its re-issue is a version of its report.
    first = load(fresh_db, "old-kind", municipal("Энский район", 2))
    city = load(fresh_db, "city", municipal("город Энск", 2))  # the city is a municipality of its own
    renamed = load(fresh_db, "new-kind", municipal("Энский муниципальный округ", 3, tag=" (уточнено)"))
    assert renamed.supersedes == first.report_id
    got = sections(fresh_db)
    assert got[(first.report_id, "Энский район")] == ("superseded", renamed.report_id)
    assert got[(city.report_id, "город Энск")] == ("current", None)
    assert report_status(fresh_db, first.report_id) == "superseded"
    found = fresh_db.execute("select superseded_by from reports where report_id = ?", [first.report_id])
    assert found.fetchone() == (renamed.report_id,)
    assert events_of(fresh_db) == {
        "Энский муниципальный округ": {renamed.report_id},
        "город Энск": {city.report_id},
    }
    assert lookups.reconcile(fresh_db) == []
