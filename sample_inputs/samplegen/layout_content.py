"""INVENTED content for the layout-variant corpus: events, dates as written, period phrases and
municipality headings. Every event is made up (nothing here is a real report's row); the words
that vary between templates (header wordings, heading forms, period phrasings) come from the pool
(`pool.py`), the rest (event kinds, partners, venues, date formats) from the lists below.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS_NOM = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]
MONTHS_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
MONTHS_LOC = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
]
Q_WORD_ACC = ("первый", "второй", "третий", "четвёртый")
Q_WORD_LOC = ("первом", "втором", "третьем", "четвёртом")
Q_WORD_GEN = ("первого", "второго", "третьего", "четвёртого")
Q_ROMAN = ("I", "II", "III", "IV")
REGIONS_GEN = (
    "Смоленской области",
    "Калужской области",
    "Брянской области",
    "Тамбовской области",
    "Республики Марий Эл",
    "Тверской области",
    "Заозёрской области",
    "Пермского края",
)

EVENT_KINDS = (
    "Международный фестиваль",
    "Международная конференция",
    "Круглый стол",
    "Международный турнир по мини-футболу",
    "Выставка декоративно-прикладного искусства",
    "Молодёжный форум",
    "Мастер-класс народных ремёсел",
    "Семинар для специалистов",
    "Международный пленэр художников",
    "Концерт творческих коллективов",
)
THEMES = (
    "Берега дружбы",
    "Голоса Поозерья",
    "Соседи",
    "Мост через время",
    "Льняная нить",
    "Звонкие струны",
    "Память поколений",
    "Общая история",
    "Зелёный край",
    "Сказки двух народов",
    "Открытое небо",
    "Мир без границ",
)
PARTNERS = (
    ("г. Витебска", "Республика Беларусь"),
    ("г. Оша", "Киргизская Республика"),
    ("г. Гянджи", "Азербайджанская Республика"),
    ("г. Самарканда", "Республика Узбекистан"),
    ("г. Костаная", "Республика Казахстан"),
    ("провинции Хэйлунцзян", "Китайская Народная Республика"),
    ("г. Бендеры", "Приднестровье"),
    ("г. Худжанда", "Республика Таджикистан"),
    ("г. Гюмри", "Республика Армения"),
    ("Могилёвской области", "Республика Беларусь"),
)
EDITIONS = ("II", "III", "IV", "V", "VII", "IX", "X", "XII", "XV", "XX")
GUESTS = ("представителей", "молодёжи", "мастеров", "школьников", "спортсменов", "ветеранов", "артистов")
TOWNS = (
    "г. Заречье",
    "с. Ольховка",
    "пос. Кленовый",
    "д. Студёнка",
    "г. Белозорск",
    "с. Верхние Ключи",
    "г. Тихоозёрск",
    "пгт Сосновый Бор",
)
VENUES = (
    "районный Дом культуры",
    "центральная библиотека",
    "стадион «Труд»",
    "краеведческий музей",
    "школа № 2",
    "парк культуры и отдыха",
    "администрация района, зал заседаний",
    "центр молодёжных инициатив",
)
GOALS = (
    "Укрепление культурных связей между городами-побратимами",
    "Подписано соглашение о сотрудничестве на три года",
    "Проведено 12 встреч, обсуждены совместные проекты",
    "Обмен опытом в сфере образования и молодёжной политики",
    "Победители награждены дипломами и памятными призами",
    "Достигнута договорённость о проведении ответного визита",
    "Представлено 40 работ мастеров, проведена ярмарка",
    "Определены направления сотрудничества в сфере туризма",
    "Участники посетили предприятия и объекты культуры",
    "Принята резолюция, материалы опубликованы в сборнике",
)
PARTICIPANT_RU = (
    "Представители администрации района",
    "Творческие коллективы района (45 человек)",
    "Учащиеся школ и студенты колледжа",
    "Спортсмены районной сборной",
    "Мастера народных промыслов",
    "Депутаты районного Собрания",
)


@dataclass(frozen=True)
class Event:
    """One invented event: its texts and true dates (start <= end, inside the quarter)."""

    title: str
    place: str
    goal: str
    participants_ru: str
    participants_foreign: str
    start: date
    end: date


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a quarter."""
    first = date(year, 3 * quarter - 2, 1)
    nxt = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return first, nxt - timedelta(days=1)


def invent_event(rng: random.Random, first: date, last: date, long_goal: bool) -> Event:
    """An invented event held inside [first, last]."""
    partner, country = rng.choice(PARTNERS)
    kind = rng.randrange(3)
    edition = rng.choice(("", "", f"{rng.choice(EDITIONS)} "))
    if kind == 0:
        title = f"{edition}{rng.choice(EVENT_KINDS)} «{rng.choice(THEMES)}»"
    elif kind == 1:
        title = f"Визит делегации {partner} ({country})"
    else:
        title = f"{edition}{rng.choice(EVENT_KINDS)} с участием {rng.choice(GUESTS)} {partner}"
    place = f"{rng.choice(TOWNS)}, {rng.choice(VENUES)}"
    sentences = rng.sample(GOALS, k=rng.randint(1, 2))
    if long_goal:
        sentences = [rng.choice(GOALS) for _ in range(rng.randint(14, 22))]
    goal = ". ".join(sentences)
    ru = rng.choice(PARTICIPANT_RU)
    foreign = f"Делегация {partner} ({rng.randint(3, 25)} человек)"
    span = (last - first).days
    start = first + timedelta(days=rng.randrange(span - 3))
    end = start + timedelta(days=rng.choice((0, 0, 0, 1, 2, 3)))
    return Event(title, place, goal, ru, foreign, start, end)


