"""The enrichment of every seed row equals the hand-written golden file (read by a person, not generated)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from muniflow.enrich import enrich_event, link_agreements

GOLDEN = Path(__file__).parent / "golden" / "enrichment_smolensk_2024_q2.json"


@pytest.fixture(scope="module")
def rows(shared: Path) -> dict[int, dict]:
    gold = json.loads((shared / "gold" / "smolensk_2024_q2.gold.json").read_text(encoding="utf-8"))
    return {row["seq"]: row for row in gold["events"]}


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_golden_covers_every_seed_row(rows: dict[int, dict], golden: dict) -> None:
    assert [e["seq"] for e in golden["events"]] == sorted(rows)


def test_golden_gives_a_reason_for_each_non_obvious_row(golden: dict) -> None:
    reasoned = {e["seq"] for e in golden["events"] if e.get("reason")}
    assert {7, 9, 11, 15, 18, 30, 37} <= reasoned


def test_each_row_matches_golden(rows: dict[int, dict], golden: dict) -> None:
    wrong = []
    for expected in golden["events"]:
        row = rows[expected["seq"]]
        got = enrich_event(row["title"], row["place"], row["goal"], row["participants"])
        actual = {
            "format": got.format,
            "partner_countries": list(got.partner_countries),
            "settlements": list(got.settlements),
            "partners": [[p.country_code or p.country_name, p.settlement] for p in got.partners],
        }
        for field, value in actual.items():
            if value != expected[field]:
                wrong.append(f"row {expected['seq']} {field}: got {value}, want {expected[field]}")
        if got.is_online != (expected["format"] == "online"):
            wrong.append(f"row {expected['seq']} is_online: got {got.is_online}")
        if got.format != "in_person" and not got.format_cues:
            wrong.append(f"row {expected['seq']}: {got.format} without the words that decided it")
    assert not wrong, "\n".join(wrong)


def test_seed_agreements_are_four_with_the_theatre_one_linked_to_both_rows(
    rows: dict[int, dict], golden: dict
) -> None:
    expected = golden["agreements"]
    linked = link_agreements((seq, row["goal"]) for seq, row in rows.items())
    assert len(linked) == expected["distinct"]
    per_row = {int(seq): sum(int(seq) in a.events for a in linked) for seq in expected["by_seq"]}
    assert per_row == {int(k): v for k, v in expected["by_seq"].items()}
    shared = expected["shared"]
    theatre = [a for a in linked if all(w in " ".join(a.agreement.parties) for w in shared["party_words"])]
    assert len(theatre) == 1
    assert list(theatre[0].events) == shared["seqs"]
    assert theatre[0].agreement.kind == shared["kind"]
    assert str(theatre[0].agreement.signed_on) == shared["signed_on"]
    assert len({a.agreement_id for a in linked}) == len(linked)
