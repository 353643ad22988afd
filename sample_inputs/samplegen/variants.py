"""Layout variants: a report drawn along independent axes, as a plan of tables plus its gold.

`draw_axes` picks one value per axis from a seeded random generator (each axis independently);
`build_plan` turns the axes, one half of the pool and invented events into a `Plan`: the title
paragraphs, the tables (header rows with their merges, heading rows, event rows) and the gold
rows (`gold.InventedRow`), so the gold is derived from the very texts that are rendered.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import layout_content as lc
from .gold import InventedRow

# axis -> (values, weights). Each report draws every axis independently.
AXES: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "lead_table": (("none", "summary", "toc"), (0.6, 0.2, 0.2)),
    "title_row": (("no", "yes"), (0.65, 0.35)),
    "dates": (("single", "place_date", "start_end", "group"), (0.4, 0.2, 0.2, 0.2)),
    "participants": (("single", "group"), (0.7, 0.3)),
    "sections": (("heading_rows", "per_table", "column"), (0.5, 0.3, 0.2)),
    "numbering": (("continuous", "restart"), (0.6, 0.4)),
    "month_headings": (("no", "yes", "yes_day_only"), (0.7, 0.15, 0.15)),
    "column_order": (("usual", "shuffled"), (0.6, 0.4)),
    "widths": (("normal", "narrow"), (0.65, 0.35)),
    "orientation": (("portrait", "landscape"), (0.6, 0.4)),
    "font": (
        (
            "Times New Roman 12",
            "Times New Roman 14",
            "Arial 10",
            "Arial Narrow 11",
            "DejaVu Sans 9",
            "DejaVu Serif 11",
        ),
        (1, 1, 1, 1, 1, 1),
    ),
    "long_rows": (("no", "yes"), (0.75, 0.25)),
    "repeat_header": (("yes", "no"), (0.5, 0.5)),
    "cell_breaks": (("no", "yes"), (0.6, 0.4)),
    "number_row": (("no", "yes"), (0.8, 0.2)),
}
# Axis values that are hard cases of issue 13 (counted to check the corpus design).
HARD = {
    "lead_table": {"summary", "toc"},
    "title_row": {"yes"},
    "dates": {"place_date", "start_end", "group"},
    "participants": {"group"},
    "sections": {"per_table", "column"},
    "numbering": {"restart"},
    "month_headings": {"yes", "yes_day_only"},
    "widths": {"narrow"},
    "long_rows": {"yes"},
    "cell_breaks": {"yes"},
    "period": {"words", "ordinal", "months", "abbrev"},
    "muni_form": {"capitals", "genitive", "mo", "city_okrug", "with_region"},
    "merged_down": {"date", "place"},
    "letterhead": {"two_columns", "municipality"},
    "turned_header": {"narrow", "all"},
    "auto_number": {"yes"},
    "borders": {"horizontal", "no_inner_vertical", "frame", "none"},
}
NEGATIVES = ("summary_only", "toc_only", "budget_only", "not_quarter")
# How two participants sub-columns are joined in the gold: each with its label (issue 13, item 2).
PARTICIPANTS_JOIN = "; "
WEIGHTS = {
    "seq": 1.7,
    "municipality": 3.0,
    "title": 4.5,
    "place": 3.0,
    "date": 2.6,
    "place_date": 3.8,
    "start": 2.2,
    "end": 2.2,
    "goal": 5.0,
    "participants": 4.0,
    "part_ru": 3.0,
    "part_foreign": 3.0,
}
TEXT_FIELDS = ("title", "place", "date", "goal", "participants")


@dataclass(frozen=True)
class Column:
    """One grid column: the field it holds, its header (group cell) and sub-header (or None)."""

    field: str
    top: str
    sub: str | None = None


@dataclass
class TablePlan:
    """One table: caption paragraphs above it, header rows with merges, body rows, widths."""

    caption: list[str]
    header: list[list[str]]
    hmerges: list[tuple[int, int, int]] = field(default_factory=list)  # (row, first col, last col)
    vmerges: list[tuple[int, int, int]] = field(default_factory=list)  # (col, first row, last row)
    body: list[tuple[str, list[str] | str]] = field(default_factory=list)  # ("span", text) | ("cells", texts)
    widths: list[float] = field(default_factory=list)
    repeat_header: bool = True
    body_merges: list[tuple[int, int, int]] = field(default_factory=list)  # body vMerges (col, r0, r1)
    centred_merges: bool = False  # body vMerges' text vertically centred (else at the top)
    title_row: str | None = None  # a first row spanning the table, above the header
    turned: tuple[int, ...] = ()  # grid columns whose header cells are written turned a quarter
    direction: str = "btLr"  # how they are turned: Word's `btLr` (upwards) or `tbRl` (downwards)
    auto_number: bool = False  # the № cells are Word list items whose labels show the numbers
    borders: str = "grid"  # which rules the table draws (layout_extras.BORDER_SIDES)


@dataclass
class Plan:
    """A whole report: page, font, title, tables, and what muniflow must read from it."""

    stem: str
    half: str
    axes: dict[str, str]
    landscape: bool
    font: str
    size: float
    title: list[str]
    tables: list[TablePlan]
    rows: list[InventedRow]
    first: date
    last: date
    expect: str | None = None  # negatives: the reason expected instead of rows
    letterhead: tuple[list[str], list[str]] | None = None  # sender and addressee lines, side by side


def draw_axes(rng: random.Random) -> dict[str, str]:
    """One value per axis, each drawn independently."""
    return {axis: rng.choices(values, weights)[0] for axis, (values, weights) in AXES.items()}


def period_class(template: str) -> str:
    """The kind of a period phrasing: words, ordinal, roman, arabic, abbrev or months."""
    if "кв." in template:
        return "abbrev"
    for token, kind in (("q_word", "words"), ("q_ord", "ordinal"), ("q_roman", "roman"), ("m1_", "months")):
        if token in template:
            return kind
    return "arabic"


def form_class(form: str) -> str:
    """The kind of a municipality heading form."""
    if "Администраци" in form:
        return "genitive"
    if "region" in form.lower():
        return "with_region"
    if "{NAME}" in form:
        return "capitals"
    if "ородской округ" in form.lower() or "ГОРОДСКОЙ" in form:
        return "city_okrug"
    if "МО" in form or "Муниципальное образование" in form:
        return "mo"
    return "plain"


def _columns(rng: random.Random, axes: dict[str, str], pool: dict[str, Any]) -> list[Column]:
    words = pool["header"]
    cols = [Column("title", rng.choice(words["title"]))]
    if axes["dates"] == "place_date":
        cols.append(Column("place_date", rng.choice(words["place_date"])))
    else:
        cols.append(Column("place", rng.choice(words["place"])))
        if axes["dates"] == "single":
            cols.append(Column("date", rng.choice(words["date"])))
        elif axes["dates"] == "start_end":
            start, end = rng.choice(pool["start_end"])
            cols += [Column("start", start), Column("end", end)]
        else:
            group, (start, end) = (
                rng.choice(pool["group_date"]["groups"]),
                rng.choice(pool["group_date"]["subs"]),
            )
            cols += [Column("start", group, start), Column("end", group, end)]
    cols.append(Column("goal", rng.choice(words["goal"])))
    if axes["participants"] == "group":
        group = rng.choice(pool["group_participants"]["groups"])
        ru, foreign = rng.choice(pool["group_participants"]["subs"])
        cols += [Column("part_ru", group, ru), Column("part_foreign", group, foreign)]
    else:
        cols.append(Column("participants", rng.choice(words["participants"])))
    if axes["sections"] == "column":
        cols.insert(0, Column("municipality", rng.choice(words["municipality"])))
    if axes["column_order"] == "shuffled":
        cols = _shuffle_keeping_pairs(rng, cols)
    return [Column("seq", rng.choice(words["seq"])), *cols]


def _shuffle_keeping_pairs(rng: random.Random, cols: list[Column]) -> list[Column]:
    """Shuffle columns; a start/end or two-participants pair stays together and in order."""
    units: list[list[Column]] = []
    for col in cols:
        if col.field in ("end", "part_foreign"):
            units[-1].append(col)
        else:
            units.append([col])
    rng.shuffle(units)
    return [c for unit in units for c in unit]


def _widths(rng: random.Random, cols: list[Column], axes: dict[str, str], available: float) -> list[float]:
    weights = [WEIGHTS[c.field] for c in cols]
    fixed: dict[int, float] = {}
    if axes["widths"] == "narrow":
        candidates = [
            i for i, c in enumerate(cols) if c.field in ("title", "place", "date", "participants", "goal")
        ]
        for i in rng.sample(candidates, k=min(2, len(candidates))):
            fixed[i] = rng.choice((1.4, 1.6, 1.8))
    rest = available - sum(fixed.values())
    free = sum(w for i, w in enumerate(weights) if i not in fixed)
    return [round(fixed.get(i, rest * w / free), 2) for i, w in enumerate(weights)]


def _header(
    cols: list[Column],
) -> tuple[list[list[str]], list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    if not any(c.sub for c in cols):
        return [[c.top for c in cols]], [], []
    top = [c.top for c in cols]
    sub = [c.sub or "" for c in cols]
    hmerges, vmerges = [], []
    i = 0
    while i < len(cols):
        j = i
        while cols[i].sub and j + 1 < len(cols) and cols[j + 1].sub and cols[j + 1].top == cols[i].top:
            j += 1
        if cols[i].sub is None:
            vmerges.append((i, 0, 1))
        elif j > i:
            hmerges.append((0, i, j))
        i = j + 1
    return [top, sub], hmerges, vmerges


def _broken(rng: random.Random, text: str, on: bool) -> str:
    """Put a line break between two words of a longer text (a cell typed over two lines)."""
    words = text.split(" ")
    if not on or len(words) < 4 or rng.random() < 0.4:
        return text
    k = rng.randrange(2, len(words) - 1)
    return " ".join(words[:k]) + "\n" + " ".join(words[k:])


def _date_cells(rng: random.Random, ev: lc.Event, axes: dict[str, str]) -> tuple[str, bool]:
    """The date text for a single or combined date column, and whether it needs help (day only)."""
    if axes["month_headings"] == "yes_day_only" and axes["dates"] == "single":
        days = lc.day_only_text(ev.start, ev.end)
        if days is not None:
            return days, True
    return lc.date_text(rng, ev.start, ev.end, axes["cell_breaks"] == "yes"), False


def _one_date(rng: random.Random, d: date) -> str:
    return rng.choice((f"{d:%d.%m.%Y}", f"{d.day} {lc.MONTHS_GEN[d.month - 1]} {d.year} г."))
