"""uvicorn's server ending as soon as it is told to: the temporary API's (`flows.api_process`).

uvicorn notices its exit signal on a tick every 100 ms and then always waits 100 ms more for
connections to close: ~0.18 s of the ~0.2 s an `ingest` waited at its end for its temporary API
to stop (measured), while the API's only client had already finished with every connection.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import uvicorn.server

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
