"""The load's fast path writes what the slower definitions give: row keys computed in Python equal
`core.row_keys_computed`, and a load's counts equal the `reports` view's (issue 18)."""

from __future__ import annotations

import pytest
import warehouse_fixtures
from warehouse_fixtures import error, load, make_report, make_row, warning

from muniflow.model import Period, Report
from muniflow.warehouse import db, loader

fresh_db = warehouse_fixtures.fresh_db


Q2 = Period(2024, 2)


def _report(rows, region="Область", period=Q2) -> Report:  # type: ignore[no-untyped-def]
    return Report(source_file="r.docx", format="docx", region=region, period=period, rows=tuple(rows))


ROW_KEY_CASES = [
    pytest.param(_report([make_row(i) for i in range(4)]), id="distinct rows"),
    # identical rows of one report differ only by their occurrence index
    pytest.param(_report([make_row(i, title="Один и тот же") for i in range(3)]), id="identical rows"),
    # empty texts and a missing № are hashed as empty strings, as coalesce(..., '') does
    pytest.param(_report([make_row(0, seq_text="", goal_raw="", participants_raw="")]), id="empty cells"),
    pytest.param(_report([make_row(0)], region=None), id="no region"),
    # no period: the report is quarantined, its rows still keyed
    pytest.param(_report([make_row(0), make_row(1)], period=None), id="no period"),
    # non-ASCII beyond Cyrillic and line breaks inside cells hash as UTF-8, as DuckDB's md5 does
    pytest.param(
        _report([make_row(0, title_raw="Фестиваль «Дружба»\n— 2024 ✓", place_raw="Minsk\r\n")]),
        id="unicode and breaks",
    ),
    # rows given out of order: occurrence follows row_index, not the order given
    pytest.param(_report([make_row(1, title="Тот же"), make_row(0, title="Тот же")]), id="out of order"),
]


@pytest.mark.parametrize("report", ROW_KEY_CASES)
def test_stored_row_keys_equal_the_sql_definition(fresh_db, report):
    load(fresh_db, "a", report)
    stored = fresh_db.execute("select report_id, row_index, row_key from core.rows order by 1, 2").fetchall()
    computed = fresh_db.execute(
        "select report_id, row_index, row_key from core.row_keys_computed order by 1, 2"
    ).fetchall()
    assert stored and all(key is not None for _, _, key in stored)
    assert stored == computed


def _view_counts(con, report_id):  # type: ignore[no-untyped-def]
    return con.execute(
        "select status, rows_extracted, rows_loaded, rows_quarantined from reports where report_id = ?",
        [report_id],
    ).fetchone()


def _as_counts(result: loader.LoadResult) -> tuple[str, int, int, int]:
    return (result.status, result.rows_extracted, result.rows_loaded, result.rows_quarantined)


COUNT_CASES = [
    pytest.param(make_report(3), [], None, id="clean"),
    pytest.param(make_report(3), [error(0), error(0, "date_parse"), warning(1)], None, id="errors, warnings"),
    pytest.param(make_report(2), [error(1)], "period_unknown", id="quarantined: every row"),
    pytest.param(make_report(2, period=None), [], None, id="no period: quarantined"),
]


@pytest.mark.parametrize(("report", "flags", "reason"), COUNT_CASES)
def test_load_counts_equal_the_reports_view(fresh_db, report, flags, reason):
    result = load(fresh_db, "a", report, flags, reason=reason)
    assert (result.status, *_as_counts(result)[1:]) == _view_counts(fresh_db, result.report_id)


def test_counts_follow_a_review_decision_on_the_same_rows(fresh_db):
    """A new version with the same rows inherits a row's release: its counts come from the view."""
    first = load(fresh_db, "v1", make_report(3), [error(0)])
    (key,) = fresh_db.execute(
        "select row_key from core.rows where report_id = ? and row_index = 0", [first.report_id]
    ).fetchone()
    fresh_db.execute(
        'insert into core.review_decisions (row_key, decision, "by", "at", rules)'
        " values (?, 'release', 'tester', ?, ['required_field'])",
        [key, db.utc_now()],
    )
    again = load(fresh_db, "v2", make_report(3), [error(0)])
    assert (again.status, *_as_counts(again)[1:]) == _view_counts(fresh_db, again.report_id)
    assert again.rows_loaded == 3  # the release lifts the error on the same row of the new version
