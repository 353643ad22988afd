"""The quarter-filterable layers (migrations 076-079) give, for any list of quarters, exactly the
rows of the view they stand for filtered to those quarters; the quality report reads them only
while the view is defined over them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import duckdb
import pytest
import warehouse_fixtures
from warehouse_fixtures import error, load, make_report, make_row, warning

from muniflow.model import Period
from muniflow.warehouse import frames, loader, reporting

fresh_db = warehouse_fixtures.fresh_db
Q3 = Period(2024, 3)


def _varied(con: duckdb.DuckDBPyConnection) -> str:
    """Two quarters of reports with what the layers must get right; returns a run id."""
    run_id = loader.start_run(con)
    # a compilation of two municipalities, then a municipal report that supersedes one section
    two = tuple(make_row(i, municipality=m) for i, m in enumerate(["Район А", "Район Б", "Район Б"]))
    load(con, "north-compiled", replace(make_report(0, region="Север"), rows=two), [error(1)], run_id=run_id)
    load(con, "north-b", make_report(2, region="Север", municipality="Район Б"), [warning(0)], run_id=run_id)
    # whole-report versions in another region; one report of unknown region
    load(con, "south-v1", make_report(2, region="Юг"), run_id=run_id)
    load(con, "south-v2", make_report(3, region="Юг"), [error(2)], run_id=run_id)
    load(con, "nowhere", make_report(2, region=None), run_id=run_id)
    # a report with a nil section, in the next quarter
    nil = replace(make_report(1, period=Q3, region="Север"), nil_municipalities=("Район В",))
    load(con, "north-q3", nil, run_id=run_id)
    load(con, "east-q3", make_report(2, period=Q3, region="Восток", municipality="Район Г"), run_id=run_id)
    # quarantined: by a reason, and without a period
    load(con, "broken-q3", make_report(2, period=Q3, region="Восток"), reason="unknown_layout", run_id=run_id)
    load(con, "no-period", make_report(2, period=None, region="Запад"), run_id=run_id)
    # a loaded report with no sections (not written by the loader) and rows with no stored key
    unsectioned = load(con, "unsectioned", make_report(2, period=Q3, region="Запад"), run_id=run_id)
    con.execute("delete from core.report_sections where report_id = ?", [unsectioned.report_id])
    con.execute("update core.rows set row_key = null where report_id = ?", [unsectioned.report_id])
    # a decision on one current row, and the expected reporters of two regions
    key = con.execute(
        "select r.row_key from core.rows as r join core.reports as rep using (report_id)"
        " where rep.source_file = 'east-q3.docx' and r.row_index = 0"
    ).fetchone()
    con.execute(
        'insert into core.review_decisions (row_key, decision, corrections, "by", "at", rules)'
        " values (?, 'reject', null, 'test', now(), ['mixed_script'])",
        [key[0] if key else None],
    )
    reporting.sync_expected(con, [("Север", "Район А"), ("Север", "Район В"), ("Восток", "Район Г")])
    loader.finish_run(con, run_id, {})
    return run_id


# (layer, the view it stands for): the layer over some quarters = the view where period is one of them
PAIRS = [
    ("core.period_section_versions", "core.section_versions"),
    ("core.period_current_rows", "core.current_rows"),
    ("core.period_events", "events"),
    ("core.period_reporting_status", "reporting_status"),
]
QUARTERS = [
    (["2024Q2"], "superseded sections, a report of unknown region"),
    (["2024Q3"], "a nil section, a quarantined file, a report without sections or stored keys"),
    (["2024Q2", "2024Q3"], "two quarters at once"),
    (["1999Q1"], "a quarter with no report: empty"),
    ([], "no quarter: empty"),
]


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> list[str]:
    return sorted(map(repr, con.execute(sql, params).fetchall()))


@pytest.mark.parametrize(("layer", "view"), PAIRS)
@pytest.mark.parametrize(("periods", "why"), QUARTERS)
def test_layer_equals_the_filtered_view(
    fresh_db, layer: str, view: str, periods: list[str], why: str
) -> None:
    _varied(fresh_db)
    expected = _rows(fresh_db, f"select * from {view} where list_contains(?::varchar[], period)", [periods])
    assert _rows(fresh_db, f"select * from {layer}(?::varchar[])", [periods]) == expected, why


@pytest.mark.parametrize(("layer", "view"), [
    ("core.period_row_reviews", "core.row_reviews"),  # keys stored and computed, the decision
    ("core.period_report_coverage", "core.report_coverage"),  # rows and nil sections
])  # fmt: skip
@pytest.mark.parametrize(("periods", "why"), QUARTERS)
def test_report_layer_equals_the_view_of_the_quarters_reports(fresh_db, layer, view, periods, why) -> None:
    _varied(fresh_db)
    expected = _rows(
        fresh_db,
        f"select * from {view} where report_id in"
        " (select report_id from core.reports where list_contains(?::varchar[], period))",
        [periods],
    )
    assert _rows(fresh_db, f"select * from {layer}(?::varchar[])", [periods]) == expected, why


def test_fixture_has_what_the_cases_name(fresh_db) -> None:
    """The cases above are only as good as the variety they run on."""
    _varied(fresh_db)
    statuses = dict(fresh_db.execute("select status, count(*) from reports group by 1").fetchall())
    assert statuses == {"loaded": 7, "superseded": 1, "quarantined": 2}
    superseded = "select count(*) from report_sections where status = 'superseded'"
    assert fresh_db.execute(superseded).fetchone() == (2,)  # the compilation's «Район Б», south-v1's
    assert fresh_db.execute("select count(*) from reporting_status where status = 'nil'").fetchone() == (1,)
    assert fresh_db.execute("select count(*) from core.rows where row_key is null").fetchone() == (2,)
    assert fresh_db.execute("select count(*) from events where review_status = 'reject'").fetchone() == (0,)


def test_quality_read_through_layers_equals_the_views(fresh_db, monkeypatch) -> None:
    run_id = _varied(fresh_db)
    periods = {"2024Q3"}
    through_layers = frames.read_views(fresh_db, ("events", "reporting_status", "reports"), periods, run_id)
    assert set(frames._layered(fresh_db, ("events", "reporting_status"))) == {"events", "reporting_status"}
    monkeypatch.setattr(frames, "PERIOD_LAYERS", {})
    through_views = frames.read_views(fresh_db, ("events", "reporting_status", "reports"), periods, run_id)
    for name, frame in through_views.items():
        assert list(through_layers[name].columns) == list(frame.columns), name
        assert sorted(map(repr, through_layers[name].astype(str).values.tolist())) == sorted(
            map(repr, frame.astype(str).values.tolist())
        ), name
    # the no-period file of the run is read by id, through the view
    assert through_views["reports"]["period"].isna().sum() == 1


def test_a_view_redefined_otherwise_is_read_through_the_view(fresh_db) -> None:
    """A later migration that rebuilds `events` its own way (not over core.period_events) wins."""
    _varied(fresh_db)
    run_id = loader.start_run(fresh_db)  # a run that touched no report: the quarter's rows alone
    fresh_db.execute("create or replace view events as select *, 1 as extra from core.event_base")
    assert frames._layered(fresh_db, ("events", "reporting_status")) == {
        "reporting_status": "core.period_reporting_status"
    }
    read = frames.read_views(fresh_db, ("events",), {"2024Q2"}, run_id)["events"]
    assert "extra" in read.columns and len(read) == len(
        fresh_db.execute("select * from events where period = '2024Q2'").fetchall()
    )


def test_current_rows_layer_serves_dedup_reads(fresh_db) -> None:
    """`loader.current_rows` (what the duplicate rule reads) is the quarter's current rows."""
    _varied(fresh_db)
    got = {key for key, _ in loader.current_rows(fresh_db, "2024Q2")}
    want = set(
        fresh_db.execute(
            "select report_id, row_index from core.current_rows where period = '2024Q2'"
        ).fetchall()
    )
    assert got == want and len(got) == 1 + 2 + 3 + 2  # of the compilation, section А stays current
    assert date(2024, 4, 10) in {row.start_date for _, row in loader.current_rows(fresh_db, "2024Q2")}


@pytest.mark.parametrize(
    ("source_file", "current"),
    [
        ("unsectioned.docx", 2),  # loaded, no sections at all: every row is current
        ("south-v1.docx", 0),  # its one section superseded by south-v2: none of its rows
        ("north-compiled.docx", 1),  # section А stays, Б superseded by north-b: its one row of А
        ("broken-q3.docx", 0),  # quarantined: none
    ],
)
def test_current_rows_of_a_report_by_its_sections(fresh_db, source_file, current) -> None:
    """Which of a report's rows are current follows its sections, also for a report without any
    (080 finds those among the quarters' section versions instead of every stored section)."""
    _varied(fresh_db)
    got = fresh_db.execute(
        "select count(*) from core.period_current_rows(['2024Q2', '2024Q3']) as c"
        " join core.reports as rep using (report_id) where rep.source_file = ?",
        [source_file],
    ).fetchone()
    assert got is not None and got[0] == current
