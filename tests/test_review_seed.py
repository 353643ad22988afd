"""Review decisions end to end on the seed report: export, decide, apply from a Russian-Excel CSV,
re-read the file, re-issue it with one row changed, refuse bad files, co-reported events.

Rows are chosen by their flags (rule, severity), never by naming an event or a municipality.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from docx import Document

from muniflow.cli import main
from muniflow.model import Period
from muniflow.plain import ingest_plain
from muniflow.warehouse import db, reconcile
from muniflow.warehouse.saved import saved_sql

SEED = "smolensk_2024_q2.docx"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, samples: Path) -> Path:
    """A warehouse holding the seed report, ingested once; tests work on copies."""
    path = tmp_path_factory.mktemp("seed") / "w.duckdb"
    ingest_plain([samples / SEED], path)
    return path


@pytest.fixture
def warehouse(seeded: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "w.duckdb"
    shutil.copy(seeded, copy)
    return copy


def run(*argv: str) -> int:
    return main(list(argv))


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write_russian_excel(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """As Russian Excel saves CSV: `;`-separated, Windows-1251."""
    with path.open("w", encoding="cp1251", errors="replace", newline="") as f:
        csv.writer(f, delimiter=";").writerows([header, *rows])


def query(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def decide(
    header: list[str], rows: list[list[str]], period: Period
) -> tuple[list[list[str]], dict[str, str]]:
    """Release one quarter_consistency error (dates corrected into the quarter), mark the duplicate
    `distinct`, accept one warning-only row; returns the rows and the decisions by row_key."""
    col = {name: i for i, name in enumerate(header)}
    decided: dict[str, str] = {}
    out = [list(r) for r in rows]

    def pick(predicate) -> list[str]:
        return next(r for r in out if predicate(r) and r[col["row_key"]] not in decided)

    released = pick(lambda r: "quarter_consistency" in r[col["rules"]] and r[col["severities"]] == "error")
    released[col["decision"]] = "release"
    released[col["note"]] = "дата уточнена по телефону"
    released[col["corrected_start_date"]] = period.first_day.strftime("%d.%m.%Y")
    released[col["corrected_end_date"]] = period.first_day.isoformat()
    decided[released[col["row_key"]]] = "release"
    twin = pick(lambda r: "duplicate_event" in r[col["rules"]])
    twin[col["decision"]] = "distinct"
    decided[twin[col["row_key"]]] = "distinct"
    fine = pick(lambda r: set(r[col["severities"]].split(", ")) == {"warning"})
    fine[col["decision"]] = "Accept"  # case does not matter
    decided[fine[col["row_key"]]] = "accept"
    return out, decided


def test_decisions_from_a_russian_excel_file_reach_events(warehouse: Path, tmp_path: Path):
    exported = tmp_path / "review.csv"
    assert run("review", "export", str(exported), "--warehouse", str(warehouse)) == 0
    header, rows = read_csv(exported)
    assert header[:3] == ["row_key", "source_file", "source_locator"]
    assert all(r[0][0].isalpha() for r in rows)  # Excel never reads a key as a number
    events_before = {e for (e,) in query(warehouse, "select event_id from events")}
    decided_rows, decided = decide(header, rows, Period(2024, 2))
    answers = tmp_path / "answers.csv"
    write_russian_excel(answers, header, decided_rows)

    assert run("review", "apply", str(answers), "--by", "analyst", "--warehouse", str(warehouse)) == 0

    statuses = dict(
        query(warehouse, "select row_key, review_status from events where review_status is not null")
    )
    assert statuses == decided
    events_after = {e for (e,) in query(warehouse, "select event_id from events")}
    gained = events_after - events_before
    gained_keys = {
        k
        for (k,) in query(
            warehouse, "select row_key from events where list_contains(?, event_id)", [sorted(gained)]
        )
    }
    assert gained_keys == {
        k for k, d in decided.items() if d in ("release", "distinct")
    }  # the accepted row was in already
    released = next(k for k, d in decided.items() if d == "release")
    [(start, end)] = query(warehouse, "select start_date, end_date from events where row_key = ?", [released])
    assert start == end == date(2024, 4, 1)  # the corrected value is shown
    raw = query(
        warehouse,
        "select x.start_date from extracted_rows as x join events as e using (report_id, row_index)"
        " where e.row_key = ?",
        [released],
    )
    assert raw[0][0] != date(2024, 4, 1)  # the raw value stays in extracted_rows
    assert query(
        warehouse, "select distinct reviewed_by from flagged_rows where review_decision is not null"
    ) == [("analyst",)]
    with db.connect(warehouse) as con:
        assert reconcile(con) == []
    # the same file again changes nothing
    count = query(warehouse, "select count(*) from review_log")
    assert run("review", "apply", str(answers), "--warehouse", str(warehouse)) == 0
    assert query(warehouse, "select count(*) from review_log") == count


def _apply_decisions(warehouse: Path, tmp_path: Path) -> dict[str, str]:
    exported = tmp_path / "review.xlsx"
    assert run("review", "export", str(exported), "--warehouse", str(warehouse)) == 0
    from muniflow.sheets import read_table

    lines = read_table(exported)
    header = list(lines[0][1])
    rows = [["" if v is None else str(v) for v in values.values()] for _, values in lines]
    decided_rows, decided = decide(header, rows, Period(2024, 2))
    answers = tmp_path / "answers.csv"
    write_russian_excel(answers, header, decided_rows)
    assert run("review", "apply", str(answers), "--warehouse", str(warehouse)) == 0
    return decided


def test_a_re_read_after_a_contract_edit_keeps_the_decisions(
    warehouse: Path, tmp_path: Path, samples: Path, monkeypatch: pytest.MonkeyPatch, root: Path
):
    decided = _apply_decisions(warehouse, tmp_path)
    contracts = tmp_path / "contracts"
    shutil.copytree(root / "contracts", contracts)
    # The edit: an event wholly outside the quarter becomes a warning instead of an error.
    contract = contracts / "events.odcs.yaml"
    text = contract.read_text(encoding="utf-8")
    outside = (
        "implementation: overlaps_period\n            dimension: consistency\n            severity: error"
    )
    assert outside in text
    contract.write_text(text.replace(outside, outside.replace("error", "warning")), encoding="utf-8")
    # `reprocess` re-reads the report under the edited contracts; in its own process, as a user runs
    # it (this process's sandbox workers, started earlier, still hold the old environment)
    done = subprocess.run(
        [sys.executable, "-m", "muniflow.cli", "reprocess", "--all", "--warehouse", str(warehouse)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "MUNIFLOW_CONTRACTS_DIR": str(contracts), "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    with db.connect(warehouse) as con:
        assert reconcile(con) == []
        counts = con.execute("select counts from runs order by started_at desc limit 1").fetchone()[0]
        assert counts["reports_reread"] == 1
        # the re-read rows are the new contract's: no quarter_consistency error is left
        assert con.execute(
            "select count(*) from flagged_rows join core.current_rows using (report_id, row_index)"
            " where rule = 'quarter_consistency' and severity = 'error'"
        ).fetchone() == (0,)
    statuses = dict(
        query(warehouse, "select row_key, review_status from events where review_status is not null")
    )
    assert statuses == decided
    assert query(warehouse, "select count(*) from review_decisions where stale") == [(0,)]


def _reissue(seed: Path, out: Path, title_cell_text: str) -> None:
    """The seed re-issued with one row changed: a word added to the cell after its title."""
    doc = Document(str(seed))
    for table in doc.tables:
        for row in table.rows:
            cells = row.cells
            texts = [c.text.strip() for c in cells]
            if title_cell_text in texts:
                i = texts.index(title_cell_text)
                cells[i + 1].paragraphs[-1].add_run(" (уточнено)")
                doc.save(str(out))
                return
    raise AssertionError("title cell not found")


def test_a_re_issued_report_makes_the_changed_rows_decision_stale(
    warehouse: Path, tmp_path: Path, samples: Path
):
    decided = _apply_decisions(warehouse, tmp_path)
    accepted = next(k for k, d in decided.items() if d == "accept")
    [(title_raw,)] = query(
        warehouse,
        "select x.title_raw from extracted_rows as x join events as e using (report_id, row_index)"
        " where e.row_key = ?",
        [accepted],
    )
    reissued = tmp_path / "reissued.docx"
    _reissue(samples / SEED, reissued, title_raw.strip())
    ingest_plain([reissued], warehouse)

    assert query(warehouse, "select row_key from review_decisions where stale") == [(accepted,)]
    statuses = dict(
        query(warehouse, "select row_key, review_status from events where review_status is not null")
    )
    assert statuses == {k: d for k, d in decided.items() if k != accepted}
    # the changed row is a new row: its flag is open again
    assert query(
        warehouse,
        "select count(*) from flagged_rows as f join core.current_rows using (report_id, row_index)"
        " where f.review_decision is null and f.severity = 'warning' and f.row_key != ?"
        " and f.seq_no = (select seq_no from review_decisions where row_key = ?)",
        [accepted, accepted],
    ) == [(1,)]
    with db.connect(warehouse) as con:
        assert reconcile(con) == []


@pytest.mark.parametrize(
    ("edit", "complaint"),
    [
        (
            lambda r, c: r.__setitem__(c["decision"], "approve"),
            "unknown decision 'approve'",
        ),  # not a decision
        (
            lambda r, c: (r.__setitem__(c["decision"], "reject"), r.__setitem__(c["row_key"], "rnope")),
            "unknown row_key",
        ),
        (  # a date nobody can read
            lambda r, c: (
                r.__setitem__(c["decision"], "release"),
                r.__setitem__(c["corrected_start_date"], "32.13.2024"),
            ),
            "corrected_start_date",
        ),
        (  # a date typed over the exported one, where it is not read back
            lambda r, c: (
                r.__setitem__(c["decision"], "release"),
                r.__setitem__(c["start_date"], "27.06.2024"),
            ),
            "write the corrected date in corrected_start_date",
        ),
    ],
)
def test_a_bad_line_changes_nothing_and_names_its_line(
    warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture, edit, complaint
):
    exported = tmp_path / "review.csv"
    run("review", "export", str(exported), "--warehouse", str(warehouse))
    header, rows = read_csv(exported)
    col = {n: i for i, n in enumerate(header)}
    rows[0][col["decision"]] = "reject"  # a good line first: it must not be applied either
    target = next(r for r in rows[1:] if r[col["severities"]] == "error")
    edit(target, col)
    line = rows.index(target) + 2  # the header is line 1
    answers = tmp_path / "answers.csv"
    write_russian_excel(answers, header, rows)
    before = query(warehouse, "select (select count(*) from review_log), (select count(*) from events)")
    capsys.readouterr()
    assert run("review", "apply", str(answers), "--warehouse", str(warehouse)) != 0
    err = capsys.readouterr().err
    assert f"line {line}:" in err and complaint in err
    assert (
        query(warehouse, "select (select count(*) from review_log), (select count(*) from events)") == before
    )


def test_a_correction_that_still_breaks_an_error_rule_is_refused(
    warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture
):
    exported = tmp_path / "review.csv"
    run("review", "export", str(exported), "--warehouse", str(warehouse))
    header, rows = read_csv(exported)
    col = {n: i for i, n in enumerate(header)}
    target = next(
        r for r in rows if "quarter_consistency" in r[col["rules"]] and r[col["severities"]] == "error"
    )
    target[col["decision"]] = "release"
    target[col["corrected_start_date"]] = "01.01.2024"  # still wholly outside the quarter
    target[col["corrected_end_date"]] = "02.01.2024"
    answers = tmp_path / "answers.csv"
    write_russian_excel(answers, header, rows)
    capsys.readouterr()
    assert run("review", "apply", str(answers), "--warehouse", str(warehouse)) == 1
    err = capsys.readouterr().err
    assert "still breaks an error rule" in err and "quarter_consistency" in err
    assert query(warehouse, "select count(*) from review_log") == [(0,)]


def test_a_co_reported_event_lists_both_municipalities(warehouse: Path):
    pairs = query(
        warehouse,
        "select f.municipality, f.related_event_id, e.municipality from flagged_rows as f"
        " join events as e on e.event_id = f.related_event_id where f.rule = 'duplicate_event'"
        " and f.municipality != e.municipality",
    )
    assert pairs, "the seed has an event reported by two municipalities"
    for participant, event_id, host in pairs:
        listed = query(
            warehouse,
            "select municipality, role from event_municipalities where event_id = ? order by role",
            [event_id],
        )
        assert listed == [(host, "host"), (participant, "participant")]
        counts = {
            m: (events, participations)
            for _, m, events, participations in query(warehouse, saved_sql("events_per_municipality_quarter"))
        }
        assert counts[participant][1] >= 1 and counts[host][0] >= 1


def test_a_release_with_only_a_corrected_start_stores_a_one_day_event(warehouse: Path, tmp_path: Path):
    """The corrected start alone (the end column left empty) is a one-day event, as the check of the
    corrected row read it: the event loaded has an end, the same day, not the extracted end."""
    exported = tmp_path / "review.csv"
    assert run("review", "export", str(exported), "--warehouse", str(warehouse)) == 0
    header, rows = read_csv(exported)
    decided_rows, _ = decide(header, rows, Period(2024, 2))
    col = {name: i for i, name in enumerate(header)}
    released = next(r for r in decided_rows if r[col["decision"]] == "release")
    released[col["corrected_end_date"]] = ""
    answers = tmp_path / "answers.csv"
    write_russian_excel(answers, header, decided_rows)
    assert run("review", "apply", str(answers), "--warehouse", str(warehouse)) == 0
    [(start, end)] = query(
        warehouse, "select start_date, end_date from events where row_key = ?", [released[col["row_key"]]]
    )
    assert start == end == date(2024, 4, 1)
    with db.connect(warehouse) as con:
        assert reconcile(con) == []


def test_an_accepted_duplicate_closes_its_flag_and_stays_a_participation(warehouse: Path, tmp_path: Path):
    """`accept` on a duplicate_event copy confirms it: the flag is decided, the copy stays out of
    events and its municipality stays a participant of the event (`reject` would drop both)."""
    exported = tmp_path / "review.csv"
    assert run("review", "export", str(exported), "--warehouse", str(warehouse)) == 0
    header, rows = read_csv(exported)
    col = {name: i for i, name in enumerate(header)}
    copy = next(r for r in rows if r[col["rules"]] == "duplicate_event")
    copy[col["decision"]] = "accept"
    answers = tmp_path / "answers.csv"
    write_russian_excel(answers, header, [copy])
    assert run("review", "apply", str(answers), "--warehouse", str(warehouse)) == 0
    key = copy[col["row_key"]]
    [(decision, quarantined, event_id, municipality)] = query(
        warehouse,
        "select review_decision, quarantined, related_event_id, municipality from flagged_rows"
        " where row_key = ?",
        [key],
    )
    assert (decision, quarantined) == ("accept", True)
    assert query(warehouse, "select count(*) from events where row_key = ?", [key]) == [(0,)]
    assert (municipality, "participant") in query(
        warehouse, "select municipality, role from event_municipalities where event_id = ?", [event_id]
    )
    with db.connect(warehouse) as con:
        assert reconcile(con) == []


def test_a_release_of_a_row_with_no_date_needs_a_corrected_date() -> None:
    """A released row enters events: without a date of its own (an unreadable date cell) and no
    corrected one it would enter undated, the compiled report's date cell empty."""
    from dataclasses import replace

    from rowfactory import dated_row

    from muniflow import contracts
    from muniflow.review.decisions import FlaggedRow, ReviewFileError, parse_decisions

    row = replace(
        dated_row("Фестиваль «Звоны»", "г. Энск", None, None, "Энский район", 0), date_text="15.13.2024"
    )
    flagged = {"r1": FlaggedRow("r1", ("date_format",), ("error",), row, Period.parse("2024Q2"), "rep1")}
    with pytest.raises(ReviewFileError) as err:
        parse_decisions([(2, {"row_key": "r1", "decision": "release"})], flagged, contracts.load_contract())
    assert "no date: give corrected_start_date" in str(err.value.problems)
    decided = parse_decisions(
        [(2, {"row_key": "r1", "decision": "release", "corrected_start_date": "05.05.2024"})],
        flagged,
        contracts.load_contract(),
    )
    assert decided[0].corrections.start_date == date(2024, 5, 5)


