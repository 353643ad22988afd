"""The reminders of the data-quality report: flags that say where a row came from (read by OCR:
check it against the scan), not what is wrong with it. Every row of a scan carries one, so counted
with the findings they would bury them; the report counts them apart and lists them a line per file.
Which rules are reminders is the contract's (`reminder_rules` in contracts/ocr.yaml)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pandas as pd

from muniflow import dqhtml
from muniflow.contracts import load_yaml


def reminder_rules() -> frozenset[str]:
    """The rules the report counts apart (contracts/ocr.yaml)."""
    return frozenset(str(r) for r in load_yaml("ocr.yaml", None, ("ocr",)).get("reminder_rules") or ())


def split(flagged: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The findings and the reminders among the flagged rows, each in the order given."""
    if flagged.empty or "rule" not in flagged.columns:
        return flagged, flagged.iloc[0:0]
    is_reminder = flagged["rule"].astype(str).isin(reminder_rules())
    return flagged[~is_reminder], flagged[is_reminder]


def by_file(reminders: pd.DataFrame, still_open: pd.DataFrame) -> str:
    """A line per file: its rows to check, how many of them are still open, and the mean and the
    lowest of their OCR confidences (each reminder's value, where it is a number)."""
    if reminders.empty:
        return ""
    open_keys = set(_keys(still_open))
    rows = []
    for path, group in reminders.groupby("source_file", sort=True):
        confidence = pd.to_numeric(group["value"], errors="coerce").dropna()
        rules = ", ".join(sorted(dqhtml.RULE_NAMES.get(str(r), str(r)) for r in group["rule"].unique()))
        rows.append(
            f'<tr><td title="{escape(str(path))}">{escape(Path(str(path)).name)}</td>'
            f"{dqhtml.cell(rules)}{dqhtml.cell(len(group), 'n')}"
            f"{dqhtml.cell(sum(k in open_keys for k in _keys(group)), 'n')}"
            f"{dqhtml.cell(round(confidence.mean()) if len(confidence) else None, 'n')}"
            f"{dqhtml.cell(round(confidence.min()) if len(confidence) else None, 'n')}</tr>"
        )
    head = ("Файл", "Напоминание", "Строк", "Из них открыто", "Средняя уверенность OCR, %", "Наименьшая, %")
    return (
        f"<h2>Строки, прочитанные OCR ({len(reminders)})</h2>"
        "<p>Не ошибка: каждую строку скана стоит сверить со сканом. Ячейки, в которых OCR не уверен, "
        "перечислены среди замечаний выше.</p>" + dqhtml.table(head, rows, "")
    )


def _keys(frame: pd.DataFrame) -> list[tuple[object, object, object]]:
    return list(zip(frame["source_file"], frame["source_locator"], frame["rule"], strict=True))
