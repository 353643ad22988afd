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
