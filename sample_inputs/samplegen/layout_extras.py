"""INVENTED layout axes added after the first corpora were measured: a cell merged down over
consecutive events (one date or one place written once for two or three events) and a letterhead
of two side-by-side columns above the title (sender left, addressee right): a regional body's
(`two_columns`), or the one municipality's whose report it is, named only there (`municipality`).

They are drawn from a random generator of their own, so a report whose extra axes are all "no"
is the very report its seed gave before they existed (its DOCX byte for byte). Later still, header
cells written upwards or downwards (Word's text direction, used in narrow columns): the narrowest
columns' (`narrow`) or every one's (`all`), drawn from a generator of its own again; and a №
column numbered by Word's numbering button (`auto_number`: the numbers are list labels, not text),
from one more generator of its own. Last, the borders the events tables are drawn with
(`borders`: Word's full grid, or only horizontal rules, rules and a frame without inner vertical
rules, a frame only, none at all), from a generator of its own once more.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import layout_content as lc

EXTRA_AXES: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "merged_down": (("no", "date", "place"), (0.7, 0.15, 0.15)),
    "letterhead": (("no", "two_columns", "municipality"), (0.7, 0.15, 0.15)),
}
# axis -> (values, weights), drawn from `turned_rng`: header text turned a quarter
TURNED_AXIS = (("no", "narrow", "all"), (0.7, 0.15, 0.15))
_NARROW_TURNED = 2  # how many of the narrowest columns a `narrow` header turns
TURNED_HEIGHT_CM = 3.0  # the header row's least height, room for a turned header's lines


AUTO_NUMBER_AXIS = (("no", "yes"), (0.7, 0.3))


def auto_number(seed: int, index: int) -> str:
    """Whether report `index` numbers its № column with Word's numbering button (see the module doc)."""
    return random.Random(f"layouts:{seed}:{index}:lists").choices(*AUTO_NUMBER_AXIS)[0]


# Which borders an events table draws: every rule (Table Grid), only the horizontal ones (top,
# bottom, between rows), those and the sides but no inner vertical rule, the outer frame, none.
BORDERS_AXIS = (("grid", "horizontal", "no_inner_vertical", "frame", "none"), (0.6, 0.1, 0.1, 0.1, 0.1))
# The w:tblBorders sides each value draws (the others are set to nil).
BORDER_SIDES = {
    "grid": ("top", "left", "bottom", "right", "insideH", "insideV"),
    "horizontal": ("top", "bottom", "insideH"),
    "no_inner_vertical": ("top", "left", "bottom", "right", "insideH"),
    "frame": ("top", "left", "bottom", "right"),
    "none": (),
}


def borders(seed: int, index: int, only: tuple[str, ...] = ()) -> str:
    """The borders the events tables of report `index` are drawn with (see the module doc).
    `only`: the values to draw among (their weights kept), for a corpus that measures the tables
    without a full grid; empty, every value, so a default corpus is the one drawn before."""
    values, weights = BORDERS_AXIS
    if only:
        unknown = set(only) - set(values)
        if unknown:
            raise ValueError(f"unknown borders value(s): {sorted(unknown)}")
        weights = tuple(w for v, w in zip(values, weights, strict=True) if v in only)
        values = tuple(v for v in values if v in only)
    return random.Random(f"layouts:{seed}:{index}:borders").choices(values, weights)[0]


def turned_rng(seed: int, index: int) -> random.Random:
    """The random generator of the turned-header axis of report `index` (see the module doc)."""
    return random.Random(f"layouts:{seed}:{index}:turned")


def turned_header(rng: random.Random, widths: list[float]) -> tuple[str, str, tuple[int, ...]]:
    """The axis value, the text direction (Word's `btLr` upwards, `tbRl` downwards) and the grid
    columns whose header cells are turned."""
    value = rng.choices(*TURNED_AXIS)[0]
    direction = rng.choice(("btLr", "btLr", "tbRl"))
    if value == "no":
        return value, direction, ()
    if value == "all":
        return value, direction, tuple(range(len(widths)))
    narrowest = sorted(range(len(widths)), key=lambda c: (widths[c], c))[:_NARROW_TURNED]
    return value, direction, tuple(sorted(narrowest))


# The grid columns that carry each merged value: a combined place + date column carries both.
MERGED_FIELDS = {"date": ("date", "place_date", "start", "end"), "place": ("place", "place_date")}
_MERGE_SHARE = 0.6  # of a report's sections, how many get a merged run (at least one does)

