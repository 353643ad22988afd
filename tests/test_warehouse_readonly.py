"""Read-only queries: every kind of write or file access is refused, slow queries are interrupted."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from warehouse_fixtures import build_warehouse

from muniflow.cli import main
from muniflow.warehouse import db
from muniflow.warehouse.readonly import (
    QueryError,
    QueryResult,
    QueryTimeout,
    WarehouseBusy,
    format_result,
    run_query,
)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wh") / "w.duckdb"
    build_warehouse(path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


FORBIDDEN = [
    ("delete from core.rows", "a write"),
    ("insert into core.runs values ('x', null, now(), null)", "a write"),
    ("update core.reports set status = 'loaded'", "a write"),
    ("create table t (a int)", "DDL"),
    ("create temp table t (a int)", "even temporary objects are DDL"),
    ("drop view events", "DDL"),
    ("copy (select 1) to '/tmp/muniflow_copy_test.csv'", "writes a file"),
    ("attach '/tmp/muniflow_attach_test.duckdb'", "opens another database"),
    ("install httpfs", "downloads an extension"),
    ("load httpfs", "loads an extension"),
    ("set threads = 1", "changes settings"),
    ("pragma enable_profiling", "a PRAGMA that changes settings"),
    ("checkpoint", "CALL-style maintenance"),
    ("select * from read_text('/etc/passwd')", "reads a local file"),
    ("select * from read_csv('/etc/passwd')", "reads a local file"),
    ("select * from read_parquet('/tmp/x.parquet')", "reads a local file"),
    ("select * from glob('/etc/*')", "lists local files"),
    ("select * from '/etc/passwd'", "a file path as a table"),
    ("select 1; delete from core.rows", "a write smuggled after a select"),
    ("explain analyze delete from core.rows", "a write inside EXPLAIN ANALYZE"),
]


@pytest.mark.parametrize(("sql", "why"), FORBIDDEN, ids=[w for _, w in FORBIDDEN])
def test_forbidden_statements_are_refused_and_the_file_is_untouched(warehouse, sql, why):
    before = digest(warehouse)
    with pytest.raises(QueryError):
        run_query(warehouse, sql)
    assert digest(warehouse) == before, why
    assert not Path("/tmp/muniflow_copy_test.csv").exists()


ALLOWED = [
    ("select count(*) from events", "a plain select"),
    ("with e as (select * from events) select count(*) from e", "a CTE"),
    ("describe events", "DESCRIBE parses as a select"),
    ("show tables", "SHOW parses as a select"),
    ("summarize reports", "SUMMARIZE parses as a select"),
    ("explain select * from events", "EXPLAIN of a read"),
    ("pragma table_info('events')", "a catalogue PRAGMA"),
    ("select * from events where report_id = ?", "bound parameters"),
]


@pytest.mark.parametrize(("sql", "why"), ALLOWED, ids=[w for _, w in ALLOWED])
def test_read_statements_run(warehouse, sql, why):
    params = ["x"] if "?" in sql else None
    result = run_query(warehouse, sql, params=params)
    assert result.columns, why


def test_results_come_back_as_columns_and_rows(warehouse):
    result = run_query(warehouse, "select status, count(*) from reports group by status order by status")
    assert result == QueryResult(("status", "count_star()"), (("loaded", 2), ("superseded", 1)))


def test_sql_errors_are_query_errors(warehouse):
    with pytest.raises(QueryError, match="no_such_view"):
        run_query(warehouse, "select * from no_such_view")


def test_a_missing_warehouse_is_a_clear_error(tmp_path):
    with pytest.raises(QueryError, match="no warehouse"):
        run_query(tmp_path / "absent.duckdb", "select 1")


def test_slow_queries_are_interrupted(warehouse):
    slow = (
        "select count(*) from range(1000000000) a cross join range(1000000000) b where a.range + b.range = -1"
    )
    with pytest.raises(QueryTimeout):
        run_query(warehouse, slow, timeout_s=0.3)


HOLD_LOCK = (
    "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(60)"
)


def test_a_warehouse_held_by_an_ingestion_is_busy(warehouse, tmp_path, monkeypatch):
    path = tmp_path / "held.duckdb"
    path.write_bytes(warehouse.read_bytes())
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(WarehouseBusy, match=f"PID {holder.pid}"):
            run_query(path, "select 1", busy_wait_s=0.2)
        monkeypatch.setenv(db.LOCK_TIMEOUT_ENV, "0.2")
        with pytest.raises(WarehouseBusy, match=f"PID {holder.pid}"):
            db.connect(path)
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize(
    "command",
    [
        ["review", "list"],
        ["review", "export", "review.csv"],
        ["export", "out"],
        ["municipalities", "suggest"],
    ],
    ids=["review-list", "review-export", "export", "suggest"],
)
def test_a_command_kept_out_of_a_held_warehouse_says_so_in_one_line(
    warehouse, tmp_path, monkeypatch, capsys, command
):
    """Not a traceback: the command, who holds the file and what to do, exit status 1."""
    path = tmp_path / "held.duckdb"
    path.write_bytes(warehouse.read_bytes())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(db.LOCK_TIMEOUT_ENV, "0.2")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert main([*command, "--warehouse", str(path)]) == 1
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err
    assert err.startswith(f"muniflow {command[0]}: warehouse ") and f"(PID {holder.pid})" in err
    assert "Traceback" not in err and "try again" in err


SAMPLE = QueryResult(("муниципалитет", "n"), (("Район Б", 2), ("Город", None), ("Многострочный\nтекст", 10)))


def test_table_format_aligns_cyrillic_columns():
    lines = format_result(SAMPLE, "table").splitlines()
    assert lines[-1] == "(3 rows)"
    separators = {line.index("|") for line in lines[:-1] if "|" in line}
    assert len(separators) == 1  # every row puts its column break at the same place
    assert "Многострочный текст" in lines[4] and "NULL" in lines[3]


def test_table_format_shortens_long_cells():
    wide = QueryResult(("title",), (("Очень " * 40,),))
    assert max(len(line) for line in format_result(wide, "table", max_width=30).splitlines()) == 30


def test_csv_and_json_round_trip():
    rows = list(csv.reader(io.StringIO(format_result(SAMPLE, "csv"))))
    assert rows[0] == ["муниципалитет", "n"] and rows[3] == ["Многострочный\nтекст", "10"]
    records = json.loads(format_result(SAMPLE, "json"))
    assert records[1] == {"муниципалитет": "Город", "n": None}
