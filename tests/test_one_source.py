"""One source for each vocabulary: months (contracts/dates.yaml), countries (enrich/world.py),
the region pattern (interpret/region.py) and the quote scanner (rules/quotes.py)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from muniflow.contracts import load_yaml
from muniflow.enrich.agreements import _dates
from muniflow.interpret.municipality import canonical_municipality
from muniflow.interpret.title import parse_period, parse_region
from muniflow.model import Period
from muniflow.rules.quotes import quoted_words

ROOT = Path(__file__).resolve().parents[1]
MONTH_WORDS = {int(n): words for n, words in load_yaml("dates.yaml")["months"].items()}


def _sources(*globs: str) -> list[Path]:
    return [p for g in globs for p in ROOT.glob(g) if "__pycache__" not in p.parts]


@pytest.mark.parametrize(
    ("pattern", "allowed", "what"),
    [
        (r"сентябр|октябр", {"contracts/dates.yaml"}, "month words live in dates.yaml only"),
        (r"беларус|казахстан|норвеги", {"contracts/countries.yaml"}, "country names live in the supplement"),
        (r"области\|края", {"src/muniflow/interpret/region.py"}, "one region pattern"),
        (r"frozenset\(\"«„\"\)", {"src/muniflow/rules/quotes.py"}, "one quote scanner"),
    ],
)
def test_one_place_holds_it(pattern: str, allowed: set[str], what: str) -> None:
    found = {
        str(p.relative_to(ROOT))
        for p in _sources("src/**/*.py", "warehouse/**/*.sql", "contracts/*.yaml", "flows/*.py")
        if re.search(pattern, p.read_text(encoding="utf-8"), re.IGNORECASE)
    }
    docstring_only = {f for f in found - allowed if _only_in_prose(ROOT / f, pattern)}
    assert found - allowed - docstring_only == set(), what


def _only_in_prose(path: Path, pattern: str) -> bool:
    """True when the pattern occurs only in comments or docstrings (examples, not vocabulary)."""
    text = path.read_text(encoding="utf-8")
    code = re.sub(r'"""[\s\S]*?"""|#[^\n]*|--[^\n]*', "", text)
    return not re.search(pattern, code, re.IGNORECASE)


# Every case form of the first and last month of each quarter, as dates.yaml lists them.
PERIODS = [
    (f"Отчет за {first}–{last} 2024 года", Period(2024, q))
    for q in range(1, 5)
    for first in MONTH_WORDS[3 * q - 2]
    for last in MONTH_WORDS[3 * q][:2]
]


@pytest.mark.parametrize(("title", "period"), PERIODS)
def test_title_months_come_from_dates_yaml(title: str, period: Period) -> None:
    assert parse_period(title) == period


def test_a_month_range_that_is_no_quarter_names_none() -> None:
    assert parse_period("за февраль–апрель 2024 года") is None  # two quarters: no period


@pytest.mark.parametrize("month", range(1, 13))
def test_agreement_dates_read_every_month_word(month: int) -> None:
    for word in MONTH_WORDS[month]:
        assert _dates(f"подписано 5 {word} 2024 г.") == [date(2024, month, 5)], word


# (text, region as titles read it, municipality with the region cut off)
REGIONS = [
    ("Смоленской области", "Смоленская область", "adjective region"),
    ("Пермского края", "Пермский край", "a krai"),
    ("Ханты-Мансийского автономного округа", "Ханты-Мансийский автономный округ – Югра", "an okrug"),
    ("Республики Карелия", "Республика Карелия", "a republic"),
]


@pytest.mark.parametrize(("genitive", "nominative", "why"), REGIONS, ids=[r[2] for r in REGIONS])
def test_one_region_pattern_for_titles_and_municipalities(genitive: str, nominative: str, why: str) -> None:
    assert parse_region(f"Отчет муниципальных образований {genitive} за 2 квартал 2024") == nominative, why
    assert canonical_municipality(f"Муниципальное образование «Велижский район» {genitive}") == (
        "Велижский район"
    ), why


# (text, words inside quotes, why)
QUOTES = [
    ("фестиваль «Славянский базар»", {"Славянский", "базар"}, "guillemets"),
    ("ФОК «Восток «Запад» » зал", {"Восток", "Запад"}, "nested guillemets"),
    ('конкурс "Звезда" в школе', {"Звезда"}, "straight quotes open, then close"),
    ("лишняя » кавычка слово", set(), "a stray closing mark"),
]


@pytest.mark.parametrize(("text", "inside", "why"), QUOTES, ids=[q[2] for q in QUOTES])
def test_quote_scanner(text: str, inside: set[str], why: str) -> None:
    assert {w for w, quoted in quoted_words(text, r"[^\W\d_]+") if quoted} == inside, why
