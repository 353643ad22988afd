"""A letter's text as the lines its items are read from (readers/listed.py): a PDF's wrapped
lines joined to the item or the sentence they go on, paragraphs cut into the sentences telling
events (two in one sentence: readers/listed_clauses.py), and a line that is a municipality's
heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from muniflow.enrich.contract import locality_abbreviations
from muniflow.interpret.municipality import municipality_name
from muniflow.normalize.text import fold
from muniflow.readers.listed_clauses import told_apart, years_carried
from muniflow.readers.listed_grammar import told_in
from muniflow.readers.listed_text import pieces_of

# A line ending its sentence.
_ENDED = re.compile(r"[.!?]\s*$")
# A heading is a short line: a municipality's name, maybe with a colon.
_HEADING_WORDS = 8


def told_sentences(lines: Sequence[str], item_of: Callable[[str], tuple[str, str] | None]) -> list[str]:
    """The paragraphs cut into their sentences telling events (`_sentences_of`), a day and month
    with no year given the year of the event told before it (`years_carried`)."""
    out: list[str] = []
    year: str | None = None
    for line in lines:
        parts, year = _sentences_of(line, item_of, year)
        out += parts
    return out


def _sentences_of(
    line: str, item_of: Callable[[str], tuple[str, str] | None], year: str | None
) -> tuple[list[str], str | None]:
    """A paragraph cut before each of its sentences after the first that is an item (an event told
    in a letter's paragraph, after a colon or a full stop); the paragraph whole when none is. And
    the year of the last event told, which a sentence's day and month with no year take."""
    # «…, а 24 мая … прошла встреча …»: two events of one sentence
    told = [clause for piece in pieces_of(line) for clause in told_apart(piece, item_of, told_in)]
    pieces, year = years_carried(told, year, item_of, told_in)
    if not any(item_of(p) for p in pieces[1:]):
        return [line] if pieces == told else [" ".join(pieces)], year
    out: list[str] = []
    for piece in pieces:  # the sentences before the first item stay one line: the lead's
        if out and item_of(piece) is None and item_of(out[-1]) is None:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return [p for p in out if p], year


def unwrapped(lines: Sequence[str], is_item: Callable[[str], bool], paragraphs: bool = False) -> list[str]:
    """A PDF's lines with each item's wrapped lines joined to it: a line that starts no item and is
    no heading goes on the item above while that has not ended its sentence; with `paragraphs`,
    on any line above that has not (an event told in a paragraph's sentence, wrapped)."""
    out: list[str] = []
    within = False  # the last line out is an item's
    for line in lines:
        joins = within or (paragraphs and bool(out) and not municipality_heading(out[-1]))
        if joins and not is_item(line) and not municipality_heading(line) and not _ended(out[-1]):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            continue
        out.append(line)
        within = is_item(line)
    return _dashes_rejoined(out, is_item)


def _dashes_rejoined(lines: Sequence[str], is_item: Callable[[str], bool]) -> list[str]:
    """The lines with a line opening with a dash joined to the item above when that item, numbered
    or bulleted otherwise, has not ended while the list's other items each end with a full stop or
    a semicolon: a PDF wrapped the item's text before its dash («2) Онлайн-встреча … (Республика
    Беларусь)» / «— 5 декабря 2024 г., …;»), it opens no item of its own."""
    dashed = {
        i
        for i, line in enumerate(lines)
        if i
        and _DASHED.match(line)
        and is_item(lines[i - 1])
        and not _DASHED.match(lines[i - 1])  # a dash after a dashed item may open the next
        and not _ITEM_ENDED.search(lines[i - 1])
    }
    others = [line for i, line in enumerate(lines) if is_item(line) and i + 1 not in dashed]
    if not dashed or not others or not all(_ITEM_ENDED.search(line) for line in others):
        return list(lines)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in dashed:
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


# A line opening with a dash (a bullet, or a wrapped item's «— dates»); an item's text ending it.
_DASHED = re.compile(r"\s*[-–—]\s")
_ITEM_ENDED = re.compile(r"[.;!?]\s*$")


def _ended(line: str) -> bool:
    """The line ends a sentence: a full stop, not the one of a settlement's abbreviation before its
    name on the next line («… 5 июня 2025 г. в р.п.» / «Озёрное состоялся …»; contracts/enrichment.yaml
    `locality_abbreviations`); «2025 г.» is the year's."""
    if not _ENDED.search(line):
        return False
    words = line.split()
    last = words[-1].lower().replace(".", "")
    if last not in locality_abbreviations():
        return True
    return len(words) > 1 and bool(_YEAR.fullmatch(words[-2]))


# A year before «г.»: «2025 г.» is «2025 года».
_YEAR = re.compile(r"\d{4}")


def municipality_heading(line: str) -> str:
    """The line as a municipality's heading («Печорский муниципальный округ:»), else ''."""
    name = fold(line).rstrip(":").strip()
    if len(name.split()) > _HEADING_WORDS or municipality_name(name) is None:
        return ""
    return name
