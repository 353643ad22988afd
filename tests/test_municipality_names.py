"""Canonical municipality names: real names of several regions, each in the ways reports write it.

Real names are test data only; the rules are general. Each base name must come back unchanged
from every written variant below (the reason stands beside each variant).
"""

from __future__ import annotations

import pytest

from muniflow.contracts import contracts_dir
from muniflow.interpret import canonical_municipality
from muniflow.interpret.muni_vocabulary import VOCABULARY_NAME, vocabulary
from muniflow.interpret.municipality import municipality_name

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
    (lambda n: _narrow(n.upper()), "in capitals, cut into lines by a narrow column (PDF)"),
    (lambda n: f"3. {n}:", "numbered, with a colon after it"),
    (lambda n: f"{n} (Смоленская область)", "with the region in the nominative, in parentheses"),
    (lambda n: f"по {_dative(n)}", "in the dative after «по» («по Велижскому району»)"),
    (lambda n: _abbreviated(n), "with its kind abbreviated («г.Смоленск», «Велижский р-н»)"),
    (lambda n: _long(n), "a district by its long name («Велижский муниципальный район»)"),
    (lambda n: f"Смоленская область, {n}", "with the region before it and a comma"),
]


def _narrow(name: str) -> str:
    """A narrow column's line ends: every word longer than the column cut after 5 letters."""
    return " ".join("\n".join(w[i : i + 5] for i in range(0, len(w), 5)) for w in name.split(" "))


def _dative(name: str) -> str:
    """The dative as a clerk types it, written out here by ending (independent of pymorphy3)."""
    if name.startswith("город "):
        return "городу " + name.split(" ", 1)[1]
    adjective, _ = name.rsplit(" ", 1)
    return adjective[:-2] + ("ому" if adjective.endswith(("кий", "ый")) else "ему") + " району"


def _abbreviated(name: str) -> str:
    if name.startswith("город "):
        return "г." + name.split(" ", 1)[1]
    return name.replace(" район", " р-н")


def _long(name: str) -> str:
    return name if name.startswith("город ") else name.replace(" район", " муниципальный район")


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
        ("Моркинский муниципальный район", "Моркинский район", "«Мо» kept; a long name"),
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
            "Мари-Турекский район",
            "gender; the long name of a district",
        ),
        (
            "Администрации сельского поселения Первомайское",
            "Первомайское сельское поселение",
            "neuter kind; an adjective name goes before its kind, however written",
        ),
        ("2. Демидовский район – 2 мероприятия", "Демидовский район", "a count after a spaced dash"),
        ("Город Смоленск — сведения уточняются", "город Смоленск", "a remark after a spaced dash"),
        ("Мари-Турекский район", "Мари-Турекский район", "a hyphen inside the name is no remark"),
    ],
)
def test_special_forms(raw, expected, reason):
    assert canonical_municipality(raw) == expected, reason


