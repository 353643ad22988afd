"""Build one report's `Plan` (tables to render and gold rows) from its seed, index and pool half."""

from __future__ import annotations

import random
from typing import Any

from . import layout_content as lc
from . import layout_extras as lx
from . import layout_package as lp
from .gold import InventedRow, fold
from .pool import load_pool
from .variants import (
    PARTICIPANTS_JOIN,
    Column,
    Plan,
    TablePlan,
    _broken,
    _columns,
    _date_cells,
    _header,
    _one_date,
    _widths,
    draw_axes,
    form_class,
    period_class,
)

TITLE_ROWS = (
    "Перечень международных мероприятий",
    "Международные и межрегиональные мероприятия муниципальных образований",
    "Информация о проведённых мероприятиях",
)
AVAILABLE_CM = {False: 16.5, True: 25.2}  # text width, portrait / landscape
LEAD_TABLES: dict[str, tuple[str, list[str], list[list[str]]]] = {
    "toc": (
        "Содержание",
        ["№", "Раздел", "Страница"],
        [
            ["1", "Сводные показатели", "2"],
            ["2", "Перечень международных мероприятий", "3"],
            ["3", "Пояснительная записка", "5"],
        ],
    ),
    "budget": (
        "Расходы на проведение мероприятий",
        ["№ п/п", "Наименование статьи расходов", "Сумма, тыс. руб.", "Источник финансирования"],
        [
            ["1", "Транспортные расходы", "120,5", "местный бюджет"],
            ["2", "Проживание делегаций", "86,0", "местный бюджет"],
            ["3", "Сувенирная продукция", "15,2", "внебюджетные средства"],
        ],
    ),
}


def _lead_table(kind: str, munis: list[lc.Municipality], rng: random.Random, available: float) -> TablePlan:
    """A table that is not an events table: a summary, a table of contents or a budget."""
    if kind == "summary":
        caption = "Сводные показатели международной деятельности"
        header = ["Муниципальное образование", "Количество мероприятий", "Количество иностранных участников"]
        body = [[m.canonical, str(rng.randint(1, 9)), str(rng.randint(5, 90))] for m in munis] + [
            ["Итого", "", ""]
        ]
    else:
        caption, header, body = LEAD_TABLES[kind]
    n = len(header)
    widths = [round(available / n, 2)] * n
    return TablePlan([caption], [header], body=[("cells", list(r)) for r in body], widths=widths)


def _pick_forms(rng: random.Random, pool: dict[str, Any]) -> tuple[str, str, str]:
    """One heading style per report: its kind drawn evenly among the kinds of the pool half, then
    a district form and a city form of that kind (any form where the kind has none)."""
    forms = pool["municipality_forms"]
    kind = rng.choice(sorted({form_class(f) for f in (*forms["district"], *forms["city"])}))
    picked = []
    for group in ("district", "city"):
        same = [f for f in forms[group] if form_class(f) == kind]
        picked.append(rng.choice(same or forms[group]))
    return picked[0], picked[1], kind


def _entities(rng: random.Random, pool: dict[str, Any], kind: str) -> list[dict[str, str]]:
    """2-4 municipalities of the pool; a city among them when the heading kind is a city's."""
    entities: list[dict[str, str]] = rng.sample(pool["municipality_entities"], k=rng.randint(2, 4))
    if kind == "city_okrug" and not any(e["kind"] == "city" for e in entities):
        cities = [e for e in pool["municipality_entities"] if e["kind"] == "city"]
        entities[-1] = rng.choice(cities)
    return entities


