"""Whether the dictionary (pymorphy3 via `muniflow.morph`) knows a word OCR read, as something other
than an abbreviation: the test every OCR word fix (`ocr_words`, `ocr_roman`) and a text layer's
check (`pdflayer`) make before changing a word."""

from __future__ import annotations

from muniflow.morph import dictionary_parses
from muniflow.readers.wordjoin import is_russian_word

_ABBR = frozenset({"Abbr", "Init"})


def dictionary_word(word: str) -> bool:
    """True when the dictionary knows the word (any case) as something other than an abbreviation
    (СМИ, ГУО are in the dictionary, as abbreviations: their capitals are right)."""
    lower = word.lower()
    if not is_russian_word(lower):
        return False
    return any(not (p.tag.grammemes & _ABBR) for p in dictionary_parses(lower))