# Real names of other regions (Vologda, Oryol, Irkutsk, Tomsk, Tatarstan, Nizhny Novgorod, Rostov,
# Buryatia), in forms reports use; the reason stands beside each.
OTHER_FORMS = [
    ("Администрации Кромского района", "Кромской район", "a geographical adjective in -ской, not a surname"),
    ("Администрация города Череповца", "город Череповец", "a city's name in the genitive after «города»"),
    ("Администрации города Нижнего Новгорода", "город Нижний Новгород", "two words, genitive"),
    ("Администрация города Набережные Челны", "город Набережные Челны", "a city name in apposition stays"),
    ("Администрация города Ростова-на-Дону", "город Ростов-на-Дону", "hyphenated city name, genitive"),
    ("г.Череповец", "город Череповец", "«г.» written without a space"),
    ("Администрация г. Череповца", "город Череповец", "«г.» before a name only an oblique case can read"),
    ("г. Нижнего Новгорода", "город Нижний Новгород", "«г.» before two words in the genitive"),
    ("г. Великие Луки", "город Великие Луки", "«г.» before a nominative that is a genitive's look-alike"),
    ("Администрация города Заречноград", "город Заречноград", "a name the dictionary lacks, as written"),
    # invented towns whose letters also spell a plural genitive («кленов»: of «клён», «лугов»: of «луг»)
    ("Город Кленовск", "город Кленовск", "an invented name the dictionary lacks, after «Город»"),
    ("Город Кленов", "город Кленов", "«Город» written out in the nominative: its name in apposition"),
    ("город Лугов", "город Лугов", "the same in lower case: no plural genitive put in the nominative"),
    ("г. Калуги", "город Калуга", "«г.» hides the case: a name only an oblique case reads is inflected"),
    (
        "Хредино\nмуниципальный\nокруг",
        "муниципальный округ Хредино",
        "a noun name the dictionary lacks, cut from its kind by a narrow column's line end: as on one line",
    ),
    ("Г. ЧЕРЕПОВЕЦ", "город Череповец", "«г.» in capitals"),
    ("Тотемский р-н", "Тотемский район", "«р-н» abbreviation"),
    ("Администрация Тотемского МР", "Тотемский район", "«МР» after a genitive: inflected with it"),
    ("Тотемский МО", "Тотемский муниципальный округ", "«МО» after a masculine name: an okrug"),
    ("Администрация Тотемского МО", "Тотемский муниципальный округ", "«МО» after a genitive name"),
    ("ТОТЕМСКИЙ МО", "Тотемский муниципальный округ", "«МО» after a name in capitals"),
    ("Тотемский м.р.", "Тотемский район", "«м.р.» after the name"),
    ("Тотемский м. р-н", "Тотемский район", "«м. р-н» after the name"),
    ("Ильинское с/п", "Ильинское сельское поселение", "«с/п» after the name"),
    ("Ильинское с.п.", "Ильинское сельское поселение", "«с.п.» after the name, its dot the name's last"),
    ("Тотемский район (администрация)", "Тотемский район", "a word in brackets after it starts no name"),
    ("с.п. Ильинское", "Ильинское сельское поселение", "«с.п.» abbreviation, adjective name"),
    ("сельское поселение Ильинское", "Ильинское сельское поселение", "kind before an adjective name"),
    ("IV. Вологодский район", "Вологодский район", "Roman numbering"),
    ("2) Кирилловский район.", "Кирилловский район", "numbering with a parenthesis, trailing period"),
    ("• Лесогорский район", "Лесогорский район", "a list's bullet, as a PDF or Word's own list draws it"),
    ("ТОТЕМ\nСКИЙ РАЙО\nН", "Тотемский район", "words cut by a narrow column"),
    ("Кирилловс\nкий муниципальный\nокруг", "Кирилловский муниципальный округ", "cut word, broken lines"),
    ("Муниципальное образование\nВологодский район", "Вологодский район", "a line break between words"),
    (
        "ТОТЕМСКИЙ МУНИЦИПАЛЬНЫЙ ОКРУГ\nВОЛОГОДСКОЙ ОБЛАСТИ",
        "Тотемский муниципальный округ",
        "capitals broken after the kind: two known words, not one unknown word made of them",
    ),
    ("ВЕРХОВАЖ\nСКИЙ РАЙОН", "Верховажский район", "capitals, a word cut by a narrow column still joins"),
    (
        "ВЕРХНЕКЛЮЧЕВСКИЙ\nМУНИЦИПАЛЬНЫЙ\nОКРУГ\nРЕСПУБЛИКИ\nМАРИЙ ЭЛ",
        "Верхнеключевский муниципальный округ",
        "capitals a word a line, a name the dictionary lacks: a whole kind or region word stays a word",
    ),
    ("Великоустюгскийрайон", "Великоустюгский район", "a word run into its kind (lost space)"),
    (
        "Администрация Кижингинскогорайона",
        "Кижингинский район",
        "run into its kind in the genitive (PDF line join)",
    ),
    ("по Кижингинскомурайону", "Кижингинский район", "run into its kind in the dative"),
    ("Кирилловскогомуниципального округа", "Кирилловский муниципальный округ", "run into an adjectival kind"),
    ("Ильинскоесельское поселение", "Ильинское сельское поселение", "run into «сельское»"),
    ("Городской округ «Город Череповец»", "город Череповец", "the city's district is the city"),
    ("Городской округ Череповец", "город Череповец", "same, the city named without «город»"),
    ('МО "Город Череповец"', "город Череповец", "straight quotes"),
    ("По Тотемскому району", "Тотемский район", "dative after «По»"),
    ("В Кирилловском районе", "Кирилловский район", "locative after «В»"),
    ("Тотемcкий район", "Тотемский район", "a Latin «c» typed inside a Cyrillic word"),
    ("Тотемский муниципальный округ, Вологодская область", "Тотемский муниципальный округ", "region, comma"),
    ("УСТЬ-КУТСКИЙ МУНИЦИПАЛЬНЫЙ РАЙОН", "Усть-Кутский район", "capitals, hyphenated adjective"),
    (
        "Администрация Усть-Кутского муниципального образования",
        "Усть-Кутское муниципальное образование",
        "a neuter kind after the name",
    ),
    ("Администрация ЗАТО г. Северск", "ЗАТО Северск", "a closed territory named by its town"),
    ("ГОРОД БАЙКАЛЬСК", "город Байкальск", "capitals"),
    ("Наименование МО: Тотемский район", "Тотемский район", "a label before a colon"),
    ("Муниципальное образование: Кирилловский район", "Кирилловский район", "the prefix as a label"),
    ("МР «Тотемский район»", "Тотемский район", "«МР» abbreviation, the quoted name has its kind"),
    ("ГО «Город Череповец»", "город Череповец", "«ГО» abbreviation"),
    ("СП «Ильинское»", "Ильинское сельское поселение", "«СП» abbreviation, quoted adjective"),
    ("Тотемский район Вологодской обл.", "Тотемский район", "abbreviated region"),
    ("ТОТЕМСКИЙ РАЙОН ВОЛОГОДСКАЯ ОБЛАСТЬ", "Тотемский район", "region in the nominative, capitals"),
    ("Кижингинский район, Республика Бурятия", "Кижингинский район", "a republic after a comma"),
    ("Раздел 2. Тотемский район", "Тотемский район", "a section number"),
    ("городской округ – город Череповец", "город Череповец", "a dash between the kind and the city"),
    ("Череповец городской округ", "город Череповец", "a city's name (a noun) before «городской округ»"),
    ("Шатурский городской округ", "Шатурский городской округ", "an adjective before it stays"),
    ("Отдел культуры администрации Тотемского района", "Тотемский район", "the name after «администрации»"),
    ("муниципальный округ «Кижингинский»", "Кижингинский муниципальный округ", "quoted adjective"),
    ("Вологодская область, Тотемский муниципальный округ", "Тотемский муниципальный округ", "region first"),
    ("Городской округ город-курорт Кисловодск", "город Кисловодск", "a city's honorary title in its kind"),
    ("Город-герой Новороссийск", "город Новороссийск", "an honorary title, capitalized"),
    ("Городской округ «Город Лесной»", "город Лесной", "a town named by an adjective another case spells"),
    ("Администрация г. Мирного", "город Мирный", "a town named by an adjective, in the genitive"),
    ("Тотемский р-он", "Тотемский район", "«р-он» abbreviation"),
    ("Администрация Тотемского р-на", "Тотемский район", "the abbreviation in the genitive"),
    ("Муниципальный округ город Кировск", "город Кировск", "a municipal okrug named by its city"),
    ("Городской округ ЗАТО Северск", "ЗАТО Северск", "a closed town's own kind inside another"),
    ("округ Муром", "округ Муром", "a city district's charter name: the kind «округ» before its name"),
    ("Сельское поселение «Изборская волость»", "Изборская волость", "Pskov's rural «волость»"),
    (
        "Азовский немецкий национальный муниципальный район",
        "Азовский немецкий национальный район",
        "adjectives after the first in lower case (a national district)",
    ),
]


