"""Countries named in a text, and the country each place of an event is given, with reasons."""

from __future__ import annotations

import pytest

from muniflow.enrich import enrich_event, find_countries
from muniflow.enrich.countries import region_abbreviation

DETECTION = [
    # (text, expected country keys in order, why)
    ("Республика Беларусь", ("BY",), "full name"),
    ("коллективы из Беларуси", ("BY",), "short name, genitive"),
    ("поисковых отрядов Республики Казахстан", ("KZ",), "full name, genitive"),
    ("Делегации Республики Абхазия", ("AB",), "no ISO code: its ОКСМ code (contracts/countries.yaml)"),
    ("делегация Китайской Народной Республики", ("CN",), "three-word name, genitive"),
    ("гости из КНР", ("CN",), "abbreviation"),
    ("делегация СРВ", ("VN",), "abbreviation of the long name"),
    ("делегация Республики Сербской", ("BA",), "an entity of a state named like another state"),
    ("эксперты из российских и белорусских городов", ("RU", "BY"), "country adjectives"),
    ("Российской Федерации и Республики Беларусь", ("RU", "BY"), "two countries"),
    ("Республики Мордовия", (), "a republic of the home country is no country"),
    ("автономии белорусов", (), "a people (noun) is not the country"),
    ("беларусь", (), "a country name must be capitalized"),
    ("г. Тверь, ул. Китайская, д. 3", (), "a street named after a country is no mention of it"),
    ("гости из Британской Колумбии", ("CA",), "a region named after another country is its own country's"),
    ("делегация Центрального Конго", ("CD",), "the longer region outranks the country it holds"),
    ("выставка на улице Армянской", (), "the street word written out, in any case"),
    ("ул. Ленина; делегация из Армении", ("AM",), "a country after the street's name still counts"),
]


@pytest.mark.parametrize(("text", "expected", "why"), DETECTION, ids=[c[0] for c in DETECTION])
def test_country_detection(text: str, expected: tuple[str, ...], why: str) -> None:
    assert tuple(m.country.key for m in find_countries(text)) == expected, why


ATTRIBUTION = [
    # (place cell, participants cell, expected partners as (key, settlement), why)
    (
        "г. Смоленск",
        "из городов Смоленска, Пскова, Минска (Республика Беларусь)",
        (("BY", "Минск"),),
        "a bracketed country belongs to the place right before it, not to the whole list",
    ),
    (
        "г. Смоленск",
        "ГУО «Средняя школа г. Кричев» (Республика Беларусь)",
        (("BY", "Кричев"),),
        "a country after a quoted name belongs to the town inside it",
    ),
    (
        "г. Смоленск",
        "коллектив Республики Беларусь «Премьер» (г. Полоцк)",
        (("BY", "Полоцк"),),
        "a bracketed town takes the country named before the bracket",
    ),
    (
        "г. Смоленск",
        "коллективы Оршанского района Витебской области (Республика Беларусь)",
        (("BY", "Оршанский район"), ("BY", "Витебская область")),
        "a genitive chain shares its country",
    ),
    (
        "г. Браслав, Витебская область (Республика Беларусь)",
        "участники",
        (("BY", "Браслав"), ("BY", "Витебская область")),
        "a place cell is one location: its one country covers every place in it",
    ),
    (
        "г. Смоленск",
        "школ Смоленской области, г. Минска и г. Могилева (Республика Беларусь)",
        (("BY", "Минск"), ("BY", "Могилев")),
        "the capital is a well-known place; Mogilev has the country right after it",
    ),
    (
        "г. Смоленск",
        "Делегации из Российской Федерации, Республики Абхазия и Республики Беларусь",
        (("AB", None), ("BY", None)),
        "countries with no place named, in order of mention",
    ),
    (
        "г. Смоленск",
        "из российских и белорусских городов",
        (("BY", None),),
        "a country adjective makes a partner; the home country never does",
    ),
    (
        "Угранский район (Смоленская область)",
        "школа (Рославльский район) и отряды Республики Казахстан",
        (("KZ", None),),
        "Russian places stay home; a later country does not reach back over a list separator",
    ),
    (
        "г. Смоленск",
        "районов Смоленской и Брянской областей Российской Федерации, "
        "Могилевской области Республики Беларусь (г. Кричев)",
        (("BY", "Могилевская область"), ("BY", "Кричев")),
        "coordinated areas share the country after them; a bracketed town lies in the area before it",
    ),
    (
        "г. Тверь",
        "Делегация провинции Британская Колумбия (Канада)",
        (("CA", "провинция Британская Колумбия"),),
        "a region named after another country is a place of its own country, with all its words",
    ),
    (
        "г. Тверь",
        "коллективы Британской Колумбии",
        (("CA", "Британская Колумбия"),),
        "such a region is a settlement (area) of the country that holds it, not the named country",
    ),
    (
        "с. Заречное – г. Кобдо (Монголия), видеосвязь",
        "участники",
        (("MN", "Кобдо"),),
        "a dash links two locations of a place cell: the country of one end is not the other's",
    ),
    (
        "Республика Беларусь – г. Браслав",
        "участники",
        (("BY", "Браслав"),),
        "a dash after a country alone leaves one location, which the country covers",
    ),
]


