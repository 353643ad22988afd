"""`bench/plain.py` on source trees side by side: wall, CPU and stage seconds of each run.

    .venv/bin/python -m bench.plain_cpu INBOX --src /tmp/before/src --src src [--repeat 2]

Each run is a fresh `python -m bench.plain INBOX --warehouse TMP` with that `src/` first on
PYTHONPATH (its contracts are the ones beside it), the trees alternating so the machine's load
falls on both alike. Prints one JSON line per run: the tree, wall seconds, CPU seconds (user +
system of the command and every process it waited for: the intake workers included), the stage
seconds `bench/plain.py` reports and the load average before the run; then the median per tree.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_once(inbox: str, src: str) -> dict[str, object]:
    """One plain ingestion of the inbox into a new warehouse with the code of `src`."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(src).resolve()), str(ROOT)])}
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-m", "bench.plain", inbox, "--warehouse", str(Path(tmp) / "w.duckdb")],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stages = json.loads(out.strip().splitlines()[-1])
    return {
        "src": src,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "load_average": round(load, 2),
        **stages,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("inbox")
    parser.add_argument("--src", action="append", required=True, help="a src/ folder (repeatable)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    runs: dict[str, list[dict[str, object]]] = {src: [] for src in args.src}
    for _ in range(args.repeat):
        for src in args.src:
            result = run_once(args.inbox, src)
            runs[src].append(result)
            print(json.dumps(result), flush=True)
    for src, results in runs.items():
        medians = {
            key: round(statistics.median(float(r[key]) for r in results), 2)  # type: ignore[arg-type]
            for key in ("wall_s", "cpu_s", "process", "load", "load_average")
            if all(key in r for r in results)
        }
        print(json.dumps({"src": src, "median": medians}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