@pytest.mark.parametrize(("raw", "expected", "reason"), OTHER_FORMS)
def test_forms_of_other_regions(raw, expected, reason):
    assert canonical_municipality(raw) == expected, reason
    assert municipality_name(raw) == expected, "built like a municipality's name: " + reason


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("Приложение 1", "an appendix: a number, a common noun"),
        ("Таблица 2", "a table's caption"),
        ("Статья 33 Устава Вологодской области", "an article of a law"),
        ("Информация о мероприятиях", "a document's title"),
        ("Информация о мероприятиях Тотемского района", "a title naming a district is still a title"),
        ("Итого: 3 мероприятия", "totals"),
        ("за 3 квартал 2025 г.", "a period"),
        ("Приложение 2 к постановлению Администрации города Череповца", "a reference"),
    ],
)
def test_other_headings_are_not_municipalities(raw, reason):
    assert municipality_name(raw) is None, reason
    assert municipality_name(raw, bare=True) is None, reason


def test_kind_words_come_from_the_contract(tmp_path, monkeypatch):
    """A kind the contract lists is read as one in every case («улус», a district of Yakutia); the
    same contract without it reads the words as no municipality: the vocabulary is data, not code."""
    written = "Администрация Мегино-Кангаласского улуса"
    assert municipality_name(written) == "Мегино-Кангаласский улус"
    text = (contracts_dir() / VOCABULARY_NAME).read_text(encoding="utf-8")
    without = "\n".join(line for line in text.splitlines() if line.strip() != "- улус")
    (tmp_path / VOCABULARY_NAME).write_text(without.replace("улус, ", ""), encoding="utf-8")
    monkeypatch.setenv("MUNIFLOW_CONTRACTS_DIR", str(tmp_path))
    assert "улус" not in vocabulary().kind_words
    assert municipality_name(written) is None


