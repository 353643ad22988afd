"""Whether a document's text layer says what its pages show: glyphs with no Unicode, Latin-1 letters
standing for Cyrillic, Cyrillic that spells no word, Latin letters a font put Cyrillic glyphs on, no
letter at all. A layer that does not is read by OCR from the rendered pages (intake/checked.py)."""

from __future__ import annotations

import re
from pathlib import Path

from muniflow.intake.limits import Limits
from muniflow.model import RawDocument

_CID = re.compile(r"\(cid:\d+\)")
# Latin-1 letters: what Cyrillic in a one-byte Windows code page shows as when read as Latin-1
_LATIN1_LETTERS = re.compile(r"[\u00c0-\u00ff]")
# Code points that name no letter: the private use area (a font's map to Unicode pointing into it,
# as some PDF producers and font subsetters write it) and the replacement character
_UNMAPPED = re.compile(r"[\ue000-\uf8ff\ufffd]")


def unreadable_share(doc: RawDocument) -> float:
    """The share of a text layer's letters that say nothing: glyphs with no Unicode (pdfminer writes
    "(cid:12)"), glyphs mapped into the private use area, and Latin-1 letters standing for Cyrillic
    ones ("Îò÷åò" for «Отчет»); over the whole text, or over the title and the header cells alone
    when that is more (one font, the bold one of the title and headers, may have lost its map: then
    the report cannot be understood either)."""
    heads, body = _heads(doc), _body(doc)
    return max(_share(heads), _share(heads + body))


def _heads(doc: RawDocument) -> list[str]:
    return [doc.title, *(c or "" for table in doc.tables for c in table.header)]


def _body(doc: RawDocument) -> list[str]:
    return [c or "" for table in doc.tables for row in table.rows for c in row.cells]


def _share(texts: list[str]) -> float:
    text = "\n".join(texts)
    cids = len(_CID.findall(text))
    rest = _CID.sub("", text)
    unmapped = len(_UNMAPPED.findall(rest))
    letters = sum(ch.isalpha() for ch in rest)
    bad = cids + unmapped + len(_LATIN1_LETTERS.findall(rest))
    return bad / (letters + cids + unmapped) if letters + cids + unmapped else 0.0


def text_unreadable(doc: RawDocument) -> bool:
    """Whether a PDF's text layer is too unreadable to use (contracts/ocr.yaml, unreadable_text_share,
    cyrillic_min_share, unknown_word_share): then its rendered pages are read by OCR."""
    return _unreadable(_heads(doc), _body(doc))


def pdf_outlined_page(path: Path, limits: Limits) -> bool:
    """Whether one of a text PDF's pages draws its letters as outlines (contracts/ocr.yaml,
    outlined_page_min_shapes): then every page is read by OCR, so that none is left out."""
    from muniflow.contracts import load_yaml
    from muniflow.intake import pdf_guards

    settings = load_yaml("ocr.yaml", None, ("ocr",))["ocr"]
    return pdf_guards.pdf_has_outlined_page(path, limits, int(settings["outlined_page_min_shapes"]))


def pdf_text_unreadable(path: Path, max_pages: int) -> bool:
    """Whether the text of a PDF's pages (`max_pages` at most) is too unreadable to use: asked of a
    PDF whose reader found no events table, where a garbled layer leaves no header to recognise."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages[:max_pages]]
    return _unreadable([], texts)


def _unreadable(heads: list[str], body: list[str]) -> bool:
    from muniflow.contracts import load_yaml

    # the contract read directly, not through readers.ocr.settings(): that module imports OpenCV,
    # which a PDF read from its text should not pay for
    settings = load_yaml("ocr.yaml", None, ("ocr",))["ocr"]
    if max(_share(heads), _share(heads + body)) >= float(settings["unreadable_text_share"]):
        return True
    text = "\n".join(heads + body)
    if unknown_word_share(text) >= float(settings["unknown_word_share"]):
        return True
    return _cyrillic_share(text) < float(settings["cyrillic_min_share"]) and _shifted_share(text) >= float(
        settings["shifted_word_share"]
    )


# A word in small letters, Cyrillic only, long enough that the dictionary tells a word from a garble;
# names, abbreviations and words glued to digits or Latin letters stay out.
_PLAIN_WORD = re.compile(r"(?<![\w-])[а-яё]{4,}(?![\w-])")
# Plain words enough to judge a text layer by its words.
_WORDS_MIN = 20
# Plain words looked up at most: a text layer is judged by its first pages' words.
_WORDS_MAX = 2000


def unknown_word_share(text: str) -> float:
    """The share of a text's plain words (see _PLAIN_WORD) the dictionary does not know (0.0 with
    too few to tell): a font whose map to Unicode names the wrong Cyrillic letters gives Cyrillic
    that spells no word («эдоняэхя»), which no letter count tells from text."""
    from muniflow.morph import analyzer

    words = _PLAIN_WORD.findall(text)[:_WORDS_MAX]
    if len(words) < _WORDS_MIN:
        return 0.0
    known = analyzer()
    return sum(not known.word_is_known(w) for w in words) / len(words)


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_WORD = re.compile(r"\S+")
# A symbol between two Latin letters: where a font coding Cyrillic glyphs as ASCII puts the letters
# the Latin alphabet has no room for («N_^_jZevguc»).
_SHIFTED = re.compile(r"[A-Za-z][_^\\\[\]{}~@|`][A-Za-z]")


def shifted_share(doc: RawDocument) -> float:
    """The share of the text layer's words holding a symbol between two Latin letters."""
    return _shifted_share(_text(doc))


def _shifted_share(text: str) -> float:
    words = _WORD.findall(_CID.sub(" ", text))
    return sum(1 for w in words if _SHIFTED.search(w)) / len(words) if words else 0.0


def _text(doc: RawDocument) -> str:
    return "\n".join([doc.title, *(c or "" for table in doc.tables for row in table.rows for c in row.cells)])


def textless(doc: RawDocument) -> bool:
    """Whether a document read holds no letter or digit in its title, headers or cells: a PDF whose
    table is drawn in rules and its letters as outlines (then its pages are read by OCR)."""
    headers = (c or "" for table in doc.tables for c in table.header)
    return not any(ch.isalnum() for ch in "".join([_text(doc), *headers]))


# Letters enough to tell a text layer's script by.
_SCRIPT_MIN_LETTERS = 50


def cyrillic_share(doc: RawDocument) -> float:
    """The share of the text layer's letters that are Cyrillic (1.0 with too few letters to tell):
    a font whose codes map Cyrillic glyphs onto Latin letters shows «kljhbl_evkl»."""
    return _cyrillic_share(_text(doc))


def _cyrillic_share(text: str) -> float:
    letters = sum(ch.isalpha() for ch in _CID.sub("", text))
    return len(_CYRILLIC.findall(text)) / letters if letters >= _SCRIPT_MIN_LETTERS else 1.0
