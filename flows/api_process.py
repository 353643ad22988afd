"""What the process of `temporary_api` runs: Prefect's API app under uvicorn, as
`python -m uvicorn --factory prefect.server.api.server:create_app ...` (Prefect's own command for
its temporary API) would, with two costs of its start taken out. The arguments are uvicorn's.

- **The app's module is imported with the cyclic garbage collector held back.** Importing
  Prefect's server creates some 450 000 objects, and the collector's default threshold (700
  allocations) ran dozens of collections over the growing heap: 2.7-3.4 s against 2.2 s for the
  import and `create_app` (three runs each). The imported objects are then frozen (`gc.freeze`:
  long-lived, not walked again) and the collector given its defaults back before the app starts.
- **`create_app()` is made once per set of arguments.** Prefect's own services call it again to
  reach the app in process (the automations' actions, its events client), and each call, though
  it returns the app Prefect has cached, first serializes every setting to a hash key and sets up
  logging again: ~0.1 s each on the server's one event loop, while the first requests of a run
  wait. Settings do not change in this process, so the app made first is the one Prefect's cache
  would return. A call with explicit `settings` or `ignore_cache` goes to Prefect as it is.

And it stops as soon as it is told to (`QuickStop`): uvicorn notices its exit signal on a tick
every 100 ms and then always waits 100 ms more for connections to close, ~0.18 s of the ~0.2 s
the command waited at its end for the API to stop (measured), while its only client had already
closed or finished with every connection.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import importlib
import inspect
import logging
import sys
from collections.abc import Callable
from typing import Any

import uvicorn.server

# The collector's thresholds while the app's module is imported (generation 0 collected after
# this many allocations rather than 700; the older generations as often relative to it).
IMPORT_THRESHOLDS = (100_000, 50, 1000)


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


# How often the server looks at its exit flag (uvicorn's own loop: every 100 ms, and so does its
# once-a-second housekeeping `on_tick` here), and how long connections still open at shutdown are
# given before it waits on each (uvicorn: 100 ms, whether any is left or not).
EXIT_POLL_S = 0.01
TICK_POLLS = 10
CLOSE_GRACE_S = 0.1


class QuickStop(uvicorn.server.Server):
    """uvicorn's server ending as soon as it is told to: its exit flag is seen within 10 ms, and
    its shutdown's grace for open connections ends when none is left (at most uvicorn's 100 ms;
    a connection still answering is then waited on as uvicorn waits on it, and the lifespan's
    shutdown, where Prefect's services record what they still hold, runs as it did)."""

    async def main_loop(self) -> None:
        counter = 0
        should_exit = await self.on_tick(counter)
        while not should_exit:
            counter = (counter + 1) % 864000
            for _ in range(TICK_POLLS):
                await asyncio.sleep(EXIT_POLL_S)
                if self.should_exit:
                    break
            should_exit = await self.on_tick(counter)

    async def shutdown(self, sockets: list[Any] | None = None) -> None:
        """uvicorn's `Server.shutdown` (0.55), its fixed grace made `_close_grace`."""
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        await self._close_grace()
        try:
            async with asyncio.timeout(self.config.timeout_graceful_shutdown):
                await self._wait_tasks_to_complete()
        except TimeoutError:
            logging.getLogger("uvicorn.error").error(
                "Cancel %s running task(s), timeout graceful shutdown exceeded", len(self.server_state.tasks)
            )
            for task in self.server_state.tasks:
                task.cancel(msg="Task cancelled, timeout graceful shutdown exceeded")
        if not self.force_exit:
            await self.lifespan.shutdown()

    async def _close_grace(self) -> None:
        """Give connections told to close up to CLOSE_GRACE_S to go, ending when none is left."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + CLOSE_GRACE_S
        await asyncio.sleep(0)  # one turn of the loop: a connection told to close closes its transport
        while self.server_state.connections and loop.time() < deadline:
            await asyncio.sleep(EXIT_POLL_S / 2)


def main() -> int:
    defaults = gc.get_threshold()
    gc.set_threshold(*IMPORT_THRESHOLDS)
    import prefect.server.api.server as server

    gc.freeze()
    gc.set_threshold(*defaults)
    server.create_app = made_once(server.create_app)  # uvicorn's `--factory` looks it up by name
    command = importlib.import_module("uvicorn.main")  # the module (the package's `main` is its command)
    command.Server = QuickStop  # type: ignore[attr-defined]  # the class the command serves with

    sys.argv[0] = "uvicorn"
    return int(command.main() or 0)


if __name__ == "__main__":
    sys.exit(main())
