"""Benchmark duplicate_event on synthetic events: time, groups, and pair precision/recall.

Usage: .venv/bin/python bench/bench_dedup.py [N] [SEED]   (default 100000 events, seed 7)

Events are built from event types, epithets, topics and quoted names; about one in six gets one
or two copies reported the way municipalities do it: «Участие в» with the words inflected,
another quote style, the edition number dropped or typed in Cyrillic, a dedication added,
the district instead of the town, a range that only overlaps. Near misses come for free: the
vocabulary is small enough that unrelated events share words, days and towns.
"""

from __future__ import annotations

import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import pymorphy3

from muniflow.model import Row
from muniflow.rules.duplicates import find_duplicates

TYPES = [
    "фестиваль", "конкурс", "турнир", "выставка", "концерт", "форум", "конференция", "семинар",
    "слет", "праздник", "акция", "олимпиада", "спартакиада", "ярмарка", "чемпионат", "марафон",
]  # fmt: skip
EPITHETS = [
    "международный", "межрегиональный", "открытый", "областной", "молодежный", "детский",
    "народный", "патриотический", "спортивный", "литературный", "музыкальный", "творческий",
    "традиционный", "семейный", "краеведческий", "хоровой", "театральный", "научный",
]  # fmt: skip
TOPICS = [
    "по волейболу", "по баскетболу", "по мини-футболу", "по шахматам", "по самбо",
    "народного творчества", "декоративно-прикладного искусства", "авторской песни",
    "юных исполнителей", "детских рисунков", "национальных культур", "фольклора и ремесел",
    "молодых ученых", "по легкой атлетике", "ветеранов спорта", "казачьей песни",
]  # fmt: skip
NAME_ADJ = [
    "Славянский", "Золотой", "Белый", "Русский", "Весенний", "Летний", "Осенний", "Зимний",
    "Звездный", "Серебряный", "Родной", "Солнечный", "Добрый", "Вечный", "Великий", "Юный",
    "Днепровский", "Лесной", "Речной", "Майский", "Светлый", "Голубой", "Зеленый", "Алый",
    "Мирный", "Северный", "Южный", "Дружный", "Радужный", "Хрустальный",
]  # fmt: skip
NAME_NOUN = [
    "венок", "ключ", "парус", "берег", "мост", "сад", "рассвет", "звон", "хоровод", "каравай",
    "колокол", "родник", "источник", "камертон", "ветер", "путь", "край", "город", "дом", "огонь",
    "лад", "рубеж", "простор", "причал", "маяк", "перекресток", "мотив", "голос", "талант", "старт",
]  # fmt: skip
NAME_TAIL = [
    "", "", "", "над Днепром", "дружбы", "памяти", "детства", "России", "Беларуси", "мира",
    "надежды", "победы", "юности", "мастеров", "талантов", "друзей", "традиций", "поколений",
    "славы", "единства", "любви", "добра", "таланта", "весны", "лета", "доброты", "пограничья",
]  # fmt: skip
DEDICATIONS = [
    "посвященный Дню России",
    "посвященный Дню Победы",
    "посвященный Дню единения народов",
    "посвященный Году семьи",
]
# (town, district named after it)
TOWNS = [
    ("Ельня", "Ельнинский район"), ("Демидов", "Демидовский район"), ("Велиж", "Велижский район"),
    ("Сычевка", "Сычевский район"), ("Рудня", "Руднянский район"), ("Гагарин", "Гагаринский район"),
    ("Ярцево", "Ярцевский район"), ("Сафоново", "Сафоновский район"), ("Рославль", "Рославльский район"),
    ("Шумячи", "Шумячский район"), ("Хиславичи", "Хиславичский район"), ("Починок", "Починковский район"),
    ("Кардымово", "Кардымовский район"), ("Монастырщина", "Монастырщинский район"),
    ("Новодугино", "Новодугинский район"), ("Темкино", "Темкинский район"),
    ("Гомель", "Гомельский район"), ("Могилев", "Могилевский район"), ("Витебск", "Витебский район"),
    ("Орша", "Оршанский район"), ("Полоцк", "Полоцкий район"), ("Лида", "Лидский район"),
]  # fmt: skip
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
QUOTES = [("«", "»"), ('"', '"'), ("„", "“")]
QUARTER_START = date(2024, 4, 1)

_MORPH = pymorphy3.MorphAnalyzer()


@cache
def inflect(word: str, case: str) -> str:
    """A word put in a case (and gender: "loct,femn"), keeping its capital; as is when impossible."""
    form = _MORPH.parse(word.lower())[0].inflect(set(case.split(",")))
    if form is None:
        return word
    return form.word.capitalize() if word[:1].isupper() else form.word


@dataclass(frozen=True)
class Base:
    """One synthetic event before it is written down by a municipality."""

    edition: int | None
    epithet: str
    kind: str
    topic: str
    name: str
    town: int
    start: date
    days: int


