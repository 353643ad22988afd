"""A letter listing its events as numbered paragraphs of labelled parts, under municipality
headings, instead of a table: read as event cards (readers/listed.py)."""

from __future__ import annotations

from pathlib import Path

import nil_builders as nb
import pytest

from muniflow import stages
from muniflow.contracts import header_synonyms
from muniflow.file_outcome import FileOutcome
from muniflow.model import RawDocument
from muniflow.readers.listed import listed_document

LINES = [
    "Направляем информацию о международных мероприятиях, проведённых муниципальными образованиями "
    "Северной области в I квартале 2025 года.",
    "Озёрный муниципальный округ",
    "1. Международный фестиваль «Звоны». Дата проведения: 21 января 2025 г.. Место проведения: "
    "г. Озёрск, Дом культуры. Цель и результат: Сохранение традиций. Участники: Гости из Беларуси, 40 чел.",
    "2. Встреча с делегацией г. Минска. Дата проведения: 16–17 февраля 2025 г. Место проведения: "
    "г. Озёрск. Участники: Делегация, 6 чел.",
    "Лесной район:",
    "1) Пленэр художников «Берега». Дата проведения: 3 марта 2025 г. Место проведения: д. Сосновка.",
    "Глава Озёрного муниципального округа    И.И. Иванов",
]


def test_a_letter_of_numbered_labelled_paragraphs_is_read_as_events(tmp_path: Path) -> None:
    outcome = stages.process_file(nb.nil_letter(tmp_path / "letter.docx", LINES))
    assert outcome.reason is None, outcome.message
    assert outcome.report is not None and outcome.report.period is not None
    assert (outcome.report.region, outcome.report.period.label) == ("Северная область", "2025Q1")
    rows = [
        (r.seq_text, r.municipality, r.title, r.place, str(r.start_date), str(r.end_date))
        for r in outcome.report.rows
    ]
    assert rows == [
        (
            "1",
            "Озёрный муниципальный округ",
            "Международный фестиваль «Звоны»",
            "г. Озёрск, Дом культуры",
            "2025-01-21",
            "2025-01-21",
        ),
        (
            "2",
            "Озёрный муниципальный округ",
            "Встреча с делегацией г. Минска",
            "г. Озёрск",
            "2025-02-16",
            "2025-02-17",
        ),
        ("1", "Лесной район", "Пленэр художников «Берега»", "д. Сосновка", "2025-03-03", "2025-03-03"),
    ]
    assert outcome.report.rows[0].participants == "Гости из Беларуси, 40 чел."


def test_a_numbered_letter_without_labelled_dates_stays_no_table(tmp_path: Path) -> None:
    """Numbered paragraphs that name no parts by label (a letter's points) are no list of events;
    the refusal says which items a letter's text is read by."""
    lines = [
        "О направлении информации",
        "1. Отчёт будет направлен после согласования.",
        "2. Контактное лицо: Петров П.П., тел. 12-34-56.",
    ]
    outcome = stages.process_file(nb.nil_letter(tmp_path / "points.docx", lines))
    assert outcome.reason == "no_table_found"
    # the refusal says what a letter's text is read by, so its sender knows to check the text
    assert "holds no table" in (outcome.message or "")
    assert "lists no events as muniflow reads them in a letter" in (outcome.message or "")


# Items that name no parts by label: read by their content (readers/listed_prose.py `prose`).
DASHED = [
    "Сведения о международных мероприятиях муниципальных образований Северной области за 3 квартал 2024 года",
    "Озёрный муниципальный округ",
    "– 15.07.2024 – г. Озёрск – Международная конференция «Память» – участники из Беларуси, 80 человек;",
    "– 22–24.08.2024 – г. Озёрск, парк культуры – Фестиваль реконструкции – 12 клубов из трёх стран.",
    "Лесной район",
    "1. 3 сентября 2024 г. – Онлайн-встреча школьников с ровесниками из г. Витебска – д. Сосновка "
    "– обмен опытом.",
]


