"""Re-reading loaded and quarantined reports after an upgrade: which reports were read by other
code or contracts, and replacing a report's reading (rows, flags, enrichment, sections) in one
transaction while the earlier reading stays as history (`report_readings`, `core.previous_rows`,
`core.previous_flags`). The report keeps its id, first path, run and place in the load order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

import duckdb

from muniflow import codeversion
from muniflow.model import Flag, Report, Row
from muniflow.warehouse import cross_row_flags, loader, reporting, spellings, stored_enrichment
from muniflow.warehouse.db import statement, transaction, utc_now
from muniflow.warehouse.enrichment import ReportEnrichment, check_fits, enrich_report
from muniflow.warehouse.flag_history import store_row_keys
from muniflow.warehouse.sections import (
    covered_municipalities,
    record_sections,
    section_version,
    sync_statuses,
)

# Cross-report flags: the duplicate rule writes them over a whole period, so a reading neither
# compares nor replaces them (`period_checks.dedupe_periods` runs after re-reading).
CROSS_ROW_RULES = frozenset({"duplicate_event"})
# What a row is, apart from the path it was read from.
_CONTENT = tuple(f.name for f in fields(Row) if f.name != "source_file")


@dataclass(frozen=True)
class Stored:
    """A report as the warehouse holds it, with the paths its content arrived under."""

    report_id: str
    sha256: str
    status: str
    region: str | None
    period: str | None
    code_version: str | None
    paths: tuple[str, ...]  # the first path first


@dataclass(frozen=True)
class Reread:
    """What a new reading did to one report: 'replaced', 'unchanged' (same rows, flags and status:
    only its fingerprint is updated), or 'kept' (a loaded report that no longer reads keeps its
    earlier reading). Rows are matched by where they were read (`source_locator`)."""

    report_id: str
    outcome: str
    status_before: str
    status_after: str
    added: int = 0
    removed: int = 0
    changed: int = 0
    reason: str | None = None
    periods: tuple[str, ...] = ()  # the quarters of the report, before and after (none when kept)


def stale_reports(
    con: duckdb.DuckDBPyConnection, periods: Sequence[str] = (), everything: bool = False
) -> list[Stored]:
    """Loaded and quarantined reports (of `periods`, if given) read by another fingerprint than
    the current one, or all of them with `everything`; by report id."""
    current = codeversion.code_version()
    found = con.execute(
        statement("stale_reports"),
        [list(periods), list(periods), everything, current],
    ).fetchall()
    return [
        Stored(rid, sha, status, region, period, version, _paths(paths, located))
        for rid, sha, status, region, period, version, paths, located in found
    ]


def _paths(given: Sequence[str | None], located: Sequence[str | None]) -> tuple[str, ...]:
    """The paths as `ingest` was given them, then where they were then (for a relative path read
    from another folder), each once."""
    return tuple(dict.fromkeys(p for p in (*given, *located) if p is not None))


def replace_reading(
    con: duckdb.DuckDBPyConnection,
    report_id: str,
    *,
    run_id: str,
    format: str,
    report: Report | None,
    flags: Sequence[Flag],
    reason: str | None = None,
    message: str | None = None,
    enrichment: ReportEnrichment | None = None,
) -> Reread:
    """Make a new reading of a stored report's file its current one, in one transaction."""
    before = _header(con, report_id)
    rows = report.rows if report is not None else ()
    loader._check_flags_point_at_rows(flags, len(rows))
    if report is not None and report.period is None and reason is None:
        reason, message = loader.NO_PERIOD, message or "the report's quarter could not be read"
    status = "quarantined" if report is None or reason is not None else "loaded"
    if status == "quarantined" and before["status"] != "quarantined":
        return Reread(report_id, "kept", before["status"], before["status"], reason=reason)
    region = report.region if report is not None else None
    if status == "loaded":
        enrichment = enrichment if enrichment is not None else enrich_report(rows, region)
        check_fits(enrichment, rows)
    period = report.period.label if report is not None and report.period is not None else None
    after = dict(
        format=format,
        region=region,
        period=period,
        pages=report.pages if report is not None else None,
        status=status,
        reason=reason,
        message=message,
    )
    old_rows = [row for _, row in loader.report_rows(con, report_id)]
    added, removed, changed = row_changes(old_rows, rows)
    stored_flags = _own_flags(con, report_id)
    wanted = Counter(
        cross_row_flags.flag_identity(report_id, f) for f in flags if f.rule not in CROSS_ROW_RULES
    )
    same_header = all(before[k] == v for k, v in after.items())
    same = same_header and not (added or removed or changed) and Counter(stored_flags.values()) == wanted
    periods = tuple(sorted({p for p in (before["period"], period) if p is not None}))
    with transaction(con):
        # whose report its title names is no part of a reading's history: kept up to date as it is
        con.execute(
            "update core.reports set code_version = ?, title_municipality = ? where report_id = ?",
            [
                codeversion.code_version(),
                (report.municipality or None) if report is not None else None,
                report_id,
            ],
        )
        if same:
            if status == "loaded" and enrichment is not None:
                stored_enrichment.replace_enrichment(con, report_id, rows, enrichment)
            return Reread(report_id, "unchanged", before["status"], before["status"], periods=periods)
        _keep_as_history(con, report_id, before, run_id)
        version = section_version(con, report_id)
        con.execute(
            "update core.reports set format = ?, region = ?, period = ?, pages = ?, status = ?, reason = ?,"
            " message = ?, superseded_by = null where report_id = ?",
            [*after.values(), report_id],
        )
        con.execute("delete from core.report_sections where report_id = ?", [report_id])
        _replace_flags(con, report_id, stored_flags, wanted, flags, len(rows), run_id)
        con.execute("delete from core.rows where report_id = ?", [report_id])
        loader._insert_rows(con, report_id, rows)
        store_row_keys(con, report_id)  # region and period may have changed with the new reading
        con.execute("delete from core.nil_sections where report_id = ?", [report_id])
        reporting.record_nil_sections(con, report_id, report.nil_municipalities if report is not None else ())
        if status == "loaded" and report is not None and enrichment is not None:
            spellings.record_municipalities(con, report_id, rows)
            stored_enrichment.replace_enrichment(con, report_id, rows, enrichment)
            record_sections(con, report_id, covered_municipalities(report), version, report.adds_to_report)
        else:
            stored_enrichment.delete_enrichment(con, report_id)
        for p in periods:
            sync_statuses(con, p)
        now = con.execute("select status from core.reports where report_id = ?", [report_id]).fetchone()
    return Reread(
        report_id,
        "replaced",
        before["status"],
        str(now[0]) if now else status,
        added,
        removed,
        changed,
        reason,
        periods,
    )


