"""The enrichment tables, their views (migration 051) and the saved queries, on a fresh warehouse."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from muniflow.enrich import enrich_event, link_agreements
from muniflow.warehouse.db import apply_migrations, read_migrations

ROOT = Path(__file__).resolve().parents[1]
REPORT = "r1"
# (title, place, goal, participants) of three rows of one 2024Q2 report
ROWS = [
    ("Гастроли", "г. Витебск, г. Минск (Республика Беларусь)",
     "2 апреля 2024 года подписано соглашение о сотрудничестве между МБУК «Театр» и ГУ «Театр Минска»",
     "Представители г. Смоленска"),
    ("Визит", "г. Минск (Республика Беларусь)",
     "Был подписан ряд соглашений: - Соглашение о сотрудничестве между МБУК «Театр» и ГУ «Театр Минска»; "
     "- Соглашение о сотрудничестве между МБОУ «Гимназия № 1» и ГУО «Гимназия № 41»",
     "Представители Республики Казахстан"),
    ("Вебинар", "г. Смоленск (формат видеоконференцсвязи)", "Обмен опытом",
     "Участники из г. Витебска (Республика Беларусь)"),
]  # fmt: skip


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    apply_migrations(con, read_migrations(ROOT / "warehouse" / "migrations"))
    now = datetime(2024, 7, 1)
    con.execute(
        "insert into core.reports (report_id, sha256, source_file, format, period, status, ingested_at,"
        " run_id) values (?, 'x', 'r.docx', 'docx', '2024Q2', 'loaded', ?, 'run')",
        [REPORT, now],
    )
    for i, (title, place, goal, participants) in enumerate(ROWS):
        con.execute(
            "insert into core.rows (report_id, row_index, source_file, source_locator, title, place, goal,"
            " participants) values (?, ?, 'r.docx', ?, ?, ?, ?, ?)",
            [REPORT, i, f"row {i}", title, place, goal, participants],
        )
        e = enrich_event(title, place, goal, participants)
        con.execute(
            "insert into core.event_enrichment values (?, ?, ?, ?, ?, ?, ?)",
            [
                REPORT,
                i,
                list(e.settlements),
                list(e.partner_countries),
                e.format,
                list(e.format_cues),
                e.is_online,
            ],
        )
        for pos, p in enumerate(e.partners):
            con.execute(
                "insert into core.event_partners values (?, ?, ?, ?, ?, ?, ?)",
                [REPORT, i, pos, p.country_code, p.country_name, p.settlement, p.place_kind],
            )
    for linked in link_agreements((i, row[2]) for i, row in enumerate(ROWS)):
        a = linked.agreement
        con.execute(
            "insert into core.agreements values (?, ?, ?, ?, ?)",
            [linked.agreement_id, a.kind, list(a.parties), a.signed_on, a.text],
        )
        for i in linked.events:
            con.execute(
                "insert into core.agreement_events values (?, ?, ?)", [linked.agreement_id, REPORT, i]
            )
    return con


def saved(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple]:
    sql = (ROOT / "warehouse" / "queries" / f"{name}.sql").read_text(encoding="utf-8")
    assert sql.startswith("-- "), "a saved query starts with its description"
    return con.execute(sql).fetchall()


def test_events_gain_the_enrichment_columns(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "select seq_no, partner_countries, settlements, format, is_online from events order by row_index"
    ).fetchall()
    assert [r[1:] for r in rows] == [
        (["BY"], ["Витебск", "Минск", "Смоленск"], "in_person", False),
        (["BY", "KZ"], ["Минск"], "in_person", False),
        (["BY"], ["Смоленск", "Витебск"], "online", True),
    ]


def test_events_per_partner_country_quarter(con: duckdb.DuckDBPyConnection) -> None:
    assert saved(con, "events_per_partner_country_quarter") == [
        ("2024Q2", "BY", "Беларусь", 3),
        ("2024Q2", "KZ", "Казахстан", 1),
    ]


def test_partner_cities_ranked(con: duckdb.DuckDBPyConnection) -> None:
    assert saved(con, "partner_cities_ranked") == [
        (1, "Витебск", "Беларусь", "BY", 2),  # named in two events
        (1, "Минск", "Беларусь", "BY", 2),
    ]


def test_agreements_per_quarter_counts_a_document_once(con: duckdb.DuckDBPyConnection) -> None:
    assert saved(con, "agreements_per_quarter") == [("2024Q2", "соглашение", 2)]
    links = con.execute(
        "select agreement_id, count(*), any_value(signed_on) from agreements group by agreement_id order by 2"
    ).fetchall()
    assert [(n, str(d)) for _, n, d in links] == [(1, "None"), (2, "2024-04-02")]
