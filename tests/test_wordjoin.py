"""Text-only rules for PDF line breaks, decided by the Russian dictionary: rejoining whole texts,
the tie-break for full lines the geometry cannot decide, and hyphenation points."""

from __future__ import annotations

import pytest

from muniflow.readers.wordjoin import (
    drops_hyphen,
    is_russian_word,
    is_standalone_word,
    likely_cut,
    rejoin_lines,
    spells_word,
    tied_word_cut,
)

CASES = [
    # (cell text from the PDF, expected text, why)
    ("научно-\nпрактической", "научно-практической", "hyphenated compound wrapped after its hyphen"),
    ("Северо-\nЗападный округ", "Северо-Западный округ", "compound with a capital second part"),
    ("авто-\nмото", "авто-мото", "compound unknown to the dictionary keeps its hyphen"),
    ("Па-\nсваякоўскi", "Па-сваякоўскi", "Belarusian name: not Russian, the hyphen stays"),
    ("меж-\nдународный", "международный", "hyphenation point: only the solid word is a word"),
    ("2024–\n2026 годы", "2024–2026 годы", "number range wrapped after the en dash"),
    ("30 марта –\n2 апреля", "30 марта –\n2 апреля", "a spaced dash is punctuation, the break is real"),
    ("Фестива\nль", "Фестиваль", "cut word: the left piece alone is no word"),
    ("Беларус\nь)", "Беларусь)", "cut word with closing punctuation after it"),
    ("исполнительно\nго комитета", "исполнительного комитета", "'го' is an ending, not a word here"),
    ("Межмун\nиципаль\nное", "Межмуниципальное", "a word cut twice spans three lines"),
    ("Верхнедвинско\nго района", "Верхнедвинского района", "bare token, neither piece a Russian word"),
    ("муниципалитетов\n, эксперты", "муниципалитетов, эксперты", "no line starts with a comma unless cut"),
    ("11-15.07.20\n24", "11-15.07.2024", "a year cut inside a date"),
    ("по\nтом", "по\nтом", "both pieces are words: leave the break"),
    ("встреч\nи переговоров", "встреч\nи переговоров", "'и' is a word: no evidence of a cut"),
    ("Кривко,\nпредставитель", "Кривко,\nпредставитель", "line ends with punctuation"),
    ("Слонимского\nрайисполкома", "Слонимского\nрайисполкома", "two whole words the dictionary knows"),
    ("области и\nг. Витебска", "области и\nг. Витебска", "an abbreviation with its period starts a word"),
    ("состоялся авто-мото\nпробег.", "состоялся авто-мото\nпробег.", "compound before a space, not a cut"),
    ("музей-\nзаповед\nник", "музей-заповедник", "cut inside the part after a hyphen break"),
    ("договорились:\n- подписать", "договорились:\n- подписать", "list item"),
    ("планом\nа) провести", "планом\nа) провести", "lettered list item"),
    ("Minsk\nconference", "Minsk\nconference", "Latin words are never guessed"),
    ("одна строка", "одна строка", "nothing to join"),
    ("«Содружеств\nо в сфере", "«Содружество в сфере", "a preposition never stands before a preposition"),
    ("Доклад\nо в сфере", "Доклад\nо в сфере", "a preposition before a preposition, no word made"),
    ("беседа\nо войне", "беседа\nо войне", "a preposition before its noun stays one"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_rejoin_lines(text: str, expected: str, why: str) -> None:
    assert rejoin_lines(text) == expected, why


def test_idempotent() -> None:
    """Rejoining already rejoined text changes nothing."""
    for text, _, _ in CASES:
        once = rejoin_lines(text)
        assert rejoin_lines(once) == once


def test_only_line_breaks_change() -> None:
    """Joining removes line breaks and never touches other characters (bar a hyphenation point)."""
    for text, _, why in CASES:
        if "hyphenation point" in why:
            continue
        assert rejoin_lines(text).replace("\n", "") == text.replace("\n", "")


LIKELY_CUT = [
    # (full line without a break opportunity, the next line(s), a space would have been drawn,
    #  expected, why)
    ("РУП\xa0«Белмедпре", ["параты»"], False, True, "the left piece is no word, though the right one is"),
    ("(формат", ["видеоко", "нференц"], False, False, "a word; the next piece may be cut again"),
    ("(формат", ["видеоко", "нференц"], True, True, "no space: a paragraph would start with a word"),
    ("видеоконференц", ["связи)"], False, True, "with the pieces cut before, still no word"),
    ("Республики", ["бизнеса"], False, False, "with the pieces cut before, a whole word"),
    ("Пушкин", ["огорски", "й округ"], False, True, "pieces over three lines spell a dictionary word"),
    ("Печорск", ["ий округ"], False, True, "a name, but with 'ий' a longer word"),
    ("исполнитель", ["ства 13."], False, True, "the next line's first word ends there and is no word"),
    ("морской", ["мастер-классы"], True, False, "two words: a paragraph ended at a full line"),
    ("октября", ["2024 года"], True, False, "a number after a word"),
    ("15.07.", ["2024"], True, True, "a date cut after its dot"),
    ("15.07.20", ["24"], False, True, "digits after digits: a number was cut"),
    ("муниципалитетов", [", эксперты"], False, True, "no line starts with a comma unless cut"),
    ("РУП\xa0«", ["Белмедпрепараты»"], False, True, "no paragraph ends with an opening quote"),
    ("декоративно", ["-прикладного"], False, True, "cut just before a hyphen"),
    ("Представители", ["Генерального"], True, False, "a capital after a small letter starts a word"),
    ("МБУК", ["РУП «Белмедпрепараты»"], True, False, "an acronym after an acronym"),
    ("Смоленск,", ["МБОУ"], False, False, "the line ends with punctuation, not inside a word"),
    ("договорились", ["- подписать"], True, False, "a dashed list item"),
    ("планом", ["а) провести"], True, False, "a lettered list item after a word"),
    ("Полоц", ["к) делегации"], False, True, "'к)' looks like an item, but 'Полоц' is no word"),
    ("вручены", ["и"], False, False, "a one-letter word on a line of its own"),
    ("Беларусь", ["г. Смоленск"], True, False, "an abbreviation after a word"),
    ("Minsk", ["conference"], False, True, "Latin has no dictionary: a full one-run line counts as cut"),
    (
        "г. Красно",
        ["зер", "ск, музей"],
        False,
        True,
        "a capitalised word, then a token ending over two lines that is no word: a place name cut twice",
    ),
    (
        "Ясно",
        ["доль", "ск (Республика"],
        False,
        True,
        "the token ends where the line after starts with a bracket",
    ),
    (
        "Визит",
        ["делега", "ции г. Минска"],
        False,
        False,
        "a capitalised word, then a word cut once: two words",
    ),
    (
        "(формат",
        ["видеоко", "нференц", "связи)"],
        False,
        False,
        "a small word, then a compound the dictionary lacks: no proof of a cut, as before",
    ),
    (
        "для",
        ["волон", "тёров акции"],
        True,
        False,
        "a word, then a word cut once that ends there: two words, though a space would have been drawn",
    ),
    (
        "Народные",
        ["ансамбли", "области (30"],
        False,
        False,
        "a capitalised word, then a whole word on a line of its own: the token may end at that line",
    ),
    ("Липов", ["ка, музей"], False, True, "a two-letter particle before a comma is an ending («-ка»)"),
    (
        "многонациональности",
        ["народов края"],
        False,
        False,
        "a word the dictionary lacks, read as a prefix and a word, then a whole word: two words",
    ),
    ("Верхнеключевский", ["район:"], False, False, "an adjective by its ending, then a whole word"),
    (
        "Реконструкторы",
        ["из Беларуси"],
        False,
        False,
        "a word read as a prefix and a word, then a two-letter preposition: two words",
    ),
    ("Верхнеключевс", ["из района"], False, True, "a piece that is no word form before a preposition: cut"),
    ("ВЕРХНЕКЛЮЧЕВСКИЙ", ["РАЙОН"], False, False, "the same in capitals"),
    ("ВЕРХНЕКЛЮЧЕВС", ["КИЙ РАЙОН"], False, True, "capitals: a piece that is no word form, cut"),
    ("Верхнеключевс", ["кий район"], False, True, "a piece that is no word form: cut"),
    ("ДЕНЬ ГОРОД", ["А ЭНСКА"], True, True, "capitals: a word whose pieces in capitals spell a longer word"),
    ("ДЕНЬ МУЗЕЯ", ["И РАЙОНА"], True, False, "capitals: the pieces spell no word, two words"),
    ("проведению XXXIII", ["Международного форума"], False, False, "a word never changes alphabet"),
    (
        "(аудио",
        ["гидот", "екарь)"],
        False,
        True,
        "a known prefix before a token over two lines that is no word: one word behind the prefix",
    ),
    ("(эко", ["фести", "вальщ", "ики)"], False, True, "the same over three lines"),
    ("(ауди", ["огидо", "текарь)"], False, True, "a piece the prefix begins with, then a word-like piece"),
    ("(аудио", ["гид", "отекарями)"], False, True, "a prefix's word though the next line alone is a word"),
    ("после", ["фести", "вальщ", "ики)"], False, False, "a preposition the analyser takes for a prefix"),
]


@pytest.mark.parametrize(
    ("left", "following", "no_space", "expected", "why"), LIKELY_CUT, ids=[c[4] for c in LIKELY_CUT]
)
def test_likely_cut(left: str, following: list[str], no_space: bool, expected: bool, why: str) -> None:
    assert likely_cut(left, following, no_space) is expected, why


@pytest.mark.parametrize("word", ["Белозёрск", "берёзовское", "Белозерск"])
def test_a_word_the_dictionary_writes_with_e_is_known_with_yo(word: str) -> None:
    """The dictionary matches «е» to «ё» but holds some names with «е» only: written with «ё»,
    as reports write them, they are still words (so a cut name's pieces spell one)."""
    assert is_russian_word(word)
    assert is_standalone_word(word, True)


DROPS_HYPHEN = [
    # (line ending in a hyphen, next line, expected, why)
    ("меж-", "дународный", True, "only the solid word is a word: a hyphenation point"),
    ("научно-", "практической", False, "a compound keeps its hyphen"),
    ("меж\xad", "дународный", True, "a soft hyphen is never part of the text"),
    ("фестиваль –", "конкурс", False, "a spaced dash is punctuation"),
    ("2024–", "2026", False, "a number range keeps its dash"),
    ("Северо-", "Западный", False, "a capital after the hyphen: a compound of names"),
]


@pytest.mark.parametrize(("left", "right", "expected", "why"), DROPS_HYPHEN, ids=[c[3] for c in DROPS_HYPHEN])
def test_drops_hyphen(left: str, right: str, expected: bool, why: str) -> None:
    assert drops_hyphen(left, right) is expected, why


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("в XXV Международн", "ой выставке", True),
        ("в XXV Международной", "выставке", False),  # a word already: two words
        ("г. Смоленск,", "Республика", False),  # punctuation ends the line
        ("делега", "Ции", False),  # a capital starts a word
    ],
)
def test_spells_word(left: str, right: str, expected: bool) -> None:
    assert spells_word(left, right) is expected


TIED_CUT = [
    # (a line that would have wrapped at a breaking space, the next line, expected, why)
    ("слёт\xa0«Стрек", "оза» в парке", True, "the pieces spell a word, the right one alone is none"),
    ("регата «Пар", "ус» на озере", True, "two words that spell one, inside a quotation the line opens"),
    ("регата Пар", "ус на озере", False, "the same two words outside a quotation: a paragraph may end there"),
    ("выставка «", "Парус»", True, "no paragraph ends with an opening quote"),
    ("Международный фестиваль", "народного творчества", False, "two words: a line break in the title"),
    ("из г. Энска и", "г. Озёрска", False, "a one-letter word, then an abbreviation: two words"),
    ("гости из Энска и", "из Озёрска", False, "a one-letter word before a whole word"),
    ("в XXV Международн", "ой выставке", True, "the left piece is no word (spells_word)"),
]


@pytest.mark.parametrize(("left", "right", "expected", "why"), TIED_CUT, ids=[c[3] for c in TIED_CUT])
def test_tied_word_cut(left: str, right: str, expected: bool, why: str) -> None:
    assert tied_word_cut(left, right) is expected, why
