"""The review parts of the data-quality report: decided flags with the reviewer's notes, and stale
decisions (their row changed, so they are not applied)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

import pandas as pd

from muniflow.dqhtml import RULE_NAMES, cell, table, text

DECISION_NAMES = {
    "accept": "принято",
    "release": "выпущено в события",
    "reject": "отклонено",
    "distinct": "разные мероприятия",
}


def split_open_decided(flagged: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The flags still open and those a decision covers (no review columns: all open)."""
    if "review_decision" not in flagged.columns or flagged.empty:
        return flagged, flagged.iloc[0:0]
    decided = flagged["review_decision"].notna() & (flagged["review_decision"].astype(str) != "")
    return flagged[~decided], flagged[decided]


def decided_table(
    decided: pd.DataFrame,
    notes: Mapping[str, str],
) -> str:
    """One line per decided flag: where, rule, decision, who and when, the reviewer's note."""
    rows = []
    for r in decided.to_dict("records"):
        decision = text(r.get("review_decision"))
        rows.append(
            "<tr>"
            + cell(f"{text(r.get('source_file'))}, {text(r.get('source_locator'))}")
            + cell(r.get("seq_no"), "n")
            + cell(r.get("municipality"))
            + cell(RULE_NAMES.get(text(r.get("rule")), text(r.get("rule"))))
            + cell(DECISION_NAMES.get(decision, decision))
            + cell(r.get("reviewed_by"))
            + cell(_when(r.get("reviewed_at")))
            + cell(notes.get(text(r.get("row_key")), ""))
            + "</tr>"
        )
    head = ("Файл, место в файле", "№", "Муниципальное образование", "Правило", "Решение", "Кто",
            "Когда", "Примечание")  # fmt: skip
    return table(head, rows, "Решённых замечаний нет.")


def stale_table(
    decisions: pd.DataFrame | None,
) -> str:
    """The decisions in force whose row changed or went away: shown, not applied."""
    if decisions is None or decisions.empty or "stale" not in decisions.columns:
        return "<p>Устаревших решений нет.</p>"
    stale = decisions[decisions["stale"].fillna(False).astype(bool)]
    rows = []
    for r in stale.to_dict("records"):
        decision = text(r.get("decision"))
        rows.append(
            "<tr>"
            + f"<td><code>{escape(text(r.get('row_key')))}</code></td>"
            + cell(r.get("period"))
            + cell(r.get("municipality"))
            + cell(r.get("seq_no"), "n")
            + cell(r.get("title"))
            + cell(DECISION_NAMES.get(decision, decision))
            + cell(r.get("by"))
            + cell(_when(r.get("at")))
            + cell(r.get("note"))
            + "</tr>"
        )
    head = ("Ключ строки", "Квартал", "Муниципальное образование", "№", "Мероприятие (как было)", "Решение",
            "Кто", "Когда", "Примечание")  # fmt: skip
    intro = (
        "<p>Строка, о которой принято решение, изменилась в новой версии отчёта или исчезла: решение "
        "не применяется, замечание по новой строке открыто.</p>"
    )
    return intro + table(head, rows, "Устаревших решений нет.") if rows else "<p>Устаревших решений нет.</p>"


def notes_by_key(decisions: pd.DataFrame | None) -> dict[str, str]:
    """The note of the decision in force per row key."""
    if decisions is None or decisions.empty:
        return {}
    return {
        str(k): str(n)
        for k, n in zip(decisions["row_key"], decisions["note"], strict=True)
        if isinstance(n, str) and n.strip()
    }


def _when(value: Any) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return pd.Timestamp(value).strftime("%d.%m.%Y %H:%M")