def row_changes(old: Sequence[Row], new: Sequence[Row]) -> tuple[int, int, int]:
    """(added, removed, changed) rows between two readings of one file, matched by where each row
    was read (`source_locator`, then order among rows of the same locator)."""
    before, after = _by_place(old), _by_place(new)
    changed = sum(1 for k in before.keys() & after.keys() if before[k] != after[k])
    return len(after.keys() - before.keys()), len(before.keys() - after.keys()), changed


def _by_place(rows: Sequence[Row]) -> dict[tuple[str, int], tuple[object, ...]]:
    seen: Counter[str] = Counter()
    out = {}
    for row in rows:
        out[(row.source_locator, seen[row.source_locator])] = tuple(getattr(row, n) for n in _CONTENT)
        seen[row.source_locator] += 1
    return out


def _header(con: duckdb.DuckDBPyConnection, report_id: str) -> dict[str, Any]:
    cur = con.execute(
        "select format, region, period, pages, status, reason, message, code_version"
        " from core.reports where report_id = ?",
        [report_id],
    )
    found = cur.fetchone()
    if found is None:
        raise KeyError(f"no report {report_id} in the warehouse")
    return dict(zip([d[0] for d in cur.description or ()], found, strict=True))


def _own_flags(con: duckdb.DuckDBPyConnection, report_id: str) -> dict[int, cross_row_flags.FlagIdentity]:
    """The report's flags by id, without the cross-row ones."""
    found = con.execute(
        statement("own_flags"),
        [report_id, sorted(CROSS_ROW_RULES)],
    ).fetchall()
    return {flag_id: tuple(identity) for flag_id, *identity in found}  # type: ignore[misc]


def _replace_flags(
    con: duckdb.DuckDBPyConnection,
    report_id: str,
    stored: dict[int, cross_row_flags.FlagIdentity],
    wanted: Counter[cross_row_flags.FlagIdentity],
    flags: Sequence[Flag],
    n_rows: int,
    run_id: str,
) -> None:
    """Keep the stored flags the new reading raises again (their ids and runs), delete the rest and
    cross-row flags on rows that are gone; store the new ones."""
    fresh = cross_row_flags.keep_stored(con, list(stored.items()), wanted)
    con.execute("delete from core.flags where report_id = ? and row_index >= ?", [report_id, n_rows])
    by_identity = {cross_row_flags.flag_identity(report_id, f): f for f in flags}
    loader._insert_flags(con, report_id, [by_identity[k] for k, n in fresh.items() for _ in range(n)], run_id)


def _keep_as_history(con: duckdb.DuckDBPyConnection, report_id: str, before: dict, run_id: str) -> None:
    """Copy the report's current reading (header, rows, flags) into the history tables."""
    found = con.execute(
        "select coalesce(max(reading), 0) + 1 from core.report_readings where report_id = ?", [report_id]
    ).fetchone()
    reading = int(found[0]) if found else 1
    n_rows = con.execute("select count(*) from core.rows where report_id = ?", [report_id]).fetchone()
    con.execute(
        "insert into core.report_readings values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            report_id,
            reading,
            before["code_version"],
            before["status"],
            before["reason"],
            before["message"],
            before["region"],
            before["period"],
            n_rows[0] if n_rows else 0,
            utc_now(),
            run_id,
        ],
    )
    columns = ", ".join(("report_id", *loader.ROW_COLUMNS))
    con.execute(
        f"insert into core.previous_rows (reading, {columns})"  # column names, not values
        f" select ?, {columns} from core.rows where report_id = ?",
        [reading, report_id],
    )
    con.execute(
        "insert into core.previous_flags select ?, flag_id, report_id, row_index, rule, severity, message,"
        " field, value, related_report_id, related_row_index, run_id from core.flags where report_id = ?",
        [reading, report_id],
    )
