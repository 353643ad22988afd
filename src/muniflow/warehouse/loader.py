"""Write reports, rows, flags and runs into the warehouse: one transaction per file, nothing lost."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import duckdb

from muniflow import codeversion
from muniflow.enrich.report import ReportEnrichment, check_fits, enrich_report
from muniflow.model import OF_THIS_RUN, Flag, Report, Row
from muniflow.normalize.script import fix_mixed_script
from muniflow.warehouse import reporting
from muniflow.warehouse.bulk import insert_records
from muniflow.warehouse.cross_row_flags import flag_identity
from muniflow.warehouse.db import statement, transaction, utc_now
from muniflow.warehouse.flag_history import snapshot_flags
from muniflow.warehouse.liveness import record_process
from muniflow.warehouse.row_keys import row_keys
from muniflow.warehouse.sections import covered_municipalities, record_new_sections
from muniflow.warehouse.spellings import record_municipalities, remember_pairs
from muniflow.warehouse.stored_enrichment import insert_enrichment

ROW_COLUMNS = tuple(f.name for f in fields(Row))
# Texts stored a second time with mixed-script words fixed; `events` shows these.
CLEAN_COLUMNS = ("title", "place", "goal", "participants")
# Why a file with no rule-level reason is still quarantined: without a period it cannot be a
# version of anything, so it can never be current.
NO_PERIOD = "period_unknown"


@dataclass(frozen=True)
class LoadResult:
    """What became of one file: 'loaded', 'quarantined' or 'unchanged' (same content seen before)."""

    report_id: str
    status: str
    rows_extracted: int
    rows_loaded: int
    rows_quarantined: int
    supersedes: str | None = None  # a report (the first by id) of which this file replaced a section


def report_id_of(sha256: str) -> str:
    """A report's id: the first 16 hex characters of its file's sha256."""
    return sha256[:16].lower()


def start_run(con: duckdb.DuckDBPyConnection, flow_run_id: str | None = None) -> str:
    """Record the start of an ingestion run and return its id."""
    run_id = uuid.uuid4().hex[:16]
    record_process(con, run_id)  # first: a run row never lacks its process, so it can be judged
    con.execute("insert into core.runs values (?, ?, ?, null)", [run_id, flow_run_id, utc_now()])
    return run_id


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict[str, int]) -> dict[str, int]:
    """Record the end of a run with the pipeline's counts; returns them with the run's derived counts.

    The flags and decisions as they stand now are kept as the run's history (`report --run`)."""
    snapshot_flags(con, run_id)
    with transaction(con):
        con.execute("update core.runs set finished_at = ? where run_id = ?", [utc_now(), run_id])
        con.execute("delete from core.run_counts where run_id = ?", [run_id])
        if counts:
            con.executemany(
                "insert into core.run_counts values (?, ?, ?)",
                [[run_id, name, int(value)] for name, value in sorted(counts.items())],
            )
    cur = con.execute(
        "select reports_recorded, reports_quarantined, reports_superseded, rows_extracted, flags_raised"
        " from runs where run_id = ?",
        [run_id],
    )
    derived = cur.fetchone() or ()
    return {**counts, **dict(zip([d[0] for d in cur.description or ()], derived, strict=False))}


