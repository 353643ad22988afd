"""The Great Expectations checkpoint compiled from the contract's dataset rules, on warehouse-like frames."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from muniflow.contracts import load_contract
from muniflow.quality import QualityResult, run_checkpoint
from muniflow.quality.checkpoint import expectation_class_name


def frames(**broken: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Views of a consistent warehouse; keyword arguments replace one view."""
    events = pd.DataFrame(
        {
            "event_id": ["e1", "e2"],
            "title": ["Концерт", "Форум"],
            "municipality": ["Район", "Город"],
            "place": ["г. А", "г. Б"],
            "start_date": pd.to_datetime(["2024-04-02", "2024-05-01"]),
            "end_date": pd.to_datetime(["2024-04-02", "2024-05-03"]),
        }
    )
    flagged = pd.DataFrame(
        {
            "rule": ["numbering"],
            "severity": ["warning"],
            "report_id": ["r1"],
            "source_locator": ["table 1, row 3"],
        }
    )
    reports = pd.DataFrame(
        {
            "status": ["loaded", "quarantined"],
            "rows_extracted": [3, 0],
            "rows_loaded": [2, 0],
            "rows_quarantined": [1, 0],
        }
    )
    reporting = pd.DataFrame({"period": ["2024Q2", "2024Q2"], "status": ["reported", "nil"]})
    views = {
        "events": events,
        "flagged_rows": flagged,
        "reports": reports,
        "extracted_rows": pd.DataFrame(),
        "reporting_status": reporting,
    }
    return {**views, **broken}


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[QualityResult, Path]:
    docs = tmp_path_factory.mktemp("docs")
    return run_checkpoint(frames(), docs), docs


def test_a_consistent_warehouse_passes_and_data_docs_are_written(clean: tuple[QualityResult, Path]) -> None:
    result, docs = clean
    assert result.success, result.failed
    assert len(result.outcomes) >= len(load_contract().dataset_rules)
    assert result.docs_index == str(docs / "index.html") and (docs / "index.html").is_file()
    json.dumps(result.to_dict())  # small and serialisable


def test_broken_views_fail_the_expectations_that_guard_them() -> None:
    base = frames()
    events = base["events"].copy()
    events.loc[1, "event_id"] = "e1"  # a duplicated event id
    events.loc[0, "end_date"] = pd.Timestamp("2024-03-01")  # ends before it starts
    flagged = base["flagged_rows"].assign(severity=["fatal"])
    reports = base["reports"].assign(rows_quarantined=[0, 0])  # one extracted row lost
    result = run_checkpoint(frames(events=events, flagged_rows=flagged, reports=reports), None)
    failed = {(o.rule, o.unexpected_count) for o in result.failed}
    assert not result.success
    assert failed == {
        ("event_id_unique", 2),
        ("events_dates_ordered", 1),
        ("flag_severity_known", 1),
        ("report_rows_accounted", 1),
    }
    assert result.docs_index is None


def test_quarantined_reports_are_not_held_to_the_row_count() -> None:
    # Only a loaded report must account for every row; a quarantined file loaded none.
    reports = frames()["reports"].assign(rows_extracted=[3, 9])
    result = run_checkpoint(frames(reports=reports), None)
    assert result.success, result.failed


@pytest.mark.parametrize(
    ("snake", "camel"),
    [
        ("expect_column_values_to_be_unique", "ExpectColumnValuesToBeUnique"),
        ("expect_column_pair_values_a_to_be_greater_than_b", "ExpectColumnPairValuesAToBeGreaterThanB"),
    ],
)
def test_expectation_names_map_to_gx_classes(snake: str, camel: str) -> None:
    import great_expectations as gx

    assert expectation_class_name(snake) == camel
    assert hasattr(gx.expectations, camel)


def test_completeness_is_one_expectation_per_quarter() -> None:
    reporting = pd.DataFrame(
        {
            "period": ["2025Q2", "2025Q2", "2025Q3", "2025Q3"],
            "status": ["reported", "nil", "reported", "missing"],  # 2025Q3 lacks one report
        }
    )
    result = run_checkpoint(frames(reporting_status=reporting), None)
    outcomes = [o for o in result.outcomes if o.table == "reporting_status"]
    complete = {o.rule: (o.success, o.unexpected_count) for o in outcomes}
    assert complete == {"reporting_complete@2025Q2": (True, 0), "reporting_complete@2025Q3": (False, 1)}


def test_a_rule_per_quarter_read_off_one_expectation_matches_one_expectation_per_quarter() -> None:
    """The completeness rule runs as one expectation whose broken rows are counted by quarter; its
    outcomes are those of one expectation per quarter (the Data Docs' way), a row of no quarter
    and a quarter of several broken rows included."""
    from dataclasses import replace

    from muniflow.quality.checkpoint import _checker, splits_per_value

    contract = load_contract()
    (rule,) = [r for r in contract.dataset_rules if r.per]
    assert splits_per_value(rule)
    reporting = pd.DataFrame(
        {
            "period": ["2025Q1", "2025Q2", None, "2025Q3", "2025Q3", "2025Q4", "2025Q3"],
            "status": ["missing", "reported", "missing", "missing", "nil", "reported", "missing"],
        }
    )
    at_once = _checker(contract).validate("reporting_status", reporting)
    apart = replace(
        contract,
        dataset_rules=tuple(
            replace(r, kwargs={**r.kwargs, "mostly": 1.0}) for r in contract.dataset_rules if r.per
        ),
    )
    assert not splits_per_value(apart.dataset_rules[0])  # `mostly` keeps one expectation a quarter
    one_each = _checker(apart).validate("reporting_status", reporting)

    def seen(outcomes):  # type: ignore[no-untyped-def]
        return sorted((o.rule, o.success, o.unexpected_count, o.description) for o in outcomes)

    assert seen(at_once) == seen(one_each)
    assert [(o.rule, o.unexpected_count) for o in at_once] == [
        ("reporting_complete@2025Q1", 1),
        ("reporting_complete@2025Q2", 0),
        ("reporting_complete@2025Q3", 2),
        ("reporting_complete@2025Q4", 0),
    ]
