"""Clauses of a letter's prose read apart (readers/listed.py): who took part is no part of an event's
name; two events told in one sentence are two; a PDF line opening with a dash goes on an item
wrapped above it."""

from __future__ import annotations

from muniflow.contracts import header_synonyms
from muniflow.model import RawDocument
from muniflow.readers.listed import listed_document

LEAD = "Администрация Сосновского района сообщает о международных мероприятиях за I квартал 2025 года."


def _cells(lines: list[str], pages: int | None = None) -> list[tuple[str, ...]]:
    doc = RawDocument(
        source_file="letter.pdf" if pages else "letter.docx",
        format="pdf" if pages else "docx",
        title="\n".join([LEAD, *lines]),
        tables=(),
        pages=pages,
    )
    listed = listed_document(doc, header_synonyms())
    assert listed is not None
    return [tuple(c or "" for c in row.cells[1:]) for row in listed.tables[0].rows]


def test_who_took_part_ends_the_events_name_and_opens_its_goal() -> None:
    """«с участием …», «при активном участии …» (a preposition, the noun of `takingPart`): the name
    ends before it; a list of who took part over commas goes on while its words stand in the case
    of the list's last word, so a venue after it («ДК «…»») is where."""
    assert _cells(
        [
            "12 марта 2025 года в г. Сосновке состоялся фестиваль «Зимние узоры» с участием гостей "
            "из Гомеля, Бреста и Могилёва (40 чел.).",
            "• 14 марта 2025 г. — праздник «Весна» с участием студентов из Вьетнама, Лаоса и Камбоджи, "
            "ДК «Сосна»;",
            "• 15 марта 2025 г. — концерт «Дружба» при активном участии ансамбля «Звонница», ДК «Сосна»;",
            "• 17 марта 2025 г. — встреча с делегацией г. Гомеля, администрация района.",
        ]
    ) == [
        (
            "Фестиваль «Зимние узоры»",
            "12 марта 2025 года",
            "г. Сосновка",
            "с участием гостей из Гомеля, Бреста и Могилёва (40 чел.)",
        ),
        (
            "Праздник «Весна»",
            "14 марта 2025 г.",
            "ДК «Сосна»",
            "с участием студентов из Вьетнама, Лаоса и Камбоджи",
        ),
        ("Концерт «Дружба»", "15 марта 2025 г.", "ДК «Сосна»", "при активном участии ансамбля «Звонница»"),
        ("Встреча с делегацией г. Гомеля", "17 марта 2025 г.", "администрация района", ""),
    ]


def test_a_pdf_line_opening_with_a_dash_goes_on_an_item_not_yet_ended() -> None:
    """A PDF wrapped item 2 before its dash («… (Республика Беларусь)» / «— 5 марта 2025 г., …;»): the
    other items each end with «;» or «.», item 2's line does not, so the dash opens no item; after
    the dates and a comma, where, up to a semicolon (a remark in brackets aside)."""
    lines = [
        "1) Международный фестиваль «Зимние узоры» — 11–13 марта 2025",
        "г., г. Сосновка, Дом ремёсел; участники из Беларуси",
        "(35 чел.);",
        "2) Онлайн-встреча школьников Сосновки и г. Гомеля (Республика Беларусь)",
        "— 5 марта 2025 г., Центр молодёжи г. Сосновка;",
        "3) Турнир по самбо «Кубок Сосновки» — 20–21 марта 2025 г.,",
        "спорткомплекс «Сосна» (участники из Беларуси).",
        "Глава района И.И. Иванов",
    ]
    assert _cells(lines, pages=1) == [
        (
            "Международный фестиваль «Зимние узоры»",
            "11–13 марта 2025 г.",
            "г. Сосновка, Дом ремёсел",
            "участники из Беларуси (35 чел.)",
        ),
        (
            "Онлайн-встреча школьников Сосновки и г. Гомеля (Республика Беларусь)",
            "5 марта 2025 г.",
            "Центр молодёжи г. Сосновка",
            "",
        ),
        (
            "Турнир по самбо «Кубок Сосновки»",
            "20–21 марта 2025 г.",
            "спорткомплекс «Сосна»",
            "участники из Беларуси",
        ),
    ]


