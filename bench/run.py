"""The ingestion benchmark, in one command: floor, ingest, plain stages, re-run and dedup.

    .venv/bin/python bench/run.py --docx 60 --pdf 60 --pages 6

On one generated corpus (bench/corpus/, reused when present) and in one run it measures:
- floor: pdfplumber and python-docx alone on the same files, sequential, one process;
- ingest: `muniflow ingest` as a subprocess, start-up included (a fresh Prefect result store);
- plain: the same stages without Prefect (bench/plain.py): ingest - plain = orchestration cost;
- rerun: `muniflow ingest` again on the unchanged inbox and warehouse;
- force_rerun: `muniflow ingest --force` of the same unchanged inbox and warehouse (a flow run in
  which every extraction must come from the cache), the median of 3 runs' wall and CPU against the
  first ingest;
- dedup: find_duplicates on 100 000 synthetic events (bench/bench_dedup.py).
Wall times include interpreter start-up; peak RSS is that of the largest process of each tree.
Prints a table and writes bench/results/<date>-<host>-<size>.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import Corpus, ensure_corpus  # noqa: E402
from bench.measure import Measured, machine, run_measured  # noqa: E402
from bench.server import prefect_server  # noqa: E402

RESULTS = ROOT / "bench" / "results"
FROM_CACHE = re.compile(r"files_from_cache (\d+)")
BIN = Path(sys.executable).parent
TARGETS = {"ingest_vs_floor": 1.0, "rerun_vs_first": 0.10, "dedup_100k_s": 10.0}


def _env(prefect_storage: Path) -> dict[str, str]:
    """The environment of every measured command: no telemetry, a private Prefect result store."""
    return {
        **os.environ,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(prefect_storage),
    }


def _checked(name: str, m: Measured) -> Measured:
    if m.returncode != 0:
        raise SystemExit(f"{name} failed ({m.returncode}):\n{m.stdout[-3000:]}\n{m.stderr[-3000:]}")
    return m


def _measured(name: str, command: list[str], env: dict[str, str]) -> Measured:
    return _checked(name, run_measured(command, env=env, cwd=ROOT))


def _rates(m: Measured, corpus: Corpus) -> dict[str, float]:
    """Wall time, throughput (per second, over the whole corpus) and peak memory of one command."""
    return {
        "wall_s": round(m.wall_s, 3),
        "cpu_s": round(m.cpu_s, 3),
        "files_per_s": round(len(corpus.files) / m.wall_s, 2),
        "pages_per_s": round(corpus.pages / m.wall_s, 2),
        "rows_per_s": round(corpus.rows / m.wall_s, 1),
        "peak_rss_mib": round(m.peak_rss_mib, 1),
    }


def code_version() -> str:
    """muniflow's code fingerprint (part of the extraction cache key): if it changes during the
    benchmark, someone edited the code and the re-run could not hit the cache."""
    from muniflow import codeversion

    codeversion.clear_cache()
    return codeversion.code_version()


def from_cache(m: Measured) -> int | None:
    """How many files the ingest summary says came from the cache (None if it does not say)."""
    found = FROM_CACHE.search(m.stdout)
    return int(found.group(1)) if found else None


def measure_dedup(n: int) -> dict[str, object]:
    """find_duplicates on n synthetic events of bench/bench_dedup.py, when that module offers them."""
    try:
        from bench import bench_dedup
    except ImportError as err:
        return {"skipped": f"bench/bench_dedup.py not importable: {err}"}
    make_events = getattr(bench_dedup, "make_events", None)
    if make_events is None:
        return {"skipped": "bench/bench_dedup.py exposes no make_events(n, seed)"}
    rows, _truth = make_events(n, 7)
    started = time.perf_counter()
    flags = bench_dedup.find_duplicates(rows)
    elapsed = time.perf_counter() - started
    return {"events": len(rows), "wall_s": round(elapsed, 3), "flagged": len(flags)}


def _ingest_command(corpus: Corpus, warehouse: Path, report_dir: Path) -> list[str]:
    inbox = str(corpus.inbox)
    return [
        str(BIN / "muniflow"),
        "ingest",
        inbox,
        "--warehouse",
        str(warehouse),
        "--report-dir",
        str(report_dir),
    ]


# How many times the `--force` re-run is measured (its median is reported).
FORCE_REPEAT = 3


def measure_force(
    name: str,
    first: Measured,
    command: list[str],
    corpus: Corpus,
    env: dict[str, str],
    measured: Callable[[str, list[str], dict[str, str]], Measured] | None = None,
) -> dict:
    """`ingest --force` of the unchanged inbox and warehouse of `first`, `FORCE_REPEAT` times: the
    median run's wall and CPU (a single run of a few seconds moved by a fifth between runs on this
    machine), their ratios to the first ingest, and how many files came from the cache (all of them,
    or the run is not a cached re-run: the code changed, or the result store was lost)."""
    measured = measured or (
        lambda name, command, env: _checked(name, run_measured(command, env=env, cwd=ROOT))
    )
    runs = [measured(name, [*command, "--force"], env) for _ in range(FORCE_REPEAT)]
    runs.sort(key=lambda m: m.wall_s)
    forced = runs[len(runs) // 2]
    cached = min((from_cache(m) or 0 for m in runs), default=0)
    walls = ", ".join(f"{m.wall_s:.2f}" for m in runs)
    print(f"{name} {forced.wall_s:7.2f} s (of {walls}), {forced.cpu_s:6.2f} s CPU, from cache {cached}")
    return {
        "runs_wall_s": [round(m.wall_s, 3) for m in runs],
        "wall_s": round(forced.wall_s, 3),
        "cpu_s": round(forced.cpu_s, 3),
        "first_wall_s": round(first.wall_s, 3),
        "first_cpu_s": round(first.cpu_s, 3),
        "vs_first": round(forced.wall_s / first.wall_s, 3),
        "cpu_vs_first": round(forced.cpu_s / first.cpu_s, 3) if first.cpu_s else None,
        "files_from_cache": cached,
        "all_from_cache": cached == len(corpus.files),
        "peak_rss_mib": round(forced.peak_rss_mib, 1),
    }


def measure_with_server(corpus: Corpus, tmp: Path, env: dict[str, str]) -> dict:
    """First ingest and re-run against one long-lived Prefect server (its start-up not counted)."""
    env = {**env, "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(tmp / "server-storage")}  # a cold cache
    with prefect_server(BIN / "prefect", tmp / "prefect-home", env) as api:
        env = {**env, "PREFECT_API_URL": api}
        command = _ingest_command(corpus, tmp / "server.duckdb", tmp / "server-report")
        first = _checked("ingest (server)", run_measured(command, env=env, cwd=ROOT))
        print(f"ingest (server) {first.wall_s:7.2f} s", flush=True)
        rerun = _checked("re-run (server)", run_measured(command, env=env, cwd=ROOT))
        print(f"re-run (server) {rerun.wall_s:7.2f} s", flush=True)
        force = measure_force("--force (server)", first, command, corpus, env)
    return {
        "ingest": _rates(first, corpus),
        "rerun": {
            **_rates(rerun, corpus),
            "vs_first": round(rerun.wall_s / first.wall_s, 3),
            "files_from_cache": from_cache(rerun),
        },
        "force_rerun": force,
    }


def _in_warm_runner(name: str, command: list[str], env: dict[str, str]) -> Measured:
    """`command` as measured, refused unless `muniflow server start`'s warm runner ran it; its CPU
    is the client's plus the runner's child's (not a child of the command, reported by the runner)."""
    usage = Path(tempfile.mkstemp(prefix="muniflow-warm-usage-", suffix=".json")[1])
    try:
        m = _checked(name, run_measured(command, env={**env, "MUNIFLOW_WARM_USAGE": str(usage)}, cwd=ROOT))
        record = json.loads(usage.read_text(encoding="utf-8") or "{}")
    finally:
        usage.unlink(missing_ok=True)
    if not record.get("warm"):
        raise SystemExit(f"{name}: ran without the warm runner")
    return dataclasses.replace(m, cpu_s=m.cpu_s + float(record.get("cpu_s") or 0.0))


