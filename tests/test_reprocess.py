"""`muniflow reprocess`: an upgrade (new contract synonym, changed code) reaches loaded reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
import readers_fixtures as rf
import warehouse_fixtures
from extraction import extract_file
from warehouse_fixtures import snapshot

from muniflow import codeversion, period_checks, stages
from muniflow.commands import reprocess as rp
from muniflow.file_outcome import FileOutcome, named
from muniflow.interpret import row_fields
from muniflow.interpret import rows as interpret_rows
from muniflow.model import Period
from muniflow.warehouse import db, loader, lookups

fresh_db = warehouse_fixtures.fresh_db

TITLE = (
    "Отчет о международных мероприятиях муниципальных образований Смоленской области во II квартале 2024 года"
)


def in_process(path: Path, period: Period | None, sha256: str) -> FileOutcome:
    """Every stage of `stages.process_file`, run in this process so monkeypatches and the
    environment of the test apply (the sandboxed workers are shared and started once)."""
    return stages.enrich_file(stages.validate_file(extract_file(path, period, sha256)))


def report_file(
    path: Path, sections: dict[str, tuple[str, ...]], header: tuple[str, ...] | None = None
) -> Path:
    """A DOCX report: each municipality a heading row over its events (titles as given, as many
    for each)."""
    rows, merges = rf.report_rows(len(sections), len(next(iter(sections.values()))))
    if header is not None:
        rows[0] = list(header)
    headings = iter(sections)
    titles = iter(t for pair in sections.values() for t in pair)
    for row in rows[1:]:
        if not row[1]:
            row[0] = next(headings)
        else:
            row[1] = next(titles)
    return rf.build_docx(path, rows, merges, title=(TITLE,))


def ingest(con: duckdb.DuckDBPyConnection, paths: list[Path]) -> dict[str, loader.LoadResult]:
    """What the ingestion flow does, in process: read, load each file, run the duplicate rule."""
    run_id = loader.start_run(con)
    results = {}
    periods = set()
    for path in paths:
        outcome = in_process(path, None, stages.sha256_file(path))
        results[path.name] = stages.load_file(con, run_id, outcome)
        if outcome.report and outcome.report.period and not outcome.reason:
            periods.add(outcome.report.period.label)
    period_checks.dedupe_periods(con, run_id, periods)
    return results


def lines_by_file(lines: list[rp.Line]) -> dict[str, tuple[str, str, int, int, int]]:
    return {Path(str(x.path)).name: (x.outcome, x.status_after, x.added, x.removed, x.changed) for x in lines}


def without(view_rows: dict[str, list[tuple]], report_id: str, municipality: str) -> dict[str, list[tuple]]:
    """Each view's rows that name neither `report_id` (nor an event id of it) nor `municipality`."""

    def names(row: tuple) -> bool:
        return any(isinstance(v, str) and (v.startswith(report_id) or v == municipality) for v in row)

    return {v: [r for r in rows if not names(r)] for v, rows in view_rows.items()}


ODD_HEADER = ("Поз.", "Программа визита", "Локация", "Хронология", "Состав")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    south = {
        "Южный район": ("Конференция врачей", "Форум молодёжи"),
        "Западный район": ("Ярмарка мёда", "Семинар учителей"),
    }
    # one event: too few for its columns to be typed by their cells alone
    odd = {"Восточный район": ("Гастроли хора",)}
    return {
        "north": report_file(
            tmp_path / "north.docx", {"Северный район": ("Выставка ремёсел", "Турнир по шахматам")}
        ),
        "south": report_file(tmp_path / "south.docx", south),
        # a header in words the contract does not know, for title and dates alike: unknown_layout
        "odd": report_file(tmp_path / "odd.docx", odd, header=ODD_HEADER),
    }


