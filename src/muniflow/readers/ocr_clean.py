"""OCR's usual slips in a cell's Russian text put right (`clean`): look-alikes in Roman numerals and
lone numbers, abbreviations of settlements read as capitals, words cut at line ends, and the slips
`ocr_words` settles by the dictionary."""

from __future__ import annotations

import re

from muniflow.morph import analyzer
from muniflow.readers import ocr_letters, ocr_roman, ocr_words
from muniflow.readers.wordjoin import is_russian_word, rejoin_lines

# Roman numerals as OCR reads them in Russian text: "II" as Cyrillic "П", "III" as "Ш", "I" as "l";
# a lone "П" or "Ш" before a word is no Russian word, and digits alone are left as they are.
_ROMAN_READ = {"П": "II", "Ш": "III", "ПI": "III", "IП": "III", "1V": "IV", "lV": "IV"}
_ROMAN = re.compile(r"(?<![\w.,])(?:П|Ш|ПI|IП|1V|lV|[lI1]*[lI][lI1]*)(?![\w.,])(?=\s+[А-ЯЁа-яё])")


# The abbreviations before a settlement's name (г. город, д. деревня, с. село, п. посёлок) read as
# capitals (Tesseract's `rus` tells г from Г by size only): lower case when the next word is a
# place name in the dictionary and not a first name or surname (an initial: "П. Иванов").
_SETTLEMENT = re.compile(r"(?<![\w.])([ГДСП])\.(?=\s*([А-ЯЁ][а-яё-]+))")


def _lower_settlement(match: re.Match[str]) -> str:
    tags = [p.tag for p in analyzer().parse(match.group(2))]
    place = any("Geox" in t for t in tags) and not any(
        {"Surn", "Name", "Patr"} & set(t.grammemes) for t in tags
    )
    return f"{match.group(1).lower()}." if place else match.group()


# A word's last letter й wrapped alone onto the next line of a narrow cell, read as a capital И or
# Й: after a lower-case word with no stop, a capital conjunction cannot stand, so it is the й when
# the word with й is in the dictionary ("Лесно\nИ" -> "Лесной").
_WRAPPED_SHORT_I = re.compile(r"(?<![А-ЯЁа-яё])([А-ЯЁа-яё]*[а-яё])\n[ИЙ](?=[\s,.;:)]|$)")


def _wrapped_short_i(match: re.Match[str]) -> str:
    word = match.group(1)
    return f"{word}\nй" if is_russian_word(f"{word}й") else match.group()


# A cell that is only a short number (the № column) read with Cyrillic or Latin look-alikes.
_DIGIT_LOOKALIKES = str.maketrans("ЗзОоOбlI|", "300006111")
_SHORT_NUMBER = re.compile(r"[0-9ЗзОоOбlI|]{1,3}\.?")


def clean(text: str) -> str:
    """OCR's usual slips in Russian text: marks read from a scan's specks, odd dashes and quotes,
    look-alikes in Roman numerals and in a lone number, words cut at line ends, a speck read as a
    period at a line's end."""
    if _SHORT_NUMBER.fullmatch(text.strip()):
        return text.strip().translate(_DIGIT_LOOKALIKES)
    text = re.sub(r"[‐‑‒—―]", "–", ocr_words.speck_marks(text))
    text = ocr_words.date_range(ocr_words.punctuation(text.replace("...", "…")))
    text = ocr_words.abbreviation_phrases(text)
    text = ocr_words.stray_periods(text)
    text = ocr_words.lower_misread_capitals(ocr_roman.roman_numerals(text))
    text = ocr_words.city_abbreviation(ocr_words.wrapped_capitals(text))
    text = ocr_words.join_split_words(_SETTLEMENT.sub(_lower_settlement, text))
    text = text.replace("„", "«").replace("“", "»").replace("”", "»")
    text = _ROMAN.sub(
        lambda m: _ROMAN_READ.get(m.group(), m.group().replace("l", "I").replace("1", "I")), text
    )
    # numerals again once cut words are whole: «ХХУ Международн\nой» needs the adjective whole;
    # confused letters only in whole words: a piece of a word cut at a line end is no word either
    whole = rejoin_lines(_WRAPPED_SHORT_I.sub(_wrapped_short_i, text))
    return ocr_roman.roman_numerals(ocr_letters.confused_letters(ocr_letters.lost_breves(whole)))
