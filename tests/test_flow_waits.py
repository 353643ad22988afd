"""How the flow waits on an extraction (`flows.extraction.outcome_of`): a quick one keeps the warehouse
open (re-opening costs more than the wait), a slow one releases it so others can open the file."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from types import SimpleNamespace

import pytest

from muniflow.warehouse.held import Held


class _Extraction:
    """A stand-in for Prefect's future of a task run, done after `seconds` (tests need no Prefect run)."""

    def __init__(self, seconds: float) -> None:
        self.wrapped_future: Future[str] = Future()
        self.state = SimpleNamespace(name="Cached")
        self._timer = threading.Timer(seconds, self.wrapped_future.set_result, ["outcome"])
        self._timer.start()

    def wait(self, timeout: float | None = None) -> None:
        try:
            self.wrapped_future.result(timeout)
        except TimeoutError:
            return

    def result(self) -> str:
        return self.wrapped_future.result()


@pytest.mark.parametrize(
    ("seconds", "kept", "why"),
    [
        (0.0, True, "done already: nothing to wait for"),
        (0.02, True, "a cached extraction finishing within the wait: re-opening would cost more"),
        (1.5, False, "a running extraction: others may open the warehouse meanwhile"),
    ],
)
def test_a_quick_extraction_is_waited_for_holding_the_warehouse(tmp_path, seconds, kept, why):
    from flows.extraction import HOLD_WHILE_WAITING_S, outcome_of

    assert seconds < HOLD_WHILE_WAITING_S or not kept
    held = Held(tmp_path / "w.duckdb")
    with held.connection():
        pass
    future = _Extraction(seconds)
    if seconds == 0.0:
        future.wrapped_future.result()
    assert outcome_of(future, held) == ("outcome", True)
    assert (held._con is not None) == kept, why
    with held.connection():
        pass
    assert held.opened == (1 if kept else 2), why
    held.release()
