"""The ingestion stages without Prefect (`muniflow.plain.ingest_plain`), as a command.

    .venv/bin/python -m bench.plain --warehouse FILE PATH...

The same work `muniflow ingest` does (process every file in the sandboxed workers, load, dedup,
quality report) minus the orchestration, so `ingest time - plain time` is what Prefect costs.
Prints one JSON line with the seconds spent waiting on each stage and the counts.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path


def ingest_plain(paths: list[str], warehouse: str, quality: bool = True) -> dict[str, float | int]:
    """Ingest like the flow does, without Prefect; returns seconds per stage and the counts."""
    started = time.perf_counter()
    from muniflow.plain import ingest_plain as run

    imported = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as out:
        summary = run(paths, warehouse, report_dir=Path(out) if quality else None)
    return {
        "import": round(imported, 3),
        **summary["seconds"],
        "files": len(summary["statuses"]),
        "rows": int(summary.get("rows_extracted") or 0),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--no-quality", action="store_true", help="skip the Great Expectations report")
    args = parser.parse_args(argv)
    print(json.dumps(ingest_plain(args.paths, args.warehouse, quality=not args.no_quality)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
