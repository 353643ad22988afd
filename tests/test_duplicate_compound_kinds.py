"""duplicate_event: a hyphenated noun heading a title is a kind of event of its own.

The title's words part a hyphenated word in two («мастер», «класс»), neither a kind noun, so
«Мастер-класс «X»» named no kind and parted from nothing: beside «Конкурс «X»» at one place it was
its copy. A compound whose parts the contract lists keeps their families («арт-фестиваль»).
"""

from __future__ import annotations

import pytest
import rowfactory

from muniflow.rules import kinds, titles
from muniflow.rules.duplicates import load_config

CFG = load_config()


def one_event(a: str, b: str) -> bool:
    """Whether two municipalities' rows of one day at one place are one event by their titles."""
    return rowfactory.one_event(
        (a, "г. Ивняковск", "Ивняковский район"), (b, "г. Ивняковск", "Камышовский муниципальный округ")
    )


def title_kinds(title: str) -> frozenset[str]:
    norm = titles.normalize_title(title, CFG.title_rules)
    return kinds.title_kinds(norm, kinds.kind_words(norm, CFG.kind_rules), CFG.kind_rules, title)


@pytest.mark.parametrize(
    ("compound", "other"),
    [
        ("Открытая квест-игра", "Открытый конкурс"),
        ("Межрегиональный пресс-тур", "Межрегиональный форум"),
        ("Международная бизнес-миссия детского рисунка", "Международная выставка детского рисунка"),
        ("Экспресс-тренинг детского рисунка", "Турнир детского рисунка"),
    ],
)
def test_a_compound_heading_a_title_is_a_kind_of_its_own(compound: str, other: str) -> None:
    assert not one_event(f"{compound} «Тихая заводь»", f"{other} «Тихая заводь»")
    assert not one_event(f"{other} «Тихая заводь»", f"{compound} «Тихая заводь»")


@pytest.mark.parametrize(
    ("host", "guest", "other"),
    [
        (
            "Открытая квест-игра «Тихая заводь»",
            "Участие в квест-игре «Тихая заводь»",
            "Концерт «Тихая заводь»",
        ),
        (
            "Межрегиональный пресс-тур «Тихая заводь»",
            "«Тихая заводь» – межрегиональный пресс-тур",
            "Межрегиональный семинар «Тихая заводь»",
        ),
        # its parts' kind: a festival
        (
            "Областной арт-фестиваль «Тихая заводь»",
            "Участие в фестивале «Тихая заводь»",
            "Турнир «Тихая заводь»",
        ),
        # a title naming the compound beside its kind is of that kind and holds the compound
        (
            "Мини-футбол «Тихая заводь»",
            "Турнир по мини-футболу «Тихая заводь»",
            "Мастер-класс «Тихая заводь»",
        ),
    ],
)
def test_a_compound_is_one_event_with_its_own_kind_only(host: str, guest: str, other: str) -> None:
    assert one_event(host, guest)
    assert not one_event(host, other)


def test_a_title_naming_a_kind_reads_no_compound_as_its_kind() -> None:
    assert title_kinds("Квест-игра «Тихая заводь»") == {kinds.OWN + "квест-игра"}
    assert title_kinds("Участие в бизнес-миссии «Тихая заводь»") == {kinds.OWN + "бизнес-миссия"}
    # a plain noun heads the title, a compound in quotes names it, a place is no noun of a kind
    assert title_kinds("Акция «Пресс-тур»") == set()
    assert title_kinds("Встреча с жителями Гусь-Хрустального") == {"sport", "visit"}
    # a compound of a listed noun is of its families; the other sport compound is only held
    assert kinds.named(title_kinds("Фестиваль по мини-футболу")) == {"festival"}
    # two kinds sharing a compound they hold are still two kinds
    assert not one_event(
        "Открытый турнир по мини-футболу «Тихая заводь»", "Открытый концерт по мини-футболу «Тихая заводь»"
    )


def test_a_compound_the_contract_lists_names_its_families_anywhere_outside_quotes() -> None:
    rules = kinds.make_rules({"workshop": ["мастер-класс"], "festival": ["фестиваль"]}, 5)
    for title, found in [
        ("Фестиваль «Тихая заводь»: мастер-классы гончаров", {"festival", "workshop"}),
        ("Участие в мастер-классе «Тихая заводь»", {"workshop"}),
        ("Фестиваль «Мастер-класс»", {"festival"}),  # quoted: a name
    ]:
        norm = titles.normalize_title(title, CFG.title_rules)
        assert kinds.title_kinds(norm, kinds.kind_words(norm, rules), rules, title) == found
