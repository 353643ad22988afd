"""The temporary API's process (`flows.api_process`): Prefect's app made once per set of
arguments, and the process serving Prefect's API as `python -m uvicorn` would."""

from __future__ import annotations

import json
import urllib.request

import pytest

from flows import api_process, temporary_api


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


@pytest.mark.slow
def test_the_process_serves_prefects_api(tmp_path, monkeypatch) -> None:
    """Started as `ingest` starts it, on a database of its own: it answers, as Prefect's API."""
    import prefect

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
        assert (tmp_path / "prefect" / "prefect.db").is_file(), "its database where PREFECT_HOME says"
    finally:
        temporary_api.stop()