def _cells(
    rng: random.Random, cols: list[Column], ev: lc.Event, axes: dict[str, str], seq: str, muni_cell: str
) -> tuple[list[str], str, str, bool]:
    """The texts of an event row, the gold place and participants, and whether the date needs help."""
    breaks = axes["cell_breaks"] == "yes"
    place = _broken(rng, ev.place, breaks)
    date_cell, helped = _date_cells(rng, ev, axes)
    participants = f"{ev.participants_ru},{chr(10) if breaks else ' '}{ev.participants_foreign}"
    labels = {c.field: c.sub or "" for c in cols}
    gold_participants = fold(participants)
    if "part_ru" in labels:
        gold_participants = PARTICIPANTS_JOIN.join(
            (
                f"{labels['part_ru']}: {ev.participants_ru}",
                f"{labels['part_foreign']}: {ev.participants_foreign}",
            )
        )
    if rng.random() < 0.5:
        place_date = rng.choice((f"{place}\n{date_cell}", f"{place}, {date_cell}"))
    else:
        place_date = rng.choice((f"{date_cell}\n{place}", f"{date_cell}, {place}"))
    texts = {
        "seq": seq,
        "municipality": muni_cell,
        "title": _broken(rng, ev.title, breaks),
        "place": place,
        "date": date_cell,
        "place_date": place_date,
        "start": _one_date(rng, ev.start),
        "end": _one_date(rng, ev.end),
        "goal": ev.goal,
        "participants": participants,
        "part_ru": ev.participants_ru,
        "part_foreign": ev.participants_foreign,
    }
    return [texts[c.field] for c in cols], fold(ev.place), gold_participants, helped


