"""Faults around the warehouse: `kill -9` during a load, two ingests at once, a reader holding the file.

The ingests run in other processes (tests/fault_helpers.py) so they can be killed and can race for
DuckDB's file lock; extraction is cached by content hash, so each one pays for loading only. After
every fault the warehouse must open, pass the nothing-lost checks and, after a re-run, hold exactly
what an uninterrupted ingest of the same files holds.
"""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import fault_helpers as fh
import pytest

from muniflow.warehouse import db, lookups

SAMPLES = Path(__file__).resolve().parents[1] / "sample_inputs"
# The last file is a second version of the one before it (same region and quarter), so a load can
# be killed while it supersedes another.
GOOD = ("smolensk_2024_q2.docx", "invented_tver_2024_q4.docx", "invented_tver_2024_q4.pdf")
RANDOM_KILLS = 3
Spawn = Callable[..., fh.Child]  # starts a helper process: fh.start, killed at teardown


@dataclass(frozen=True)
class Reference:
    """The good files, their extraction cache, and what an uninterrupted ingest of them leaves."""

    files: list[Path]
    cache: Path
    snapshot: dict[str, list[tuple[object, ...]]]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    root = tmp_path_factory.mktemp("faults")
    (root / "inbox").mkdir()
    (root / "cache").mkdir()
    files = [Path(shutil.copy(SAMPLES / name, root / "inbox" / name)) for name in GOOD]
    fh.ingest(root / "reference.duckdb", files, cache=root / "cache", report=lambda *_: None)
    with db.connect(root / "reference.duckdb") as con:
        assert lookups.reconcile(con) == []
        snapshot = fh.snapshot(con)
        statuses = dict(con.execute("select source_file, status from reports").fetchall())
    assert statuses == {str(files[0]): "loaded", str(files[1]): "superseded", str(files[2]): "loaded"}
    return Reference(files, root / "cache", snapshot)


@pytest.fixture
def spawn() -> Iterator[Spawn]:
    """Start helper processes (`fh.start`); any still running when the test ends is killed."""
    started: list[fh.Child] = []

    def start(*args: str | Path, env: dict[str, str] | None = None) -> fh.Child:
        started.append(fh.start(*args, env=env))
        return started[-1]

    yield start
    for child in started:
        if child.process.poll() is None:
            child.kill()


def _stamp_into(stamps: dict[str, float]) -> fh.Say:
    """A progress callback that keeps the wall-clock time of each step's first line."""
    return lambda step, *_: stamps.setdefault(str(step), time.time())


def _ingest(spawn: Spawn, warehouse: Path, ref: Reference, **env: str) -> fh.Child:
    return spawn("ingest", warehouse, *ref.files, env={fh.CACHE_ENV: str(ref.cache), **env})


def _assert_consistent(warehouse: Path) -> None:
    """The warehouse opens for writing (WAL replayed) and nothing is lost."""
    with db.connect(warehouse) as con:
        assert lookups.reconcile(con) == []


def _assert_rerun_matches(warehouse: Path, ref: Reference) -> None:
    """A re-run over the same files completes and leaves what an uninterrupted ingest leaves."""
    fh.ingest(warehouse, ref.files, cache=ref.cache, report=lambda *_: None)
    with db.connect(warehouse) as con:
        assert lookups.reconcile(con) == []
        assert fh.snapshot(con) == ref.snapshot


