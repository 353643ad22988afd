"""`muniflow reprocess`: re-read the files of loaded and quarantined reports that an older muniflow
(or other contracts) read, so an upgrade reaches what is already in the warehouse."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from muniflow.model import Period

if TYPE_CHECKING:
    from muniflow.file_outcome import FileOutcome

# How a file is read: `stages.process_file` (sandboxed worker); tests read in-process. The stages
# are imported when a file is reprocessed: `muniflow --help` and every other command build this
# command's parser, and importing the readers and rules costs ~0.4 s.
Process = Callable[[Path, "Period | None", str], "FileOutcome"]


@dataclass(frozen=True)
class Line:
    """One report's fate in a reprocess run, as printed."""

    report_id: str
    path: str | None
    outcome: str  # 'replaced' | 'unchanged' | 'kept' | 'gone' | 'changed_on_disk'
    status_before: str
    status_after: str
    added: int = 0
    removed: int = 0
    changed: int = 0
    reason: str | None = None


def register(sub: argparse._SubParsersAction) -> dict[str, Callable[[argparse.Namespace], int]]:
    from muniflow.cli import warehouse_arg

    p = sub.add_parser(
        "reprocess",
        help="re-read loaded and quarantined reports read by an older muniflow or other contracts",
        description="Re-read, from their original paths, the files of current and quarantined reports "
        "whose extraction fingerprint (code and contracts) differs from this muniflow's; replace each "
        "report's rows, flags and enrichment (the earlier reading stays in report_readings), then re-run "
        "the duplicate rule and the warehouse checks for the touched quarters.",
    )
    p.add_argument(
        "--period",
        action="append",
        default=[],
        metavar="2024Q2",
        help="only reports of this quarter (repeatable)",
    )
    p.add_argument(
        "--all", action="store_true", help="re-read every loaded and quarantined report, whatever read it"
    )
    warehouse_arg(p)
    return {"reprocess": cmd_reprocess}


def cmd_reprocess(args: argparse.Namespace) -> int:
    from muniflow.cli import warehouse_of
    from muniflow.warehouse import db

    try:
        periods = [Period.parse(p).label for p in args.period]
    except ValueError as err:
        print(f"muniflow reprocess: {err}", file=sys.stderr)
        return 2
    path = warehouse_of(args)
    if not Path(path).exists():
        print(
            f"muniflow reprocess: no warehouse at {path}: run `muniflow ingest PATH` first", file=sys.stderr
        )
        return 2
    with db.connect(path) as con:
        lines, summary = reprocess(con, periods, everything=args.all)
    for line in lines:
        print(format_line(line))
    print(", ".join(f"{k} {v}" for k, v in summary.items() if not isinstance(v, list)))
    for violation in summary["violations"]:
        print(f"check failed: {violation}", file=sys.stderr)
    return 1 if summary["violations"] else 0