@pytest.mark.parametrize(
    ("place", "participants", "expected", "why"), ATTRIBUTION, ids=[c[3] for c in ATTRIBUTION]
)
def test_partner_attribution(
    place: str, participants: str, expected: tuple[tuple[str, str | None], ...], why: str
) -> None:
    got = enrich_event("Мероприятие", place, "", participants)
    assert tuple((p.country_code or p.country_name, p.settlement) for p in got.partners) == expected, why
    assert got.partner_countries == tuple(dict.fromkeys(k for k, _ in expected))
    assert "RU" not in got.partner_countries


def test_settlements_are_unique_and_place_cell_first() -> None:
    got = enrich_event("", "г. Витебск (Республика Беларусь)", "", "школы г. Смоленска и г. Витебска")
    assert got.settlements == ("Витебск", "Смоленск")


@pytest.mark.parametrize(
    ("title", "place", "participants", "expected"),
    [
        ("Визит делегации Республики Абхазия", "г. Тверь", "12 человек", ("AB",)),
        ("Форум «Россия – Китай»", "г. Тверь", "Предприниматели", ("CN",)),
        ("Концерт ко Дню России", "г. Тверь", "Артисты", ()),  # the home country is no partner
        ("Встреча с делегацией Республики Беларусь", "г. Минск (Республика Беларусь)", "", ("BY",)),
    ],
)
def test_a_country_the_title_alone_names_is_a_partner(
    title: str, place: str, participants: str, expected: tuple[str, ...]
) -> None:
    assert enrich_event(title, place, "Обмен опытом", participants).partner_countries == expected


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("Республика Бурятия", ("KZ",)),  # "РБ" there is the report's own republic
        ("Смоленская область", ("BY", "KZ")),  # elsewhere "РБ" is Belarus
        (None, ("BY", "KZ")),
    ],
)
def test_the_abbreviation_of_the_report_region_names_no_country(
    region: str | None, expected: tuple[str, ...]
) -> None:
    got = enrich_event("Турнир", "с. Новая Брянь Заиграевского района РБ", "", "Борцы из Казахстана", region)
    assert got.partner_countries == expected


@pytest.mark.parametrize(
    ("region", "abbreviation"),
    [
        ("Республика Бурятия", "РБ"),
        ("Кабардино-Балкарская Республика", "КБР"),
        ("Ханты-Мансийский автономный округ – Югра", "ХМАО"),
        ("Республика Саха (Якутия)", "РС"),
        ("Москва", None),
    ],
)
def test_region_abbreviation(region: str, abbreviation: str | None) -> None:
    assert region_abbreviation(region) == abbreviation
