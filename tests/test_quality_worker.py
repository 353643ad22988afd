"""The checkpoint of one `muniflow ingest` in a process of its own (`quality.worker`): the same
outcomes as in process, its failures raised here, and the checkpoint run here when it is gone."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_quality_ge import frames

from muniflow.contracts import ContractError, load_contract
from muniflow.quality import checkpoint, gx_import, worker


@pytest.fixture
def spawned() -> Iterator[None]:
    worker.spawn()
    try:
        yield
    finally:
        worker.stop()


def _broken() -> dict:
    base = frames()
    events = base["events"].copy()
    events.loc[1, "event_id"] = "e1"  # a duplicated event id
    reports = base["reports"].assign(rows_quarantined=[0, 0])  # one extracted row lost
    return frames(events=events, reports=reports)


def test_the_process_checks_as_this_process_does(spawned, monkeypatch) -> None:
    here = checkpoint.run_checkpoint(_broken(), None, load_contract())  # a contract given: in process

    def no_checker_here(contract):  # type: ignore[no-untyped-def]
        raise AssertionError("checked in this process, not in the checkpoint's")

    monkeypatch.setattr(checkpoint, "_checker", no_checker_here)
    there = checkpoint.run_checkpoint(_broken(), None)
    assert there == here
    assert not there.success
    assert {o.rule for o in there.failed} == {"event_id_unique", "report_rows_accounted"}
    assert checkpoint.run_checkpoint(frames(), None).success, "the same process answers again"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_the_process_ignores_ctrl_c_from_its_first_instruction() -> None:
    """The terminal's Ctrl-C reaches the whole process group: the command ends the process itself,
    which must not print a KeyboardInterrupt traceback from the middle of its imports."""
    before = signal.getsignal(signal.SIGINT)
    worker.spawn()
    try:
        process, _ = worker._worker  # type: ignore[misc]
        status = Path(f"/proc/{process.pid}/status").read_text().splitlines()
        ignored = int(next(line for line in status if line.startswith("SigIgn:")).split()[1], 16)
        assert ignored & (1 << (signal.SIGINT - 1)), "SIGINT ignored from the process's start"
        assert signal.getsignal(signal.SIGINT) is before, "this process's own handler given back"
    finally:
        worker.stop()


def test_a_failure_in_the_process_is_raised_here(spawned, tmp_path) -> None:
    with pytest.raises(ContractError, match="contract not found"):
        worker.run(frames(), tmp_path / "no-such-contract.yaml")
    assert worker.started(), "a checkpoint that failed leaves the process serving"


def test_with_the_process_gone_the_checkpoint_runs_here(spawned) -> None:
    process, _ = worker._worker  # type: ignore[misc]
    process.kill()
    process.join()
    assert worker.run(frames(), Path("any.yaml")) is None
    assert not worker.started()
    here = checkpoint.run_checkpoint(_broken(), None, load_contract())
    assert checkpoint.run_checkpoint(_broken(), None) == here


@pytest.mark.parametrize(
    ("gx_here", "no_warmup", "spawns"),
    [(False, False, True), (True, False, False), (False, True, False)],
)
def test_a_process_is_started_only_where_gx_is_not_imported_and_warm_ups_are_on(
    monkeypatch, gx_here, no_warmup, spawns
) -> None:
    spawned: list[bool] = []
    monkeypatch.setattr(worker, "spawn", lambda: spawned.append(True))
    monkeypatch.setitem(sys.modules, "great_expectations", sys.modules.get("great_expectations") or object())
    if not gx_here:
        monkeypatch.delitem(sys.modules, "great_expectations")
    if no_warmup:
        monkeypatch.setenv("MUNIFLOW_NO_WARMUP", "1")
    else:
        monkeypatch.delenv("MUNIFLOW_NO_WARMUP", raising=False)
    assert worker.start() is spawns and spawned == ([True] if spawns else [])


def test_gx_is_not_imported_here_where_the_process_imports_it(monkeypatch) -> None:
    monkeypatch.setattr(worker, "started", lambda: True)
    assert gx_import.warm_up() is None