SENDERS = (
    ("АДМИНИСТРАЦИЯ", "{REGION}"),
    ("ДЕПАРТАМЕНТ", "ПО ВНЕШНИМ СВЯЗЯМ", "{REGION}"),
    ("Комитет по делам молодёжи", "и международному сотрудничеству", "{Region}"),
)
STREETS = ("ул. Ленина", "пл. Советская", "ул. Большая Советская", "пр. Мира", "ул. Октябрьская")
ADDRESSEES = (
    ("Председателю комитета", "по внешним связям", "{region}"),
    ("Начальнику Департамента", "международного сотрудничества", "{region}"),
    ("Руководителю аппарата", "Губернатора {region}"),
    ("Заместителю Губернатора", "{region}"),
)
SURNAMES = ("Иванову", "Петровой", "Соколову", "Кузнецовой", "Морозову", "Волковой")


def draw_extra_axes(rng: random.Random) -> dict[str, str]:
    """One value per extra axis, each drawn independently."""
    return {axis: rng.choices(values, weights)[0] for axis, (values, weights) in EXTRA_AXES.items()}


@dataclass(frozen=True)
class MergedRun:
    """Events `first`..`last` of a section share the merged value of event `first`."""

    first: int
    last: int


def merged_run(rng: random.Random, groups: list[int], must: bool) -> MergedRun | None:
    """A run of two or three consecutive events of a section, all in one group (no month heading
    row between them), or None (some sections have none; `must` forces one where the section
    allows it, so every report of the axis value shows it)."""
    starts = [k for k in range(len(groups) - 1) if groups[k] == groups[k + 1]]
    if not starts or (not must and rng.random() > _MERGE_SHARE):
        return None
    first = rng.choice(starts)
    last = first + 1
    if rng.random() < 0.3 and last + 1 < len(groups) and groups[last + 1] == groups[first]:
        last += 1
    return MergedRun(first, last)


def share(events: list[lc.Event], run: MergedRun, value: str, columns: tuple[str, ...]) -> list[lc.Event]:
    """The events with the run's later events taking the first one's merged value (its dates,
    its place, or both where one column holds both), so the gold is what a reader must give."""
    both = "place_date" in columns
    head = events[run.first]
    out = list(events)
    for k in range(run.first + 1, run.last + 1):
        ev = out[k]
        if value == "date" or both:
            ev = replace(ev, start=head.start, end=head.end)
        if value == "place" or both:
            ev = replace(ev, place=head.place)
        out[k] = ev
    return out


def merged_columns(fields: list[str], value: str) -> list[int]:
    """The grid columns a merge of `value` covers."""
    return [i for i, f in enumerate(fields) if f in MERGED_FIELDS[value]]


def _own_head(rng: random.Random, muni: lc.Municipality, region_gen: str) -> list[str]:
    """A municipality's administration as a sender, its name broken over lines: in the genitive
    («Администрация / Велижского / района»), or quoted («Администрация / муниципального
    образования / «Мошенской муниципальный округ»»). An adjective in «-ой» has a genitive that
    reads back two ways («Мошенского»: -ой or -ий), so such a name is quoted."""
    if not muni.canonical.split(" ")[0].endswith("ой") and rng.random() < 0.5:
        name, _, last_word = muni.gen.rpartition(" ")
        return ["Администрация", name, last_word, region_gen]
    return ["Администрация", "муниципального образования", f"«{muni.canonical}»", region_gen]


def letterhead(
    rng: random.Random, region_gen: str, last: date, sender: lc.Municipality | None = None
) -> tuple[list[str], list[str]]:
    """A sender block (administration, address, the letter's date and number) and an addressee
    block, laid side by side above the title as official letters are. `sender`: the municipality
    whose administration writes (its name broken over lines, see `_own_head`)."""
    town = rng.choice(lc.TOWNS)
    sent = last + timedelta(days=rng.randint(3, 20))
    number = f"{rng.randint(1, 30):02d}-{rng.randint(1, 12):02d}/{rng.randint(100, 9999)}"
    fill = {"REGION": region_gen.upper(), "Region": region_gen, "region": region_gen}
    head = [line.format(**fill) for line in rng.choice(SENDERS)]
    if sender is not None:
        head = _own_head(rng, sender, region_gen)
    left = [
        *head,
        f"{rng.choice(STREETS)}, д. {rng.randint(1, 40)}, {town}, {rng.randint(210000, 249999)}",
        f"тел. ({rng.randint(4812, 4899)}) {rng.randint(20, 79)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
        f"{sent:%d.%m.%Y} № {number}",
        "На № ________ от __________",
    ]
    initials = f"{rng.choice('АВГДЕИКМНОПС')}.{rng.choice('АВГДЕИКМНОПС')}."
    right = [line.format(**fill) for line in rng.choice(ADDRESSEES)] + [f"{initials} {rng.choice(SURNAMES)}"]
    return left, right