def random_base(rnd: random.Random) -> Base:
    long_range = rnd.random() < 0.05
    return Base(
        edition=rnd.choice([None, rnd.randrange(len(ROMAN))]),
        epithet=rnd.choice(EPITHETS),
        kind=rnd.choice(TYPES),
        topic=rnd.choice(TOPICS),
        name=f"{rnd.choice(NAME_ADJ)} {rnd.choice(NAME_NOUN)} {rnd.choice(NAME_TAIL)}".strip(),
        town=rnd.randrange(len(TOWNS)),
        start=QUARTER_START + timedelta(days=rnd.randrange(91)),
        days=rnd.randrange(10, 30) if long_range else rnd.choice([0, 0, 0, 1, 2]),
    )


def render(base: Base, rnd: random.Random, variant: bool) -> tuple[str, str, date, date]:
    """Title, place and dates of one report of the event; `variant` words it another way."""
    edition = "" if base.edition is None else ROMAN[base.edition] + " "
    epithet, kind = base.epithet, base.kind
    open_q, close_q = QUOTES[0]
    prefix = ""
    town, district = TOWNS[base.town]
    place = f"г. {town}"
    start, end = base.start, base.start + timedelta(days=base.days)
    if variant:
        open_q, close_q = rnd.choice(QUOTES)
        if rnd.random() < 0.5:
            prefix = "Участие в "
            gender = _MORPH.parse(kind)[0].tag.gender or "masc"
            epithet, kind = inflect(epithet, f"loct,{gender}"), inflect(kind, "loct")
        if edition and rnd.random() < 0.5:
            edition = rnd.choice(["", edition.replace("X", "Х").replace("I", "І")])
        if rnd.random() < 0.4:
            place = f"{district} (Смоленская область)"
        if base.days and rnd.random() < 0.5:
            end = start + timedelta(days=rnd.randrange(base.days + 1))
    title = f"{prefix}{edition}{epithet} {kind} {base.topic} {open_q}{base.name}{close_q}"
    if variant and rnd.random() < 0.3:
        title += f", {rnd.choice(DEDICATIONS)}"
    return title[0].upper() + title[1:], place, start, end


def make_events(n: int, seed: int) -> tuple[list[tuple[tuple[str, int], Row]], list[int]]:
    """N rows keyed (report, index), and the synthetic event each row reports."""
    rnd = random.Random(seed)
    rows: list[tuple[tuple[str, int], Row]] = []
    truth: list[int] = []
    event_id = 0
    while len(rows) < n:
        base = random_base(rnd)
        copies = 1 + (rnd.random() < 1 / 6) * rnd.choice([1, 1, 2])
        for copy in range(min(copies, n - len(rows))):
            title, place, start, end = render(base, rnd, variant=copy > 0)
            _, district = TOWNS[rnd.randrange(len(TOWNS))] if copy else TOWNS[base.town]
            index = len(rows)
            row = Row("bench.docx", f"row {index}", index, str(index + 1), index + 1, district,
                      district, title, title, place, place, "", start, end, "exact",
                      "", "", "", "")  # fmt: skip
            rows.append(((f"report-{index % 40}", index), row))
            truth.append(event_id)
        event_id += 1
    return rows, truth


def pair_scores(flags, rows, truth) -> tuple[float, float]:
    """Precision and recall of same-event pairs: predicted groups against the generated events."""
    position = {key: i for i, (key, _) in enumerate(rows)}
    predicted: dict[int, set[int]] = defaultdict(set)
    for key, flag in flags:
        kept = position[flag.related_row]
        predicted[kept].update({kept, position[key]})
    found = {(a, b) for g in predicted.values() for a in g for b in g if a < b}
    by_event: dict[int, list[int]] = defaultdict(list)
    for i, event in enumerate(truth):
        by_event[event].append(i)
    actual = {(a, b) for g in by_event.values() for a in g for b in g if a < b}
    hits = len(found & actual)
    return hits / max(len(found), 1), hits / max(len(actual), 1)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    rows, truth = make_events(n, seed)
    began, began_cpu = time.perf_counter(), time.process_time()
    flags = find_duplicates(rows)
    elapsed, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    groups = len({flag.related_row for _, flag in flags})
    precision, recall = pair_scores(flags, rows, truth)
    print(f"events: {len(rows)}  synthetic duplicates: {len(rows) - len(set(truth))}")
    # CPU time beside wall time: on a shared machine the wall clock also counts others' work.
    print(f"find_duplicates: {elapsed:.2f} s wall, {cpu:.2f} s cpu  flagged: {len(flags)}  groups: {groups}")
    print(f"pairs: precision {precision:.3f}  recall {recall:.3f}")


if __name__ == "__main__":
    main()
