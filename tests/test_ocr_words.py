"""OCR's slips in Russian words put right by the dictionary (readers/ocr_words.py and ocr_roman.py,
through ocr.clean), and the texts that must stay as they are."""

from __future__ import annotations

import pytest

from muniflow.readers import ocr, ocr_letters, ocr_roman

FIXED = [
    # (OCR text, expected, why)
    ("ХУ Международный фестиваль", "XV Международный фестиваль", "Cyrillic Х and У for X and V"),
    ("ХУП открытая конференция", "XVII открытая конференция", "П for II after XV"),
    ("Участие в У! городском фестивале", "Участие в VI городском фестивале", "! for I"),
    ("хшШ Международный конкурс", "XIII Международный конкурс", "Ш read twice in two cases"),
    ("хххшШ Международного фестиваля", "XXXIII Международного фестиваля", "XXX kept, the pair read once"),
    ("ГУ Всероссийский конкурс", "IV Всероссийский конкурс", "Г for I inside a numeral"),
    (
        "ш Межрегиональный (Г международный) праздник",
        "III Межрегиональный (I международный) праздник",
        "lone ш and Г before adjectives",
    ),
    ("ХИ открытый турнир", "XII открытый турнир", "И for II; «хи» is a word only in lower case"),
    ("ХН Международный фестиваль", "XII Международный фестиваль", "Н for a serif II, its strokes joined"),
    ("солисты ИЗ г. Минска", "солисты из г. Минска", "a preposition in capitals mid-sentence"),
    ("Соревнования В ПЯТИ дисциплинах", "Соревнования в пяти дисциплинах", "a run of words in capitals"),
    ("сольного И ансамблевого", "сольного и ансамблевого", "a one-letter conjunction as a capital"),
    ("для лиц С\nинвалидностью", "для лиц с\nинвалидностью", "a one-letter preposition at a line's end"),
    ("проблем И ВЫЗОВОВ современного", "проблем и вызовов современного", "a run after a one-letter word"),
    ("солисты\nИЗ г. Минска", "солисты\nиз г. Минска", "capitals after a line break"),
    ("турнир в ФОК «Олимп»", "турнир в ФОК «Олимп»", "one word in capitals is an abbreviation, a noun too"),
    (
        "Ярмарка гончарного.\nпромысла",
        "Ярмарка гончарного\nпромысла",
        "a speck read as a period at a line's end",
    ),
    ("а Также выступления", "а также выступления", "a capitalized particle after a lower-case word"),
    ("изобр азительного творчества", "изобразительного творчества", "a word split after a fragment"),
    ("Дом культур Ы", "Дом культуры", "a last letter split off in capitals"),
    ("парк культур ыи отдыха", "парк культуры и отдыха", "a space one letter late"),
    ("Победит ели награждены", "Победители награждены", "a long word's end split off as a word"),
    ("Достигну та договорённость", "Достигнута договорённость", "two letters split off as a word"),
    ("парк\nкультур\nыи\nотдыха", "парк\nкультуры\nи\nотдыха", "a narrow cell's wrap, its space lost"),
    ("представителе йг. Витебска", "представителей г. Витебска", "the space before г. one letter late"),
    ("награждены диплома мии призами", "награждены дипломами и призами", "two letters late; a name's form"),
    ("национа ЛЬНЫЙ парк", "национальный парк", "a word split mid-word, its end in capitals"),
    ("выставо\nЧНЫЙ зал", "выставочный зал", "a wrapped word end read in capitals"),
    ("выставо\nЧНыЫЙ\nзал", "выставочный\nзал", "a wrapped word end with a letter read twice"),
    ("муниципалитетов ‚› промышленного", "муниципалитетов, промышленного", "a comma read as a low quote"),
    ("школа Ю 5 г. Кричев", "школа № 5 г. Кричев", "№ read as Ю before a number"),
    ("«Отдых - 2024»", "«Отдых – 2024»", "a spaced hyphen is Word's en dash"),
    ("делегация Монголии -– 38 чел.", "делегация Монголии – 38 чел.", "a dash read twice"),
    ("делегация из Лиды -\n220 чел.", "делегация из Лиды –\n220 чел.", "a spaced hyphen ending a line"),
    ("делегация из Лиды\n- 91 чел.", "делегация из Лиды\n– 91 чел.", "one opening the next line"),
    ("сбпо 8\nсентября 2024", "с 6 по 8\nсентября 2024", "a date range's spaces lost, 6 read б"),
    ("с 1Зпо 15 мая", "с 13 по 15 мая", "a day with З for 3"),
    ("Горолской округ город Торжок", "Городской округ город Торжок", "д read as л, one dictionary fix"),
    ("Горолской\nокруг", "Городской\nокруг", "the fix made once the line is read"),
    ("с 3 по 5\nоевраля\n2025", "с 3 по 5\nфевраля\n2025", "a serif ф read as о, one dictionary fix"),
    ("Муниципал\nьное образование", "Муниципальное образование", "a cut word joined, not 'fixed' in pieces"),
    ("«Гимназия №4»", "«Гимназия № 4»", "the narrow space after № lost"),
    ("имени н.М. Пржевальского", "имени Н.М. Пржевальского", "an initial read in lower case"),
    ("в\nХХУ Международн\nой выставке", "в\nXXV Международной выставке", "the adjective cut at a line end"),
    ("в ХХY Международной выставке", "в XXV Международной выставке", "Latin Y for V"),
    ("Г Псков, Кремль", "г. Псков, Кремль", "г. with its dot lost, as a capital"),
    (
        "УП Семинар для специалистов",
        "VII Семинар для специалистов",
        "an ordinal opening a cell, a noun after",
    ),
    ("1Х Мастер-класс народных ремёсел", "IX Мастер-класс народных ремёсел", "1 for I opening a cell"),
    ("\\/ Круглый стол", "V Круглый стол", "a V read as its two strokes"),
    ("\\ Международный фестиваль", "V Международный фестиваль", "a V read as its left stroke"),
    ("\\У Международный фестиваль", "V Международный фестиваль", "a V read as a stroke and У"),
    ("1\\ Международный конкурс", "IV Международный конкурс", "IV read as 1 and a stroke"),
    (
        "форум «Снежинка» – У международная смена",
        "форум «Снежинка» – V международная смена",
        "у before a nominative",
    ),
    ("Г. Великие Луки", "г. Великие Луки", "г. before a town the dictionary lacks as a place"),
    ("Г.\nПсков", "г.\nПсков", "the line break after г. kept"),
    ("Луки иг. Полоцка", "Луки и г. Полоцка", "a conjunction glued to г."),
    ("т Витебск (Республика Беларусь)", "г. Витебск (Республика Беларусь)", "г. blurred into т"),
    ("г, Псков, выставочный зал", "г. Псков, выставочный зал", "the dot of г. read as a comma"),
    ("Г: Псков", "г. Псков", "the dot of г. read as a colon"),
]

