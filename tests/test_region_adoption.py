"""A loaded report whose title names no region takes the region its municipalities' other reports
name, those loaded after it included (`warehouse.regions`), so a regional compilation loaded later
is a newer version of it, not a pile of duplicates."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

import duckdb
import warehouse_fixtures
from warehouse_fixtures import load, make_report, make_row

from muniflow import period_checks, pipeline, stages
from muniflow.file_outcome import FileOutcome
from muniflow.model import Report
from muniflow.warehouse import db, lookups, regions

fresh_db = warehouse_fixtures.fresh_db

TOWN = "город Верхнеозёрск"
DISTRICT = "Камышинский район"
EVENTS = ("Фестиваль «Озёрные зори»", "Турнир по самбо «Кубок озёр»", "Визит делегации г. Лесной Поляны")


def town_report(region: str | None = None) -> Report:
    """The town's own report: its title names the town, not the region."""
    rows = tuple(make_row(i, municipality=TOWN, title=t) for i, t in enumerate(EVENTS))
    return replace(make_report(0, region=region), rows=rows)


def compilation(region: str, *, extra: str = DISTRICT) -> Report:
    """The region's compilation repeating the town's events and adding another municipality's."""
    rows = (
        *(make_row(i, municipality=TOWN, title=t) for i, t in enumerate(EVENTS)),
        make_row(len(EVENTS), municipality=extra, title="Пленэр «Камышинские дали»"),
    )
    return replace(make_report(0, region=region), rows=rows)


def header(con: duckdb.DuckDBPyConnection, report_id: str) -> tuple:
    sql = "select region, status, message from reports where report_id = ?"
    found = con.execute(sql, [report_id]).fetchone()
    assert found is not None
    return found


def duplicates(con: duckdb.DuckDBPyConnection) -> int:
    found = con.execute("select count(*) from flagged_rows where rule = 'duplicate_event'").fetchone()
    return int(found[0]) if found else 0


def test_a_regionless_report_loaded_before_the_compilation_becomes_its_earlier_version(fresh_db):
    town = load(fresh_db, "town", town_report())
    comp = load(fresh_db, "svod", compilation("Приозёрная область"))
    period_checks.dedupe_periods(fresh_db, "run", {"2024Q2"})
    region, status, message = header(fresh_db, town.report_id)
    assert region == "Приозёрная область"
    assert status == "superseded"  # the compilation, loaded later, is current for the town
    assert "names no region" in message
    assert duplicates(fresh_db) == 0  # no longer the compilation's rows quarantined as copies
    got = fresh_db.execute("select distinct report_id from events where municipality = ?", [TOWN]).fetchall()
    assert got == [(comp.report_id,)]
    # its row keys follow its region, as a load with that region would have stored them
    stale = fresh_db.execute(
        "select count(*) from core.rows as w join core.row_keys_computed as k using (report_id, row_index)"
        " where w.report_id = ? and w.row_key != k.row_key",
        [town.report_id],
    ).fetchone()
    assert stale == (0,)
    assert lookups.reconcile(fresh_db) == []


def test_municipalities_named_in_two_regions_leave_the_report_without_one(fresh_db):
    town = load(fresh_db, "town", town_report())
    load(fresh_db, "svod-1", compilation("Приозёрная область"))
    load(fresh_db, "svod-2", compilation("Заречная область", extra="Сосновский район"))
    assert regions.adopt_regions(fresh_db, ["2024Q2"]) == []
    assert header(fresh_db, town.report_id)[0] is None


def test_a_report_of_no_other_reports_municipalities_stays_without_region(fresh_db):
    town = load(fresh_db, "town", town_report())
    load(fresh_db, "other", replace(make_report(2, region="Приозёрная область", municipality=DISTRICT)))
    assert regions.adopt_regions(fresh_db, ["2024Q2"]) == []
    assert header(fresh_db, town.report_id)[:2] == (None, "loaded")


def test_assign_region_leaves_a_report_with_a_region_alone(fresh_db):
    town = load(fresh_db, "town", town_report(region="Заречная область"))
    assert regions.assign_region(fresh_db, town.report_id, "Приозёрная область", "note") == ()
    assert header(fresh_db, town.report_id)[0] == "Заречная область"


def _ingest(tmp_path: Path, con: duckdb.DuckDBPyConnection, region: str | None) -> list[str]:
    """Ingest one file, read as the town's report, through the pipeline; returns the periods deduped."""
    from muniflow.intake import sha256_file

    path = tmp_path / "town.docx"
    if not path.exists():
        path.write_bytes(b"the town's report")
    deduped: list[str] = []

    def outcome(p: Path) -> tuple[FileOutcome, bool]:
        return FileOutcome(str(p), sha256_file(p), "docx", replace(town_report(), source_file=str(p))), True

    def dedupe(run_id: str, periods: set[str]) -> int:
        deduped.extend(sorted(periods))
        return period_checks.dedupe_periods(con, run_id, periods)

    runner = pipeline.Runner(
        lambda p, sha, period, name: p,
        outcome,
        lambda run_id, o: stages.load_file(con, run_id, o),
        dedupe,
        lambda run_id, periods: None,
        connect=lambda: nullcontext(con),
    )
    pipeline.run_ingest([path], None, runner, region=region)
    return deduped


def test_region_option_names_the_region_of_a_report_stored_without_one(tmp_path: Path):
    with db.connect(tmp_path / "wh.duckdb") as con:
        assert _ingest(tmp_path, con, None) == ["2024Q2"]
        assert con.execute("select region, status from reports").fetchall() == [(None, "loaded")]
        # the summary advised «re-run with --region»: the file is not read again, its region is given
        assert _ingest(tmp_path, con, "Приозёрная область") == ["2024Q2"]
        region, status, message = con.execute("select region, status, message from reports").fetchone()
        assert (region, status) == ("Приозёрная область", "loaded")
        assert "--region" in message
        # given once, a later --region changes nothing: the region is the report's now
        assert _ingest(tmp_path, con, "Заречная область") == []
        assert con.execute("select region from reports").fetchall() == [("Приозёрная область",)]
