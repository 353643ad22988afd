"""Flags a rule raises across rows (a duplicate of an event in another report) stored anew for a
period's current rows: the stored ones the rule raises again kept with their run, the others
deleted, the new ones inserted; and a flag's identity as stored (all but its id and run)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import duckdb

from muniflow.model import Flag
from muniflow.warehouse.bulk import insert_records
from muniflow.warehouse.db import statement, transaction

# A flag as stored, without its id and run: two flags with the same identity are the same flag.
FlagIdentity = tuple[str, int, str, str, str, str | None, str | None, str | None, int | None]


def replace_cross_row_flags(
    con: duckdb.DuckDBPyConnection,
    period: str,
    rule: str,
    flags: Sequence[tuple[tuple[str, int], Flag]],
    run_id: str,
) -> None:
    """Make `flags` the only flags of `rule` on the current rows of `period`, in one transaction.

    A flag identical to one already stored keeps its row and original run_id, so re-running the
    rule on unchanged input changes nothing.
    """
    replace_period_flags(con, rule, {period: flags}, run_id)


def replace_period_flags(
    con: duckdb.DuckDBPyConnection,
    rule: str,
    flags_by_period: Mapping[str, Sequence[tuple[tuple[str, int], Flag]]],
    run_id: str,
) -> None:
    """`replace_cross_row_flags` for many periods in one transaction: one read of their current
    rows with their stored flags, one delete, one insert (a statement per period cost ~20 ms each,
    seconds for a folder of many quarters)."""
    if not flags_by_period:
        return
    for flags in flags_by_period.values():
        for (report_id, row_index), flag in flags:
            if flag.rule != rule:
                raise ValueError(f"flag of rule {flag.rule!r} passed to replace {rule!r} flags")
            if flag.row_index != row_index:
                raise ValueError(f"flag for row {flag.row_index} keyed as ({report_id}, {row_index})")
    with transaction(con):
        # the periods' current rows, each with its stored flags of the rule (one read of them all)
        found = con.execute(
            statement("period_rows_rule_flags"),
            {"periods": sorted(flags_by_period), "rule": rule},
        ).fetchall()
        current = {(record[0], record[1], record[2]) for record in found}
        for period, flags in sorted(flags_by_period.items()):
            stray = [key for key, _ in flags if (period, *key) not in current]
            if stray:
                raise ValueError(f"flags for rows that are not current rows of {period}: {stray[:5]}")
        stored = [record[3:] for record in found if record[3] is not None]
        wanted = Counter(
            flag_identity(report_id, flag)
            for flags in flags_by_period.values()
            for (report_id, _), flag in flags
        )
        fresh = keep_stored(con, [(flag_id, tuple(identity)) for flag_id, *identity in stored], wanted)
        insert_records(  # all in one statement (one per flag took seconds on a full quarter)
            con,
            "core.flags (report_id, row_index, rule, severity, message, field, value,"
            " related_report_id, related_row_index, run_id)",
            [[*key, run_id] for key, times in fresh.items() for _ in range(times)],
        )


def flag_identity(report_id: str, flag: Flag) -> FlagIdentity:
    """The stored columns of a flag that say what it is (all but its id and run)."""
    related_report, related_index = flag.related_row or (None, None)
    return (
        report_id,
        flag.row_index,
        flag.rule,
        flag.severity,
        flag.message,
        flag.field,
        flag.value,
        related_report,
        related_index,
    )


def keep_stored(
    con: duckdb.DuckDBPyConnection,
    stored: Sequence[tuple[int, FlagIdentity]],
    wanted: Counter[FlagIdentity],
) -> Counter[FlagIdentity]:
    """Keep each stored flag (by id) that `wanted` holds again, as many times as it holds it (its
    row and run kept); delete the others; return the wanted flags still to insert."""
    kept: Counter[FlagIdentity] = Counter()
    stale = []
    for flag_id, identity in stored:
        if kept[identity] < wanted[identity]:
            kept[identity] += 1
        else:
            stale.append(flag_id)
    if stale:
        con.execute("delete from core.flags where list_contains(?::bigint[], flag_id)", [stale])
    return wanted - kept