KEPT = [
    ("обучающиеся ГУО «Гимназия»", "an abbreviation the dictionary knows as one"),
    ("представителей СМИ города", "an abbreviation in the dictionary"),
    ("преподаватели ДМШ, ДШИ городов", "abbreviations unknown to the dictionary"),
    ("Г. Петров", "an initial before a surname"),
    ("И. Иванов", "an initial with its dot"),
    ("У нас в гостях", "a capital preposition starting a sentence"),
    ("Беларусь и Китай", "a proper noun after a lower-case word"),
    ("Республики Беларусь и Китайской Народной Республики", "capitalized words of a name"),
    ("XV Международный фестиваль", "a Roman numeral read right"),
    ("! Концерт творческих коллективов", "a lone stroke opening a cell: which numeral cannot be told"),
    ("\\! Международный фестиваль", "a V's stroke and a stroke: VI or III cannot be told"),
    ("У Семинара своя программа", "a preposition before a genitive"),
    ("Участники:\n- школьники", "a list's hyphen after a colon"),
    ("встреча у международной границы", "a preposition before a genitive adjective"),
    ("Ель Новогодняя", "a word opening a cell"),
    ("их общий фестиваль", "a word made of numeral look-alikes"),
    ("15 участников", "a number"),
    ("культурного взаимодействия", "two known words never joined"),
    ("встреча в г. Минске", "the space before г. where it belongs"),
    ("во время визита по этому вопросу", "two words spelling a short word"),
    ("выход на встречу гостей", "two words spelling a long word end in a long word"),
    ("пилот ас высшего класса", "a short word where it stands keeps its letters"),
    ("Белмедпре параты", "a join the dictionary does not know"),
    ("мастер-классы по золотному шитью", "a known word before a word the dictionary lacks"),
    ("т Иванов", "no town after the letter"),
    ("МБОУ «Гимназия № 1 имени Н.М. Пржевальского»", "a surname the dictionary lacks, no letter fix"),
    ("формат видеоконференцсвязи", "a compound the dictionary lacks"),
    ("встреча с побратимами 3 мая", "с before a word is no date range"),
    ("с 6 по 8 сентября", "a date range read right"),
    ("работ\nМБОУ «Школа»", "an abbreviation starting a line"),
    ("Администрации\nСМИ", "a dictionary abbreviation starting a line"),
    ("пункт В", "a capital letter at the end of the text"),
    ("в г.Смоленске", "the abbreviation г. is no initial"),
    ("т.е. Смоленск", "an abbreviation of two lower-case letters"),
    ("2024–2026 годы; - Соглашение", "a hyphen after a semicolon (a list mark) is left"),
    ("около 3 тыс.\nзрителей", "an abbreviation's period at a line's end"),
    ("в ДК им.\nкосмонавтов", "a short abbreviation before a lower-case line"),
    ("выступил ансамбль.\nГости", "a sentence's end: the next line opens in capitals"),
]