def load_report(
    con: duckdb.DuckDBPyConnection,
    *,
    run_id: str,
    source_file: str,
    sha256: str,
    format: str,
    report: Report | None,
    flags: Sequence[Flag],
    reason: str | None = None,
    message: str | None = None,
    enrichment: ReportEnrichment | None = None,
) -> LoadResult:
    """Record one input file with its rows, flags and enrichment in one transaction.

    The same content seen before changes nothing, except that a quarantined file which can now be
    loaded (say its period was given), or was refused for how its run went (`model.OF_THIS_RUN`), is
    recorded anew, and a loaded one stored before enrichment existed gains it. A file without a
    report, with a reason, or without a period is quarantined (rows kept for inspection, never
    current, not enriched). A loaded file supersedes the current
    sections of the municipalities it covers in its region and period (`warehouse.sections`).
    `enrichment` (of `report.rows`) is computed here when not given.
    """
    report_id = report_id_of(sha256)
    rows = report.rows if report is not None else ()
    region = report.region if report is not None else None
    period = report.period.label if report is not None and report.period is not None else None
    keys = row_keys(region, period, rows)
    # What the load must know first, in one statement (each costs a few ms): whether the content
    # was seen, whether a review decision touches these rows, whether another report holds
    # sections of this region and quarter (else nothing can be superseded), and the version its
    # sections would get. New municipality spellings are found by the insert that stores them.
    status_seen, of_its_run, decided, slot_taken, next_version = con.execute(
        statement("load_check"),
        {
            "sha256": sha256,
            "keys": list(keys.values()),
            "region": region,
            "period": period,
            "retry": sorted(OF_THIS_RUN),
        },
    ).fetchone() or (None, False, False, True, None)
    seen = None if status_seen is None else (status_seen,)
    loadable = report is not None and report.period is not None and reason is None
    # a file refused for how its run went (a time limit) is recorded anew with what this read says
    if seen is not None and not (seen[0] == "quarantined" and (loadable or of_its_run)):
        enrich_missing(con, report_id)
        with transaction(con):
            _record_path(con, report_id, source_file, run_id)
        return _result(con, report_id, "unchanged")
    _check_flags_point_at_rows(flags, len(rows))
    if report is not None and report.period is None and reason is None:
        reason, message = NO_PERIOD, message or "the report's quarter could not be read"
    status = "quarantined" if report is None or reason is not None else "loaded"
    if status == "loaded":
        # Computed before the transaction: the write lock is held only while storing.
        enrichment = enrichment if enrichment is not None else enrich_report(rows, region)
        check_fits(enrichment, rows)
    else:
        enrichment = None
    with transaction(con):
        if seen is not None:
            _forget(con, report_id)
        con.execute(
            "insert into core.reports values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)",
            [
                report_id,
                sha256,
                source_file,
                format,
                region,
                period,
                report.pages if report is not None else None,
                status,
                reason,
                message,
                utc_now(),
                run_id,
                codeversion.code_version(),
                (report.municipality or None) if report is not None else None,
            ],
        )
        if seen is None:  # new content: no path can name it yet
            record = [source_file, report_id, run_id, utc_now(), located_at(source_file)]
            insert_records(con, "core.report_files", [record])
        else:
            _record_path(con, report_id, source_file, run_id)
        _insert_rows(con, report_id, rows, keys)
        _insert_flags(con, report_id, flags, run_id)
        superseded: list[str] = []
        spellings: set[tuple[str, str]] = set()
        if status == "loaded" and report is not None:
            spellings = record_municipalities(con, report_id, rows)
            covered = covered_municipalities(report)
            superseded = record_new_sections(
                con,
                report_id,
                period,
                covered,
                may_supersede=slot_taken,
                version=next_version,
                adds=report.adds_to_report,
            )
        if report is not None:
            reporting.record_nil_sections(con, report_id, report.nil_municipalities)
        if enrichment is not None:
            insert_enrichment(con, report_id, rows, enrichment)
    remember_pairs(con, spellings)  # committed: stored for good
    supersedes = superseded[0] if superseded else None
    if decided:
        return _result(con, report_id, status, supersedes)
    # No review decision touches these rows: the view's counts follow from the rows and flags.
    with_errors = len({f.row_index for f in flags if f.severity == "error"})
    if status == "quarantined":
        return LoadResult(report_id, status, len(rows), 0, len(rows), supersedes)
    return LoadResult(report_id, status, len(rows), len(rows) - with_errors, with_errors, supersedes)


def enrich_missing(con: duckdb.DuckDBPyConnection, report_id: str | None = None) -> list[str]:
    """Enrich the loaded reports (or the one given) whose rows have no enrichment yet, such as those
    loaded before enrichment existed; returns their ids. Enriched reports are left as they are."""
    missing = con.execute(
        statement("reports_to_enrich"),
        [report_id, report_id],
    ).fetchall()
    for rid, region in missing:
        rows = [row for _, row in report_rows(con, rid)]
        enrichment = enrich_report(rows, region)
        with transaction(con):
            insert_enrichment(con, rid, rows, enrichment)
    return [rid for rid, _ in missing]


def current_rows(con: duckdb.DuckDBPyConnection, period: str) -> list[tuple[tuple[str, int], Row]]:
    """The rows of the current reports of a period, keyed by (report_id, row_index)."""
    return _stored_rows(con, "core.period_current_rows([$value])", "period", period)


