"""Interpretation: header synonyms, title -> region and period, municipality names, row building."""

from __future__ import annotations

from dataclasses import replace

import pytest

from muniflow.interpret import (
    InterpretError,
    canonical_municipality,
    interpret_document,
    map_header,
    parse_period,
    parse_region,
)
from muniflow.model import Period, RawDocument, RawRow, RawTable

SYNONYMS = {
    "seq_no": ["№ п/п", "№"],
    "municipality": ["муниципальное образование"],
    "title": ["наименование мероприятия", "название мероприятия", "мероприятие"],
    "place": ["место проведения", "место"],
    "date_text": ["сроки проведения", "дата проведения", "дата"],
    "goal": ["цель, содержание и результат", "итоги мероприятия", "цель"],
    "participants": ["участники"],
}

SEED_HEADER = (
    "№\nп/п",
    "Наименование мероприятия",
    "Место проведения\nмероприятия",
    "Сроки\nпроведения\nмероприятия",
    "Цель, содержание и результат мероприятия\n(в том числе краткая информация о ...)",
    "Участники мероприятия\n(общее количество, другие дополнительные сведения)",
)


@pytest.mark.parametrize(
    ("header", "expected", "reason"),
    [
        (
            SEED_HEADER,
            {"seq_no": 0, "title": 1, "place": 2, "date_text": 3, "goal": 4, "participants": 5},
            "the seed's header: 'Место проведения мероприятия' is a place, not a title",
        ),
        (
            (
                "№",
                "Муниципальное образование",
                "Дата проведения",
                "Название мероприятия",
                "Место",
                "Участники",
                "Итоги мероприятия",
            ),
            {
                "seq_no": 0,
                "municipality": 1,
                "date_text": 2,
                "title": 3,
                "place": 4,
                "participants": 5,
                "goal": 6,
            },
            "renamed and reordered columns with a municipality column",
        ),
        (
            ("Мероприятие", "Дата"),
            {"title": 0, "date_text": 1},
            "a minimal table still maps",
        ),
    ],
)
def test_map_header(header, expected, reason):
    assert map_header(header, SYNONYMS) == expected, reason


def test_map_header_rejects_unrelated_columns():
    with pytest.raises(InterpretError) as err:
        map_header(("Фамилия", "Имя", "Телефон"), SYNONYMS)
    assert err.value.reason == "unknown_layout"
    assert "headerSynonyms" in err.value.message


