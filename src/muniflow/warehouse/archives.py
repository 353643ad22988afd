"""Record the archives a run unpacked (their members are recorded as reports by the loader)."""

from __future__ import annotations

import duckdb

from muniflow.intake.expand import ArchiveRecord
from muniflow.warehouse.db import transaction, utc_now


def record_archive(con: duckdb.DuckDBPyConnection, run_id: str, archive: ArchiveRecord) -> bool:
    """Store an unpacked archive once per (path, content); True when it was new."""
    with transaction(con):
        inserted = con.execute(
            "insert into core.archives values (?, ?, ?, ?, ?, ?)"
            " on conflict do nothing returning source_file",
            [
                archive.source_file,
                archive.sha256,
                list(archive.members),
                list(archive.skipped),
                run_id,
                utc_now(),
            ],
        ).fetchall()
    return bool(inserted)
