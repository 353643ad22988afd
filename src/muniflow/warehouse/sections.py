"""Report versions per (region, period, municipality): which municipalities a report covers, its
sections in the warehouse, and the report statuses they imply.

A loaded report has one section per municipality it covers. For each region and quarter the
section of the latest report covering a municipality is current for it (the `core.section_versions`
view orders them, `core.period_section_versions` those of given quarters); rows are current when
their section is (`core.current_rows`). Region is part of the key, so a report of unknown region
never supersedes, and is never superseded by, a report of a known region; reports of unknown
region version among themselves per municipality, as one more "region" (`ingest --region` names
it). A municipality is keyed by `muni_renamed.version_key`: one whose kind changed («Энский район»,
«Энский муниципальный округ») is one municipality. An addendum's sections (`Report.adds_to_report`)
supersede none: they are current beside the sections they add to, until a report that is no
addendum covers the municipality again.
"""

from __future__ import annotations

import duckdb

from muniflow.interpret.muni_renamed import version_key
from muniflow.model import Report
from muniflow.warehouse.db import statement


def covered_municipalities(report: Report) -> tuple[str, ...]:
    """The municipalities a report covers, sorted: those of its rows and those it reports as having
    no events (`nil_municipalities`). A row without a municipality heading covers '' (the report's
    unnamed section), so two such reports of one region and quarter are versions of each other."""
    return tuple(sorted({row.municipality for row in report.rows} | set(report.nil_municipalities)))


def record_sections(
    con: duckdb.DuckDBPyConnection,
    report_id: str,
    municipalities: tuple[str, ...],
    version: int | None = None,
    adds: bool = False,
) -> list[str]:
    """Store the sections of a loaded report (replacing any it had) and bring report statuses up to
    date; returns the reports whose sections it superseded, sorted.

    `version` keeps a report's place in the load order when it is read again; a new report comes
    after every other. `adds`: the report is an addendum, superseding none. Call inside the load's
    transaction.
    """
    if version is None:
        found = con.execute("select coalesce(max(version), 0) + 1 from core.report_sections").fetchone()
        version = int(found[0]) if found else 1
    con.execute("delete from core.report_sections where report_id = ?", [report_id])
    if municipalities:
        con.execute(
            "insert into core.report_sections (report_id, municipality, version, adds, version_key)"
            " select ?, unnest(?), ?, ?, unnest(?)",
            [report_id, list(municipalities), version, adds, _keys(municipalities)],
        )
    period = con.execute("select period from core.reports where report_id = ?", [report_id]).fetchone()
    if period is None or period[0] is None:
        return []  # sections are versioned per quarter: a report without one supersedes nothing
    sync_statuses(con, period[0])
    return superseded_by(con, period[0], report_id)


def record_new_sections(
    con: duckdb.DuckDBPyConnection,
    report_id: str,
    period: str | None,
    municipalities: tuple[str, ...],
    may_supersede: bool = True,
    version: int | None = None,
    adds: bool = False,
) -> list[str]:
    """`record_sections` for a report stored just now (it has no sections yet), in fewer statements:
    its sections come after every other; returns the reports whose sections it superseded, sorted.

    Statuses are brought up to date only when it superseded some: a new report's sections are the
    latest of their quarter, so no other report's status changes unless one of its sections was
    superseded. `may_supersede=False` (no other report has sections of its region and quarter)
    skips looking for superseded sections. `version`, when given, is the one after every other
    (read by the load before its transaction). `adds`: the report is an addendum, superseding none.
    Call inside the load's transaction.
    """
    if municipalities and version is not None:
        con.execute(
            "insert into core.report_sections (report_id, municipality, version, adds, version_key)"
            " select ?, unnest(?), ?, ?, unnest(?)",
            [report_id, list(municipalities), version, adds, _keys(municipalities)],
        )
    elif municipalities:
        con.execute(
            statement("insert_new_sections"),
            [report_id, list(municipalities), adds, _keys(municipalities)],
        )
    if period is None or not municipalities or not may_supersede or adds:
        return []  # sections are versioned per quarter: a report without one supersedes nothing
    superseded = superseded_by(con, period, report_id)
    if superseded:
        sync_statuses(con, period)
    return superseded


def _keys(municipalities: tuple[str, ...]) -> list[str]:
    """Each municipality's version key: one municipality whatever kind a report calls it by."""
    return [version_key(m) for m in municipalities]


def superseded_by(con: duckdb.DuckDBPyConnection, period: str, report_id: str) -> list[str]:
    """The reports whose sections of `period` `report_id` superseded, sorted."""
    found = con.execute(statement("superseded_by"), {"period": period, "report_id": report_id}).fetchall()
    return [r for (r,) in found]


def section_version(con: duckdb.DuckDBPyConnection, report_id: str) -> int | None:
    """A report's place in the load order, or None when it has no sections."""
    found = con.execute(
        "select max(version) from core.report_sections where report_id = ?", [report_id]
    ).fetchone()
    return int(found[0]) if found is not None and found[0] is not None else None


def sync_statuses(con: duckdb.DuckDBPyConnection, period: str) -> None:
    """Make `core.reports.status` of the period's versioned reports agree with their sections."""
    con.execute(statement("sync_statuses"), [period])


def current_row_keys(con: duckdb.DuckDBPyConnection) -> set[tuple[str, int]]:
    """(report_id, row_index) of every current row: the rows of current sections."""
    return set(con.execute("select report_id, row_index from core.current_rows").fetchall())
