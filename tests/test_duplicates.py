"""duplicate_event: pairs that are one event, near misses that are two, and the seed report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rowfactory import dated_row

from muniflow.model import Row
from muniflow.rules import places, titles
from muniflow.rules.duplicates import find_duplicates, load_config

CFG = load_config()


def make_row(
    title: str,
    place: str,
    start: str | None,
    end: str | None = None,
    municipality: str = "Муниципальное образование «Тестовский район»",
    index: int = 0,
) -> Row:
    """A normalized row with only what the rule reads filled in."""
    return dated_row(title, place, start, end, municipality, index)


def flagged_pair(a: Row, b: Row) -> bool:
    """Whether the rule calls two rows one event."""
    flags = find_duplicates([(("r1", 0), a), (("r2", 0), b)])
    return len(flags) == 1


SAME = [
    # (reason, (title, place, start, end), (title, place, start, end))
    (
        "inflection and a leading «Участие в»",
        ("Международный фестиваль «Славянский венок»", "г. Ельня", "2024-05-10", None),
        ("Участие в Международном фестивале «Славянский венок»", "г. Ельня", "2024-05-10", None),
    ),
    (
        "guillemets, straight and German quotes are one name",
        ("Концерт «Дружба народов»", "г. Ельня", "2024-05-10", None),
        ("Концерт „Дружба народов“", "г. Ельня", "2024-05-10", None),
    ),
    (
        "straight quotes and letter case",
        ("КОНЦЕРТ «ДРУЖБА НАРОДОВ»", "г. Ельня", "2024-05-10", None),
        ('Концерт "Дружба народов"', "г. Ельня", "2024-05-10", None),
    ),
    (
        "en dash, em dash and hyphen",
        ("Фестиваль-конкурс «Радуга – 2024»", "г. Ельня", "2024-05-10", None),
        ("Фестиваль — конкурс «Радуга-2024»", "г. Ельня", "2024-05-10", None),
    ),
    (
        "a Roman numeral typed with Cyrillic Х and a Latin I",
        ("ХХI Международный турнир по самбо", "г. Демидов", "2024-04-12", "2024-04-14"),
        ("XXI Международный турнир по самбо", "г. Демидов", "2024-04-12", "2024-04-14"),
    ),
    (
        "one report omits the edition number",
        ("V Международный форум «Диалог культур»", "г. Демидов", "2024-04-12", None),
        ("Международный форум «Диалог культур»", "г. Демидов", "2024-04-12", None),
    ),
    (
        "words reordered",
        ("Российско-белорусский молодежный форум «Вместе»", "г. Демидов", "2024-06-01", None),
        ("Молодежный российско-белорусский форум «Вместе»", "г. Демидов", "2024-06-01", None),
    ),
    (
        "a town and the district named after it",
        ("Праздник «Русская березка»", "г. Ельня (Смоленская область)", "2024-06-20", None),
        ("Праздник «Русская березка»", "Ельнинский район", "2024-06-20", None),
    ),
    (
        "a district written in the genitive",
        ("Праздник «Русская березка»", "территория Ельнинского района", "2024-06-20", None),
        ("Праздник «Русская березка»", "город Ельня", "2024-06-20", None),
    ),
    (
        "date ranges overlap on one day",
        ("Слет «Дружба»", "г. Ельня", "2024-06-10", "2024-06-12"),
        ("Слет «Дружба»", "г. Ельня", "2024-06-12", "2024-06-14"),
    ),
    (
        "one copy adds a dedication to the same name",
        ("Праздничная программа «Мы вместе»", "г. Ельня", "2024-06-12", None),
        ("Праздничная программа «Мы вместе», посвященная Дню России", "г. Ельня", "2024-06-12", None),
    ),
    (
        "«Организация и проведение» is filler",
        ("Организация и проведение турнира по шахматам «Белая ладья»", "г. Ельня", "2024-04-03", None),
        ("Турнир по шахматам «Белая ладья»", "г. Ельня", "2024-04-03", None),
    ),
    (
        "ё and е",
        ("Соревнования по лёгкой атлетике «Звёздный старт»", "г. Ельня", "2024-04-03", None),
        ("Соревнования по легкой атлетике «Звездный старт»", "г. Ельня", "2024-04-03", None),
    ),
    (
        "a place naming two towns is compatible with either",
        ("Гастроли театра «Буфф»", "г. Витебск, г. Минск (Республика Беларусь)", "2024-04-03", None),
        ("Гастроли театра «Буфф»", "г. Минск", "2024-04-03", None),
    ),
    (
        "no place on either side, but the same title and day",
        ("Международная акция «Сад памяти»", "", "2024-05-05", None),
        ("Участие в международной акции «Сад памяти»", "", "2024-05-05", None),
    ),
    (
        "a typo in one word",
        ("Международный фестваль «Славянский венок»", "г. Ельня", "2024-05-10", None),
        ("Международный фестиваль «Славянский венок»", "г. Ельня", "2024-05-10", None),
    ),
    (
        "a long title with one word put differently",
        (
            "Торжественная программа «Под мирным небом», посвященная Дню памяти и скорби жителей района",
            "г. Демидов",
            "2024-06-22",
            None,
        ),
        (
            "Торжественный концерт «Под мирным небом», посвященный Дню памяти и скорби жителей района",
            "Демидовский район",
            "2024-06-22",
            None,
        ),
    ),
    (
        "a short title with an epithet added",
        ("Концерт «Дружба»", "г. Ельня", "2024-05-10", None),
        ("Праздничный концерт «Дружба»", "г. Ельня", "2024-05-10", None),
    ),
    (
        "an edition and a genre word added, a dedication dropped",
        (
            "Международный фестиваль «Звездный берег», посвященный Дню молодежи",
            "г. Гомель",
            "2024-06-25",
            None,
        ),
        ("Участие в XII Международном фестивале искусств «Звездный берег»", "г. Гомель", "2024-06-25", None),
    ),
    (
        "one copy names the concert and its festival, the other only the festival",
        (
            "Концерт «Весенние голоса» в рамках Международного фестиваля «Славянские встречи»",
            "г. Ельня",
            "2024-04-27",
            None,
        ),
        ("Участие в Международном фестивале «Славянские встречи», концерт", "г. Ельня", "2024-04-27", None),
    ),
    (
        "the host names its venue, the guest the town",
        ("Международный фестиваль «Славянский базар»", "Концертный зал «Славянский»", "2024-07-10", None),
        ("Участие в Международном фестивале «Славянский базар»", "г. Витебск", "2024-07-10", None),
    ),
    (
        "one venue written in quotes and without",
        ("Международная акция «Сад памяти»", "МБУК «Ельнинский РДК»", "2024-05-05", None),
        (
            "Участие в международной акции «Сад памяти»",
            "Ельнинский районный Дом культуры",
            "2024-05-05",
            None,
        ),
    ),
    (
        "one venue in quotes, two ways of naming it",
        ("Международная акция «Сад памяти»", "МБУК «Ельнинский РДК»", "2024-05-05", None),
        (
            "Участие в международной акции «Сад памяти»",
            "«Ельнинский районный Дом культуры»",
            "2024-05-05",
            None,
        ),
    ),
    (
        "a number on one side only (the year of the edition) does not part them",
        ("Фестиваль «Славянский венок – 2024»", "г. Ельня", "2024-05-10", None),
        ("Участие в фестивале «Славянский венок»", "г. Ельня", "2024-05-10", None),
    ),
    (
        "an abbreviation and its expansion (contracts/duplicates.yaml same_words)",
        ("Концерт, посвященный 79-й годовщине Победы в ВОВ", "г. Ельня", "2024-05-09", None),
        (
            "Концерт, посвященный 79-й годовщине Победы в Великой Отечественной войне",
            "г. Ельня",
            "2024-05-09",
            None,
        ),
    ),
    (
        "an abbreviated venue in the title",
        ("Концерт белорусских артистов в ДК", "г. Ельня", "2024-05-10", None),
        ("Концерт белорусских артистов в Доме культуры", "г. Ельня", "2024-05-10", None),
    ),
    (
        "a country by its abbreviation and by its full name",
        ("Встреча с делегацией КНР", "г. Ельня", "2024-05-16", None),
        ("Встреча с делегацией Китайской Народной Республики", "г. Ельня", "2024-05-16", None),
    ),
    (
        "a country by its adjective and by its name in another case",
        ("Встреча с белорусской делегацией", "г. Ельня", "2024-05-16", None),
        ("Встреча с делегацией Республики Беларусь", "г. Ельня", "2024-05-16", None),
    ),
    (
        "a country by two of its names",
        ("Визит делегации из РБ", "г. Ельня", "2024-05-16", None),
        ("Визит делегации из Белоруссии", "г. Ельня", "2024-05-16", None),
    ),
    (
        "a country alone names no settlement",
        ("Международная акция «Сад памяти»", "Республика Беларусь", "2024-05-05", None),
        ("Международная акция «Сад памяти»", "г. Брест (Республика Беларусь)", "2024-05-05", None),
    ),
    (
        "a three-letter abbreviation with a full stop («худ.»)",
        ("Межрегиональный турнир по худ. гимнастике среди юниоров", "г. Ельня", "2024-04-12", None),
        ("Межрегиональный турнир по художественной гимнастике среди юниоров", "г. Ельня", "2024-04-12", None),
    ),
    (
        "«ГО» and «городской округ» (contracts/duplicates.yaml same_words)",
        ("Турнир по дзюдо среди юношей на Кубок главы Ельнинского ГО", "г. Ельня", "2024-04-12", None),
        (
            "Турнир по дзюдо среди юношей на Кубок главы Ельнинского городского округа",
            "г. Ельня",
            "2024-04-12",
            None,
        ),
    ),
    (
        "a partner country on one side only, the home country on the other: no other partner",
        (
            "Круглый стол по вопросам приграничной торговли с участием делегаций Республики Армения и "
            "Российской Федерации",
            "г. Ельня",
            "2024-05-16",
            None,
        ),
        (
            "Круглый стол по вопросам приграничной торговли с участием делегаций Республики Армения и Грузии",
            "г. Ельня",
            "2024-05-16",
            None,
        ),
    ),
    (
        "a sport and a compound of it (a guest shortens «мини-футбол»)",
        (
            "Турнир по мини-футболу среди ветеранов «Кубок Озёр», посвящённый Дню физкультурника",
            "г. Ельня",
            "2024-08-10",
            None,
        ),
        (
            "Турнир по футболу среди ветеранов «Кубок Озёр», посвящённый Дню физкультурника",
            "г. Ельня",
            "2024-08-10",
            None,
        ),
    ),
]

DIFFERENT = [
    (
        "a generic word and its town: without the town the title would be one generic word",
        ("Концерт в Ельне", "г. Ельня", "2024-05-10", None),
        ("Концерт", "г. Ельня", "2024-05-10", None),
    ),
    (
        "one one-word name, one day and town, but a concert and an exhibition",
        ("Концерт «Дружба»", "г. Ельня", "2024-05-10", None),
        ("Выставка «Дружба»", "г. Ельня", "2024-05-10", None),
    ),
    (
        "same title and dates, different cities",
        ("Участие в мероприятиях по случаю Дня единения народов", "г. Гомель", "2024-04-02", None),
        ("Участие в мероприятиях по случаю Дня единения народов", "г. Брест", "2024-04-02", None),
    ),
    (
        "generic meetings with different partners on one day in one city",
        ("Встреча с делегацией Витебского облисполкома", "г. Ельня", "2024-05-16", None),
        ("Встреча с представителями Гродненского университета", "г. Ельня", "2024-05-16", None),
    ),
    (
        "one festival series, different days",
        ("Концерт в рамках фестиваля «Славянские встречи»", "г. Ельня", "2024-04-27", None),
        ("Концерт в рамках фестиваля «Славянские встречи»", "г. Ельня", "2024-04-29", None),
    ),
    (
        "another edition on other dates",
        ("XIII фестиваль «Звезды над Днепром»", "г. Ельня", "2024-04-10", None),
        ("XIV фестиваль «Звезды над Днепром»", "г. Ельня", "2024-05-15", None),
    ),
    (
        "same title and city, consecutive but not overlapping ranges",
        ("Слет «Дружба»", "г. Ельня", "2024-06-10", "2024-06-11"),
        ("Слет «Дружба»", "г. Ельня", "2024-06-12", "2024-06-13"),
    ),
    (
        "one generic frame, different quoted names",
        ("Концерт «Весенняя капель»", "г. Ельня", "2024-04-20", None),
        ("Концерт «Осенний вальс»", "г. Ельня", "2024-04-20", None),
    ),
    (
        "a one-word title is not a subset match of a long one",
        ("Концерт", "г. Ельня", "2024-05-09", None),
        ("Концерт хора ветеранов, посвященный Дню Победы", "г. Ельня", "2024-05-09", None),
    ),
    (
        "different sports, same frame, same day",
        ("Международный турнир по волейболу", "г. Ельня", "2024-05-09", None),
        ("Международный турнир по баскетболу", "г. Ельня", "2024-05-09", None),
    ),
    (
        "a town and another town's district",
        ("Праздник «Русская березка»", "г. Ярцево", "2024-06-20", None),
        ("Праздник «Русская березка»", "Сафоновский район", "2024-06-20", None),
    ),
    (
        "two villages of one region on one day",
        (
            "Праздничный концерт, посвященный Дню России",
            "дер. Липки (Смоленская область)",
            "2024-06-12",
            None,
        ),
        (
            "Праздничный концерт, посвященный Дню России",
            "с. Озерное (Смоленская область)",
            "2024-06-12",
            None,
        ),
    ),
    (
        "one nationwide action held by two districts, each at its own venue named in quotes",
        ("Международная акция «Сад памяти»", "МБУК «Ельнинский РДК»", "2024-05-05", None),
        ("Международная акция «Сад памяти»", "МБУК «Демидовский районный Дом культуры»", "2024-05-05", None),
    ),
    (
        "two concerts of one festival on one day, each with its own name",
        (
            "Концерт «Весенние голоса» в рамках Международного фестиваля «Славянские встречи»",
            "г. Ельня",
            "2024-04-27",
            None,
        ),
        (
            "Концерт «Осенние мотивы» в рамках Международного фестиваля «Славянские встречи»",
            "г. Ельня",
            "2024-04-27",
            None,
        ),
    ),
    (
        "one action on the Victory squares of two towns",
        ("Акция «Бессмертный полк»", "г. Ельня, площадь Победы", "2024-05-09", None),
        ("Акция «Бессмертный полк»", "г. Демидов, площадь Победы", "2024-05-09", None),
    ),
    (
        "one tournament frame for two age groups: the numbers tell them apart",
        (
            "Турнир по мини-футболу среди юношей 2010 года рождения, посвященный Дню Победы",
            "г. Ельня",
            "2024-05-09",
            None,
        ),
        (
            "Турнир по мини-футболу среди юношей 2012 года рождения, посвященный Дню Победы",
            "г. Ельня",
            "2024-05-09",
            None,
        ),
    ),
    (
        "one quoted name but for its year",
        ("Фестиваль «Славянский венок – 2023»", "г. Ельня", "2024-05-10", None),
        ("Фестиваль «Славянский венок – 2024»", "г. Ельня", "2024-05-10", None),
    ),
    (
        "meetings with delegations of different countries, one by abbreviation",
        ("Встреча с делегацией КНР", "г. Ельня", "2024-05-16", None),
        ("Встреча с делегацией Республики Беларусь", "г. Ельня", "2024-05-16", None),
    ),
    (
        "meetings with delegations of different countries, by adjective",
        ("Встреча с китайской делегацией", "г. Ельня", "2024-05-16", None),
        ("Встреча с белорусской делегацией", "г. Ельня", "2024-05-16", None),
    ),
    (
        "meetings with delegations of different countries",
        ("Встреча с делегацией Республики Беларусь", "г. Ельня", "2024-05-16", None),
        ("Встреча с делегацией Китайской Народной Республики", "г. Ельня", "2024-05-16", None),
    ),
    (
        "a town and a region of the same stem: the region names no settlement",
        ("Международная выставка «Лен и мед»", "г. Ельня", "2024-05-16", None),
        (
            "Международная выставка «Лен и мед», посвященная Году семьи",
            "Смоленская область",
            "2024-05-16",
            None,
        ),
    ),
    (
        "a one-word quoted name does not lower the bar",
        ("Концерт «Весна»", "г. Ельня", "2024-05-16", None),
        ("Выставка «Весна»", "г. Ельня", "2024-05-16", None),
    ),
    (
        "the same two-word name, but a place unknown: the bar stays high",
        ("Международный фестиваль «Звездный берег», посвященный Дню молодежи", "", "2024-06-25", None),
        ("Участие в XII Международном фестивале искусств «Звездный берег»", "", "2024-06-25", None),
    ),
    (
        "a place unknown: a close but not near-identical title is not enough",
        ("Выставка детских рисунков «Мир без войны»", "", "2024-05-05", None),
        ("Выставка детских рисунков и поделок «Мир без войны»", "", "2024-05-05", None),
    ),
    (
        "a long frame around another partner country: the country identifies the meeting",
        (
            "Деловая встреча с представителями торговых домов Республики Армения по вопросам поставок "
            "строительных материалов",
            "г. Ельня, администрация района",
            "2024-05-16",
            None,
        ),
        (
            "Деловая встреча с представителями торговых домов Кыргызской Республики по вопросам "
            "поставок строительных материалов",
            "г. Ельня, администрация района",
            "2024-05-16",
            None,
        ),
    ),
    (
        "a long frame around another sport: the noun in the slot after «по» identifies it",
        (
            "Открытое первенство по плаванию среди ветеранов «Кубок Озёр» с участием спортсменов из Армении",
            "г. Ельня, бассейн",
            "2024-05-16",
            None,
        ),
        (
            "Открытое первенство по боксу среди ветеранов «Кубок Озёр» с участием спортсменов из Армении",
            "г. Ельня, бассейн",
            "2024-05-16",
            None,
        ),
    ),
    (
        "one field against another inside one quoted frame",
        (
            "Семинар «Обмен опытом в сфере культуры» для специалистов муниципальных учреждений Армении",
            "г. Ельня",
            "2024-05-16",
            None,
        ),
        (
            "Семинар «Обмен опытом в сфере спорта» для специалистов муниципальных учреждений Армении",
            "г. Ельня",
            "2024-05-16",
            None,
        ),
    ),
]


# Pairs reported by two municipalities: (title, place, start, end, municipality). A guest often
# writes the host's district (or town) for the place, where the host names its own village.
HOST = "Муниципальное образование «Озёрский район» Смоленской области"
GUEST = "Муниципальное образование «Сосновский район» Смоленской области"
SAME_ACROSS = [
    (
        "one coined name, an edition's year on one side, the rest worded freely",
        ("Международный форум «Технопром»", "г. Новосибирск", "2024-05-10", "2024-05-12", HOST),
        ("Участие в форуме «Технопром-2024»", "г. Новосибирск", "2024-05-10", "2024-05-12", GUEST),
    ),
    (
        "the host's village and the host's district named by the guest",
        ("Фестиваль «Лесная поляна»", "д. Ивановка", "2024-05-10", None, HOST),
        ("Участие в фестивале «Лесная поляна»", "Озёрский район", "2024-05-10", None, GUEST),
    ),
    (
        "the district in the genitive, the region in brackets",
        ("Турнир по шахматам «Белая ладья»", "с. Луговое", "2024-05-10", None, HOST),
        (
            "Турнир по шахматам «Белая ладья»",
            "территория Озёрского района (Смоленская область)",
            "2024-05-10",
            None,
            GUEST,
        ),
    ),
    (
        "a municipal okrug named the way the host's heading names it",
        (
            "Праздник «Русская березка»",
            "пос. Лесной",
            "2024-06-20",
            None,
            "Озёрский муниципальный округ Смоленской области",
        ),
        ("Праздник «Русская березка»", "Озёрский муниципальный округ", "2024-06-20", None, GUEST),
    ),
    (
        "a town's okrug: the guest names the town, the host a settlement of it",
        ("Слет «Дружба»", "пос. Лесной", "2024-06-10", None, "Город Озёрск"),
        ("Слет «Дружба»", "г. Озёрск", "2024-06-10", None, GUEST),
    ),
    (
        "the name in quotes on one side only, opening the guest's title (blocking still meets)",
        (
            "Международный фестиваль гончарного ремесла «Озёрные напевы»",
            "г. Озёрск, Дом ремёсел",
            "2024-08-15",
            "2024-08-18",
            HOST,
        ),
        (
            "Озёрные напевы: международный фестиваль гончарного ремесла — участие мастеров района",
            "Озёрский район, г. Озёрск",
            "2024-08-16",
            "2024-08-17",
            GUEST,
        ),
    ),
    (
        "the guest names its own choir in quotes too: the event's name is one of its names",
        (
            "Международный рождественский фестиваль хоровой музыки «Озёрные колокола»",
            "г. Озёрск, концертный зал",
            "2024-12-20",
            "2024-12-22",
            HOST,
        ),
        (
            'Участие хора «Лад» в Международном Рождественском хоровом фестивале "Озёрные колокола"',
            "г. Озёрск",
            "2024-12-21",
            None,
            GUEST,
        ),
    ),
    (
        "an edition's year on one side, its ordinal in digits on the other",
        ("Международные Озёрские чтения – 2024", "г. Озёрск, музей", "2024-04-09", None, HOST),
        (
            "Участие в 40-х Международных Озёрских чтениях",
            "Озёрский район",
            "2024-04-08",
            "2024-04-09",
            GUEST,
        ),
    ),
    (
        "a word abbreviated with a full stop is the word of the other title it begins",
        (
            "Международный турнир по самбо «Кубок Озёрского кремля»",
            "г. Озёрск, ДС «Волна»",
            "2025-11-14",
            "2025-11-16",
            HOST,
        ),
        ("Турнир по самбо на Кубок Озёрского кремля (Межд.)", "г. Озёрск", "2025-11-15", None, GUEST),
    ),
    (
        "a village named by a surname written bare by the guest, without «д.»",
        (
            "Фестиваль детского творчества «Вифлеемская звезда»",
            "д. Жилина, Озёрский район",
            "2025-01-07",
            None,
            HOST,
        ),
        ("Фестиваль «Вифлеемская звезда» (рождественский)", "Жилина", "2025-01-07", None, GUEST),
    ),
    (
        "a village named by a neuter adjective written bare by the guest, without «п.»",
        ("Праздник «Покровская ярмарка»", "п. Дубовое, Озёрский район", "2025-01-07", None, HOST),
        ("Праздник «Покровская ярмарка»", "Дубовое", "2025-01-07", None, GUEST),
    ),
    (
        "an online guest of an event held in person: «онлайн» is not the guest's own district",
        (
            "Международная конференция «Озёрский диалог: торговля и логистика»",
            "г. Озёрск, университет",
            "2024-10-03",
            None,
            HOST,
        ),
        (
            "Участие в международной конференции «Озёрский диалог: торговля и логистика»",
            "онлайн",
            "2024-10-03",
            None,
            GUEST,
        ),
    ),
    (
        "two districts at one videoconference, one naming where it sat",
        ("Онлайн-совещание «Приграничная торговля с Арменией»", "в режиме ВКС", "2024-10-03", None, HOST),
        (
            "Совещание «Приграничная торговля с Арменией»",
            "г. Сосновск, администрация района (онлайн)",
            "2024-10-03",
            None,
            GUEST,
        ),
    ),
    (
        "the host's long title around the name, the guest writing the name alone and unquoted",
        (
            "Международный фестиваль «Озёрская масленица» с участием гостей из Армении",
            "г. Озёрск, набережная",
            "2024-03-14",
            "2024-03-17",
            HOST,
        ),
        ("Озёрская масленица", "г. Озёрск", "2024-03-16", None, GUEST),
    ),
    (
        "a short title of the name is a subset of the host's long one whatever its length",
        (
            "Международный фестиваль дружбы «Три реки» (Россия – Армения – Грузия)",
            "д. Ивановка",
            "2024-07-06",
            None,
            HOST,
        ),
        ("Фестиваль «Три реки»", "Озёрский район", "2024-07-06", None, GUEST),
    ),
    (
        "the name unquoted opening the guest's title, its own longer words after (blocking still meets)",
        (
            "Международный турнир по художественной гимнастике «Озёрная весна»",
            "г. Озёрск, Дворец спорта",
            "2024-04-12",
            "2024-04-14",
            HOST,
        ),
        (
            "Озёрная весна – межд. турнир по худ. гимнастике (участие воспитанниц спортивной школы)",
            "Озёрск",
            "2024-04-12",
            "2024-04-14",
            GUEST,
        ),
    ),
    (
        "the guest adds the host's town in another case to the name unquoted",
        (
            "Международная научная конференция «Гончаровские чтения»",
            "г. Лесногорск, музей-заповедник",
            "2024-06-18",
            None,
            "Город Лесногорск",
        ),
        (
            "Гончаровские чтения в Лесногорске (международная конференция)",
            "Лесногорск",
            "2024-06-18",
            None,
            GUEST,
        ),
    ),
    (
        "a guest's long title around the host's short one: compared though no top word is shared",
        ("Фестиваль «Венок»", "г. Ельня", "2024-05-09", None, HOST),
        (
            "Участие творческих коллективов муниципального образования в фестивале «Венок»",
            "г. Ельня",
            "2024-05-09",
            None,
            GUEST,
        ),
    ),
    (
        "a guest naming its own ensemble in quotes before the host's festival: who took part is no event",
        (
            "Праздник «Лесная слобода» с участием творческих коллективов Гродненской области Беларуси",
            "г. Озёрск",
            "2024-07-20",
            "2024-07-21",
            HOST,
        ),
        (
            "Участие народного ансамбля «Берёзка» в празднике «Лесная слобода»",
            "г. Озёрск",
            "2024-07-20",
            None,
            GUEST,
        ),
    ),
    (
        "the guest's participants named in a closing clause after a dash",
        ("Международная Покровская ярмарка", "г. Озёрск, Торговая площадь", "2024-10-12", "2024-10-14", HOST),
        (
            "Ярмарка «Покровская» – участие мастеров Сосновского района",
            "г. Озёрск",
            "2024-10-13",
            None,
            GUEST,
        ),
    ),
    (
        "two guests, each naming its own participants",
        (
            "Участие мастеров Сосновского района в ярмарке «Озёрский торг»",
            "г. Озёрск",
            "2024-07-20",
            None,
            HOST,
        ),
        ("Участие делегации района в ярмарке «Озёрский торг»", "г. Озёрск", "2024-07-20", None, GUEST),
    ),
    (
        "a district writing only itself and a guest naming the town after it (maybe its seat)",
        ("Праздник «Лесная поляна»", "Лесногорский район", "2024-08-22", None, "Лесногорский район"),
        ("Участие в празднике «Лесная поляна»", "г. Лесногорск", "2024-08-22", None, GUEST),
    ),
    (
        "a district's guests at the town's event name the town",
        ("Праздник «Лесная поляна»", "г. Лесногорск, площадь Ленина", "2024-08-22", None, "Город Лесногорск"),
        ("Участие в празднике «Лесная поляна»", "г. Лесногорск", "2024-08-22", None, "Лесногорский район"),
    ),
    (
        "a match reported by each team: nouns of each one's part beside other words part nothing",
        (
            "Матч турнира «Кубок Озёр» по волейболу: Озёрский район – Сосновский район",
            "г. Озёрск, ФОК",
            "2024-09-14",
            None,
            HOST,
        ),
        (
            "Матч команды Сосновского района с командой Озёрского района (Кубок Озёр по волейболу)",
            "г. Озёрск",
            "2024-09-14",
            None,
            GUEST,
        ),
    ),
]
LONG = "Международный фестиваль народного творчества славянских народов"
SAME_ACROSS += [
    (
        "a guest's one-word title for the host's long one, same days and village",
        (LONG, "с. Луговое", "2024-06-14", "2024-06-16", HOST),
        ("Фестиваль", "с. Луговое", "2024-06-14", "2024-06-16", GUEST),
    ),
    (
        "a two-word generic title whose words are not among the long one's top words",
        (f"{LONG} «Поющие берега»", "с. Луговое", "2024-06-14", "2024-06-16", HOST),
        ("Международный фестиваль", "с. Луговое", "2024-06-14", "2024-06-16", GUEST),
    ),
    (
        "a generic title at the host's district, the long one at the host's village",
        (LONG, "д. Ивановка", "2024-06-14", None, HOST),
        ("Участие в фестивале", "Озёрский район", "2024-06-14", None, GUEST),
    ),
    (
        "a generic title at the long one's venue, written another way with the town's adjective",
        (
            "Концерт камерного оркестра из Армении",
            "г. Лесногорск, Лесногорская областная филармония",
            "2024-08-15",
            None,
            "Город Лесногорск",
        ),
        ("Концерт", "Лесногорская филармония", "2024-08-15", None, GUEST),
    ),
    (
        "a generic title at the long one's venue, abbreviated",
        (
            "Концерт камерного оркестра из Армении",
            "г. Лесногорск, Дом культуры «Химик»",
            "2024-08-15",
            None,
            HOST,
        ),
        ("Концерт", "г. Лесногорск, ДК «Химик»", "2024-08-15", None, GUEST),
    ),
]
SAME_ACROSS += [
    (
        "one municipality named with two kinds («муниципальный район», «МО «… район»»)",
        (
            "Открытый турнир по дзюдо на кубок главы Березняковского муниципального района",
            "г. Березняки, спорткомплекс «Атлант»",
            "2024-06-15",
            None,
            "Березняковский муниципальный район",
        ),
        (
            "Участие спортсменов района в открытом турнире по дзюдо на кубок главы МО «Березняковский район»",
            "г. Березняки",
            "2024-06-15",
            None,
            GUEST,
        ),
    ),
]
SAME_ACROSS += [
    (
        "a compound country adjective names both countries («российско-монгольский», «России и Монголии»)",
        ("Российско-монгольский форум сельской молодёжи", "г. Березняки", "2024-06-20", None, HOST),
        ("Форум сельской молодёжи России и Монголии", "г. Березняки", "2024-06-20", None, GUEST),
    ),
]
DIFFERENT_ACROSS = [
    (
        "two guests naming different participants of a frame: without the host, who may be which event",
        ("Участие ветеранов района в турнире по волейболу", "г. Озёрск", "2024-08-10", None, HOST),
        ("Участие юношей района в турнире по волейболу", "г. Озёрск", "2024-08-10", None, GUEST),
    ),
    (
        "two exhibitions at one gallery, of the town's artists and of another's: the town says whose",
        (
            "Выставка работ художников Лесногорска и Армении",
            "г. Лесногорск, картинная галерея",
            "2024-08-10",
            "2024-09-10",
            "Город Лесногорск",
        ),
        (
            "Выставка работ художников Сосновска и Армении",
            "г. Лесногорск, картинная галерея",
            "2024-08-10",
            "2024-09-10",
            GUEST,
        ),
    ),
    (
        "one report naming two of its participants of one festival: two lines of its own",
        (
            "Участие народного ансамбля «Берёзка» в празднике «Лесная слобода»",
            "г. Озёрск",
            "2024-07-20",
            None,
            GUEST,
        ),
        (
            "Участие хора ветеранов «Рябинушка» в празднике «Лесная слобода»",
            "г. Озёрск",
            "2024-07-20",
            None,
            GUEST,
        ),
    ),
    (
        "one report listing its festival and its own collectives' part in it: two lines",
        ("Фестиваль «Венок»", "г. Ельня", "2024-05-09", None, HOST),
        (
            "Участие творческих коллективов муниципального образования в фестивале «Венок»",
            "г. Ельня",
            "2024-05-09",
            None,
            HOST,
        ),
    ),
    (
        "two delegations' countries named where the participants are",
        (
            "Участие делегации Республики Армения в форуме «Озёрский диалог»",
            "г. Озёрск",
            "2024-07-20",
            None,
            HOST,
        ),
        ("Участие делегации Грузии в форуме «Озёрский диалог»", "г. Озёрск", "2024-07-20", None, GUEST),
    ),
    (
        "one report listing the festival and a master class at it: two lines, two events",
        ("Фестиваль «Три реки»", "д. Ивановка", "2024-07-06", None, HOST),
        (
            "Мастер-класс по гончарному делу для гостей фестиваля «Три реки» из Армении и Грузии",
            "д. Ивановка",
            "2024-07-06",
            None,
            HOST,
        ),
    ),
    (
        "two online conferences whose titles differ only by the partner country",
        (
            "Онлайн-конференция «Экспорт в Армению: логистика и сертификация»",
            "онлайн",
            "2024-10-03",
            None,
            HOST,
        ),
        (
            "Онлайн-конференция «Экспорт в Грузию: логистика и сертификация»",
            "онлайн",
            "2024-10-03",
            None,
            GUEST,
        ),
    ),
    (
        "a formulaic concert online and another's in person: no name or partner says it is one event",
        (
            "Праздничный концерт творческих коллективов ко Дню России",
            "г. Озёрск, площадь",
            "2024-06-12",
            None,
            HOST,
        ),
        ("Праздничный концерт творческих коллективов ко Дню России", "онлайн", "2024-06-12", None, GUEST),
    ),
    (
        "a generic title attended online says too little to be one event held elsewhere",
        (
            "Международная конференция по вопросам приграничной торговли",
            "г. Озёрск",
            "2024-10-03",
            None,
            HOST,
        ),
        ("Конференция", "онлайн", "2024-10-03", None, GUEST),
    ),
    (
        "a town that is a municipality of its own, and the district named after it writing only itself",
        (
            "Праздничный концерт ко Дню Государственного флага с участием гостей из Армении",
            "г. Лесногорск, площадь Ленина",
            "2024-08-22",
            None,
            "Город Лесногорск",
        ),
        (
            "Праздничный концерт ко Дню Государственного флага с участием гостей из Армении",
            "Лесногорский район",
            "2024-08-22",
            None,
            "Лесногорский район",
        ),
    ),
    (
        "the guest names another district than the host's",
        ("Фестиваль «Лесная поляна»", "д. Ивановка", "2024-05-10", None, HOST),
        ("Фестиваль «Лесная поляна»", "Сосновский район", "2024-05-10", None, GUEST),
    ),
    (
        "the guest names a village of the host's district, another one than the host's",
        ("Фестиваль «Лесная поляна»", "д. Ивановка", "2024-05-10", None, HOST),
        ("Фестиваль «Лесная поляна»", "д. Петровка, Озёрский район", "2024-05-10", None, GUEST),
    ),
    (
        "the district's own row is held in another municipality's town, not in a village of its own",
        ("Фестиваль «Лесная поляна»", "г. Сосновск", "2024-05-10", None, HOST),
        ("Фестиваль «Лесная поляна»", "Озёрский район", "2024-05-10", None, GUEST),
    ),
    (
        "the district's own row is held abroad",
        ("Фестиваль «Лесная поляна»", "г. Минск (Республика Беларусь)", "2024-05-10", None, HOST),
        ("Фестиваль «Лесная поляна»", "Озёрский район", "2024-05-10", None, GUEST),
    ),
    (
        "the host's district on other days",
        ("Фестиваль «Лесная поляна»", "д. Ивановка", "2024-05-10", None, HOST),
        ("Фестиваль «Лесная поляна»", "Озёрский район", "2024-05-12", None, GUEST),
    ),
    (
        "a generic title on one day of the long one's three: not the same days",
        (LONG, "с. Луговое", "2024-06-14", "2024-06-16", HOST),
        ("Фестиваль", "с. Луговое", "2024-06-14", None, GUEST),
    ),
    (
        "a generic title with no place: the place must agree",
        (LONG, "с. Луговое", "2024-06-14", None, HOST),
        ("Фестиваль", "", "2024-06-14", None, GUEST),
    ),
    (
        "a generic title in another village",
        (LONG, "с. Луговое", "2024-06-14", None, HOST),
        ("Фестиваль", "д. Ивановка", "2024-06-14", None, GUEST),
    ),
    (
        "a generic title with a word the long one lacks",
        (LONG, "с. Луговое", "2024-06-14", None, HOST),
        ("Концерт", "с. Луговое", "2024-06-14", None, GUEST),
    ),
    (
        "a generic title whose number the long one lacks",
        ("Турнир по самбо среди юношей 2010 года рождения", "с. Луговое", "2024-06-14", None, HOST),
        ("Турнир 2012", "с. Луговое", "2024-06-14", None, GUEST),
    ),
    (
        "a generic title and a long one with another quoted name",
        (f"{LONG} «Поющие берега»", "с. Луговое", "2024-06-14", None, HOST),
        ("Фестиваль «Заря»", "с. Луговое", "2024-06-14", None, GUEST),
    ),
    (
        "a generic title at another venue named in quotes in the same village",
        (LONG, "с. Луговое, ДК «Заря»", "2024-06-14", None, HOST),
        ("Фестиваль", "с. Луговое, стадион «Спартак»", "2024-06-14", None, GUEST),
    ),
    (
        "a generic title at another venue of the same town, one written without quotes",
        (
            "Концерт камерного оркестра из Армении",
            "г. Лесногорск, областная филармония",
            "2024-08-15",
            None,
            "Город Лесногорск",
        ),
        ("Концерт", "г. Лесногорск, ДК «Химик»", "2024-08-15", None, GUEST),
    ),
    (
        "the host's district, but another event",
        ("Фестиваль «Лесная поляна»", "д. Ивановка", "2024-05-10", None, HOST),
        ("Фестиваль «Речные зори»", "Озёрский район", "2024-05-10", None, GUEST),
    ),
    (
        "one exhibition title and days at each town's museum: a venue's adjective names no district",
        (
            "Выставка китайской каллиграфии",
            "Краеведческий музей, г. Озёрск",
            "2024-05-19",
            "2024-05-21",
            HOST,
        ),
        (
            "Выставка китайской каллиграфии",
            "г. Лесногорск, Краеведческий музей",
            "2024-05-19",
            "2024-05-21",
            GUEST,
        ),
    ),
]


@pytest.mark.parametrize(("reason", "a", "b"), SAME_ACROSS, ids=[c[0] for c in SAME_ACROSS])
def test_one_event_across_municipalities(reason: str, a: tuple, b: tuple) -> None:
    assert flagged_pair(make_row(*a), make_row(*b)), reason
    assert flagged_pair(make_row(*b), make_row(*a)), reason


@pytest.mark.parametrize(("reason", "a", "b"), DIFFERENT_ACROSS, ids=[c[0] for c in DIFFERENT_ACROSS])
def test_two_events_across_municipalities(reason: str, a: tuple, b: tuple) -> None:
    assert not flagged_pair(make_row(*a), make_row(*b)), reason


def test_a_generic_title_fitting_two_events_is_left_alone() -> None:
    """«Концерт» from a guest, two different concerts at the host's place that day: which one the
    guest meant is unknown, so neither is merged (each alone would be)."""
    first = make_row(
        "Концерт хора ветеранов, посвященный Дню Победы", "с. Луговое", "2024-05-09", municipality=HOST
    )
    second = make_row(
        "Концерт детской школы искусств для гостей", "с. Луговое", "2024-05-09", municipality=HOST
    )
    guest = make_row("Концерт", "с. Луговое", "2024-05-09", municipality=GUEST)
    assert flagged_pair(first, guest) and flagged_pair(second, guest)
    rows = [(("h", 0), first), (("h", 1), second), (("g", 0), guest)]
    assert find_duplicates(rows) == []


def test_a_generic_title_that_may_mean_another_event_of_overlapping_days_is_left_alone() -> None:
    """The guest's «Концерт» fits the one-day concert, but a three-day one around it at the same
    place may be what it meant."""
    first = make_row(
        "Концерт хора ветеранов, посвященный Дню Победы", "с. Луговое", "2024-05-09", municipality=HOST
    )
    second = make_row(
        "Концерт детской школы искусств", "с. Луговое", "2024-05-08", "2024-05-10", municipality=HOST
    )
    guest = make_row("Концерт", "с. Луговое", "2024-05-09", municipality=GUEST)
    assert flagged_pair(first, guest)
    assert find_duplicates([(("h", 0), first), (("h", 1), second), (("g", 0), guest)]) == []


def test_a_generic_title_joins_the_one_event_its_copies_make() -> None:
    """Two copies of one long event (one event) and a guest's generic title: one group of three."""
    host = make_row(LONG, "с. Луговое", "2024-06-14", municipality=HOST)
    copy = make_row(f"Участие в {LONG}", "с. Луговое", "2024-06-14", municipality="Город Озёрск")
    generic = make_row("Фестиваль", "с. Луговое", "2024-06-14", municipality=GUEST)
    short = make_row("Международный фестиваль", "с. Луговое", "2024-06-14", municipality="Другой район")
    rows = [(("a", 0), host), (("b", 0), copy), (("c", 0), generic), (("d", 0), short)]
    flags = find_duplicates(rows)
    assert {key for key, _ in flags} == {("b", 0), ("c", 0), ("d", 0)}
    assert {flag.related_row for _, flag in flags} == {("a", 0)}
    assert all("сходство названий 0%" not in flag.message for _, flag in flags)