def test_a_release_of_a_row_with_no_title_needs_a_corrected_title() -> None:
    """A released row enters events: without a title and no corrected one it would name nothing."""
    from rowfactory import dated_row

    from muniflow import contracts
    from muniflow.review.decisions import FlaggedRow, ReviewFileError, parse_decisions

    row = dated_row("", "г. Энск", "2024-05-05", "2024-05-05", "Энский район", 0)
    flagged = {"r1": FlaggedRow("r1", ("required_field",), ("error",), row, Period.parse("2024Q2"), "rep1")}
    with pytest.raises(ReviewFileError) as err:
        parse_decisions([(2, {"row_key": "r1", "decision": "release"})], flagged, contracts.load_contract())
    assert "no title: give corrected_title" in str(err.value.problems)
    decided = parse_decisions(
        [(2, {"row_key": "r1", "decision": "release", "corrected_title": "Ярмарка «Лён»"})],
        flagged,
        contracts.load_contract(),
    )
    assert decided[0].corrections.title == "Ярмарка «Лён»"


def test_a_row_with_an_empty_date_cell_is_released_with_corrected_dates() -> None:
    """An empty date cell is a required_field error: the corrected dates fill the cell, so the
    release is no longer refused as still breaking that rule."""
    from dataclasses import replace

    from rowfactory import dated_row

    from muniflow import contracts
    from muniflow.review.decisions import FlaggedRow, parse_decisions

    row = replace(dated_row("Фестиваль «Звоны»", "г. Энск", None, None, "Энский район", 0), date_text="")
    flagged = {"r1": FlaggedRow("r1", ("required_field",), ("error",), row, Period.parse("2024Q2"), "rep1")}
    decided = parse_decisions(
        [
            (
                2,
                {
                    "row_key": "r1",
                    "decision": "release",
                    "corrected_start_date": "05.05.2024",
                    "corrected_end_date": "06.05.2024",
                },
            )
        ],
        flagged,
        contracts.load_contract(),
    )
    assert decided[0].corrections.end_date == date(2024, 5, 6)
