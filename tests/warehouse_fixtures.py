"""Fixtures and record builders for the warehouse tests: a fresh in-memory DB, made-up reports."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest
import rowfactory

from muniflow.enrich.report import ReportEnrichment
from muniflow.model import Flag, Period, Report, Row
from muniflow.warehouse import cross_row_flags, db, loader


@pytest.fixture
def fresh_db() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory warehouse with every migration applied."""
    con = db.connect(":memory:")
    yield con
    con.close()


def sha(text: str) -> str:
    """A stand-in file hash: sha256 of a label."""
    return hashlib.sha256(text.encode()).hexdigest()


def make_row(
    index: int, *, municipality: str = "Район А", title: str | None = None, **changes: object
) -> Row:
    """A plausible normalized row; `changes` override any field."""
    text = title or f"Мероприятие {index + 1}"
    fields: dict[str, object] = dict(
        source_locator=f"table 1, row {index + 3}",
        municipality_raw=f"  {municipality}\n",
        municipality=municipality,
        title_raw=text + "\n",
        title=text,
        place_raw="г. Город\n",
        date_text="10 апреля 2024 года",
        start_date=date(2024, 4, 10),
        end_date=date(2024, 4, 10),
        goal_raw="Цель",
        goal="Цель",
        participants_raw="Участники",
        participants="Участники",
    )
    return rowfactory.make_row(index, **{**fields, **changes})


Q2 = Period(2024, 2)


def make_report(
    n_rows: int = 3, *, period: Period | None = Q2, region: str | None = "Область", **row_changes: object
) -> Report:
    """A report of `n_rows` rows for one region and quarter."""
    rows = tuple(make_row(i, **row_changes) for i in range(n_rows))  # type: ignore[arg-type]
    return Report(source_file="report.docx", format="docx", region=region, period=period, rows=rows)


def error(row_index: int, rule: str = "required_field") -> Flag:
    return Flag(row_index=row_index, rule=rule, severity="error", message=f"{rule} failed", field="title")


def warning(row_index: int, rule: str = "mixed_script") -> Flag:
    return Flag(row_index=row_index, rule=rule, severity="warning", message=f"{rule} fired", field="title")


def load(
    con: duckdb.DuckDBPyConnection,
    label: str,
    report: Report | None,
    flags: Sequence[Flag] = (),
    *,
    run_id: str | None = None,
    reason: str | None = None,
    enrichment: ReportEnrichment | None = None,
) -> loader.LoadResult:
    """Load a report as the file named `label` (its content hash is derived from the label)."""
    return loader.load_report(
        con,
        run_id=run_id or loader.start_run(con),
        source_file=f"{label}.docx",
        sha256=sha(label),
        format="docx",
        report=report,
        flags=flags,
        reason=reason,
        message="why" if reason else None,
        enrichment=enrichment,
    )


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    """Every public view's rows, sorted: equal snapshots mean nothing visible changed."""
    views = (
        "reports",
        "extracted_rows",
        "events",
        "flagged_rows",
        "municipalities",
        "event_partners",
        "agreements",
    )
    return {v: sorted(map(tuple, con.execute(f"select * from {v}").fetchall()), key=repr) for v in views}


def build_warehouse(path: Path) -> None:
    """A small warehouse file: two regions' reports for one quarter, one of them in two versions."""
    con = db.connect(path)
    try:
        run_id = loader.start_run(con)
        load(con, "north-v1", make_report(2, region="Север"), run_id=run_id)
        north = load(con, "north-v2", make_report(3, region="Север"), [error(2)], run_id=run_id)
        south_rows = (
            make_row(0, municipality="Район Б", participants="Делегация (Республика Беларусь)"),
            make_row(1, municipality="Район Б", start_date=date(2024, 5, 2), end_date=date(2024, 5, 3)),
        )
        south = load(con, "south", replace(make_report(0, region="Юг"), rows=south_rows), run_id=run_id)
        duplicate = Flag(1, "duplicate_event", "error", "same event", related_row=(north.report_id, 0))
        cross_row_flags.replace_cross_row_flags(
            con, "2024Q2", "duplicate_event", [((south.report_id, 1), duplicate)], run_id
        )
        loader.finish_run(con, run_id, {"files_seen": 3})
    finally:
        con.close()