def _long_date(d: date, word: str) -> str:
    return f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year} {word}"


def date_text(rng: random.Random, start: date, end: date, breaks: bool) -> str:
    """The event's dates as an office would write them (one of several usual forms)."""
    word = rng.choice(("г.", "года"))
    dot = f"{start:%d.%m.%Y}"
    if start == end:
        forms = [dot, _long_date(start, word)]
        if breaks:
            forms.append(f"{start.day} {MONTHS_GEN[start.month - 1]}\n{start.year} {word}")
    elif start.month == end.month:
        month = MONTHS_GEN[start.month - 1]
        forms = [
            f"{start.day}–{end.day} {month} {start.year} {word}",
            f"с {start.day} по {end.day} {month} {start.year} {word}",
            f"{dot} – {end:%d.%m.%Y}",
            f"{start.day}-{end:%d.%m.%Y}",
        ]
        if breaks:
            forms.append(f"{dot} –\n{end:%d.%m.%Y}")
    else:
        forms = [
            f"{start.day} {MONTHS_GEN[start.month - 1]} – {_long_date(end, word)}",
            f"{dot} – {end:%d.%m.%Y}",
        ]
    return rng.choice(forms)


def day_only_text(start: date, end: date) -> str | None:
    """Days without month and year (read under a month heading), or None across months."""
    if start.month != end.month:
        return None
    return str(start.day) if start == end else f"{start.day}–{end.day}"


def quarter_tokens(year: int, quarter: int) -> dict[str, str]:
    """The words a period phrase is made of, for one quarter."""
    q = quarter - 1
    m1, m3 = 3 * q, 3 * q + 2
    last = quarter_bounds(year, quarter)[1]
    return {
        "year": str(year),
        "q_word_acc": Q_WORD_ACC[q],
        "q_word_loc": Q_WORD_LOC[q],
        "q_word_gen": Q_WORD_GEN[q],
        "q_ord_acc": f"{quarter}-й",
        "q_ord_loc": f"{quarter}-м",
        "q_roman": Q_ROMAN[q],
        "q_arabic": str(quarter),
        "m1_acc": MONTHS_NOM[m1],
        "m3_acc": MONTHS_NOM[m3],
        "m1_gen": MONTHS_GEN[m1],
        "m3_gen": MONTHS_GEN[m3],
        "last_day": str(last.day),
    }


def period_phrase(template: str, year: int, quarter: int) -> str:
    """A period phrase from the pool filled in; «в» becomes «во» before «втором»/«II»/«2»."""
    text = template.format(**quarter_tokens(year, quarter))
    return re.sub(r"\bв (?=(?:втором|II|2-м|2)\b)", "во ", text)


@dataclass(frozen=True)
class Municipality:
    """A municipality of the pool: its canonical name and the words its headings are made of."""

    canonical: str
    name: str  # what a heading form's {name} holds
    gen: str  # genitive, for «Администрация {gen}»


def _adj_gen(adj: str) -> str:
    for old, new in (("ский", "ского"), ("цкий", "цкого"), ("ской", "ского"), ("ный", "ного"), ("ий", "его")):
        if adj.endswith(old):
            return adj[: -len(old)] + new
    return adj


def municipality_of(entity: dict[str, str]) -> Municipality:
    """A pool entity (district, okrug or city) with its canonical name and forms."""
    kind = entity["kind"]
    if kind == "city":
        return Municipality(f"город {entity['name']}", entity["name"], entity["gen"])
    adj = entity["adj"]
    if kind == "district":
        return Municipality(f"{adj} район", f"{adj} район", f"{_adj_gen(adj)} района")
    return Municipality(
        f"{adj} муниципальный округ", f"{adj} муниципальный округ", f"{_adj_gen(adj)} муниципального округа"
    )


def heading_text(form: str, muni: Municipality, region_gen: str) -> str:
    """A municipality heading from a pool form («МО «{name}»», «{NAME}», «Администрации {gen}»)."""
    return form.format(
        name=muni.name,
        NAME=muni.name.upper(),
        gen=muni.gen,
        region_gen=region_gen,
        REGION_GEN=region_gen.upper(),
    )


def month_heading(form: str, month: int, year: int) -> str:
    """A month heading row from a pool form («ЯНВАРЬ», «Февраль 2025 г.», «В июле»)."""
    nom = MONTHS_NOM[month - 1]
    return form.format(MONTH=nom.upper(), Month=nom.capitalize(), month_loc=MONTHS_LOC[month - 1], year=year)