def test_kill_inside_a_load_transaction_keeps_the_warehouse_as_before_it(
    reference: Reference, spawn: Spawn, tmp_path: Path
) -> None:
    warehouse, last = tmp_path / "w.duckdb", reference.files[-1]
    child = _ingest(spawn, warehouse, reference, **{fh.PAUSE_ENV: "120", fh.PAUSE_AT_ENV: last.name})
    child.wait_for("in-transaction", last.name)  # rows written, the older version marked, no commit
    child.kill()
    _assert_consistent(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        statuses = dict(con.execute("select source_file, status from reports").fetchall())
    # The superseding load is rolled back whole: the older version is current again.
    assert statuses == {str(reference.files[0]): "loaded", str(reference.files[1]): "loaded"}
    _assert_rerun_matches(warehouse, reference)


@pytest.mark.parametrize("attempt", range(RANDOM_KILLS))
def test_kill_at_a_random_point_then_rerun_loses_nothing(
    reference: Reference, spawn: Spawn, tmp_path: Path, attempt: int
) -> None:
    warehouse = tmp_path / "w.duckdb"
    steps = [("run",), *((word, str(f)) for f in reference.files for word in ("loading", "loaded"))]
    # A random step in each of RANDOM_KILLS slices of the batch, then a random moment after it.
    rng = random.Random(attempt)
    step = steps[
        rng.randrange(attempt * len(steps) // RANDOM_KILLS, (attempt + 1) * len(steps) // RANDOM_KILLS)
    ]
    delay = rng.uniform(0, 0.3)
    child = _ingest(spawn, warehouse, reference)
    child.wait_for(*step)
    time.sleep(delay)
    child.kill()
    child.finish()
    print(f"kill {delay:.2f} s after {step[0]} landed after: {child.lines[-1].split(maxsplit=1)[1]}")
    _assert_consistent(warehouse)
    _assert_rerun_matches(warehouse, reference)


def test_two_ingests_at_once_load_each_report_exactly_once(
    reference: Reference, spawn: Spawn, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w.duckdb"
    # Each load holds the writer for a moment, so the other ingest must wait for it.
    first, second = (_ingest(spawn, warehouse, reference, **{fh.PAUSE_ENV: "0.5"}) for _ in range(2))
    assert (first.finish(), second.finish()) == (0, 0), first.stderr() + second.stderr()
    # Both were running before either finished: one had to wait for the other's writes.
    assert max(c.stamp("extracted") for c in (first, second)) < min(c.stamp("done") for c in (first, second))
    loads = [line.split()[1:] for c in (first, second) for line in c.lines]
    loaded_by = [words[1] for words in loads if words[0] == "loaded" and words[2:] == ["loaded"]]
    assert sorted(loaded_by) == sorted(map(str, reference.files)), "each file loaded by exactly one ingest"
    _assert_consistent(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert fh.snapshot(con) == reference.snapshot
        assert con.execute("select count(*) from runs where finished_at is not null").fetchone() == (2,)


def _writer_mid_load(spawn: Spawn, warehouse: Path, ref: Reference) -> fh.Child:
    return _ingest(spawn, warehouse, ref, **{fh.PAUSE_ENV: "120"})


def _reader(spawn: Spawn, warehouse: Path, _ref: Reference) -> fh.Child:
    return spawn("hold-reader", warehouse, "120")


# Who holds the warehouse: (case, start it, the line saying it holds, runs recorded after, why).
HOLDERS = [
    ("writer_mid_load", _writer_mid_load, "in-transaction", 1, "an ingest paused in its first load"),
    ("reader", _reader, "holding", 0, "an analyst's read-only connection"),
]


@pytest.mark.parametrize(
    ("start_holder", "holds", "runs"), [h[1:4] for h in HOLDERS], ids=[h[0] for h in HOLDERS]
)
def test_an_ingest_kept_out_too_long_stops_with_a_clear_message(
    reference: Reference,
    spawn: Spawn,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    start_holder: Spawn,
    holds: str,
    runs: int,
) -> None:
    warehouse = tmp_path / "w.duckdb"
    db.connect(warehouse).close()
    monkeypatch.setenv(db.LOCK_TIMEOUT_ENV, "1")
    holding = start_holder(spawn, warehouse, reference)
    holding.wait_for(holds)
    with pytest.raises(db.WarehouseBusy) as busy:
        fh.ingest(warehouse, reference.files, cache=reference.cache, report=lambda *_: None)
    holding.kill()
    # It names who to wait for and what to do.
    assert f"(PID {holding.process.pid})" in str(busy.value) and "try again" in str(busy.value)
    _assert_consistent(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from runs").fetchone() == (runs,)


def test_a_reader_holding_the_warehouse_makes_ingest_wait_then_complete(
    reference: Reference, spawn: Spawn, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w.duckdb"
    db.connect(warehouse).close()
    reader = spawn("hold-reader", warehouse, "3")
    reader.wait_for("holding")
    with pytest.raises(duckdb.IOException, match="lock"):
        duckdb.connect(str(warehouse)).close()  # the reader really keeps writers out
    stamps: dict[str, float] = {}
    fh.ingest(warehouse, reference.files, cache=reference.cache, report=_stamp_into(stamps))
    assert reader.finish() == 0, reader.stderr()
    assert reader.stamp("releasing") <= stamps["run"], "the ingest wrote while the reader held the file"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert lookups.reconcile(con) == []
        assert fh.snapshot(con) == reference.snapshot


def test_a_run_killed_before_its_checks_is_aborted_and_its_periods_checked_by_the_next(
    reference: Reference, spawn: Spawn, tmp_path: Path
) -> None:
    warehouse, first, second = tmp_path / "w.duckdb", reference.files[0], reference.files[1]
    child = _ingest(spawn, warehouse, reference, **{fh.PAUSE_ENV: "120", fh.PAUSE_AT_ENV: second.name})
    child.wait_for("in-transaction", second.name)  # the first file is loaded; no duplicate rule yet
    killed_pid = child.process.pid
    child.kill()
    duplicates = "select count(*) from flagged_rows where rule = 'duplicate_event' and period = ?"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        (killed,) = con.execute("select run_id from runs where status = 'running'").fetchone() or (None,)
        (period,) = con.execute("select period from reports where source_file = ?", [str(first)]).fetchone()
        assert con.execute(duplicates, [period]).fetchone() == (0,), "the dead run never got to them"
    assert killed is not None
    # the next run is given only the other files: the dead run's period is checked all the same
    fh.ingest(warehouse, reference.files[1:], cache=reference.cache, report=lambda *_: None)
    with db.connect(warehouse) as con:
        aborted = con.execute(
            "select status, pid, reports_recorded, noticed_by_run is not null from runs where run_id = ?",
            [killed],
        ).fetchone()
        assert aborted == ("aborted", killed_pid, 1, True)
        assert con.execute(duplicates, [period]).fetchone()[0] > 0, "the duplicate rule ran on its period"
        assert lookups.reconcile(con) == []
        assert fh.snapshot(con) == reference.snapshot
