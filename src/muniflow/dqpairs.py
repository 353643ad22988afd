"""The duplicates section of the data-quality report: each flagged copy beside the copy kept."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

import pandas as pd

from muniflow import dqhtml


def _event_by_id(events: pd.DataFrame) -> dict[str, Mapping[str, Any]]:
    if "event_id" not in events.columns:
        return {}
    return {str(r["event_id"]): r for r in events.to_dict("records")}


def _copy(title: str, cls: str, fields: Sequence[tuple[str, Any]]) -> str:
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(dqhtml.text(v)) or '—'}</dd>" for k, v in fields)
    return f'<div class="copy {cls}"><h3>{escape(title)}</h3><dl>{items}</dl></div>'


def duplicate_pairs(flagged: pd.DataFrame, events: pd.DataFrame) -> str:
    """«Повторы мероприятий»: per `duplicate_event` flag, the flagged copy and the event kept."""
    dups = flagged[flagged["rule"] == "duplicate_event"]
    if dups.empty:
        return "<p>Повторов не найдено.</p>"
    kept_by_id = _event_by_id(events)
    pairs = []
    for dup in dups.to_dict("records"):
        kept = kept_by_id.get(dqhtml.text(dup.get("related_event_id")), {})
        dropped = _copy(
            "Повтор (не загружен)" if dqhtml.yes(dup.get("quarantined")) else "Повтор",
            "dropped",
            (
                (
                    "Файл, место в файле",
                    f"{dqhtml.text(dup['source_file'])}, {dqhtml.text(dup['source_locator'])}",
                ),
                ("№", dup.get("seq_no")),
                ("Муниципальное образование", dup.get("municipality")),
                (f"Значение ({dqhtml.field_label(dup.get('field')) or 'поле'})", dup.get("value")),
                ("Замечание", dup.get("message")),
            ),
        )
        if kept:
            start, end = (dqhtml.text(dqhtml.as_ts(kept.get(k))) for k in ("start_date", "end_date"))
            dates = f"{start} – {end}"
            kept_html = _copy(
                "Оставленная копия",
                "kept",
                (
                    (
                        "Файл, место в файле",
                        f"{dqhtml.text(kept.get('source_file'))}, {dqhtml.text(kept.get('source_locator'))}",
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
                (("Событие", f"{dqhtml.text(dup.get('related_event_id'))} не найдено"),),
            )
        pairs.append(f'<div class="pair">{dropped}{kept_html}</div>')
    return "\n".join(pairs)
