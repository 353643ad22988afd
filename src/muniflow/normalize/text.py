"""Cell text hygiene: Word artefacts dropped, whitespace folded, the № cell read as a number."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Invisible characters Word leaves behind: soft hyphen, zero-width space/non-joiner/joiner, word
# joiner and the invisible operators, BOM, bidi embeddings/overrides and isolates. They carry no
# text, so they are dropped.
_INVISIBLE = frozenset(
    "\u00ad\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Digits set raised or lowered (Word's Superscript and Subscript, a PDF's smaller raised glyph), as
# the characters that show them so: a footnote mark typed by hand («12.04.2025¹») or a unit («м²»)
# stays apart from the number it follows. Readers write them; the date parser drops the raised.
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
# A footnote mark: raised digits after a word's letters or a closing bracket or quote («Сербия¹»,
# «(Индия)²»), or asterisks closing a text («Форум «Дружба»*»), also set apart by a space after a
# word or a closing quote or bracket («Форум «Дружба» *», «… (Индия) ²»; not after a number, «4 *»).
# A unit's power follows a unit's short name («м²», «км²») and stays.
_FOOTNOTE_MARK = re.compile(
    r"(?:(?<=[^\W\d_]{3})|(?<=[)»\"]))[⁰¹²³⁴⁵⁶⁷⁸⁹]+"
    r"|(?<=\S)\*+$"
    r"|(?:(?<=[^\W\d_])|(?<=[)»\"]))\s+(?:\*+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$"
)
_SEQ_NUMBER = re.compile(r"№?\s*([0-9]{1,6})\s*[.)]?")


def _dropped() -> re.Pattern[str]:
    """The characters folding drops: invisible ones, and control characters that are not blanks."""
    # Blank control characters (\r, Word's \v line break, \f) separate words: they stay blanks.
    # Control characters (category Cc) are exactly U+0000-U+001F and U+007F-U+009F, a set Unicode
    # promises never to change, so only those two ranges need looking at.
    controls = (chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)))
    drop = sorted(_INVISIBLE | {c for c in controls if unicodedata.category(c) == "Cc" and not c.isspace()})
    return re.compile("[" + re.escape("".join(drop)) + "]")


# Whole-string passes in C rather than a Python call per character: every cell is folded often.
_DROPPED = _dropped()
_UNSEEN = str.maketrans(dict.fromkeys(_INVISIBLE))


def visible(text: str) -> str:
    """The text without the invisible characters `fold` drops, its blanks and lines kept as they are:
    a heading or a title read as lines («Город N\u200b» names the town N)."""
    return text.translate(_UNSEEN)


# Texts remembered: a cell is folded again by every step that reads it (header search, headings,
# row fields, dates), and a string keeps its hash, so asking again costs one dictionary lookup.
@lru_cache(maxsize=1 << 15)
def fold(text: str) -> str:
    """The cell text as compared and stored: artefacts dropped, blanks folded to single spaces."""
    # split() breaks at exactly the characters \s matches (no-break spaces included), dropping the
    # blanks at both ends: the single spaces a reader sees.
    return " ".join(closed_up(_DROPPED.sub("", text)).split())


def closed_up(text: str) -> str:
    """The text with each word typed letter by letter with spaces written whole («Г О Р О Д   К А Л
    У Г А» -> «ГОРОД   КАЛУГА»)."""
    return _LETTER_SPACED.sub(_close_up, text) if _SPACED_CAPITALS.search(text) else text


# A word typed letter by letter with spaces («Г О Р О Д   К А Л У Г А», a heading's style): four
# capitals or more, one space apart; words stand two spaces or more apart.
_LETTER_SPACED = re.compile(r"(?<![^\s])(?:[А-ЯЁA-Z] ){3,}[А-ЯЁA-Z](?![^\s])")
# What such a word must hold, looked for first: fold runs on every cell, and few hold it.
_SPACED_CAPITALS = re.compile(r"[А-ЯЁA-Z] [А-ЯЁA-Z] [А-ЯЁA-Z] [А-ЯЁA-Z]")


def _close_up(match: re.Match[str]) -> str:
    return match.group().replace(" ", "")


def seq_number(text: str) -> int | None:
    """The № cell as a number ("1.", "3)", " 7 "), or None when it holds no single whole number."""
    match = _SEQ_NUMBER.fullmatch(fold(text))
    return int(match.group(1)) if match else None


def without_footnote_marks(text: str) -> str:
    """A name's text (an event's title, its place) without the footnote marks set after its words."""
    return _FOOTNOTE_MARK.sub("", text)
