"""CLI behaviour that needs no Prefect run: clear errors, progress bar, query and export."""

from __future__ import annotations

import contextlib
import io

import extraction

from muniflow import stages
from muniflow.cli import main
from muniflow.progress import Progress


def test_ingest_of_a_missing_path_says_so(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_ingest_of_a_folder_of_only_litter_says_so(tmp_path, capsys):
    (tmp_path / "~$report.docx").write_bytes(b"lock")
    (tmp_path / ".DS_Store").write_bytes(b"meta")
    assert main(["ingest", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no files in" in err and "2 system file(s)" in err


def test_ingest_of_an_empty_folder_says_so(tmp_path, capsys):
    assert main(["ingest", str(tmp_path)]) == 2
    assert "no files in" in capsys.readouterr().err


def test_ingest_refuses_a_malformed_period(tmp_path, capsys):
    f = tmp_path / "a.docx"
    f.write_bytes(b"x")
    assert main(["ingest", str(f), "--period", "2024-2"]) == 2
    assert "2024Q2" in capsys.readouterr().err


def test_query_without_a_warehouse_says_what_to_do(tmp_path, capsys):
    assert main(["query", "select 1", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "muniflow ingest" in capsys.readouterr().err


def test_query_refuses_a_write_with_exit_1(tmp_path, capsys):
    from muniflow.warehouse import db

    wh = tmp_path / "wh.duckdb"
    db.connect(wh).close()
    assert main(["query", "delete from core.reports", "--warehouse", str(wh)]) == 1
    assert (
        main(["query", "select count(*) as n from reports", "--warehouse", str(wh), "--format", "csv"]) == 0
    )
    assert capsys.readouterr().out.split() == ["n", "0"]


def test_unknown_saved_query_lists_the_known_ones(capsys):
    assert main(["query", "--saved", "nope"]) == 2
    assert "events_per_municipality_quarter" in capsys.readouterr().err


def test_progress_bar_draws_on_a_terminal_only():
    out = io.StringIO()
    bar = Progress(2, stream=out, enabled=True)
    bar.advance(rows=44, flags=6)
    bar.advance(rows=9, flags=1)
    text = out.getvalue()
    assert "1/2 files, 44 rows, 6 flags" in text and text.endswith("2/2 files, 53 rows, 7 flags\n")
    quiet = io.StringIO()
    Progress(1, stream=quiet).advance()  # a StringIO is not a terminal
    assert quiet.getvalue() == ""


def test_a_crash_on_one_file_quarantines_it(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise ValueError("unexpected layout")

    monkeypatch.setattr(stages, "interpreted", boom)
    monkeypatch.setattr(extraction, "open_report", lambda path: None)
    f = tmp_path / "a.docx"
    f.write_bytes(b"PK")
    outcome = extraction.extract_file(f)
    assert (outcome.reason, outcome.report) == ("internal_error", None)
    assert "unexpected layout" in (outcome.message or "")


def test_export_and_report_need_a_warehouse(tmp_path, capsys):
    wh = str(tmp_path / "wh.duckdb")
    for command in (["export", str(tmp_path / "out")], ["report"]):
        assert main([*command, "--warehouse", wh]) == 2
        assert "muniflow ingest" in capsys.readouterr().err
    assert not (tmp_path / "wh.duckdb").exists(), "a command that reads must not create a warehouse"
    from muniflow.warehouse import db

    db.connect(wh).close()
    assert main(["report", "--warehouse", wh]) == 2, "no run yet"
    assert "muniflow ingest" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "out"), "--warehouse", wh, "--format", "csv"]) == 0
    assert (tmp_path / "out" / "events.csv").exists()


def test_ingest_of_an_unchanged_inbox_does_nothing(tmp_path, samples, capsys):
    import shutil

    from muniflow.plain import ingest_plain

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(samples / "invented_tver_2024_q4.docx", inbox)
    wh = str(tmp_path / "wh.duckdb")
    assert ingest_plain([inbox], wh)["statuses"] == {str(inbox / "invented_tver_2024_q4.docx"): "loaded"}
    assert main(["ingest", str(inbox), "--warehouse", wh]) == 0
    assert capsys.readouterr().out.startswith("nothing new: the warehouse already holds all 1 file(s)")


def test_ingest_of_a_superseded_file_says_it_stays_an_earlier_version(tmp_path, samples, capsys):
    """The PDF of the same report, loaded after the DOCX, supersedes it: giving the DOCX again
    changes nothing, and the command says so and how to make it current."""
    import shutil

    from muniflow.plain import ingest_plain

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("invented_tver_2024_q4.docx", "invented_tver_2024_q4.pdf"):
        shutil.copy(samples / name, inbox)
    wh = str(tmp_path / "wh.duckdb")
    ingest_plain([inbox / "invented_tver_2024_q4.docx"], wh)
    ingest_plain([inbox / "invented_tver_2024_q4.pdf"], wh)
    assert main(["ingest", str(inbox / "invented_tver_2024_q4.docx"), "--warehouse", wh]) == 0
    out = capsys.readouterr().out
    assert f"{inbox / 'invented_tver_2024_q4.docx'} is an earlier version, superseded by" in out
    assert str(inbox / "invented_tver_2024_q4.pdf") in out
    assert main(["ingest", str(inbox / "invented_tver_2024_q4.pdf"), "--warehouse", wh]) == 0
    assert "earlier version" not in capsys.readouterr().out


def test_the_summary_names_files_counted_under_no_quarter(capsys):
    """A file refused before its quarter was read counts in no quarter's line: the summary says
    so, lest «quarantined 0» read as all files loaded."""
    from muniflow.ingest_summary import print_summary

    line = {"rows_extracted": 0, "rows_loaded": 0, "rows_quarantined": 0, "seen_before": False, "message": ""}
    summary = {
        "run_id": "r1",
        "files": [
            {**line, "file": "a.docx", "status": "loaded", "reason": None, "period": "2024Q2"},
            {
                **line,
                "file": "notes.txt",
                "status": "quarantined",
                "reason": "unsupported_format",
                "period": None,
            },
            {**line, "file": "b.docx", "status": "quarantined", "reason": "no_rows", "period": "2024Q2"},
        ],
        "completeness": [],
    }
    print_summary(summary)
    out = capsys.readouterr().out
    assert "1 file(s) quarantined with no quarter read" in out and out.rstrip().endswith("notes.txt")


def test_a_file_refused_for_the_period_given_is_read_again_without_it(tmp_path, samples):
    """The advice «re-run without --period» must work: a file quarantined as period_conflict is not
    «held as it is» for the shortcut that answers «nothing new»."""
    import shutil
    from pathlib import Path

    from muniflow.model import Period
    from muniflow.plain import ingest_plain
    from muniflow.warehouse.lookups import holds_all

    path = Path(shutil.copy(samples / "invented_tver_2024_q4.docx", tmp_path))
    wh = tmp_path / "wh.duckdb"
    assert ingest_plain([path], wh, period=Period(2024, 3))["statuses"] == {str(path): "quarantined"}
    assert not holds_all([path], wh)
    assert ingest_plain([path], wh)["statuses"] == {str(path): "loaded"}
    assert holds_all([path], wh)


def test_a_report_naming_no_region_takes_its_municipalitys_from_earlier_reports(tmp_path, samples):
    """A report whose title names no region: the one region its municipalities' earlier reports
    name is its, with a note (it had none, and dropped out of the region's counts and compiled
    report). With no earlier report it stays without one."""
    import shutil
    from pathlib import Path

    from docx import Document

    from muniflow import stages
    from muniflow.plain import ingest_plain
    from muniflow.warehouse import db, loader

    path = Path(shutil.copy(samples / "invented_tver_2024_q4.docx", tmp_path / "own.docx"))
    document = Document(str(path))
    for paragraph in document.paragraphs:  # the title without its region
        if paragraph.text.strip():
            paragraph.text = "Отчёт о международных мероприятиях в IV квартале 2024 года"
    document.save(str(path))
    outcome = stages.process_file(path)
    assert outcome.report is not None and outcome.report.region is None
    alone = tmp_path / "alone.duckdb"
    with db.connect(alone) as con:
        loaded = stages.load_file(con, loader.start_run(con), outcome)
        assert con.execute(
            "select region from reports where report_id = ?", [loaded.report_id]
        ).fetchone() == (None,)
    wh = tmp_path / "wh.duckdb"
    ingest_plain([samples / "invented_tver_2024_q4.pdf"], wh)
    with db.connect(wh) as con:
        loaded = stages.load_file(con, loader.start_run(con), outcome)
        region, message = con.execute(
            "select region, message from reports where report_id = ?", [loaded.report_id]
        ).fetchone()
    assert region == "Тверская область" and "the title names no region" in message


def test_nothing_new_reads_each_file_once(tmp_path, samples, monkeypatch):
    """The «nothing new» path asks whether the warehouse holds the files, then which were
    superseded: each file's bytes are hashed once for both, and again once they change."""
    import shutil
    from pathlib import Path

    import muniflow.intake
    from muniflow.plain import ingest_plain
    from muniflow.warehouse.lookups import holds_all, superseded_files

    path = Path(shutil.copy(samples / "invented_tver_2024_q4.docx", tmp_path))
    wh = tmp_path / "wh.duckdb"
    ingest_plain([path], wh)
    read: list[Path] = []
    hashing = muniflow.intake.sha256_file
    monkeypatch.setattr(muniflow.intake, "sha256_file", lambda p: read.append(p) or hashing(p))
    assert holds_all([path], wh) and superseded_files([path], wh) == []
    assert holds_all([path], wh)
    before = read.count(path)
    assert before <= 1, "hashed once for both questions (or not at all: already hashed)"
    path.write_bytes(path.read_bytes() + b"\0")
    assert not holds_all([path], wh)
    assert read.count(path) == before + 1, "changed bytes are hashed again"


def test_a_forced_ingest_starts_the_api_before_hashing_and_an_unchanged_one_never(
    tmp_path, samples, monkeypatch
):
    """`--force` runs a flow whatever the warehouse holds, so Prefect's temporary API starts
    before the files are hashed (its start overlaps theirs); an ingest finding nothing new never
    starts it."""
    import shutil
    from pathlib import Path

    import muniflow.commands.server
    import muniflow.warehouse.lookups
    from flows import temporary_api
    from muniflow.plain import ingest_plain

    path = Path(shutil.copy(samples / "invented_tver_2024_q4.docx", tmp_path))
    wh = tmp_path / "wh.duckdb"
    ingest_plain([path], wh)
    calls: list[str] = []
    holds = muniflow.warehouse.lookups.holds_all

    class Started(Exception):
        pass

    def start() -> None:
        calls.append("api")
        raise Started  # no flow in this test

    monkeypatch.setattr(temporary_api, "start", start)
    monkeypatch.setattr(muniflow.commands.server, "use_running_server", lambda: None)
    monkeypatch.setattr(muniflow.warehouse.lookups, "holds_all", lambda *a: calls.append("hash") or holds(*a))
    assert main(["ingest", str(path), "--warehouse", str(wh)]) == 0
    assert calls == ["hash"], "nothing new: no API"
    calls.clear()
    with contextlib.suppress(Started):
        main(["ingest", str(path), "--warehouse", str(wh), "--force"])
    assert calls == ["api"], "--force: the API starts first"
