"""`events` shows mixed-script words fixed; `extracted_rows` keeps the text as extracted."""

from __future__ import annotations

from warehouse_fixtures import fresh_db, load, make_report, warning

__all__ = ["fresh_db"]


def test_events_fix_mixed_script_and_extracted_rows_keep_it(fresh_db):
    # "XХIV": a Latin X followed by a Cyrillic Х; as a whole a Roman numeral
    report = make_report(1, title="XХIV фестиваль")
    load(fresh_db, "mixed", report, [warning(0)])
    extracted = fresh_db.execute("select title, title_raw from extracted_rows").fetchone()
    event = fresh_db.execute("select title from events").fetchone()
    assert extracted == ("XХIV фестиваль", "XХIV фестиваль\n")
    assert event == ("XXIV фестиваль",)


def test_events_leave_single_script_text_alone(fresh_db):
    load(fresh_db, "plain", make_report(1, title="Фестиваль «Дружба»"))
    assert fresh_db.execute("select title from events").fetchone() == ("Фестиваль «Дружба»",)
