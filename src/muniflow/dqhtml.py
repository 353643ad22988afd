"""The pieces every section of the data-quality report is built of: a value as the reader sees
it, a table cell, a table, and the Russian names of rules and severities."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

import pandas as pd

from muniflow.rules.messages import label

RULE_NAMES = {
    "date_format": "Формат даты",
    "quarter_consistency": "Соответствие кварталу",
    "not_held": "Не проведено",
    "duplicate_event": "Повтор мероприятия",
    "required_field": "Обязательное поле",
    "numbering": "Нумерация",
    "mixed_script": "Смешение латиницы и кириллицы",
    "weekday_mismatch": "День недели не совпадает с датой",
    "unexpected_municipality": "МО нет в списке ожидаемых",
    "ocr_review": "Прочитано OCR: сверить со сканом",
    "ocr_low_confidence": "OCR не уверен в ячейке",
}
SEVERITY_NAMES = {"error": "ошибка", "warning": "предупреждение"}


def text(value: Any) -> str:
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


def yes(value: Any) -> bool:
    """A boolean cell (numpy, pandas or Python) as a bool; missing counts as no."""
    return text(value) not in ("", "False", "false", "0")


def cell(value: Any, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{escape(text(value))}</td>"


def table(head: Sequence[str], rows: Iterable[str], empty: str) -> str:
    body = list(rows)
    if not body:
        return f"<p>{escape(empty)}</p>"
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return f"<table><thead><tr>{header}</tr></thead><tbody>\n" + "\n".join(body) + "\n</tbody></table>"


def as_ts(value: Any) -> Any:
    return pd.Timestamp(value) if text(value) else None


def field_label(fields: Any) -> str:
    """Canonical column names as the report's header calls them."""
    return ", ".join(label(name.strip()) for name in text(fields).split(",") if name.strip())
