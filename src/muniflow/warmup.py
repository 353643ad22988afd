"""Start the slow parts of an ingestion early, in the background, so they overlap.

A cold `muniflow ingest` of one report spends most of its time starting things: importing Prefect
(~2 s), starting the sandboxed intake worker, which imports the readers in a process of its own
(~2 s), and importing Great Expectations for the checkpoint (~3 s). `start()` begins the worker
(its imports run in a process of their own, on the other core) right away, before Prefect is
imported; the GX import (`quality.gx_import.warm_up`) starts once Prefect is imported, while
the main thread only waits for the temporary API (`cli.cmd_ingest`), or else from the flow: a
thread importing GX while the main thread imports Prefect would only take turns with it (one
interpreter lock). Each is used where it would have been started anyway.
"""

from __future__ import annotations

import os
import threading

_started = False
_lock = threading.Lock()


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
