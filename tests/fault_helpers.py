"""Run an ingest or hold the warehouse in another process, so the fault tests can kill it or race it.

As a script: `python tests/fault_helpers.py ingest WAREHOUSE FILE...` runs the plain stages
(discover, extract, validate, load one connection per file as the flow does, dedupe, finish) and
prints one line per step; `python tests/fault_helpers.py hold-reader WAREHOUSE SECONDS` keeps a
read-only connection open. A warehouse held too long by someone else exits with EXIT_BUSY and
the WarehouseBusy message on stderr.

Fault hooks live here, never in src/: with PAUSE_ENV set, each load transaction pauses after its
last statement and before its commit (only the load of file PAUSE_AT_ENV, when given), so a test
can `kill -9` an ingest holding uncommitted writes. With CACHE_ENV naming a folder, extraction
outcomes are pickled there by path and content hash (as the flow caches by content hash), so
repeated ingests pay for loading only.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import extraction

from muniflow import period_checks, stages
from muniflow.file_outcome import FileOutcome
from muniflow.intake import sha256_file
from muniflow.warehouse import db, loader

HELPER = Path(__file__).resolve()
PAUSE_ENV = "MUNIFLOW_FAULT_PAUSE_S"
PAUSE_AT_ENV = "MUNIFLOW_FAULT_PAUSE_AT"
CACHE_ENV = "MUNIFLOW_FAULT_CACHE"
EXIT_BUSY = 75  # EX_TEMPFAIL: try again later
PUBLIC_VIEWS = ("reports", "extracted_rows", "events", "flagged_rows")
# Columns that differ between two ingests of the same files by construction (ids and clocks of runs).
RUN_COLUMNS = frozenset({"run_id", "ingested_at", "flow_run_id", "started_at", "finished_at"})

Say = Callable[..., object]


def say(*words: object) -> None:
    """One progress line on stdout, stamped with the wall clock, flushed so a parent sees it now."""
    print(f"{time.time():.6f}", *words, flush=True)


def extract_cached(path: Path, cache: Path | None) -> FileOutcome:
    """Extract and validate one file, reusing a pickled outcome of the same path and bytes."""
    if cache is None:
        return stages.validate_file(extraction.extract_file(path))
    digest = sha256_file(path)
    key = hashlib.sha256(f"{path.resolve()}\0{digest}".encode()).hexdigest()[:24]
    entry = cache / f"{key}.pickle"
    if entry.exists():
        outcome: FileOutcome = pickle.loads(entry.read_bytes())
        return outcome
    outcome = stages.validate_file(extraction.extract_file(path, sha256=digest))
    tmp = entry.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(outcome))
    tmp.replace(entry)  # atomic: a concurrent ingest never reads half a pickle
    return outcome


def ingest(
    warehouse: str | Path, paths: Sequence[str | Path], *, cache: Path | None = None, report: Say = say
) -> dict[str, str]:
    """The plain stages over `paths` into `warehouse`; returns each file's load status by path."""
    outcomes = [extract_cached(f, cache) for f in stages.discover(list(paths))]
    report("extracted", len(outcomes))
    with db.connect(warehouse) as con:
        run_id = loader.start_run(con)
        periods = stages.recover_aborted(con, run_id)  # as the flow does: runs killed earlier
    report("run", run_id)
    statuses: dict[str, str] = {}
    for outcome in outcomes:
        report("loading", outcome.source_file)
        with _loading(outcome.source_file), db.connect(warehouse) as con:
            result = stages.load_file(con, run_id, outcome)
        report("loaded", outcome.source_file, result.status)
        statuses[outcome.source_file] = result.status
        if outcome.report and outcome.report.period and not outcome.reason:
            periods.add(outcome.report.period.label)
    with db.connect(warehouse) as con:
        period_checks.dedupe_periods(con, run_id, periods)
        loader.finish_run(con, run_id, {"files": len(outcomes)})
    report("done", run_id)
    return statuses


def hold_reader(warehouse: str | Path, seconds: float) -> None:
    """Keep a read-only connection on the warehouse for `seconds`, as an analyst's query would."""
    con = db.open_with_retry(
        lambda: duckdb.connect(str(warehouse), read_only=True), warehouse, db.lock_timeout_s()
    )
    rows = con.execute("select count(*) from reports").fetchone()
    say("holding", rows[0] if rows else None)
    time.sleep(seconds)
    say("releasing")  # stamped before the lock goes, so no writer can have got in earlier
    con.close()