def test_a_short_named_title_fitting_the_hosts_festival_and_its_master_class_joins_the_festival_only() -> (
    None
):
    """«Участие в фестивале «Три реки»» is the festival's copy; the host's master class at the
    festival, which it also fits by the shared name whatever the lengths, stays an event of its own."""
    festival = make_row("Фестиваль «Три реки»", "д. Ивановка", "2024-07-06", municipality=HOST)
    master_class = make_row(
        "Мастер-класс по гончарному делу для гостей фестиваля «Три реки» из Армении и Грузии",
        "д. Ивановка",
        "2024-07-06",
        municipality=HOST,
    )
    guest = make_row("Участие в фестивале «Три реки»", "Озёрский район", "2024-07-06", municipality=GUEST)
    rows = [(("h", 0), festival), (("h", 1), master_class), (("g", 0), guest)]
    assert [(key, flag.related_row) for key, flag in find_duplicates(rows)] == [(("g", 0), ("h", 0))]
    alone = [(("h", 1), master_class), (("g", 0), guest)]
    assert [(key, flag.related_row) for key, flag in find_duplicates(alone)] == [(("g", 0), ("h", 1))]


def test_a_weak_match_to_two_rows_of_one_municipality_is_left_alone() -> None:
    """A short named title fitting two long rows of one report only by the shared name: which one
    it meant is unknown, so neither is merged."""
    short = make_row("Праздник «Лесная слобода»", "г. Озёрск", "2024-07-20", municipality=HOST)
    first = make_row(
        "Выступление народного ансамбля песни и танца «Берёзка» на празднике «Лесная слобода»",
        "г. Озёрск",
        "2024-07-20",
        municipality=GUEST,
    )
    second = make_row(
        "Мастер-класс по плетению из лозы для гостей праздника «Лесная слобода» от мастеров района",
        "г. Озёрск",
        "2024-07-20",
        municipality=GUEST,
    )
    assert flagged_pair(short, first) and flagged_pair(short, second)
    rows = [(("h", 0), short), (("g", 0), first), (("g", 1), second)]
    assert find_duplicates(rows) == []


