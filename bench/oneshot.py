"""What a user waits for: one report, cold `muniflow ingest` as the shell sees it, with no Prefect
server, with `muniflow server start`'s server and its warm runner off, and with the warm runner
(`muniflow.warm`); and a `--force` re-run of an unchanged inbox in each.

    .venv/bin/python -m bench.oneshot                  # 1 report; re-run inbox of 6 reports
    .venv/bin/python -m bench.oneshot --inbox 12 --repeat 3
    .venv/bin/python -m bench.oneshot --no-server-only --repeat 5   # no Prefect server running at all

Reports are real-sized (bench/reports.py, 10-45 rows, both templates, DOCX). Each measured
command is a fresh process (imports included) with a cold Prefect result store and a new
warehouse; the checkpoint and the report run on every ingest. The variants alternate within one
run (no server, server, warm, no server, ...) so machine load hits all alike; medians are printed.
The server's own start-up is reported apart (it is paid once, not per ingest). "Server" and "warm"
use the same server (started with its warm runner): "server" sets MUNIFLOW_WARM=0 on the command,
which then runs exactly as with `muniflow server start --no-warm`.

CPU is user + system time of the command and the children it waited for; with the warm runner the
work happens in the runner's forked child, which is not the command's child, so its CPU time
(reported back to the command by the runner from `wait4`: the child's and its intake workers') is
added and also printed apart (`*_child_cpu_s`). A warm measurement that did not run in the runner
fails the benchmark.
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
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.measure import bytecode  # noqa: E402 (the repo's root is on sys.path just above)

BIN = Path(sys.executable).parent
REAL_ROWS = (10, 45)


def make_inbox(folder: Path, count: int, seed: int) -> Path:
    """`count` real-sized DOCX reports (both templates) in `folder`."""
    from bench.reports import plan_reports, write_docx

    folder.mkdir(parents=True, exist_ok=True)
    for spec in plan_reports(count, 4, seed, rows=REAL_ROWS):
        write_docx(spec, folder / f"{spec.stem}.docx")
    return folder


def timed(command: list[str], env: dict[str, str], warm: bool = False) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system of the command and the children it waited for:
    the temporary API server, the intake workers; which move less with other jobs' load) and, with
    `warm`, the CPU seconds of the warm runner's child that ran it (included in the second)."""
    usage = Path(tempfile.mkstemp(prefix="muniflow-warm-usage-", suffix=".json")[1])
    env = {**env, "MUNIFLOW_WARM_USAGE": str(usage)}
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    record = json.loads(usage.read_text(encoding="utf-8") or "{}")
    usage.unlink()
    if bool(record.get("warm")) != warm:
        raise SystemExit(
            f"{' '.join(command)}: ran {'in' if record.get('warm') else 'without'} the warm runner"
        )
    child = float(record.get("cpu_s") or 0.0)
    return wall, cpu + child, child


def ingest(inbox: Path, tmp: Path, env: dict[str, str], *extra: str) -> list[str]:
    return [str(BIN / "muniflow"), "ingest", str(inbox), "--warehouse", str(tmp / "w.duckdb"),
            "--report-dir", str(tmp / "report"), *extra]  # fmt: skip


def run(inbox_size: int, repeat: int, seed: int, no_server_only: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="muniflow-oneshot-") as name:
        tmp = Path(name)
        one = make_inbox(tmp / "one", 1, seed)
        many = make_inbox(tmp / "many", inbox_size, seed + 1)
        base = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
        base.pop("PREFECT_API_URL", None)
        no_server = {**base, "MUNIFLOW_HOME": str(tmp / "nohome")}
        warm = {**base, "MUNIFLOW_HOME": str(tmp / "home")}
        with_server = {**warm, "MUNIFLOW_WARM": "0"}  # as with `server start --no-warm`
        started = time.perf_counter()
        if not no_server_only:  # (else no Prefect server runs on the machine while measuring)
            subprocess.run([str(BIN / "muniflow"), "server", "start", "--idle-minutes", "30"],
                           env=warm, check=True, capture_output=True)  # fmt: skip
        server_start = time.perf_counter() - started  # (its CPU is the server's, not counted)
        variants = (("one_no_server", no_server), ("one_server", with_server), ("one_warm", warm))
        variants = variants[:1] if no_server_only else variants
        times: dict[str, list[float]] = {f"{label}_s": [] for label, _ in variants}
        cpu: dict[str, list[float]] = {f"{label}_cpu_s": [] for label, _ in variants}
        cpu["one_warm_child_cpu_s"] = []
        if no_server_only:
            del cpu["one_warm_child_cpu_s"]
        rerun: dict[str, dict[str, float]] = {}
        try:
            for k in range(repeat):
                for label, env in variants:
                    work = tmp / f"{label}-{k}"
                    env = {**env, "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(work / "results")}
                    wall, spent, child = timed(ingest(one, work, env), env, warm=label == "one_warm")
                    times[f"{label}_s"].append(wall)
                    cpu[f"{label}_cpu_s"].append(spent)
                    if label == "one_warm":
                        cpu["one_warm_child_cpu_s"].append(child)
            reruns = (("no_server", no_server), ("server", with_server), ("warm", warm))
            for label, env in reruns[:1] if no_server_only else reruns:
                work = tmp / f"rerun-{label}"
                env = {**env, "PREFECT_RESULTS_LOCAL_STORAGE_PATH": str(work / "results")}
                first, first_cpu, first_child = timed(ingest(many, work, env), env, warm=label == "warm")
                again, again_cpu, again_child = timed(
                    ingest(many, work, env, "--force"), env, warm=label == "warm"
                )
                rerun[label] = {"first_s": round(first, 2), "force_s": round(again, 2),
                                "ratio": round(again / first, 3),
                                "first_cpu_s": round(first_cpu, 2), "force_cpu_s": round(again_cpu, 2),
                                "cpu_ratio": round(again_cpu / first_cpu, 3)}  # fmt: skip
                if label == "warm":
                    rerun[label] |= {"first_child_cpu_s": round(first_child, 2),
                                     "force_child_cpu_s": round(again_child, 2)}  # fmt: skip
        finally:
            subprocess.run([str(BIN / "muniflow"), "server", "stop"], env=with_server, check=False)
        return {
            "server_start_s": round(server_start, 2),
            **{k: round(statistics.median(v), 2) for k, v in {**times, **cpu}.items()},
            "samples": {k: [round(x, 2) for x in v] for k, v in {**times, **cpu}.items()},
            "rerun_inbox_files": inbox_size,
            "force_rerun": rerun,
            "load_average_end": os.getloadavg(),
            "bytecode": bytecode(),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--inbox", type=int, default=6, help="reports in the re-run inbox (default 6)")
    parser.add_argument("--repeat", type=int, default=2, help="cold one-report ingests per variant")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument(
        "--no-server-only",
        action="store_true",
        help="only the no-server variants, with no Prefect server running on the machine meanwhile",
    )
    args = parser.parse_args(argv)
    print(f"load average at start: {os.getloadavg()}", flush=True)
    print(json.dumps(run(args.inbox, args.repeat, args.seed, args.no_server_only), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