# ---------------------------------------------------------------- the pause hook

_loading_now: list[str] = []


@contextlib.contextmanager
def _loading(source_file: str) -> Iterator[None]:
    """Mark which file is being loaded, so the pause hook can pick one load."""
    _loading_now.append(Path(source_file).name)
    try:
        yield
    finally:
        _loading_now.pop()


def install_pause(seconds: float, at: str | None) -> None:
    """Make the loader's transactions pause before commit while loading `at` (every file if None)."""
    original = loader.transaction

    @contextlib.contextmanager
    def pausing(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
        with original(con):
            yield
            if _loading_now and at in (None, _loading_now[-1]):
                say("in-transaction", _loading_now[-1])
                time.sleep(seconds)

    loader.transaction = pausing  # type: ignore[assignment]


# ---------------------------------------------------------------- the parent's side


@dataclass
class Child:
    """A helper process started by a test, its stdout lines collected by a thread as they come."""

    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    _queue: queue.Queue[str | None] = field(default_factory=queue.Queue)

    def __post_init__(self) -> None:
        # Both pipes are drained all the time, so a chatty child never blocks on a full pipe.
        threading.Thread(target=self._pump, daemon=True).start()
        threading.Thread(target=self._pump_errors, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def _pump_errors(self) -> None:
        assert self.process.stderr is not None
        self.errors.extend(self.process.stderr)

    def wait_for(self, *words: str, timeout: float = 60.0) -> str:
        """Block until a line whose words (after the stamp) start with `words`; AssertionError if none."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            self.lines.append(line)
            if tuple(line.split()[1 : 1 + len(words)]) == words:
                return line
        raise AssertionError(
            f"{self.process.args!r}: no line {words} in {self.lines}; stderr: {self.stderr()}"
        )

    def kill(self) -> None:
        """`kill -9` the helper, then sweep its session (intake workers it may have started)."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)

    def finish(self, timeout: float = 90.0) -> int:
        """Wait for the helper to exit and collect its remaining lines; returns its exit code."""
        code = self.process.wait(timeout)
        while (line := self._queue.get(timeout=5)) is not None:
            self.lines.append(line)
        return code

    def stderr(self) -> str:
        """What the helper wrote to stderr so far."""
        return "".join(self.errors)

    def stamp(self, *words: str) -> float:
        """The wall-clock stamp of the first collected line starting with `words`."""
        for line in self.lines:
            if tuple(line.split()[1 : 1 + len(words)]) == words:
                return float(line.split()[0])
        raise AssertionError(f"no line {words} in {self.lines}")


def start(*args: str | Path, env: dict[str, str] | None = None) -> Child:
    """Run this file as a script in its own session with `args`, extra environment `env`."""
    process = subprocess.Popen(
        [sys.executable, str(HELPER), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        start_new_session=True,
    )
    return Child(process)


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    """Every public view's rows, sorted, without the columns that name runs or clocks."""
    out = {}
    for view in PUBLIC_VIEWS:
        names = [d[0] for d in con.execute(f"select * from {view} limit 0").description]
        kept = ", ".join(f'"{n}"' for n in names if n not in RUN_COLUMNS)
        out[view] = con.execute(f"select {kept} from {view} order by all").fetchall()
    return out


def main(argv: list[str]) -> int:
    """The script's entry point; see the module docstring."""
    command, warehouse, *rest = argv
    if os.environ.get(PAUSE_ENV):
        install_pause(float(os.environ[PAUSE_ENV]), os.environ.get(PAUSE_AT_ENV) or None)
    try:
        if command == "ingest":
            cache = os.environ.get(CACHE_ENV)
            ingest(warehouse, list(rest), cache=Path(cache) if cache else None)
        elif command == "hold-reader":
            hold_reader(warehouse, float(rest[0]))
        else:
            raise SystemExit(f"unknown command {command!r}: ingest or hold-reader")
    except db.WarehouseBusy as busy:
        print(busy, file=sys.stderr, flush=True)
        return EXIT_BUSY
    return 0


if __name__ == "__main__":  # the intake's workers are spawned: they re-import this file
    sys.exit(main(sys.argv[1:]))