def test_a_letter_of_dash_parted_items_is_read_by_their_content(tmp_path: Path) -> None:
    """Dates, place, name and goal parted by spaced dashes, in any order after the dates: the part
    opening with a place is the place, the first other part the name."""
    outcome = stages.process_file(nb.nil_letter(tmp_path / "dashed.docx", DASHED))
    assert outcome.reason is None, outcome.message
    assert outcome.report is not None and outcome.report.period is not None
    assert outcome.report.period.label == "2024Q3"
    rows = [
        (r.municipality, r.title, r.place, str(r.start_date), str(r.end_date)) for r in outcome.report.rows
    ]
    assert rows == [
        (
            "Озёрный муниципальный округ",
            "Международная конференция «Память»",
            "г. Озёрск",
            "2024-07-15",
            "2024-07-15",
        ),
        (
            "Озёрный муниципальный округ",
            "Фестиваль реконструкции",
            "г. Озёрск, парк культуры",
            "2024-08-22",
            "2024-08-24",
        ),
        (
            "Лесной район",
            "Онлайн-встреча школьников с ровесниками из г. Витебска",
            "д. Сосновка",
            "2024-09-03",
            "2024-09-03",
        ),
    ]
    assert outcome.report.rows[0].goal == "участники из Беларуси, 80 человек"


def test_a_letter_telling_its_events_in_sentences_is_read(tmp_path: Path) -> None:
    """The name follows the sentence's verb in the past, the place is what stands after «в» before it."""
    lines = [
        "Администрация Озёрного муниципального округа Северной области",
        "Информация о международных мероприятиях за 2 квартал 2024 года",
        "1. 14 апреля 2024 года в г. Озёрске состоялся Международный турнир по дзюдо «Кубок озёр», "
        "в котором приняли участие 120 спортсменов из России и Беларуси.",
        "2. 5 июня 2024 года проведена онлайн-встреча с представителями г. Новополоцка.",
    ]
    outcome = stages.process_file(nb.nil_letter(tmp_path / "sentences.docx", lines))
    assert outcome.reason is None, outcome.message
    assert outcome.report is not None
    rows = [(r.title, r.place, str(r.start_date)) for r in outcome.report.rows]
    assert rows == [
        ("Международный турнир по дзюдо «Кубок озёр»", "г. Озёрск", "2024-04-14"),
        ("Онлайн-встреча с представителями г. Новополоцка", "онлайн", "2024-06-05"),
    ]
    assert {r.municipality for r in outcome.report.rows} == {"Озёрный муниципальный округ"}


def test_a_pdf_letters_items_wrapped_over_lines_are_read_whole() -> None:
    """A PDF's text breaks an item over lines; the lines of an item not yet ended go on it."""
    text = "\n".join(
        [
            "Информация о международных мероприятиях Северной области за 3 квартал 2024 года",
            "Озёрный муниципальный округ",
            "1. 15.07.2024 – г. Озёрск – Международная конференция",
            "«Память» – участники из Беларуси,",
            "80 человек.",
            "2. 20.08.2024 – г. Озёрск – Фестиваль реконструкции.",
            "Глава округа И.И. Иванов",
        ]
    )
    doc = RawDocument(source_file="letter.pdf", format="pdf", title=text, tables=(), pages=1)
    listed = listed_document(doc, header_synonyms())
    assert listed is not None
    cells = [row.cells for row in listed.tables[0].rows]
    assert (
        "1",
        "Международная конференция «Память»",
        "15.07.2024",
        "г. Озёрск",
        "участники из Беларуси, 80 человек",
    ) in cells
    assert listed.closing == "Глава округа И.И. Иванов"


def test_a_letter_with_one_dated_paragraph_stays_no_table(tmp_path: Path) -> None:
    """A cover letter's dated lines («15.07.2024 № 123») are not a list of events: two dated items
    at the least. It sends a report it does not hold: refused as a covering letter alone."""
    lines = [
        "15.07.2024 № 01-12/345",
        "О направлении информации за 3 квартал 2024 года",
        "Направляем информацию о мероприятиях. Приложение: на 3 л.",
    ]
    outcome = stages.process_file(nb.nil_letter(tmp_path / "cover.docx", lines))
    assert outcome.reason == "covering_letter" and outcome.report is not None and not outcome.report.rows


HEAD = [
    "АДМИНИСТРАЦИЯ ОЗЁРНОГО МУНИЦИПАЛЬНОГО РАЙОНА СЕВЕРНОЙ ОБЛАСТИ",
    "04.07.2025 № 01-21/1733",
    "О направлении информации",
    "Администрация сообщает, что во II квартале 2025 года проведены следующие мероприятия:",
]


def _rows(outcome: FileOutcome) -> list[tuple[str, str, str, str]]:
    assert outcome.reason is None, outcome.message
    assert outcome.report is not None
    return [(r.municipality, r.title, r.place, str(r.start_date)) for r in outcome.report.rows]


