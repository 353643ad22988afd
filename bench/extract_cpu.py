"""Per-file extraction CPU in one process: what an intake worker spends on each file.

    PYTHONPATH=src:. .venv/bin/python -m bench.extract_cpu INBOX... [--repeat 2] [--profile OUT.prof]

Runs the worker's task (`stages._process_in_worker`: guards, reader, interpretation, row rules,
enrichment) on every file in one process, after the worker's own warm-up (`muniflow.readers` and
`stages.WARM_MODULES` imported) and one warm-up file (the first), so the figure is the per-file
work alone. Each pass is a fresh process (what one pass remembers, e.g. parsed words, does not
help the next). Prints one JSON line: CPU seconds (user + system) summed over the files, the
median over `--repeat` passes, and the same for the floor's libraries alone (`bench/floor.py`'s
`read_pdf` / `read_docx`) on the same files. `--profile` writes cProfile stats of one more pass.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for p in map(Path, paths):
        found.extend(sorted(f for f in p.iterdir() if f.is_file()) if p.is_dir() else [p])
    return found


def one_pass(files: list[Path], task) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds of `task` over every file."""
    started = time.process_time()
    for f in files:
        task(f)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--profile", help="write cProfile stats of one more pass here")
    parser.add_argument("--no-floor", action="store_true", help="skip the libraries-alone figure")
    parser.add_argument("--one", choices=("ours", "floor"), help=argparse.SUPPRESS)  # one pass, here
    args = parser.parse_args(argv)
    if args.one is None:
        return _passes(args)

    import muniflow.readers  # noqa: F401 -- the worker's warm-up
    from muniflow import stages
    from muniflow.intake.limits import default_limits

    for name in stages.WARM_MODULES:
        importlib.import_module(name)
    limits = default_limits()
    files = _files(args.paths)

    def ours(path: Path) -> object:
        try:
            return stages._process_in_worker(path, limits, None)
        except Exception as exc:  # a refused file costs what it costs, like in the worker
            return exc

    from bench.floor import read_docx, read_pdf

    def floor(path: Path) -> object:
        return read_pdf(path) if path.suffix.lower() == ".pdf" else read_docx(path)

    task = ours if args.one == "ours" else floor
    task(files[0])  # warm-up file: lazy imports and caches a worker fills on its first file
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        one_pass(files, task)
        profiler.disable()
        profiler.dump_stats(args.profile)
    else:
        print(json.dumps({"cpu_s": one_pass(files, task)}))
    return 0


def _pass(args: argparse.Namespace, which: str, profile: str | None = None) -> float:
    """One pass in a fresh process: its CPU seconds over the files (warm-up excluded)."""
    command = [sys.executable, "-m", "bench.extract_cpu", *args.paths, "--one", which]
    if profile:
        command += ["--profile", profile]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return 0.0 if profile else float(json.loads(out.strip().splitlines()[-1])["cpu_s"])


def _passes(args: argparse.Namespace) -> int:
    load_before = os.getloadavg()[0]
    passes = [_pass(args, "ours") for _ in range(args.repeat)]
    floors = [] if args.no_floor else [_pass(args, "floor") for _ in range(args.repeat)]
    if args.profile:
        _pass(args, "ours", args.profile)
    files = _files(args.paths)
    result = {
        "files": len(files),
        "cpu_s": round(statistics.median(passes), 3),
        "passes": [round(p, 3) for p in passes],
        "floor_cpu_s": round(statistics.median(floors), 3) if floors else None,
        "floor_passes": [round(p, 3) for p in floors],
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
