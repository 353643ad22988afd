"""A mixed inbox through the flow (documents, note, photo, archive, litter): every file accounted for."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow
SAMPLES = Path(__file__).resolve().parents[1] / "sample_inputs"


def test_every_file_of_a_mixed_inbox_is_accounted_for(prefect_harness, tmp_path: Path) -> None:
    from flows.ingest import ingest_reports

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / "invented_tver_2024_q4.docx", inbox)
    (inbox / "notes.txt").write_text("Отчёт пришлём позже", encoding="utf-8")
    (inbox / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))  # not a readable picture
    with zipfile.ZipFile(inbox / "reports.zip", "w") as zf:
        zf.write(SAMPLES / "invented_pskov_2024_q3.docx", "q3/pskov.docx")
        zf.write(SAMPLES / "smolensk_2024_q2.docx", "smolensk.docx")
        zf.writestr("readme.txt", "two reports")
    (inbox / "~$locked.docx").write_bytes(b"lock")
    (inbox / ".DS_Store").write_bytes(b"meta")
    wh = tmp_path / "wh.duckdb"

    summary = ingest_reports(paths=[str(inbox)], warehouse=str(wh), report_dir=str(tmp_path / "r"))

    archive = str(inbox / "reports.zip")
    expected = {
        str(inbox / "invented_tver_2024_q4.docx"): "loaded",
        str(inbox / "notes.txt"): "quarantined",
        str(inbox / "photo.jpg"): "quarantined",
        archive: "unpacked",
        f"{archive}!q3/pskov.docx": "loaded",
        f"{archive}!smolensk.docx": "loaded",
        f"{archive}!readme.txt": "quarantined",
    }
    with duckdb.connect(str(wh), read_only=True) as con:
        listed = dict(con.execute("select source_file, status from report_files").fetchall())
        reasons = dict(
            con.execute("select source_file, reason from reports where status = 'quarantined'").fetchall()
        )
        rows = con.execute("select distinct source_file from extracted_rows").fetchall()
    assert listed == expected
    assert {f["file"]: f["status"] for f in summary["files"]} == expected
    assert summary["files_skipped"] == 2, "the lock file and .DS_Store, counted, not listed"
    assert all(reasons.values()), "every quarantined file says why"
    assert (f"{archive}!q3/pskov.docx",) in rows, "rows name the member by its lineage"
