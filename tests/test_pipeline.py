"""The one wiring of the stages (muniflow.pipeline): its order, and that both runners use it."""

from __future__ import annotations

import hashlib
from contextlib import nullcontext
from pathlib import Path

from muniflow import pipeline, stages
from muniflow.file_outcome import FileOutcome
from muniflow.warehouse import db

ROOT = Path(__file__).resolve().parents[1]


def test_the_body_submits_all_warms_up_loads_in_order_dedupes_and_reports(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = []
    for name in ("b.docx", "a.docx", "c.pdf"):
        (inbox / name).write_bytes(name.encode())
        files.append(inbox / name)
    calls: list[tuple[str, str]] = []
    with db.connect(tmp_path / "wh.duckdb") as con:

        def submit(path: Path, sha256: str, period: str | None, name: str) -> Path:
            calls.append(("submit", path.name))
            return path

        def outcome(path: Path) -> tuple[FileOutcome, bool]:
            calls.append(("wait", path.name))
            digest = hashlib.sha256(path.name.encode()).hexdigest()
            return FileOutcome(str(path), digest, None, None, reason="empty_file"), True

        def load(run_id: str, outcome: FileOutcome):  # type: ignore[no-untyped-def]
            calls.append(("load", Path(outcome.source_file).name))
            return stages.load_file(con, run_id, outcome)

        def dedupe(run_id: str, periods: set[str]) -> int:
            calls.append(("dedupe", ",".join(sorted(periods))))
            return 0

        def quality(run_id: str, periods: set[str]) -> None:
            calls.append(("quality", ",".join(sorted(periods))))

        runner = pipeline.Runner(
            submit,
            outcome,
            load,
            dedupe,
            quality,
            connect=lambda: nullcontext(con),
            on_submitted=lambda: calls.append(("submitted", "all")),
        )
        run = pipeline.run_ingest([inbox], None, runner)
    names = sorted(f.name for f in files)  # a folder is scanned in sorted order
    assert calls == [
        *(("submit", n) for n in names),
        ("submitted", "all"),  # what the checks need starts only then (warm-up threads)
        *(step for n in names for step in (("wait", n), ("load", n))),
        ("dedupe", ""),  # quarantined files touch no period
        ("quality", ""),
    ]
    assert run.counts["files"] == 3 and run.counts["files_from_cache"] == 3
    assert [Path(f).name for f, _ in run.loaded] == names
    assert {s["reason"] for s in run.states.values()} == {"empty_file"}


def test_both_runners_use_the_one_body_and_repeat_none_of_it() -> None:
    for runner in ("flows/ingest.py", "src/muniflow/plain.py"):
        text = (ROOT / runner).read_text(encoding="utf-8")
        assert "pipeline.run_ingest(" in text, runner
        for wiring in ("start_run", "finish_run", "report_states", "stages.discover"):
            assert wiring not in text, f"{runner} wires {wiring} itself"


def test_a_run_changing_nothing_runs_neither_the_duplicate_rule_nor_the_checkpoint(tmp_path: Path) -> None:
    """`ingest --force` of an unchanged inbox: every load finds its content stored as it is, so the
    duplicate rule and the checkpoint would find what they found; they do not run, no report."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.docx", "b.docx"):
        (inbox / name).write_bytes(name.encode())
    steps: list[str] = []
    with db.connect(tmp_path / "wh.duckdb") as con:

        def outcome(path: Path) -> tuple[FileOutcome, bool]:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            return FileOutcome(str(path), digest, None, None, reason="empty_file"), True

        runner = pipeline.Runner(
            submit=lambda path, sha256, period, name: path,
            outcome=outcome,
            load=lambda run_id, o: stages.load_file(con, run_id, o),
            dedupe=lambda run_id, periods: steps.append("dedupe") or 0,
            quality=lambda run_id, periods: steps.append("quality") or tmp_path / "dq_report.html",
            connect=lambda: nullcontext(con),
        )
        first = pipeline.run_ingest([inbox], None, runner)
        assert steps == ["dedupe", "quality"] and first.report is not None  # new content: both run
        again = pipeline.run_ingest([inbox], None, runner)
        assert steps == ["dedupe", "quality"], "an unchanged inbox ran the duplicate rule or the checkpoint"
        assert again.report is None
        assert {r.status for _, r in again.loaded} == {"unchanged"}
        (inbox / "c.docx").write_bytes(b"c.docx")  # one new file: both run again
        third = pipeline.run_ingest([inbox], None, runner)
        assert steps == ["dedupe", "quality"] * 2 and third.report is not None
