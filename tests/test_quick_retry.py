"""`flows.quick_retry`: the temporary API runs a request again itself where Prefect answered the
503 its client would send again 2 s later (SQLite's «database is locked»)."""

from __future__ import annotations

import asyncio
import json

import pytest

from flows import quick_retry

RETRYABLE = json.dumps({"exception_message": "Service Unavailable"}).encode()


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch) -> None:
    monkeypatch.setattr(quick_retry, "DELAYS_S", (0.0,))


def _app(answers: list[tuple[int, bytes]], seen: list[bytes]):  # type: ignore[no-untyped-def]
    """An ASGI app answering each request with the next of `answers`, recording each body it read;
    it routes as a mount does, writing into the scope (`root_path`), and answers 404 for a request
    whose path is not under its mount."""

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        if scope["type"] == "lifespan":
            seen.append(b"lifespan")
            return
        if not scope["path"].startswith(scope.get("root_path", "") + "/api/"):
            await send({"type": "http.response.start", "status": 404, "headers": []})
            await send({"type": "http.response.body", "body": b"not found"})
            return
        scope.update(root_path=scope.get("root_path", "") + "/api")  # as starlette's Mount does
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        seen.append(body)
        status, answer = answers.pop(0)
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": answer})

    return app


def _request(app, body_parts: list[bytes]) -> list[dict]:  # type: ignore[no-untyped-def]
    """The messages `app` sends for a POST whose body arrives in `body_parts`."""
    incoming = [
        {"type": "http.request", "body": part, "more_body": i < len(body_parts) - 1}
        for i, part in enumerate(body_parts)
    ]
    sent: list[dict] = []

    async def receive() -> dict:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app({"type": "http", "method": "POST", "path": "/api/flow_runs/"}, receive, send))
    return sent


def _status_and_body(sent: list[dict]) -> tuple[int, bytes]:
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_a_request_refused_as_retryable_is_run_again_with_its_whole_body() -> None:
    seen: list[bytes] = []
    app = quick_retry.QuickRetry(_app([(503, RETRYABLE), (503, RETRYABLE), (201, b'{"id": 1}')], seen))
    sent = _request(app, [b'{"name": ', b'"run"}'])
    assert _status_and_body(sent) == (201, b'{"id": 1}')
    assert seen == [b'{"name": "run"}'] * 3, "each run reads the same whole body"


def test_still_refused_after_its_retries_the_503_goes_to_the_client() -> None:
    seen: list[bytes] = []
    app = quick_retry.QuickRetry(_app([(503, RETRYABLE)] * (quick_retry.RETRIES + 1), seen))
    assert _status_and_body(_request(app, [b"{}"])) == (503, RETRYABLE)
    assert len(seen) == quick_retry.RETRIES + 1, "then the client's own back-off applies"


@pytest.mark.parametrize(
    ("status", "answer"),
    [
        (503, b'{"status": "not ready"}'),
        (500, b'{"exception_message": "Internal Server Error"}'),
        (200, b"[]"),
    ],
)
def test_any_other_answer_is_passed_on_from_the_first_run(status, answer) -> None:
    seen: list[bytes] = []
    app = quick_retry.QuickRetry(_app([(status, answer)], seen))
    assert _status_and_body(_request(app, [b"{}"])) == (status, answer)
    assert len(seen) == 1


def test_the_lifespan_goes_to_the_app_untouched() -> None:
    seen: list[bytes] = []
    app = quick_retry.QuickRetry(_app([], seen))

    async def nothing() -> dict:
        return {}

    async def ignore(message: dict) -> None:
        return None

    asyncio.run(app({"type": "lifespan"}, nothing, ignore))
    assert seen == [b"lifespan"]
