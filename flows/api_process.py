"""What the process of `temporary_api` runs: Prefect's API app under uvicorn, as
`python -m uvicorn --factory prefect.server.api.server:create_app ...` (Prefect's own command for
its temporary API) would, with two costs of its start taken out. The arguments are uvicorn's.

- **The app's module is imported with the cyclic garbage collector held back** (`muniflow.import_gc`):
  importing Prefect's server creates some 450 000 objects, and the collector's default threshold
  ran dozens of collections over the growing heap: 2.7-3.4 s against 2.2 s for the import and
  `create_app` (three runs each). What was imported is frozen and the defaults given back before
  the app starts.
- **`create_app()` is made once per set of arguments.** Prefect's own services call it again to
  reach the app in process (the automations' actions, its events client), and each call, though
  it returns the app Prefect has cached, first serializes every setting to a hash key and sets up
  logging again: ~0.1 s each on the server's one event loop, while the first requests of a run
  wait. Settings do not change in this process, so the app made first is the one Prefect's cache
  would return. A call with explicit `settings` or `ignore_cache` goes to Prefect as it is.

- **No type-checking import hook.** `key_value` (the store of Prefect's task queue, docket) installs
  beartype's import hook for its own package as it is imported: from then on every module the
  process imports is found through beartype's loader, and key_value's own are compiled from source
  with checks whose violations only warn. The hook is not installed here
  (`without_beartype_claw`): importing Prefect's server 2.03 → 1.91 s of CPU (5 runs each,
  alternating). The checks are key_value's own development aid; its code runs the same.

- **The routers a flow run reaches come first.** FastAPI (0.137+) builds an included router's
  routes on the first request that passes it, and Prefect lists the admin router, which a client's
  first request reaches (its version check), 30th of 31: that request built all 184 routes, 0.22 s
  of the API's one core while the run's first call waited. The routers a run uses (`RUN_ROUTERS`,
  the server's log of an `ingest`) are included first, so the rest are never built. The order
  changes no match: each router moved has a first path segment no other router's route has (else
  Prefect's order is kept).

What it serves is Prefect's app behind `flows.quick_retry` (`served_app`, the factory uvicorn is
given): a request SQLite refused with «database is locked» is run again here after a few
milliseconds, not sent again by the client 2 s later. Its database check at start is skipped
where the database is already at the head of Prefect's migrations (`flows.schema_head`), and it
stops as soon as it is told to (`flows.quick_stop`), not 0.15-0.2 s later.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import sys
from collections.abc import Callable, Sequence
from typing import Any

from muniflow import import_gc

# The prefixes of the routers a flow run of `muniflow ingest` reaches, in the order it first does
# (the client's version check, CSRF token, flow, flow run, artifacts, logs, its events' socket).
RUN_ROUTERS = ("/admin", "/csrf-token", "/flows", "/flow_runs", "/artifacts", "/logs", "/events")


def run_routers_first(routers: Sequence[Any], first: Sequence[str] = RUN_ROUTERS) -> tuple[Any, ...]:
    """`routers` (Prefect's `API_ROUTERS`) with those whose prefix is in `first` first, in that
    order, the others after them in theirs. Unchanged when the order could change what a request
    matches: a moved router's prefix is not one first path segment (`/v2/x`, ''), or a route of
    any other router begins with the same segment or a parameter."""
    moved = [router for prefix in first for router in routers if router.prefix == prefix]
    rest = [router for router in routers if all(router is not m for m in moved)]

    def first_segment(path: str) -> str:
        return path.split("/")[1] if path.startswith("/") else path

    segments = {first_segment(router.prefix) for router in moved}
    if any(router.prefix.count("/") != 1 for router in moved) or len(segments) != len(moved):
        return tuple(routers)
    for router in rest:
        for route in router.routes:
            segment = first_segment(getattr(route, "path", ""))  # a router's routes hold its prefix
            if segment in segments or segment.startswith("{"):
                return tuple(routers)
    return (*moved, *rest)


def made_once(create: Callable[..., Any]) -> Callable[..., Any]:
    """`create` (Prefect's `create_app`) returning the app it made first for the same arguments,
    unless called with explicit `settings` or `ignore_cache`."""
    signature = inspect.signature(create)
    made: dict[tuple[tuple[str, Any], ...], Any] = {}

    @functools.wraps(create)
    def create_app(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        given = bound.arguments
        if given.get("settings") is not None or given.get("ignore_cache"):
            return create(*args, **kwargs)
        key = tuple(sorted((name, value) for name, value in given.items() if name != "settings"))
        if key not in made:
            made[key] = create(*args, **kwargs)
        return made[key]

    return create_app


def served_app() -> Any:
    """What uvicorn serves (its `--factory`): Prefect's app (`create_app()`, the one its services
    reach in process) behind `QuickRetry`."""
    import prefect.server.api.server as server

    from flows.quick_retry import QuickRetry

    return QuickRetry(server.create_app())


def without_beartype_claw() -> None:
    """Make beartype's `beartype_this_package` (an import hook a package installs for itself) do
    nothing in this process; a process without beartype is left as it is."""
    try:
        import beartype.claw
    except ImportError:
        return
    beartype.claw.beartype_this_package = lambda *args, **kwargs: None


def main() -> int:
    import_gc.hold()
    without_beartype_claw()
    import prefect.server.api.server as server
    from prefect.server.database.interface import PrefectDBInterface

    from flows.quick_stop import QuickStop
    from flows.schema_head import skip_when_at_head

    command = importlib.import_module("uvicorn.main")  # the module (the package's `main` is its command)
    import_gc.release()
    server.create_app = made_once(server.create_app)  # uvicorn's `--factory` looks it up by name
    server.API_ROUTERS = run_routers_first(server.API_ROUTERS)  # read when the app is made
    PrefectDBInterface.create_db = skip_when_at_head(PrefectDBInterface.create_db)  # type: ignore[method-assign,assignment]
    command.Server = QuickStop  # type: ignore[attr-defined]  # the class the command serves with

    sys.argv[0] = "uvicorn"
    return int(command.main() or 0)


if __name__ == "__main__":
    sys.exit(main())
