"""The data-quality report: one self-contained HTML page (opens offline) and a CSV of flagged rows."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from muniflow import dqcharts, dqnotes, dqreview
from muniflow.model import Period
from muniflow.quality.result import ExpectationOutcome, QualityResult
from muniflow.rules.messages import label
from muniflow.sheets import neutralize_frame

HTML_NAME = "dq_report.html"
CSV_NAME = "flagged_rows.csv"
FLAGGED_COLUMNS = (
    "run_id", "report_id", "source_file", "source_locator", "seq_no", "municipality", "rule",
    "severity", "message", "field", "value", "quarantined", "related_event_id",
)  # fmt: skip
RULE_NAMES = {
    "date_format": "Формат даты",
    "quarter_consistency": "Соответствие кварталу",
    "duplicate_event": "Повтор мероприятия",
    "required_field": "Обязательное поле",
    "numbering": "Нумерация",
    "mixed_script": "Смешение латиницы и кириллицы",
    "unexpected_municipality": "МО нет в списке ожидаемых",
    "ocr_review": "Прочитано OCR: сверить со сканом",
    "ocr_low_confidence": "OCR не уверен в ячейке",
}
SEVERITY_NAMES = {"error": "ошибка", "warning": "предупреждение"}
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
    run_id = _text(run.get("run_id"))
    still_open, decided = dqreview.split_open_decided(flagged)
    notes = dqreview.notes_by_key(decisions)
    body = [
        "<h1>Отчёт о качестве данных</h1>",
        f'<p class="meta">Запуск {escape(run_id) or "—"}{_run_meta(run)}</p>',
        _cards(flagged, events),
        *(_missing(reporting, today) if reporting is not None else ()),
        *dqnotes.report_notes(reports, extracted, _cell, _table),
        "<h2>Графики</h2>",
        dqcharts.charts(flagged, events, RULE_NAMES),
        "<h2>Сводка по правилам</h2>",
        _by_rule(flagged),
        "<h2>Сводка по муниципальным образованиям</h2>",
        _by_municipality(flagged),
        "<h2>Проверки загруженных данных (Great Expectations)</h2>",
        _quality(quality, out_dir),
        "<h2>Повторы мероприятий</h2>",
        _duplicates(flagged, events),
        f"<h2>Открытые замечания ({len(still_open)})</h2>",
        _all_rows(still_open),
        f"<h2>Решённые замечания ({len(decided)})</h2>",
        dqreview.decided_table(decided, notes, _cell, _table, RULE_NAMES, _text),
        _all_rows(decided) if len(decided) else "",
        "<h2>Устаревшие решения</h2>",
        dqreview.stale_table(decisions, _cell, _table, _text),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Качество данных — запуск {escape(run_id)}</title>\n"
        f"<style>{STYLE}{dqcharts.CHART_STYLE}</style>\n</head>\n"
        "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


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


def _text(value: Any) -> str:
    """A cell as text: '' for missing values, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.strftime("%d.%m.%Y")
    return str(value)


def _yes(value: Any) -> bool:
    """A boolean cell (numpy, pandas or Python) as a bool; missing counts as no."""
    return _text(value) not in ("", "False", "false", "0")


