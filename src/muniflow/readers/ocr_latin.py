"""Latin words in a Russian report read again in Latin letters (names of festivals, brands, «IT»).

Tesseract's `rus` model has no Latin letters: it reads «Open Air» as «Ореп А!», «Lab» as «1аб»,
«IT» as «П». Running `rus+eng` on every page would let the English model take Cyrillic words whose
letters look Latin («КОТ», «хор») as well. So only the words the dictionary does not know are read
again, each word's box cut out of the image Tesseract read and all of them stacked into one strip
that the Latin model (`latin_language` in contracts/ocr.yaml) reads in one run. The Latin reading
replaces the Cyrillic one when Tesseract is surer of it (`latin_confidence_margin`), sure enough
(`latin_confidence_min`: the English model reads a Russian word it cannot place as Latin letters
too, unsure of them) and its letters are all Latin. Piece by piece (a word's parts between hyphens
and dots), a piece the dictionary knows at the word's start or end is not read again («Евразия»
of «Евразия.Рос»: the share of the box its letters take is left out), and a piece whose Latin
reading has the same letters' shapes stays Cyrillic (the English model reads «хакатон» as
«xakatoh»: a Russian word).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from muniflow.readers.ocr_cells import Word
from muniflow.readers.ocr_dictionary import dictionary_word
from muniflow.readers.ocr_strip import stack
from muniflow.readers.wordjoin import ONE_LETTER_WORDS

Image = np.ndarray
ReadLatin = Callable[[Image], list[Word]]  # a strip -> its words in Latin letters

PAD = 4  # pixels kept around a word's box
GAP = 30  # white pixels between stacked words

_CYRILLIC = re.compile(r"[А-ЯЁа-яё]")
_PIECES = re.compile(r"([-.])")  # a word's parts: «IT-хакатон», «Евразия.Doc»
_LETTER = re.compile(r"[^\W\d_]")
# Lower-case Latin letters (and digits) the English model reads Cyrillic letters of the same shape (ь as b)
# as: «МБОУ» is read «MBOY» or «M6OY», «хакатон» «xakatoh»
_SAME_SHAPE = {
    "a": "а", "b": "бвь", "c": "с", "e": "её", "h": "н", "k": "к", "m": "м", "o": "о", "p": "р",
    "r": "г", "t": "т", "x": "х", "y": "у", "3": "з", "6": "б",
}  # fmt: skip
# Two Latin letters the English model reads one Cyrillic capital as: «П» is a «T» beside an «l»
# («Порсков» read «Tlopckob»), «Л» a «J» beside an «I» («СЕВЕРОЛЕССК» read «CEBEPOJIECCK»)
_SAME_SHAPE_PAIRS = {"tl": "п", "ji": "л"}
_EDGE = re.compile(r"^([«»\"'„“”‘’‚‹›({\[]*)(.*?)([«»\"'„“”‘’‹›)}\],;:.]*)$", re.DOTALL)


def _core(text: str) -> str:
    match = _EDGE.match(text)
    return match.group(2) if match else text


def is_candidate(word: Word) -> bool:
    """A word that may be Latin read in Cyrillic look-alikes: Cyrillic letters in it, and neither
    it nor its parts between hyphens and dots a word the dictionary knows as a whole; a number with
    its ending («1-й», «2-х») and an abbreviation's letter («г.», «с.») are none."""
    core = _core(word.text)
    if not _CYRILLIC.search(core) or core.lower() in ONE_LETTER_WORDS or (len(core) == 1 and core.islower()):
        return False
    if _ORDINAL.match(core):
        return False
    pieces = [p for p in _PIECES.split(core) if p and p not in "-."]
    return not all(_known(p) for p in pieces)


_ORDINAL = re.compile(r"\d+-")


def unknown_span(text: str) -> tuple[int, int]:
    """The letters of a candidate word to read again: from its first piece the dictionary does not
    know to its last («Евразия.Рос»: «Рос»), the whole word when no piece is known."""
    match = _EDGE.match(text)
    if match is None:
        return 0, len(text)
    start = match.start(2)
    spans = []
    at = start
    for piece in _PIECES.split(match.group(2)):
        if piece and piece not in "-." and not _known(piece):
            spans.append((at, at + len(piece)))
        at += len(piece)
    if not spans or len(spans) == len([p for p in _PIECES.split(match.group(2)) if p and p not in "-."]):
        return 0, len(text)
    return spans[0][0], spans[-1][1]


# A piece of this many letters the dictionary knows is a Russian word wherever it stands; a shorter
# one is, written in lower case («IT-шоу»): a capitalized short word inside another («Евразия.Рос»,
# «Doc» read in Cyrillic) is as likely a Latin one
KNOWN_MIN = 4