def test_dash_bulleted_items_not_ended_by_a_stop_stay_items() -> None:
    """A list whose items end with no stop: each dash opens an item (no item ends so to tell a
    wrapped one from the next)."""
    lines = [
        "– 11 марта 2025 г. – г. Сосновка – фестиваль «Зимние узоры»",
        "– 20 марта 2025 г. – г. Сосновка – турнир «Кубок Сосновки»",
    ]
    assert [c[:2] for c in _cells(lines, pages=1)] == [
        ("Фестиваль «Зимние узоры»", "11 марта 2025 г."),
        ("Турнир «Кубок Сосновки»", "20 марта 2025 г."),
    ]


def test_two_events_told_in_one_sentence_are_two() -> None:
    """«…, а 24 марта … прошла встреча …»: a comma, a conjunction (and linking words), a day; each
    side tells an event of its own. The second's dates with no year take the first's year."""
    lines = [
        "12 марта 2025 года в г. Сосновке состоялся фестиваль «Зимние узоры», а 24 марта в Доме "
        "культуры прошла встреча с делегацией г. Гомеля.",
        "5 мая 2025 г. прошёл турнир «Кубок», а также 7 мая 2025 г. в ДК «Сосна» состоялся концерт «Весна».",
    ]
    assert [c[:3] for c in _cells(lines)] == [
        ("Фестиваль «Зимние узоры»", "12 марта 2025 года", "г. Сосновка"),
        ("Встреча с делегацией г. Гомеля", "24 марта 2025 г.", "Дом культуры"),
        ("Турнир «Кубок»", "5 мая 2025 г.", ""),
        ("Концерт «Весна»", "7 мая 2025 г.", "ДК «Сосна»"),
    ]


def test_a_comma_and_a_conjunction_before_dates_telling_no_event_cut_nothing() -> None:
    """«…, а 14 марта подведены итоги» tells no event of its own («подвести» holds none): one row."""
    lines = ["12 марта 2025 года в г. Сосновке состоялся турнир «Кубок», и 14 марта подведены его итоги."]
    assert [c[0] for c in _cells(lines)] == ["Турнир «Кубок»"]


def test_an_event_told_before_its_dates_deep_in_a_sentence_is_read() -> None:
    """The verb of holding stands before the dates: «В г. Х прошёл фестиваль «…» (24–25 мая 2025 г.),
    …», «Также в июне в г. Х состоялся турнир «…» (14.06.2025) …» (the last place after «в» is where,
    a month is not), «администрация района провела рабочую встречу …, состоявшуюся 12 апреля 2025
    года в Озёрском кремле» (who held it before the verb; the event its object, put in the
    nominative; where the participle of holding says)."""
    lines = [
        "В рамках развития сотрудничества администрация района провела рабочую встречу с делегацией "
        "г. Гомеля, состоявшуюся 12 марта 2025 года в Сосновском краеведческом музее.",
        "В Сосновке прошёл фестиваль колокольного звона «Звоны» (24–25 марта 2025 г.), в котором приняли "
        "участие звонари из Беларуси.",
        "Также в марте в Сосновке состоялся турнир «Ладья» (27.03.2025) с участием шахматистов из "
        "Казахстана.",
    ]
    assert [c[:3] for c in _cells(lines)] == [
        ("Рабочая встреча с делегацией г. Гомеля", "12 марта 2025 года", "Сосновский краеведческий музей"),
        ("Фестиваль колокольного звона «Звоны»", "24–25 марта 2025 г.", "Сосновка"),
        ("Турнир «Ладья»", "27.03.2025", "Сосновка"),
    ]


