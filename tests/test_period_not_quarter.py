"""A half-year, nine-month or year report is quarantined as period_not_quarter, saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

from muniflow.model import RawDocument, RawRow, RawTable
from muniflow.stages import interpret_file

HEADER = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения")
ROW = RawRow(("1", "Концерт", "г. Энск", "6 апреля 2025 года"), "table 1, row 2")


@pytest.mark.parametrize(
    ("title", "reason", "words"),
    [
        ("Отчёт о мероприятиях за первое полугодие 2025 года", "period_not_quarter", "a half-year"),
        ("Отчёт о мероприятиях за 9 месяцев 2025 года", "period_not_quarter", "nine months"),
        ("Отчёт о мероприятиях за 2025 год", "period_not_quarter", "a year"),
        ("Отчёт о мероприятиях", "period_unknown", "no quarter"),
        (
            "Отчёт о мероприятиях за апрель – август 2025 года",
            "period_not_quarter",
            "months of more than one",
        ),
        ("Отчёт о фестивале с 5 мая по 3 июля 2025 года", "period_unknown", "no quarter"),  # days: an event's
    ],
)
def test_period_reason(title, reason, words):
    doc = RawDocument("x.docx", "docx", title, (RawTable(HEADER, (ROW,), "table 1"),))
    outcome = interpret_file(Path("x.docx"), doc, None, "")
    assert outcome.reason == reason
    assert words in (outcome.message or "")


def test_the_quarter_to_give_is_the_one_the_events_dates_name():
    """«по состоянию на 01.07.2025»: no quarter in the title; the events' dates say which to give."""
    rows = (ROW, RawRow(("2", "Выставка", "г. Энск", "12.05.2025"), "table 1, row 3"))
    doc = RawDocument(
        "x.docx", "docx", "Отчёт по состоянию на 01.07.2025", (RawTable(HEADER, rows, "table 1"),)
    )
    outcome = interpret_file(Path("x.docx"), doc, None, "")
    assert outcome.reason == "period_unknown"
    assert "2 of its 2 events fall in 2025Q2: re-run with --period 2025Q2" in (outcome.message or "")
    # --period is for reports of events only: another document given one would load as a report
    assert "if it is another document" in (outcome.message or "")


def _rows(*dates: str) -> tuple[RawRow, ...]:
    return tuple(
        RawRow((str(k), f"Встреча {k}", "г. Энск", d), f"table 1, row {k + 1}")
        for k, d in enumerate(dates, 1)
    )


@pytest.mark.parametrize(
    "title",
    [
        "Отчёт о встречах за первое полугодие 2031 года",
        "Отчёт о встречах за 9 месяцев 2031 года",
        "Отчёт о встречах за май – июль 2031 года",
    ],
)
def test_a_longer_period_over_several_quarters_is_no_quarter_to_give(title):
    """A title naming more than a quarter, its events in two quarters: the hint counts each quarter's
    events and names no --period to re-run with (loaded so, the other quarter's events would be
    quarantined)."""
    rows = _rows("12.05.2031", "20.05.2031", "3 июля 2031 г.")
    doc = RawDocument("x.docx", "docx", title, (RawTable(HEADER, rows, "table 1"),))
    outcome = interpret_file(Path("x.docx"), doc, None, "")
    message = outcome.message or ""
    assert outcome.reason == "period_not_quarter", message
    assert "covers several quarters" in message and "2 in 2031Q2, 1 in 2031Q3" in message, message
    assert "re-run with --period" not in message, message


def test_a_longer_period_with_its_events_in_one_quarter_keeps_the_hint():
    """All its events in one quarter: the file may be that quarter's report, titled wrong."""
    rows = _rows("12.05.2031", "20.05.2031")
    doc = RawDocument(
        "x.docx", "docx", "Отчёт о встречах за 9 месяцев 2031 года", (RawTable(HEADER, rows, "table 1"),)
    )
    outcome = interpret_file(Path("x.docx"), doc, None, "")
    assert "2 of its 2 events fall in 2031Q2: re-run with --period 2031Q2 if it is one" in (
        outcome.message or ""
    )