def test_kept_copy_is_the_host_whose_district_the_guest_names() -> None:
    """The host names its own village, which says nothing of the municipality; the guest's place
    naming the host's district does."""
    host = make_row("Фестиваль «Лесная поляна»", "д. Ивановка", "2024-05-10", municipality=HOST)
    guest = make_row("Фестиваль «Лесная поляна»", "Озёрский район", "2024-05-10", municipality=GUEST)
    for host_key, guest_key in [(("a", 0), ("b", 0)), (("b", 0), ("a", 0))]:
        flags = find_duplicates([(host_key, host), (guest_key, guest)])
        assert [(key, flag.related_row) for key, flag in flags] == [(guest_key, host_key)]


@pytest.mark.parametrize(("reason", "a", "b"), SAME, ids=[c[0] for c in SAME])
def test_one_event(reason: str, a: tuple, b: tuple) -> None:
    assert flagged_pair(make_row(*a), make_row(*b)), reason


@pytest.mark.parametrize(("reason", "a", "b"), DIFFERENT, ids=[c[0] for c in DIFFERENT])
def test_two_events(reason: str, a: tuple, b: tuple) -> None:
    assert not flagged_pair(make_row(*a), make_row(*b)), reason


def test_kept_copy_is_the_hosting_municipality_whatever_the_key() -> None:
    host = make_row(
        "Турнир «Кубок дружбы»", "Демидовский район", "2024-05-01", municipality="Демидовский район"
    )
    guest = make_row("Турнир «Кубок дружбы»", "г. Демидов", "2024-05-01", municipality="Велижский район")
    for host_key, guest_key in [(("a", 0), ("b", 0)), (("b", 0), ("a", 0))]:
        flags = find_duplicates([(host_key, host), (guest_key, guest)])
        assert [(key, flag.related_row) for key, flag in flags] == [(guest_key, host_key)]