def measure_with_warm(corpus: Corpus, tmp: Path, env: dict[str, str]) -> dict:
    """First ingest, re-run and `--force` re-run with `muniflow server start`'s server and its warm
    runner (an explicit command with an idle exit; its start-up not counted)."""
    env = {k: v for k, v in env.items() if k != "PREFECT_API_URL"}
    env = {**env, "MUNIFLOW_HOME": str(tmp / "warm-home"),
           "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(tmp / "warm-storage")}  # fmt: skip
    muniflow = str(BIN / "muniflow")
    subprocess.run([muniflow, "server", "start", "--idle-minutes", "30"], env=env, cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip
    try:
        command = _ingest_command(corpus, tmp / "warm.duckdb", tmp / "warm-report")
        first = _in_warm_runner("ingest (warm runner)", command, env)
        print(f"ingest (warm)   {first.wall_s:7.2f} s", flush=True)
        rerun = _checked(
            "re-run (warm)", run_measured(command, env=env, cwd=ROOT)
        )  # nothing new: no hand-off
        force = measure_force("--force (warm)", first, command, corpus, env, _in_warm_runner)
    finally:
        subprocess.run([muniflow, "server", "stop"], env=env, cwd=ROOT, check=False, capture_output=True)
    return {
        "ingest": {**_rates(first, corpus), "cpu_s": round(first.cpu_s, 3)},
        "rerun": {**_rates(rerun, corpus), "vs_first": round(rerun.wall_s / first.wall_s, 3)},
        "force_rerun": force,
    }


def run(
    docx: int,
    pdf: int,
    pages: int,
    seed: int,
    dedup_events: int,
    keep: bool,
    with_server: bool = False,
    real: bool = False,
    with_warm: bool = False,
) -> dict:
    """Every measurement of the benchmark, as one JSON-ready record."""
    corpus = ensure_corpus(docx, pdf, pages, seed, real=real)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    tmp = RESULTS / "tmp" / stamp
    tmp.mkdir(parents=True, exist_ok=True)
    env = _env(tmp / "prefect-storage")
    python = str(BIN / "python")
    files = [str(p) for p in corpus.paths()]
    print(
        f"corpus {corpus.inbox}: {len(files)} files, {corpus.pages} PDF pages, {corpus.rows} rows", flush=True
    )

    version_before, load_before = code_version(), os.getloadavg()
    floor = _checked("floor", run_measured([python, "-m", "bench.floor", *files], env=env, cwd=ROOT))
    print(f"floor   {floor.wall_s:7.2f} s", flush=True)
    ingest_cmd = _ingest_command(corpus, tmp / "ingest.duckdb", tmp / "report")
    first = _checked("ingest", run_measured(ingest_cmd, env=env, cwd=ROOT))
    print(f"ingest  {first.wall_s:7.2f} s", flush=True)
    rerun = _checked("re-run", run_measured(ingest_cmd, env=env, cwd=ROOT))
    print(f"re-run  {rerun.wall_s:7.2f} s", flush=True)
    force = measure_force("--force", first, ingest_cmd, corpus, env)
    plain_cmd = [python, "-m", "bench.plain", str(corpus.inbox), "--warehouse", str(tmp / "plain.duckdb")]
    plain = _checked("plain", run_measured(plain_cmd, env=env, cwd=ROOT))
    print(f"plain   {plain.wall_s:7.2f} s", flush=True)
    server = measure_with_server(corpus, tmp, env) if with_server else None
    warm = measure_with_warm(corpus, tmp, env) if with_warm else None
    version_after = code_version()
    dedup = measure_dedup(dedup_events)
    print(f"dedup   {dedup}", flush=True)
    if not keep:
        shutil.rmtree(tmp, ignore_errors=True)

    ratio = first.wall_s / floor.wall_s
    rerun_ratio = rerun.wall_s / first.wall_s
    return {
        "when": stamp,
        "command": f"{BIN / 'python'} bench/run.py --docx {docx} --pdf {pdf} --pages {pages} --seed {seed}"
        + (" --real" if real else ""),
        "machine": machine(),
        "corpus": {
            **corpus.params,
            "files": len(corpus.files),
            "pdf_pages": corpus.pages,
            "rows": corpus.rows,
            "inbox": str(corpus.inbox.relative_to(ROOT)),
        },
        "floor": {**_rates(floor, corpus), "in_loop": floor.json_line()},
        "ingest": _rates(first, corpus),
        "plain": {**_rates(plain, corpus), "stages_s": plain.json_line()},
        "rerun": {
            **_rates(rerun, corpus),
            "vs_first": round(rerun_ratio, 3),
            "files_from_cache": from_cache(rerun),
            "code_changed_during_run": version_before != version_after,
        },
        "force_rerun": {
            "no_server": force,
            **({"server": server["force_rerun"]} if server else {}),
            **({"warm": warm["force_rerun"]} if warm else {}),
            "target_vs_first": TARGETS["rerun_vs_first"],
        },
        "load_average": {"before": load_before, "after": os.getloadavg()},
        "orchestration_overhead_s": round(first.wall_s - plain.wall_s, 3),
        "ingest_vs_floor": round(ratio, 3),
        "dedup": dedup,
        "with_server": server,
        "with_warm": warm,
        "targets": {
            "ingest_vs_floor <= 1.0": ratio <= TARGETS["ingest_vs_floor"],
            "rerun_vs_first <= 0.10": rerun_ratio <= TARGETS["rerun_vs_first"],
            "force_rerun_vs_first <= 0.10 (no server)": force["vs_first"] <= TARGETS["rerun_vs_first"]
            and force["all_from_cache"],
            **(
                {
                    "force_rerun_vs_first <= 0.10 (server)": server["force_rerun"]["vs_first"]
                    <= TARGETS["rerun_vs_first"]
                    and server["force_rerun"]["all_from_cache"]
                }
                if server
                else {}
            ),
            "dedup_100k < 10 s": isinstance(dedup.get("wall_s"), float)
            and dedup["wall_s"] < TARGETS["dedup_100k_s"]  # type: ignore[operator]
            and dedup.get("events") == 100_000,
        },
    }


def table(result: dict) -> str:
    """The figures as a plain-text table (also what the README shows)."""
    lines = [f"{'':10} {'wall s':>8} {'files/s':>8} {'pages/s':>8} {'rows/s':>8} {'peak MiB':>9}"]
    for name in ("floor", "ingest", "plain", "rerun"):
        r = result[name]
        lines.append(f"{name:10} {r['wall_s']:8.2f} {r['files_per_s']:8.2f} {r['pages_per_s']:8.1f} "
                     f"{r['rows_per_s']:8.0f} {r['peak_rss_mib']:9.0f}")  # fmt: skip
    lines += [
        f"ingest / floor: {result['ingest_vs_floor']:.2f}x (target <= 1.0)",
        f"re-run / first: {result['rerun']['vs_first']:.1%} (target <= 10%), files from cache "
        f"{result['rerun']['files_from_cache']}, code changed during the run: "
        f"{result['rerun']['code_changed_during_run']}",
        *(
            f"--force re-run ({where}): {f['wall_s']:.2f} s / {f['first_wall_s']:.2f} s = "
            f"{f['vs_first']:.1%} wall, {f['cpu_s']:.2f} / {f['first_cpu_s']:.2f} s = "
            f"{f['cpu_vs_first']:.1%} CPU (target <= 10%), "
            f"files from cache {f['files_from_cache']} of {result['corpus']['files']}"
            for where, f in result.get("force_rerun", {}).items()
            if isinstance(f, dict)
        ),
        f"load average before/after: {result['load_average']['before']} / {result['load_average']['after']}",
        f"orchestration overhead (ingest - plain): {result['orchestration_overhead_s']:.2f} s",
        f"plain stages (s): {result['plain']['stages_s']}",
        f"dedup: {result['dedup']} (target < 10 s for 100 000)",
        f"targets met: {result['targets']}",
    ]
    if result.get("with_server"):
        srv = result["with_server"]
        lines.append(
            f"with a long-lived Prefect server: ingest {srv['ingest']['wall_s']:.2f} s "
            f"({srv['ingest']['wall_s'] / result['floor']['wall_s']:.2f}x floor), "
            f"re-run {srv['rerun']['wall_s']:.2f} s ({srv['rerun']['vs_first']:.1%} of first)"
        )
    if result.get("with_warm"):
        warm = result["with_warm"]
        lines.append(
            f"with `muniflow server start`'s warm runner: ingest {warm['ingest']['wall_s']:.2f} s "
            f"({warm['ingest']['wall_s'] / result['floor']['wall_s']:.2f}x floor), --force re-run "
            f"{warm['force_rerun']['wall_s']:.2f} s ({warm['force_rerun']['vs_first']:.1%} of first)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="muniflow ingestion benchmark (see bench/run.py's docstring)"
    )
    parser.add_argument("--docx", type=int, default=60, help="DOCX reports (default 60)")
    parser.add_argument("--pdf", type=int, default=60, help="PDF reports (default 60)")
    parser.add_argument(
        "--pages", type=int, default=6, help="about how many pages a report prints to (default 6)"
    )
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--dedup-events", type=int, default=100_000, help="synthetic events for dedup")
    parser.add_argument(
        "--with-server",
        action="store_true",
        help="also ingest against one long-lived Prefect server on loopback (start-up amortized)",
    )
    parser.add_argument(
        "--with-warm",
        action="store_true",
        help="also ingest through `muniflow server start`'s warm runner (start-up amortized)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the warehouses under bench/results/tmp/")
    parser.add_argument(
        "--real",
        action="store_true",
        help="reports shaped like real ones (10-45 rows, 2-15 pages) instead of the dense 40-60 rows",
    )
    args = parser.parse_args(argv)
    result = run(
        args.docx,
        args.pdf,
        args.pages,
        args.seed,
        args.dedup_events,
        args.keep,
        args.with_server,
        args.real,
        args.with_warm,
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    # runs of other sizes and shapes, and later runs of the same day (by their hour), don't clobber it
    size = ("real-" if args.real else "") + "d{docx}-p{pdf}-pg{pages}".format(**result["corpus"])
    when = result["when"]  # 20261206T121730
    out = RESULTS / f"{when[:8]}-{result['machine']['hostname']}-{size}-{when[9:13]}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(table(result))
    print(f"written: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