def test_a_letter_signed_in_a_table_is_read_and_its_number_line_is_no_event(tmp_path: Path) -> None:
    """A signature laid out as a table hid the letter from the reader of items (unknown_layout);
    the letter's date and number line («04.07.2025 № …») opened the items and cut the title off
    its quarter."""
    blocks = [
        *HEAD,
        "1. 12 апреля 2025 г. в г. Озёрске состоялся фестиваль «Звоны» (гости из Беларуси, 40 чел.).",
        "2. 16 мая 2025 г. – д. Сосновка – турнир «Кубок озёр» – команды из Казахстана.",
        nb.SIGNATURE,
    ]
    outcome = stages.process_file(nb.with_tables(tmp_path / "signed.docx", blocks))
    assert outcome.report is not None and outcome.report.period is not None
    assert outcome.report.period.label == "2025Q2"
    assert _rows(outcome) == [
        ("Озёрный район", "Фестиваль «Звоны»", "г. Озёрск", "2025-04-12"),
        ("Озёрный район", "Турнир «Кубок озёр»", "д. Сосновка", "2025-05-16"),
    ]


def test_one_event_told_in_a_paragraph_beside_none_other_held_is_no_nil_report(tmp_path: Path) -> None:
    """«…характера: 24 июля 2025 года в пгт Х состоялась встреча …. Других мероприятий не
    проводилось.»: the event is read, the letter is no nil report."""
    lines = [
        *HEAD[:3],
        "Сообщаем, что во II квартале 2025 года проведено одно мероприятие международного характера: "
        "24 мая 2025 года в г. Озёрске состоялась рабочая встреча с делегацией г. Гродно. "
        "Других мероприятий в отчётном периоде не проводилось.",
    ]
    outcome = stages.process_file(nb.nil_letter(tmp_path / "one.docx", lines))
    assert _rows(outcome) == [
        ("Озёрный район", "Рабочая встреча с делегацией г. Гродно", "г. Озёрск", "2025-05-24")
    ]
    assert outcome.report is not None and not outcome.report.nil_municipalities


def test_an_event_told_with_its_dates_deep_in_a_sentence_is_read(tmp_path: Path) -> None:
    """«…информирует, что во II квартале 2025 года в рамках Соглашения … 14–15 мая 2025 года в г. Х
    прошёл фестиваль «…»»: the dates stand deep in the sentence, a verb telling the event was held
    follows them; «Иных мероприятий … не проводилось» beside it makes no nil report."""
    lines = [
        *HEAD[:3],
        "Администрация района информирует, что во II квартале 2025 года в рамках Соглашения о "
        "сотрудничестве с городом Пинском 14–15 мая 2025 года в г. Озёрске прошёл фестиваль «Берега "
        "дружбы», в котором приняли участие 200 человек. В рамках фестиваля подписан план встреч.",
        "Иных мероприятий международного характера во II квартале 2025 года не проводилось.",
    ]
    outcome = stages.process_file(nb.nil_letter(tmp_path / "deep.docx", lines))
    assert _rows(outcome) == [("Озёрный район", "Фестиваль «Берега дружбы»", "г. Озёрск", "2025-05-14")]
    assert outcome.report is not None and outcome.report.period is not None
    assert outcome.report.period.label == "2025Q2" and not outcome.report.nil_municipalities


def test_events_listed_in_one_paragraph_with_their_dates_in_brackets_are_read(tmp_path: Path) -> None:
    """«…проведены: турнир «…» (10–12.04.2025, СК «…»); фестиваль «…» (24 мая 2025 г., парк …);
    …»: each part closing with its dates in brackets is an event, the rest of the brackets where."""
    lines = [
        *HEAD[:3],
        "Сообщаем, что во II квартале 2025 года в г. Озёрске проведены: турнир по самбо «Кубок озёр» "
        "(10–12.04.2025, СК «Прибой»); фестиваль «Сосновые напевы» (24 мая 2025 г., парк Победы); "
        "онлайн-встреча со школьниками г. Пинска (18.06.2025).",
    ]
    assert _rows(stages.process_file(nb.nil_letter(tmp_path / "brackets.docx", lines))) == [
        ("Озёрный район", "Турнир по самбо «Кубок озёр»", "СК «Прибой»", "2025-04-10"),
        ("Озёрный район", "Фестиваль «Сосновые напевы»", "парк Победы", "2025-05-24"),
        ("Озёрный район", "Онлайн-встреча со школьниками г. Пинска", "онлайн", "2025-06-18"),
    ]


