"""The documented schema matches the views, and every view exports to a file."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import warehouse_fixtures
from warehouse_fixtures import build_warehouse

from muniflow.warehouse import db
from muniflow.warehouse.export import export_views, view_names
from muniflow.warehouse.schema_doc import documented_columns, schema_gaps

fresh_db = warehouse_fixtures.fresh_db

SCHEMA_MD = db.REPO_WAREHOUSE_DIR / "SCHEMA.md"
DESIGN_COLUMNS = {  # DESIGN.md's public interface: these must exist, with these names
    "reports": """report_id source_file sha256 format region period status reason rows_extracted
        rows_loaded rows_quarantined ingested_at""",
    "extracted_rows": """report_id source_file source_locator seq_no municipality title place date_text
        start_date end_date goal participants title_raw place_raw goal_raw participants_raw
        municipality_raw row_index date_form""",
    "events": """event_id report_id period municipality seq_no title place start_date end_date goal
        participants source_file source_locator""",
    "flagged_rows": """run_id report_id source_file source_locator seq_no municipality rule severity
        message field value quarantined related_event_id""",
    "runs": "run_id flow_run_id started_at finished_at",
}


def test_every_view_column_is_documented(fresh_db):
    assert schema_gaps(fresh_db, SCHEMA_MD.read_text(encoding="utf-8")) == []


def test_the_design_columns_exist(fresh_db):
    for view, names in DESIGN_COLUMNS.items():
        columns = [c for (c,) in fresh_db.execute(f"select column_name from (describe {view})").fetchall()]
        assert set(names.split()) <= set(columns), view


@pytest.mark.parametrize(
    ("edit", "gap"),
    [
        (
            lambda md: md.replace("| `goal_raw` |", "| `goal_rawx` |"),
            "extracted_rows.goal_raw (VARCHAR) is not",
        ),
        (
            lambda md: md.replace("| `start_date` | DATE | first day |", "| `start_date` | VARCHAR | x |"),
            "as VARCHAR",
        ),
        (lambda md: md.replace("## `runs`", "## runs"), "view runs is not documented"),
    ],
)
def test_schema_gaps_notice_drift(fresh_db, edit, gap):
    gaps = schema_gaps(fresh_db, edit(SCHEMA_MD.read_text(encoding="utf-8")))
    assert any(gap in g for g in gaps), gaps


def test_documented_columns_parse_headings_and_rows():
    md = "## `v`\n\n| column | type | meaning |\n|---|---|---|\n| `a` | INTEGER | x |\n"
    md += "\n## Other\n| `b` | X | y |\n"  # a row under a heading that names no view is not a column
    assert documented_columns(md) == {"v": {"a": "INTEGER"}}


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_view(tmp_path, fmt):
    path = tmp_path / "w.duckdb"
    build_warehouse(path)
    files = export_views(path, tmp_path / "out", fmt)
    with duckdb.connect(str(path), read_only=True) as con:
        names = view_names(con)
        counts = {v: con.execute(f"select count(*) from {v}").fetchone() for v in names}
    assert sorted(f.stem for f in files) == names
    reader = "read_parquet" if fmt == "parquet" else "read_csv"
    for f in files:
        assert duckdb.execute(f"select count(*) from {reader}('{f}')").fetchone() == counts[f.stem], f.name
        # a CSV opens in Russian Excel with its Cyrillic right: UTF-8 said by the byte order mark
        assert fmt != "csv" or f.read_bytes().startswith(b"\xef\xbb\xbf"), f.name


def test_export_refuses_unknown_formats(tmp_path: Path):
    with pytest.raises(ValueError, match="parquet"):
        export_views(tmp_path / "w.duckdb", tmp_path, "ods")
