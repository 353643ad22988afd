"""A quarter's events -> the compilation's content: title, ordered sections, numbered rows, annex.

Pure: records in, a frozen `Compilation` out; `document.py` writes it as DOCX.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from muniflow.model import Period
from muniflow.publish.russian import IN_QUARTER, ROMAN, format_dates, genitive
from muniflow.publish.template import Template


@dataclass(frozen=True)
class Entry:
    """One numbered row of the table: its text per template field."""

    seq_no: int
    cells: Mapping[str, str]


@dataclass(frozen=True)
class Section:
    """One municipality heading and its rows."""

    municipality: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Compilation:
    title: tuple[str, ...]
    sections: tuple[Section, ...]
    annex: tuple[tuple[str, str, str], ...] | None = None  # (municipality, what, why)

    @property
    def event_count(self) -> int:
        return sum(len(s.entries) for s in self.sections)


def heading_order(names: Sequence[str], groups: Sequence[str]) -> list[str]:
    """Municipality names in the template's order: by the first group pattern each matches,
    then alphabetically (ё as е, case ignored)."""

    def key(name: str) -> tuple[int, str]:
        group = next((k for k, g in enumerate(groups) if re.search(g, name, re.IGNORECASE)), len(groups))
        return group, name.casefold().replace("ё", "е")

    return sorted(set(names), key=key)


def title_lines(template: Template, period: Period, region: str | None) -> tuple[str, ...]:
    """The title with region and quarter filled in (a region not known leaves its words out)."""
    values = {
        "region_genitive": genitive(region) if region else "",
        "quarter_roman": ROMAN[period.quarter],
        "in_quarter": IN_QUARTER[period.quarter],
        "quarter": str(period.quarter),
        "year": str(period.year),
    }
    return tuple(re.sub(r"\s{2,}", " ", line.format(**values)).strip() for line in template.title)


def _capitalized(name: str) -> str:
    return name[:1].upper() + name[1:]


def build_compilation(
    events: Sequence[Mapping[str, Any]],
    co_reporters: Mapping[str, Sequence[str]],
    template: Template,
    period: Period,
    region: str | None,
    open_items: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
) -> Compilation:
    """Group events under their municipality in the template's order and number them through.

    A co-reported event (the other municipalities in `co_reporters`) gets the template's
    co-report line under its participants. `open_items` (see warehouse.compilation.open_items)
    fills the annex; None leaves it out.
    """
    by_municipality: dict[str, list[Mapping[str, Any]]] = {}
    for event in events:
        by_municipality.setdefault(event["municipality"], []).append(event)
    sections: list[Section] = []
    seq = 0
    for name in heading_order(list(by_municipality), template.municipality_order):
        entries = []
        for event in by_municipality[name]:
            seq += 1
            entries.append(Entry(seq, _cells(event, co_reporters.get(event["event_id"], ()), template)))
        sections.append(Section(_capitalized(name), tuple(entries)))
    annex = None if open_items is None else _annex(open_items, template)
    return Compilation(title_lines(template, period, region), tuple(sections), annex)


def _cells(event: Mapping[str, Any], others: Sequence[str], template: Template) -> dict[str, str]:
    participants = event["participants"] or ""
    others = [m for m in others if m != event["municipality"]]
    if others:
        line = template.co_reported_line.format(municipalities=", ".join(map(_capitalized, others)))
        participants = f"{participants}\n{line}" if participants else line
    return {
        "title": event["title"] or "",
        "place": event["place"] or "",
        "dates": format_dates(event["start_date"], event["end_date"], event["date_form"]),
        "goal": event["goal"] or "",
        "participants": participants,
    }


def _annex(
    items: Mapping[str, Sequence[Mapping[str, Any]]], template: Template
) -> tuple[tuple[str, str, str], ...]:
    texts = template.annex_texts
    out: list[tuple[str, str, str]] = []
    for row in items.get("rows", ()):
        what = texts["quarantined"].format(
            seq=row["seq_no"] if row["seq_no"] is not None else "—", title=row["title"]
        )
        out.append((_capitalized(row["municipality"] or "—"), what, row["why"] or ""))
    for f in items.get("files", ()):
        out.append(("—", str(f["source_file"]), f"{f['reason']}: {f['message'] or ''}".strip()))
    for r in items.get("reporters", ()):
        out.append((_capitalized(r["municipality"]), texts[r["status"]], ""))
    return tuple(out)
