"""Done-when of issue 11: a report of our own making that names partners from more than 40
countries — in every grammatical case, by official long forms, abbreviations and adjectives — gets
every partner country right, and none of its foreign towns is stored as a Russian settlement.

Checked twice: through the enrichment function, and through a warehouse load (event_partners,
events, and the `countries` table)."""

from __future__ import annotations

from dataclasses import replace

import pytest
import warehouse_fixtures
from warehouse_fixtures import load, make_report, make_row

from muniflow.enrich import enrich_event

fresh_db = warehouse_fixtures.fresh_db
HOME_PLACE = "г. Смоленск"
HOME_SETTLEMENTS = {"Смоленск"}

# (participants cell, expected partner countries in order, foreign towns {town: country}, why)
PARTNERS: list[tuple[str, tuple[str, ...], dict[str, str], str]] = [
    ("делегация из Бразилии", ("BR",), {}, "short name, genitive after «из»"),
    ("встреча с Норвегией", ("NO",), {}, "short name, instrumental"),
    ("переговоры с Федеративной Республикой Германия", ("DE",), {}, "official form, instrumental"),
    ("ансамбль из г. Бангкок (Королевство Таиланд)", ("TH",), {"Бангкок": "TH"}, "official form"),
    ("представители КНР", ("CN",), {}, "abbreviation (supplement)"),
    ("белорусские школьники", ("BY",), {}, "adjective (supplement)"),
    ("гости из Соединенных Штатов Америки", ("US",), {}, "official form, genitive plural"),
    ("ансамбль Аргентинской Республики", ("AR",), {}, "official form, genitive"),
    ("студенты из Вьетнама", ("VN",), {}, "short name, genitive"),
    ("выставка в Республике Индия", ("IN",), {}, "official form, prepositional"),
    ("партнеры из Японии", ("JP",), {}, "genitive"),
    ("южнокорейские партнеры", ("KR",), {}, "adjective"),
    ("делегация КНДР", ("KP",), {}, "CLDR abbreviation"),
    ("хор г. Ереван (Республика Армения)", ("AM",), {"Ереван": "AM"}, "town with its country"),
    ("представители Азербайджанской Республики", ("AZ",), {}, "official adjective form"),
    ("школьники г. Бишкек", ("KG",), {"Бишкек": "KG"}, "a capital alone is still abroad"),
    ("спортсмены Республики Таджикистан", ("TJ",), {}, "official form, genitive"),
    ("туркменские студенты", ("TM",), {}, "adjective"),
    ("делегация Республики Молдова", ("MD",), {}, "official form"),
    ("фестиваль в Грузии", ("GE",), {}, "prepositional"),
    ("монгольская делегация", ("MN",), {}, "adjective, feminine"),
    ("оркестр г. Нови-Сад (Республика Сербия)", ("RS",), {"Нови-Сад": "RS"}, "a town not in the supplement"),
    ("переговоры с Исламской Республикой Иран", ("IR",), {}, "official form, instrumental"),
    ("турецкие партнеры", ("TR",), {}, "adjective, plural"),
    ("гости из Арабской Республики Египет", ("EG",), {}, "official form"),
    ("обмен с Республикой Куба", ("CU",), {}, "official form, instrumental"),
    ("музыканты из Венесуэлы", ("VE",), {}, "genitive"),
    ("посольство Французской Республики", ("FR",), {}, "official form, genitive"),
    ("итальянские художники", ("IT",), {}, "adjective"),
    ("хор г. Пловдив (Республика Болгария)", ("BG",), {"Пловдив": "BG"}, "town with official country"),
    ("гости из Латвийской Республики", ("LV",), {}, "official form"),
    ("студенты Литовской Республики", ("LT",), {}, "official form"),
    ("эстонские коллеги", ("EE",), {}, "adjective"),
    ("гости из Финляндской Республики", ("FI",), {}, "ISO official form in Russian"),
    ("делегация Королевства Швеция", ("SE",), {}, "kingdom, genitive"),
    ("встреча с Королевством Дания", ("DK",), {}, "kingdom, instrumental"),
    ("делегация Королевства Нидерландов", ("NL",), {}, "official form with a genitive plural"),
    ("посольство Королевства Бельгия", ("BE",), {}, "kingdom"),
    ("гости из Австрийской Республики", ("AT",), {}, "official form"),
    ("делегация Швейцарской Конфедерации", ("CH",), {}, "confederation"),
    ("танцоры из Испании", ("ES",), {}, "genitive"),
    ("гости Португальской Республики", ("PT",), {}, "official form"),
    ("чешские волонтеры", ("CZ",), {}, "adjective"),
    ("делегация Венгрии", ("HU",), {}, "genitive"),
    ("специалисты Румынии", ("RO",), {}, "genitive"),
    ("делегация Соединенного Королевства Великобритании и Северной Ирландии", ("GB",), {}, "longest form"),
    ("студенты из Канады", ("CA",), {}, "genitive"),
    ("гости из Мексиканских Соединенных Штатов", ("MX",), {}, "official form containing another's name"),
    ("переговоры с Республикой Чили", ("CL",), {}, "indeclinable name"),
    ("перуанские музыканты", ("PE",), {}, "adjective"),
    ("делегация Республики Колумбия", ("CO",), {}, "official form"),
    ("представители ЮАР", ("ZA",), {}, "abbreviation"),
    ("делегация Федеративной Демократической Республики Эфиопия", ("ET",), {}, "four-word official form"),
    ("гости из Объединенных Арабских Эмиратов", ("AE",), {}, "plural name"),
    ("делегация Королевства Саудовская Аравия", ("SA",), {}, "kingdom with a two-word name"),
    ("школьники г. Сухум (Республика Абхазия)", ("AB",), {"Сухум": "AB"}, "partially recognized state"),
    ("ансамбль из Южной Осетии", ("OS",), {}, "partially recognized state, genitive"),
    ("спортсмены г. Алматы", ("KZ",), {"Алматы": "KZ"}, "big city alone"),
    ("учителя г. Орша (РБ)", ("BY",), {"Орша": "BY"}, "abbreviation after a town"),
    ("делегация Лаосской Народно-Демократической Республики", ("LA",), {}, "hyphenated official form"),
    ("студенты из Малайзии", ("MY",), {}, "genitive"),
    ("гости из Республики Индонезия", ("ID",), {}, "official form"),
    ("коллеги из г. Харбин (КНР)", ("CN",), {"Харбин": "CN"}, "town with an abbreviated country"),
    ("делегации Казахстана и Узбекистана", ("KZ", "UZ"), {}, "two countries in one cell"),
]


