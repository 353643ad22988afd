"""The invented report a starting intake worker runs through the stages (muniflow.warmfile)."""

from __future__ import annotations

from pathlib import Path

from muniflow import stages, warmfile


def test_the_invented_report_goes_through_every_stage() -> None:
    # why: warm_up swallows failures, so a document the stages refuse would warm nothing unnoticed
    outcome = stages.interpret_file(Path("warm-up"), warmfile.document(), None, "")
    assert outcome.reason is None
    assert outcome.report is not None and outcome.report.period is not None
    assert len(outcome.report.rows) == 2
    checked = stages.validate_file(outcome)
    assert checked.flags  # why: the rule schemas ran (the second row's date is not readable)
    enriched = stages.enrich_file(checked)
    assert enriched.enrichment is not None and enriched.enrichment.rows[0].settlements


def test_the_sandbox_runs_the_task_modules_warm_up() -> None:
    # why: the worker pool looks the hook up by this name beside WARM_MODULES
    assert callable(stages.WARM_UP)
    stages.WARM_UP()