def test_a_village_before_a_name_is_no_abbreviated_settlement():
    assert "поселение" not in canonical_municipality("с. Пушкино"), "«с. П…» is no «с.п.»"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Информация о мероприятиях, проведённых в городе Смоленске во II квартале", "город Смоленск"),
        ("Отчёт по городу Белозорску", "город Белозорск"),
        ("АДМИНИСТРАЦИЯ ГОРОДА-КУРОРТА КИСЛОВОДСКА", "город Кисловодск"),
        ("мероприятия в городе-курорте Кисловодске", "город Кисловодск"),
        ("Глава города-героя Новороссийска", "город Новороссийск"),
        ("Глава города Каменска-Уральского", "город Каменск-Уральский"),
        ("Администрация Усть-Кутского района", "Усть-Кутский район"),
        ("Администрация Гаврилов-Ямского района", "Гаврилов-Ямский район"),
        ("в городе Великие Луки", "город Великие Луки"),
    ],
)
def test_a_settlement_named_in_any_case_and_honorary_title_reads_in_the_nominative(text, expected):
    """A city's name after «городе», «городу» (not only «города») is put in the nominative, a
    hyphenated place's first part too where it is a place's name in that case; an honorary title
    («города-курорта») in any case is the kind «город»; a name in apposition stays."""
    from muniflow.interpret.nil import municipality_in_text

    assert municipality_in_text(text) == expected


