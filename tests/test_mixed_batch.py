"""The whole bad-input corpus and good reports in one batch through the plain stages into a file warehouse.

Every input ends in `reports` with the expected terminal state and reason, the good reports next to
the bad ones still load, no byte of an external entity's target reaches the warehouse, nothing is
lost, and no input file is touched.
"""

from __future__ import annotations

import resource
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import badfiles as bf
import duckdb
import extraction
import pytest
from test_intake_corpus import CASES as INTAKE_CASES

from muniflow import intake, period_checks, stages
from muniflow.intake import sha256_file
from muniflow.intake.convert import soffice
from muniflow.warehouse import db, loader, lookups

SAMPLES = Path(__file__).resolve().parents[1] / "sample_inputs"
GOOD = ("invented_tver_2024_q4.docx", "invented_pskov_2024_q3.pdf")
GIB = 1 << 30

Build = Callable[[Path, Path], Path]  # (inbox, the corpus' valid report DOCX) -> the case's file

# `needs_ocr` is intake handing a scan to OCR, not an outcome: the corpus' scan is a small blank
# image, which OCR then refuses as too coarse to read.
AFTER_OCR = {"needs_ocr": "low_resolution"}
# Files OCR reads at full resolution (drawn, not pictures): what it finds there, by case.
AFTER_OCR_OF = {
    "pdf_outlines": "no_table_found",
    "pdf_outlines_in_form": "no_table_found",
    "pdf_outlines_grid": "unknown_layout",  # OCR finds the grid, and no text in it
}

# What interpretation makes of the corpus files intake lets through: case -> (status, reason, why).
AFTER_INTAKE: dict[str, tuple[str, str | None, str]] = {
    "valid_docx": ("superseded", None, "its re-sent copy (resent_docx below) is the current version"),
    "valid_pdf": ("quarantined", "unknown_layout", "its English header names no known column"),
    "unrelated_columns": ("quarantined", "unknown_layout", "no title or date column"),
    "bidi_controls": ("quarantined", "unknown_layout", "a two-column table: no title or date column"),
    "pdf_empty_user_password": ("quarantined", "unknown_layout", "opens, then the same English header"),
    "pdf_broken_xref": ("quarantined", "unknown_layout", "the xref is rebuilt, then the English header"),
}
if soffice():  # a web page is converted by LibreOffice, then read: its one-cell table is no report
    AFTER_INTAKE |= {
        name: ("quarantined", "unknown_layout", "converted, then a one-cell table")
        for name in ("html_as_docx", "html_as_pdf")
    }


def _copy_sample(name: str) -> Build:
    return lambda inbox, _valid: Path(shutil.copy(SAMPLES / name, inbox / name))


def _write(name: str, data: bytes) -> Build:
    def build(inbox: Path, _valid: Path) -> Path:
        (inbox / name).write_bytes(data)
        return inbox / name

    return build


def _resent(inbox: Path, valid: Path) -> Path:
    """The valid report saved again with a small change: other bytes, same region and quarter — a
    later version. (Zipped anew unchanged, it could match byte for byte: zip times count in 2 s.)"""

    def touched(parts: dict[str, bytes]) -> dict[str, bytes]:
        return {**parts, "word/document.xml": parts["word/document.xml"] + b"<!-- saved again -->"}

    return bf.docx_variant(valid, inbox / "valid_resent.docx", touched)


# Cases of this batch beyond the intake corpus: (case, builder, status, reason, why).
EXTRA: list[tuple[str, Build, str, str | None, str]] = [
    ("good_docx", _copy_sample(GOOD[0]), "loaded", None, "a good DOCX among the bad files loads"),
    ("good_pdf", _copy_sample(GOOD[1]), "loaded", None, "a good PDF among the bad files loads"),
    ("resent_docx", _resent, "loaded", None, "a re-sent report supersedes the earlier one"),
    (
        "text_named_txt",
        _write("events.txt", "№\tСобытие\n1\tФорум\n".encode()),
        "quarantined",
        "unsupported_format",
        "a folder scan skips .txt; named explicitly it is taken and refused",
    ),
    (
        "html_named_htm",
        _write("report.htm", bf.HTML + b"<!-- saved -->"),
        "quarantined",
        "unknown_layout" if soffice() else "unsupported_format",
        "a web page under its own extension: taken when named (converted, then its one-cell table)",
    ),
]


def _all_cases() -> list[tuple[str, Build, str, str | None, str]]:
    """The corpus cases with their pipeline outcome, then the extra cases."""
    passing = {name for name, _b, reason, *_ in INTAKE_CASES if reason is None}
    assert passing == set(AFTER_INTAKE), "every file intake lets through needs an expected outcome here"
    cases = [
        (name, build, *AFTER_INTAKE[name][:2], AFTER_INTAKE[name][2])
        if reason is None
        else (name, build, "quarantined", _after_ocr(name, reason), why)
        for name, build, reason, _text, why in INTAKE_CASES
    ]
    return [*cases, *EXTRA]


def _after_ocr(name: str, reason: str) -> str:
    if reason == "needs_ocr" and name in AFTER_OCR_OF:
        return AFTER_OCR_OF[name]
    return AFTER_OCR.get(reason, reason)


CASES = _all_cases()


@dataclass(frozen=True)
class Batch:
    """One ingested batch: its inputs, what the warehouse says of them, and what each file cost."""

    inbox: Path
    paths: dict[str, Path]  # case -> input file, in the order given to `discover`
    discovered: list[Path]
    reports: dict[str, tuple]  # sha256 -> (source_file, status, reason, message)
    seconds: dict[str, float]  # case -> wall time of extract + validate + load
    warehouse: Path
    before: dict[Path, tuple[str, int, int]]
    after: dict[Path, tuple[str, int, int]]
    worker_peak_rss: int  # bytes: the largest finished child process (intake workers)


