"""Roman numerals OCR read as Cyrillic or other look-alikes («ХУ Международный» for XV, «ш» for
III, «№» for IV's strokes joined), put right where the letters mapped make a valid numeral and
stand where an ordinal does: before an adjective an event's kind opens with, a quarter's number,
a title's opening ordinal.
"""

from __future__ import annotations

import re

from muniflow.morph import analyzer, dictionary_parses
from muniflow.readers.ocr_dictionary import dictionary_word
from muniflow.readers.wordjoin import ONE_LETTER_WORDS

# Roman numerals read as Cyrillic or other look-alikes. A token of such letters before an adjective
# («ХУ Международный», «ш Межрегиональный», «(Г международный)») is an ordinal numeral when the
# letters mapped make a valid Roman numeral; a letter read twice («хшШ») is tried once.
_ROMAN_LOOKS = {
    "Х": "X", "х": "X", "X": "X", "x": "X",
    "У": "V", "у": "V", "V": "V", "v": "V", "Y": "V",
    "I": "I", "l": "I", "1": "I", "!": "I", "|": "I", "Г": "I", "і": "I", "i": "I",
    "П": "II", "И": "II", "Н": "II", "Ш": "III", "ш": "III",
}  # fmt: skip
_VALID_ROMAN = re.compile(r"^(?=.)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
# IV run together as one glyph «№» (the I and the V's strokes joined); told only before an adjective
# an ordinal stands before («№ Международный», «– № международная смена»). «М» is no such
# look-alike: IV and VI are both read so, and nothing tells which
_JOINED_LOOKS = {"№": "IV"}
_ORDINAL_LOOKS = {**_ROMAN_LOOKS, **_JOINED_LOOKS}
_ORDINAL_ADJECTIVE_MIN = 5  # letters: «Международный», «Всероссийский», «открытый»; no «п» of «п/п»
_ROMAN_TOKEN = re.compile(r"(?<![\w.,])([" + "".join(_ORDINAL_LOOKS) + r"]{1,7})(?=\s+\(?([А-ЯЁа-яё]+))")


def read_twice(token: str) -> str:
    """The token with a letter read twice, once in each case («ыЫ», «шШ»), kept once."""
    out: list[str] = []
    for ch in token:
        if out and ch != out[-1] and ch.lower() == out[-1].lower():
            continue
        out.append(ch)
    return "".join(out)


def _as_roman(token: str, looks: dict[str, str] = _ROMAN_LOOKS) -> str | None:
    for variant in (token, read_twice(token)):
        roman = "".join(looks[c] for c in variant)
        if _VALID_ROMAN.match(roman):
            return roman
    return None


def _named(word: str) -> bool:
    """Whether the dictionary reads the word as a person's or a place's name in any reading."""
    return any({"Name", "Surn", "Patr", "Geox"} & p.tag.grammemes for p in analyzer().parse(word.lower()))


def _is_adjective(word: str) -> bool:
    return any({"ADJF", "PRTF"} & p.tag.grammemes for p in analyzer().parse(word.lower()))


def _roman(match: re.Match[str]) -> str:
    token, following = match.groups()
    if token.isdigit() or (token.isascii() and _VALID_ROMAN.match(token)):
        return token  # a number, or a Roman numeral read right
    if token in ("!", "|", "1") or (token == "Г" and following[0].isupper()):
        return token  # «Г Псков»: the abbreviation г. with its dot lost
    if not _is_adjective(following):
        return token
    if set(token) & set(_JOINED_LOOKS):
        # a look-alike of IV joined stands only before the adjective an event's kind opens with,
        # a whole word, never before a name or an abbreviation («№ п/п»)
        whole = len(following) >= _ORDINAL_ADJECTIVE_MIN
        return (_as_roman(token, _ORDINAL_LOOKS) or token) if whole and not _named(following) else token
    if token in _V_WORDS and _nominative_noun(following):
        return "V"  # «у» governs a genitive, never a nominative: «– У международная смена»
    if token in ONE_LETTER_WORDS:
        return token
    if dictionary_word(token) and not (len(token) > 1 and token.isupper() and "Х" in token):
        return token  # a word, unless capitals with an X in them («ХИ»: the Greek letter's name)
    return _as_roman(token) or token


# A quarter's number before «квартал» (or «кв.») and a year is a Roman numeral I-IV in many
# titles («за IV кв. 2025 г.»), read as look-alikes a serif font makes of it: I with its serifs
# as Т, II joined by its serifs as и or П, IV as ТУ. No Russian word of these letters stands there
# (the conjunction и before «кварталы» or «квартала» with no year after is left).
_QUARTER_LOOKS = {**_ROMAN_LOOKS, "Т": "I", "т": "I", "и": "II"}
_QUARTER_TOKEN = re.compile(
    r"(?<![\w.,])([" + "".join(_QUARTER_LOOKS) + r"]{1,3})"
    r"(?=\s+(?i:кв\.|квартал[аеу]?)\s+\d{4}(?!\d))"
)
_QUARTERS = ("I", "II", "III", "IV")


def _quarter(match: re.Match[str]) -> str:
    token = match.group(1)
    roman = "".join(_QUARTER_LOOKS[c] for c in token)
    return roman if roman in _QUARTERS else token


def roman_numerals(text: str) -> str:
    """Ordinal Roman numerals before an adjective written in Latin letters, whatever look-alikes
    OCR read them as (ХУ -> XV, ХУП -> XVII, хшШ -> XIII, У! -> VI); a quarter's number before
    «квартал» or «кв.» likewise (ТУ кв. -> IV кв.); one opening a cell before a noun
    (see opening_ordinal)."""
    return opening_ordinal(_ROMAN_TOKEN.sub(_roman, _QUARTER_TOKEN.sub(_quarter, text)))


# A cell opening with a token of numeral look-alikes before a capitalized noun in the nominative
# («УП Семинар», «1Х Мастер-класс», «\/ Круглый стол»): an event's ordinal, as titles number
# recurring events. A V whose strokes stand apart is read as «\/», «\У» or its left stroke «\»
# alone (Tesseract `rus` reads a serif V so: «\» never stands for I). The lone marks that stand
# for one stroke or several («!», «|», «1») are left: which numeral they are cannot be told.
_OPENING_TOKEN = re.compile(
    r"^((?:\\[/УуV]?|[" + "".join(_ROMAN_LOOKS) + r"]){1,7})[ \t]+(?=([А-ЯЁ][а-яё]+))"
)
_V_STROKES = re.compile(r"\\[/УуV]?")
# The one-letter word a V is read as («У»): before a word in the nominative only it is the numeral.
_V_WORDS = frozenset({"У", "у"})
_STROKES = frozenset({"!", "|", "1", "l", "I", "i", "і"})


def _nominative_noun(word: str) -> bool:
    """True when the dictionary reads the word as a noun or an adjective in the nominative only
    (never as a genitive, as a preposition before it would want) and not as a name."""
    parses = dictionary_parses(word.lower())
    if not parses or any({"Name", "Surn", "Patr", "Geox"} & p.tag.grammemes for p in parses):
        return False
    return any({"NOUN", "ADJF"} & p.tag.grammemes and "nomn" in p.tag.grammemes for p in parses) and not any(
        "gent" in p.tag.grammemes for p in parses
    )


def opening_ordinal(text: str) -> str:
    """A Roman ordinal opening the text, read as look-alikes before a capitalized noun in the
    nominative, written in Latin letters (УП Семинар -> VII Семинар, ГУ Выставка -> IV Выставка)."""
    match = _OPENING_TOKEN.match(text)
    if match is None:
        return text
    token, following = match.groups()
    if set(token) <= _STROKES or (token.isascii() and _VALID_ROMAN.match(token)):
        return text  # strokes alone, or a numeral read right
    if len(token) > 1 and dictionary_word(token):
        return text
    if not _nominative_noun(following):
        return text
    if "\\" in token and "!" in token:
        return text  # «\!»: VI as often as III, which cannot be told
    roman = _as_roman(_V_STROKES.sub("V", token))
    return roman + text[len(token) :] if roman else text
