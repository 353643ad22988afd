"""Word pools for invented benchmark reports: regions, towns, municipality forms, and cell texts
borrowed from the sample reports' own rows (samplegen), so generated cells read like real ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from samplegen import invented_pskov, invented_tver
from samplegen.seed_text import parse_seed

SEED_TEXT = Path(__file__).resolve().parents[1] / "sample_inputs" / "sources" / "smolensk_2024_q2.seed.txt"

# Regions in the genitive, as report titles name them ("... муниципальных образований X").
REGIONS = (
    "Смоленской области", "Псковской области", "Тверской области", "Брянской области",
    "Калужской области", "Курской области", "Орловской области", "Тульской области",
    "Владимирской области", "Ярославской области", "Костромской области", "Ивановской области",
    "Рязанской области", "Липецкой области", "Воронежской области", "Белгородской области",
    "Тамбовской области", "Новгородской области", "Ленинградской области", "Мурманской области",
    "Архангельской области", "Вологодской области", "Калининградской области", "Омской области",
    "Пермского края", "Краснодарского края", "Алтайского края", "Ставропольского края",
    "Республики Карелия", "Республики Коми", "Республики Татарстан", "Республики Мордовия",
)  # fmt: skip

TOWNS = (
    "Вязьма", "Гагарин", "Рославль", "Ярцево", "Сафоново", "Дорогобуж", "Демидов", "Велиж",
    "Остров", "Опочка", "Порхов", "Невель", "Бежецк", "Кашин", "Осташков", "Конаково",
    "Новозыбков", "Клинцы", "Людиново", "Козельск", "Льгов", "Ливны", "Мценск", "Алексин",
    "Ефремов", "Суздаль", "Муром", "Углич", "Ростов", "Нерехта", "Шуя", "Касимов",
)  # fmt: skip

# How municipalities call themselves; {town} is filled in.
MUNICIPALITY_FORMS = (
    "Муниципальное образование «Город {town}»",
    "Городской округ город {town}",
    "Муниципальное образование «{town}ский район»",
    "{town}ский муниципальный округ",
)

ROMAN = ("I", "II", "III", "IV")
MONTHS_GEN = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


@dataclass(frozen=True)
class CellPools:
    """Distinct cell texts of the sample reports, one pool per column."""

    titles: tuple[str, ...]
    places: tuple[str, ...]
    goals: tuple[str, ...]
    participants: tuple[str, ...]
    seed_header: tuple[str, ...]


def _unique(texts: list[str]) -> tuple[str, ...]:
    """Non-empty texts, first occurrence kept, order kept (so a seeded draw is reproducible)."""
    return tuple(dict.fromkeys(t.strip() for t in texts if t.strip()))


@cache
def cell_pools() -> CellPools:
    """Pools drawn from the seed reconstruction and the invented samples' rows."""
    seed = parse_seed(SEED_TEXT.read_text(encoding="utf-8"))
    seed_rows = [r for r in seed.rows if len(r) > 1]  # one-cell rows are municipality headings
    invented = [*invented_pskov.ROWS, *invented_tver.ROWS]
    return CellPools(
        titles=_unique([r[1] for r in seed_rows] + [r.title for r in invented]),
        places=_unique([r[2] for r in seed_rows] + [r.place for r in invented]),
        goals=_unique([r[4] for r in seed_rows] + [r.goal for r in invented]),
        participants=_unique([r[5] for r in seed_rows] + [r.participants for r in invented]),
        seed_header=seed.header,
    )
