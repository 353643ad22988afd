"""A report whose title's quarter matches none of its rows gets one report-level note, beside the
per-row quarter_consistency errors: in reports.message, the ingest summary and the DQ report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from muniflow.dqreport import render_html
from muniflow.ingest_summary import print_summary
from muniflow.model import Period, RawDocument, RawRow, RawTable
from muniflow.rules.period_hint import period_mismatch
from muniflow.stages import interpret_file, validate_file

Q2 = Period(2025, 2)
HEADER = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения")
TITLE = "Отчёт о международных мероприятиях муниципальных образований во II квартале 2025 года"


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("ranges", "quarters", "reason"),
    [
        ([("2025-01-10", "2025-01-10"), ("2025-03-30", None)], ["2025Q1"], "every row in the quarter before"),
        ([("2025-07-01", "2025-07-03"), (None, "2025-08-15")], ["2025Q3"], "every row in the quarter after"),
        (
            [("2025-02-01", None), ("2025-08-01", None)],
            ["2025Q1", "2025Q3"],
            "rows on both sides: no one quarter",
        ),
        ([("2024-04-10", None)], ["2024Q2"], "the year of the title is wrong"),
        ([("2025-03-30", "2025-04-02")], None, "a row overlapping the quarter: the title may be right"),
        (
            [("2025-01-10", None), ("2025-05-10", None)],
            None,
            "one row in the quarter: row errors, not the title",
        ),
        ([(None, None)], None, "no dated row says nothing of the quarter"),
        ([], None, "no rows"),
    ],
)
def test_period_mismatch(ranges: list, quarters: list[str] | None, reason: str) -> None:
    found = period_mismatch(Q2, [(d(a) if a else None, d(b) if b else None) for a, b in ranges])
    if quarters is None:
        assert found is None, reason
    else:
        assert found is not None and [p.label for p in found.row_quarters] == quarters, reason


def outcome_of(dates: list[str], period: Period | None = Q2):  # type: ignore[no-untyped-def]
    rows = tuple(
        RawRow((str(i + 1), f"Концерт № {i + 1}", "г. Энск", text), f"table 1, row {i + 2}")
        for i, text in enumerate(dates)
    )
    doc = RawDocument("x.docx", "docx", TITLE, (RawTable(HEADER, rows, "table 1"),))
    return validate_file(interpret_file(Path("x.docx"), doc, period, ""))


def test_a_title_quarter_matching_no_dated_event_is_not_loaded_without_a_period() -> None:
    """Titled for the second quarter, every dated event in the first: loaded under the title's
    quarter it would supersede that quarter's report of its municipalities. Refused, saying both
    ways to load it; one event dated elsewhere is that row's error, not the report's."""
    refused = outcome_of(["15 января 2025 года", "20 февраля 2025 года"], None)
    assert refused.reason == "period_conflict"
    assert refused.message is not None
    assert "--period 2025Q1" in refused.message and "--period 2025Q2" in refused.message
    assert outcome_of(["15 января 2025 года"], None).reason is None
    assert outcome_of(["15 января 2025 года", "20 мая 2025 года"], None).reason is None


def test_a_period_conflict_says_which_words_named_the_quarter_and_where_they_stood() -> None:
    """The quarter's words are quoted, and a quarter read from the page header (RawDocument.running)
    rather than the title says so: the analyst finds the words that overrode the dates."""
    rows = tuple(
        RawRow((str(i + 1), f"Регата № {i + 1}", "г. Энск", text), f"table 1, row {i + 2}")
        for i, text in enumerate(["15 января 2031 года", "20 февраля 2031 года"])
    )
    table = RawTable(HEADER, rows, "table 1")
    titled = RawDocument("x.docx", "docx", TITLE, (table,))
    message = validate_file(interpret_file(Path("x.docx"), titled, None, "")).message or ""
    assert "the title names 2025Q2 («II квартале 2025»)" in message
    stamped = RawDocument("x.pdf", "pdf", "Отчёт о мероприятиях", (table,), running="Сводка_3кв_2031_итог")
    refused = validate_file(interpret_file(Path("x.pdf"), stamped, None, ""))
    assert refused.reason == "period_conflict"
    assert "the page header names 2031Q3 («3кв_2031»)" in (refused.message or "")


def test_a_title_quarter_matching_no_row_gives_one_note_and_keeps_the_row_errors() -> None:
    """Loaded as titled (--period the title's quarter), the rows are flagged, the report noted."""
    outcome = outcome_of(["15 января 2025 года", "20 февраля 2025 года", "3 марта 2025 года"])
    assert outcome.reason is None  # still loaded: the rows are quarantined, the report is not
    assert outcome.message is not None
    assert "2025Q2" in outcome.message and "--period 2025Q1" in outcome.message
    errors = [f for f in outcome.flags if f.rule == "quarter_consistency" and f.severity == "error"]
    assert len(errors) == 3


def test_a_report_with_a_row_in_its_quarter_gets_no_note() -> None:
    outcome = outcome_of(["15 января 2025 года", "20 мая 2025 года"])
    assert outcome.message is None


def test_the_dq_report_shows_the_note() -> None:
    reports = pd.DataFrame(
        [
            {"report_id": "rep-1", "source_file": "inbox/q.docx", "status": "loaded", "period": "2025Q2"},
            {"report_id": "rep-2", "source_file": "inbox/ok.docx", "status": "loaded", "period": "2025Q2"},
        ]
    )
    extracted = pd.DataFrame(
        [
            {"report_id": "rep-1", "start_date": d("2025-01-15"), "end_date": d("2025-01-15")},
            {"report_id": "rep-1", "start_date": d("2025-02-20"), "end_date": None},
            {"report_id": "rep-2", "start_date": d("2025-05-20"), "end_date": d("2025-05-20")},
        ]
    )
    page = render_html(
        run={"run_id": "r1"},
        flagged=pd.DataFrame(),
        events=pd.DataFrame(),
        quality=None,
        reports=reports,
        extracted=extracted,
    )
    assert "Замечания к отчётам (1)" in page
    assert "inbox/q.docx" in page and "inbox/ok.docx" not in page
    assert "не попадает в II квартал 2025 г." in page and "--period 2025Q1" in page


def test_the_ingest_summary_prints_the_note(capsys: pytest.CaptureFixture[str]) -> None:
    note = "none of the 3 dated rows falls in 2025Q2"
    line = {"file": "q.docx", "status": "loaded", "reason": None, "message": note, "seen_before": False,
            "rows_extracted": 3, "rows_loaded": 0, "rows_quarantined": 3}  # fmt: skip
    print_summary({"run_id": "r1", "files": [line], "report": None})
    assert note in capsys.readouterr().out


def test_ingest_records_the_note_and_the_dq_report_shows_it(tmp_path: Path) -> None:
    """A generated report titled III quarter whose rows are all in June, loaded as titled: every
    row quarantined by quarter_consistency, and one note in `reports` and the DQ report."""
    from nil_builders import municipal_title
    from readers_fixtures import HEADER as DOCX_HEADER
    from readers_fixtures import build_docx

    from muniflow.plain import ingest_plain
    from muniflow.warehouse import db

    rows = [list(DOCX_HEADER)] + [
        [
            f"{i}.",
            f"Концерт ансамбля № {i}",
            "г. Минск, Республика Беларусь",
            f"{i + 10} июня 2025 года",
            "Делегация",
        ]
        for i in (1, 2, 3)
    ]
    path = build_docx(tmp_path / "wrong_quarter.docx", rows, title=municipal_title("Озёрский район"))
    warehouse, out = tmp_path / "w.duckdb", tmp_path / "dq"
    ingest_plain([path], warehouse, Period(2025, 3), report_dir=out)  # as titled
    with db.connect(warehouse) as con:
        status, reason, message, loaded = con.execute(
            "select status, reason, message, rows_loaded from reports"
        ).fetchone() or (None, None, None, None)
        errors = con.execute(
            "select count(*) from flagged_rows where rule = 'quarter_consistency' and severity = 'error'"
        ).fetchone()
    assert (status, reason, loaded) == ("loaded", None, 0)
    assert message is not None and "2025Q3" in message and "--period 2025Q2" in message
    assert errors == (3,)
    page = next(out.rglob("dq_report.html")).read_text(encoding="utf-8")
    assert "Замечания к отчётам (1)" in page and "--period 2025Q2" in page
    from muniflow.commands.inspect import _text, inspect_file

    info = inspect_file(path)
    assert "--period 2025Q2" in info.get("note", "") and "NOTE none of the 3 dated rows" in _text(info)


def test_a_period_given_against_a_title_and_dates_of_another_quarter_is_refused() -> None:
    """The next quarter's folder ingested with the last one's --period: the title names II, the
    dates fall in II, --period says I. Refused (every row would be quarantined, and the file would
    supersede the first quarter's reports), with what to do; the title naming the wrong quarter,
    the dates in the one given, takes --period as before."""
    rows = tuple(
        RawRow((str(i + 1), f"Мероприятие {i + 1}", "г. Энск", text), f"table 1, row {i + 2}")
        for i, text in enumerate(["15 апреля 2025 года", "20 мая 2025 года"])
    )
    doc = RawDocument("x.docx", "docx", TITLE, (RawTable(HEADER, rows, "table 1"),))
    refused = interpret_file(Path("x.docx"), doc, Period(2025, 1), "")
    assert refused.reason == "period_conflict"
    assert refused.message is not None and "re-run without --period" in refused.message
    assert interpret_file(Path("x.docx"), doc, Q2, "").reason is None
    typo = RawDocument("x.docx", "docx", TITLE.replace("II квартале", "III квартале"), doc.tables)
    taken = interpret_file(Path("x.docx"), typo, Q2, "")
    assert taken.reason is None and taken.report is not None and taken.report.period == Q2


def test_a_period_given_against_an_undated_title_whose_dates_all_fall_elsewhere_is_refused() -> None:
    """A title naming no quarter, every dated event in the third, --period the second: loaded,
    every row would be flagged and the second quarter's report of its municipality superseded.
    Refused, saying which --period its dates give; dates of the quarter given take it."""
    rows = tuple(
        RawRow((str(i + 1), f"Мероприятие {i + 1}", "г. Энск", text), f"table 1, row {i + 2}")
        for i, text in enumerate(["15 июля 2025 года", "20 августа 2025 года"])
    )
    undated = "Информация о международных мероприятиях Озёрского района"
    doc = RawDocument("x.docx", "docx", undated, (RawTable(HEADER, rows, "table 1"),))
    refused = interpret_file(Path("x.docx"), doc, Q2, "")
    assert refused.reason == "period_conflict"
    assert refused.message is not None and "--period 2025Q3" in refused.message
    assert interpret_file(Path("x.docx"), doc, Period(2025, 3), "").reason is None


def test_a_nil_report_titled_for_another_quarter_than_the_period_given_is_refused() -> None:
    """A nil report has no dates to outweigh its title: titled for the second quarter, --period the
    first, it is refused (it was recorded as the first quarter's nil report)."""
    rows = (RawRow(("1", "Международные мероприятия не проводились", "", ""), "table 1, row 2"),)
    title = "Отчёт Озёрского района о международных мероприятиях во II квартале 2025 года"
    doc = RawDocument("x.docx", "docx", title, (RawTable(HEADER, rows, "table 1"),))
    assert interpret_file(Path("x.docx"), doc, Q2, "").reason is None
    refused = interpret_file(Path("x.docx"), doc, Period(2025, 1), "")
    assert refused.reason == "period_conflict" and "no events" in (refused.message or "")


@pytest.mark.parametrize(
    ("fmt", "title", "dates", "period"),
    [
        (
            "pdf_ocr",
            "Информация о мероприятиях в 1 кварта) 2025 года",
            ["15.01.2025", "20.02.2025", "3.03.2025"],
            "2025Q1",
        ),
        ("image_ocr", "Отчёт за [ квартал 2025", ["15.01.2025", "20.02.2025", "3.03.2025"], "2025Q1"),
        (
            "docx",
            "Информация о мероприятиях в 1 кварта) 2025 года",
            ["15.01.2025", "20.02.2025", "3.03.2025"],
            None,
        ),
        ("pdf_ocr", "Информация о мероприятиях", ["15.01.2025", "20.02.2025", "3.03.2025"], None),
        ("pdf_ocr", "Отчёт за [ квартал 2025", ["15.01.2025", "20.05.2025", "3.06.2025"], None),
        ("pdf_ocr", "Отчёт за [ квартал 2025", ["15.01.2025", "20.02.2025"], None),
    ],
    ids=["ocr_title", "ocr_bracket", "text_document", "no_quarter_word", "dates_disagree", "too_few_dates"],
)
def test_a_scans_unreadable_quarter_is_taken_from_its_dates(
    fmt: str, title: str, dates: list[str], period: str | None
) -> None:
    """OCR misreads a title's quarter («в 1 кварта)»): a scan whose title holds a word like
    «квартал» and whose dated events agree on a quarter takes it, with a note; a text document, a
    title naming no quarter, or dates that disagree stay refused."""
    rows = tuple(
        RawRow((str(i + 1), f"Мероприятие {i + 1}", "г. Энск", text), f"table 1, row {i + 2}")
        for i, text in enumerate(dates)
    )
    doc = RawDocument("x.pdf", fmt, title, (RawTable(HEADER, rows, "table 1"),))
    outcome = interpret_file(Path("x.pdf"), doc, None, "")
    if period is None:  # refused: period_unknown, or period_not_quarter for the year it names
        assert outcome.reason in ("period_unknown", "period_not_quarter")
        if outcome.reason == "period_not_quarter":  # a scan's: its quarter may be the unreadable part
            assert ("OCR could not read" in (outcome.message or "")) == fmt.endswith("_ocr")
        return
    assert outcome.reason is None and outcome.report is not None
    assert outcome.report.period == Period.parse(period)
    assert outcome.report.reading is not None
    assert any("could not be read from the scan" in note for note in outcome.report.reading.notes)


ROMAN_I = "Отчёт за I квартал 2025 года"
SUMMER = ["15.07.2025", "20.08.2025", "3.09.2025"]
WINTER = ["15.01.2025", "20.02.2025", "3.03.2025"]


@pytest.mark.parametrize(
    ("fmt", "title", "dates", "period", "reason"),
    [
        ("pdf_ocr", ROMAN_I, SUMMER, "2025Q3", None),
        ("image_ocr", "Отчёт во II квартале 2025 г.", ["30.06.2025", *SUMMER, "12.07.2025"], "2025Q3", None),
        ("docx", ROMAN_I, SUMMER, None, "period_conflict"),
        ("pdf_ocr", "Отчёт за 1 квартал 2025 года", SUMMER, None, "period_conflict"),
        ("pdf_ocr", ROMAN_I, ["15.07.2025", "20.11.2025", "3.12.2025"], None, "period_conflict"),
        ("pdf_ocr", ROMAN_I, [d.replace("2025", "2024") for d in SUMMER], None, "period_conflict"),
        ("pdf_ocr", "Отчёт за II квартал 2025 года", WINTER, None, "period_conflict"),
    ],
    ids=[
        "ocr_roman",
        "ocr_roman_one_row_before",
        "text_document",
        "arabic",
        "dates_disagree",
        "other_year",
        "an_earlier_quarter_has_fewer_strokes_than_read",
    ],
)
def test_a_scans_roman_quarter_its_dates_contradict_yields_to_them(
    fmt: str, title: str, dates: list[str], period: str | None, reason: str | None
) -> None:
    """OCR counts a Roman numeral's strokes wrong («за III квартал» read «за I квартал»): a scan
    whose title's Roman quarter most of its dated events contradict, agreeing on another quarter of
    the same year, takes theirs, with a note; a text document, an Arabic numeral, dates that
    disagree, of another year or of a quarter of fewer strokes than read (OCR loses strokes, it
    does not add them) keep the title's quarter (refused as a conflict)."""
    rows = tuple(
        RawRow((str(i + 1), f"Мероприятие {i + 1}", "г. Энск", text), f"table 1, row {i + 2}")
        for i, text in enumerate(dates)
    )
    doc = RawDocument("x.pdf", fmt, title, (RawTable(HEADER, rows, "table 1"),))
    outcome = interpret_file(Path("x.pdf"), doc, None, "")
    if period is None:
        assert outcome.reason == reason
        return
    assert outcome.reason is None and outcome.report is not None
    assert outcome.report.period == Period.parse(period)
    assert outcome.report.reading is not None
    assert any("Roman numeral" in note for note in outcome.report.reading.notes)


def test_inspect_reads_a_scans_misread_roman_quarter_as_ingest_does(monkeypatch) -> None:
    """`inspect` shows the quarter `ingest` loads a scan under: its dates' where OCR misread the
    title's Roman numeral, with the note saying so (it had shown the title's, flagging every row)."""
    from muniflow.commands import inspect

    rows = tuple(
        RawRow((str(i + 1), f"Мероприятие {i + 1}", "г. Энск", text), f"table 1, row {i + 2}")
        for i, text in enumerate(SUMMER)
    )
    doc = RawDocument("x.pdf", "pdf_ocr", ROMAN_I, (RawTable(HEADER, rows, "table 1"),))
    monkeypatch.setattr(inspect, "_open", lambda path: doc)
    shown = inspect.inspect_file(Path("x.pdf"))
    assert shown["period"] == interpret_file(Path("x.pdf"), doc, None, "").report.period.label == "2025Q3"
    assert "Roman numeral" in shown.get("note", "")
    assert not [f for row in shown["rows"] for f in row["flags"] if f.startswith("quarter_consistency")]