# A subject of the federation is never a municipality, though an okrug's kind word is one.
@pytest.mark.parametrize(
    ("text", "wanted", "reason"),
    [
        ("Энский автономный округ", None, "an autonomous okrug: a region"),
        ("Энская автономная область", None, "an autonomous oblast: a region"),
        ("Энская область", None, "an oblast"),
        ("Энский муниципальный округ", "Энский муниципальный округ", "a municipal okrug is one"),
        ("Энский городской округ", "Энский городской округ", "so is an urban okrug"),
    ],
)
def test_a_region_is_no_municipality(text, wanted, reason):
    assert municipality_name(text) == wanted, reason


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        (
            "Внутригородское муниципальное образование Санкт-Петербурга муниципальный округ Кленовый",
            "Кленовый муниципальный округ",
        ),
        (
            "внутригородское муниципальное образование города федерального значения Санкт-Петербурга"
            " пос. Озёрки",
            "поселок Озёрки",
        ),
        (
            "внутригородское муниципальное образование города Севастополя Энский муниципальный округ",
            "Энский муниципальный округ",
        ),
        (
            "внутригородское муниципальное образование города федерального значения Севастополя Озёрный"
            " муниципальный округ",
            "Озёрный муниципальный округ",
        ),
        (
            "Внутригородское муниципальное образование – муниципальный округ Кленовники в городе Москве",
            "муниципальный округ Кленовники",
        ),
        (
            "ВНУТРИГОРОДСКОЕ МУНИЦИПАЛЬНОЕ ОБРАЗОВАНИЕ САНКТ-ПЕТЕРБУРГА МУНИЦИПАЛЬНЫЙ ОКРУГ КЛЕНОВЫЙ",
            "Кленовый муниципальный округ",
        ),
    ],
)
def test_a_federal_citys_inner_municipality_is_named_by_its_own_name(heading, expected):
    """A federal city's municipality written in full (`inner_city_prefix` and the city before its own
    name, the city after it) is a heading of its own name, not «Внутригородское муниципальное образование»."""
    assert municipality_name(heading) == expected
    assert canonical_municipality(heading) == expected


@pytest.mark.parametrize(
    ("heading", "expected", "reason"),
    [
        ("ЗАТО п. Кленовый", "ЗАТО Кленовый", "a closed town's settlement noun, as «ЗАТО г.» is"),
        ("ЗАТО пос. Озёрный", "ЗАТО Озёрный", "«пос.»"),
        ("поселение Кленовское", "поселение Кленовское", "Moscow's settlement: its kind before the name"),
        ("поселение «Озёрское»", "поселение Озёрское", "in quotes"),
        ("Кленовский мун. район", "Кленовский район", "«муниципальный» cut short"),
        ("Кленовский муниц. округ", "Кленовский муниципальный округ", "«муниц.»"),
        ("Кленовский м.о.", "Кленовский муниципальный округ", "«м.о.» after a masculine adjective, as «МО»"),
    ],
)
def test_kinds_written_short_or_before_the_name_make_a_heading(heading, expected, reason):
    """Each is a municipality's heading (its rows had gone to the municipality before it)."""
    assert municipality_name(heading) == expected, reason


@pytest.mark.parametrize(
    "heading",
    ["Муниципальное образование Кленовское", "МО «Кленовское»", "муниципального образования «Кленовское»"],
)
def test_a_formation_named_by_a_neuter_adjective_after_its_kind_is_a_heading(heading):
    """«Муниципальное образование «Энское»» is «Энское муниципальное образование», as «Энское МО» is:
    a heading (its rows had gone to the municipality above it)."""
    assert municipality_name(heading) == "Кленовское муниципальное образование"


