"""The contract YAML: loaded and validated, and the single place severities and synonyms change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from muniflow.contracts import ContractError, contracts_dir, header_synonyms, load_contract
from muniflow.model import Period, Report, Row
from muniflow.rules import check_report
from muniflow.rules.row_rules import CHECKS

RULES = {"date_format", "quarter_consistency", "required_field", "numbering", "mixed_script"}


def test_contract_declares_every_row_rule_with_a_known_check() -> None:
    contract = load_contract()
    assert {r.rule for r in contract.row_rules} >= RULES
    assert {r.check for r in contract.rules_for("pandera")} <= CHECKS.keys()


@pytest.mark.parametrize(
    ("rule", "check", "severity", "reason"),
    [
        ("date_format", "date_readable", "error", "an unreadable date keeps the row out"),
        ("date_format", "date_exact", "warning", "a helped date loads, flagged"),
        ("quarter_consistency", "overlaps_period", "error", "another quarter's event is quarantined"),
        ("quarter_consistency", "within_period", "warning", "a straddling event loads, flagged"),
        ("required_field", None, "error", "a row without title/place/dates is no fact"),
        ("numbering", None, "warning", "a numbering slip does not spoil the row"),
        ("mixed_script", None, "warning", "the letters are fixed in the normalized text"),
    ],
)
def test_severities_as_the_issue_sets_them(rule: str, check: str | None, severity: str, reason: str) -> None:
    assert load_contract().severity(rule, check) == severity, reason


def test_header_synonyms_by_canonical_column() -> None:
    synonyms = header_synonyms()
    assert set(synonyms) >= {"seq_no", "municipality", "title", "place", "date_text", "goal", "participants"}
    assert "наименование мероприятия" in synonyms["title"]
    assert all(isinstance(words, list) for words in synonyms.values())


def test_string_properties_marked_required_are_checked_for_blanks() -> None:
    doc = yaml.safe_load((contracts_dir() / "events.odcs.yaml").read_text(encoding="utf-8"))
    required = {
        p["name"]
        for p in doc["schema"][0]["properties"]
        if p.get("required") and p["logicalType"] == "string"
    }
    checked = {r.property for r in load_contract().row_rules if r.check == "not_blank"}
    assert required == checked


def test_dataset_rules_name_views_and_expectations() -> None:
    rules = load_contract().dataset_rules
    assert {r.table for r in rules} == {"events", "flagged_rows", "reports", "reporting_status"}
    assert all(r.expectation.startswith("expect_") for r in rules)


def _straddling_row() -> Row:
    """A row whose event starts before 2024 Q2 and ends inside it."""
    return Row(
        source_file="r.docx", source_locator="table 1, row 2", row_index=0, seq_text="1.", seq_no=1,
        municipality_raw="Район", municipality="Район", title_raw="Концерт", title="Концерт",
        place_raw="г. Город", place="г. Город", date_text="30 марта – 2 апреля 2024 года",
        start_date=date(2024, 3, 30), end_date=date(2024, 4, 2), date_form="exact",
        goal_raw="", goal="", participants_raw="", participants="",
    )  # fmt: skip


def _copy_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (contracts_dir() / "events.odcs.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "events.odcs.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def test_changing_a_severity_in_the_yaml_changes_the_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A straddling event: a warning by the shipped contract, an error once the YAML says so.
    old = "implementation: within_period\n            dimension: consistency\n            severity: warning"
    folder = _copy_with(tmp_path, old, old.replace("warning", "error"))
    row = _straddling_row()
    report = Report("r.docx", "docx", None, Period(2024, 2), (row,))

    assert [f.severity for f in check_report(report)] == ["warning"]
    assert [f.severity for f in check_report(report, load_contract(folder))] == ["error"]
    monkeypatch.setenv("MUNIFLOW_CONTRACTS_DIR", str(folder))
    assert [f.severity for f in check_report(report)] == ["error"]


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("severity: warning", "severity: fatal", "severities are error or warning"),
        ("engine: pandera", "engine: soda", "row rules run on pandera or muniflow"),
        ("implementation: not_blank\n", "\n", "a row rule names its check"),
    ],
)
def test_a_broken_contract_is_refused(tmp_path: Path, old: str, new: str, reason: str) -> None:
    with pytest.raises(ContractError):
        load_contract(_copy_with(tmp_path, old, new))


def test_a_missing_contract_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ContractError, match="not found"):
        load_contract(tmp_path)
