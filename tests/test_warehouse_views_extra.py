"""Extra view behaviour: mixed-script fixes in `events`, every input path in `report_files`."""

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


def test_a_copy_under_another_name_is_accounted_for(fresh_db):
    from warehouse_fixtures import sha

    from muniflow.warehouse import loader

    report = make_report(2)
    run = loader.start_run(fresh_db)
    for name in ("a.docx", "copy_of_a.docx", "a.docx"):
        loader.load_report(
            fresh_db, run_id=run, source_file=name, sha256=sha("same"), format="docx", report=report, flags=()
        )
    files = fresh_db.execute("select source_file, status from report_files order by 1").fetchall()
    assert files == [("a.docx", "loaded"), ("copy_of_a.docx", "loaded")]
    assert fresh_db.execute("select count(*) from reports").fetchone() == (1,)