def test_a_district_whose_adjective_alternates_its_towns_consonant_hosts_the_town() -> None:
    """«Заволожский район» is named after «Заволога» (г -> ж, as Калуга -> калужский): its row at
    «г. Заволога» is the host's, kept whichever key comes first."""
    title = "Турнир по самбо «Кубок дружбы»"
    host = make_row(title, "г. Заволога, стадион «Труд»", "2024-05-01", municipality="Заволожский район")
    guest = make_row(title, "г. Заволога", "2024-05-01", municipality="Сосновский городской округ")
    for host_key, guest_key in [(("a", 0), ("b", 0)), (("b", 0), ("a", 0))]:
        flags = find_duplicates([(host_key, host), (guest_key, guest)])
        assert [(key, flag.related_row) for key, flag in flags] == [(guest_key, host_key)]


def test_the_town_named_exactly_hosts_before_the_district_named_after_it() -> None:
    """«г. Лесянск» is the city's place: «город Лесянск» names it exactly, «Лесянский район» only by
    a stem that begins it (лесян-): the city's row is kept whichever key comes first."""
    city = make_row(
        "Форум «Лесянск – Минск»", "г. Лесянск, Дом молодёжи", "2024-05-01", municipality="город Лесянск"
    )
    district = make_row("Форум «Лесянск – Минск»", "г. Лесянск", "2024-05-01", municipality="Лесянский район")
    for city_key, district_key in [(("a", 0), ("b", 0)), (("b", 0), ("a", 0))]:
        flags = find_duplicates([(city_key, city), (district_key, district)])
        assert [(key, flag.related_row) for key, flag in flags] == [(district_key, city_key)]


