"""The report-level notes of the data-quality report: what is wrong with a whole report rather
than with its rows (a title whose quarter none of the rows falls in), and the files the reviewer
cannot find among the rows: refused whole, or replaced by a later version."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from muniflow.dqhtml import cell, table
from muniflow.model import Period
from muniflow.rules.period_hint import period_mismatch

NO_REGION = (
    "Регион не прочитан: заголовок не называет область, и другие отчёты не называют её для этих"
    " муниципальных образований. Строки не учтены в полноте ни одного региона и не сверяются с его"
    ' сводным отчётом: повторите `muniflow ingest ФАЙЛ --region "…"` (файл не читается заново).'
)


def report_notes(
    reports: pd.DataFrame | None,
    extracted: pd.DataFrame | None,
) -> tuple[str, ...]:
    """«Замечания к отчётам»: one line per loaded report whose title's quarter fits none of its
    rows, and one per loaded report of no region (its rows count under no region's completeness,
    its municipalities are versioned apart from the region's reports: only the run summary said so),
    read from the `reports` and `extracted_rows` views (nothing when they are not given)."""
    if reports is None or extracted is None or not len(reports):
        return ()
    by_report = {key: group for key, group in extracted.groupby("report_id")} if len(extracted) else {}
    rows = []
    for r in reports.sort_values(["period", "source_file"]).to_dict("records"):
        group = by_report.get(r["report_id"])
        if r.get("status") != "loaded" or not isinstance(r.get("period"), str):
            continue
        if "region" in r and not isinstance(r.get("region"), str):
            rows.append(f"<tr>{cell(r['source_file'])}{cell(r['period'])}{cell(NO_REGION, 'msg')}</tr>")
        if group is None:
            continue
        ranges = zip(map(_date, group["start_date"]), map(_date, group["end_date"]), strict=True)
        mismatch = period_mismatch(Period.parse(r["period"]), ranges)
        if mismatch is not None:
            rows.append(
                f"<tr>{cell(r['source_file'])}{cell(r['period'])}{cell(mismatch.russian(), 'msg')}</tr>"
            )
    head = f"<h2>Замечания к отчётам ({len(rows)})</h2>"
    return head, table(("Файл", "Квартал", "Замечание"), rows, "Замечаний к отчётам в целом нет.")


def _date(value: Any) -> date | None:
    """A view's date cell (date, Timestamp or missing) as a date."""
    if value is None or pd.isna(value):  # NaT is a datetime too: missing all the same
        return None
    return pd.Timestamp(value).date()


_STATUS = {"quarantined": "не загружен", "superseded": "заменён новой версией"}


def files_not_loaded(reports: pd.DataFrame | None) -> tuple[str, ...]:
    """«Файлы, не загруженные целиком»: each quarantined file with its reason and what to do, each
    superseded report with the file that replaced it, from the `reports` view (the quarters the
    run touched and the files it saw): a file refused whole has no row the reviewer would meet."""
    if reports is None or not len(reports):
        return ()
    names = dict(zip(reports["report_id"], reports["source_file"], strict=True))
    rows = []
    for r in reports.sort_values(["status", "source_file"]).to_dict("records"):
        status = r.get("status")
        if status not in _STATUS:
            continue
        if status == "quarantined":
            why = f"{r.get('reason') or ''}: {r.get('message') or ''}"
        else:
            later = r.get("superseded_by")
            why = f"заменён файлом {names.get(later, later)}" if isinstance(later, str) else ""
        cells = (cell(r["source_file"]), cell(r.get("period")), cell(_STATUS[status]), cell(why, "msg"))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = f"<h2>Файлы, не загруженные целиком ({len(rows)})</h2>"
    return head, table(
        ("Файл", "Квартал", "Состояние", "Причина и что сделать"), rows, "Все файлы загружены."
    )