@pytest.mark.parametrize(
    "title",
    [
        "Информация о мероприятиях Администрации ЗАТО п. Кленово за II квартал 2031 г.",
        "Отчёт администрации ЗАТО Кленово, II квартал",
    ],
)
def test_a_closed_towns_own_report_names_it_in_its_title(title):
    """«ЗАТО» stands for the kind in a title as «г.» does: the closed town whose report it is."""
    from muniflow.interpret.nil import municipality_in_text

    assert municipality_in_text(title) == "ЗАТО Кленово"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("муниципальный округ Кленовский район", "Кленовский район"),
        ("сельское поселение Кленовский сельсовет", "Кленовский сельсовет"),
        ("Сельское поселение сумон Кленовый-Даг", "сумон Кленовый-Даг"),
        ("сумон Кленовый-Даг", "сумон Кленовый-Даг"),
        ("Кленовское СМО", "Кленовское сельское муниципальное образование"),
    ],
)
def test_an_outer_kind_before_a_whole_name_is_the_regions_official_wording(heading, expected):
    """A kind before a name that has its own kind (Bashkortostan's «сельское поселение Энский
    сельсовет», YaNAO's «муниципальный округ Энский район», Tuva's «сельское поселение сумон Энск»)
    names the municipality by the inner name; Kalmykia's «СМО» is written out."""
    assert municipality_name(heading) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Информация, представленная Администрацией Энско-\nКленовского района за II квартал",
            "Энско-Кленовский район",
        ),
        ("Администрации Барун-\nКленовского кожууна", "Барун-Кленовский кожуун"),
        ("Администрации Барун- Кленовского кожууна", "Барун-Кленовский кожуун"),  # lines joined by a space
        ("Отчёт Администрации Кленовского района за II квар-\nтал", "Кленовский район"),
    ],
)
def test_a_hyphenated_name_a_title_line_broke_at_its_hyphen_is_one_name(title, expected):
    """A PDF's title line ending at a name's hyphen, a capital opening the next line, holds one name
    (the part after the hyphen alone had been read as the municipality)."""
    from muniflow.interpret.nil import municipality_in_text

    assert municipality_in_text(title) == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Кленовский район городского округа город Энск", "Кленовский район городского округа город Энск"),
        (
            "Ольховский внутригородской район городского округа Энск",
            "Ольховский внутригородской район городского округа Энск",
        ),
        ("Кленовский район города Энска", "Кленовский район города Энска"),
    ],
)
def test_a_citys_district_named_with_its_city_keeps_the_city(heading, expected):
    """A city's district written with its city in the genitive (Samara's, Ufa's, Makhachkala's
    «внутригородской район») is a municipality of its own, named with the city: read as the
    district alone it was another municipality, one of the region's districts of the same adjective."""
    assert municipality_name(heading) == expected


def test_an_adjective_in_brackets_inside_a_name_is_part_of_it():
    """Yakutia's «Энский национальный (долгано-эвенкийский) улус (район)»: the bracketed adjective
    inside the name is one of its words (the name had been no heading)."""
    heading = "Кленовский национальный (долгано-эвенкийский) улус (район)"
    assert municipality_name(heading) == "Кленовский национальный (долгано-эвенкийский) улус"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        (
            "Кленовский муниципальный округ, глава администрации Петров Иван Сергеевич",
            "Кленовский муниципальный округ",
        ),
        ("городской округ «Город Кленовск», глава администрации Петрова А.В.", "город Кленовск"),
    ],
)
def test_a_remark_after_a_comma_closing_a_name_names_no_other(heading, expected):
    """The head of administration after a comma closing the name: «администрации» in the remark
    had started the name, and the head's name was read as the municipality."""
    assert municipality_name(heading) == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("городской округ Энской области «Кленовск»", "город Кленовск"),
        ("городской округ Республики Энсия «Кленовск»", "город Кленовск"),
        ("муниципальный округ Энского края «Кленовский»", "Кленовский муниципальный округ"),
    ],
)
def test_the_region_between_a_kind_and_its_quoted_name_is_taken_off(heading, expected):
    """«городской округ Архангельской области «Котлас»», as a region's charter names it: the region
    between the kind and the quoted name had been read as the name («Энской городской округ»)."""
    assert municipality_name(heading) == expected


