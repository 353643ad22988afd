"""The data-quality report: one self-contained HTML page (opens offline) and a CSV of flagged rows."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from muniflow import dqcharts, dqhtml, dqnotes, dqpairs, dqreminders, dqreview
from muniflow.model import Period
from muniflow.quality.result import ExpectationOutcome, QualityResult
from muniflow.sheets import neutralize_frame

HTML_NAME = "dq_report.html"
CSV_NAME = "flagged_rows.csv"
FLAGGED_COLUMNS = (
    "run_id", "report_id", "source_file", "source_locator", "seq_no", "municipality", "rule",
    "severity", "message", "field", "value", "quarantined", "related_event_id",
)  # fmt: skip
STYLE = """
body { font: 15px/1.45 system-ui, "Segoe UI", Arial, sans-serif; margin: 24px 32px; color: #1d2430; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 8px; }
.meta { color: #5a6473; margin-bottom: 16px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { border: 1px solid #d5dae1; border-radius: 6px; padding: 10px 16px; min-width: 130px; }
.card b { display: block; font-size: 24px; }
table { border-collapse: collapse; margin: 6px 0 12px; }
th, td { border: 1px solid #d5dae1; padding: 4px 8px; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
code { overflow-wrap: anywhere; }
th { background: #eef1f5; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.error td.sev { color: #a11d1d; font-weight: 600; } tr.warning td.sev { color: #8a5a00; }
.ok { color: #1f7a3a; font-weight: 600; } .fail { color: #a11d1d; font-weight: 600; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-bottom: 14px; }
.copy { border: 1px solid #d5dae1; border-radius: 6px; padding: 8px 12px; }
.copy.dropped { background: #fff4f4; } .copy.kept { background: #f2fbf4; }
.copy h3 { font-size: 15px; margin: 0 0 6px; } .copy dl { margin: 0; }
.copy dt { color: #5a6473; font-size: 13px; } .copy dd { margin: 0 0 4px; }
td.msg { min-width: 14em; } td.value { max-width: 14em; }
.value { white-space: pre-wrap; }
"""


def write_report(
    out_dir: Path,
    *,
    run: Mapping[str, Any],
    flagged: pd.DataFrame,
    events: pd.DataFrame,
    quality: QualityResult | None,
    decisions: pd.DataFrame | None = None,
    reporting: pd.DataFrame | None = None,
    today: date | None = None,
    reports: pd.DataFrame | None = None,
    extracted: pd.DataFrame | None = None,
) -> Path:
    """Write dq_report.html and flagged_rows.csv into out_dir; return the HTML path.

    `decisions` (the `review_decisions` view) adds the reviewer's notes and the stale decisions.
    `reporting` is the `reporting_status` view: its missing municipalities are listed with the
    days since their quarter ended (counted to `today`, default the current date). `reports` and
    `extracted` (the `reports` and `extracted_rows` views) add the notes on whole reports.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    flagged = _ordered(flagged)
    # UTF-8 with a BOM: Excel then reads the Cyrillic right.
    # Cells a spreadsheet would evaluate (a title starting with '=') are neutralized.
    neutralize_frame(flagged).to_csv(out_dir / CSV_NAME, index=False, encoding="utf-8-sig")
    page = render_html(
        run=run,
        flagged=flagged,
        events=events,
        quality=quality,
        out_dir=out_dir,
        decisions=decisions,
        reporting=reporting,
        today=today,
        reports=reports,
        extracted=extracted,
    )
    path = out_dir / HTML_NAME
    path.write_text(page, encoding="utf-8")
    return path


def render_html(
    *,
    run: Mapping[str, Any],
    flagged: pd.DataFrame,
    events: pd.DataFrame,
    quality: QualityResult | None,
    out_dir: Path | None = None,
    decisions: pd.DataFrame | None = None,
    reporting: pd.DataFrame | None = None,
    today: date | None = None,
    reports: pd.DataFrame | None = None,
    extracted: pd.DataFrame | None = None,
) -> str:
    """The report page as one HTML string: inline CSS and SVG, no script, no external address."""
    flagged = _ordered(flagged)
    run_id = dqhtml.text(run.get("run_id"))
    still_open, decided = dqreview.split_open_decided(flagged)
    notes = dqreview.notes_by_key(decisions)
    # Reminders (a row read by OCR) are counted and listed apart: every row of a scan has one.
    findings, reminders = dqreminders.split(flagged)
    open_findings = dqreminders.split(still_open)[0]
    body = [
        "<h1>Отчёт о качестве данных</h1>",
        f'<p class="meta">Запуск {escape(run_id) or "—"}{_run_meta(run)}</p>',
        _cards(findings, events, reminders),
        *(_missing(reporting, today) if reporting is not None else ()),
        *dqnotes.report_notes(reports, extracted),
        *dqnotes.files_not_loaded(reports),
        "<h2>Графики</h2>",
        dqcharts.charts(findings, events, dqhtml.RULE_NAMES),
        "<h2>Сводка по правилам</h2>",
        _by_rule(flagged),
        "<h2>Сводка по муниципальным образованиям</h2>",
        _by_municipality(findings),
        "<h2>Проверки загруженных данных (Great Expectations)</h2>",
        _quality(quality, out_dir),
        "<h2>Повторы мероприятий</h2>",
        dqpairs.duplicate_pairs(flagged, events),
        f"<h2>Открытые замечания ({len(open_findings)})</h2>",
        _HOW_TO_DECIDE if len(still_open) else "",
        _all_rows(open_findings),
        dqreminders.by_file(reminders, still_open),
        f"<h2>Решённые замечания ({len(decided)})</h2>",
        dqreview.decided_table(decided, notes),
        _decided_flags(decided),
        "<h2>Устаревшие решения</h2>",
        dqreview.stale_table(decisions),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Качество данных — запуск {escape(run_id)}</title>\n"
        f"<style>{STYLE}{dqcharts.CHART_STYLE}</style>\n</head>\n"
        "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _decided_flags(decided: pd.DataFrame) -> str:
    """The flags the decisions above decided, as the open ones read, under their own heading."""
    if not len(decided):
        return ""
    return f"<h3>Замечания, по которым приняты решения ({len(decided)})</h3>\n{_all_rows(decided)}"


def _ordered(flagged: pd.DataFrame) -> pd.DataFrame:
    """The flagged rows with every flagged_rows column, errors first, then in report order."""
    frame = flagged.reindex(
        columns=[*FLAGGED_COLUMNS, *(c for c in flagged.columns if c not in FLAGGED_COLUMNS)]
    )
    if frame.empty:
        return frame
    key = frame["severity"].map({"error": 0, "warning": 1}).fillna(2)
    return (
        frame.assign(_key=key)
        .sort_values(["_key", "source_file", "seq_no", "rule"], na_position="last", kind="stable")
        .drop(columns="_key")
        .reset_index(drop=True)
    )


def _run_meta(run: Mapping[str, Any]) -> str:
    parts = [f"{label}: {escape(dqhtml.text(run.get(key)))}" for key, label in
             (("started_at", "начат"), ("finished_at", "закончен")) if dqhtml.text(run.get(key))]  # fmt: skip
    return " · " + " · ".join(parts) if parts else ""


def _quarantined(flagged: pd.DataFrame) -> pd.Series:
    return flagged["quarantined"].fillna(False).astype(bool)


def _cards(flagged: pd.DataFrame, events: pd.DataFrame, reminders: pd.DataFrame) -> str:
    """The counts at the top: the findings (`flagged`), and the rows to check against a scan apart."""
    rows = flagged.drop_duplicates(["source_file", "source_locator"]) if len(flagged) else flagged
    checks = reminders.drop_duplicates(["source_file", "source_locator"]) if len(reminders) else reminders
    cards = (
        ("Замечаний", len(flagged)),
        ("Ошибок", int((flagged["severity"] == "error").sum())),
        ("Предупреждений", int((flagged["severity"] == "warning").sum())),
        ("Строк с замечаниями", len(rows)),
        ("Строк в карантине", int(_quarantined(rows).sum()) if len(rows) else 0),
        ("Мероприятий загружено", len(events)),
        ("Открытых замечаний", len(dqreview.split_open_decided(flagged)[0])),
        ("Решённых замечаний", len(dqreview.split_open_decided(flagged)[1])),
        *((("Строк из сканов: сверить", len(checks)),) if len(checks) else ()),
    )
    inner = "".join(f'<div class="card">{escape(name)}<b>{count}</b></div>' for name, count in cards)
    return f'<div class="cards">{inner}</div>'


# What closes an open flag: the review loop (README, «review»).
_HOW_TO_DECIDE = (
    "<p>Как закрыть замечание: <code>muniflow review export review.xlsx</code>, в столбце "
    "<code>decision</code> укажите <code>accept</code> (предупреждение верно), <code>release</code> "
    "(ошибка исправлена: исправленные значения в столбцах <code>corrected_…</code>), "
    "<code>reject</code> (строка не мероприятие) или <code>distinct</code> (не повтор), затем "
    "<code>muniflow review apply review.xlsx</code>.</p>"
)


# The note on a missing municipality whose covering letter arrived without the report it sends.
COVERING_ONLY = "получено только сопроводительное письмо, отчёта в нём нет"


def _missing(reporting: pd.DataFrame, today: date | None) -> tuple[str, ...]:
    """«Не представили отчёт»: expected municipalities with no report, per quarter, days overdue."""
    missing = reporting[reporting["status"] == "missing"] if len(reporting) else reporting
    rows = []
    for r in missing.sort_values(["period", "region", "municipality"], ascending=[False, True, True]).to_dict(
        "records"
    ):
        days = ((today or date.today()) - Period.parse(str(r["period"])).last_day).days
        name = str(r["municipality"])
        if pd.notna(r.get("report_id")):  # a covering letter alone arrived (reporting_status, 084)
            name += f" ({COVERING_ONLY})"
        rows.append(
            f"<tr>{dqhtml.cell(r['period'])}{dqhtml.cell(r['region'])}{dqhtml.cell(name)}"
            f"{dqhtml.cell(max(days, 0), 'n')}</tr>"
        )
    counts = reporting["status"].value_counts() if len(reporting) else pd.Series(dtype="int64")
    summary = (
        f"<p>Представили отчёт: {int(counts.get('reported', 0))}, сообщили, что мероприятия не "
        f"проводились: {int(counts.get('nil', 0))}, в карантине: {int(counts.get('quarantined', 0))}, "
        f"не представили: {int(counts.get('missing', 0))}.</p>"
    )
    unlisted = _regions_without_list(reporting)
    if unlisted:
        summary += (
            f"<p>Полнота не проверена для регионов без списка ожидаемых муниципальных образований: "
            f"{escape(', '.join(unlisted))} (составьте его: <code>muniflow municipalities suggest</code>, "
            "затем contracts/reporting.yaml).</p>"
        )
    regions = set(reporting["region"].fillna("—")) if len(reporting) else set()
    unchecked = bool(unlisted) and set(unlisted) >= regions  # no region has a list: nothing checked
    table = dqhtml.table(
        ("Квартал", "Регион", "Муниципальное образование", "Дней после окончания квартала"),
        rows,
        "Все ожидаемые муниципальные образования представили отчёт."
        if not unlisted
        else "Не проверено: списка ожидаемых нет."
        if unchecked
        else "Из списков ожидаемых никто не пропущен (регионы без списка не проверены).",
    )
    count = "не проверено" if unchecked and not rows else str(len(rows))
    return (f"<h2>Не представили отчёт ({count})</h2>", summary, table)


def _regions_without_list(reporting: pd.DataFrame) -> list[str]:
    """The regions of the status rows none of which is on an expected list: their completeness is
    not known (no list in contracts/reporting.yaml), not complete."""
    if not len(reporting) or "expected" not in reporting:
        return []
    listed = reporting.groupby(reporting["region"].fillna("—"))["expected"].any()
    return sorted(str(region) for region, has in listed.items() if not has)


def _by_rule(flagged: pd.DataFrame) -> str:
    rows = []
    for rule, group in flagged.groupby("rule", sort=True):
        errors = int((group["severity"] == "error").sum())
        warnings = int((group["severity"] == "warning").sum())
        name = dqhtml.RULE_NAMES.get(str(rule), rule)
        rows.append(
            f"<tr>{dqhtml.cell(name)}<td><code>{escape(str(rule))}</code></td>"
            f"{dqhtml.cell(errors, 'n')}{dqhtml.cell(warnings, 'n')}{dqhtml.cell(len(group), 'n')}</tr>"
        )
    return dqhtml.table(("Правило", "Код", "Ошибки", "Предупреждения", "Всего"), rows, "Замечаний нет.")


def _by_municipality(flagged: pd.DataFrame) -> str:
    rows = []
    frame = flagged.assign(municipality=flagged["municipality"].fillna("(не указано)"))
    for name, group in frame.groupby("municipality", sort=True):
        quarantined = int(_quarantined(group.drop_duplicates(["source_file", "source_locator"])).sum())
        rules = ", ".join(sorted(dqhtml.RULE_NAMES.get(str(r), str(r)) for r in group["rule"].unique()))
        rows.append(
            f"<tr>{dqhtml.cell(name)}{dqhtml.cell(int((group['severity'] == 'error').sum()), 'n')}"
            f"{dqhtml.cell(int((group['severity'] == 'warning').sum()), 'n')}"
            f"{dqhtml.cell(quarantined, 'n')}{dqhtml.cell(rules)}</tr>"
        )
    return dqhtml.table(
        ("Муниципальное образование", "Ошибки", "Предупреждения", "Строк в карантине", "Правила"),
        rows,
        "Замечаний нет.",
    )


def _quality_row(group: Sequence[ExpectationOutcome]) -> str:
    first = group[0]
    success = all(o.success for o in group)
    failed_columns = [o.column for o in group if not o.success and o.column]
    columns = ", ".join(o.column for o in group if o.column)
    if failed_columns and len(group) > 1:
        columns += f" (не пройдено: {', '.join(failed_columns)})"
    unexpected = sum(o.unexpected_count or 0 for o in group)
    return (
        f"<tr>{dqhtml.cell('да' if success else 'нет', 'ok' if success else 'fail')}"
        f"{dqhtml.cell(first.description or first.rule)}{dqhtml.cell(first.table)}{dqhtml.cell(columns)}"
        f"<td><code>{escape(first.expectation)}</code></td>{dqhtml.cell(unexpected, 'n')}</tr>"
    )


def _quality(quality: QualityResult | None, out_dir: Path | None) -> str:
    if quality is None:
        return "<p>Проверки загруженных данных не запускались.</p>"
    verdict = (
        '<p class="ok">Все проверки пройдены.</p>'
        if quality.success
        else f'<p class="fail">Не пройдено проверок: {len({(o.rule, o.table) for o in quality.failed})}.</p>'
    )
    if quality.missing_tables:
        verdict += f"<p>Нет представлений: {escape(', '.join(quality.missing_tables))}.</p>"
    # One line per contract rule: a not-null rule over six columns reads as one check.
    by_rule: dict[tuple[str, str], list[ExpectationOutcome]] = {}
    for outcome in quality.outcomes:
        by_rule.setdefault((outcome.rule, outcome.table), []).append(outcome)
    rows = [_quality_row(group) for group in by_rule.values()]
    table = dqhtml.table(
        ("Пройдена", "Проверка", "Представление", "Столбцы", "Ожидание", "Нарушений"), rows, "Проверок нет."
    )
    link = ""
    if quality.docs_index:
        # A relative link to a file beside the report: it opens offline as well.
        target = quality.docs_index
        if out_dir is not None:
            target = os.path.relpath(quality.docs_index, out_dir)
        link = f'<p>Подробно: <a href="{escape(Path(target).as_posix())}">Data Docs</a>.</p>'
    return verdict + table + link


def _flag_row(r: Mapping[str, Any]) -> str:
    rule, severity = dqhtml.text(r["rule"]), dqhtml.text(r["severity"])
    path, locator = dqhtml.text(r["source_file"]), dqhtml.text(r["source_locator"])
    cells = (
        # The file's name is enough beside its locator; the full path is in the tooltip and the CSV.
        f'<td title="{escape(path)}">{escape(Path(path).name)}<br>{escape(locator)}</td>',
        dqhtml.cell(r["seq_no"], "n"),
        dqhtml.cell(r["municipality"]),
        # the event the row tells of: a date or a quarter flag shows only the date as its value
        dqhtml.cell(r.get("event_title"), "value"),
        dqhtml.cell(dqhtml.RULE_NAMES.get(rule, rule)),
        dqhtml.cell(dqhtml.SEVERITY_NAMES.get(severity, severity), "sev"),
        dqhtml.cell(dqhtml.field_label(r["field"])),
        dqhtml.cell(r["value"], "value"),
        dqhtml.cell(r["message"], "msg"),
        dqhtml.cell("да" if dqhtml.yes(r["quarantined"]) else "нет"),
    )
    return f'<tr class="{escape(severity)}">{"".join(cells)}</tr>'


def _all_rows(flagged: pd.DataFrame) -> str:
    rows = [_flag_row(r) for r in flagged.to_dict("records")]
    head = ("Файл, место в файле", "№", "Муниципальное образование", "Мероприятие", "Правило",
            "Серьёзность", "Поле", "Значение", "Замечание", "Карантин")  # fmt: skip
    return dqhtml.table(head, rows, "Замечаний нет.")
