"""Run a command and measure it: wall time and the peak resident memory of its process tree."""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

LIBRARIES = ("prefect", "pdfplumber", "pdfminer.six", "python-docx", "duckdb", "pandera",
             "great-expectations", "pandas", "rapidfuzz", "pymorphy3")  # fmt: skip


@dataclass(frozen=True)
class Measured:
    """One finished command: seconds, peak RSS in MiB, exit code and its output; CPU seconds (user +
    system of the command and the descendants it waited for, e.g. the temporary API, the intake
    workers), which move less than wall time with other jobs' load."""

    wall_s: float
    peak_rss_mib: float
    returncode: int
    stdout: str
    stderr: str
    cpu_s: float = 0.0

    def json_line(self) -> dict:
        """The last stdout line that parses as a JSON object (how bench helpers report)."""
        for line in reversed(self.stdout.splitlines()):
            if line.startswith("{"):
                return json.loads(line)
        raise ValueError(f"no JSON line in the output:\n{self.stdout[-2000:]}\n{self.stderr[-2000:]}")


def run_measured(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Measured:
    """Run to completion; peak RSS is the largest of the process and its waited-for descendants.

    os.wait4 gives the rusage of this one child (with the grandchildren it reaped), so earlier
    commands of the benchmark (soffice, other runs) never leak into the figure, as they would
    with getrusage(RUSAGE_CHILDREN). ru_maxrss is the peak of the largest single process, not
    the sum over processes that ran at the same time.
    """
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd) as proc:
        # communicate() would reap the child itself; read the pipes on threads and reap it here.
        out: list[bytes] = []
        err: list[bytes] = []
        readers = [threading.Thread(target=lambda: out.append(proc.stdout.read())),  # type: ignore[union-attr]
                   threading.Thread(target=lambda: err.append(proc.stderr.read()))]  # type: ignore[union-attr]  # fmt: skip
        for t in readers:
            t.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        for t in readers:
            t.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    return Measured(
        wall_s=wall,
        peak_rss_mib=usage.ru_maxrss / 1024,  # Linux reports KiB
        returncode=proc.returncode,
        stdout=b"".join(out).decode(errors="replace"),
        stderr=b"".join(err).decode(errors="replace"),
        cpu_s=usage.ru_utime + usage.ru_stime,
    )


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return 0.0


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def bytecode(names: tuple[str, ...] = ("prefect", "great_expectations", "pandera", "muniflow")) -> dict:
    """Whether the commands measured read compiled bytecode: each heavy package's `__init__` has
    its .pyc (the Makefile's install compiles them), and whether Python may write missing ones.
    Without them every command compiles Prefect, GX and the readers from source: one cold report
    took about twice as long (bench/README.md)."""
    compiled = {}
    for name in names:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec else None
        compiled[name] = bool(origin) and Path(importlib.util.cache_from_source(origin)).exists()
    return {"compiled": compiled, "dont_write_bytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))}


def machine() -> dict:
    """What the figures were measured on: cores, CPU, memory, Python and library versions, bytecode."""
    return {
        "hostname": platform.node(),
        "nproc": os.cpu_count(),
        "cpu": _cpu_model(),
        "ram_gib": _ram_gib(),
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "libraries": {name: _version(name) for name in LIBRARIES},
        "bytecode": bytecode(),
    }