def test_without_a_host_the_first_key_is_kept() -> None:
    a = make_row("Турнир «Кубок дружбы»", "г. Демидов", "2024-05-01", municipality="Велижский район")
    b = make_row("Турнир «Кубок дружбы»", "г. Демидов", "2024-05-01", municipality="Ельнинский район")
    flags = find_duplicates([(("r2", 5), b), (("r1", 9), a)])
    assert [(key, flag.related_row) for key, flag in flags] == [(("r2", 5), ("r1", 9))]


def test_flag_fields() -> None:
    kept = make_row("Турнир «Кубок»", "г. Демидов", "2024-05-01", municipality="Демидовский район", index=3)
    copy = make_row(
        "Участие в турнире «Кубок»", "г. Демидов", "2024-05-01", municipality="Велижский район", index=7
    )
    [(key, flag)] = find_duplicates([(("r1", 3), kept), (("r2", 7), copy)])
    assert key == ("r2", 7)
    assert (flag.rule, flag.severity, flag.field, flag.value) == (
        "duplicate_event",
        CFG.severity,
        "title",
        "Участие в турнире «Кубок»",
    )
    assert flag.row_index == 7 and flag.related_row == ("r1", 3)
    assert "№ 4" in flag.message and "Демидовский район" in flag.message and "100%" in flag.message


