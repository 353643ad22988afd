"""Row rules (date_format, quarter_consistency, required_field, mixed_script) on hand-built rows."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import rowfactory

from muniflow.model import Flag, Period, Report, Row
from muniflow.rules import check_report, merge_flags

Q2 = Period(2024, 2)


def make_row(index: int = 0, seq: int | None = 1, **changes: Any) -> Row:
    """A clean row inside 2024 Q2; keyword arguments change single fields."""
    seq_text = f"{seq}." if seq is not None else ""
    return rowfactory.make_row(index, seq_no=seq, seq_text=seq_text, **changes)


def flags_of(*rows: Row, period: Period | None = Q2) -> list[Flag]:
    return check_report(Report("report.docx", "docx", "Область", period, tuple(rows)))


def fired(*rows: Row, period: Period | None = Q2) -> set[tuple[str, str]]:
    return {(f.rule, f.severity) for f in flags_of(*rows, period=period)}


NO_DATE = {"date_text": "", "start_date": None, "end_date": None, "date_form": None}
UNREADABLE = {"start_date": None, "end_date": None, "date_form": None}

DATE_CASES = [
    ("an exact date inside the quarter is clean", {}, set()),
    (
        "a misspelt month leaves the date unread: error, and no quarter judgement on top",
        {"date_text": "12 апрля 2024 года", **UNREADABLE},
        {("date_format", "error")},
    ),
    (
        "text that is no date at all is an error",
        {"date_text": "в течение квартала", **UNREADABLE},
        {("date_format", "error")},
    ),
    (
        "an empty date cell is one error, the missing required field: not also an unreadable date",
        NO_DATE,
        {("required_field", "error")},
    ),
    (
        "a date without a year read with the period's year is a warning",
        {"date_text": "12 апреля", "date_form": "year_from_period"},
        {("date_format", "warning")},
    ),
    (
        "a dash as the date is a missing date, as an empty cell",
        {"date_text": "—", **UNREADABLE},
        {("required_field", "error")},
    ),
    (
        "a placeholder as the date («не указано») is a missing date too",
        {"date_text": "не указано", **UNREADABLE},
        {("required_field", "error")},
    ),
    (
        "a whole month instead of days is a warning",
        {
            "date_text": "апрель 2024 года",
            "date_form": "whole_month",
            "start_date": date(2024, 4, 1),
            "end_date": date(2024, 4, 30),
        },
        {("date_format", "warning")},
    ),
    (
        "a start after the end is an error",
        {"date_text": "20-12 апреля 2024", "start_date": date(2024, 4, 20), "end_date": date(2024, 4, 12)},
        {("date_format", "error")},
    ),
    (
        "an event wholly before the quarter belongs to another report: error",
        {
            "date_text": "21-22 марта 2024 года",
            "start_date": date(2024, 3, 21),
            "end_date": date(2024, 3, 22),
        },
        {("quarter_consistency", "error")},
    ),
    (
        "an event wholly after the quarter is an error too",
        {"date_text": "2 июля 2024 года", "start_date": date(2024, 7, 2), "end_date": date(2024, 7, 2)},
        {("quarter_consistency", "error")},
    ),
    (
        "the same day a year later is outside the quarter",
        {"date_text": "12 апреля 2025 года", "start_date": date(2025, 4, 12), "end_date": date(2025, 4, 12)},
        {("quarter_consistency", "error")},
    ),
    (
        "an event starting before the quarter and ending in it straddles: warning",
        {
            "date_text": "30 марта – 2 апреля 2024",
            "start_date": date(2024, 3, 30),
            "end_date": date(2024, 4, 2),
        },
        {("quarter_consistency", "warning")},
    ),
    (
        "an event starting in the quarter and ending after it straddles: warning",
        {"date_text": "29 июня – 3 июля 2024", "start_date": date(2024, 6, 29), "end_date": date(2024, 7, 3)},
        {("quarter_consistency", "warning")},
    ),
    (
        "the quarter's first and last days are inside it",
        {
            "date_text": "1 апреля – 30 июня 2024",
            "start_date": date(2024, 4, 1),
            "end_date": date(2024, 6, 30),
        },
        set(),
    ),
    (
        "a whole month outside the quarter is both helped and outside",
        {
            "date_text": "март 2024 года",
            "date_form": "whole_month",
            "start_date": date(2024, 3, 1),
            "end_date": date(2024, 3, 31),
        },
        {("date_format", "warning"), ("quarter_consistency", "error")},
    ),
    (
        "a date cell saying the event was cancelled is a row of an event not held",
        {
            "date_text": "15.05.2024 (отменено)",
            "start_date": date(2024, 5, 15),
            "end_date": date(2024, 5, 15),
        },
        {("not_held", "error")},
    ),
    (
        "and so is one saying it was not held, negated",
        {
            "date_text": "20.05.2024 – не проводилось",
            "start_date": date(2024, 5, 20),
            "end_date": date(2024, 5, 20),
        },
        {("not_held", "error")},
    ),
    (
        "put off to the next quarter: not held, and so of no other quarter's report",
        {
            "date_text": "перенесено на III квартал",
            "start_date": date(2024, 7, 1),
            "end_date": date(2024, 9, 30),
        },
        {("not_held", "error")},
    ),
    (
        "cancelled on a day of the quarter before: not held, of no quarter",
        {
            "date_text": "15.03.2024 (отменено)",
            "start_date": date(2024, 3, 15),
            "end_date": date(2024, 3, 15),
        },
        {("not_held", "error")},
    ),
    (
        "moved here from another day, it was held",
        {
            "date_text": "12.05.2024 (перенесено с 10.05.2024)",
            "start_date": date(2024, 5, 12),
            "end_date": date(2024, 5, 12),
        },
        set(),
    ),
    (
        "a range over a year long (a year misread) is an error, beside its quarter's warning",
        {
            "date_text": "22.05.2023 – 23.05.2024",
            "start_date": date(2023, 5, 22),
            "end_date": date(2024, 5, 23),
        },
        {("date_format", "error"), ("quarter_consistency", "warning")},
    ),
    (
        "a year-long programme is no misread range",
        {
            "date_text": "01.07.2023 – 30.06.2024",
            "start_date": date(2023, 7, 1),
            "end_date": date(2024, 6, 30),
        },
        {("quarter_consistency", "warning")},
    ),
    (
        "a start with an open end is a warning",
        {
            "date_text": "с 15.05.2024",
            "date_form": "open_end",
            "start_date": date(2024, 5, 15),
            "end_date": date(2024, 6, 30),
        },
        {("date_format", "warning")},
    ),
]


@pytest.mark.parametrize(("reason", "changes", "expected"), DATE_CASES, ids=[c[0] for c in DATE_CASES])
def test_date_rules(reason: str, changes: dict[str, Any], expected: set[tuple[str, str]]) -> None:
    assert fired(make_row(**changes)) == expected, reason


def test_without_a_period_dates_are_not_judged_against_a_quarter() -> None:
    # A report whose quarter is unknown cannot place an event outside it.
    row = make_row(start_date=date(2023, 1, 5), end_date=date(2023, 1, 5))
    assert fired(row, period=None) == set()


FIELD_CASES = [
    ("a missing title is an error", {"title": "", "title_raw": ""}, {("required_field", "error")}),
    (
        "a blank place (spaces only) is an error",
        {"place": "  ", "place_raw": "  "},
        {("required_field", "error")},
    ),
    (
        "a row under no municipality heading is an error",
        {"municipality": "", "municipality_raw": ""},
        {("required_field", "error")},
    ),
    (
        "a dash in the title cell says nothing: an error as for an empty cell",
        {"title": "–", "title_raw": "–"},
        {("required_field", "error")},
    ),
    ("«нет» as the place is no place", {"place": "Нет.", "place_raw": "Нет."}, {("required_field", "error")}),
    (
        "«не указано» as the place is no place",
        {"place": "не указано", "place_raw": "не указано"},
        {("required_field", "error")},
    ),
    (
        "a place containing «нет» among words is a place",
        {"place": "Интернет-площадка", "place_raw": "Интернет-площадка"},
        set(),
    ),
    (
        "a dash in an optional cell is fine",
        {"goal": "-", "goal_raw": "-", "participants": "нет", "participants_raw": "нет"},
        set(),
    ),
    ("goal and participants are optional", {"goal": "", "goal_raw": "", "participants": ""}, set()),
    (
        "a Roman numeral typed with a Cyrillic Х mixes scripts: warning",
        {"title_raw": "ХХI конференция", "title": "XXI конференция"},
        {("mixed_script", "warning")},
    ),
    (
        "a Belarusian word typed with a Latin i mixes scripts, wherever it stands",
        {"goal_raw": "Фестываль «Па-сваякоўскi»", "goal": "Фестываль «Па-сваякоўскі»"},
        {("mixed_script", "warning")},
    ),
    (
        "the raw text is judged, not the fixed one",
        {"place_raw": "г. Мoсква", "place": "г. Москва"},
        {("mixed_script", "warning")},
    ),
    (
        "whole Latin words beside Cyrillic ones are not mixed",
        {"title_raw": "Форум IT-компаний XXI века", "title": "Форум IT-компаний XXI века"},
        set(),
    ),
]


@pytest.mark.parametrize(("reason", "changes", "expected"), FIELD_CASES, ids=[c[0] for c in FIELD_CASES])
def test_field_rules(reason: str, changes: dict[str, Any], expected: set[tuple[str, str]]) -> None:
    assert fired(make_row(**changes)) == expected, reason


def test_flag_names_field_value_and_says_why_in_russian() -> None:
    [flag] = flags_of(make_row(date_text="12 апрля 2024 года", **UNREADABLE))
    assert (flag.field, flag.value) == ("date_text", "12 апрля 2024 года")
    assert "не распознана" in flag.message and "12 апрля 2024 года" in flag.message
    assert "не распознан месяц «апрля»" in flag.message  # the grammar's own reason

    [flag] = flags_of(make_row(date_text="31.04.2024", **UNREADABLE))
    assert "несуществующая дата 31.04.2024" in flag.message

    [flag] = flags_of(make_row(date_text="20.05.2024 - 15.05.2024", **UNREADABLE))
    assert "дата окончания раньше даты начала" in flag.message
    assert "написание месяца" not in flag.message, "the month is not what is wrong: only the reason"

    [flag] = flags_of(make_row(date_text="двенадцатое", **UNREADABLE))
    assert "написание месяца" in flag.message, "no reason known: the general hint and an example"

    [flag] = flags_of(make_row(start_date=date(2024, 3, 21), end_date=date(2024, 3, 22)))
    assert "21.03.2024–22.03.2024" in flag.message and "01.04.2024–30.06.2024" in flag.message

    [flag] = flags_of(make_row(title_raw="XХIV фестиваль", title="XXIV фестиваль"))
    assert (flag.field, flag.value) == ("title", "XХIV")


def test_an_empty_date_is_one_error_saying_the_date_is_missing() -> None:
    [flag] = flags_of(make_row(**NO_DATE))
    assert (flag.rule, flag.severity, flag.field) == ("required_field", "error", "date_text")
    assert flag.message == "Не заполнено обязательное поле «Сроки проведения»: дата мероприятия не указана."
    [flag] = flags_of(make_row(date_text="—", **UNREADABLE))
    assert "(в ячейке «—»)" in flag.message and "дата мероприятия не указана" in flag.message


def test_one_flag_per_row_and_rule_naming_every_field() -> None:
    # flagged_rows holds one row per (extracted row, rule): two missing fields make one flag.
    row = make_row(title="", title_raw="", place="", place_raw="")
    [flag] = flags_of(row)
    assert flag.rule == "required_field"
    assert set(flag.field.split(", ")) == {"title", "place"}


def test_flags_point_at_their_rows() -> None:
    rows = [make_row(0, 1), make_row(1, 2, title="", title_raw=""), make_row(2, 3)]
    assert [(f.row_index, f.rule) for f in flags_of(*rows)] == [(1, "required_field")]


def test_merge_keeps_the_worst_severity() -> None:
    flags = [Flag(4, "date_format", "warning", "a", "date_text", "x"), Flag(4, "date_format", "error", "b")]
    [merged] = merge_flags(flags)
    assert (merged.severity, merged.message) == ("error", "b a")


@pytest.mark.parametrize(
    ("text", "end", "says"),
    [
        ("май 2024 года", date(2024, 5, 31), "указан только месяц, принят весь месяц"),
        ("II квартал 2024 г.", date(2024, 6, 30), "указаны только месяцы или квартал, приняты целиком"),
    ],
)
def test_a_date_read_as_whole_months_says_which(text: str, end: date, says: str) -> None:
    start = date(2024, 5, 1) if end.month == 5 else date(2024, 4, 1)
    [flag] = flags_of(make_row(date_text=text, start_date=start, end_date=end, date_form="whole_month"))
    assert says in flag.message, flag.message


def test_a_date_read_as_part_of_a_month_is_a_warning_naming_the_days() -> None:
    row = make_row(
        date_text="II декада мая 2024 г.",
        start_date=date(2024, 5, 11),
        end_date=date(2024, 5, 20),
        date_form="part_of_month",
    )
    [flag] = flags_of(row)
    assert (flag.rule, flag.severity) == ("date_format", "warning")
    assert "часть месяца" in flag.message and "11.05.2024–20.05.2024" in flag.message, flag.message