@pytest.mark.parametrize(("text", "expected", "why"), FIXED, ids=[c[2] for c in FIXED])
def test_ocr_slips_are_put_right_by_the_dictionary(text: str, expected: str, why: str) -> None:
    assert ocr.clean(text) == expected, why


@pytest.mark.parametrize(("text", "why"), KEPT, ids=[c[1] for c in KEPT])
def test_text_ocr_read_right_is_kept(text: str, why: str) -> None:
    assert ocr.clean(text) == text, why


TWICE = [
    ("ыЫ", "ы", "the pair kept once"),
    ("шШ", "ш", "in the order read"),
    ("ххх", "ххх", "a letter repeated in one case is not a double reading"),
    ("ЧНыЫЙ", "ЧНыЙ", "inside a word"),
]


@pytest.mark.parametrize(("token", "expected", "why"), TWICE, ids=[c[2] for c in TWICE])
def test_a_letter_read_twice_in_two_cases_is_kept_once(token: str, expected: str, why: str) -> None:
    assert ocr_roman.read_twice(token) == expected, why


@pytest.mark.parametrize(
    ("read", "fixed"),
    [
        ("МУНИЦИПАЛЬНЫИ ОКРУГ ЗАВЬЯЛОВСКИИ РАИОН", "МУНИЦИПАЛЬНЫЙ ОКРУГ ЗАВЬЯЛОВСКИЙ РАЙОН"),  # capitals
        ("Краснинскии раион", "Краснинский район"),
        ("Международныи фестиваль", "Международный фестиваль"),
        ("исполнитель и гость", "исполнитель и гость"),  # words as they are
        ("ИЛИ", "ИЛИ"),
        ("Наиме", "Наиме"),  # a header word OCR cut («Наиме|нование»), no «Найме»
    ],
)
def test_a_breve_ocr_lost_is_put_back_where_the_dictionary_says(read: str, fixed: str) -> None:
    assert ocr_letters.lost_breves(read) == fixed


SPECKED = [
    ("г. Соколино, '.:. ‘ ‘ стадион «Олимп»", "г. Соколино, стадион «Олимп»", "words of marks only"),
    ("Витебского .. облисполкома", "Витебского облисполкома", "two stops standing alone"),
    ("`Рабочая встреча", "Рабочая встреча", "a tick glued to a word's start"),
    ("в рамках Года`молодёжи", "в рамках Года молодёжи", "a tick between two words"),
    (
        "делегация г. Бреста ° (Республика Беларусь)^",
        "делегация г. Бреста (Республика Беларусь)",
        "degree, caret",
    ),
    ("стадион «Олимп» ‘\nг. Брест", "стадион «Олимп»\nг. Брест", "a mark ending a line"),
    ("|Тихорецкий муниципальный район", "Тихорецкий муниципальный район", "a bar glued to a heading"),
    ("| Тихорецкий муниципальный район.", "Тихорецкий муниципальный район.", "a side rule read as a bar"),
]


@pytest.mark.parametrize(("text", "expected", "why"), SPECKED, ids=[c[2] for c in SPECKED])
def test_marks_read_from_a_scans_specks_are_taken_out(text: str, expected: str, why: str) -> None:
    assert ocr.clean(text) == expected, why


def test_marks_that_belong_to_the_text_stay_beside_the_specks() -> None:
    text = "ivan_petrov@mail.ru ‘ Ф.И.О. Иванов, на 5 % больше, д. 4, кв. 12 ° «Открытый урок» – с. Подгорное"
    expected = "ivan_petrov@mail.ru Ф.И.О. Иванов, на 5 % больше, д. 4, кв. 12 «Открытый урок» – с. Подгорное"
    assert ocr.clean(text) == expected


GLUED = [
    ("Цельи результаты проведения", "Цель и результаты проведения", "a conjunction glued to a header word"),
    ("развитиеи укрепление связей", "развитие и укрепление связей", "to a noun in a cell"),
    ("круглый стол всфере туризма", "круглый стол в сфере туризма", "a preposition glued before"),
    ("семьи и судьи, такси и статьи", "семьи и судьи, такси и статьи", "words that end in и stay"),
    ("г. Вельск, скорость, свою", "г. Вельск, скорость, свою", "a name, words that open with в, с, к stay"),
    ("напра влени я сотрудничества", "напра влени я сотрудничества", "a cut word's piece is no в + word"),
    ("Визит\nделег\nации\nг. Оша", "Визит\nделегации\nг. Оша", "a narrow cell's wrapped piece"),
    ("Представи\nтели\nадминистрации", "Представители\nадминистрации", "a piece before the wrap"),
    ("Цельи\nрезультаты", "Цель и\nрезультаты", "a glued word ending its line"),
    ("п. Приозерныи, новыи проект", "п. Приозерный, новый проект", "an adjective whose «й» was read «и»"),
]


