"""Which stages of the ingest flow are Prefect tasks: those touching the warehouse after the loads
(the duplicate rule, retried while another process holds the warehouse; the quality report), and
not the warm-up started once the files are submitted (a plain call: no task run of its own)."""

from __future__ import annotations

from prefect import Task

from flows import ingest


def test_the_checks_are_tasks_the_dedupe_retried_on_a_held_warehouse() -> None:
    assert isinstance(ingest.dedupe, Task) and ingest.dedupe.retries == 3
    assert isinstance(ingest.quality, Task)


def test_the_warm_up_is_no_task() -> None:
    assert not isinstance(ingest._warm_up_checks, Task)
