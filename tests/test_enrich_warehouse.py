"""Enrichment stored by the loader: the seed report through the real stages, and made-up reports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import extraction
import pytest
import warehouse_fixtures
from warehouse_fixtures import load, make_report, make_row

from muniflow import stages
from muniflow.enrich import Enrichment
from muniflow.enrich.report import ReportEnrichment, enrich_report
from muniflow.file_outcome import FileOutcome
from muniflow.warehouse import db, loader, saved

fresh_db = warehouse_fixtures.fresh_db

GOLDEN = Path(__file__).parent / "golden" / "enrichment_smolensk_2024_q2.json"
ENRICHED_VIEWS = ("events", "event_partners", "agreements")
THEATRE = "соглашение о сотрудничестве между МБУК «Театр» и ГУ «Театр Минска»"


@pytest.fixture(scope="module")
def seed_outcome(samples: Path) -> FileOutcome:
    """The seed report extracted and validated by the real stages (parsing is the slow part: once)."""
    return stages.validate_file(extraction.extract_file(samples / "smolensk_2024_q2.docx"))


@pytest.fixture(scope="module")
def seed_db(seed_outcome: FileOutcome) -> Iterator[duckdb.DuckDBPyConnection]:
    con = db.connect(":memory:")
    stages.load_file(con, loader.start_run(con), seed_outcome)
    yield con
    con.close()


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def view_rows(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    return {
        v: sorted(map(tuple, con.execute(f"select * from {v}").fetchall()), key=repr) for v in ENRICHED_VIEWS
    }


def test_seed_agreements_are_four_with_the_theatre_one_on_both_rows(seed_db, golden) -> None:
    shared = golden["agreements"]["shared"]
    docs = seed_db.execute(
        "select a.agreement_id, any_value(a.kind), any_value(a.parties), any_value(a.signed_on),"
        " list(e.seq_no order by e.seq_no) from agreements as a join events as e using (event_id)"
        " group by a.agreement_id"
    ).fetchall()
    assert len(docs) == golden["agreements"]["distinct"]
    linked_twice = [d for d in docs if len(d[4]) > 1]
    assert len(linked_twice) == 1, docs
    _, kind, parties, signed_on, seqs = linked_twice[0]
    assert seqs == shared["seqs"]
    assert kind == shared["kind"] and str(signed_on) == shared["signed_on"]
    assert all(w in " ".join(parties) for w in shared["party_words"])
    per_seq = seed_db.execute(
        "select e.seq_no, count(*) from agreements as a join events as e using (event_id) group by 1"
    ).fetchall()
    assert {str(s): n for s, n in per_seq} == golden["agreements"]["by_seq"]


def test_every_seed_row_is_enriched_as_the_golden_file_says(seed_db, golden) -> None:
    expected = {e["seq"]: e for e in golden["events"]}
    got = seed_db.execute(
        "select r.seq_no, e.partner_countries, e.format, e.is_online"
        " from extracted_rows as r join core.event_enrichment as e using (report_id, row_index)"
    ).fetchall()
    assert sorted(seq for seq, *_ in got) == sorted(expected)  # quarantined rows are enriched too
    wrong = [
        (seq, countries, fmt, online)
        for seq, countries, fmt, online in got
        if countries != expected[seq]["partner_countries"]
        or fmt != expected[seq]["format"]
        or online != (fmt == "online")
    ]
    assert not wrong


def test_seed_events_show_their_enrichment(seed_db, golden) -> None:
    expected = {e["seq"]: e for e in golden["events"]}
    got = seed_db.execute("select seq_no, partner_countries, settlements from events").fetchall()
    assert got, "the seed report loads events"
    assert {s: (c, p) for s, c, p in got} == {
        s: (expected[s]["partner_countries"], expected[s]["settlements"]) for s, *_ in got
    }


def test_seed_partners_match_the_golden_file(seed_db, golden) -> None:
    got = seed_db.execute(
        "select e.seq_no, list([coalesce(p.country_code, p.country_name), p.settlement] order by p.position)"
        " from event_partners as p join events as e using (event_id) group by 1"
    ).fetchall()
    events = {s for (s,) in seed_db.execute("select seq_no from events").fetchall()}
    expected = {e["seq"]: e["partners"] for e in golden["events"] if e["partners"] and e["seq"] in events}
    assert dict(got) == expected


@pytest.mark.parametrize(
    "name",
    ["events_per_partner_country_quarter", "partner_cities_ranked", "agreements_per_quarter"],
)
def test_enrichment_saved_queries_return_rows_on_the_seed(seed_db, name) -> None:
    rows = seed_db.execute(saved.saved_sql(name)).fetchall()
    assert rows, name


def test_seed_partner_countries_counted_per_quarter(seed_db, golden) -> None:
    rows = seed_db.execute(saved.saved_sql("events_per_partner_country_quarter")).fetchall()
    events = {s for (s,) in seed_db.execute("select seq_no from events").fetchall()}
    counts: dict[str, int] = {}
    for event in (e for e in golden["events"] if e["seq"] in events):
        for country in event["partner_countries"]:
            counts[country] = counts.get(country, 0) + 1
    assert {country: n for _, country, _, n in rows} == counts


def test_reingesting_the_seed_changes_nothing(seed_db, seed_outcome) -> None:
    before = view_rows(seed_db)
    result = stages.load_file(seed_db, loader.start_run(seed_db), seed_outcome)
    assert result.status == "unchanged"
    assert view_rows(seed_db) == before


def test_precomputed_enrichment_is_stored_as_given(fresh_db) -> None:
    report = make_report(2)
    given = enrich_report(report.rows)
    marked = replace(given, rows=(replace(given.rows[0], settlements=("Нигдеград",)), given.rows[1]))
    load(fresh_db, "a", report, enrichment=marked)
    got = fresh_db.execute("select settlements from events order by row_index").fetchall()
    assert got == [(["Нигдеград"],), (list(given.rows[1].settlements),)]  # not recomputed


@pytest.mark.parametrize(
    ("enrichment", "why"),
    [
        (lambda e: replace(e, rows=e.rows[:1]), "fewer enrichments than rows"),
        (
            lambda e: replace(e, agreements=(replace(e.agreements[0], events=(99,)),)),
            "a document linked to a row the report does not have",
        ),
    ],
)
def test_enrichment_of_other_rows_is_refused_and_nothing_written(fresh_db, enrichment, why) -> None:
    report = make_report(2, goal="Подписано " + THEATRE)
    with pytest.raises(ValueError):
        load(fresh_db, "a", report, enrichment=enrichment(enrich_report(report.rows)))
    assert fresh_db.execute("select count(*) from core.reports").fetchone() == (0,), why
    assert fresh_db.execute("select count(*) from core.event_enrichment").fetchone() == (0,), why


def test_quarantined_file_is_not_enriched_until_it_loads(fresh_db) -> None:
    report = make_report(2, participants="Делегация г. Минска")
    load(fresh_db, "a", replace(report, period=None))
    assert fresh_db.execute("select count(*) from core.event_enrichment").fetchone() == (0,)
    assert load(fresh_db, "a", report).status == "loaded"  # recorded anew, now with its period
    assert fresh_db.execute("select partner_countries from events").fetchall() == [(["BY"],)] * 2


def test_a_report_loaded_before_enrichment_gains_it_when_ingested_again(fresh_db) -> None:
    report = make_report(2, goal="Подписано " + THEATRE, participants="Делегация г. Минска")
    load(fresh_db, "a", report)
    enriched = view_rows(fresh_db)
    for table in ("core.agreement_events", "core.agreements", "core.event_partners", "core.event_enrichment"):
        fresh_db.execute(f"delete from {table}")  # as it stood before migration 050
    assert fresh_db.execute("select distinct partner_countries from events").fetchall() == [(None,)]
    assert load(fresh_db, "a", report).status == "unchanged"
    assert view_rows(fresh_db) == enriched
    assert loader.enrich_missing(fresh_db) == []  # nothing left to do: a second pass changes nothing


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ("undated", "dated", "a later mention fills in the date"),
        ("dated", "undated", "a later mention without one keeps it"),
    ],
)
def test_a_document_of_two_reports_is_stored_once_with_its_date(fresh_db, first, second, why) -> None:
    goals = {"dated": "2 апреля 2024 года подписано " + THEATRE, "undated": "Подписано " + THEATRE}
    load(fresh_db, "a", make_report(1, region="Север", goal=goals[first]))
    load(fresh_db, "b", make_report(1, region="Юг", goal=goals[second]))
    got = fresh_db.execute(
        "select count(distinct agreement_id), count(*), list(distinct signed_on) from agreements"
    ).fetchall()
    assert [(n, links, [str(d) for d in dates]) for n, links, dates in got] == [(1, 2, ["2024-04-02"])], why


def test_enrich_report_follows_the_rows(fresh_db) -> None:
    rows = (
        make_row(0, place="г. Минск"),
        make_row(1, goal="Подписано " + THEATRE),
        make_row(2, goal="Было подписано " + THEATRE),
    )
    result = enrich_report(rows)
    assert isinstance(result, ReportEnrichment)
    assert all(isinstance(e, Enrichment) for e in result.rows)
    assert [e.partner_countries for e in result.rows] == [("BY",), (), ()]
    assert [a.events for a in result.agreements] == [(1, 2)]  # one document, linked by row_index


def test_the_abbreviation_of_the_report_region_names_no_partner_on_load_and_backfill(fresh_db) -> None:
    participants = "Коллективы районов РБ и гости из Казахстана"
    load(fresh_db, "a", make_report(1, region="Республика Бурятия", participants=participants))
    load(fresh_db, "b", make_report(1, region="Смоленская область", participants=participants))
    query = "select e.partner_countries from events as e join reports as r using (report_id)"
    query += " order by r.region"
    assert fresh_db.execute(query).fetchall() == [(["KZ"],), (["BY", "KZ"],)]  # Бурятия, then Смоленская
    for table in ("core.event_partners", "core.event_enrichment"):
        fresh_db.execute(f"delete from {table}")  # as a report loaded before enrichment existed
    loader.enrich_missing(fresh_db)
    assert fresh_db.execute(query).fetchall() == [(["KZ"],), (["BY", "KZ"],)]
