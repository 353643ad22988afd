"""Invented benchmark reports: a seeded plan of N distinct reports and their Word files, written
with samplegen's own builders in both templates (municipality heading rows, as the seed; or a
vertically merged municipality column, as the Pskov sample).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from samplegen import invented_pskov
from samplegen.gold import InventedRow
from samplegen.invented_docx import build_invented_docx
from samplegen.seed_docx import WIDTHS_CM as SEED_WIDTHS_CM
from samplegen.seed_docx import build_seed_docx
from samplegen.seed_text import SeedTable

from bench.vocabulary import MONTHS_GEN, MUNICIPALITY_FORMS, REGIONS, ROMAN, TOWNS, cell_pools

TEMPLATES = ("headings", "column")
YEARS = tuple(range(2015, 2030))
MIN_ROWS, MAX_ROWS = 40, 60
# Page geometry of LibreOffice's rendering (A4, 10 pt Times): calibrated so that `pages` asked
# gives about that many PDF pages.
CHARS_PER_CM = 5.6
CELL_PADDING_CM = 0.4
LINES_PER_PAGE = 56  # table lines on a page, the repeated header taken off


@dataclass(frozen=True)
class ReportSpec:
    """One invented report: where and when it is from, how it is laid out, and its rows."""

    stem: str
    template: str
    title_lines: tuple[str, ...]
    first_day: date
    last_day: date
    rows: tuple[InventedRow, ...]


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a quarter."""
    first = date(year, 3 * quarter - 2, 1)
    nxt = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, nxt - timedelta(days=1)


def title_lines(template: str, region_gen: str, year: int, quarter: int) -> tuple[str, ...]:
    """The title each template's authority writes (both forms the interpreter reads)."""
    if template == "headings":
        return (
            "Отчет о мероприятиях в международной сфере, проведенных органами местного самоуправления",
            f"муниципальных образований {region_gen} в {ROMAN[quarter - 1]} квартале {year} года",
        )
    return (
        f"Информация о международных мероприятиях, проведенных муниципальными образованиями "
        f"{region_gen}, за {quarter} квартал {year} года",
    )


def date_text(rng: random.Random, start: date, end: date) -> str:
    """The dates as municipalities write them, in one of their usual forms."""
    d1, d2, y = start.day, end.day, start.year
    m1, m2 = MONTHS_GEN[start.month - 1], MONTHS_GEN[end.month - 1]
    if start == end:
        forms = [f"{start:%d.%m.%Y}", f"{d1} {m1} {y} года", f"{d1} {m1}\n{y} года", f"{d1} {m1} {y} г."]
    elif start.month == end.month:
        forms = [f"{d1}-{d2}.{start:%m.%Y}", f"{d1} – {d2} {m1} {y} г.", f"с {d1} по {d2} {m1} {y} года",
                 f"{d1}-{d2} {m1}\n{y} года"]  # fmt: skip
    else:
        forms = [f"{d1} {m1} –\n{d2} {m2}\n{y} года", f"{start:%d.%m}-{end:%d.%m.%Y}"]
    return rng.choice(forms)


