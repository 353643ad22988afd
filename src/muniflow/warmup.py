"""Start the slow parts of an ingestion early, in the background, so they overlap.

A cold `muniflow ingest` of one report spends most of its time starting things: importing Prefect
(~2 s), starting the sandboxed intake worker, which imports the readers in a process of its own
(~2 s), and importing Great Expectations for the checkpoint (~3 s). `start()` begins the worker
(its imports run in a process of their own, on the other core) right away, before Prefect is
imported; the GX import (`quality.gx_import.warm_up`) starts once Prefect is imported, while
the main thread only waits for the temporary API (`ingest_command.run`), or else from the flow: a
thread importing GX while the main thread imports Prefect would only take turns with it (one
interpreter lock). `preload()` then imports, in the main thread and while the API still does not
answer, the modules the flow run imports on its way (Prefect's engines, pandera, babel, ...; about
0.5 s of CPU): side by side on one cold report, 6 of 6 runs were faster with it, by 0.9 s on
average. Each is used where it would have been started anyway.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import threading
from collections.abc import Callable

_started = False
_lock = threading.Lock()

# Modules a flow run imports on its way (listed from `sys.modules` of a warm runner's child after
# an ingest, minus Prefect, the flow, GX and the CLI, which a cold ingest has imported by then);
# none reads data or starts a thread at import. A name missing in some version is skipped.
# The first of them (Prefect's engines) are all a flow run reading every file from the cache
# imports (`ingest --force` of an unchanged inbox): `FLOW_MODULES`.
FLOW_MODULES = (
    "prefect.engine", "prefect.flow_engine", "prefect.task_engine", "prefect.concurrency.context",
    "prefect.concurrency.v1.context", "prefect.concurrency.services", "prefect.telemetry.run_telemetry",
    "prefect.utilities.visualization", "prefect._internal.retries", "prefect._internal.states",
    "prefect._internal.control_listener", "prefect._internal.attempt_control", "prefect._internal.metrics",
    "fastapi",
)  # fmt: skip
RUN_MODULES = (
    *FLOW_MODULES, "pandera.pandas", "pandas.io.formats.csvs", "pandas.core.methods.to_dict",
    "multiprocessing.popen_spawn_posix", "multiprocessing.synchronize", "multiprocessing.resource_tracker",
    "babel.dates", "babel.numbers", "pycountry", "pymorphy3_dicts_ru", "rich._emoji_codes", "pydantic.color",
    "flows.temporary_api", "muniflow.warmup", "muniflow.warm.client", "muniflow.rules.row_rules",
    "muniflow.rules.duplicates", "muniflow.warehouse.enrichment", "muniflow.warehouse.review",
    "muniflow.warehouse.rereading", "muniflow.warehouse.countries", "muniflow.review.decisions",
    "muniflow.quality.checkpoint", "muniflow.quality_report",
)  # fmt: skip


_threads: dict[str, threading.Thread] = {}


def in_background(name: str, work: Callable[[], object]) -> threading.Thread:
    """Run `work` once per process, in a daemon thread named `name`; returns that thread (the one
    already started, if any). A failure is left to the stage that needs the work: it does the work
    again and reports the failure there."""

    def quietly() -> None:
        with contextlib.suppress(Exception):
            work()

    with _lock:
        thread = _threads.get(name)
        if thread is None:
            thread = _threads[name] = threading.Thread(target=quietly, name=name, daemon=True)
            thread.start()
        return thread


def _worker() -> None:
    """One sandboxed intake worker of the pool `stages.process_file` uses, started and kept idle."""
    try:
        from muniflow import intake, stages
        from muniflow.intake.limits import default_limits

        pool = intake._shared_pool(default_limits(), stages._process_in_worker)
        pool._release(pool._acquire())
    except Exception:  # the extraction starts its own worker and reports any failure there
        return


def start() -> None:
    """Begin starting one intake worker in the background; once per process."""
    global _started
    with _lock:
        if _started or os.environ.get("MUNIFLOW_NO_WARMUP"):
            return
        _started = True
    threading.Thread(target=_worker, name="muniflow-warm-worker", daemon=True).start()


def preload(until: Callable[[], bool] = lambda: False, modules: tuple[str, ...] | None = None) -> list[str]:
    """Import `modules` (default `RUN_MODULES`) in this thread, stopping early once `until()` is
    true; returns the names it went through. A cold `ingest` calls it while it only waits for the
    temporary API (checked before each module), so the flow does not import them after it answers."""
    imported = []
    for name in RUN_MODULES if modules is None else modules:
        if until():
            break
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
            imported.append(name)
    return imported
