"""Every file's outcome of `stages.process_input`, as JSON, to prove a speed-up changed no outcome.

    PYTHONPATH=src:. .venv/bin/python -m bench.outcomes_digest --out FILE PATH...
    PYTHONPATH=src:. .venv/bin/python -m bench.outcomes_digest --compare BEFORE.json AFTER.json

Each file found under the PATHs (folders walked recursively, every file whatever its kind: one
the readers refuse is an outcome too) is processed as `muniflow ingest` processes it (sandboxed
workers, the period from the title) and its whole outcome written out: the report (region,
period, pages, every row's every field, the municipalities without events, how it was read), the
flags, the reason and message, the enrichment. The file keeps, per input, the full outcome and
the sha256 of its canonical JSON; `--compare` says how many outcomes were compared and prints
the first differences.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import hashlib
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import Any


def plain(value: Any) -> Any:
    """A JSON-ready copy of an outcome: dataclasses as dicts (every field, `compare=False` ones too),
    tuples as lists, dates as ISO text; anything else unknown is refused so nothing is compared by
    an address."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"__type__": type(value).__name__, **fields}
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted((plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot digest a {type(value).__name__}")


def files_of(paths: list[str]) -> list[Path]:
    """Every file under the paths (sorted), hidden files included: nothing is chosen by name."""
    found: list[Path] = []
    for p in map(Path, paths):
        found.extend(sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p])
    return found


def digest(paths: list[str], workers: int) -> dict[str, dict[str, Any]]:
    """{file: {"sha256": of its outcome's canonical JSON, "outcome": the outcome}}."""
    from muniflow import stages
    from muniflow.intake.expand import Input

    files = files_of(paths)

    def one(path: Path) -> tuple[str, dict[str, Any]]:
        outcome = plain(stages.process_input(Input(path, str(path))))
        text = json.dumps(outcome, sort_keys=True, ensure_ascii=False)
        return str(path), {"sha256": hashlib.sha256(text.encode()).hexdigest(), "outcome": outcome}

    with ThreadPoolExecutor(workers) as pool:
        return dict(pool.map(one, files))


def compare(before: dict[str, Any], after: dict[str, Any], show: int = 5) -> int:
    """Print how many outcomes were compared and the differences; returns the number that differ."""
    common = sorted(before.keys() & after.keys())
    differ = [f for f in common if before[f]["sha256"] != after[f]["sha256"]]
    only = sorted(before.keys() ^ after.keys())
    reasons: dict[str, int] = {}
    for f in common:
        key = before[f]["outcome"]["reason"] or "loadable"
        reasons[key] = reasons.get(key, 0) + 1
    rows = sum(len((before[f]["outcome"]["report"] or {}).get("rows") or []) for f in common)
    flags = sum(len(before[f]["outcome"]["flags"]) for f in common)
    print(f"compared {len(common)} outcomes ({rows} rows, {flags} flags; {reasons}): {len(differ)} differ")
    for f in only:
        print(f"  only in {'before' if f in before else 'after'}: {f}")
    for f in differ[:show]:
        a, b = before[f]["outcome"], after[f]["outcome"]
        print(f"  {f}:")
        for line in _diff(a, b, "")[:10]:
            print(f"    {line}")
    return len(differ) + len(only)


def _diff(a: Any, b: Any, at: str) -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(a.keys() | b.keys()) for d in _diff(a.get(k), b.get(k), f"{at}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in _diff(x, y, f"{at}[{i}]")]
    return [] if a == b else [f"{at}: {str(a)[:150]!r} -> {str(b)[:150]!r}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--out", help="write the outcomes here (JSON)")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(Path(p).read_text()) for p in args.compare)
        return 1 if compare(before, after) else 0
    if not args.out or not args.paths:
        parser.error("give --out FILE and PATH..., or --compare BEFORE AFTER")
    outcomes = digest(args.paths, args.workers)
    Path(args.out).write_text(json.dumps(outcomes, sort_keys=True, ensure_ascii=False))
    print(f"{len(outcomes)} outcomes -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