def test_message_names_the_kept_rows_file_when_another_and_its_number_without_the_full_stop() -> None:
    """«№ 2.» as a report numbers its rows reads «№ 2»; a copy kept in another file (a late single
    report, a summary) is found by its file's name."""
    from dataclasses import replace

    kept = make_row("Турнир «Кубок»", "г. Демидов", "2024-05-01", municipality="Демидовский район", index=1)
    kept = replace(kept, seq_text="2.", source_file="/inbox/2024Q2/Демидовский_район.docx")
    copy = make_row("Участие в турнире «Кубок»", "г. Демидов", "2024-05-01", municipality="Велижский район")
    [(_, flag)] = find_duplicates([(("r1", 1), kept), (("r2", 0), copy)])
    assert "№ 2 (Демидовский район, файл «Демидовский_район.docx»)" in flag.message
    same_file = replace(copy, source_file=kept.source_file)
    [(_, flag)] = find_duplicates([(("r1", 1), kept), (("r2", 0), same_file)])
    assert "№ 2 (Демидовский район)" in flag.message


def test_rows_without_dates_are_skipped() -> None:
    dated = make_row("Турнир «Кубок»", "г. Демидов", "2024-05-01")
    undated = make_row("Турнир «Кубок»", "г. Демидов", None)
    assert find_duplicates([(("a", 0), dated), (("b", 0), undated)]) == []


