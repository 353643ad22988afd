"""Signed documents in goal texts: kinds, parties, dates, and one key for two mentions of one document."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from muniflow.enrich import Agreement, agreement_key, find_agreements, link_agreements

EDUCATION = "Управлением образования и молодежной политики"
CASES = [
    # (goal, expected [(kind, parties, signed_on)], why)
    (
        "12 мая 2024 года подписан меморандум о взаимопонимании между Администрацией города "
        "Смоленска и Мозырским районным исполнительным комитетом",
        [
            (
                "меморандум",
                ("Администрацией города Смоленска", "Мозырским районным исполнительным комитетом"),
                date(2024, 5, 12),
            )
        ],
        "date before the kind word in the same sentence; parties split at 'и' before a capital",
    ),
    (
        "Подписан протокол о намерениях между МБОУ «Школа № 2» и ГУО «Гимназия № 3» от 03.04.2024",
        [("протокол", ("МБОУ «Школа № 2»", "ГУО «Гимназия № 3» от 03.04.2024"), date(2024, 4, 3))],
        "a numeric date in the document's own words",
    ),
    (
        "Обсуждение сотрудничества. Подписан договор о побратимстве с городом Витебском",
        [("договор", ("городом Витебском",), None)],
        "'с' names the other party when there is no 'между'",
    ),
    (
        "Управлением образования и молодежной политики: подписано соглашение о сотрудничестве между "
        "Управлением образования и молодежной политики и управлением по образованию города Минска",
        [
            (
                "соглашение",
                ("Управлением образования и молодежной политики", "управлением по образованию города Минска"),
                None,
            )
        ],
        "'и' inside a party's name does not split it; a lowercase noun in the instrumental starts a party",
    ),
    ("Обсудили проект соглашения о сотрудничестве", [], "nothing was signed"),
    (
        "Подписание запланировано. Обсудили проект соглашения о сотрудничестве",
        [],
        "a draft is not a document",
    ),
    ("В рамках визита был подписан ряд соглашений:", [], "'ряд соглашений' only introduces a list"),
]


@pytest.mark.parametrize(("goal", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_find_agreements(goal: str, expected: list, why: str) -> None:
    got = [(a.kind, a.parties, a.signed_on) for a in find_agreements(goal)]
    assert got == expected, why


def test_seed_rows_3_and_6(shared: Path) -> None:
    gold = json.loads((shared / "gold" / "smolensk_2024_q2.gold.json").read_text(encoding="utf-8"))
    goals = {row["seq"]: row["goal"] for row in gold["events"]}
    row3, row6 = find_agreements(goals[3]), find_agreements(goals[6])
    assert len(row3) == 1 and len(row6) == 4
    assert all(a.kind == "соглашение" and len(a.parties) == 2 for a in row3 + row6)
    assert row3[0].signed_on == date(2024, 4, 2) and all(a.signed_on is None for a in row6)
    assert agreement_key(row3[0]) in {agreement_key(a) for a in row6}
    assert len({agreement_key(a) for a in row3 + row6}) == 4
    linked = link_agreements([(3, goals[3]), (6, goals[6])])
    assert sorted(len(a.events) for a in linked) == [1, 1, 1, 2]


THEATRE = Agreement(
    "соглашение",
    ("учреждением «Белорусский музыкальный театр» (Республика Беларусь)", "МБУК «Смоленский камерный театр»"),
    None,
    "",
)
SAME = [
    (
        "соглашение",
        ("МБУК «Смоленский камерный театр»", "учреждением «Белорусский музыкальный театр»"),
        "parties in the other order, without the bracketed country",
    ),
    (
        "соглашение",
        ("Учреждение «Белорусский Музыкальный театр»", 'МБУК "Смоленский камерный театр"'),
        "other case of the nouns, other capitals and quotes",
    ),
]
SCHOOLS = Agreement("соглашение", ("МБОУ «Гимназия № 1»", "ГУО «Гимназия № 41»"), None, "")
DIFFERENT = [
    (Agreement("протокол", THEATRE.parties, None, ""), THEATRE, "another kind between the same parties"),
    (SCHOOLS, THEATRE, "other parties"),
    (
        Agreement("соглашение", ("МБОУ «Гимназия № 1»", "ГУО «Гимназия № 4»"), None, ""),
        SCHOOLS,
        "a number is part of a name",
    ),
]


@pytest.mark.parametrize(("kind", "parties", "why"), SAME, ids=[c[2] for c in SAME])
def test_key_is_the_same_for_one_document(kind: str, parties: tuple[str, ...], why: str) -> None:
    assert agreement_key(Agreement(kind, parties, None, "")) == agreement_key(THEATRE), why


@pytest.mark.parametrize(("one", "other", "why"), DIFFERENT, ids=[c[2] for c in DIFFERENT])
def test_key_differs_for_other_documents(one: Agreement, other: Agreement, why: str) -> None:
    assert agreement_key(one) != agreement_key(other), why


@given(st.permutations(["Администрацией города Смоленска", "Союзом «Палата»", "ГУО «Гимназия № 41»"]))
def test_key_ignores_party_order(parties: list[str]) -> None:
    base = Agreement(
        "договор", ("Администрацией города Смоленска", "Союзом «Палата»", "ГУО «Гимназия № 41»"), None, ""
    )
    assert agreement_key(Agreement("договор", tuple(parties), None, "")) == agreement_key(base)
