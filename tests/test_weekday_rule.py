"""weekday_mismatch: a weekday written beside a date the date does not fall on (a warning)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import rowfactory

from muniflow.model import Flag, Period, Report
from muniflow.normalize.weekdays import mismatches, named_days
from muniflow.rules import check_report

Q2 = Period(2025, 2)


def flags_of(date_text: str, start: date, end: date | None = None, **changes: Any) -> list[Flag]:
    row = rowfactory.make_row(0, date_text=date_text, start_date=start, end_date=end or start, **changes)
    return [
        f
        for f in check_report(Report("r.docx", "docx", "Область", Q2, (row,)))
        if f.rule == "weekday_mismatch"
    ]


@pytest.mark.parametrize(
    ("date_text", "start", "end", "reason"),
    [
        ("15 мая 2025 г. (среда)", date(2025, 5, 15), None, "a Thursday called Wednesday"),
        ("18.04.2025 (вс)", date(2025, 4, 18), None, "an abbreviation, a Friday called Sunday"),
        ("15–17 мая 2025 (пятница–воскресенье)", date(2025, 5, 15), date(2025, 5, 17), "a range: both ends"),
    ],
)
def test_a_weekday_the_date_does_not_fall_on_is_warned(
    date_text: str, start: date, end: date | None, reason: str
) -> None:
    found = flags_of(date_text, start, end)
    assert [(f.severity, f.field) for f in found] == [("warning", "date_text")], reason


def test_the_message_names_the_day_the_date_falls_on_and_the_word_written() -> None:
    (flag,) = flags_of("15 мая 2025 г. (среда)", date(2025, 5, 15))
    assert "15.05.2025 — четверг, а указано «среда»" in flag.message
    assert flag.value == "15 мая 2025 г. (среда)"


@pytest.mark.parametrize(
    ("date_text", "start", "end", "reason"),
    [
        ("12 и 19 мая 2025 г. (понедельник)", date(2025, 5, 12), date(2025, 5, 19), "one weekday, two days"),
        ("пятница, 16 мая 2025 г.", date(2025, 5, 16), None, "the right weekday"),
        ("во вторник, 3 июня 2025 года", date(2025, 6, 3), None, "the right weekday, in another case"),
        ("15–17 мая 2025 (чт, пт, сб)", date(2025, 5, 15), date(2025, 5, 17), "three weekdays, a range"),
    ],
)
def test_a_weekday_is_read_but_not_warned_where_it_does_not_say_one_day_is_another(
    date_text: str, start: date, end: date | None, reason: str
) -> None:
    assert named_days(date_text), reason
    assert mismatches(date_text, start, end or start) == [], reason
    assert flags_of(date_text, start, end) == [], reason


def test_a_weekly_schedule_is_not_judged() -> None:
    """«по средам» over the whole quarter: a plural is no weekday of one day (dates.yaml `weekdays`)."""
    assert named_days("по средам") == []
    assert named_days("в среду") == [("среду", 2)]
    assert flags_of("по средам", date(2025, 4, 1), date(2025, 6, 30), date_form="whole_quarter") == []
