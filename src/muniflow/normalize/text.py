"""Cell text hygiene: Word artefacts dropped, whitespace folded, the № cell read as a number."""

from __future__ import annotations

import re
import unicodedata

# Invisible characters Word leaves behind: soft hyphen, zero-width space/non-joiner/joiner,
# BOM, bidi embeddings/overrides and isolates. They carry no text, so they are dropped.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# No-break spaces are spaces to a reader, so they fold like any other blank.
_NO_BREAK_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " "}
_WHITESPACE_RUN = re.compile(r"\s+")
_SEQ_NUMBER = re.compile(r"№?\s*([0-9]{1,6})\s*[.)]?")


def _kept(char: str) -> bool:
    """Whether a character survives folding: visible text and blanks (folded later)."""
    if char in _INVISIBLE:
        return False
    # Blank control characters (\r, Word's \v line break, \f) separate words: keep them as blanks.
    return char.isspace() or unicodedata.category(char) != "Cc"


def fold(text: str) -> str:
    """The cell text as compared and stored: artefacts dropped, blanks folded to single spaces."""
    kept = "".join(_NO_BREAK_SPACES.get(char, char) for char in text if _kept(char))
    return _WHITESPACE_RUN.sub(" ", kept).strip()


def seq_number(text: str) -> int | None:
    """The № cell as a number ("1.", "3)", " 7 "), or None when it holds no single whole number."""
    match = _SEQ_NUMBER.fullmatch(fold(text))
    return int(match.group(1)) if match else None
