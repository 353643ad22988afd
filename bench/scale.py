"""Per-run cost as the warehouse grows: load, dedup and quality check + report of one new report
with 100, 1,000 and 10,000 reports already in the warehouse.

    .venv/bin/python -m bench.scale                    # 100, 1000, 10000
    .venv/bin/python -m bench.scale --repeat 7         # medians of 7
    .venv/bin/python -m bench.scale --sizes 100 1000   # smaller

Two real-sized reports (one per template, bench/reports.py) are read once by muniflow; the
warehouse is then filled by copying their stored rows, flags, sections and enrichment under new
report ids, each in its own (region, quarter) slot (85 regions x 4 quarters x 30 years holds
10,200), so 10,000 reports take seconds rather than 10,000 parses. At each size `--repeat` fresh
reports (new slots) are loaded through `stages.load_file`, then the duplicate rule over their
quarter and the quality report of that quarter (`write_quality_report`, as `ingest` writes it)
run; the median of each is printed, as wall time and as the process's CPU time (which moves less
with other jobs' load on a shared machine). The GX context is warmed once first (per process).
Each size has its own warehouse, filled and checkpointed first (stored as a warehouse is between
runs); each fresh report then goes into every warehouse in turn (alternating the order), so a
change in the machine's load between sizes does not read as growth.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REGIONS = 85
# The fill's quarters (1900-1929) never meet the fresh reports' (bench/reports.py: 2015-2029), so
# each size measures a fresh report's quarter alone: what grows is the warehouse, not the quarter.
FIRST_YEAR = 1900
# tables copied per report (columns by name; report_files and reports get their own keys)
# wall time, then CPU time of the process (all its threads): on a shared machine the CPU time
# moves less with the other jobs' load than the wall time does
KEYS = ("load_ms", "dedup_ms", "quality_ms", "load_cpu_ms", "dedup_cpu_ms", "quality_cpu_ms")
COPIED = ("rows", "flags", "event_enrichment", "event_partners", "agreement_events")


def slot(i: int) -> tuple[str, str]:
    """The (region, period label) of the i-th report: distinct for i < 10,200."""
    region, rest = i % REGIONS, i // REGIONS
    return f"Область № {region + 1}", f"{FIRST_YEAR + rest // 4}Q{rest % 4 + 1}"


def seed_outcomes(tmp: Path):  # type: ignore[no-untyped-def]
    """A maker of fresh reports (both templates alternate), each read by muniflow."""
    from bench.reports import plan_reports, write_docx
    from muniflow import stages
    from muniflow.file_outcome import FileOutcome
    from muniflow.intake import sha256_file

    specs = plan_reports(40, 4, seed=99)
    made = iter(specs)

    def fresh() -> FileOutcome:
        spec = next(made)
        path = write_docx(spec, tmp / f"{spec.stem}.docx")
        return stages.process_file(path, None, sha256_file(path))

    return fresh


def grow(con, sources: list[str], start: int, stop: int, run_id: str) -> None:  # type: ignore[no-untyped-def]
    """Copy the `sources` reports to reports start..stop-1 (each in its own slot), as run `run_id`."""
    count = stop - start
    if count <= 0:
        return
    ids = [f"{i:016x}" for i in range(start + 1, stop + 1)]
    src = [sources[i % len(sources)] for i in range(start, stop)]
    regions, periods = zip(*(slot(i) for i in range(start, stop)), strict=True)
    found = con.execute("select coalesce(max(version), 0) from core.report_sections").fetchone()
    versions = [int(found[0]) + k + 1 for k in range(count)]
    con.execute("begin")
    con.execute(
        "create or replace temp table m as select unnest(?) as src_id, unnest(?) as new_id,"
        " unnest(?) as m_region, unnest(?) as m_period, unnest(?) as m_version, ? as m_run",
        [src, ids, list(regions), list(periods), versions, run_id],
    )
    con.execute(
        "insert into core.reports by name select * exclude (report_id, sha256, region, period, source_file,"
        " run_id, src_id, new_id, m_region, m_period, m_version, m_run),"
        " new_id as report_id, m_run as run_id,"
        " new_id || repeat('0', 48) as sha256, m_region as region, m_period as period,"
        " 'scale/' || new_id || '.docx' as source_file from core.reports join m on report_id = src_id"
    )
    # by name: the tables gain columns with migrations (a file's location, a section's key)
    con.execute(
        "insert into core.report_files by name select * exclude (source_file, report_id, first_run_id,"
        " src_id, new_id, m_region, m_period, m_version, m_run),"
        " 'scale/' || new_id || '.docx' as source_file, new_id as report_id, m_run as first_run_id"
        " from core.report_files join m on report_id = src_id"
    )
    con.execute(
        "insert into core.report_sections by name select * exclude (report_id, version, src_id, new_id,"
        " m_region, m_period, m_version, m_run), new_id as report_id, m_version as version"
        " from core.report_sections join m on report_id = src_id"
    )
    for table in COPIED:
        exclude = "report_id, src_id, new_id, m_region, m_period, m_version, m_run" + (
            ", flag_id" if table == "flags" else ""
        )
        con.execute(
            f"insert into core.{table} by name select * exclude ({exclude}), new_id as report_id"
            f" from core.{table} join m on report_id = src_id"
        )
    con.execute("commit")
    # as a warehouse is between runs (every connection's close checkpoints it): stored, compressed;
    # without it a small fill stays in the write-ahead log and reads faster than any real warehouse
    con.execute("checkpoint")


def measure(sizes: list[int], repeat: int) -> list[dict[str, float]]:
    from muniflow import period_checks, stages
    from muniflow.quality_report import write_quality_report
    from muniflow.warehouse import db, loader

    sizes = sorted(set(sizes))
    with tempfile.TemporaryDirectory() as name, contextlib.ExitStack() as stack:
        tmp = Path(name)
        fresh = seed_outcomes(tmp)
        seeds = [fresh(), fresh()]
        cons, filled = {}, {}
        for size in sizes:  # one warehouse per size, filled from the same two reports
            con = stack.enter_context(db.connect(tmp / f"scale-{size}.duckdb"))
            run_id = loader.start_run(con)
            sources = [stages.load_file(con, run_id, seed).report_id for seed in seeds]
            started = time.perf_counter()
            grow(con, sources, 2, size, loader.start_run(con))
            filled[size] = time.perf_counter() - started
            cons[size] = con
        write_quality_report(cons[sizes[0]], "latest", tmp / "warm", {"none"}, data_docs=False)  # GX
        timings: dict[int, dict[str, list[float]]] = {size: {k: [] for k in KEYS} for size in sizes}
        for i in range(repeat):
            outcome = fresh()  # the same fresh report into every warehouse, the sizes in turn
            assert outcome.report is not None and outcome.report.period is not None
            period = {outcome.report.period.label}
            for size in sizes if i % 2 == 0 else reversed(sizes):
                con = cons[size]
                run_id = loader.start_run(con)
                t0, c0 = time.perf_counter(), time.process_time()
                stages.load_file(con, run_id, outcome)
                t1, c1 = time.perf_counter(), time.process_time()
                period_checks.dedupe_periods(con, run_id, period)
                t2, c2 = time.perf_counter(), time.process_time()
                write_quality_report(con, run_id, tmp / f"{size}-{run_id}", period, data_docs=False)
                t3, c3 = time.perf_counter(), time.process_time()
                spans = ((t0, t1), (t1, t2), (t2, t3), (c0, c1), (c1, c2), (c2, c3))
                for key, (a, b) in zip(KEYS, spans, strict=True):
                    timings[size][key].append((b - a) * 1000)
        out: list[dict[str, float]] = []
        for size in sizes:
            rows = cons[size].execute("select count(*) from core.rows").fetchone()
            out.append(
                {
                    "reports": size,
                    "rows": int(rows[0]) if rows else 0,
                    "fill_s": round(filled[size], 1),
                    **{k: round(statistics.median(v), 1) for k, v in timings[size].items()},
                }
            )
            print(json.dumps(out[-1]), flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="fresh reports measured per size (median)")
    args = parser.parse_args(argv)
    rows = measure(args.sizes, args.repeat)
    first, last = rows[0], rows[-1]
    for key in KEYS:
        print(f"{key}: {first[key]} -> {last[key]} ({last[key] / max(first[key], 1e-9):.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