def _known(piece: str) -> bool:
    return dictionary_word(piece) and (len(piece) >= KNOWN_MIN or piece.islower())


def _same_shapes(cyrillic: str, latin: str) -> bool:
    """Whether a Latin reading is the Cyrillic one in letters of the same shape («xakatoh», «хакатон»),
    marks aside."""
    cyrillic = "".join(_LETTER.findall(cyrillic.lower()))  # marks aside: «{КНР» is «(KHP»
    latin = "".join(ch for ch in latin.lower() if _LETTER.match(ch) or ch in _SAME_SHAPE)
    return _aligned(cyrillic, latin)


def _aligned(cyrillic: str, latin: str) -> bool:
    """Whether the Latin letters are the Cyrillic ones' look-alikes in order, one for one or two
    for one (`_SAME_SHAPE_PAIRS`)."""
    if not cyrillic or not latin:
        return cyrillic == latin
    first = cyrillic[0]
    for pair, letter in _SAME_SHAPE_PAIRS.items():
        if first == letter and latin.startswith(pair) and _aligned(cyrillic[1:], latin[len(pair) :]):
            return True
    same = first == latin[0] or first in _SAME_SHAPE.get(latin[0], "")
    return same and _aligned(cyrillic[1:], latin[1:])


def _all_latin(text: str) -> bool:
    letters = _LETTER.findall(text)
    return bool(letters) and all(ch.isascii() for ch in letters)


def merged(cyrillic: str, latin: str) -> str | None:
    """The text with its pieces read in Latin put in, or None when none is: a piece stays Cyrillic
    where the Latin reading is its letters' look-alikes («хакатон», «xakatoh»); a Latin reading
    cut into other pieces replaces the whole text unless it is all look-alikes."""
    match = _EDGE.match(cyrillic)
    if match is None or not _all_latin(latin):
        return None
    opening, cyrillic, closing = match.groups()
    latin = _core(latin)
    left = _PIECES.split(cyrillic)
    right = _PIECES.split(latin)
    if len(left) != len(right) or left[1::2] != right[1::2]:
        return None if _same_shapes(cyrillic, latin) else opening + latin + closing
    out = [
        c if _same_shapes(c, lat) or not _CYRILLIC.search(c) else lat
        for c, lat in zip(left[::2], right[::2], strict=True)
    ]
    pieces = [p for pair in zip(out, [*left[1::2], ""], strict=True) for p in pair]
    text = "".join(pieces)
    return opening + text + closing if text != cyrillic else None


def reread(image: Image, words: list[Word], read: ReadLatin, margin: float, floor: float) -> list[Word]:
    """`words` read on `image` (grey) with each candidate word read again in Latin letters, all in
    one run of `read`; a Latin reading is taken where its confidence is at least `floor` and beats
    the Cyrillic one's by more than `margin` (see `merged` for which pieces). A word whose other
    pieces are known words has only its unknown pieces' share of its box read (by their letters'
    count): the Latin model's confidence in a whole «Евразия.Рос» is its confidence in «Евразия»."""
    grey = image if image.ndim == 2 else image.mean(axis=2).astype(np.uint8)
    chosen = [(i, unknown_span(w.text)) for i, w in enumerate(words) if is_candidate(w)]
    if not chosen:
        return words
    crops = [_crop(grey, words[i], span) for i, span in chosen]
    strip, spans = stack(crops, GAP, GAP)  # the words GAP apart and around
    found = read(strip)
    out = list(words)
    for (i, (lo, hi)), (top, bottom) in zip(chosen, spans, strict=True):
        mine = sorted((w for w in found if top <= w.cy < bottom), key=lambda w: w.left)
        if not mine:
            continue
        conf = float(np.mean([w.conf for w in mine]))
        word = words[i]
        text = merged(word.text[lo:hi], "".join(w.text for w in mine))
        if text is not None and conf >= floor and conf > word.conf + margin:
            out[i] = replace(word, text=word.text[:lo] + text + word.text[hi:], conf=conf)
    return out


def _crop(grey: Image, word: Word, span: tuple[int, int]) -> Image:
    """The word's box, or its letters `span`'s share of its width."""
    lo, hi = span
    letter = word.width / max(1, len(word.text))
    left = word.left if lo == 0 else round(word.left + letter * lo)
    right = word.left + word.width if hi == len(word.text) else round(word.left + letter * hi)
    return grey[max(0, word.top - PAD) : word.top + word.height + PAD, max(0, left - PAD) : right + PAD]
