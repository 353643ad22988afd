"""The one quote scanner: which words of a text stand inside quotes, nested quotes included.

«…» and „…“ open and close for sure; » and ” only close; “, " and ' close when inside quotes and
open otherwise (writers use them both ways). A stray closing mark never makes the depth negative.
"""

from __future__ import annotations

import re
from functools import lru_cache

_OPENING = frozenset("«„")
_CLOSING = frozenset("»”")
_EITHER = frozenset("“\"'")
QUOTE_MARKS = _OPENING | _CLOSING | _EITHER


@lru_cache(maxsize=8)
def _tokenizer(word: str) -> re.Pattern[str]:
    return re.compile(r"[«»„“”\"']|" + word)


def quoted_words(text: str, word: str) -> list[tuple[str, bool]]:
    """The words of `text` (matches of the regex `word`) in order, each with whether it stands
    inside quotes."""
    return [(token, name > 0) for token, name in quoted_names(text, word)]


def quoted_names(text: str, word: str) -> list[tuple[str, int]]:
    """The words of `text` in order, each with the number (1, 2, …) of the outermost quoted name
    it stands in, or 0 outside quotes: «A» и «B» are two names, «ГУО «Школа»» one."""
    depth = 0
    names = 0
    out: list[tuple[str, int]] = []
    for token in _tokenizer(word).findall(text):
        if token in QUOTE_MARKS:
            before = depth
            if token in _OPENING:
                depth += 1
            elif token in _CLOSING:
                depth = max(depth - 1, 0)
            else:
                depth = depth - 1 if depth else 1
            names += before == 0 and depth > 0
        else:
            out.append((token, names if depth > 0 else 0))
    return out
