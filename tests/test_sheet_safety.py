"""Spreadsheet safety: no cell muniflow writes for people becomes a formula, and review files read
back exactly as the warehouse holds them."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import duckdb
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from warehouse_fixtures import load, make_report, make_row, warning

from muniflow.cli import main
from muniflow.sheets import FORMULA_LEADS, SheetReadError, neutralize, read_table, unneutralize
from muniflow.warehouse import db, loader

# Texts a sender may write that a spreadsheet would evaluate, each with why it is here.
HOSTILE = (
    '=HYPERLINK("http://example.invalid/x","Подробнее")',  # a formula with a link
    "+7 (900) 000-00-00",  # a phone number: Excel computes it
    "-3 °C",  # a leading minus: a formula lead all the same (a bare «-» is a blank to the rules)
    "@SUM(1+1)",  # Lotus-style function call
    "'=already quoted",  # an apostrophe before a formula must survive the round trip
    "\t=tabbed",  # a tab before the formula
)


@given(st.text())
def test_neutralize_round_trips_and_never_leads_with_a_formula_character(text):
    safe = neutralize(text)
    assert unneutralize(safe) == text
    assert not safe.startswith(FORMULA_LEADS)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),  # formula: quoted
        ("'=1+1", "''=1+1"),  # already quoted by the sender: quoted once more, so it reads back as is
        ("'просто", "'просто"),  # an apostrophe before plain text changes nothing
        ("Концерт", "Концерт"),  # plain text unchanged
        ("", ""),
    ],
)
def test_neutralize_cases(text, written):
    assert neutralize(text) == written
    assert unneutralize(written) == text


@pytest.fixture
def hostile_warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    rows = tuple(
        make_row(i, title=text, title_raw=text, place=HOSTILE[-1 - i], place_raw=HOSTILE[-1 - i])
        for i, text in enumerate(HOSTILE)
    )
    report = make_report(0)
    from dataclasses import replace

    with db.connect(path) as con:
        run_id = loader.start_run(con)
        load(
            con, "hostile", replace(report, rows=rows), [warning(i) for i in range(len(rows))], run_id=run_id
        )
        loader.finish_run(con, run_id, {})
    return path


def _cells_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def _assert_no_formula_xlsx(path: Path) -> None:
    workbook = openpyxl.load_workbook(path)
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_review_files_round_trip_without_formulas(hostile_warehouse: Path, tmp_path: Path, suffix: str):
    exported = tmp_path / f"review{suffix}"
    assert main(["review", "export", str(exported), "--warehouse", str(hostile_warehouse)]) == 0
    if suffix == ".csv":
        cells = _cells_csv(exported)
        assert all(not c.startswith(FORMULA_LEADS) for row in cells for c in row)
    else:
        _assert_no_formula_xlsx(exported)
    lines = read_table(exported)
    assert sorted(values["title"] for _, values in lines) == sorted(HOSTILE)  # read back unchanged
    # decide every row, with a hostile note and correction, and write the file as it was read
    header = list(lines[0][1])
    decided = []
    for i, (_, values) in enumerate(lines):
        decided.append(
            {
                **values,
                "decision": "accept",
                "note": HOSTILE[i],
                "corrected_place": HOSTILE[(i + 1) % len(HOSTILE)],
            }
        )
    answers = tmp_path / f"answers{suffix}"
    if suffix == ".csv":
        from muniflow.sheets import write_csv

        write_csv(answers, header, [[d[h] for h in header] for d in decided])
    else:
        from muniflow.sheets import Sheet, write_xlsx

        write_xlsx(
            answers, [Sheet("review", tuple(header), tuple(tuple(d[h] for h in header) for d in decided))]
        )
    assert main(["review", "apply", str(answers), "--warehouse", str(hostile_warehouse)]) == 0
    with duckdb.connect(str(hostile_warehouse), read_only=True) as con:
        notes = sorted(n for (n,) in con.execute("select note from review_log").fetchall())
        places = sorted(p for (p,) in con.execute("select place from events").fetchall())
    assert notes == sorted(HOSTILE)
    assert places == sorted(HOSTILE)  # corrected values shown exactly as written


def test_exports_and_the_report_csv_never_hold_a_formula(hostile_warehouse: Path, tmp_path: Path):
    assert (
        main(["export", str(tmp_path / "csv"), "--format", "csv", "--warehouse", str(hostile_warehouse)]) == 0
    )
    for path in (tmp_path / "csv").glob("*.csv"):
        assert all(not c.startswith(FORMULA_LEADS) for row in _cells_csv(path) for c in row), path
    titles = [row[5] for row in _cells_csv(tmp_path / "csv" / "events.csv")[1:]]
    assert sorted(unneutralize(t) for t in titles) == sorted(HOSTILE)

    assert (
        main(["export", str(tmp_path / "xlsx"), "--format", "xlsx", "--warehouse", str(hostile_warehouse)])
        == 0
    )
    workbook_path = tmp_path / "xlsx" / "muniflow.xlsx"
    _assert_no_formula_xlsx(workbook_path)
    ws = openpyxl.load_workbook(workbook_path)["events"]
    header = [c.value for c in ws[1]]
    titles = [r[header.index("title")] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert sorted(titles) == sorted(HOSTILE)  # text cells stay text, unchanged
    starts = [r[header.index("start_date")] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(s, datetime) for s in starts)  # dates are dates
    assert {s.date() for s in starts} == {date(2024, 4, 10)}
    assert ws.freeze_panes == "A2"

    assert main(["export", str(tmp_path / "pq"), "--warehouse", str(hostile_warehouse)]) == 0
    with duckdb.connect() as con:
        raw = con.execute(
            "select title from read_parquet(?)", [str(tmp_path / "pq" / "events.parquet")]
        ).fetchall()
    assert sorted(t for (t,) in raw) == sorted(HOSTILE)  # Parquet keeps the raw text

    from muniflow.dqreport import CSV_NAME
    from muniflow.quality_report import write_quality_report

    with db.connect(hostile_warehouse) as con:
        write_quality_report(con, "latest", tmp_path / "report")
    cells = _cells_csv(tmp_path / "report" / CSV_NAME)
    assert all(not c.startswith(FORMULA_LEADS) for row in cells for c in row)


def test_a_review_file_is_read_by_its_bytes_whatever_its_name(tmp_path: Path):
    """A workbook saved as «….csv» and a CSV renamed «….xlsx» read as what they are; an Excel
    97-2003 workbook says how to save it."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["row_key", "decision"])
    book.active.append(["r1", "accept"])
    book.save(tmp_path / "answers.csv")
    (tmp_path / "answers.xlsx").write_text("row_key;decision\nr1;accept\n", encoding="cp1251")
    for name in ("answers.csv", "answers.xlsx"):
        assert read_table(tmp_path / name) == [(2, {"row_key": "r1", "decision": "accept"})], name
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(SheetReadError, match="Excel 97-2003"):
        read_table(tmp_path / "old.xls")
