"""Who has reported a quarter: five expected municipalities, reports from three (one nil) and one
that is not on the list -> reporting_status, `muniflow status`, the DQ report, the flag."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import nil_builders as nb
import pytest
import yaml

from muniflow import period_checks, stages
from muniflow.cli import main
from muniflow.file_outcome import FileOutcome, with_region
from muniflow.intake.limits import default_limits
from muniflow.quality_report import write_quality_report
from muniflow.reporting.contract import load_reporting
from muniflow.warehouse import db, loader, lookups, reporting

ROOT = Path(__file__).resolve().parents[1]
REGION = "Северная область"
EXPECTED = ["Берёзовский район", "Каменский район", "Лесной район", "Озёрный район", "Полевой район"]


@pytest.fixture
def contracts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project's contracts with an expected list of five municipalities for one region."""
    folder = tmp_path / "contracts"
    shutil.copytree(ROOT / "contracts", folder)
    doc = yaml.safe_load((folder / "reporting.yaml").read_text(encoding="utf-8"))
    doc["expected"] = {REGION: EXPECTED}
    (folder / "reporting.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("MUNIFLOW_CONTRACTS_DIR", str(folder))
    return folder


def _ingest(con, paths: list[Path]) -> dict[str, FileOutcome]:  # type: ignore[no-untyped-def]
    """Each file through the stages a worker runs (in this process, so it sees the test's contracts)."""
    run_id = loader.start_run(con)
    outcomes = {}
    for path in paths:
        outcome = stages._process_in_worker(path, default_limits(), None)
        outcome = FileOutcome(**{**outcome.__dict__, "sha256": stages.sha256_file(path)})
        stages.load_file(con, run_id, outcome)
        outcomes[path.stem] = outcome
    periods = {o.report.period.label for o in outcomes.values() if o.report and o.report.period}
    period_checks.dedupe_periods(con, run_id, periods)  # the rules run on the loaded rows (expected list)
    loader.finish_run(con, run_id, {"files": len(paths)})
    return outcomes


@pytest.fixture
def warehouse(tmp_path: Path, contracts: Path) -> tuple[Path, dict[str, FileOutcome]]:
    files = [
        nb.single_report(tmp_path / "lesnoy.docx", "Лесной район", ["Фестиваль дружбы", "Визит делегации"]),
        nb.single_report(tmp_path / "kamensky.docx", "Каменский район", ["Ярмарка ремёсел"]),
        nb.nil_only_row(tmp_path / "ozerny.docx", "Озёрный район", "Мероприятия не проводились"),
        # a typo of an expected name: reported, but flagged and not counted as the expected one
        nb.single_report(tmp_path / "typo.docx", "Берёзовкий район", ["Конференция побратимов"]),
    ]
    path = tmp_path / "wh.duckdb"
    with db.connect(path) as con:
        outcomes = _ingest(con, files)
        reporting.sync_expected(con, load_reporting().expected_pairs())
    return path, outcomes


def _statuses(path: Path) -> dict[str, tuple[str, bool]]:
    with db.connect(path) as con:
        rows = con.execute(
            "select municipality, status, expected from reporting_status where period = '2025Q3'"
        ).fetchall()
    return {m: (s, e) for m, s, e in rows}


def test_two_reported_one_nil_two_missing(warehouse) -> None:
    path, _ = warehouse
    statuses = _statuses(path)
    expected = {m: s for m, (s, e) in statuses.items() if e}
    assert expected == {
        "Лесной район": "reported",
        "Каменский район": "reported",
        "Озёрный район": "nil",
        "Берёзовский район": "missing",  # only its misspelling reported
        "Полевой район": "missing",
    }
    assert statuses["Берёзовкий район"] == ("reported", False), "listed, as a municipality not expected"
    with db.connect(path) as con:
        assert lookups.reconcile(con) == [], "a nil report loads with nothing lost"


def test_unexpected_municipality_is_flagged_once(warehouse) -> None:
    path, outcomes = warehouse
    with db.connect(path) as con:
        flags = con.execute(
            "select municipality, rule, severity, quarantined from flagged_rows"
            " where rule = 'unexpected_municipality'"
        ).fetchall()
    assert flags == [("Берёзовкий район", "unexpected_municipality", "warning", False)]
    assert outcomes["ozerny"].flags == () and outcomes["ozerny"].reason is None


def test_a_contracts_folder_holding_only_the_expected_lists_flags_the_unexpected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MUNIFLOW_CONTRACTS_DIR overrides contracts file by file: a folder with reporting.yaml alone
    (its `expected:` lists) leaves the event contract the project's own, and the rule still follows
    the folder's lists, as `muniflow status` does."""
    folder = tmp_path / "only_lists"
    folder.mkdir()
    doc = yaml.safe_load((ROOT / "contracts" / "reporting.yaml").read_text(encoding="utf-8"))
    doc["expected"] = {REGION: EXPECTED}
    (folder / "reporting.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("MUNIFLOW_CONTRACTS_DIR", str(folder))
    typo = nb.single_report(tmp_path / "typo.docx", "Берёзовкий район", ["Конференция побратимов"])
    path = tmp_path / "wh.duckdb"
    with db.connect(path) as con:
        _ingest(con, [typo])
        flags = con.execute(
            "select municipality, rule from flagged_rows where rule = 'unexpected_municipality'"
        ).fetchall()
    assert flags == [("Берёзовкий район", "unexpected_municipality")]


def test_a_municipality_corrected_on_the_unexpected_flag_names_the_whole_section(
    tmp_path: Path, contracts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The misspelt heading is flagged once, on its first row; the analyst's corrected municipality
    there renames the section: every event of it, and the quarter's status, follow."""
    typo = nb.single_report(tmp_path / "typo.docx", "Берёзовкий район", ["Конференция побратимов", "Ярмарка"])
    path = tmp_path / "wh.duckdb"
    with db.connect(path) as con:
        _ingest(con, [typo])
        reporting.sync_expected(con, load_reporting().expected_pairs())
    review_file = tmp_path / "review.csv"
    assert main(["review", "export", str(review_file), "--warehouse", str(path)]) == 0
    with review_file.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.DictReader(fh))
    assert [line["rules"] for line in lines] == ["unexpected_municipality"]
    lines[0].update(decision="accept", corrected_municipality="Берёзовский район")
    with review_file.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(lines[0]))
        writer.writeheader()
        writer.writerows(lines)
    assert main(["review", "apply", str(review_file), "--warehouse", str(path)]) == 0
    capsys.readouterr()
    with db.connect(path) as con:
        events = con.execute("select title, municipality from events order by seq_no").fetchall()
        status = con.execute(
            "select municipality, status from reporting_status"
            " where period = '2025Q3' and status <> 'missing'"
        ).fetchall()
    assert events == [("Конференция побратимов", "Берёзовский район"), ("Ярмарка", "Берёзовский район")]
    assert status == [("Берёзовский район", "reported")], "the misspelt name is no reporter any more"


def test_status_command_orders_missing_first(warehouse, capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = warehouse
    assert main(["status", "--period", "2025Q3", "--warehouse", str(path), "--format", "csv"]) == 0
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["status"] for r in records] == ["missing", "missing", "nil", "reported", "reported", "reported"]
    missing = {r["municipality"] for r in records if r["status"] == "missing"}
    assert missing == {"Берёзовский район", "Полевой район"}
    assert main(["status", "--period", "2025Q3", "--warehouse", str(path), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 6
    assert main(["status", "--period", "2025Q3", "--warehouse", str(path)]) == 0
    table = capsys.readouterr().out
    assert table.index("missing") < table.index("reported")


def test_status_of_a_quarter_no_report_arrived_for_lists_every_expected_as_missing(
    warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before the first report of a quarter the analyst asks who is missing: all of the list."""
    path, _ = warehouse
    assert main(["status", "--period", "2024Q1", "--warehouse", str(path), "--format", "csv"]) == 0
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["municipality"], r["status"], r["period"]) for r in records] == [
        (name, "missing", "2024Q1") for name in EXPECTED
    ]


def test_status_of_a_region_spelled_otherwise_names_the_regions_known(
    warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    """«Северная обл.» matches no report: the command says how the reports name their regions."""
    path, _ = warehouse
    assert main(["status", "--period", "2025Q3", "--warehouse", str(path), "--region", "Северная обл."]) == 0
    assert "regions as the reports name them: Северная область" in capsys.readouterr().err


def test_dq_report_lists_the_missing_with_days_overdue(warehouse, tmp_path: Path) -> None:
    path, _ = warehouse
    with db.connect(path) as con:
        html = write_quality_report(con, "latest", tmp_path / "report").read_text(encoding="utf-8")
    section = html[html.index("Не представили отчёт") :]
    section = section[: section.index("<h2>Сводка по правилам")]
    days = (date.today() - date(2025, 9, 30)).days
    for name in ("Берёзовский район", "Полевой район"):
        assert f'<td>2025Q3</td><td>{REGION}</td><td>{name}</td><td class="n">{days}</td>' in section
    listed_2025q3 = [line for line in section.splitlines() if "<td>2025Q3</td>" in line]
    assert len(listed_2025q3) == 2, "the reported and the nil municipalities are not listed"
    # the quarter that ended last is listed too: before anything arrives, everyone is missing
    last_ended = (date.today().month - 1) // 3 or 4
    assert f"Q{last_ended}</td>" in section


def test_report_command_for_one_quarter_lists_only_its_missing(
    warehouse, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = warehouse
    out = tmp_path / "q3"
    assert main(["report", "--period", "2025q3", "--out", str(out), "--warehouse", str(path)]) == 0
    html = (out / "dq_report.html").read_text(encoding="utf-8")
    section = html[html.index("Не представили отчёт") : html.index("<h2>Сводка по правилам")]
    quarters = {line.split("<td>")[1].split("<")[0] for line in section.splitlines() if "<tr><td>" in line}
    assert quarters == {"2025Q3"}, "the last ended quarter's missing stay out of one quarter's report"
    assert "(2)" in section.split("</h2>")[0]
    assert main(["report", "--period", "2025Q5", "--warehouse", str(path)]) == 2
    assert "period must look like 2024Q2" in capsys.readouterr().err


def test_suggest_drafts_the_list_from_reports(warehouse, capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = warehouse
    assert main(["municipalities", "suggest", "--region", REGION, "--warehouse", str(path)]) == 0
    draft = yaml.safe_load(capsys.readouterr().out)
    assert draft == {
        "expected": {REGION: sorted(["Берёзовкий район", "Каменский район", "Лесной район", "Озёрный район"])}
    }


def test_suggest_for_a_region_spelled_otherwise_names_the_regions_seen(
    warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    """«Южная область» holds no report: the message lists the regions the warehouse holds, not it."""
    path, _ = warehouse
    assert main(["municipalities", "suggest", "--region", "Южная область", "--warehouse", str(path)]) == 2
    err = capsys.readouterr().err
    assert "no reports for Южная область (regions seen: Северная область)" in err


def test_no_list_no_completeness(tmp_path: Path) -> None:
    """Without an expected list nothing is missing and no municipality is unexpected: the region's
    completeness is unchecked (`listed` false in the run summary), not complete."""
    file = nb.single_report(tmp_path / "a.docx", "Лесной район", ["Фестиваль дружбы"])
    with db.connect(":memory:") as con:
        outcomes = _ingest(con, [file])
        reporting.sync_expected(con, [])
        rows = con.execute("select municipality, status, expected from reporting_status").fetchall()
        (entry,) = reporting.completeness(con)
    assert rows == [("Лесной район", "reported", False)]
    assert outcomes["a"].flags == ()
    assert entry["missing"] == 0 and entry["listed"] is False


def test_run_summary_says_a_region_without_a_list_was_not_checked(capsys: pytest.CaptureFixture[str]) -> None:
    from muniflow.ingest_summary import print_summary

    entry = {"region": REGION, "period": "2025Q3", "reported": 2, "nil": 0, "quarantined": 0, "missing": 0,
             "missing_names": [], "listed": False}  # fmt: skip
    print_summary({"run_id": "r1", "files": [], "report": "dq.html", "completeness": [entry]})
    out = capsys.readouterr().out
    assert "missing 0 (no expected list)" in out
    assert f"no expected list for {REGION}: completeness not checked" in out


def test_run_summary_gives_the_advice_on_expected_lists_once(capsys: pytest.CaptureFixture[str]) -> None:
    """Thirty regions and quarters without a list: one line of advice, not one per region and quarter."""
    from muniflow.ingest_summary import print_summary

    counts = {"reported": 1, "nil": 0, "quarantined": 0, "missing": 0, "missing_names": [], "listed": False}
    quarters = ("2025Q2", "2025Q3")
    entries = [{"region": f"Область {k}", "period": q, **counts} for k in range(15) for q in quarters]
    print_summary({"run_id": "r1", "files": [], "report": "dq.html", "completeness": entries})
    out = capsys.readouterr().out
    assert out.count("muniflow municipalities suggest") == 1
    assert "no expected list for 15 regions (marked above): completeness not checked" in out
    assert out.count("(no expected list)") == 30


def test_run_summary_names_the_missing(capsys: pytest.CaptureFixture[str]) -> None:
    from muniflow.ingest_summary import print_summary

    entry = {"region": REGION, "period": "2025Q3", "reported": 2, "nil": 1, "quarantined": 0, "missing": 2,
             "missing_names": ["Берёзовский район", "Полевой район"]}  # fmt: skip
    print_summary({"run_id": "r1", "files": [], "report": "dq.html", "completeness": [entry]})
    out = capsys.readouterr().out
    counts = "reported 2, nil 1, quarantined 0, missing 2"
    assert f"2025Q3 {REGION}: {counts}: Берёзовский район, Полевой район" in out


def test_a_report_naming_no_region_takes_the_one_whose_expected_reporters_hold_its_municipalities(
    contracts: Path,
) -> None:
    from dataclasses import replace

    from test_report_sections import municipal

    def region(*names: str) -> str | None:
        report = municipal(names[0], region=None)
        rows = tuple(replace(r, municipality=n) for r, n in zip(report.rows, names, strict=False))
        outcome = FileOutcome("f.docx", "0" * 64, "docx", replace(report, rows=rows))
        got = with_region(outcome, None)
        assert got.report is not None
        return got.report.region

    assert region(EXPECTED[0], EXPECTED[1]) == REGION
    assert region(EXPECTED[0], "Другой район") is None, "one municipality off the list: unknown"
    assert region("Другой район") is None


# A table no events table is read from (no column for an event's title or dates): the layout is refused.
FIGURES = [["Показатель", "Значение"], *([f"Показатель {n}", str(n)] for n in range(1, 7))]


def _refused(tmp_path: Path, municipality: str, name: str, *, table: bool = False) -> Path:
    """A municipality's report refused whole: its title names it and the quarter, but it holds no table
    (`no_table_found`) or only a table of figures (`unknown_layout`)."""
    lines = [*nb.municipal_title(municipality), "Работа с зарубежными партнёрами велась в плановом порядке."]
    if table:
        return nb.with_tables(tmp_path / name, [*lines, FIGURES])
    return nb.nil_letter(tmp_path / name, lines)


def test_a_file_refused_whole_counts_the_municipality_its_title_names_quarantined(
    warehouse, tmp_path: Path
) -> None:
    """Refused for its layout, a report still says whose it is and for when: its municipality has
    reported (`quarantined`, the file to look at), it is not `missing`; the file's messages say so."""
    path, _ = warehouse
    files = [
        _refused(tmp_path, "Полевой район", "polevoy.docx"),
        _refused(tmp_path, "Берёзовский район", "berezovsky.docx", table=True),
    ]
    with db.connect(path) as con:
        outcomes = _ingest(con, files)
        stored = con.execute(
            "select source_file, reason, region, period, title_municipality, status from reports"
            " where status = 'quarantined' order by source_file"
        ).fetchall()
        html = write_quality_report(con, "latest", tmp_path / "report").read_text(encoding="utf-8")
    assert [(Path(f).name, *rest) for f, *rest in stored] == [
        ("berezovsky.docx", "unknown_layout", REGION, "2025Q3", "Берёзовский район", "quarantined"),
        ("polevoy.docx", "no_table_found", REGION, "2025Q3", "Полевой район", "quarantined"),
    ]
    statuses = _statuses(path)
    assert statuses["Полевой район"] == ("quarantined", True)
    assert statuses["Берёзовский район"] == ("quarantined", True)
    assert statuses["Лесной район"] == ("reported", True)
    said = f"report of Полевой район ({REGION}) for 2025Q3, as its title says: "
    assert (outcomes["polevoy"].message or "").startswith(said)
    assert said in html, "the data-quality report's refused files say whose report each was"


def test_a_refused_file_supersedes_no_report(warehouse, tmp_path: Path) -> None:
    """A refused re-send of a municipality that reported, and a refused regional file, replace
    nothing: every section stays current, the good report decides the status, nothing is lost."""
    path, _ = warehouse
    with db.connect(path) as con:
        before = con.execute(
            "select report_id, municipality, status from report_sections order by all"
        ).fetchall()
        events = con.execute("select count(*) from events").fetchone()
        regional = nb.with_tables(
            tmp_path / "regional.docx",
            ["Информация", f"{nb.QUARTER_TITLE} муниципальными образованиями Северной области", FIGURES],
        )
        _ingest(con, [_refused(tmp_path, "Лесной район", "lesnoy-again.docx"), regional])
        after = con.execute(
            "select report_id, municipality, status from report_sections order by all"
        ).fetchall()
        assert con.execute("select count(*) from events").fetchone() == events
        assert con.execute("select count(*) from reports where status = 'superseded'").fetchone() == (0,)
        municipality = con.execute(
            "select title_municipality from reports where source_file like '%regional.docx'"
        ).fetchone()
        assert lookups.reconcile(con) == []
    assert after == before and all(status == "current" for *_, status in after)
    assert municipality == (None,), "a regional report names no one municipality"
    assert _statuses(path)["Лесной район"] == ("reported", True)


def test_a_covering_letter_alone_leaves_its_municipality_missing(tmp_path: Path, contracts: Path) -> None:
    """A letter that sends a report it does not hold («Направляем информацию …», «Приложение: на
    2 л.»): quarantined as `covering_letter`, its municipality `missing` with the letter shown on
    the row; a letter that sends nothing stays `quarantined`."""
    letter = nb.nil_letter(
        tmp_path / "polevoy.docx",
        [
            *nb.municipal_title("Полевой район"),
            "Направляем Вам информацию о международных мероприятиях за отчётный период.",
            "Приложение: на 2 л. в 1 экз.",
        ],
    )
    other = nb.nil_letter(
        tmp_path / "lesnoy.docx",
        [*nb.municipal_title("Лесной район"), "Работа с зарубежными партнёрами велась в плановом порядке."],
    )
    path = tmp_path / "wh.duckdb"
    with db.connect(path) as con:
        outcomes = _ingest(con, [letter, other])
        reporting.sync_expected(con, load_reporting().expected_pairs())
        letter_id = con.execute("select report_id from reports where reason = 'covering_letter'").fetchone()
    assert outcomes["polevoy"].reason == "covering_letter"
    assert "only a covering letter" in (outcomes["polevoy"].message or "")
    assert outcomes["lesnoy"].reason == "no_table_found"
    with db.connect(path) as con:
        rows = con.execute(
            "select municipality, status, report_id from reporting_status where period = '2025Q3'"
            " and municipality in ('Полевой район', 'Лесной район') order by 1"
        ).fetchall()
    assert letter_id is not None
    assert rows[0][:2] == ("Лесной район", "quarantined")
    assert rows[1] == ("Полевой район", "missing", letter_id[0])
    with db.connect(path) as con:
        html = write_quality_report(con, "latest", tmp_path / "report").read_text(encoding="utf-8")
    section = html[html.index("Не представили отчёт") : html.index("<h2>Сводка по правилам")]
    assert "<td>Полевой район (получено только сопроводительное письмо, отчёта в нём нет)</td>" in section
    assert "<td>Каменский район</td>" in section, "missing with nothing received: no note"