def cell_lines(text: str, width_cm: float) -> int:
    """About how many printed lines a cell's text takes in a column of this width."""
    per_line = max(1, int(CHARS_PER_CM * (width_cm - CELL_PADDING_CM)))
    return sum(max(1, -(-len(p) // per_line)) for p in text.split("\n"))


def column_widths(template: str) -> dict[str, float]:
    """Each field's column width (cm) in a template."""
    if template == "headings":
        fields = ("seq_text", "title", "place", "date_text", "goal", "participants")
        return dict(zip(fields, SEED_WIDTHS_CM, strict=True))
    return dict(zip(invented_pskov.TEMPLATE.fields, invented_pskov.TEMPLATE.widths_cm, strict=True))


def _fitting(rng: random.Random, pool: tuple[str, ...], width_cm: float, budget: int) -> str:
    """A text of the pool that fits the row's line budget (the shortest ones when none does)."""
    fits = [t for t in pool if cell_lines(t, width_cm) <= budget]
    return rng.choice(fits or sorted(pool, key=len)[:5])


def _goal(rng: random.Random, goals: tuple[str, ...], width_cm: float, budget: int) -> str:
    """A goal cell filling the row's line budget: sample sentences joined while they still fit."""
    text = _fitting(rng, goals, width_cm, budget)
    for _ in range(20):
        longer = f"{text}; {rng.choice(goals)}"
        if cell_lines(longer, width_cm) > budget:
            break
        text = longer
    return text


def invent_rows(
    rng: random.Random,
    template: str,
    first: date,
    last: date,
    pages: int,
    row_span: tuple[int, int] = (MIN_ROWS, MAX_ROWS),
) -> tuple[InventedRow, ...]:
    """`row_span` (default 40-60) rows under 3-8 municipalities, dates inside the quarter, distinct
    titles, sized so that the report prints to about `pages` pages (each row gets an equal share
    of lines)."""
    pools = cell_pools()
    n = rng.randint(*row_span)
    widths = column_widths(template)
    budget = max(2, LINES_PER_PAGE * pages // n - 1)  # -1: the row's cell margins and borders
    towns = rng.sample(TOWNS, rng.randint(3, 8))
    municipalities = sorted(rng.choice(MUNICIPALITY_FORMS).format(town=t) for t in towns)
    cut = sorted(rng.sample(range(1, n), len(municipalities) - 1))
    owners = [municipalities[sum(k >= c for c in cut)] for k in range(n)]
    titles = [t for t in pools.titles if cell_lines(t, widths["title"]) <= budget] or list(pools.titles)
    rng.shuffle(titles)
    span = (last - first).days
    rows = []
    for k in range(n):
        start = first + timedelta(days=rng.randint(0, span))
        end = min(last, start + timedelta(days=rng.choice((0, 0, 1, 2, 3))))
        title = titles[k] if k < len(titles) else f"{titles[k % len(titles)]} (этап {k // len(titles) + 1})"
        rows.append(
            InventedRow(
                seq_text=f"{k + 1}. " if template == "headings" else str(k + 1),
                municipality=owners[k],
                title=title,
                place=_fitting(rng, pools.places, widths["place"], budget),
                date_text=date_text(rng, start, end),
                goal=_goal(rng, pools.goals, widths["goal"], budget),
                participants=_fitting(rng, pools.participants, widths["participants"], budget),
                start=start,
                end=end,
            )
        )
    return tuple(rows)


def plan_reports(
    count: int,
    pages: int,
    seed: int,
    offset: int = 0,
    rows: tuple[int, int] | None = None,
    pages_span: tuple[int, int] | None = None,
) -> tuple[ReportSpec, ...]:
    """`count` reports, each of its own region and quarter (so none supersedes another).

    `offset` skips that many (region, quarter) slots, so two plans with different offsets (the
    DOCX set and the PDF set) never share a slot. `rows` (min, max) overrides the dense 40-60;
    `pages_span` (min, max) draws each report's pages instead of `pages` for all.
    """
    slots = [(r, y, q) for r in REGIONS for y in YEARS for q in (1, 2, 3, 4)]
    if offset + count > len(slots):
        raise ValueError(f"at most {len(slots)} distinct reports, asked {offset + count}")
    random.Random(seed).shuffle(slots)
    specs = []
    for k, (region, year, quarter) in enumerate(slots[offset : offset + count], start=offset):
        rng = random.Random(f"{seed}-{k}")
        template = TEMPLATES[k % 2]
        first, last = quarter_bounds(year, quarter)
        specs.append(
            ReportSpec(
                stem=f"bench_{k:05d}_{year}q{quarter}_{template}",
                template=template,
                title_lines=title_lines(template, region, year, quarter),
                first_day=first,
                last_day=last,
                rows=invent_rows(
                    rng,
                    template,
                    first,
                    last,
                    rng.randint(*pages_span) if pages_span else pages,
                    rows or (MIN_ROWS, MAX_ROWS),
                ),
            )
        )
    return tuple(specs)


def write_docx(spec: ReportSpec, path: Path) -> Path:
    """Write one report as Word with samplegen's builder of its template."""
    if spec.template == "headings":
        body: list[tuple[str, ...]] = []
        current: str | None = None
        for row in spec.rows:
            if row.municipality != current:  # a heading row opens each municipality's rows
                body.append((row.municipality,))
                current = row.municipality
            body.append((row.seq_text, row.title, row.place, row.date_text, row.goal, row.participants))
        build_seed_docx(SeedTable(spec.title_lines, cell_pools().seed_header, tuple(body)), path)
    else:
        template = replace(
            invented_pskov.TEMPLATE,
            stem=spec.stem,
            title_lines=spec.title_lines,
            first_day=spec.first_day,
            last_day=spec.last_day,
        )
        build_invented_docx(template, spec.rows, path)
    return path