def test_a_citys_district_with_its_city_abbreviated_is_one_name():
    """«г. Энска» after a city's district names its city as «города Энска» does: one name."""
    expected = "Кленовский внутригородской район города Энска"
    assert municipality_name("Кленовский внутригородской район г. Энска") == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Муниципальный район: Кленовский", "Кленовский район"),
        ("Городской округ: город Кленовск", "город Кленовск"),
        ("Сельское поселение: Кленовское", "Кленовское сельское поселение"),
    ],
)
def test_a_kind_as_the_label_of_a_name_is_its_kind(heading, expected):
    """A kind before a colon labels the name after it: the kind and the name are one name (the
    heading had been no municipality's)."""
    assert municipality_name(heading) == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Район: Ольховский", "Ольховский район"),
        ("РАЙОН: ОЛЬХОВСКИЙ", "Ольховский район"),
        ("Округ: Ольховский", "Ольховский округ"),
        ("Сельсовет: Ольховский", "Ольховский сельсовет"),
        ("Муниципальное образование: Ольховское", "Ольховское муниципальное образование"),
        # a name with a kind of its own: the bare kind is a label, taken off
        ("Район: город Ольховск", "город Ольховск"),
        ("Район: Ольховский район", "Ольховский район"),
    ],
)
def test_a_bare_kind_as_the_label_of_an_adjective_name_is_its_kind(heading, expected):
    """A one-word kind before a colon, an adjective agreeing with it after it («Район: Энский»): the
    name before its kind, as a heading spanning the table too (read bare, it had been «Энский»)."""
    assert municipality_name(heading) == expected
    assert municipality_name(heading, bare=True) == expected


@pytest.mark.parametrize("heading", ["Район: Ольховская", "Муниципальное образование: Ольховский"])
def test_a_kind_label_before_an_adjective_of_another_gender_stays_a_label(heading):
    """An adjective that does not agree with the kind before the colon is not its name («Район:
    Ольховская»): the label is taken off, as before."""
    assert municipality_name(heading, bare=True) == heading.split(": ")[1]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Кленовский муниципальный район. Глава района – Петров И.С.", "Кленовский район"),
        ("Кленовский муниципальный округ. Глава округа: Петрова А.В.", "Кленовский муниципальный округ"),
    ],
)
def test_a_name_closing_a_sentence_is_found_in_a_heading(heading, expected):
    """A heading whose name a full stop closes, a remark after it: the kind noun with its stop is
    still a kind noun (the heading had been skipped as a note, its rows the municipality's above)."""
    from muniflow.interpret.nil import municipality_in_text

    assert municipality_in_text(heading) == expected


@pytest.mark.parametrize(
    "heading",
    [
        "Кленовский район городского округа город Энск, по состоянию на 01.10.2031 г.",
        "Кленовский район городского округа город Энск. Глава – Петров И.С.",
    ],
)
def test_a_remark_after_a_citys_district_is_no_part_of_its_city(heading):
    """A remark after the city of a city's district (a comma's, a full stop's) is no part of the
    city's name: read with it, each heading of one district was a name of its own."""
    assert municipality_name(heading) == "Кленовский район городского округа город Энск"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        (
            "Ольховское сельское поселение Кленовского района",
            "Ольховское сельское поселение Кленовского района",
        ),
        (
            "Ольховское городское поселение Кленовского муниципального района Энской области",
            "Ольховское городское поселение Кленовского муниципального района",
        ),
        ("Берёзовский сельсовет Кленовского района", "Берёзовский сельсовет Кленовского района"),
    ],
)
def test_a_settlement_named_with_its_district_keeps_the_district(heading, expected):
    """A settlement written with the district that holds it, in the genitive, is the settlement
    (named with its district, as a city's district keeps its city): it had been read as the
    district, its rows the district's."""
    assert municipality_name(heading) == expected


def test_a_district_named_with_another_district_is_no_settlement():
    """Only a settlement's kind before a district's makes the pair one name."""
    assert municipality_name("Ольховский район Кленовского района") is None
