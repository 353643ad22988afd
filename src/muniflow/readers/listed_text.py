"""The marks a letter's text is parted by (readers/listed.py): quoted names and brackets (nothing
is parted inside them), spaced dashes parting an item's parts, sentences' ends (not the full stop of
an abbreviation, «г.», «ул.»), and the first clause of a text up to a comma or a semicolon.
"""

from __future__ import annotations

import re

# A part of an item read by content: parts are parted by a dash with spaces around it.
PART = re.compile(r"\s+[-–—]\s+")
# A quoted name, nested quotes inside («Конференция «Карелия – Приморье»»).
QUOTED = re.compile(r"«(?:[^«»]|«[^«»]*»)*»|\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]")
# «в», «на», «у» opening the words naming where («у мемориала»).
PREPOSITION = re.compile(r"(?i)(?:в|во|на|у)\s+")
# Where a paragraph's sentence ends: a full stop, a colon or a semicolon before a space.
SENTENCE_END = re.compile(r"[.!?:;]\s+")
# A full stop closing an abbreviation («г.», «ул.», «им.»): no sentence's end.
ABBREVIATION = re.compile(r"(?:^|[\s(.])[а-яё]{1,3}\.$")  # «г.», «р.п.»
# An item's number opening the line («1.», «2.1.»): no sentence before it.
_NUMBER_ONLY = re.compile(r"\s*\d{1,3}(?:\.\d{1,3})*[.)]")
# A bracket, none nested in it: a remark, or an item's dates and where.
BRACKETED = re.compile(r"\([^()]*\)")
# A remark in brackets closing a sentence's name: who came, how many.
TRAILING_REMARK = re.compile(r"\s*\(([^()]*)\)$")
# A name names something: a word of three letters or more.
NAMING = re.compile(r"[^\W\d_]{3}")
# What a part of an item is trimmed of at both ends: blanks, punctuation, dashes.
EDGE = " \t,;:-–—."


def pieces_of(line: str) -> list[str]:
    """A paragraph's sentences and the parts of one a colon or a semicolon parts, outside quotes
    and brackets («Конференция: итоги года», «(3.04.2025; 5.04.2025)» part nothing)."""
    enclosed = [(m.start(), m.end()) for m in (*QUOTED.finditer(line), *BRACKETED.finditer(line))]
    cuts = [
        m.end()
        for m in SENTENCE_END.finditer(line)
        if not ABBREVIATION.search(line[: m.start() + 1])
        and not _NUMBER_ONLY.fullmatch(line[: m.start() + 1])
        and not any(a < m.start() < b for a, b in enclosed)
    ]
    return [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]


def sentence_start(text: str) -> int:
    """Where the last sentence of the text opens (after the last sentence's end)."""
    ends = [m.end() for m in SENTENCE_END.finditer(text) if not ABBREVIATION.search(text[: m.start() + 1])]
    return ends[-1] if ends else 0


def dash_parts(text: str) -> list[str]:
    """The text's parts parted by spaced dashes outside quotes («Конференция «Карелия – Приморье» –
    г. Петрозаводск» is two parts)."""
    quoted = [(m.start(), m.end()) for m in (*QUOTED.finditer(text), *BRACKETED.finditer(text))]
    cuts = [m for m in PART.finditer(text) if not any(a < m.start() < b for a, b in quoted)]
    pieces, at = [], 0
    for cut in cuts:
        pieces.append(text[at : cut.start()])
        at = cut.end()
    pieces.append(text[at:])
    return [p.strip(EDGE) for p in pieces if p.strip(EDGE)]


def first_clause(text: str) -> tuple[str, str]:
    """The text up to its first comma, semicolon or sentence's end outside quotes and brackets, and
    the rest."""
    depth = 0
    for i, char in enumerate(text):
        if char in "«“„(":
            depth += 1
        elif char in "»”)" and depth:
            depth -= 1
        elif not depth and (
            char in ",;"
            or (char == "." and text[i + 1 : i + 2] == " " and not ABBREVIATION.search(text[: i + 1]))
        ):
            return text[:i].strip(EDGE), text[i + 1 :].strip(EDGE)
    return text.strip(EDGE), ""