def report_rows(con: duckdb.DuckDBPyConnection, report_id: str) -> list[tuple[tuple[str, int], Row]]:
    """The stored rows of one report, keyed by (report_id, row_index)."""
    return _stored_rows(con, "core.rows", "report_id", report_id)


def _stored_rows(
    con: duckdb.DuckDBPyConnection, source: str, key: str, value: str
) -> list[tuple[tuple[str, int], Row]]:
    """Rows of `source` (a trusted relation, which may use `$value`) where column `key` equals
    `value`, as records."""
    cur = con.execute(
        f"select report_id, row_index, * exclude (report_id) from {source}"  # names, not values
        f" where {key} = $value order by report_id, row_index",
        {"value": value},
    )
    names = [d[0] for d in cur.description][2:]
    out = []
    for record in cur.fetchall():
        values = dict(zip(names, record[2:], strict=True))
        out.append(((record[0], record[1]), Row(**{name: values[name] for name in ROW_COLUMNS})))
    return out


def _check_flags_point_at_rows(flags: Sequence[Flag], n_rows: int) -> None:
    """Refuse flags for rows the report does not have: they would be lost from every view."""
    stray = sorted({f.row_index for f in flags if not 0 <= f.row_index < n_rows})
    if stray:
        raise ValueError(f"flags point at rows {stray[:5]} but the report has {n_rows} rows")


def _forget(con: duckdb.DuckDBPyConnection, report_id: str) -> None:
    """Remove a quarantined file's record, rows, flags and enrichment so it can be recorded anew."""
    enriched = ("core.agreement_events", "core.event_partners", "core.event_enrichment")
    tables = (
        *enriched,
        "core.nil_sections",
        "core.flags",
        "core.rows",
        "core.report_sections",
        "core.reports",
    )
    for table in tables:
        con.execute(f"delete from {table} where report_id = ?", [report_id])


def _record_path(con: duckdb.DuckDBPyConnection, report_id: str, source_file: str, run_id: str) -> None:
    """Remember the path the content came by; the first sighting of a path wins (one recorded before
    locations were kept gains its location)."""
    con.execute(
        "insert into core.report_files values (?, ?, ?, ?, ?) on conflict do update"
        " set located_at = coalesce(core.report_files.located_at, excluded.located_at)",
        [source_file, report_id, run_id, utc_now(), located_at(source_file)],
    )


def located_at(source_file: str) -> str | None:
    """The file's absolute path, if `source_file` names a file here (not an archive's member), so
    `reprocess` finds it from any folder."""
    from muniflow.intake.expand import on_disk

    return str(Path(source_file).absolute()) if on_disk(source_file) is not None else None


def _insert_rows(
    con: duckdb.DuckDBPyConnection, report_id: str, rows: Sequence[Row], keys: dict[int, str] | None = None
) -> None:
    """Store every field of each row under the report's id, with its row key when `keys` are given
    (`warehouse.row_keys`; without them the key is left for `flag_history.store_row_keys`)."""
    if not rows:
        return
    clean = ", ".join(f"{name}_clean" for name in CLEAN_COLUMNS)
    keyed = ", row_key" if keys is not None else ""
    insert_records(
        con,
        f"core.rows (report_id, {', '.join(ROW_COLUMNS)}, {clean}{keyed})",
        [
            [
                report_id,
                *(getattr(row, name) for name in ROW_COLUMNS),
                *(fix_mixed_script(getattr(row, name)) for name in CLEAN_COLUMNS),
                *([keys[row.row_index]] if keys is not None else []),
            ]
            for row in rows
        ],
    )


def _insert_flags(con: duckdb.DuckDBPyConnection, report_id: str, flags: Sequence[Flag], run_id: str) -> None:
    """Store flags on rows of `report_id`, raised by `run_id`."""
    insert_records(
        con,
        "core.flags (report_id, row_index, rule, severity, message, field, value,"
        " related_report_id, related_row_index, run_id)",
        [[*flag_identity(report_id, flag), run_id] for flag in flags],
    )


def _result(
    con: duckdb.DuckDBPyConnection, report_id: str, status: str, supersedes: str | None = None
) -> LoadResult:
    """The file's outcome with its row counts as the `reports` view derives them now (read for
    this report alone: the view counts every report's rows first)."""
    counts: Any = con.execute(statement("report_counts"), {"report_id": report_id}).fetchone()
    extracted, loaded, quarantined = counts
    return LoadResult(report_id, status, extracted, loaded, quarantined, supersedes)