def build_plan(
    seed: int, index: int, half: str, negative: str | None = None, borders: tuple[str, ...] = ()
) -> Plan:
    """The plan of report `index` of a corpus: axes drawn, pool words of `half`, events invented.
    `borders`: the values the borders axis draws among (empty: all, see layout_extras.borders)."""
    rng = random.Random(f"layouts:{seed}:{index}")
    pool = load_pool(half)
    axes = draw_axes(rng)
    extra = random.Random(f"layouts:{seed}:{index}:extra")  # see layout_extras
    axes.update(lx.draw_extra_axes(extra))
    year, quarter = rng.choice((2024, 2025)), rng.randint(1, 4)
    first, last = lc.quarter_bounds(year, quarter)
    template = rng.choice(pool["periods"])
    axes["period"] = period_class(template)
    period_text = lc.period_phrase(template, year, quarter)
    if negative == "not_quarter":
        period_text = rng.choice(pool["periods_negative"]).format(year=year)
    region = rng.choice(lc.REGIONS_GEN)
    title = [
        rng.choice(("ИНФОРМАЦИЯ", "Информация", "СВЕДЕНИЯ", "Отчёт")),
        f"о международных мероприятиях, проведённых органами местного самоуправления {region},",
        period_text,
    ]
    if rng.random() < 0.4:
        title = [title[0], f"{title[1]} {title[2]}"]
    district_form, city_form, axes["muni_form"] = _pick_forms(rng, pool)
    landscape = axes["orientation"] == "landscape"
    available = AVAILABLE_CM[landscape]
    font, size = axes["font"].rsplit(" ", 1)
    stem = f"L{index:04d}_{half}" + (f"_neg_{negative}" if negative else "")
    entities = _entities(rng, pool, axes["muni_form"])
    own_letter = axes["letterhead"] == "municipality" and negative is None
    if own_letter:  # one municipality, named in its letterhead only («Администрация Велижского района»)
        # A city's name of the pool is often unknown to the dictionary: its genitive would not be
        # turned back into the canonical name (a DOCX limit too, not what this axis measures).
        senders = [e for e in entities if e["kind"] != "city"]
        own_letter = bool(senders)
        entities = senders[:1] or entities
        if not own_letter:
            axes["letterhead"] = "two_columns"
    munis = [lc.municipality_of(e) for e in entities]
    if negative in ("summary_only", "toc_only", "budget_only"):
        kind = negative.removesuffix("_only")
        only = _lead_table(kind, munis, rng, available)
        return Plan(
            stem, half, axes, landscape, font, float(size), title, [only], [], first, last, "no_events"
        )
    headings = [
        lc.heading_text(city_form if e["kind"] == "city" else district_form, m, region)
        for e, m in zip(entities, munis, strict=True)
    ]
    cols = _columns(rng, axes, pool)
    widths = _widths(rng, cols, axes, available)
    header, hmerges, vmerges = _header(cols)
    month_form = rng.choice(pool["month_headings"])
    seq_dot = rng.choice(("", "."))
    long_left = rng.randint(1, 2) if axes["long_rows"] == "yes" else 0

    axes["turned_header"], direction, turned = lx.turned_header(lx.turned_rng(seed, index), widths)
    axes["auto_number"] = lx.auto_number(seed, index)
    axes["package"] = lp.package(seed, index)
    axes["borders"] = lx.borders(seed, index, borders)

    def new_table(caption: list[str]) -> TablePlan:
        table = TablePlan(
            caption,
            header,
            list(hmerges),
            list(vmerges),
            widths=widths,
            repeat_header=axes["repeat_header"] == "yes",
            turned=turned,
            direction=direction,
            auto_number=axes["auto_number"] == "yes",
            borders=axes["borders"],
        )
        if axes["number_row"] == "yes":
            table.body.append(("cells", [str(i + 1) for i in range(len(cols))]))
        return table

    tables: list[TablePlan] = []
    if axes["lead_table"] != "none":
        tables.append(_lead_table(axes["lead_table"], munis, rng, available))
    rows: list[InventedRow] = []
    titles: set[str] = set()
    counter = 0
    merge_munis = axes["sections"] == "column" and axes["month_headings"] == "no" and rng.random() < 0.5
    table: TablePlan | None = None
    for i, (muni, heading) in enumerate(zip(munis, headings, strict=True)):
        if table is None or axes["sections"] == "per_table":
            if table is not None:
                tables.append(table)
            caption = [heading] if axes["sections"] == "per_table" and not own_letter else []
            if i == 0 and tables:
                caption = ["Перечень мероприятий", *caption]
            table = new_table(caption)
        if axes["sections"] == "heading_rows" and not own_letter:
            table.body.append(("span", heading))
        if axes["numbering"] == "restart":
            counter = 0
        events = []
        for _ in range(rng.randint(2, 3) if long_left else rng.randint(2, 5)):
            long_goal = long_left > 0 and rng.random() < 0.5
            long_left -= long_goal
            event = lc.invent_event(rng, first, last, long_goal)
            while event.title in titles:  # every title once per report, so rows match unambiguously
                event = lc.invent_event(rng, first, last, long_goal)
            titles.add(event.title)
            events.append(event)
        events.sort(key=lambda e: (e.start, e.end))
        run = None
        if axes["merged_down"] != "no":
            months = [e.start.month if axes["month_headings"] != "no" else 0 for e in events]
            run = lx.merged_run(extra, months, must=i == 0)
        if run is not None:
            events = lx.share(events, run, axes["merged_down"], tuple(c.field for c in cols))
        month = 0
        merge_from = len(table.body)
        run_rows: list[int] = []
        for k, ev in enumerate(events):
            if axes["month_headings"] != "no" and ev.start.month != month:
                month = ev.start.month
                table.body.append(("span", lc.month_heading(month_form, month, year)))
            counter += 1
            seq = f"{counter}{seq_dot}"
            muni_cell = "" if merge_munis and k > 0 else heading
            texts, place, participants, helped = _cells(rng, cols, ev, axes, seq, muni_cell)
            if run is not None and run.first <= k <= run.last:
                run_rows.append(len(table.body))
                if k > run.first:  # written once, in the merged cell's first row
                    for col in lx.merged_columns([c.field for c in cols], axes["merged_down"]):
                        texts[col] = ""
            table.body.append(("cells", texts))
            rows.append(
                InventedRow(
                    seq,
                    muni.canonical,
                    ev.title,
                    place,
                    "x",
                    ev.goal,
                    participants,
                    ev.start,
                    ev.end,
                    date_helped=helped,
                )
            )
        if merge_munis:
            column = next(i for i, c in enumerate(cols) if c.field == "municipality")
            table.body_merges.append((column, merge_from, len(table.body) - 1))
        if run_rows:
            for col in lx.merged_columns([c.field for c in cols], axes["merged_down"]):
                table.body_merges.append((col, run_rows[0], run_rows[-1]))
            table.centred_merges = extra.random() < 0.5
    assert table is not None
    tables.append(table)
    if axes["title_row"] == "yes":
        tables[1 if axes["lead_table"] != "none" else 0].title_row = rng.choice(TITLE_ROWS)
    expect = "period_not_quarter" if negative == "not_quarter" else None
    sender = None
    if own_letter:
        sender = munis[0]
    head = lx.letterhead(extra, region, last, sender) if axes["letterhead"] != "no" else None
    return Plan(
        stem, half, axes, landscape, font, float(size), title, tables, rows, first, last, expect, head
    )