def test_a_pdf_paragraph_wrapped_after_a_settlements_abbreviation_and_a_nil_municipality() -> None:
    """A PDF line ending «в р.п.» has not ended its sentence: the settlement's name opens the next
    line; a sentence telling of an event deep in the next line does not open an item there. «В
    Лесном районе … мероприятия не проводились» among the events told is that district's nil row."""
    text = "\n".join(
        [
            "Информация о мероприятиях муниципальных районов Северной области во II квартале 2025 года",
            "В Полевом муниципальном районе 5–6 июня 2025 г. в р.п.",
            "Озёрное состоялся турнир «Кубок полей» (8 команд, в том числе 3 команды из",
            "Казахстана). Кроме того, 21 июня 2025 г. проведена онлайн-встреча глав районов.",
            "В Лесном муниципальном районе во II квартале 2025 года международные",
            "мероприятия не проводились.",
        ]
    )
    doc = RawDocument(source_file="letter.pdf", format="pdf", title=text, tables=(), pages=1)
    listed = listed_document(doc, header_synonyms())
    assert listed is not None
    cells = [row.cells[1:4] for row in listed.tables[0].rows]
    assert ("Турнир «Кубок полей»", "5–6 июня 2025 г.", "р.п. Озёрное") in cells
    assert ("Онлайн-встреча глав районов", "21 июня 2025 г.", "онлайн") in cells
    assert (
        "В Лесном муниципальном районе во II квартале 2025 года международные мероприятия не проводились.",
        "",
        "",
    ) in cells


def test_items_opening_with_their_dates_then_a_dash_name_their_venue_after_a_comma(tmp_path: Path) -> None:
    """«3 марта 2025 г. — турнир «…», стадион «…» (команды из …)»: the dates, a dash, the name;
    a short clause after the name's comma is where; «, с участием …» or a count of people is not."""
    lines = [
        *HEAD[:3],
        "Администрация сообщает о международных мероприятиях, проведённых в I квартале 2025 года.",
        "3 марта 2025 г. — турнир по хоккею «Кубок озёр», стадион «Сосна» (команды из Казахстана).",
        "15 марта 2025 г. — фестиваль «Звоны» с участием гостей из Беларуси, ДК «Заря».",
        "27 марта 2025 г. — выставка «Север», 40 участников.",
    ]
    assert _rows(stages.process_file(nb.nil_letter(tmp_path / "dashed.docx", lines))) == [
        ("Озёрный район", "Турнир по хоккею «Кубок озёр»", "стадион «Сосна»", "2025-03-03"),
        ("Озёрный район", "Фестиваль «Звоны»", "ДК «Заря»", "2025-03-15"),  # who took part: the goal
        ("Озёрный район", "Выставка «Север», 40 участников", "", "2025-03-27"),
    ]


def test_labels_after_semicolons_brackets_of_place_and_dates_and_a_venue_after_the_dates(
    tmp_path: Path,
) -> None:
    """«Мероприятие: …; дата: …; место: …» — labels in lower case after semicolons; «Турнир «…»
    (г. Х, стадион «…», 14–16 марта 2025 г.) — 180 спортсменов» — where and when in brackets, the
    dates last; «24 мая 2025 г., мемориальный комплекс «…» — акция «…»» — the dates, a comma, where."""
    lines = [
        *HEAD,
        "1. Мероприятие: открытый турнир по шашкам «Белая ладья»; дата: 05.04.2025; место: г. Озёрск, "
        "шахматный клуб; участники: 50 человек.",
        "2. Мероприятие: визит делегации г. Пинска; дата: 19.06.2025; место: администрация района.",
    ]
    assert _rows(stages.process_file(nb.nil_letter(tmp_path / "semicolons.docx", lines))) == [
        (
            "Озёрный район",
            "Открытый турнир по шашкам «Белая ладья»",
            "г. Озёрск, шахматный клуб",
            "2025-04-05",
        ),
        ("Озёрный район", "Визит делегации г. Пинска", "администрация района", "2025-06-19"),
    ]
    lines = [
        *HEAD,
        "1. Турнир по самбо «Кубок озёр» (г. Озёрск, стадион «Прибой», 14–16 мая 2025 г.) — 180 "
        "спортсменов из трёх стран.",
        "2. Вебинар «Экспорт без границ» (онлайн, 27 мая 2025 г.).",
        "3. 24 мая 2025 г., мемориальный комплекс «Лесная поляна» — акция «Поляна памяти» с участием "
        "гостей из Беларуси.",
    ]
    assert _rows(stages.process_file(nb.nil_letter(tmp_path / "bracketed.docx", lines))) == [
        ("Озёрный район", "Турнир по самбо «Кубок озёр»", "г. Озёрск, стадион «Прибой»", "2025-05-14"),
        ("Озёрный район", "Вебинар «Экспорт без границ»", "онлайн", "2025-05-27"),
        (
            "Озёрный район",
            "Акция «Поляна памяти»",
            "мемориальный комплекс «Лесная поляна»",
            "2025-05-24",
        ),
    ]


