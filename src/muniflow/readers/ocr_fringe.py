"""A scanned heading's fringe: the marks and stray letters OCR reads round a municipality's name.

A heading merged across a scanned table is often read with a speck, a stamp's edge or a fold's
shadow on either side of its name: «и – 7 Энский муниципальный район а», «ИА И «Энский район. 5 п»,
«- я – Город Энск ––». Read as it is, the line names no municipality, or a wrong one («И»): its
rows went under none (taken for a totals line, skipped) or under a letter. The words at its ends
that hold no run of three letters (marks, digits, a letter or two) are that fringe; the line is
read without them only when so it names a municipality and as read it names none (a name of a
letter or two is none). «г. Энск», «МО «Энск»» name one as read, and keep their short words.
"""

from __future__ import annotations

import re

from muniflow.interpret.municipality import municipality_name

_WORD = re.compile(r"[^\W\d_]{3,}")
_LETTERS = re.compile(r"[^\W\d_]+")


def _name(text: str) -> str | None:
    """The municipality a line names, None for none or for a name of a letter or two («И»)."""
    name = municipality_name(text)
    return name if name is not None and _WORD.search(name) else None


def _stray(token: str) -> bool:
    """A fringe word that is no abbreviation either (as «МО», «ГО» are): marks, digits, one letter
    («т», «д»», «Е»)."""
    return len("".join(_LETTERS.findall(token))) <= 1


def without_fringe(text: str) -> str:
    """The heading's text without its OCR fringe where only so it names a municipality (or names
    the same one, the fringe being marks and single letters only); else as read."""
    tokens = text.split()
    start, end = 0, len(tokens)
    while start < end and not _WORD.search(tokens[start]):
        start += 1
    while end > start and not _WORD.search(tokens[end - 1]):
        end -= 1
    if (start, end) == (0, len(tokens)) or start == end:
        return text
    named = _name(text)
    if named is not None:
        dropped = tokens[:start] + tokens[end:]
        trimmed = " ".join(tokens[start:end])
        return trimmed if all(_stray(t) for t in dropped) and _name(trimmed) == named else text
    for first, last in ((start, end), (start, len(tokens)), (0, end)):
        trimmed = " ".join(tokens[first:last])
        if _name(trimmed) is not None:
            return trimmed
    return text
