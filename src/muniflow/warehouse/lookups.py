"""Read-only lookups on the warehouse that the loader and the flow need: what is already there,
what became of a file, and whether nothing was lost."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from muniflow.model import OF_THIS_RUN
from muniflow.warehouse.db import sql_dir, statement


def seen_files(con: duckdb.DuckDBPyConnection, files: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of these (source_file, sha256) pairs the warehouse already holds."""
    if not files:
        return set()
    paths, hashes = zip(*files, strict=True)
    rows = con.execute(
        "select f.source_file, r.sha256 from core.report_files as f join core.reports as r using (report_id)"
        " where list_contains(?, f.source_file) and list_contains(?, r.sha256)",
        [list(paths), list(hashes)],
    ).fetchall()
    return set(rows) & set(files)


def _pairs(files: Sequence[Path]) -> list[tuple[str, str]]:
    """(lineage name, sha256) of each file; a file read once in this process is not read again
    while its size and modification time stay (`holds_all`, then `superseded_files`, on one inbox)."""
    from muniflow.intake.expand import lineage_name

    pairs = []
    for f in files:
        stat = Path(f).stat()
        pairs.append((lineage_name(f), _digest(str(f), stat.st_mtime_ns, stat.st_size)))
    return pairs


@lru_cache(maxsize=4096)
def _digest(path: str, _mtime_ns: int, _size: int) -> str:
    from muniflow.intake import sha256_file

    return sha256_file(Path(path))


def holds_all(files: Sequence[Path], warehouse: str | Path) -> bool:
    """True when every file is already in the warehouse under the same path with the same bytes
    (reads nothing but the files' hashes and one lookup: an ingest of an unchanged inbox stops here),
    and the unexpected_municipality flags follow the expected list (an edit of it is something new)."""
    from muniflow.warehouse.db import connect

    if str(warehouse) == ":memory:" or not Path(warehouse).exists():
        return False
    pairs = _pairs(files)
    from muniflow.warehouse.liveness import dead_runs

    with connect(warehouse) as con:
        if seen_files(con, pairs) != set(pairs) or dead_runs(con):
            return False  # new files, or a run interrupted mid-way whose checks the flow must redo
        # a file refused for the --period its run gave reads otherwise without it, and one refused
        # for how its run went (a time limit on a busy machine) may read next time: not held as it is
        paths, hashes = zip(*pairs, strict=True) if pairs else ((), ())
        refused = con.execute(
            statement("refused_files_count"),
            [["period_conflict", *sorted(OF_THIS_RUN)], list(paths), list(hashes)],
        ).fetchone()
        if refused and refused[0]:
            return False
        from muniflow.warehouse.expected import basis_changed

        return basis_changed(con) is None  # the expected list edited since: its flags must follow it


def superseded_files(files: Sequence[Path], warehouse: str | Path) -> list[tuple[str, str]]:
    """Of files the warehouse holds as they are, those whose report a later version superseded,
    each with the path of the report that superseded it (an ingest that changes nothing says so)."""
    from muniflow.warehouse.db import connect

    pairs = set(_pairs(files))
    paths, hashes = zip(*pairs, strict=True) if pairs else ((), ())
    with connect(warehouse) as con:
        found = con.execute(
            statement("superseded_files"),
            [list(paths), list(hashes)],
        ).fetchall()
    return [(path, by) for path, sha256, by in found if (path, sha256) in pairs]


def replaced_sections(
    con: duckdb.DuckDBPyConnection, report_ids: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """For each of these reports, the earlier reports it superseded sections of: their file, the
    municipalities replaced, and whether the earlier report keeps other sections current (a regional
    summary one municipality's own report replaced a section of stays loaded for the others)."""
    if not report_ids:
        return {}
    found = con.execute(
        statement("replaced_sections"),
        [list(report_ids)],
    ).fetchall()
    replaced: dict[str, list[dict[str, Any]]] = {}
    for by, source_file, status, municipalities in found:
        replaced.setdefault(by, []).append(
            {"file": source_file, "municipalities": list(municipalities), "still_loaded": status == "loaded"}
        )
    return replaced


def region_of_municipalities(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> str | None:
    """The one region the warehouse's reports name for these municipalities (canonical names, as
    stored), None when they name none or several."""
    if not names:
        return None
    regions = con.execute(
        "select distinct r.region from core.rows as w join core.reports as r using (report_id)"
        " where r.region is not null and list_contains(?, w.municipality)",
        [list(names)],
    ).fetchall()
    return str(regions[0][0]) if len(regions) == 1 else None


def report_states(con: duckdb.DuckDBPyConnection, report_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Each report's state now (status, reason, message, row counts, quarter, region), as the
    `reports` view says."""
    cur = con.execute(
        statement("report_states"),
        [list(report_ids)],
    )
    names = [d[0] for d in cur.description or ()]
    return {row[0]: dict(zip(names[1:], row[1:], strict=True)) for row in cur.fetchall()}


def reconcile(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Violations of 'nothing is lost' (the queries of warehouse/checks/); empty when all holds."""
    violations = []
    for check in sorted((sql_dir() / "checks").glob("*.sql")):
        sql = check.read_text(encoding="utf-8")
        violations += [f"{check.stem}: {text}" for (text,) in con.execute(sql).fetchall()]
    return violations
