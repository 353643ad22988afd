"""The reporting window: the days after each quarter when its reports arrive (contracts/reporting.yaml),
as a cron schedule, and which run closes the quarter."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from muniflow.model import Period
from muniflow.reporting.contract import Window, load_reporting

QUARTER_FIRST_MONTHS = (1, 4, 7, 10)  # the months after each quarter, when its reports arrive


def window_cron(window: Window | None = None) -> str:
    """Daily at the window's hour from its first to its last day of the month after each quarter."""
    w = window or load_reporting().window
    days = str(w.first_day) if w.first_day == w.last_day else f"{w.first_day}-{w.last_day}"
    return f"0 {w.hour} {days} {','.join(map(str, QUARTER_FIRST_MONTHS))} *"


def today_in(window: Window | None = None) -> date:
    """Today's date where the window is kept (Moscow by default), not where the machine runs."""
    w = window or load_reporting().window
    return datetime.now(ZoneInfo(w.timezone)).date()


def previous_quarter(day: date) -> Period:
    """The quarter that ended last before `day` (2025Q3 for any day of October 2025)."""
    quarter = (day.month - 1) // 3 + 1
    return Period(day.year - 1, 4) if quarter == 1 else Period(day.year, quarter - 1)


def closing_quarter(day: date, window: Window | None = None) -> Period | None:
    """The quarter whose window closes on `day` (its last day), or None on any other day."""
    w = window or load_reporting().window
    if day.month in QUARTER_FIRST_MONTHS and day.day == w.last_day:
        return previous_quarter(day)
    return None