def test_a_dash_after_a_dashed_item_not_ended_opens_the_next() -> None:
    """Items bulleted with dashes: one whose «;» was left out is no item wrapped, the next dash
    opens an item of its own."""
    lines = [
        "– 11 марта 2025 г. – г. Сосновка – фестиваль «Зимние узоры»;",
        "– 14 марта 2025 г. – г. Сосновка – концерт «Весна»",
        "– 20 марта 2025 г. – г. Сосновка – турнир «Кубок Сосновки».",
    ]
    assert [c[0] for c in _cells(lines, pages=1)] == [
        "Фестиваль «Зимние узоры»",
        "Концерт «Весна»",
        "Турнир «Кубок Сосновки»",
    ]


def test_a_country_in_brackets_after_the_guests_place_stays_in_the_name() -> None:
    """«встреча с делегацией … области (Республика Беларусь), в ходе которой …»: the country is the
    place's before it, part of the name; a remark in brackets saying more («(гости из Беларуси)»)
    goes to the goal."""
    lines = [
        "12 марта 2025 года в г. Сосновке состоялась встреча с делегацией Лидского района Гродненской "
        "области (Республика Беларусь), в ходе которой обсуждены планы.",
        "14 марта 2025 года в г. Сосновке состоялся фестиваль «Звоны» (гости из Беларуси).",
    ]
    assert [(c[0], c[3]) for c in _cells(lines)] == [
        (
            "Встреча с делегацией Лидского района Гродненской области (Республика Беларусь)",
            "в ходе которой обсуждены планы",
        ),
        ("Фестиваль «Звоны»", "гости из Беларуси"),
    ]


def test_a_day_and_month_with_no_year_take_the_year_of_the_event_told_before() -> None:
    """A sentence or paragraph telling an event on «24 марта» after one told on «12 марта 2025 г.»
    is of 2025; the letter's own date («10.01.2025 № 5», a fourth quarter reported in January)
    gives no year."""
    lines = [
        "10.01.2025 № 5",
        "15 ноября 2024 года в г. Сосновке состоялся фестиваль «Зимние узоры». 24 ноября в Доме "
        "культуры прошла встреча с делегацией г. Гомеля.",
        "Также 20 декабря в г. Сосновке прошёл турнир «Кубок».",
    ]
    assert [c[:2] for c in _cells(lines)] == [
        ("Фестиваль «Зимние узоры»", "15 ноября 2024 года"),
        ("Встреча с делегацией г. Гомеля", "24 ноября 2024 г."),
        ("Турнир «Кубок»", "20 декабря 2024 г."),
    ]


def test_who_held_the_event_before_a_verb_taking_it_as_object() -> None:
    """«администрация района провела фестиваль «…» в г. Х»: the verb's object is the event (in the
    nominative), who held it goes to the goal; the event as object before the verb («выставку «…»
    посетили гости …») is named in the nominative; an event that «прошла в г. Х» is the subject."""
    lines = [
        "12 марта 2025 года администрация района провела фестиваль «Зимние узоры» в г. Сосновке.",
        "14 марта 2025 года Центр молодёжи организовал встречу с делегацией г. Гомеля.",
        "18 марта 2025 года конференция «Наука» прошла в г. Сосновке.",
        "22 марта 2025 года выставку «Ремёсла» посетили гости из Беларуси.",
    ]
    assert [(c[0], c[2], c[3]) for c in _cells(lines)] == [
        ("Фестиваль «Зимние узоры»", "г. Сосновка", "администрация района"),
        ("Встреча с делегацией г. Гомеля", "", "Центр молодёжи"),
        ("Конференция «Наука»", "г. Сосновка", ""),
        ("Выставка «Ремёсла»", "", "гости из Беларуси"),
    ]


def test_a_settlement_named_after_its_kind_abbreviated_is_where() -> None:
    """«в с. Липовка проведена …»: the name after a settlement's abbreviated kind («с.», «г.») is the
    settlement's, whole, not who held the event (the place was left as «с»)."""
    rows = _cells(
        [
            "– 1–2 марта 2025 г. в с. Липовка проведена ярмарка-выставка «Дружба на Сосне».",
            "– 20 марта 2025 г. в д. Ольховка состоялись соревнования по лыжным гонкам «Лыжня».",
        ]
    )
    assert [row[2] for row in rows] == ["с. Липовка", "д. Ольховка"]