def reprocess(
    con: Any, periods: Sequence[str] = (), *, everything: bool = False, process: Process | None = None
) -> tuple[list[Line], dict[str, Any]]:
    """Re-read the stale reports (all with `everything`) and store each new reading; then the
    duplicate rule and the warehouse checks run for the touched quarters. Returns a line per report
    and the run's counts (with `violations` of the checks)."""
    from muniflow import period_checks
    from muniflow.file_outcome import named, with_region
    from muniflow.intake import sha256_file
    from muniflow.intake.expand import lineage_name
    from muniflow.warehouse import loader, lookups, rereading

    read = process or _process
    run_id = loader.start_run(con)
    lines: list[Line] = []
    touched: set[str] = set()
    for stored in rereading.stale_reports(con, periods, everything):
        found, problem = _original(stored, sha256_file)
        if found is None:
            lines.append(
                Line(
                    stored.report_id,
                    _shown(stored.paths),
                    problem,
                    stored.status,
                    stored.status,
                )
            )
            continue
        outcome = read(found, None, stored.sha256)
        if outcome.reason == "period_unknown" and stored.period is not None:  # its period was given at ingest
            outcome = read(found, Period.parse(stored.period), stored.sha256)
        outcome = named(outcome, lineage_name(found))  # a name from Windows, as recorded
        outcome = with_region(outcome, stored.region)
        result = rereading.replace_reading(
            con,
            stored.report_id,
            run_id=run_id,
            format=outcome.format or "unknown",
            report=outcome.report,
            flags=outcome.flags,
            reason=outcome.reason,
            message=outcome.message,
            enrichment=outcome.enrichment,
        )
        touched.update(result.periods)
        lines.append(
            Line(
                stored.report_id,
                lineage_name(found),
                result.outcome,
                result.status_before,
                result.status_after,
                result.added,
                result.removed,
                result.changed,
                result.reason,
            )
        )
    duplicates = period_checks.dedupe_periods(con, run_id, touched)
    outcomes = [line.outcome for line in lines]
    counts = {
        "reports_reread": sum(o in ("replaced", "unchanged", "kept") for o in outcomes),
        "reports_replaced": outcomes.count("replaced"),
        "reports_unchanged": outcomes.count("unchanged"),
        "reports_kept": outcomes.count("kept"),
        "files_missing": outcomes.count("gone") + outcomes.count("changed_on_disk"),
        "rows_added": sum(line.added for line in lines),
        "rows_removed": sum(line.removed for line in lines),
        "rows_changed": sum(line.changed for line in lines),
        "periods_rechecked": len(touched),
        "duplicate_flags": duplicates,
    }
    finished = loader.finish_run(con, run_id, counts)
    return lines, {**finished, "run_id": run_id, "violations": lookups.reconcile(con)}


def format_line(line: Line) -> str:
    """One report's line: what happened, its status change, rows added/removed/changed, the path."""
    if line.outcome == "gone":
        from muniflow.intake.expand import SEPARATOR

        relative = (
            ""
            if line.path is None or Path(line.path).is_absolute()
            else " (a path is as `ingest` was given it: run reprocess from the folder ingest ran in)"
        )
        if line.path is not None and SEPARATOR in line.path:
            relative = (
                " (a file read from inside an archive or an e-mail: reprocess re-reads files on disk;"
                " ingest the archive or the e-mail again with --force)"
            )
        return (
            f"{'file gone':>24}  {line.report_id}  {line.path}: no recorded path holds the file; not re-read"
            + relative
        )
    if line.outcome == "changed_on_disk":
        return (
            f"{'file changed':>24}  {line.report_id}  {line.path}: its bytes differ from the report's; "
            "ingest it as a new version"
        )
    status = (
        line.status_after
        if line.status_before == line.status_after
        else f"{line.status_before}->{line.status_after}"
    )
    why = f"  [{line.reason}] earlier reading kept" if line.outcome == "kept" else ""
    rows = f"+{line.added} -{line.removed} ~{line.changed} rows"
    return f"{line.outcome + ' ' + status:>24}  {rows}  {line.path}{why}"


def _shown(paths: Sequence[str]) -> str | None:
    """The path a report's line names: where the file was, if known, else the path as given."""
    return next((p for p in paths if Path(p).is_absolute()), paths[0] if paths else None)


def _process(path: Path, period: Period | None, sha256: str) -> FileOutcome:
    from muniflow import stages

    return stages.process_file(path, period, sha256=sha256)


def _original(stored: Any, sha256_file: Callable[[Path], str]) -> tuple[Path | None, str]:
    """The first recorded path that still holds the report's bytes; else why none does. A name
    recorded decoded from a Windows code page (`lineage_name`) is looked for as its bytes were."""
    from muniflow.intake.expand import on_disk

    existing = [found for p in stored.paths if (found := on_disk(p)) is not None]
    for path in existing:
        if sha256_file(path) == stored.sha256:
            return path, ""
    return None, "changed_on_disk" if existing else "gone"


def stale_hint(con: Any) -> str | None:
    """A sentence for `ingest` when loaded or quarantined reports were read by another muniflow."""
    from muniflow.warehouse import rereading

    stale = rereading.stale_reports(con)
    if not stale:
        return None
    return (
        f"{len(stale)} report(s) in the warehouse were read by an older muniflow or other contracts: "
        "`muniflow reprocess` re-reads them"
    )
