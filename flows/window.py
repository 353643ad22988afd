"""What the scheduled run adds around an ingestion: stop early when nothing new arrived, and on the
last day of the reporting window close the quarter (final data-quality and completeness report as a
Prefect artifact)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from muniflow.model import Period
from muniflow.reporting.window import closing_quarter, previous_quarter, today_in
from muniflow.warehouse import db, lookups, reporting


def nothing_new(files: list[Path], warehouse: str) -> bool:
    """True when every file is already in the warehouse as it is: what a daily run costs on a quiet
    day is the files' hashes and one lookup."""
    return lookups.holds_all(files, warehouse)


def quarter_to_close(close_quarter: bool | None, day: date | None = None) -> Period | None:
    """The quarter this run closes: by the calendar (the window's last day) unless told.

    `close_quarter=True` closes the quarter that ended last, `False` never closes one.
    """
    day = day or today_in()
    if close_quarter is None:
        return closing_quarter(day)
    return previous_quarter(day) if close_quarter else None


@task(cache_policy=NO_CACHE)
def close_quarter_report(warehouse: str, period: str, report_dir: str | None = None) -> dict[str, Any]:
    """The quarter's final data-quality report and its completeness, as a markdown artifact."""
    from muniflow.quality_report import DEFAULT_REPORTS_DIR, write_quality_report

    out = Path(report_dir) if report_dir else DEFAULT_REPORTS_DIR / f"quarter-{period}"
    with db.connect(warehouse) as con:
        try:
            html: str | None = str(write_quality_report(con, "latest", out))
        except LookupError:  # no run yet: the completeness still says who is missing
            html = None
        reporting.sync_expected(con, _expected_pairs())
        columns, rows = reporting.status_rows(con, period)
        summary = reporting.completeness(con, [period])
    markdown = _markdown(period, columns, rows, summary, html)
    key = f"quarter-close-{period.lower()}"
    create_markdown_artifact(key=key, markdown=markdown, description=f"Quarter {period} closed")
    get_run_logger().info("closed quarter %s: %s", period, html or "no data-quality report (no run yet)")
    return {"period": period, "report": html, "artifact": key, "completeness": summary}


def _expected_pairs() -> list[tuple[str, str]]:
    from muniflow.reporting.contract import load_reporting

    return load_reporting().expected_pairs()


def _markdown(
    period: str,
    columns: list[str],
    rows: list[tuple[Any, ...]],
    summary: list[dict[str, Any]],
    html: str | None,
) -> str:
    days = reporting.days_since_quarter_end(period)
    lines = [f"# Квартал {period} закрыт", "", f"Дней после окончания квартала: {days}.", ""]
    for entry in summary:
        lines.append(
            f"- {entry['region']}: представили {entry['reported']}, мероприятия не проводились "
            f"{entry['nil']}, в карантине {entry['quarantined']}, не представили {entry['missing']}"
        )
    index = {name: i for i, name in enumerate(columns)}
    missing = [r for r in rows if r[index["status"]] == "missing"]
    lines += ["", f"## Не представили отчёт ({len(missing)})", ""]
    if missing:
        lines += ["| регион | муниципальное образование |", "|---|---|"]
        lines += [f"| {r[index['region']]} | {r[index['municipality']]} |" for r in missing]
    else:
        lines.append("Все ожидаемые муниципальные образования представили отчёт.")
    lines += ["", f"Отчёт о качестве данных: `{html}`" if html else "Отчёт о качестве данных не построен."]
    return "\n".join(lines)
