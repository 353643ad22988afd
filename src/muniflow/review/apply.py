"""Apply a review file: read it, check every line, then record the decisions as one run and re-run
the duplicate rule on the rows as decided."""

from __future__ import annotations

import getpass
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import duckdb

from muniflow.contracts import Contract, load_contract
from muniflow.review.decisions import Corrections, Decision, FlaggedRow, ReviewFileError, parse_decisions
from muniflow.rules.duplicates import RULE as DUPLICATE_RULE
from muniflow.sheets import read_table
from muniflow.warehouse import cross_row_flags, loader, review


@dataclass(frozen=True)
class ApplyResult:
    """What an applied file did: its run, decisions recorded, lines skipped as already in force."""

    run_id: str | None
    recorded: int
    unchanged: int


def default_reviewer() -> str:
    """The OS user name, the reviewer when --by is not given."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some containers)
        return "unknown"


def apply_review_file(
    con: duckdb.DuckDBPyConnection, path: Path, by: str | None = None, contract: Contract | None = None
) -> ApplyResult:
    """Check the whole file, then record its decisions; nothing changes when any line is wrong.

    Raises:
        ReviewFileError: every problem of the file, each naming its line.
        muniflow.sheets.SheetReadError: the file is not a readable CSV or workbook.
    """
    lines = read_table(path)
    flagged = review.flagged_rows_by_key(con)
    decisions = parse_decisions(lines, flagged, contract or load_contract())
    problems = duplicate_problems(con, decisions, flagged)
    if problems:
        raise ReviewFileError(problems)
    same = review.unchanged(con, decisions)
    fresh = [d for d in decisions if d.row_key not in same]
    if not fresh:
        return ApplyResult(None, 0, len(same))
    run_id = loader.start_run(con)
    review.record_decisions(con, fresh, flagged, by or default_reviewer(), run_id)
    periods = {flagged[d.row_key].period.label for d in fresh if flagged[d.row_key].period is not None}  # type: ignore[union-attr]
    for period in sorted(periods):
        flags = review.duplicate_flags(con, review.reviewed_rows(con, period))
        cross_row_flags.replace_cross_row_flags(con, period, DUPLICATE_RULE, flags, run_id)
        keys = {d.row_key for d in fresh if d.corrections.any() or d.decision in ("accept", "release")}
        review.refresh_enrichment(con, period, keys)
    loader.finish_run(con, run_id, {"decisions": len(fresh)})
    return ApplyResult(run_id, len(fresh), len(same))


def duplicate_problems(
    con: duckdb.DuckDBPyConnection, decisions: list[Decision], flagged: dict[str, FlaggedRow]
) -> list[str]:
    """Lines whose corrected values would make the row a copy of another event: the duplicate rule
    is an error rule, so such a correction is refused like any other."""
    by_period: dict[str, dict[str, Corrections]] = defaultdict(dict)
    for d in decisions:
        target = flagged[d.row_key]
        if d.corrections.any() and target.period is not None:
            by_period[target.period.label][d.row_key] = d.corrections
    problems = []
    for period, pending in sorted(by_period.items()):
        rows = review.keyed_reviewed_rows(con, period, pending)
        keyed = {key: row_key for key, row_key, _ in rows}
        for key, flag in review.duplicate_flags(con, [(key, row) for key, _, row in rows]):
            row_key = keyed[key]
            if row_key not in pending or DUPLICATE_RULE in flagged[row_key].rules:
                continue
            line = next(d.line for d in decisions if d.row_key == row_key)
            problems.append(
                f"line {line}: the correction still breaks an error rule ({DUPLICATE_RULE}: {flag.message})"
            )
    return problems
