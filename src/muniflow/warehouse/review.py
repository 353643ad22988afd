"""The review decisions in the warehouse: the rows to review, recording decisions (append-only),
the current rows as decided (corrections applied) for the duplicate rule, and their enrichment."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from muniflow.enrich import enrich_event
from muniflow.model import Flag, Period, Row
from muniflow.review.decisions import Corrections, Decision, FlaggedRow, corrected_row
from muniflow.warehouse.db import statement, transaction, utc_now
from muniflow.warehouse.loader import ROW_COLUMNS

# The columns of a review file, in order (the and README's contract with analysts).
REVIEW_COLUMNS = (
    "row_key", "source_file", "source_locator", "seq_no", "municipality", "title", "place",
    "date_text", "start_date", "end_date", "rules", "severities", "messages", "decision", "note",
    "corrected_title", "corrected_place", "corrected_start_date", "corrected_end_date",
    "corrected_municipality",
)  # fmt: skip
DECIDED_COLUMNS = REVIEW_COLUMNS[REVIEW_COLUMNS.index("decision") :]


def review_lines(con: duckdb.DuckDBPyConnection, include_decided: bool = False) -> list[dict[str, Any]]:
    """The flagged rows of current reports, one per row: open ones, or all with `include_decided`.

    A row still open shows no decision (an earlier one that no longer covers all of its flags is
    not offered again, so re-applying the file never decides a new flag by accident).
    """
    cur = con.execute(
        "select * from core.review_rows where is_open or ? order by period, source_file, row_index",
        [include_decided],
    )
    names = [d[0] for d in cur.description or ()]
    lines = []
    for record in cur.fetchall():
        values = dict(zip(names, record, strict=True))
        if values["is_open"]:
            values.update(dict.fromkeys(DECIDED_COLUMNS))
        lines.append(values)
    return lines


def flagged_rows_by_key(con: duckdb.DuckDBPyConnection) -> dict[str, FlaggedRow]:
    """Every flagged row of a current report by row_key, with its rules and the row as extracted."""
    cur = con.execute(
        "select v.row_key, v.rule_list, v.severity_list, v.period, r.*"
        " from core.review_rows as v join core.rows as r using (report_id, row_index)"
    )
    names = [d[0] for d in cur.description or ()]
    found = {}
    for record in cur.fetchall():
        values = dict(zip(names, record, strict=True))
        row = Row(**{name: values[name] for name in ROW_COLUMNS})
        period = Period.parse(values["period"]) if values["period"] else None
        found[values["row_key"]] = FlaggedRow(
            values["row_key"],
            tuple(values["rule_list"]),
            tuple(values["severity_list"]),
            row,
            period,
            values["report_id"],
        )
    return found


def unchanged(con: duckdb.DuckDBPyConnection, decisions: Sequence[Decision]) -> set[str]:
    """Row keys whose decision here equals the one in force that covers all of the row's flags."""
    rows = con.execute(
        "select v.row_key, rv.decision, rv.note, rv.corrections from core.review_rows as v"
        " join core.row_reviews as rv using (report_id, row_index) where not v.is_open"
    ).fetchall()
    current = {key: (decision, note, corrections) for key, decision, note, corrections in rows}
    return {
        d.row_key
        for d in decisions
        if current.get(d.row_key) == (d.decision, d.note, d.corrections.as_record())
    }


def record_decisions(
    con: duckdb.DuckDBPyConnection,
    decisions: Sequence[Decision],
    flagged: Mapping[str, FlaggedRow],
    by: str,
    run_id: str,
) -> int:
    """Append the decisions (one transaction) with what each row was when decided; returns how many."""
    at = utc_now()
    records = []
    for d in decisions:
        target = flagged[d.row_key]
        records.append(
            [
                d.row_key,
                d.decision,
                d.note,
                d.corrections.as_record(),
                by,
                at,
                run_id,
                list(target.rules),
                target.report_id,
                target.row.row_index,
                target.period.label if target.period else None,
                target.row.municipality,
                target.row.seq_no,
                target.row.title,
            ]
        )
    with transaction(con):
        for record in records:
            con.execute(
                statement("insert_review_decision"),
                record,
            )
    return len(records)


def reviewed_rows(
    con: duckdb.DuckDBPyConnection,
    period: str,
    pending: Mapping[str, Corrections] | None = None,
) -> list[tuple[tuple[str, int], Row]]:
    """The current rows of a period as decided: corrected values of the decisions in force (or of
    `pending` ones, by row_key, not yet recorded) in place of the extracted ones."""
    return [(key, row) for key, _, row in keyed_reviewed_rows(con, period, pending)]


