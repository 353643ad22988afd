"""Inline SVG bar charts for the data-quality report: no script, no CDN, they render offline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import pandas as pd

# Colours of the parts of a bar, by kind (also explained in each chart's legend).
COLOURS = {"open": "#c0392b", "decided": "#2e86c1", "events": "#1f7a3a"}
KIND_NAMES = {"open": "открытые", "decided": "решённые", "events": "мероприятия"}
LABEL_WIDTH = 230
BAR_WIDTH = 420
ROW_HEIGHT = 22
MAX_ROWS = 30

CHART_STYLE = """
figure.chart { margin: 8px 0 18px; } figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
figure.chart svg text { font: 12px system-ui, "Segoe UI", Arial, sans-serif; fill: #1d2430; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
"""


@dataclass(frozen=True)
class Bar:
    """One bar: its label and its parts (kind, value), drawn left to right."""

    label: str
    parts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(v for _, v in self.parts)


def bar_chart(caption: str, bars: Sequence[Bar], empty: str = "Нет данных.") -> str:
    """A horizontal stacked bar chart as an inline <svg> inside a <figure>."""
    shown = list(bars)[:MAX_ROWS]
    if not shown or not any(b.total for b in shown):
        return (
            f'<figure class="chart"><figcaption>{escape(caption)}</figcaption><p>{escape(empty)}</p></figure>'
        )
    peak = max(b.total for b in shown)
    kinds = list(dict.fromkeys(kind for b in shown for kind, v in b.parts if v))
    legend_height = ROW_HEIGHT
    height = legend_height + ROW_HEIGHT * len(shown) + 4
    width = LABEL_WIDTH + BAR_WIDTH + 50
    parts = [
        f'<svg role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{escape(caption)}">'
    ]
    x = LABEL_WIDTH
    for kind in kinds:
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS.get(kind, "#777")}"/>')
        parts.append(f'<text x="{x + 16}" y="14">{escape(KIND_NAMES.get(kind, kind))}</text>')
        x += 110
    for i, bar in enumerate(shown):
        y = legend_height + i * ROW_HEIGHT
        label = bar.label if len(bar.label) <= 34 else bar.label[:33] + "…"
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        x = LABEL_WIDTH
        for kind, value in bar.parts:
            if not value:
                continue
            w = max(1, round(BAR_WIDTH * value / peak))
            parts.append(
                f'<rect class="bar {escape(kind)}" x="{x}" y="{y + 3}" width="{w}" height="{ROW_HEIGHT - 6}" '
                f'fill="{COLOURS.get(kind, "#777")}" data-value="{value}"><title>{escape(bar.label)}: '
                f"{value} ({escape(KIND_NAMES.get(kind, kind))})</title></rect>"
            )
            x += w
        parts.append(f'<text x="{x + 4}" y="{y + 15}">{bar.total}</text>')
    parts.append("</svg>")
    return f'<figure class="chart"><figcaption>{escape(caption)}</figcaption>{"".join(parts)}</figure>'


def _open_decided(flagged: pd.DataFrame, by: str, names: dict[str, str] | None = None) -> list[Bar]:
    if flagged.empty:
        return []
    decided = _decided(flagged)
    frame = flagged.assign(_decided=decided, _by=flagged[by].fillna("(не указано)").astype(str))
    bars = []
    for key, group in frame.groupby("_by", sort=True):
        n_decided = int(group["_decided"].sum())
        label = (names or {}).get(str(key), str(key))
        bars.append(Bar(label, (("open", len(group) - n_decided), ("decided", n_decided))))
    return sorted(bars, key=lambda b: (-b.total, b.label))


def _decided(flagged: pd.DataFrame) -> pd.Series:
    if "review_decision" not in flagged.columns:
        return pd.Series(False, index=flagged.index)
    return flagged["review_decision"].notna() & (flagged["review_decision"].astype(str) != "")


def events_per_month(events: pd.DataFrame) -> list[Bar]:
    """Events by the month they start, in calendar order."""
    if events.empty or "start_date" not in events.columns:
        return []
    months = pd.to_datetime(events["start_date"], errors="coerce").dropna().dt.strftime("%Y-%m")
    counts = months.value_counts().sort_index()
    return [Bar(str(month), (("events", int(n)),)) for month, n in counts.items()]


def charts(flagged: pd.DataFrame, events: pd.DataFrame, rule_names: dict[str, str]) -> str:
    """The report's three charts: flags per rule, flags per municipality, events per month."""
    return (
        '<div class="charts">'
        + bar_chart("Замечания по правилам", _open_decided(flagged, "rule", rule_names), "Замечаний нет.")
        + bar_chart(
            "Замечания по муниципальным образованиям",
            _open_decided(flagged, "municipality"),
            "Замечаний нет.",
        )
        + bar_chart("Мероприятия по месяцам", events_per_month(events), "Мероприятий нет.")
        + "</div>"
    )