@pytest.mark.parametrize(
    ("word", "numeral", "reason"),
    [
        ("XIV", True, "Latin letters"),
        ("ХХI", True, "Cyrillic Х with a Latin I"),
        ("ХIХ", True, "Cyrillic Х around a Latin I"),
        ("С", False, "a lone Cyrillic С is the preposition"),
        ("IIII", False, "not a valid numeral"),
        ("мир", False, "a lower-case word"),
        ("МИР", False, "И is no numeral letter"),
    ],
)
def test_roman_numerals(word: str, numeral: bool, reason: str) -> None:
    assert titles.is_roman_numeral(word) is numeral, reason


@pytest.mark.parametrize(
    ("place", "stems", "reason"),
    [
        ("г. Духовщина (Смоленская область)", {"духовщин"}, "region in brackets dropped"),
        ("Духовщинского района", {"духовщин"}, "genitive district adjective"),
        ("г. Минск (Республика Беларусь)", {"минск"}, "republic dropped, town kept"),
        ("г. Смоленск, МБОУ «Гимназия № 4»", {"смоленск"}, "venue in quotes and abbreviation dropped"),
        ("г. Смоленск (формат видеоконференцсвязи)", {"смоленск"}, "format note dropped"),
        ("Республика Беларусь", set(), "a country alone names no settlement"),
        ("", set(), "empty place is unknown"),
        ("г. Ельня, площадь Победы", {"ельн"}, "a square's name is no settlement"),
        ("г. Демидов, ул. Ленина, д. 5", {"демидов"}, "a street's name is no settlement"),
        ("Концертный зал «Славянский»", set(), "a capitalised common word opening the cell is no settlement"),
        ("Дворец культуры «Юбилейный»", set(), "a venue's kind is no settlement"),
        ("Центральная площадь", set(), "an adjective of the dictionary is no settlement"),
        ("Ельнинский район", {"ельнин"}, "a district's adjective is one"),
        ("Гнездово", {"гнездов"}, "a name the dictionary does not know is one"),
        ("Ивановка", {"ивановк"}, "a name the dictionary knows as a place is one"),
    ],
)
def test_settlement_stems(place: str, stems: set[str], reason: str) -> None:
    assert places.settlement_stems(place, CFG.place_rules) == frozenset(stems), reason


def gold_rows(shared: Path) -> list[tuple[tuple[str, int], Row]]:
    """The seed report's 44 rows as the rule sees them."""
    gold = json.loads((shared / "gold" / "smolensk_2024_q2.gold.json").read_text(encoding="utf-8"))
    out = []
    for i, e in enumerate(gold["events"]):
        row = make_row(e["title"], e["place"], e["start_date"], e["end_date"], e["municipality"], i)
        out.append((("seed", i), row))
    return out


