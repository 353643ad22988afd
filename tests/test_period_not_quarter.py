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