@pytest.mark.parametrize(
    ("title", "expected", "reason"),
    [
        ("Отчет о мероприятиях ... в II квартале 2024 года", Period(2024, 2), "Roman numeral, 'в'"),
        ("Информация ... за 4 квартал 2024 года", Period(2024, 4), "arabic numeral, 'за'"),
        ("Сведения за III кв. 2025 г.", Period(2025, 3), "abbreviated 'кв.'"),
        ("Отчет во\nII\u00a0квартале\n2024 года", Period(2024, 2), "line breaks and no-break space"),
        ("Отчет за І квартал 2024 года", Period(2024, 1), "Cyrillic І typed for the Roman I"),
        ("Отчет за январь – март 2024 года", Period(2024, 1), "the quarter's months"),
        ("Отчет о мероприятиях за 2024 год", None, "a year is not a quarter"),
        ("Отчет о мероприятиях", None, "no period at all"),
    ],
)
def test_parse_period(title, expected, reason):
    assert parse_period(title) == expected, reason


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "органами местного самоуправления муниципальных образований Смоленской области",
            "Смоленская область",
        ),
        ("муниципальными образованиями Пермского края за 1 квартал", "Пермский край"),
        ("муниципальных образований Республики Карелия", "Республика Карелия"),
        ("Отчет о мероприятиях", None),
        ("ИНФОРМАЦИЯ О МЕРОПРИЯТИЯХ МУНИЦИПАЛЬНЫХ ОБРАЗОВАНИЙ СМОЛЕНСКОЙ ОБЛАСТИ", "Смоленская область"),
        # the official name `region_names` lists, though the title writes the first part only
        ("СВЕДЕНИЯ ХАНТЫ-МАНСИЙСКОГО АВТОНОМНОГО ОКРУГА", "Ханты-Мансийский автономный округ – Югра"),
        ("МУНИЦИПАЛЬНЫЕ ОБРАЗОВАНИЯ РЕСПУБЛИКИ КАРЕЛИЯ", "Республика Карелия"),
        ("ОТЧЁТ О МЕРОПРИЯТИЯХ", None),
        ("Республики Карелия\nОтчетный период: 01.07.2024–30.09.2024", "Республика Карелия"),
        ("муниципальных образований Республики\nМарий Эл", "Республика Марий Эл"),
        ("муниципальных образований Смоленской\nобласти", "Смоленская область"),
        ("муниципальных образований ЯНАО за III квартал", "Ямало-Ненецкий автономный округ"),
        ("внутригородских муниципальных образований Санкт-Петербурга", "Санкт-Петербург"),
        ("образований города федерального значения Севастополя", "Севастополь"),
        ("муниципальных образований Энско-\nКленовской области за II квартал", "Энско-Кленовская область"),
        ("органов МСУ Энско-\nКленовской Республики", "Энско-Кленовская Республика"),
        ("мероприятия ГАНАОМ", None),  # an abbreviation is a word of its own
        ("образований Республики Северная Осетия – Алания за 2 кв.", "Республика Северная Осетия – Алания"),
        # a one-word name before a dash typed as a hyphen: no hyphen ends the name
        ("образований Республики Энсия-Кленовия за 2 квартал", "Республика Энсия-Кленовия"),
        ("МУНИЦИПАЛЬНЫХ ОБРАЗОВАНИЙ РЕСПУБЛИКИ САХА (ЯКУТИЯ)", "Республика Саха (Якутия)"),
        # in capitals every word looks like a name's: a preposition after the name is none
        ("СВЕДЕНИЯ МУНИЦИПАЛЬНЫХ ОБРАЗОВАНИЙ РЕСПУБЛИКИ ТЫВА ЗА ВТОРОЙ КВАРТАЛ", "Республика Тыва"),
        ("ИНФОРМАЦИЯ РЕСПУБЛИКИ КАРЕЛИЯ ВО II КВАРТАЛЕ 2025 ГОДА", "Республика Карелия"),
        ("ОТЧЁТ РЕСПУБЛИКИ МАРИЙ ЭЛ ЗА 2 КВАРТАЛ", "Республика Марий Эл"),
    ],
)
def test_parse_region(title, expected):
    assert parse_region(title) == expected


@pytest.mark.parametrize(
    ("title", "expected", "reason"),
    [
        ("муниципальных образований Энской Республики", "Энская Республика", "an adjective republic"),
        ("образований Энской Народной Республики за II кв.", "Энская Народная Республика", "two"),
        ("Итоги: Кленовская Народная Республика", "Кленовская Народная Республика", "nominative"),
        ("делегации Китайской Народной Республики: Республика Карелия", "Республика Карелия", "state"),
        ("ОРГАНОВ МСУ КАБАРДИНО-БАЛКАРСКОЙ РЕСПУБЛИКИ", "Кабардино-Балкарская Республика", "capitals"),
        ("образований Еврейской автономной области", "Еврейская автономная область", "autonomy"),
        ("муниципальных образований Смоленской обл.", "Смоленская область", "«обл.» abbreviation"),
        ("Информация о мероприятиях (Пермский край)", "Пермский край", "nominative, where no genitive is"),
        ("Информация: Удмуртская Республика, II квартал", "Удмуртская Республика", "nominative republic"),
        ("с Республикой Беларусь: Республика Карелия", "Республика Карелия", "a state skipped"),
        ("мероприятия с участием Республики Беларусь", None, "a foreign state is no region"),
    ],
)
def test_region_forms(title, expected, reason):
    assert parse_region(title) == expected, reason


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Муниципальное образование «Велижский район» Смоленской области", "Велижский район"),
        ("Город Смоленск", "город Смоленск"),
        ("Муниципальное образование «город Десногорск» Смоленской области", "город Десногорск"),
        ("Муниципальное образование Руднянский район Смоленской области", "Руднянский район"),
        ("Муниципальное образование «Велижский район» ", "Велижский район"),
        ("Гагаринский район", "Гагаринский район"),
    ],
)
def test_canonical_municipality(raw, expected):
    assert canonical_municipality(raw) == expected


def _doc(header, rows, title="Отчет во II квартале 2024 года"):
    body = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    return RawDocument("x.docx", "docx", title, (RawTable(tuple(header), body, "table 1"),))