def test_seed_report_has_exactly_one_duplicate(shared: Path) -> None:
    gold = json.loads((shared / "gold" / "smolensk_2024_q2.gold.json").read_text(encoding="utf-8"))
    groups: dict[str, set[int]] = {}
    for i, e in enumerate(gold["events"]):
        if e.get("dup_group"):
            groups.setdefault(e["dup_group"], set()).add(i)
    flags = find_duplicates(gold_rows(shared))
    assert len(groups) == 1 and len(flags) == 1
    [(key, flag)] = flags
    [members] = groups.values()
    assert {key[1], flag.related_row[1]} == members  # type: ignore[index]


@pytest.mark.parametrize(
    ("title", "kind", "reason"),
    [
        ("Кубок главы Березняковского района", True, "a kind noun after a name"),
        ("Кубок главы Березняковского ГО", True, "a kind's abbreviation"),
        ("Кубок главы муниципального округа", True, "a kind of two words"),
        ("Участие делегации района в ярмарке", True, "a kind noun alone: the reporter's own"),
        ("Праздник «День города»", False, "a town is no municipality's kind: «город» stays a word"),
    ],
)
def test_a_municipalitys_kind_is_one_word(title: str, kind: bool, reason: str) -> None:
    words = titles.normalize_title(title, CFG.title_rules)
    assert (titles.KIND_WORD in words.words | words.who) is kind, reason
    assert "район" not in words.words | words.who, reason


@pytest.mark.parametrize(
    ("title", "countries", "reason"),
    [
        ("Сербско-вьетнамская выставка", {"#rs", "#vn"}, "halves from the adjectives («сербский»)"),
        ("Русско-индийский фестиваль", {"#ru", "#in"}, "a half the adjectives do not give (countries.yaml)"),
    ],
)
def test_a_compound_country_adjective_names_both_countries(title: str, countries: set, reason: str) -> None:
    assert titles.normalize_title(title, CFG.title_rules).countries == frozenset(countries), reason


def test_equivalence_words_never_match_each_other() -> None:
    """Each country and each same_words group is one word; two of them must not pass for one
    word by the fuzzy word match (a typo), or two countries would compare equal."""
    from rapidfuzz import fuzz

    words = sorted({word for _, word in CFG.title_rules.equivalents})
    close = [
        (a, b)
        for i, a in enumerate(words)
        for b in words[i + 1 :]
        if fuzz.ratio(a, b, score_cutoff=CFG.word_match)
    ]
    assert close == []


def test_rows_of_two_regions_are_never_copies_rows_of_no_region_still_are() -> None:
    """A guest district of another region reports its part to its own government."""
    host = make_row(
        "Международный фестиваль «Смоленский лён»", "г. Смоленск", "2025-06-12", municipality="город Смоленск"
    )
    guest = make_row(
        "Участие в Международном фестивале «Смоленский лён»",
        "г. Смоленск",
        "2025-06-12",
        municipality="Невельский район",
    )
    rows = [(("r1", 0), host), (("r2", 0), guest)]
    assert (
        find_duplicates(rows, regions={("r1", 0): "Смоленская область", ("r2", 0): "Псковская область"}) == []
    )
    assert len(find_duplicates(rows, regions={("r1", 0): "Смоленская область", ("r2", 0): None})) == 1
    assert (
        len(find_duplicates(rows, regions={("r1", 0): "Смоленская область", ("r2", 0): "Смоленская область"}))
        == 1
    )


@pytest.mark.parametrize(
    ("place_a", "place_b"),
    [
        ("Ельнинский муниципальный округ, ДК", "Кардымовский муниципальный округ, ДК"),  # ДК is no town
        ("районный Дом культуры", "районный Дом культуры"),  # each district's own
        ("ДК", "Дом культуры"),
    ],
)
def test_one_title_and_day_at_each_districts_own_venue_are_two_events(place_a: str, place_b: str) -> None:
    title = "Праздничный концерт ко Дню Государственного флага с участием коллектива из Беларуси"
    a = make_row(title, place_a, "2025-08-22", municipality="Ельнинский муниципальный округ")
    b = make_row(title, place_b, "2025-08-22", municipality="Кардымовский муниципальный округ")
    assert not flagged_pair(a, b)
    again = make_row(title, place_a, "2025-08-22", municipality="Ельнинский муниципальный округ", index=1)
    assert flagged_pair(a, again)  # one district's event reported twice is one event


@pytest.mark.parametrize(
    ("other", "expanded", "reason"),
    [
        ({"международный", "турнир"}, {"международный", "турнир"}, "the one word the letters begin"),
        ({"международный", "междугородний", "турнир"}, {"межда", "турнир"}, "two words begin so: unknown"),
        ({"межрегиональный", "турнир"}, {"межда", "турнир"}, "no word begins with the letters"),
    ],
)
def test_abbreviation_stands_for_the_one_word_it_begins(other: set, expanded: set, reason: str) -> None:
    title = titles.normalize_title("Межд. турнир", CFG.title_rules)
    assert title.abbreviations == (("межда", "межд"),)
    assert titles.expand_abbreviations(title.words, title.abbreviations, frozenset(other)) == expanded, reason


def test_a_country_form_with_a_word_cut_by_a_hyphen_names_nothing_alone() -> None:
    """«о-в Рождества» (CLDR) loses «о-в» in a title; «Рождество» alone is Christmas, no island,
    and a country word there would part the titles from any naming a partner."""
    assert titles.normalize_title("Ярмарка «Вифлеемское Рождество»", CFG.title_rules).countries == frozenset()
    assert titles.normalize_title("Визит на остров Рождества", CFG.title_rules).countries == {"#cx"}


def test_a_settlement_type_with_a_full_stop_is_no_abbreviation() -> None:
    """«пос. Лесной» names a settlement; read as an abbreviation it would pass for «посвящённый»."""
    title = titles.normalize_title("Праздник пос. Лесной", CFG.title_rules)
    assert title.abbreviations == ()
    assert titles.normalize_title("Турнир по худ. гимнастике", CFG.title_rules).abbreviations == (
        ("худо", "худ"),
    )


def test_a_quoted_title_is_not_filed_under_a_pair_of_common_words() -> None:
    """A title with a quoted name is filed under pairs of its longest words too (the other report
    may write the name unquoted), but not under two words every other row has (where the blocks
    are largest): those keys change what is compared, never which pairs a threshold accepts."""
    from muniflow.rules.blocking import word_keys
    from muniflow.rules.duplicates import _prepare

    cfg = load_config()
    row = dated_row(
        "Международный фестиваль золотного шитья «Торжокские узоры»",
        "г. Энск",
        "2024-05-14",
        None,
        "Энский район",
        0,
    )
    event = _prepare(row, cfg)
    assert event is not None
    every = {k for k in word_keys(event, cfg) if k[1] != "«»"}
    common = frozenset({"международный", "фестиваль"})
    fewer = {k for k in word_keys(event, cfg, common) if k[1] != "«»"}
    assert ("международный", "фестиваль") in every - fewer
    assert {k for k in every - fewer} <= {("международный", "фестиваль")}


def test_a_compound_town_name_written_alone_is_a_place() -> None:
    """«Кот-Хрустальный» alone (no «г.») is the town, though its parts alone are a common
    adjective and noun: the same place as the district named after it, and as «г. …»."""
    rules = load_config().place_rules
    alone = places.settlement_stems("Кот-Хрустальный", rules)
    assert alone
    assert alone == places.settlement_stems("Кот-Хрустальный район", rules)
    assert alone == places.settlement_stems("г. Кот-Хрустальный, музей", rules)