def test_a_place_opening_the_names_brackets_or_after_u_and_a_remote_event_online(tmp_path: Path) -> None:
    """«форум «…» (г. Х, 85 участников)» — the brackets open with a settlement: where; a country
    there names the guests; «проведена … у памятника …; участники …» — «у» names where, up to the
    semicolon; «Онлайн-встреча …» with no place is held «онлайн» (contract `remotePlace`)."""
    lines = [
        *HEAD,
        "1. 15 апреля 2025 года — бизнес-форум «Лесной кластер» (г. Озёрск, 85 участников).",
        "2. Акция «Память» проведена 5 мая 2025 г. у памятника Героям; участники из Беларуси.",
        "3. 20 мая 2025 г. — визит делегации г. Пинска (Республика Беларусь).",
        "4. 27 июня 2025 г. — онлайн-встреча молодёжных советов районов.",
    ]
    assert _rows(stages.process_file(nb.nil_letter(tmp_path / "where.docx", lines))) == [
        ("Озёрный район", "Бизнес-форум «Лесной кластер»", "г. Озёрск", "2025-04-15"),
        ("Озёрный район", "Акция «Память»", "памятника Героям", "2025-05-05"),
        ("Озёрный район", "Визит делегации г. Пинска (Республика Беларусь)", "", "2025-05-20"),
        ("Озёрный район", "Онлайн-встреча молодёжных советов районов", "онлайн", "2025-06-27"),
    ]


def test_taking_part_in_an_event_names_the_event(tmp_path: Path) -> None:
    """«делегация района приняла участие в форуме «…» в г. Х (…), по итогам …»: the row is the
    participation in the event («Участие в форуме «…»»), where it was held its place."""
    lines = [
        *HEAD,
        "1. 5 июня 2025 г. делегация района приняла участие в форуме «Соседи» в г. Пинске "
        "(Республика Беларусь), по итогам которого подписан план встреч.",
    ]
    assert _rows(stages.process_file(nb.nil_letter(tmp_path / "part.docx", lines))) == [
        ("Озёрный район", "Участие в форуме «Соседи»", "г. Пинск (Республика Беларусь)", "2025-06-05"),
    ]


def test_a_city_named_without_its_kind_by_its_sender_heads_the_events(tmp_path: Path) -> None:
    """«АДМИНИСТРАЦИЯ НИЖНЕГО ТАГИЛА» names no kind word: the city in the genitive after the
    sender's noun is the municipality («город Нижний Тагил»)."""
    lines = [
        "АДМИНИСТРАЦИЯ НИЖНЕГО ТАГИЛА",
        "Информация о международных мероприятиях во II квартале 2025 года",
        "1. Международный фестиваль «Звоны». Дата проведения: 21 мая 2025 г. Место проведения: Дом культуры.",
        "2. Визит делегации г. Пинска. Дата проведения: 16 июня 2025 г. Место проведения: администрация.",
    ]
    rows = _rows(stages.process_file(nb.nil_letter(tmp_path / "city.docx", lines)))
    assert [m for m, _, _, _ in rows] == ["город Нижний Тагил", "город Нижний Тагил"]


def test_municipalities_named_in_the_sentences_and_numbered_headings_head_their_events(
    tmp_path: Path,
) -> None:
    """«2. Лесной район» over «2.1. …» items, and «В Полевом муниципальном районе 5 июня 2025 г. …»:
    each event is its municipality's; «2.1.» is a number, not a date."""
    lines = [
        "Информация о мероприятиях муниципальных образований Северной области во II квартале 2025 года",
        "1. Озёрный район",
        "1.1. 18 апреля 2025 г., с. Ключи – Соревнования «Лёд» с участием команд из Казахстана.",
        "2. Лесной район",
        "2.1. 8 мая 2025 г., д. Сосновка – Фестиваль «Масленица без границ».",
        "В Полевом муниципальном районе 5 июня 2025 г. в с. Поле состоялся турнир «Кубок полей». "
        "Кроме того, 21 июня 2025 г. проведена онлайн-встреча с представителями г. Гомеля.",
    ]
    outcome = stages.process_file(nb.nil_letter(tmp_path / "region.docx", lines))
    rows = _rows(outcome)
    assert [(m, d) for m, _, _, d in rows] == [
        ("Озёрный район", "2025-04-18"),
        ("Лесной район", "2025-05-08"),
        ("Полевой район", "2025-06-05"),
        ("Полевой район", "2025-06-21"),
    ]
    assert rows[0][1:3] == ("Соревнования «Лёд»", "с. Ключи")