def test_headings_and_rows():
    doc = _doc(
        SEED_HEADER,
        [
            ("1", "2", "3", "4", "5", "6"),  # column numbers under the header
            ("Город Энск", None, None, None, None, None),  # merged heading
            ("1.", "Концерт", "г. Энск", "6 апреля\n2024 года", "Цель", "Все"),
            ("Муниципальное образование «Н-ский район»", None, None, None, None, None),
            ("2.", "Выставка", "г. Н", "7 апреля 2024 года", "", ""),
        ],
    )
    report = interpret_document(doc, SYNONYMS)
    assert report.period == Period(2024, 2)
    assert [r.municipality for r in report.rows] == ["город Энск", "Н-ский район"]
    assert [r.seq_no for r in report.rows] == [1, 2]
    first = report.rows[0]
    assert (first.title, first.date_text, first.source_locator) == (
        "Концерт",
        "6 апреля\n2024 года",
        "table 1, row 4",
    )
    assert first.start_date is not None and first.start_date.isoformat() == "2024-04-06"


def test_municipality_column_carried_down():
    header = ("№", "Муниципальное образование", "Дата проведения", "Название мероприятия")
    doc = _doc(
        header,
        [
            ("1", "Энский район", "6 апреля 2024 года", "А"),
            ("2", None, "7 апреля 2024 года", "Б"),  # vertically merged: covered
            ("3", "Н-ский район", "8 апреля 2024 года", "В"),
        ],
    )
    report = interpret_document(doc, SYNONYMS)
    assert [r.municipality for r in report.rows] == ["Энский район", "Энский район", "Н-ский район"]


def test_period_override_and_unknown_period():
    doc = _doc(("Мероприятие", "Дата"), [("Концерт", "6 апреля")], title="Отчет")
    assert interpret_document(doc, SYNONYMS).period is None
    report = interpret_document(doc, SYNONYMS, Period(2024, 2))
    assert report.period == Period(2024, 2)
    assert report.rows[0].date_form == "year_from_period"


def test_a_row_with_only_a_title_is_not_a_heading():
    doc = _doc(
        SEED_HEADER,
        [("Город Энск", None, None, None, None, None), ("", "Концерт без данных", "", "", "", "")],
    )
    report = interpret_document(doc, SYNONYMS)
    assert [r.title for r in report.rows] == ["Концерт без данных"]
    assert report.rows[0].municipality == "город Энск"


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("органами Энского автономного округа — Энсии за III квартал", "the title writes both names"),
        ("органами Энского автономного округа за III квартал", "the title writes the first one only"),
        ("органами ЭАО за III квартал", "the abbreviation the vocabulary lists"),
    ],
)
def test_a_region_listed_by_its_official_name_is_named_so(monkeypatch, title, reason):
    """One name per region: the official one `region_names` lists, whatever the title writes."""
    from muniflow.interpret import title as title_module

    monkeypatch.setattr(title_module, "_names", lambda: {"Энский автономный округ – Энсия": ("ЭАО",)})
    assert parse_region(title) == "Энский автономный округ – Энсия", reason


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("органами Республики Энсия (Энсия) за III квартал", "the title writes both names"),
        ("органами Республики Энсия за III квартал", "the title writes the first one only"),
        ("муниципальных образований Энсии за III квартал", "the short form the vocabulary lists"),
    ],
)
def test_a_region_listed_with_its_second_name_in_brackets_is_named_so(monkeypatch, title, reason):
    """An official name with its second name in brackets («Республика Энсия (Энсия)»), as the
    Constitution writes some, is one name per region as one after a dash is."""
    from muniflow.interpret import title as title_module

    monkeypatch.setattr(title_module, "_names", lambda: {"Республика Энсия (Энсия)": ("Энсии",)})
    assert parse_region(title) == "Республика Энсия (Энсия)", reason


@pytest.mark.parametrize(
    "title",
    [
        "Республики Южная Энсия-Алания за III квартал",
        "Республики Южная Энсия — Алания за III квартал",
        "Республики Южная Энсия - Алания",
    ],
)
def test_a_listed_regions_dash_may_be_typed_otherwise(monkeypatch, title):
    """«Энсия-Алания» (no spaces), an em dash, a hyphen between spaces: the listed «Энсия – Алания»."""
    from muniflow.interpret import title as title_module

    monkeypatch.setattr(title_module, "_names", lambda: {"Республика Южная Энсия – Алания": ("РЮЭА",)})
    assert parse_region(title) == "Республика Южная Энсия – Алания"


