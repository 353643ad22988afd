"""A word's letters OCR read as their look-alikes, put right by the dictionary: one letter Tesseract's
`rus` model confuses with another in small or blurred print (л/д, и/н, ш/щ, е/с, т/г, о for ф:
«Горолской» -> «Городской»), and «й» read as «и», its breve lost («РАИОН» -> «РАЙОН»). A word is
changed only into the one dictionary word a fix makes; anything else stays as read."""

from __future__ import annotations

import re
from collections.abc import Iterable

from muniflow.readers.ocr_dictionary import dictionary_word
from muniflow.readers.wordjoin import is_russian_word

# Letters Tesseract's `rus` model mistakes for one another in small or blurred print.
_CONFUSED = {
    "д": "л",
    "л": "д",
    "и": "н",
    "н": "и",
    "ш": "щ",
    "щ": "ш",
    "е": "с",
    "с": "е",
    "т": "г",
    "г": "т",
    "о": "ф",  # a serif ф whose loops close up reads as о («оевраля», «оорум»)
}
_LONG_WORD = re.compile(r"(?<![\w-])[А-ЯЁа-яё][а-яё]{5,}(?![\w-])")


def _one_letter_off(match: re.Match[str]) -> str:
    word = match.group()
    if is_russian_word(word):
        return word
    return _the_one_word(
        word,
        (
            word[:i] + (_CONFUSED[ch] if ch.islower() else _CONFUSED[ch.lower()].upper()) + word[i + 1 :]
            for i, ch in enumerate(word)
            if ch.lower() in _CONFUSED
        ),
    )


def _the_one_word(word: str, fixes: Iterable[str]) -> str:
    """The one fix of `word` the dictionary knows; `word` as read when none or several are."""
    found = {fixed for fixed in fixes if dictionary_word(fixed)}
    return found.pop() if len(found) == 1 else word


def confused_letters(text: str) -> str:
    """A word of six letters or more the dictionary lacks, with one letter that OCR confuses with
    another (л/д, и/н, ш/щ, е/с, т/г, о for ф), made the one dictionary word it would be with that letter
    («Горолской» -> «Городской»); a word with no such fix, or more than one, stays as read."""
    return _LONG_WORD.sub(_one_letter_off, text)


# A word whose «й» may have been read as «и» (the breve lost in small or blurred print, capitals
# above all): four letters or more, any case.
_BREVE_WORD = re.compile(r"(?<![\w-])[А-ЯЁа-яё]{4,}(?![\w-])")


def _breve_restored(match: re.Match[str]) -> str:
    word = match.group()
    if "и" not in word.lower() or is_russian_word(word.lower()):
        return word
    fixed = _the_one_word(
        word,
        (
            word[:i] + ("й" if ch == "и" else "Й") + word[i + 1 :]
            for i, ch in enumerate(word)
            if ch in "иИ" and _breve_place(word, i)
        ),
    )
    if fixed == word and word.lower().endswith(_NO_WORD_ENDS):
        # a name the dictionary lacks («ЧЕРНОРЕЧИНСКИИ», «Межозерныи»): no Russian word ends so,
        # an adjective's «-ий», «-ый» is
        return word[:-1] + ("Й" if word[-1] == "И" else "й")
    return fixed


# Endings no Russian word form has, an adjective's with its «й» read as «и».
_NO_WORD_ENDS = ("скии", "цкии", "ыи")


_VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")


def _breve_place(word: str, i: int) -> bool:
    """Where «й» stands: after a vowel, at the word's end or before another vowel («-ий», «-ый»,
    «раион»); «и» before a consonant («Наиме…», a word OCR cut) is left alone."""
    return i > 0 and word[i - 1] in _VOWELS and (i == len(word) - 1 or word[i + 1] in _VOWELS)


def lost_breves(text: str) -> str:
    """A word the dictionary lacks made the one dictionary word it is with one «и» read as «й»
    where «й» stands (`_breve_place`: «РАИОН» -> «РАЙОН», «Завьяловскии» -> «Завьяловский»); a word
    with no such fix, or more than one, stays as read («Наиме», a header word cut, is no «Найме»)."""
    return _BREVE_WORD.sub(_breve_restored, text)
