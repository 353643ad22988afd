"""Canonical municipality names: real names of several regions, each in the ways reports write it.

Real names are test data only; the rules are general. Each base name must come back unchanged
from every written variant below (the reason stands beside each variant).
"""

from __future__ import annotations

import pytest

from muniflow.interpret import canonical_municipality

SMOLENSK = """Велижский район|Вяземский район|Гагаринский район|Демидовский район|Дорогобужский район
Духовщинский район|Ельнинский район|Ершичский район|Кардымовский район|Краснинский район
Монастырщинский район|Новодугинский район|Починковский район|Рославльский район|Руднянский район
Сафоновский район|Смоленский район|Сычевский район|Темкинский район|Угранский район
Хиславичский район|Холм-Жирковский район|Шумячский район|Ярцевский район|город Смоленск|город Десногорск"""
MARI_EL = """Волжский район|Горномарийский район|Звениговский район|Килемарский район|Куженерский район
Мари-Турекский район|Медведевский район|Моркинский район|Новоторъяльский район|Оршанский район
Параньгинский район|Сернурский район|Советский район|Юринский район|город Йошкар-Ола|город Волжск
город Козьмодемьянск"""
KRASNODAR = """Абинский район|Апшеронский район|Белореченский район|Брюховецкий район|Выселковский район
Гулькевичский район|Ейский район|Кавказский район|Калининский район|Кореновский район
Красноармейский район|Крымский район|Курганинский район|Кущевский район|Лабинский район
Ленинградский район|Мостовский район|Новокубанский район|Новопокровский район|Отрадненский район
Павловский район|Северский район|Славянский район|Староминский район|Тбилисский район
Темрюкский район|Тимашевский район|Тихорецкий район|Туапсинский район|Успенский район
Усть-Лабинский район|Щербиновский район|город Краснодар|город Новороссийск"""
PSKOV = """Бежаницкий район|Великолукский район|Гдовский район|Дедовичский район|Дновский район
Красногородский район|Куньинский район|Локнянский район|Невельский район|Новоржевский район
Новосокольнический район|Опочецкий район|Островский район|Палкинский район|Печорский район
Плюсский район|Порховский район|Псковский район|Пустошкинский район|Пушкиногорский район
Пыталовский район|Себежский район|Стругокрасненский район|Усвятский район|город Псков
город Великие Луки"""
NAMES = [
    n.strip() for block in (SMOLENSK, MARI_EL, KRASNODAR, PSKOV) for n in block.replace("\n", "|").split("|")
]


def _genitive(name: str) -> str:
    """The genitive as a clerk types it, written out here by ending (independent of pymorphy3)."""
    if name.startswith("город "):
        return "города " + name.split(" ", 1)[1]
    adjective, noun = name.rsplit(" ", 1)
    for nominative, genitive in (("ский", "ского"), ("цкий", "цкого"), ("ный", "ного"), ("кий", "кого")):
        if adjective.endswith(nominative):
            return adjective[: -len(nominative)] + genitive + " " + {"район": "района"}[noun]
    raise ValueError(name)


VARIANTS = [
    (lambda n: n, "as written"),
    (lambda n: n.upper(), "in capitals"),
    (lambda n: f"МО «{n}»", "with the МО abbreviation"),
    (lambda n: f"Муниципальное образование «{n}»", "with the full prefix and quotes"),
    (lambda n: f"муниципальное образование {n} Смоленской области", "with the region after it"),
    (lambda n: f"Администрации {_genitive(n)}", "in the genitive after «Администрации»"),
    (lambda n: _genitive(n).upper(), "in the genitive, in capitals"),
]


def test_enough_names():
    assert len(set(NAMES)) >= 100


@pytest.mark.parametrize("variant", range(len(VARIANTS)), ids=[why for _, why in VARIANTS])
def test_every_variant_gives_the_canonical_name(variant):
    make, reason = VARIANTS[variant]
    wrong = {make(n): canonical_municipality(make(n)) for n in NAMES if canonical_municipality(make(n)) != n}
    assert not wrong, reason


@pytest.mark.parametrize(
    ("raw", "expected", "reason"),
    [
        ("Мостовский район", "Мостовский район", "«Мо» is part of the name, not the МО abbreviation"),
        ("Моркинский муниципальный район", "Моркинский муниципальный район", "same, before «муниципальный»"),
        (
            "Городской округ «Город Йошкар-Ола»",
            "город Йошкар-Ола",
            "the city's own district: the city's name",
        ),
        ("Город Йошкар-Ола", "город Йошкар-Ола", "the same municipality written short"),
        (
            "Администрации городского округа «Город Йошкар-Ола»",
            "город Йошкар-Ола",
            "genitive, quoted name kept",
        ),
        ("г. Смоленск", "город Смоленск", "abbreviated kind word"),
        (
            "Администрации Мари-Турекского муниципального района",
            "Мари-Турекский муниципальный район",
            "gender",
        ),
        ("Администрации сельского поселения Первомайское", "сельское поселение Первомайское", "neuter kind"),
    ],
)
def test_special_forms(raw, expected, reason):
    assert canonical_municipality(raw) == expected, reason
