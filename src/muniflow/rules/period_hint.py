"""A report-level note when the title's quarter matches none of the rows' dates.

Each row outside the report's quarter is flagged `quarter_consistency` (an error): a report whose
title names the wrong quarter, or a file sent for another quarter, quarantines every row with the
same message and nothing says why. One note for the report says it: what the title says, what the
dates say, and what to do. The per-row flags stay: the rows are out of the quarter loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from muniflow.model import Period, Report

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class PeriodMismatch:
    """The title's quarter, how many dated rows lie wholly outside it, and the quarters they start in."""

    title: Period
    rows: int
    row_quarters: tuple[Period, ...]  # distinct, in order

    @property
    def suggested(self) -> Period | None:
        """The one quarter every row starts in, if there is one."""
        return self.row_quarters[0] if len(self.row_quarters) == 1 else None

    def english(self) -> str:
        """For `reports.message` and the ingest summary, beside the other report-level messages."""
        quarters = ", ".join(p.label for p in self.row_quarters)
        fix = (
            f"if the dates are right, re-run with --period {self.suggested.label}"
            if self.suggested
            else "correct the title or the dates"
        )
        return (
            f"none of the {self.rows} dated rows falls in {self.title.label}, the quarter of the title "
            f"(the rows start in {quarters}): the title's period is probably wrong, or the file was "
            f"sent for another quarter; every row is flagged quarter_consistency. Check the title; {fix}"
        )

    def russian(self) -> str:
        """For the data-quality report, which a reviewer reads."""
        quarters = ", ".join(_ru_quarter(p) for p in self.row_quarters)
        fix = (
            f"если верны даты, загрузите файл заново с --period {self.suggested.label} "
            f"(или попросите отчёт за {_ru_quarter(self.title)})"
            if self.suggested
            else "исправьте заголовок или даты"
        )
        return (
            f"Ни одна из {self.rows} строк с датами не попадает в {_ru_quarter(self.title)}, указанный "
            f"в заголовке (даты строк — {quarters}): вероятно, в заголовке указан не тот период или файл "
            f"прислан не за тот квартал; поэтому каждая строка отмечена «Соответствие кварталу». "
            f"Проверьте заголовок; {fix}."
        )


def _ru_quarter(period: Period) -> str:
    return f"{_ROMAN[period.quarter]} квартал {period.year} г."


def period_mismatch(
    period: Period | None, ranges: Iterable[tuple[date | None, date | None]]
) -> PeriodMismatch | None:
    """The mismatch when at least one row is dated and no dated row overlaps `period`, else None.

    `ranges` are the rows' (start, end) dates; a row with neither date says nothing of the quarter.
    """
    if period is None:
        return None
    dated = [(start or end, end or start) for start, end in ranges if start or end]
    spans = [(min(a, b), max(a, b)) for a, b in dated if a is not None and b is not None]
    if not spans or any(start <= period.last_day and end >= period.first_day for start, end in spans):
        return None
    quarters = sorted(
        {Period(start.year, (start.month - 1) // 3 + 1) for start, _ in spans}, key=lambda p: p.label
    )
    return PeriodMismatch(period, len(spans), tuple(quarters))


def report_mismatch(report: Report) -> PeriodMismatch | None:
    """period_mismatch of an interpreted report's rows."""
    return period_mismatch(report.period, ((r.start_date, r.end_date) for r in report.rows))