def _cell(value: Any, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{escape(_text(value))}</td>"


def _table(head: Sequence[str], rows: Iterable[str], empty: str) -> str:
    body = list(rows)
    if not body:
        return f"<p>{escape(empty)}</p>"
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return f"<table><thead><tr>{header}</tr></thead><tbody>\n" + "\n".join(body) + "\n</tbody></table>"


def _run_meta(run: Mapping[str, Any]) -> str:
    parts = [f"{label}: {escape(_text(run.get(key)))}" for key, label in
             (("started_at", "начат"), ("finished_at", "закончен")) if _text(run.get(key))]  # fmt: skip
    return " · " + " · ".join(parts) if parts else ""


def _quarantined(flagged: pd.DataFrame) -> pd.Series:
    return flagged["quarantined"].fillna(False).astype(bool)


def _cards(flagged: pd.DataFrame, events: pd.DataFrame) -> str:
    rows = flagged.drop_duplicates(["source_file", "source_locator"]) if len(flagged) else flagged
    cards = (
        ("Замечаний", len(flagged)),
        ("Ошибок", int((flagged["severity"] == "error").sum())),
        ("Предупреждений", int((flagged["severity"] == "warning").sum())),
        ("Строк с замечаниями", len(rows)),
        ("Строк в карантине", int(_quarantined(rows).sum()) if len(rows) else 0),
        ("Мероприятий загружено", len(events)),
        ("Открытых замечаний", len(dqreview.split_open_decided(flagged)[0])),
        ("Решённых замечаний", len(dqreview.split_open_decided(flagged)[1])),
    )
    inner = "".join(f'<div class="card">{escape(name)}<b>{count}</b></div>' for name, count in cards)
    return f'<div class="cards">{inner}</div>'


def _missing(reporting: pd.DataFrame, today: date | None) -> tuple[str, ...]:
    """«Не представили отчёт»: expected municipalities with no report, per quarter, days overdue."""
    missing = reporting[reporting["status"] == "missing"] if len(reporting) else reporting
    rows = []
    for r in missing.sort_values(["period", "region", "municipality"], ascending=[False, True, True]).to_dict(
        "records"
    ):
        days = ((today or date.today()) - Period.parse(str(r["period"])).last_day).days
        rows.append(
            f"<tr>{_cell(r['period'])}{_cell(r['region'])}{_cell(r['municipality'])}"
            f"{_cell(max(days, 0), 'n')}</tr>"
        )
    counts = reporting["status"].value_counts() if len(reporting) else pd.Series(dtype="int64")
    summary = (
        f"<p>Представили отчёт: {int(counts.get('reported', 0))}, сообщили, что мероприятия не "
        f"проводились: {int(counts.get('nil', 0))}, в карантине: {int(counts.get('quarantined', 0))}, "
        f"не представили: {int(counts.get('missing', 0))}.</p>"
    )
    table = _table(
        ("Квартал", "Регион", "Муниципальное образование", "Дней после окончания квартала"),
        rows,
        "Все ожидаемые муниципальные образования представили отчёт (или список ожидаемых не задан).",
    )
    return (f"<h2>Не представили отчёт ({len(rows)})</h2>", summary, table)


def _by_rule(flagged: pd.DataFrame) -> str:
    rows = []
    for rule, group in flagged.groupby("rule", sort=True):
        errors = int((group["severity"] == "error").sum())
        warnings = int((group["severity"] == "warning").sum())
        rows.append(
            f"<tr>{_cell(RULE_NAMES.get(str(rule), rule))}<td><code>{escape(str(rule))}</code></td>"
            f"{_cell(errors, 'n')}{_cell(warnings, 'n')}{_cell(len(group), 'n')}</tr>"
        )
    return _table(("Правило", "Код", "Ошибки", "Предупреждения", "Всего"), rows, "Замечаний нет.")


def _by_municipality(flagged: pd.DataFrame) -> str:
    rows = []
    frame = flagged.assign(municipality=flagged["municipality"].fillna("(не указано)"))
    for name, group in frame.groupby("municipality", sort=True):
        rows.append(
            f"<tr>{_cell(name)}{_cell(int((group['severity'] == 'error').sum()), 'n')}"
            f"{_cell(int((group['severity'] == 'warning').sum()), 'n')}"
            f"{_cell(int(_quarantined(group.drop_duplicates(['source_file', 'source_locator'])).sum()), 'n')}"
            f"{_cell(', '.join(sorted(RULE_NAMES.get(str(r), str(r)) for r in group['rule'].unique())))}</tr>"
        )
    return _table(
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
        f"<tr>{_cell('да' if success else 'нет', 'ok' if success else 'fail')}"
        f"{_cell(first.description or first.rule)}{_cell(first.table)}{_cell(columns)}"
        f"<td><code>{escape(first.expectation)}</code></td>{_cell(unexpected, 'n')}</tr>"
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
    table = _table(
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


def _event_by_id(events: pd.DataFrame) -> dict[str, Mapping[str, Any]]:
    if "event_id" not in events.columns:
        return {}
    return {str(r["event_id"]): r for r in events.to_dict("records")}


def _copy(title: str, cls: str, fields: Sequence[tuple[str, Any]]) -> str:
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(_text(v)) or '—'}</dd>" for k, v in fields)
    return f'<div class="copy {cls}"><h3>{escape(title)}</h3><dl>{items}</dl></div>'


def _duplicates(flagged: pd.DataFrame, events: pd.DataFrame) -> str:
    dups = flagged[flagged["rule"] == "duplicate_event"]
    if dups.empty:
        return "<p>Повторов не найдено.</p>"
    kept_by_id = _event_by_id(events)
    pairs = []
    for dup in dups.to_dict("records"):
        kept = kept_by_id.get(_text(dup.get("related_event_id")), {})
        dropped = _copy(
            "Повтор (не загружен)" if _yes(dup.get("quarantined")) else "Повтор",
            "dropped",
            (
                ("Файл, место в файле", f"{_text(dup['source_file'])}, {_text(dup['source_locator'])}"),
                ("№", dup.get("seq_no")),
                ("Муниципальное образование", dup.get("municipality")),
                (f"Значение ({_field_label(dup.get('field')) or 'поле'})", dup.get("value")),
                ("Замечание", dup.get("message")),
            ),
        )
        if kept:
            dates = f"{_text(_as_ts(kept.get('start_date')))} – {_text(_as_ts(kept.get('end_date')))}"
            kept_html = _copy(
                "Оставленная копия",
                "kept",
                (
                    (
                        "Файл, место в файле",
                        f"{_text(kept.get('source_file'))}, {_text(kept.get('source_locator'))}",
                    ),
                    ("№", kept.get("seq_no")),
                    ("Муниципальное образование", kept.get("municipality")),
                    ("Наименование мероприятия", kept.get("title")),
                    ("Место проведения", kept.get("place")),
                    ("Сроки проведения", dates),
                ),
            )
        else:
            kept_html = _copy(
                "Оставленная копия",
                "kept",
                (("Событие", f"{_text(dup.get('related_event_id'))} не найдено"),),
            )
        pairs.append(f'<div class="pair">{dropped}{kept_html}</div>')
    return "\n".join(pairs)


def _as_ts(value: Any) -> Any:
    return pd.Timestamp(value) if _text(value) else None


def _field_label(fields: Any) -> str:
    """Canonical column names as the report's header calls them."""
    return ", ".join(label(name.strip()) for name in _text(fields).split(",") if name.strip())


def _flag_row(r: Mapping[str, Any]) -> str:
    rule, severity = _text(r["rule"]), _text(r["severity"])
    path = _text(r["source_file"])
    cells = (
        # The file's name is enough beside its locator; the full path is in the tooltip and the CSV.
        f'<td title="{escape(path)}">{escape(Path(path).name)}<br>{escape(_text(r["source_locator"]))}</td>',
        _cell(r["seq_no"], "n"),
        _cell(r["municipality"]),
        _cell(RULE_NAMES.get(rule, rule)),
        _cell(SEVERITY_NAMES.get(severity, severity), "sev"),
        _cell(_field_label(r["field"])),
        _cell(r["value"], "value"),
        _cell(r["message"], "msg"),
        _cell("да" if _yes(r["quarantined"]) else "нет"),
    )
    return f'<tr class="{escape(severity)}">{"".join(cells)}</tr>'


def _all_rows(flagged: pd.DataFrame) -> str:
    rows = [_flag_row(r) for r in flagged.to_dict("records")]
    head = ("Файл, место в файле", "№", "Муниципальное образование", "Правило", "Серьёзность", "Поле",
            "Значение", "Замечание", "Карантин")  # fmt: skip
    return _table(head, rows, "Замечаний нет.")