def test_word_bullets_and_items_parted_by_commas_are_read(tmp_path: Path) -> None:
    """Word draws a list's bullets out of the text: a «List Bullet» paragraph is an item; its event,
    dates and place parted by commas."""
    import docx

    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    for item in (
        "встреча с делегацией акимата района (Республика Казахстан), 25 апреля 2025 г., "
        "пос. Озёрный, администрация;",
        "районный фестиваль «Дружба народов», 18 мая 2025 г., с. Ключи; гости из Казахстана.",
    ):
        document.add_paragraph(item, style="List Bullet")
    path = tmp_path / "bullets.docx"
    document.save(str(path))
    assert _rows(stages.process_file(path)) == [
        (
            "Озёрный район",
            "Встреча с делегацией акимата района (Республика Казахстан)",
            "пос. Озёрный, администрация",
            "2025-04-25",
        ),
        ("Озёрный район", "Районный фестиваль «Дружба народов»", "с. Ключи", "2025-05-18"),
    ]


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        (
            [
                "Администрация Озёрного района",
                "План международных мероприятий на III квартал 2025 года",
                "1. 12 июля 2025 г. – г. Озёрск – Фестиваль «Звоны» – ожидаются гости из Беларуси.",
                "2. 16 августа 2025 г. – д. Сосновка – Турнир «Кубок озёр».",
            ],
            "a plan: its events are not held yet",
        ),
        (
            [
                "ПРОТОКОЛ заседания рабочей группы Озёрного района",
                "1. Слушали: о подготовке фестиваля «Звоны» (15–17 августа 2025 г.). Докладчик: Петров П.П.",
                "2. Решили: утвердить план, провести 16 августа 2025 г. турнир «Кубок озёр».",
            ],
            "minutes: points opening with labels no column is named by",
        ),
        (
            [
                "ПРОТОКОЛ № 2",
                "заседания совета по международным связям Озёрного района",
                "с. Ключи 14.07.2025",
                "ПОВЕСТКА ДНЯ:",
                "1. Об итогах проведения фестиваля «Звоны» (12–13 июля 2025 г.).",
                "2. О подготовке визита делегации в сентябре 2025 года.",
                "1. СЛУШАЛИ: Сидорову Е.Е. об итогах фестиваля.",
                "2. СЛУШАЛИ: Орлова К.К. о программе визита 18–20 сентября 2025 г.",
            ],
            "minutes headed «Протокол»: an agenda's points and their labels in capitals",
        ),
        (
            [
                "Администрация Озёрного района",
                "Во исполнение письма от 12.06.2025 № 17/2214 направляем отчёт о мероприятиях, "
                "проведённых в районе во II квартале 2025 года.",
                "Просим продлить срок до 25 июля 2025 г., так как отчёт проходил согласование.",
            ],
            "a cover letter: a document's date before its number, a date no held event follows",
        ),
        (
            [
                "ПОЛОЖЕНИЕ",
                "о проведении открытого турнира по шашкам «Озёрная ладья»",
                "1. Общие положения. Турнир проводится в целях развития спорта.",
                "2. Сроки и место. Турнир проводится 20–21 июня 2025 года в с. Ключи.",
                "3. Заявки подаются до 10 июня 2025 года.",
            ],
            "a regulation: «Положение о проведении …» sets out an event to come",
        ),
    ],
)
def test_letters_of_no_events_held_give_no_rows(tmp_path: Path, lines: list[str], reason: str) -> None:
    outcome = stages.process_file(nb.nil_letter(tmp_path / "none.docx", lines))
    # a cover letter sending the report («направляем отчёт») without it is a covering letter alone
    sends = reason.startswith("a cover letter")
    assert outcome.reason == ("covering_letter" if sends else "no_table_found"), reason
    assert outcome.report is None or not outcome.report.rows


