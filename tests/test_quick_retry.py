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


def _raising(answers: list[tuple[int, bytes] | None], seen: list[bytes]):  # type: ignore[no-untyped-def]
    """An app that, as Starlette's outermost middleware does for an error, answers with the error's
    handler and then raises the error again; None: it raises without answering."""

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        seen.append((await receive()).get("body", b""))
        answer = answers.pop(0)
        if answer is not None:
            await send({"type": "http.response.start", "status": answer[0], "headers": []})
            await send({"type": "http.response.body", "body": answer[1]})
            if answer[0] < 500:
                return
        raise RuntimeError("database is locked")

    return app


def test_an_error_raised_again_after_its_retryable_503_is_run_again() -> None:
    seen: list[bytes] = []
    app = quick_retry.QuickRetry(_raising([(503, RETRYABLE), (201, b"{}")], seen))
    assert _status_and_body(_request(app, [b"{}"])) == (201, b"{}") and len(seen) == 2


def test_an_error_raised_with_no_retryable_answer_goes_on_as_it_did() -> None:
    for answers in ([None], [(500, b"Internal Server Error")]):
        app = quick_retry.QuickRetry(_raising(list(answers), []))
        with pytest.raises(RuntimeError):
            _request(app, [b"{}"])


PROBE = """
import json, sqlite3, threading, time, urllib.request
import sqlalchemy.exc, uvicorn
import prefect.server.api.flow_runs as api
from flows.api_process import served_app
from flows.temporary_api import _free_port

create, calls = api.models.flow_runs.create_flow_run, []

async def locked_once(*args, **kwargs):
    calls.append(1)
    if len(calls) == 1:
        raise sqlalchemy.exc.OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    return await create(*args, **kwargs)

api.models.flow_runs.create_flow_run = locked_once
port = _free_port()
server = uvicorn.Server(uvicorn.Config(served_app(), host="127.0.0.1", port=port, log_level="critical"))
threading.Thread(target=server.run, daemon=True).start()
while not server.started:
    time.sleep(0.05)

def post(path, data):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api{path}", json.dumps(data).encode(),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.status, json.loads(answer.read())

flow = post("/flows/", {"name": "probe"})[1]
status, run = post("/flow_runs/", {"flow_id": flow["id"], "name": "probe-run"})
print(json.dumps([status, len(calls), run["name"]]))
server.should_exit = True
"""


@pytest.mark.slow
def test_prefects_api_answers_a_write_sqlite_refused_once(tmp_path) -> None:
    """The app the temporary API serves (`api_process.served_app`), its flow run's insert refused
    once with «database is locked»: the client gets the flow run at the first request."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PREFECT_HOME": str(tmp_path), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1"}  # fmt: skip
    env.pop("PREFECT_API_URL", None)
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [201, 2, "probe-run"]
