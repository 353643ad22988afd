"""Place names found in a text and put in the nominative (pymorphy3), with the reason for each case."""

from __future__ import annotations

import pytest

from muniflow.enrich import find_countries, find_places
from muniflow.enrich.places import AREA, LOCALITY, place_names

INFLECTION = [
    # (text, expected nominative names, why)
    ("г. Минска", ("Минск",), "genitive masculine town after the 'г.' marker"),
    ("г. Витебска", ("Витебск",), "genitive masculine town"),
    ("Могилевской области", ("Могилевская область",), "adjective agrees with the feminine area noun"),
    ("Оршанского района", ("Оршанский район",), "adjective agrees with the masculine area noun"),
    ("Великого Новгорода", ("Великий Новгород",), "two-word name: adjective and noun both inflected"),
    ("Санкт-Петербурга", ("Санкт-Петербург",), "hyphenated name keeps both capitals"),
    ("дер. Дугино", ("Дугино",), "indeclinable village name is kept as written"),
    ("пос. Шумячи", ("Шумячи",), "plural-only settlement name already nominative"),
    ("пгт Сосновый Бор", ("Сосновый Бор",), "an abbreviation of several letters written without its dot"),
    ("г. Могилева", ("Могилев",), "dictionary form has ё; the text wrote е, so е is kept"),
    ("г. Гродно", ("Гродно",), "indeclinable town"),
    ("г. Починок", ("Починок",), "a name that is also a common noun, already nominative"),
    ("г. Гагарин", ("Гагарин",), "a town that is also a surname, after a marker"),
    ("Керчи, Тулы, Самары", ("Керчь", "Тула", "Самара"), "bare feminine town names in the genitive"),
    ("в г. Нижнем Новгороде", ("Нижний Новгород",), "prepositional case of a two-word name"),
    ("г. Великих Лук", ("Великие Луки",), "plural two-word name stays plural"),
    ("Смоленская обл., г. Смоленск", ("Смоленская область", "Смоленск"), "'обл.' abbreviation expands"),
    ("г. Горки", ("Горки",), "a plural-only place the dictionary knows, written in the nominative"),
    ("с. Мостищи", ("Мостищи",), "an unknown name with a plural nominative reading stays as written"),
    ("д. Сосенки", ("Сосенки",), "a common noun's plural nominative: the name as written"),
    ("д. Лыково", ("Лыково",), "a guessed short adjective is no reading of a name: kept as written"),
    ("с. Ималастуй", ("Ималастуй",), "an unknown word guessed as a verb is not inflected into a participle"),
    ("г. Советского", ("Советский",), "an adjective name agrees with 'город' (masculine)"),
    ("г. Лесного", ("Лесной",), "an adjective name agrees with 'город', whatever the likeliest gender"),
    ("с. Раздольного", ("Раздольное",), "an adjective name agrees with 'село' (neuter)"),
    ("города Советского", ("Советский",), "the marker written out gives the gender as well"),
    ("г. Ершова", ("Ершов",), "a feminine surname reading is no nominative of a town"),
    ("Ханты-Мансийского автономного округа", ("Ханты-Мансийский автономный округ",), "several adjectives"),
    (
        "Смоленской и Брянской областей",
        ("Смоленская область", "Брянская область"),
        "coordinated adjectives share one plural area noun",
    ),
    (
        "Велижского и Смоленского районов",
        ("Велижский район", "Смоленский район"),
        "coordinated districts",
    ),
]


@pytest.mark.parametrize(("text", "expected", "why"), INFLECTION, ids=[c[0] for c in INFLECTION])
def test_place_names_are_nominative(text: str, expected: tuple[str, ...], why: str) -> None:
    assert place_names(text) == expected, why


FINDING = [
    # (text, expected names once country names are set aside, why)
    ("МБУК ДК микрорайона Гнездово", (), "a part of a town is not a settlement"),
    ("посвященный 90-летию Ю.А. Гагарина", (), "a surname after initials is a person"),
    ("Председатель С. Кривко", (), "a capital initial 'С.' is not the village marker 'с.'"),
    ("в 2024 г. провели", (), "'г.' after a year means year"),
    ("ГУО «Средняя школа № 5 г. Кричев»", ("Кричев",), "a marked town inside a quoted name still counts"),
    ("ГУО «Могилевская детская школа искусств»", (), "an adjective in a quoted name is no place"),
    ("литературный союз «Полоцкая ветвь»", (), "a quoted name is no place"),
    ("Витебского городского исполнительного комитета", (), "an institution's adjective is no place"),
    ("ДМШ городов Смоленской области", ("Смоленская область",), "'городов' before an area names the area"),
    ("представитель Республики Мордовия", ("Республика Мордовия",), "a republic that is no country"),
    ("делегация провинции Хэбэй (КНР)", ("провинция Хэбэй",), "a foreign area after its noun, as written"),
    (
        "сомон Баян-Адрага аймака Хэнтий (Монголия)",
        ("сомон Баян-Адрага", "аймак Хэнтий"),
        "a district and its province, each after its noun",
    ),
    ("коллективы из провинции Китая", (), "a country after the noun is no area's name"),
    ("городов Республики Беларусь (Минск, Могилев)", ("Минск", "Могилев"), "the country is not a place"),
    ("нашего Смоленского района", ("Смоленский район",), "a lowercase word before the name is not in it"),
    (
        "с. Раздольное Лесного района",
        ("Раздольное", "Лесной район"),
        "an adjective in another case than the area noun is not part of the area's name",
    ),
    ("набережная р. Десна", (), "'р.' is a river, not a settlement"),
    ("берег оз. Ильмень", (), "'оз.' is a lake"),
    ("платформа Мояшкола", (), "a name after 'платформа' is an online platform"),
    ("представители государств – участников СНГ", (), "a union of states is no place"),
    ("гости из Прибалтики и Закавказья", (), "a macro-region is no settlement or area"),
    ("делегации Скандинавии и Кавказа", (), "a macro-region is no settlement or area"),
]


@pytest.mark.parametrize(("text", "expected", "why"), FINDING, ids=[c[0] for c in FINDING])
def test_which_words_are_places(text: str, expected: tuple[str, ...], why: str) -> None:
    taken = tuple((c.start, c.end) for c in find_countries(text) if not c.adjective)
    assert tuple(m.name for m in find_places(text, taken)) == expected, why


def test_kinds_and_positions() -> None:
    text = "г. Браслав, Витебская область"
    found = find_places(text)
    assert [(m.name, m.kind) for m in found] == [("Браслав", LOCALITY), ("Витебская область", AREA)]
    assert [text[m.start : m.end] for m in found] == ["г. Браслав", "Витебская область"]
