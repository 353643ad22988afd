"""What one load costs, statement by statement: `stages.load_file` of fresh real-sized reports on a
warehouse of N reports (filled as `bench/scale.py` fills it), each SQL statement's wall and CPU time.

    .venv/bin/python -m bench.load_profile            # 1,000 reports in the warehouse
    .venv/bin/python -m bench.load_profile --reports 10000
    .venv/bin/python -m bench.load_profile --a-year-later   # municipalities already stored

With `--a-year-later` the fresh reports are first loaded as they are (not timed), then timed as
the same municipalities' reports of the same quarter a year later (other content): the steady state
of a real warehouse, where every municipality and heading spelling has been seen before.

Prints each load's wall and CPU milliseconds (CPU: the process's, all threads; it moves less with
other jobs' load on a shared machine), then per statement the count and the mean wall and CPU ms
per load (the first load, which warms caches, left out), the transaction's begin and commit among
them; "(rest: Python)" is the load's CPU time outside every statement.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


class Timed:
    """A connection whose `execute` calls are timed by statement text."""

    def __init__(self, con: Any, stats: dict[str, list[float]]) -> None:
        self._con = con
        self._stats = stats

    def _timed(self, label: str, call: Any, *args: Any, **kwargs: Any) -> Any:
        t0, c0 = time.perf_counter(), time.process_time()
        result = call(*args, **kwargs)
        entry = self._stats[label]
        entry[0] += 1
        entry[1] += time.perf_counter() - t0
        entry[2] += time.process_time() - c0
        return result

    def execute(self, sql: str, *args: Any, **kwargs: Any) -> Any:
        return self._timed(" ".join(sql.split())[:100], self._con.execute, sql, *args, **kwargs)

    def begin(self) -> Any:
        return self._timed("(begin)", self._con.begin)

    def commit(self) -> Any:
        return self._timed("(commit)", self._con.commit)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def a_year_later(outcome: Any) -> Any:
    """The outcome as the same municipalities' report of the same quarter a year later."""
    from dataclasses import replace

    from muniflow.model import Period

    report = outcome.report
    later = Period(report.period.year + 1, report.period.quarter)
    return replace(outcome, sha256="f" * 8 + outcome.sha256[8:], report=replace(report, period=later))


def main(argv: list[str] | None = None) -> int:
    from bench import scale
    from muniflow import stages
    from muniflow.warehouse import db, loader

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000, help="reports in the warehouse first")
    parser.add_argument("--loads", type=int, default=6, help="fresh reports loaded and timed")
    parser.add_argument(
        "--a-year-later", action="store_true", help="time the same municipalities' reports a year later"
    )
    args = parser.parse_args(argv)
    stats: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0, 0.0])
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        fresh = scale.seed_outcomes(tmp)
        with db.connect(tmp / "profile.duckdb") as con:
            run_id = loader.start_run(con)
            sources = [stages.load_file(con, run_id, fresh()).report_id for _ in range(2)]
            scale.grow(con, sources, 2, args.reports, loader.start_run(con))
            outcomes = [fresh() for _ in range(args.loads)]
            if args.a_year_later:
                first = loader.start_run(con)
                for outcome in outcomes:
                    stages.load_file(con, first, outcome)
                outcomes = [a_year_later(outcome) for outcome in outcomes]
            timed = Timed(con, stats)
            wall, cpu = [], []
            for i, outcome in enumerate(outcomes):
                if i == 1:
                    stats.clear()
                run_id = loader.start_run(con)
                t0, c0 = time.perf_counter(), time.process_time()
                stages.load_file(timed, run_id, outcome)
                wall.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
    print("load wall ms", [round(x, 1) for x in wall])
    print("load CPU ms ", [round(x, 1) for x in cpu])
    measured = max(1, args.loads - 1)
    in_sql = [sum(entry[i] for entry in stats.values()) * 1000 / measured for i in (1, 2)]
    rest = (sum(wall[1:]) / measured - in_sql[0], sum(cpu[1:]) / measured - in_sql[1])
    stats["(rest: Python)"] = [measured, rest[0] / 1000 * measured, rest[1] / 1000 * measured]
    print("count  wall ms  CPU ms  statement (per load)")
    for text, (count, w, c) in sorted(stats.items(), key=lambda kv: -kv[1][2]):
        print(f"{count / measured:5.1f}  {w * 1000 / measured:7.1f}  {c * 1000 / measured:6.1f}  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