@pytest.mark.parametrize(("text", "expected", "why"), GLUED, ids=[c[2] for c in GLUED])
def test_a_one_letter_word_ocr_glued_to_a_word_is_set_apart(text: str, expected: str, why: str) -> None:
    assert ocr.clean(text) == expected, why


ABBREVIATED = [
    ("189 участников, вт. ч. 13 гостей", "189 участников, в т. ч. 13 гостей", "the space after в lost"),
    ("74 участников, В Т. ч. 11 гостей", "74 участников, в т. ч. 11 гостей", "capitals mid-sentence"),
    ("350 участников, ВТ. ч. 15 гостей", "350 участников, в т. ч. 15 гостей", "both"),
    ("31 участник, в т.ч. 12 гостей", "31 участник, в т.ч. 12 гостей", "written with no space after a stop"),
    ("В т. ч. 12 гостей", "В т. ч. 12 гостей", "a capital opening the text"),
    ("вт. 12.05, книги и т.д.", "вт. 12.05, книги и т.д.", "another abbreviation, a phrase as written"),
]


@pytest.mark.parametrize(("text", "expected", "why"), ABBREVIATED, ids=[c[2] for c in ABBREVIATED])
def test_an_abbreviation_of_several_words_is_written_as_it_is(text: str, expected: str, why: str) -> None:
    assert ocr.clean(text) == expected, why


def test_iv_read_as_one_glyph_is_the_ordinal_only_before_an_adjective() -> None:
    """IV's strokes joined into «№» before the adjective an event's kind opens with is the ordinal;
    before a number or an abbreviation it is what it reads, and «М» (IV or VI) is left."""
    assert ocr.clean("№ Международный фестиваль") == "IV Международный фестиваль"
    assert ocr.clean("форум «Исток» – № международная смена") == "форум «Исток» – IV международная смена"
    for kept in ("Школа № 5", "№ п/п", "№ п/п Наименование", "М Международный фестиваль"):
        assert ocr.clean(kept) == kept


def test_a_word_longer_than_its_column_alone_on_its_line_is_made_whole() -> None:
    """A narrow cell's word wider than the column, cut at the line's end into two words the
    dictionary knows («Победит» + «ели»), made whole as on one line; two words of a wrap kept."""
    assert ocr.clean("Победит\nели конкурса") == "Победители конкурса"
    for kept in ("Гости\nдома культуры", "встреча\nна даче"):
        assert ocr.clean(kept) == kept


def test_an_adjectives_breve_lost_in_a_name_the_dictionary_lacks_is_put_back() -> None:
    """«-скии», «-цкии», «-ыи» end no Russian word form: a name's adjective the dictionary lacks,
    its «й» read as «и» (a heading in capitals above all), gets its «й» back."""
    assert ocr.clean("ЗАРЕЧЕНСКИИ МУНИЦИПАЛЬНЫЙ ОКРУГ") == "ЗАРЕЧЕНСКИЙ МУНИЦИПАЛЬНЫЙ ОКРУГ"
    assert ocr.clean("Верхнелугскии район") == "Верхнелугский район"
    assert ocr.clean("Межозерныи муниципальный округ") == "Межозерный муниципальный округ"
    assert ocr.clean("парк культурыи отдыха") == "парк культуры и отдыха"


def test_a_bracket_read_as_a_brace_is_round_where_its_pair_is() -> None:
    """A round bracket read as a brace in a 1-bit scan, its pair read right: Russian text writes
    no braces, so it is the round one; braces paired with each other are left."""
    assert ocr.clean("первенство {команды Монголии)") == "первенство (команды Монголии)"
    assert ocr.clean("Визит (обмен опытом в сфере ЖКХ}") == "Визит (обмен опытом в сфере ЖКХ)"
    assert ocr.clean("индекс {x} и (y)") == "индекс {x} и (y)"


def test_a_date_ranges_words_read_in_latin_look_alikes_are_put_right() -> None:
    """«с 3 по 4 сентября» read «c3no 4» (a Latin c, «no» for «по», the spaces lost): the range's
    grammar says where its words and days are; a word ending so is left."""
    assert ocr.clean("c3no 4 сентября 2025 года") == "с 3 по 4 сентября 2025 года"
    assert ocr.clean("с 9no 10 августа 2025 года") == "с 9 по 10 августа 2025 года"
    assert ocr.clean("г. Гродно 5 мая") == "г. Гродно 5 мая"
