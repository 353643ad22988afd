"""The temporary API's process (`flows.api_process`): Prefect's app made once per set of
arguments, and the process serving Prefect's API as `python -m uvicorn` would."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from flows import api_process, quick_stop, schema_head, temporary_api


def test_the_app_is_made_once_per_set_of_arguments() -> None:
    made: list[tuple] = []

    def create_app(settings=None, ephemeral=False, webserver_only=False, final=False, ignore_cache=False):  # type: ignore[no-untyped-def]
        made.append((settings, ephemeral, webserver_only, final, ignore_cache))
        return object()

    create = api_process.made_once(create_app)
    first = create()
    assert create() is first and create(ephemeral=False) is first and len(made) == 1
    assert create(ephemeral=True) is not first and create(True) is not first  # a positional `settings`
    assert create(ephemeral=True) is create(ephemeral=True)
    assert create(ignore_cache=True) is not first, "asked for a new app: Prefect makes one"
    assert create(settings="given") is not create(settings="given"), "explicit settings go to Prefect"
    assert create.__name__ == "create_app"


class _Router:
    def __init__(self, prefix: str, *paths: str) -> None:
        self.prefix = prefix
        self.routes = [type("Route", (), {"path": prefix + path})() for path in paths or ("/",)]


def test_the_routers_a_run_reaches_come_first_where_no_match_can_change() -> None:
    a, b, c, d = _Router("/a", "/", "/{id}"), _Router("/b"), _Router("/c", "/x"), _Router("", "/d/x", "/e")
    assert api_process.run_routers_first((a, b, c, d), ("/c", "/b")) == (c, b, a, d)
    assert api_process.run_routers_first((a, b, c, d), ("/zz",)) == (a, b, c, d), "none named: as it was"
    shared = _Router("", "/c/y")  # another router's route under the moved prefix: it might match first
    assert api_process.run_routers_first((a, shared, c), ("/c",)) == (a, shared, c)
    anything = _Router("", "/{name}")  # a route whose first segment is a parameter matches /c/... too
    assert api_process.run_routers_first((anything, c), ("/c",)) == (anything, c)
    deep = _Router("/v2/c")  # a prefix of two segments: left where it is
    assert api_process.run_routers_first((a, deep), ("/v2/c",)) == (a, deep)


def test_prefects_routers_are_reordered_and_none_is_lost() -> None:
    import prefect.server.api.server as server

    ordered = api_process.run_routers_first(server.API_ROUTERS)
    assert [r.prefix for r in ordered[: len(api_process.RUN_ROUTERS)]] == list(api_process.RUN_ROUTERS)
    assert sorted(map(id, ordered)) == sorted(map(id, server.API_ROUTERS))


@pytest.mark.slow
def test_the_process_serves_prefects_api(tmp_path, monkeypatch) -> None:
    """Started as `ingest` starts it, on a database of its own: it answers, as Prefect's API."""
    import prefect
    import prefect.server.database

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    monkeypatch.setattr(temporary_api, "_server", None)
    monkeypatch.setattr(temporary_api, "_api", None)
    monkeypatch.setattr(temporary_api, "_output", None)
    port = temporary_api._free_port()
    monkeypatch.setattr(temporary_api, "_server", temporary_api._launch(port))
    monkeypatch.setattr(temporary_api, "_api", f"http://127.0.0.1:{port}/api")
    try:
        temporary_api.wait(timeout_s=120)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/admin/version", timeout=30) as answer:
            assert json.loads(answer.read()) == prefect.__version__
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/flows/",
            data=json.dumps({"name": "probe"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert json.loads(answer.read())["name"] == "probe"
        database = tmp_path / "prefect" / "prefect.db"
        assert database.is_file(), "its database where PREFECT_HOME says"
        versions = Path(prefect.server.database.__file__).parent / "_migrations" / "versions" / "sqlite"
        assert schema_head.at_head(f"sqlite+aiosqlite:///{database}", versions), (
            "its next start skips the check"
        )
    finally:
        temporary_api.stop()


def _tiny_app(events: list[str], slow_begun=None):  # type: ignore[no-untyped-def]
    """An ASGI app with a lifespan: `/slow` answers after 0.2 s (setting `slow_begun`, a
    `threading.Event`, once it is being answered), anything else at once."""
    import asyncio

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                events.append(message["type"])
                await send({"type": message["type"] + ".complete"})
                if message["type"] == "lifespan.shutdown":
                    return
        if scope["path"] == "/slow":
            if slow_begun is not None:
                slow_begun.set()
            await asyncio.sleep(0.2)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": b"ok"})

    return app


def _get(port: int, path: str) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as answer:
        return bytes(answer.read())


def test_quick_stop_answers_a_request_in_flight_and_runs_the_lifespans_shutdown() -> None:
    """Told to stop while a request is answered: the answer is whole, then the app's lifespan
    shutdown runs (where Prefect's services record what they still hold), as under uvicorn."""
    import asyncio
    import threading

    import uvicorn

    events: list[str] = []
    slow_begun = threading.Event()
    port = temporary_api._free_port()
    config = uvicorn.Config(_tiny_app(events, slow_begun), host="127.0.0.1", port=port, log_level="error")
    server = quick_stop.QuickStop(config)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "the server did not start"
        threading.Event().wait(0.01)
    assert _get(port, "/fast") == b"ok"
    answers: list[bytes] = []
    client = threading.Thread(target=lambda: answers.append(_get(port, "/slow")))
    client.start()
    # The slow request is being answered (the fast one's task may still be listed as running).
    assert slow_begun.wait(30), "the slow request was not answered"
    server.should_exit = True
    client.join(30)
    thread.join(30)
    assert answers == [b"ok"], "the request in flight was answered whole"
    assert not thread.is_alive() and events == ["lifespan.startup", "lifespan.shutdown"]


def test_quick_stop_sees_its_exit_flag_between_its_ticks(monkeypatch) -> None:
    """The exit flag is looked at every poll (10 ms), not once a tick (uvicorn sleeps 100 ms
    between looks): no sleep of the loop is longer than a poll, and it ends once told to."""
    import asyncio

    import uvicorn

    server = quick_stop.QuickStop(uvicorn.Config(_tiny_app([])))
    ticks: list[int] = []
    slept: list[float] = []
    sleep = asyncio.sleep

    async def on_tick(counter: int) -> bool:
        ticks.append(counter)
        return server.should_exit

    async def recorded(delay: float, *args):  # type: ignore[no-untyped-def]
        slept.append(delay)
        return await sleep(delay, *args)

    server.on_tick = on_tick  # type: ignore[method-assign]

    async def run() -> None:
        loop = asyncio.create_task(server.main_loop())
        await sleep(0.25)
        server.should_exit = True
        await asyncio.wait_for(loop, 30)

    monkeypatch.setattr(asyncio, "sleep", recorded)
    asyncio.run(run())
    assert slept and max(slept) <= quick_stop.EXIT_POLL_S
    assert ticks[0] == 0 and ticks[-1] == len(ticks) - 1, "housekeeping ticks as uvicorn's, counted"


def test_quick_stops_grace_ends_when_no_connection_is_left(monkeypatch) -> None:
    """At shutdown, connections told to close are given a grace that ends as soon as none is left
    (uvicorn waits its 100 ms whatever is left): with the grace made endless, it still ends."""
    import asyncio
    from types import SimpleNamespace

    monkeypatch.setattr(quick_stop, "CLOSE_GRACE_S", 10**9)
    closing = SimpleNamespace(server_state=SimpleNamespace(connections={"a connection"}))

    async def run() -> None:
        grace = asyncio.create_task(quick_stop.QuickStop._close_grace(closing))  # type: ignore[arg-type]
        await asyncio.sleep(0.05)
        assert not grace.done(), "a connection is still open: the grace goes on"
        closing.server_state.connections.clear()
        await asyncio.wait_for(grace, 30)

    asyncio.run(run())


def test_no_package_installs_beartypes_import_hook_in_the_apis_process() -> None:
    """key_value (imported with Prefect's server) installs beartype's import hook for itself, which
    every later import then goes through: not in the API's process."""
    import subprocess
    import sys

    probe = (
        "import sys{setup}\n"
        "hooks = list(sys.path_hooks)\n"
        "import key_value.aio\n"
        "print(len(sys.path_hooks) - len(hooks))\n"
    )
    setup = "; from flows.api_process import without_beartype_claw; without_beartype_claw()"

    def added_hooks(code: str) -> int:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return int(done.stdout.strip())

    assert added_hooks(probe.format(setup="")) == 1, "key_value no longer installs the hook: drop this"
    assert added_hooks(probe.format(setup=setup)) == 0