def duplicate_flags(
    con: duckdb.DuckDBPyConnection,
    rows: Sequence[tuple[tuple[str, int], Row]],
    regions: Mapping[tuple[str, int], str | None] | None = None,
) -> list[tuple[tuple[str, int], Flag]]:
    """The duplicate rule over a period's rows (`reviewed_rows`), each with its report's region
    (`regions`, read here when not given)."""
    from muniflow.rules.duplicates import find_duplicates

    if regions is None:
        regions = row_regions(con, [key for key, _ in rows])
    return find_duplicates(rows, regions=regions)


def row_regions(
    con: duckdb.DuckDBPyConnection, keys: Sequence[tuple[str, int]]
) -> dict[tuple[str, int], str | None]:
    """The region of each row's report, by (report_id, row_index)."""
    ids = sorted({report_id for report_id, _ in keys})
    found = dict(
        con.execute(
            "select report_id, region from core.reports where list_contains($ids, report_id)", {"ids": ids}
        ).fetchall()
    )
    return {key: found.get(key[0]) for key in keys}


def keyed_reviewed_rows(
    con: duckdb.DuckDBPyConnection,
    period: str,
    pending: Mapping[str, Corrections] | None = None,
) -> list[tuple[tuple[str, int], str, Row]]:
    """`reviewed_rows` with each row's row_key beside it."""
    return keyed_reviewed_rows_by_period(con, [period], pending)[period]


def reviewed_rows_by_period(
    con: duckdb.DuckDBPyConnection, periods: Sequence[str]
) -> dict[str, list[tuple[tuple[str, int], Row]]]:
    """`reviewed_rows` of many periods in one read, each period's (none for a period with no
    current rows)."""
    keyed = keyed_reviewed_rows_by_period(con, periods)
    return {period: [(key, row) for key, _, row in rows] for period, rows in keyed.items()}


def keyed_reviewed_rows_by_period(
    con: duckdb.DuckDBPyConnection,
    periods: Sequence[str],
    pending: Mapping[str, Corrections] | None = None,
) -> dict[str, list[tuple[tuple[str, int], str, Row]]]:
    """`keyed_reviewed_rows` of many periods in one read (a read per period cost ~25 ms each)."""
    out: dict[str, list[tuple[tuple[str, int], str, Row]]] = {period: [] for period in periods}
    if not out:
        return out
    cur = con.execute(
        statement("period_reviewed_rows"),
        {"periods": sorted(out)},
    )
    names = [d[0] for d in cur.description or ()]
    for record in cur.fetchall():
        values = dict(zip(names, record, strict=True))
        row = Row(**{name: values[name] for name in ROW_COLUMNS})
        stored = values["corrections"]
        fix = (pending or {}).get(values["row_key"])
        if fix is None and stored:
            fix = Corrections(**stored)
        if fix is not None and fix.any():
            row = corrected_row(row, fix)
        out[values["period"]].append(((values["report_id"], values["row_index"]), values["row_key"], row))
    return out


def refresh_enrichment(con: duckdb.DuckDBPyConnection, period: str, keys: set[str]) -> int:
    """Re-enrich the rows of these keys from their values as decided (a corrected place names other
    settlements); returns how many rows were refreshed. Documents (agreements) are left as linked."""
    if not keys:
        return 0
    wanted = {
        (r, i)
        for r, i in con.execute(
            "select report_id, row_index from core.row_reviews where list_contains(?, row_key)",
            [sorted(keys)],
        ).fetchall()
    }
    targets = [(key, row) for key, row in reviewed_rows(con, period) if key in wanted]
    if not targets:
        return 0
    regions = row_regions(con, [key for key, _ in targets])
    enriched = [enrich_event(r.title, r.place, r.goal, r.participants, regions[key]) for key, r in targets]
    with transaction(con):
        for ((report_id, row_index), _), e in zip(targets, enriched, strict=True):
            for table in ("core.event_partners", "core.event_enrichment"):
                con.execute(
                    f"delete from {table} where report_id = ? and row_index = ?",  # names, not values
                    [report_id, row_index],
                )
            con.execute(
                "insert into core.event_enrichment values (?, ?, ?, ?, ?, ?, ?)",
                [
                    report_id,
                    row_index,
                    list(e.settlements),
                    list(e.partner_countries),
                    e.format,
                    list(e.format_cues),
                    e.is_online,
                ],
            )
            for position, p in enumerate(e.partners):
                con.execute(
                    "insert into core.event_partners values (?, ?, ?, ?, ?, ?, ?)",
                    [
                        report_id,
                        row_index,
                        position,
                        p.country_code,
                        p.country_name,
                        p.settlement,
                        p.place_kind,
                    ],
                )
    return len(targets)
