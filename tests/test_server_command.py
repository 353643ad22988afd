"""`muniflow server` and `serve`'s refusals: serve never waits on a schedule that cannot fire."""

from __future__ import annotations

import pytest

from muniflow import cli
from muniflow.commands import server


@pytest.fixture
def no_server(tmp_path, monkeypatch):
    """No PREFECT_API_URL and an empty muniflow home: no server anywhere."""
    monkeypatch.setenv("PREFECT_API_URL", "unset below")  # recorded, so whatever is set here is undone
    monkeypatch.delenv("PREFECT_API_URL")
    monkeypatch.setenv("MUNIFLOW_HOME", str(tmp_path / "home"))
    return tmp_path


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing inbox", "does not exist"),  # checked first: a typo in --inbox is an error at start
        ("no server", "muniflow server start"),  # no API: say how to get one, never pretend to serve
        ("dead api", "does not answer"),  # an explicit PREFECT_API_URL that nothing answers on
    ],
)
def test_serve_refuses_at_start(no_server, monkeypatch, capsys, case, expected) -> None:
    inbox = no_server / "inbox"
    if case != "missing inbox":
        inbox.mkdir()
    if case == "dead api":
        monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{server._free_port()}/api")
        monkeypatch.setattr(server, "PATIENCE_S", 1.0)
    code = cli.main(["serve", "--inbox", str(inbox), "--warehouse", str(no_server / "w.duckdb")])
    assert code == 2
    assert expected in capsys.readouterr().err


def test_a_slow_api_is_waited_for_where_one_quick_probe_gives_up() -> None:
    """A server on a busy machine answers its health check late: `serve` waits for it."""
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, HTTPServer

    class Slow(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(1.5)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"true")

        def log_message(self, *args: object) -> None:
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        api = f"http://127.0.0.1:{httpd.server_port}/api"
        assert not server.healthy(api), "one probe of a second gives up"
        assert server.answers(api, patience=10.0)
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_state_file_of_a_dead_server_is_not_used(no_server, monkeypatch) -> None:
    server.home().mkdir(parents=True)
    port = server._free_port()
    server.state_file().write_text(f'{{"pid": 999999999, "api": "http://127.0.0.1:{port}/api"}}')
    assert server.running_api() is None
    assert server.use_running_server() is None
    assert server.status()[0] == 1


@pytest.mark.slow
def test_server_starts_is_used_and_stops(no_server, monkeypatch) -> None:
    code, message = server.start(None, idle_minutes=30)
    try:
        assert code == 0, message
        api = server.running_api()
        assert api is not None and api.startswith("http://127.0.0.1:")
        assert server.status()[0] == 0
        assert server.start(None, 30)[1].startswith("a Prefect server is already running")
        assert server.use_running_server() == api  # what ingest and serve do before importing Prefect
        assert not server.busy_since(api, server.datetime.now(server.UTC) - server.timedelta(minutes=5))
        warm_pid = int((server.read_state() or {}).get("warm_pid", 0))
        assert warm_pid and "warm runner: pid" in server.status()[1]  # started beside it, shown
    finally:
        server.stop()
    assert server.running_api() is None and not server.state_file().exists()
    assert not server._alive(warm_pid)  # `stop` ends the warm runner too
