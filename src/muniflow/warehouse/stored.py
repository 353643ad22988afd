"""What the warehouse already holds of a run's files, asked once at the run's start, so that a
file stored as it is costs neither an archive check nor a load (`ingest --force` of an unchanged
inbox, or the stored files beside a new one).

`load_report` answers "unchanged" for content seen before without writing anything when the path
is known too, except for a quarantined file that can now be loaded and a loaded one stored before
enrichment existed; `answer` gives that same "unchanged" from the lookup, and None for every file
the load must see (tests/test_stored_shortcut.py holds the two to the same answers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from muniflow.model import OF_THIS_RUN, Report
from muniflow.warehouse.db import statement
from muniflow.warehouse.loader import LoadResult


@dataclass(frozen=True)
class Stored:
    """A (path, sha256) the warehouse holds: its report, status as stored ('loaded' or
    'quarantined'), format, row counts as the `reports` view derives them, and whether a load would
    still enrich it (loaded with rows, no enrichment)."""

    report_id: str
    status: str
    format: str
    rows_extracted: int
    rows_loaded: int
    rows_quarantined: int
    unenriched: bool
    of_its_run: bool = False  # refused for how its run went (`model.OF_THIS_RUN`): read it anew


def stored_files(
    con: duckdb.DuckDBPyConnection, files: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], Stored]:
    """The (source_file, sha256) pairs of `files` that the warehouse holds, with what they are there."""
    if not files:
        return {}
    paths, hashes = zip(*files, strict=True)
    wanted = set(files)
    held = [
        row
        for row in con.execute(
            statement("stored_files"),
            {"paths": list(paths), "hashes": list(hashes), "retry": sorted(OF_THIS_RUN)},
        ).fetchall()
        if (row[0], row[1]) in wanted
    ]
    if not held:  # nothing stored (a first run): the counts are not read at all
        return {}
    counts = {
        report_id: (extracted, with_errors, enriched)
        for report_id, extracted, with_errors, enriched in con.execute(
            statement("stored_counts"), {"ids": sorted({row[2] for row in held})}
        ).fetchall()
    }
    found: dict[tuple[str, str], Stored] = {}
    for path, sha256, report_id, status, fmt, of_its_run in held:
        extracted, with_errors, enriched = counts[report_id]
        quarantined = status == "quarantined"
        found[path, sha256] = Stored(
            report_id,
            status,
            fmt,
            extracted,
            0 if quarantined else extracted - with_errors,
            extracted if quarantined else with_errors,
            status == "loaded" and extracted > 0 and not enriched,
            bool(of_its_run),
        )
    return found


def answer(stored: Stored | None, report: Report | None, reason: str | None) -> LoadResult | None:
    """What `load_report` would answer for this file's outcome (report, reason) when it is stored
    as it is and the load would change nothing: "unchanged" with its counts; None when the load must
    run (not stored under this path, a quarantined file that can now be loaded, enrichment missing)."""
    if stored is None or stored.unenriched:
        return None
    loadable = report is not None and report.period is not None and reason is None
    if stored.status == "quarantined" and (loadable or stored.of_its_run):
        return None
    return LoadResult(
        stored.report_id, "unchanged", stored.rows_extracted, stored.rows_loaded, stored.rows_quarantined
    )