def test_a_label_after_a_comma_and_a_venue_before_the_quoted_name(tmp_path: Path) -> None:
    """«Дата: 12.07.2025, место: пгт Х» — a label in lower case after a comma; «… – Озёрский
    музей-заповедник – выставка «…»» — a venue naming no town before the part naming the event."""
    lines = [
        *HEAD,
        "1. Фестиваль «Дни культуры». Дата: 12.04.2025, место: пгт Озёрный, площадь Ленина. "
        "Участники: 320 чел.",
        "2. Турнир «Кубок озёр». Дата: 02.05.2025, место: д. Сосновка, стадион. Участники: 46 чел.",
        "3. 3 июня 2025 г. – Озёрский музей-заповедник – выставка «Пейзажи севера».",
    ]
    assert _rows(stages.process_file(nb.nil_letter(tmp_path / "labels.docx", lines))) == [
        ("Озёрный район", "Фестиваль «Дни культуры»", "пгт Озёрный, площадь Ленина", "2025-04-12"),
        ("Озёрный район", "Турнир «Кубок озёр»", "д. Сосновка, стадион", "2025-05-02"),
    ]
    lines = [*HEAD, lines[-1], "4. 5 июня 2025 г. – г. Озёрск – Концерт «Звоны»."]
    assert _rows(stages.process_file(nb.nil_letter(tmp_path / "venue.docx", lines)))[0] == (
        "Озёрный район",
        "Выставка «Пейзажи севера»",
        "Озёрский музей-заповедник",
        "2025-06-03",
    )


def test_labels_on_lines_of_their_own_go_on_their_item(tmp_path: Path) -> None:
    """«1. Наименование мероприятия: …» then «Сроки проведения: …», «Место проведения: …» as
    paragraphs of their own: one item, named by its first label."""
    lines = [
        *HEAD,
        "1. Наименование мероприятия: Турнир «Амурская волна»",
        "Сроки проведения: 17–18 мая 2025 г.",
        "Место проведения: с. Ключи, спортивный зал",
        "2. Наименование мероприятия: Встреча с делегацией уезда Фуюань (КНР)",
        "Сроки проведения: 04.06.2025",
        "Место проведения: с. Ключи, администрация района",
    ]
    assert _rows(stages.process_file(nb.nil_letter(tmp_path / "lines.docx", lines))) == [
        ("Озёрный район", "Турнир «Амурская волна»", "с. Ключи, спортивный зал", "2025-05-17"),
        (
            "Озёрный район",
            "Встреча с делегацией уезда Фуюань (КНР)",
            "с. Ключи, администрация района",
            "2025-06-04",
        ),
    ]


def test_a_wrapped_line_opening_in_lower_case_is_no_plan_heading() -> None:
    """A PDF's line wrapped off a sentence («… в ходе визита» / «подписан план мероприятий на 2025
    год.») is short and names a plan, but goes on the sentence above: no heading of the letter."""
    from muniflow.readers import listed

    def no_item(line: str) -> None:
        return None

    assert not listed._plan_heading(["подписан план совместных мероприятий на 2025 год."], no_item)
    assert listed._plan_heading(["План мероприятий на III квартал 2025 года"], no_item)


def test_an_item_parting_its_name_from_its_dates_and_place_by_a_dash(tmp_path: Path) -> None:
    """«Фестиваль «…» — 11–13 мая 2025 г., г. Х»: the dash parts the name from when and where, so
    the place after the dates is no part of the name once the dates are read out."""
    lines = [
        *HEAD,
        "1) Фестиваль «Озёрные звоны» — 11–13 мая 2025 г., г. Озёрск;",
        "2) Турнир по самбо «Кубок озёр» — 20–21 июня 2025 г., с. Ключи.",
    ]
    assert _rows(stages.process_file(nb.nil_letter(tmp_path / "dash.docx", lines))) == [
        ("Озёрный район", "Фестиваль «Озёрные звоны»", "г. Озёрск", "2025-05-11"),
        ("Озёрный район", "Турнир по самбо «Кубок озёр»", "с. Ключи", "2025-06-20"),
    ]


def test_word_bullets_are_items_in_a_letter_signed_in_a_table(tmp_path: Path) -> None:
    """Word's own bullets are marks out of the text: the DOCX reader writes them as a PDF shows them
    in the text around tables too, so a letter signed in a table reads its bulleted items (its
    items were lost, the letter quarantined `unknown_layout`)."""
    import docx

    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    for item in (
        "встреча с делегацией акимата района (Республика Казахстан), 25 апреля 2025 г., пос. Озёрный;",
        "районный фестиваль «Дружба народов», 18 мая 2025 г., с. Ключи; гости из Казахстана.",
    ):
        document.add_paragraph(item, style="List Bullet")
    signature = document.add_table(rows=1, cols=2)
    signature.cell(0, 0).text, signature.cell(0, 1).text = "Глава района", "И.И. Иванов"
    path = tmp_path / "bullets_signed.docx"
    document.save(str(path))
    assert _rows(stages.process_file(path)) == [
        (
            "Озёрный район",
            "Встреча с делегацией акимата района (Республика Казахстан)",
            "пос. Озёрный",
            "2025-04-25",
        ),
        ("Озёрный район", "Районный фестиваль «Дружба народов»", "с. Ключи", "2025-05-18"),
    ]


