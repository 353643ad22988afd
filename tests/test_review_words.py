"""A review file's decisions written in Russian, as the data-quality report names them
(`contracts/review.yaml`, matched on lemmas)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from test_review_renumbered import ROWS, _report

from muniflow.cli import main
from muniflow.plain import ingest_plain


def _decide(warehouse: Path, tmp_path: Path, decision: str) -> Path:
    exported = tmp_path / "review.csv"
    assert main(["review", "export", str(exported), "--warehouse", str(warehouse)]) == 0
    with exported.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.DictReader(fh))
    for line in lines:
        line["decision"] = decision if line["severities"] == "warning" else "отклонено"
    with exported.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(lines[0]))
        writer.writeheader()
        writer.writerows(lines)
    return exported


@pytest.mark.parametrize("written", ["Принято", "принять"])
def test_a_decision_written_in_russian_is_applied(tmp_path: Path, written: str) -> None:
    warehouse = tmp_path / "w.duckdb"
    ingest_plain([_report(tmp_path / "report.docx", ROWS)], warehouse)
    assert (
        main(["review", "apply", str(_decide(warehouse, tmp_path, written)), "--warehouse", str(warehouse)])
        == 0
    )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        decided = con.execute("select decision from review_decisions order by decision").fetchall()
    assert decided == [("accept",), ("reject",)]


def test_a_negated_word_is_no_decision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warehouse = tmp_path / "w.duckdb"
    ingest_plain([_report(tmp_path / "report.docx", ROWS)], warehouse)
    review_file = _decide(warehouse, tmp_path, "не принято")
    assert main(["review", "apply", str(review_file), "--warehouse", str(warehouse)]) == 1
    err = capsys.readouterr().err
    assert "unknown decision 'не принято'" in err and "принять" in err and "nothing applied" in err