@pytest.mark.parametrize(
    ("title", "running", "period", "source"),
    [
        ("Отчет за I квартал 2031 года", "Справка_3кв_2030", Period(2031, 1), "title"),  # the title's wins
        ("Отчет о мероприятиях Озёрной области", "Справка за 3 квартал 2030", Period(2030, 3), "page header"),
        ("Отчет о мероприятиях", "", None, "title"),  # nothing names one
    ],
)
def test_the_page_header_names_the_period_only_where_the_title_names_none(title, running, period, source):
    """A page header every page repeats (RawDocument.running) is read for the quarter after the
    title, as a file's name is, and the reading says where the quarter's words stood."""
    doc = _doc(SEED_HEADER, [("1.", "Концерт", "г. Энск", "6 апреля 2031 года", "Цель", "Все")], title)
    report = interpret_document(replace(doc, running=running), SYNONYMS)
    assert report.period == period
    assert report.reading is not None and report.reading.period_from == source


@pytest.mark.parametrize(
    ("closing", "noted", "why"),
    [
        ("3. Ярмарка мёда «Липовый цвет» г. Энск 9 апреля 2031 г.", True, "the next row's number and words"),
        ("Глава Энского района И. И. Бобров", False, "a signature"),
        ("1. Мероприятия не проводились", False, "not the number after the last row's"),
        ("3.", False, "a number alone"),
    ],
)
def test_text_after_the_table_opening_like_its_next_row_is_noted(closing, noted, why):
    """A row the reader left out of its table (read as the text after it) does not vanish without
    a word: the report's reading notes it."""
    rows = [("1.", "Концерт", "г. Энск", "6 апреля 2031 года", "Цель", "Все")]
    rows.append(("2.", "Выставка", "г. Энск", "7 апреля 2031 года", "Цель", "Все"))
    doc = replace(_doc(SEED_HEADER, rows, "Отчет за II квартал 2031 года"), closing=closing)
    notes = interpret_document(doc, SYNONYMS).reading.notes
    assert any("row 3" in note for note in notes) == noted, why


def test_a_date_only_in_the_title_is_read_from_it_and_the_planned_one_gives_way_to_the_actual() -> None:
    header = ("№", "Мероприятие", "Место", "Дата")
    doc = _doc(
        header,
        [
            ("1", "Открытие выставки «Старый мост» (14 мая 2024 г.)", "г. Энск", ""),
            ("2", "Встреча с делегацией", "г. Энск", "план: 11.04.2024\nфакт: 19.04.2024"),
            ("3", "Концерт 20 мая 2024 г.", "г. Энск", "21.05.2024"),  # the cell's date stands
        ],
    )
    rows = interpret_document(doc, SYNONYMS).rows
    assert (rows[0].title, rows[0].date_text, rows[0].date_form) == (
        "Открытие выставки «Старый мост»",
        "14 мая 2024 г.",
        "from_title",
    )
    assert rows[0].start_date is not None and rows[0].start_date.isoformat() == "2024-05-14"
    assert rows[1].date_form == "actual_of_planned"
    assert rows[1].start_date is not None and rows[1].start_date.isoformat() == "2024-04-19"
    assert (rows[2].title, rows[2].date_form) == ("Концерт 20 мая 2024 г.", "exact")


def test_the_warnings_say_where_the_date_came_from() -> None:
    from datetime import date as day

    from muniflow.rules.messages import date_exact

    common = {"period_first": day(2024, 4, 1), "period_last": day(2024, 6, 30)}
    titled = {**common, "date_text": "14 мая 2024 г.", "date_form": "from_title"}
    titled |= {"start_date": day(2024, 5, 14), "end_date": day(2024, 5, 14)}
    assert "взята из названия мероприятия" in date_exact(titled, "date_text")[0]
    both = {**common, "date_text": "план: 11.04.2024\nфакт: 19.04.2024", "date_form": "actual_of_planned"}
    both |= {"start_date": day(2024, 4, 19), "end_date": day(2024, 4, 19)}
    message = date_exact(both, "date_text")[0]
    assert "«11.04.2024»" in message and "«19.04.2024»" in message and "фактическая" in message
