"""The temporary API answering again itself where SQLite made it answer 503: `QuickRetry`.

Prefect's API on SQLite answers 503 «Service Unavailable» when a write finds the database locked,
and its client then waits 2 s (2 ** tries, jittered) before it sends the request again. Right after
the API starts, its own services (the event persister, the task run recorder) write while the
flow creates its run, and the flow run's insert, in a transaction that read before another
connection wrote, is refused at once (SQLite does not wait for a lock a stale read cannot
upgrade): about one start in ten (2 of 20 measured: the flow run's POST answered 503), each
costing the command 2 s. Prefect rolls the transaction back and answers 503 so that the request is
sent again; `QuickRetry` runs it again in the API itself after a few milliseconds (the other write
has committed by then), up to `RETRIES` times, before passing the 503 on to the client, whose own
back-off then applies as before. Only a request whose answer is that retryable 503 is run again;
every other answer, and every other scope (the lifespan, websockets), goes through untouched.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

# How many times a request answered with the retryable 503 is run again here, and after how long.
RETRIES = 4
DELAYS_S = (0.01, 0.03, 0.1, 0.25)
# The answer Prefect's API gives for an error its client may retry (`custom_internal_exception_handler`).
RETRYABLE = {"exception_message": "Service Unavailable"}


class QuickRetry:
    """An ASGI app running `app` again where it answered the retryable 503."""

    def __init__(self, app: App) -> None:
        self.app = app

    def __getattr__(self, name: str) -> Any:  # the served app's own attributes (state, routes, ...)
        return getattr(self.app, name)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = await _whole_body(receive)
        for attempt in range(RETRIES + 1):
            last = attempt == RETRIES
            # each run on the scope as it came: routing writes into it (a mount's `root_path`,
            # the endpoint, FastAPI's exit stacks), and a run on the one written found no route
            fresh = dict(scope)
            answered = await _run(self.app, fresh, body, receive, send, passing_503=last)
            if answered:
                return
            await asyncio.sleep(DELAYS_S[min(attempt, len(DELAYS_S) - 1)])


async def _whole_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away: nothing to answer
            return b"".join(chunks)
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


async def _run(app: App, scope: Scope, body: bytes, receive: Receive, send: Send, passing_503: bool) -> bool:
    """Run `app` on the request once; False where it answered the retryable 503 (held back, not
    sent, unless `passing_503`)."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # after the body: the client's disconnect, as the app would see it

    held: list[Message] = []  # a 503's start and body, until it is known whether it is retryable
    holding = False

    async def forward(message: Message) -> None:
        nonlocal holding
        if message["type"] == "http.response.start" and message.get("status") == 503 and not passing_503:
            holding = True
        if holding:
            held.append(message)
            return
        await send(message)

    try:
        await app(scope, replay, forward)
    except Exception:
        # Starlette's outermost middleware answers with the app's handler for an error and then
        # raises the error again, for the server to log: a retryable 503 held back is run again
        if holding and _retryable(held):
            return False
        for message in held:
            await send(message)
        raise
    if holding and _retryable(held):
        return False
    for message in held:  # another 503 (the API not ready, say): passed on as it was
        await send(message)
    return True


def _retryable(messages: list[Message]) -> bool:
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    try:
        return bool(json.loads(body) == RETRYABLE)
    except ValueError:
        return False