def test_the_senders_letterhead_table_names_the_region_and_municipality_before_a_guests(
    tmp_path: Path,
) -> None:
    """A letter of items laid out with a letterhead table: its municipality and region are the
    sender's, written in that table, not a guest's a sentence of the letter names (the table's
    text was left out, and the guest's region taken)."""
    letterhead = [
        [
            "АДМИНИСТРАЦИЯ\nКЛЮЧЕВСКОГО МУНИЦИПАЛЬНОГО ОКРУГА\nЗАПАДНОЙ ОБЛАСТИ\n05.07.2024 № 2210",
            "Министерство внешних связей\nЗападной области",
        ]
    ]
    blocks = [
        letterhead,
        "О международных мероприятиях за II квартал 2024 года",
        "Во II квартале 2024 года округ посетила делегация Южной области, подписан план сотрудничества.",
        "1. 14 мая 2024 г. – с. Ключи – Фестиваль «Родники» – гости из Беларуси.",
        "2. 12 июня 2024 г. – с. Ключи – Турнир «Кубок родников» – команды из Казахстана.",
        [["Глава округа", "И.И. Иванов"]],
    ]
    outcome = stages.process_file(nb.with_tables(tmp_path / "letterhead.docx", blocks))
    assert outcome.report is not None
    assert outcome.report.region == "Западная область"
    assert _rows(outcome) == [
        ("Ключевский муниципальный округ", "Фестиваль «Родники»", "с. Ключи", "2024-05-14"),
        ("Ключевский муниципальный округ", "Турнир «Кубок родников»", "с. Ключи", "2024-06-12"),
    ]


def test_a_letter_of_unread_prose_in_layout_tables_says_what_letters_are_read() -> None:
    """A letter whose only tables are its letterhead and signature, its text telling no events as
    they are read: the refusal says no table or list of events was found and what a letter's items
    may be (it named the letterhead as the closest header and advised headerSynonyms); a small
    table of other data keeps that advice."""
    from muniflow.interpret import interpret_document
    from muniflow.interpret.errors import InterpretError
    from muniflow.model import RawRow, RawTable

    letterhead = RawTable(
        ("АДМИНИСТРАЦИЯ ЛЕСОГОРСКОГО РАЙОНА\n05.07.2025 № 812", "Министерство Северной области"),
        (),
        "table 1",
    )
    signature = RawTable(
        ("Глава Лесогорского района", "И.И. Иванов"),
        (),
        "table 2",
        "О мероприятиях\nСообщаем, что в районе прошли встречи с гостями из соседних стран.",
    )
    budget = RawTable(("Статья", "Сумма, руб."), (RawRow(("Связь", "1000"), "table 1, row 2"),), "table 1")
    for tables, letter in (((letterhead, signature), True), ((budget,), False)):
        with pytest.raises(InterpretError) as err:
            interpret_document(RawDocument("x.docx", "docx", "", tables), header_synonyms())
        assert err.value.reason == "unknown_layout"
        assert err.value.message.startswith("no events table or list of events") is letter
        assert ("headerSynonyms" in err.value.message) is not letter


def test_labelled_blocks_not_numbered_are_read(tmp_path: Path) -> None:
    """«Наименование: …; Дата: …; Место: …» paragraphs with no number: each opening with the label
    of an event's name is a block of its own, as a numbered one is."""
    lines = [
        *HEAD[:3],
        "Администрация Озёрного района сообщает о мероприятиях, проведённых во II квартале 2025 года.",
        "Наименование: Ярмарка ремёсел «Озёрная»; Дата: 14–15 мая 2025 г.; Место: г. Озёрск.",
        "Наименование: Турнир по шашкам «Ладья»; Дата: 7 июня 2025 г.; Место: с. Ключи.",
    ]
    assert _rows(stages.process_file(nb.nil_letter(tmp_path / "blocks.docx", lines))) == [
        ("Озёрный район", "Ярмарка ремёсел «Озёрная»", "г. Озёрск", "2025-05-14"),
        ("Озёрный район", "Турнир по шашкам «Ладья»", "с. Ключи", "2025-06-07"),
    ]