def test_a_new_header_synonym_loads_the_unknown_layout_file_and_changes_nothing_else(
    fresh_db, files, tmp_path, monkeypatch
):
    loaded = ingest(fresh_db, list(files.values()))
    assert (loaded["odd.docx"].status, loaded["north.docx"].status) == ("quarantined", "loaded")
    odd = loaded["odd.docx"].report_id
    before = snapshot(fresh_db)

    contracts = shutil.copytree(Path(__file__).resolve().parents[1] / "contracts", tmp_path / "contracts")
    contract = contracts / "events.odcs.yaml"
    text = contract.read_text(encoding="utf-8")
    assert '"тема мероприятия",' in text and '"сроки проведения",' in text
    text = text.replace('"тема мероприятия",', '"тема мероприятия", "программа визита",')
    contract.write_text(text.replace('"сроки проведения",', '"сроки проведения", "хронология",'), "utf-8")
    old_version = codeversion.code_version()
    monkeypatch.setenv("MUNIFLOW_CONTRACTS_DIR", str(contracts))
    assert codeversion.code_version() != old_version  # the contract is part of the fingerprint

    lines, summary = rp.reprocess(fresh_db, process=in_process)
    assert lines_by_file(lines) == {
        "odd.docx": ("replaced", "loaded", 1, 0, 0),  # read now: its event is added
        "north.docx": ("unchanged", "loaded", 0, 0, 0),
        "south.docx": ("unchanged", "loaded", 0, 0, 0),
    }
    assert summary["violations"] == []
    after = snapshot(fresh_db)
    assert without(after, odd, "Восточный район") == without(before, odd, "Восточный район")
    assert fresh_db.execute("select count(*) from events where report_id = ?", [odd]).fetchone() == (1,)
    history = fresh_db.execute(
        "select reading, status, reason, rows_extracted from report_readings"
    ).fetchall()
    assert history == [(1, "quarantined", "unknown_layout", 0)]
    # every report now carries the new fingerprint: nothing left to re-read
    assert rp.reprocess(fresh_db, process=in_process)[0] == []


def test_a_code_change_renaming_one_municipality_changes_exactly_its_rows(fresh_db, files, monkeypatch):
    ingest(fresh_db, [files["north"], files["south"]])
    rows_before = set(fresh_db.execute("select * exclude (report_status) from extracted_rows").fetchall())

    real = interpret_rows.canonical_municipality
    for module in (interpret_rows, row_fields):  # the sections' names and the rows' own
        monkeypatch.setattr(
            module,
            "canonical_municipality",
            lambda name: "Западный МО" if "западный" in name.lower() else real(name),
        )
    monkeypatch.setattr(codeversion, "code_version", lambda: "patched-code")

    lines, summary = rp.reprocess(fresh_db, process=in_process)
    assert lines_by_file(lines) == {
        "north.docx": ("unchanged", "loaded", 0, 0, 0),
        "south.docx": ("replaced", "loaded", 0, 0, 2),  # the two rows under the renamed heading
    }
    assert summary["violations"] == []
    rows_after = set(fresh_db.execute("select * exclude (report_status) from extracted_rows").fetchall())
    gone, new = rows_before - rows_after, rows_after - rows_before
    assert len(gone) == len(new) == 2
    assert {r[4] for r in new} == {"Западный МО"}  # column 5 of extracted_rows is the municipality
    municipalities = {m for (m,) in fresh_db.execute("select municipality from report_sections").fetchall()}
    assert "Западный МО" in municipalities and not any("западный" in m for m in municipalities)
    assert fresh_db.execute("select count(*) from core.previous_rows").fetchone() == (
        4,
    )  # south's old reading

    before = snapshot(fresh_db)
    assert rp.reprocess(fresh_db, process=in_process)[0] == []  # same fingerprint: nothing to re-read
    again, summary = rp.reprocess(fresh_db, everything=True, process=in_process)
    assert summary["violations"] == []
    assert {x.outcome for x in again} == {"unchanged"}
    assert snapshot(fresh_db) == before
    assert lookups.reconcile(fresh_db) == []


def test_a_file_gone_or_changed_on_disk_is_reported_not_guessed(fresh_db, files, monkeypatch):
    ingest(fresh_db, [files["north"], files["south"]])
    files["north"].unlink()
    report_file(files["south"], {"Южный район": ("Вечер поэзии", "Сплав по реке")})  # new bytes, old name
    monkeypatch.setattr(codeversion, "code_version", lambda: "patched-code")
    before = snapshot(fresh_db)
    lines, _ = rp.reprocess(fresh_db, process=in_process)
    assert {Path(str(x.path)).name: x.outcome for x in lines} == {
        "north.docx": "gone",
        "south.docx": "changed_on_disk",
    }
    assert "file gone" in rp.format_line(lines[0]) or "file gone" in rp.format_line(lines[1])
    assert snapshot(fresh_db) == before


def test_only_the_periods_asked_for_are_reread(fresh_db, files, monkeypatch):
    ingest(fresh_db, [files["north"]])
    monkeypatch.setattr(codeversion, "code_version", lambda: "patched-code")
    assert rp.reprocess(fresh_db, ["2024Q3"], process=in_process)[0] == []
    assert [x.outcome for x in rp.reprocess(fresh_db, ["2024Q2"], process=in_process)[0]] == ["unchanged"]


def test_ingest_points_to_reprocess_when_reports_were_read_by_another_version(fresh_db, files, monkeypatch):
    ingest(fresh_db, [files["north"]])
    assert rp.stale_hint(fresh_db) is None
    monkeypatch.setattr(codeversion, "code_version", lambda: "patched-code")
    hint = rp.stale_hint(fresh_db)
    assert hint is not None and "1 report(s)" in hint and "muniflow reprocess" in hint


