"""The expected list (contracts/reporting.yaml, `expected:`) is read after the load: editing it
re-reads no file (the extraction's cache key stays), yet the next ingest re-evaluates the
unexpected_municipality flags and the completeness by the new list. A quarter only a file refused
whole names gets its completeness in the data-quality report as in the run summary. Municipality
names are invented; the contracts are a temporary copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import nil_builders as nb
import pytest
import yaml

from muniflow import codeversion
from muniflow.plain import ingest_plain
from muniflow.reporting.contract import load_reporting
from muniflow.warehouse import db, lookups, reporting

ROOT = Path(__file__).resolve().parents[1]
REGION = "Северная область"


def _write_list(folder: Path, names: list[str]) -> None:
    doc = yaml.safe_load((folder / "reporting.yaml").read_text(encoding="utf-8"))
    doc["expected"] = {REGION: names}
    (folder / "reporting.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def contracts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "contracts"
    shutil.copytree(ROOT / "contracts", folder)
    _write_list(folder, ["Ольховский район", "Кедровский район"])
    monkeypatch.setenv("MUNIFLOW_CONTRACTS_DIR", str(folder))
    return folder


def _unexpected(path: Path) -> list[str]:
    with db.connect(path) as con:
        rows = con.execute(
            "select municipality from flagged_rows where rule = 'unexpected_municipality' order by 1"
        ).fetchall()
    return [r[0] for r in rows]


def _statuses(path: Path) -> dict[str, str]:
    with db.connect(path) as con:
        reporting.sync_expected(con, load_reporting().expected_pairs())
        rows = con.execute(
            "select municipality, status from reporting_status where period = '2025Q3' and expected"
        ).fetchall()
    return dict(rows)


def test_editing_the_expected_list_re_evaluates_flags_without_re_reading(
    tmp_path: Path, contracts: Path
) -> None:
    files = [
        nb.single_report(tmp_path / "olkhovsky.docx", "Ольховский район", ["Фестиваль соседей"]),
        nb.single_report(tmp_path / "ryabinovsky.docx", "Рябиновский район", ["Визит партнёров"]),
    ]
    wh = tmp_path / "wh.duckdb"
    first = ingest_plain(files, wh)
    assert set(first["statuses"].values()) == {"loaded"}
    assert _unexpected(wh) == ["Рябиновский район"]
    assert _statuses(wh) == {"Ольховский район": "reported", "Кедровский район": "missing"}
    version = codeversion.code_version()
    assert lookups.holds_all(files, wh), "nothing new before the edit"

    _write_list(contracts, ["Ольховский район", "Рябиновский район"])  # the analyst adds it
    assert codeversion.code_version() == version, "the extraction's cache key does not change"
    assert not lookups.holds_all(files, wh), "the edited list is something new to ingest"

    second = ingest_plain(files, wh)
    assert set(second["statuses"].values()) == {"unchanged"}, "no file loaded again"
    assert _unexpected(wh) == []
    assert _statuses(wh) == {"Ольховский район": "reported", "Рябиновский район": "reported"}
    assert lookups.holds_all(files, wh), "the flags follow the list: nothing new any more"


def test_a_quarter_only_a_refused_file_names_gets_its_completeness_in_the_report(
    tmp_path: Path, contracts: Path
) -> None:
    files = [
        nb.single_report(tmp_path / "olkhovsky.docx", "Ольховский район", ["Фестиваль соседей"]),
        nb.nil_letter(
            tmp_path / "kedrovsky.docx",
            [
                "Администрация муниципального образования «Кедровский район» Северной области",
                "Информация о международных мероприятиях во II квартале 2025 года",
                "Работа с зарубежными партнёрами велась в плановом порядке.",
            ],
        ),
    ]
    out = tmp_path / "report"
    result = ingest_plain(files, tmp_path / "wh.duckdb", report_dir=out)
    assert result["statuses"][str(files[1])] == "quarantined"
    html = (out / "dq_report.html").read_text(encoding="utf-8")
    section = html[html.index("Не представили отчёт") : html.index("<h2>Сводка по правилам")]
    assert f"<td>2025Q2</td><td>{REGION}</td><td>Ольховский район</td>" in section
    assert f"<td>2025Q3</td><td>{REGION}</td><td>Кедровский район</td>" in section


def test_the_stored_flags_are_compared_with_the_list_only_after_an_edit(
    tmp_path: Path, contracts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from muniflow.warehouse import expected

    files = [nb.single_report(tmp_path / "olkhovsky.docx", "Ольховский район", ["Фестиваль соседей"])]
    wh = tmp_path / "wh.duckdb"
    ingest_plain(files, wh)
    scans: list[str] = []
    real = expected.stale_periods

    def counted(con):  # type: ignore[no-untyped-def]
        scans.append("scan")
        return real(con)

    monkeypatch.setattr(expected, "stale_periods", counted)
    monkeypatch.setattr("muniflow.pipeline.stale_periods", counted)
    assert lookups.holds_all(files, wh)
    ingest_plain(files, wh)
    assert scans == [], "an unchanged list: no scan of the warehouse's rows, on the lookup or a run"

    _write_list(contracts, ["Ольховский район", "Ясеневский район"])
    assert not lookups.holds_all(files, wh), "an edited list is something new"
    ingest_plain(files, wh)
    assert scans == ["scan"], "the run after the edit looks for the quarters it changed, once"
    assert lookups.holds_all(files, wh)
    ingest_plain(files, wh)
    assert scans == ["scan"]
