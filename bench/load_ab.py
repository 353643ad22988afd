"""Two code versions' loads side by side, load by load: each version in its own process (its `src/`
first on the path) fills its own warehouse of N reports, then the two take turns loading the same
fresh real-sized reports, so a shared machine's changing load falls on both alike.

    .venv/bin/python -m bench.load_ab --before /tmp/before --reports 1000 --loads 30

`--before DIR` is a tree with the old `src/` (e.g. `git archive 757d8e1 src warehouse contracts
| tar -x -C DIR`); the other side is this checkout. Prints each side's median and quartiles of
CPU and wall milliseconds per load (`stages.load_file`; CPU: the process's, all threads), the
first load of each side (caches warming) left out.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def worker(folder: Path, reports: int) -> None:
    """Fill a warehouse, then for each line on stdin (a pickled outcome's path) load it and print
    the wall and CPU milliseconds as JSON."""
    from bench import scale
    from muniflow import stages
    from muniflow.warehouse import db, loader

    seeds = pickle.loads((folder / "seeds.pkl").read_bytes())
    with db.connect(folder / f"{os.getpid()}.duckdb") as con:
        run_id = loader.start_run(con)
        sources = [stages.load_file(con, run_id, seed).report_id for seed in seeds]
        scale.grow(con, sources, len(sources), reports, loader.start_run(con))
        print("ready", flush=True)
        for line in sys.stdin:
            outcome = pickle.loads(Path(line.strip()).read_bytes())
            run_id = loader.start_run(con)
            t0, c0 = time.perf_counter(), time.process_time()
            stages.load_file(con, run_id, outcome)
            wall, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
            print(json.dumps([wall, cpu]), flush=True)


def _summary(values: list[float]) -> str:
    q = statistics.quantiles(values, n=4)
    return f"median {statistics.median(values):5.1f}  quartiles {q[0]:5.1f}-{q[2]:5.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="tree holding the old src/")
    parser.add_argument("--reports", type=int, default=1000, help="reports in each warehouse first")
    parser.add_argument("--loads", type=int, default=30, help="fresh reports loaded by each side (≤ 38)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        worker(args.worker, args.reports)
        return 0
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    from bench import scale

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        fresh = scale.seed_outcomes(folder)
        (folder / "seeds.pkl").write_bytes(pickle.dumps([fresh(), fresh()]))
        paths = []
        for i in range(args.loads):
            path = folder / f"outcome-{i}.pkl"
            path.write_bytes(pickle.dumps(fresh()))
            paths.append(path)
        sides = {"before": args.before.resolve(), "after": ROOT}
        procs = {}
        for side, tree in sides.items():
            env = {**os.environ, "PYTHONPATH": f"{tree / 'src'}{os.pathsep}{ROOT}"}
            procs[side] = subprocess.Popen(
                [sys.executable, "-m", "bench.load_ab", "--before", str(tree), "--reports",
                 str(args.reports), "--worker", str(folder)],
                cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            )  # fmt: skip
        for proc in procs.values():
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        got: dict[str, list[list[float]]] = {side: [] for side in sides}
        load = os.getloadavg()[0]
        for i, path in enumerate(paths):
            order = list(sides) if i % 2 == 0 else list(reversed(sides))
            for side in order:
                proc = procs[side]
                assert proc.stdin is not None and proc.stdout is not None
                proc.stdin.write(f"{path}\n")
                proc.stdin.flush()
                got[side].append(json.loads(proc.stdout.readline()))
        for proc in procs.values():
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait()
    print(f"{args.loads} loads each, {args.reports} reports in each warehouse, load average "
          f"{load:.1f} -> {os.getloadavg()[0]:.1f}")  # fmt: skip
    for side, measured in got.items():
        wall = [w for w, _ in measured[1:]]
        cpu = [c for _, c in measured[1:]]
        print(f"{side:6}  CPU ms {_summary(cpu)}   wall ms {_summary(wall)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