def test_reprocess_command_rereads_with_the_sandboxed_reader(files, tmp_path, capsys):
    from muniflow import cli

    warehouse = tmp_path / "w.duckdb"
    with db.connect(warehouse) as con:
        ingest(con, [files["north"]])
    assert cli.main(["reprocess", "--warehouse", str(warehouse), "--period", "2024Q2"]) == 0
    assert "reports_reread 0" in capsys.readouterr().out
    assert cli.main(["reprocess", "--warehouse", str(warehouse), "--all"]) == 0
    out = capsys.readouterr().out
    assert "unchanged loaded" in out and "north.docx" in out and "reports_reread 1" in out
    assert cli.main(["reprocess", "--warehouse", str(warehouse), "--period", "spring"]) == 2


def test_a_loaded_file_that_no_longer_reads_keeps_its_earlier_reading(fresh_db, files, monkeypatch):
    ingest(fresh_db, [files["north"]])
    before = snapshot(fresh_db)
    monkeypatch.setattr(codeversion, "code_version", lambda: "patched-code")

    def refuses(path: Path, period: Period | None, sha256: str) -> FileOutcome:
        return FileOutcome(str(path), sha256, None, None, reason="unknown_layout", message="no")

    lines, _ = rp.reprocess(fresh_db, process=refuses)
    assert [(x.outcome, x.status_after, x.reason) for x in lines] == [("kept", "loaded", "unknown_layout")]
    assert "earlier reading kept" in rp.format_line(lines[0])
    assert snapshot(fresh_db) == before
    assert len(rp.reprocess(fresh_db, process=refuses)[0]) == 1  # still stale: tried again next time


def test_a_gone_file_under_a_relative_path_says_where_to_run_from() -> None:
    """A path recorded as `ingest` was given it (relative) is looked up from the folder reprocess
    runs in: the line says to run it from where ingest ran; an absolute path needs no such word."""
    relative = rp.Line("r1", "inbox/north.docx", "gone", "loaded", "loaded")
    absolute = rp.Line("r2", "/srv/inbox/north.docx", "gone", "loaded", "loaded")
    assert "run reprocess from the folder ingest ran in" in rp.format_line(relative)
    assert "run reprocess from" not in rp.format_line(absolute)


def test_a_file_ingested_by_a_relative_path_is_found_from_another_folder(
    fresh_db, files, tmp_path, monkeypatch
) -> None:
    """`ingest north.docx` records the path as given and where it was: reprocess run from another
    folder re-reads the file by the latter, and `report_files` shows both."""
    monkeypatch.chdir(files["north"].parent)
    outcome = named(in_process(files["north"], None, stages.sha256_file(files["north"])), "north.docx")
    stages.load_file(fresh_db, loader.start_run(fresh_db), outcome)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    lines, _ = rp.reprocess(fresh_db, everything=True, process=in_process)
    assert [(x.outcome, x.path) for x in lines] == [("unchanged", str(files["north"]))]
    recorded = fresh_db.execute("select source_file, located_at from report_files").fetchall()
    assert recorded == [("north.docx", str(files["north"]))]


def test_a_gone_file_is_named_where_it_was() -> None:
    assert rp._shown(("inbox/north.docx", "/srv/inbox/north.docx")) == "/srv/inbox/north.docx"
    assert rp._shown(("inbox/north.docx",)) == "inbox/north.docx"
    assert rp._shown(()) is None


def test_a_file_named_on_windows_is_found_by_its_bytes(fresh_db, files, tmp_path, monkeypatch) -> None:
    """A name in cp1251 bytes is recorded decoded («Кимры.docx»): reprocess looks for it as its
    bytes were, from the folder ingest ran in or any other."""
    import os

    from muniflow.intake.expand import lineage_name

    folder = tmp_path / "inbox"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/" + "Кимры.docx".encode("cp1251")
    shutil.copy(files["north"], raw)
    on_disk = Path(os.fsdecode(raw))
    monkeypatch.chdir(tmp_path)
    outcome = named(in_process(on_disk, None, stages.sha256_file(on_disk)), "inbox/Кимры.docx")
    stages.load_file(fresh_db, loader.start_run(fresh_db), outcome)
    monkeypatch.chdir(folder)
    lines, _ = rp.reprocess(fresh_db, everything=True, process=in_process)
    assert [(x.outcome, x.path) for x in lines] == [("unchanged", lineage_name(on_disk))]
    assert lines[0].path == str(folder / "Кимры.docx")


def test_a_gone_member_of_an_archive_says_to_ingest_the_archive_again() -> None:
    member = rp.Line("r3", "inbox/letter.eml!Отчёт.docx", "gone", "loaded", "loaded")
    said = rp.format_line(member)
    assert "inside an archive or an e-mail" in said and "run reprocess from" not in said