def _fingerprints(folder: Path) -> dict[Path, tuple[str, int, int]]:
    """Every file under `folder` with its sha256, size and mtime in nanoseconds."""
    return {p: (sha256_file(p), p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    root = tmp_path_factory.mktemp("mixed_batch")
    inbox = root / "inbox"
    inbox.mkdir()
    valid = bf.docx_report(inbox / "valid.docx")
    paths = {name: build(inbox, valid) for name, build, *_ in CASES}
    before = _fingerprints(inbox)
    warehouse = root / "warehouse.duckdb"
    discovered = stages.discover(list(paths.values()))
    case_of = {p: name for name, p in paths.items()}
    seconds: dict[str, float] = {}
    periods: set[str] = set()
    con = db.connect(warehouse)
    run_id = loader.start_run(con)
    for path in discovered:
        started = time.monotonic()
        outcome = stages.validate_file(extraction.extract_file(path))
        stages.load_file(con, run_id, outcome)
        seconds[case_of[path]] = time.monotonic() - started
        if outcome.report and outcome.report.period and not outcome.reason:
            periods.add(outcome.report.period.label)
    period_checks.dedupe_periods(con, run_id, periods)
    loader.finish_run(con, run_id, {"files": len(discovered)})
    reports = {
        sha: rest
        for sha, *rest in con.execute(
            "select sha256, source_file, status, reason, message from reports"
        ).fetchall()
    }
    con.close()
    intake.close_pools()  # reaps the workers, so their peak memory counts among finished children
    print("\nseconds per file (extract + validate + load):")
    for name, took in sorted(seconds.items(), key=lambda kv: -kv[1]):
        print(f"  {took:6.2f}  {name}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # Linux reports KiB
    print(f"peak memory of a finished child process: {peak / (1 << 20):.0f} MiB")
    return Batch(
        inbox=inbox,
        paths=paths,
        discovered=discovered,
        reports=reports,
        seconds=seconds,
        warehouse=warehouse,
        before=before,
        after=_fingerprints(inbox),
        worker_peak_rss=peak,
    )


@pytest.mark.parametrize(
    ("name", "status", "reason"), [(c[0], c[2], c[3]) for c in CASES], ids=[c[0] for c in CASES]
)
def test_file_ends_in_reports_with_its_state(
    batch: Batch, name: str, status: str, reason: str | None
) -> None:
    digest = batch.before[batch.paths[name]][0]
    assert digest in batch.reports, f"{name}: no row in reports"
    source_file, got_status, got_reason, message = batch.reports[digest]
    same_bytes = {str(p) for p, (sha, *_) in batch.before.items() if sha == digest}
    assert source_file in same_bytes, f"{name}: its row names {source_file}"
    assert (got_status, got_reason) == (status, reason), message
    if status == "quarantined":
        assert message and message.strip(), f"{name}: quarantined without a message a person can act on"


def test_reports_hold_one_row_per_distinct_input_and_nothing_else(batch: Batch) -> None:
    inputs = {batch.before[p][0] for p in batch.paths.values()}
    assert set(batch.reports) == inputs
    # Byte-identical copies under other names (the corpus has some) are one report, by design.
    assert len(inputs) < len(batch.paths), "the batch should hold identical copies, else this tests less"


def test_files_named_explicitly_are_all_taken(batch: Batch) -> None:
    assert batch.discovered == list(batch.paths.values())
    from_folder = set(stages.discover([batch.inbox]))
    taken = {p.suffix for p in from_folder}
    assert {".txt", ".htm"} <= taken, "a folder scan takes every file a person sent, whatever its name"


def test_nothing_is_lost(batch: Batch) -> None:
    with duckdb.connect(str(batch.warehouse), read_only=True) as con:
        assert lookups.reconcile(con) == []


def _relations_holding(con: duckdb.DuckDBPyConnection, needle: str) -> list[str]:
    """Every table or view column of a text type (lists of text too) in which `needle` occurs."""
    columns = con.execute(
        "select table_schema, table_name, column_name from information_schema.columns"
        " where data_type like 'VARCHAR%' and table_schema not in ('information_schema', 'pg_catalog')"
    ).fetchall()
    found = []
    for schema, table, column in columns:
        hits = con.execute(
            f'select count(*) from "{schema}"."{table}" where contains(cast("{column}" as varchar), ?)',
            [needle],
        ).fetchone()
        if hits and hits[0]:
            found.append(f"{schema}.{table}.{column}")
    return found


def test_no_byte_of_an_external_entity_reaches_the_warehouse(batch: Batch) -> None:
    with duckdb.connect(str(batch.warehouse), read_only=True) as con:
        assert _relations_holding(con, GOOD[0]), "the scan must find what was loaded, else it proves nothing"
        assert _relations_holding(con, bf.SECRET.decode()) == []
    files = [batch.warehouse, *batch.warehouse.parent.glob(batch.warehouse.name + ".*")]
    assert all(bf.SECRET not in f.read_bytes() for f in files)


def test_input_files_are_never_modified_moved_or_deleted(batch: Batch) -> None:
    assert batch.after == batch.before


def test_intake_workers_stay_under_the_memory_bound(batch: Batch) -> None:
    # The flate bomb inflates to 2 GiB: only the worker's address-space limit keeps this low.
    assert 0 < batch.worker_peak_rss <= 1.5 * GIB, f"{batch.worker_peak_rss / GIB:.2f} GiB"


def test_every_input_path_is_in_report_files(batch: Batch) -> None:
    with duckdb.connect(str(batch.warehouse), read_only=True) as con:
        seen = {r[0] for r in con.execute("select source_file from report_files").fetchall()}
    assert {str(p) for p in batch.paths.values()} <= seen