def test_the_report_is_as_varied_as_promised() -> None:
    countries = {code for _, codes, _, _ in PARTNERS for code in codes}
    assert len(countries) >= 40


@pytest.mark.parametrize(("participants", "codes", "towns", "why"), PARTNERS, ids=[p[3] for p in PARTNERS])
def test_enrichment_names_every_partner_country(participants, codes, towns, why) -> None:
    got = enrich_event("Международный фестиваль", HOME_PLACE, "Обмен опытом", participants)
    assert got.partner_countries == codes, why
    located = {(p.settlement, p.country_code) for p in got.partners if p.settlement}
    assert located == set(towns.items()), f"{why}: every foreign town with its country"
    # a settlement that is no partner's place is a Russian one: only the home town may be
    assert set(got.settlements) - {town for town, _ in located} == HOME_SETTLEMENTS, why


def test_warehouse_load_keeps_every_partner_country_and_no_foreign_town_at_home(fresh_db) -> None:
    rows = tuple(
        make_row(i, place_raw=HOME_PLACE, place=HOME_PLACE, participants_raw=text, participants=text)
        for i, (text, *_) in enumerate(PARTNERS)
    )
    load(fresh_db, "world", replace(make_report(0), rows=rows))
    got = fresh_db.execute(
        """
        select e.row_index, e.partner_countries, e.settlements,
               list(p.country_code order by p.position) filter (where p.country_code is not null),
               list(p.settlement || '=' || p.country_code) filter (where p.settlement is not null),
               list(c.name_ru) filter (where c.code is null and p.country_code is not null)
        from events as e
        left join event_partners as p using (event_id)
        left join countries as c on c.code = p.country_code
        group by all
        order by e.row_index
        """
    ).fetchall()
    assert len(got) == len(PARTNERS)
    for position, (row, case) in enumerate(zip(got, PARTNERS, strict=True)):
        index, partner_countries, settlements, codes, placed, unknown = row
        _, expected, towns, why = case
        assert index == position
        assert tuple(partner_countries) == expected, why
        assert set(codes or []) == set(expected) and not unknown, f"{why}: codes are in `countries`"
        assert set(placed or []) == {f"{t}={c}" for t, c in towns.items()}, why
        assert set(settlements) - set(towns) == HOME_SETTLEMENTS, f"{why}: no foreign town at home"
