"""A row number misread among the words a table without rules is laid out from, read again.

A table drawn with no rule at all is laid out from Tesseract's words over its page (ocr_textgrid):
a row opens where its line starts with a number in the № column. Tesseract's Russian model reads
a lone digit there as a letter now and then («7» as «т», sure of it by a fourth), and that row
then goes on the row above: two events read as one. A short word that reads as no number, that
Tesseract is unsure of, first on its line and standing where the page's surely read row numbers
stand (their boxes overlap it across), is read again as digits (its tallest marks alone, as a
№ cell is: ocr_seqcell) and takes that reading where it is a number. Only the layout reads these
words; the cells are read again, each on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from muniflow.readers.ocr_cells import Word
from muniflow.readers.ocr_seqcell import NumberCellSettings, ReadLine, digits_only, is_number, wants_reread

NUMBERS_MIN = 2  # surely read row numbers that make a column of them


def misread_numbers(
    words: Sequence[Word], grey: np.ndarray, dpi: float, read: ReadLine, s: NumberCellSettings
) -> list[Word]:
    """The words, each that reads as a misread row number (see the module) read again as digits."""
    numbers = [w for w in words if is_number(w.text) and w.conf >= s.reread_conf_below]
    out = []
    for word in words:
        if _suspect(word, words, numbers, s.reread_conf_below):
            pad = max(2, word.height // 2)
            top, left = max(0, word.top - pad), max(0, word.left - pad)
            crop = grey[top : word.top + word.height + pad, left : word.left + word.width + pad]
            alone = digits_only(crop, dpi, s) if crop.size else None
            text, conf = read(alone) if alone is not None else ("", None)
            if is_number(text):
                word = replace(word, text=text.strip(), conf=word.conf if conf is None else conf)
        out.append(word)
    return out


def _suspect(word: Word, words: Sequence[Word], numbers: Sequence[Word], conf_below: float) -> bool:
    if word.conf >= conf_below or not word.text.strip() or not wants_reread(word.text):
        return False
    column = [n for n in numbers if n.left < word.left + word.width and word.left < n.left + n.width]
    if len(column) < NUMBERS_MIN:
        return False
    return not any(
        other.left < word.left and other.top <= word.cy <= other.top + other.height
        for other in words
        if other is not word
    )
