"""Two events told in one sentence of a letter: «12 марта 2025 г. в г. Х состоялся фестиваль «…», а
24 марта в Доме культуры прошла встреча …» — the sentence is cut before the second event's dates.

A cut stands at a comma (outside quotes and brackets) followed by a conjunction (pymorphy3's CONJ:
«а», «и», «но»), maybe with a few words that only link («а также»), then a day: where each side
tells an event of its own (the caller's `item_of`: the letter reader's items), the second by a
verb of holding (`told`: contract `toldVerbs`). A second event's
dates written with no year («а 24 марта») take the year of the first's: one sentence tells of one
year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from muniflow.interpret.combined import date_run
from muniflow.morph import analyzer
from muniflow.normalize.dates import parse_dates

# Quoted names and brackets: no cut inside them.
_ENCLOSED = re.compile(r"«(?:[^«»]|«[^«»]*»)*»|\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]|\([^()]*\)")
# A comma, then words (the conjunction and a few linking words), then a day opening the dates.
_CUT = re.compile(r",\s+((?:[а-яё]+\s+){1,3})(?=\d)")
# A day or days and a month opening a clause, with no year after them («24 марта», «3–5 июня»).
_DAY_MONTH = re.compile(r"\d{1,2}(?:\s*[-–—]\s*\d{1,2})?\s+[а-яё]+")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# Words that only link a sentence to the one before may stand before its dates («Также», «А затем»).
_LEAD_LINKS = 2
# Linking words a conjunction may take before the dates («а также», «и затем»).
_LINKING_POS = frozenset({"CONJ", "PRCL", "ADVB"})


def told_apart(sentence: str, item_of: Callable[[str], object], told: Callable[[str], bool]) -> list[str]:
    """The sentence cut into the events it tells one after another; [sentence] when it tells one."""
    enclosed = [(m.start(), m.end()) for m in _ENCLOSED.finditer(sentence)]
    for cut in _CUT.finditer(sentence):
        if any(a < cut.start() < b for a, b in enclosed) or not _links(cut.group(1)):
            continue
        first, second = sentence[: cut.start()].strip(), sentence[cut.end() :].strip()
        second = _with_year(second, first)
        if item_of(first) and item_of(second) and told(second):
            return [first, *told_apart(second, item_of, told)]
    return [sentence]


def _links(words: str) -> bool:
    """The words open with a conjunction and only link after it («а», «а также», «и затем»)."""
    first, *rest = words.split()
    readings = analyzer().parse(first)
    if not any(p.tag.POS == "CONJ" for p in readings):
        return False
    return all(any(p.tag.POS in _LINKING_POS for p in analyzer().parse(w)) for w in rest)


def _with_year(clause: str, before: str) -> str:
    """The clause with the year of the dates `before` names after its opening day and month, when it
    names none of its own («24 марта в …» after «12 марта 2025 г. …» -> «24 марта 2025 г. в …»)."""
    return with_year(clause, year_of(before))


def year_of(text: str) -> str | None:
    """The year the dates of the text name, None when they name none."""
    found = date_run(text)
    year = _YEAR.search(found[0]) if found is not None else None
    return year.group() if year is not None else None


def with_year(clause: str, year: str | None) -> str:
    """The clause with `year` after the day and month it opens with (maybe after words that only
    link it, «Также 27 марта …»), when its dates name no year of their own; as written otherwise."""
    opening = _DAY_MONTH.search(clause)
    if opening is None or year is None or date_run(clause) is not None:
        return clause
    lead = clause[: opening.start()].split()
    if len(lead) > _LEAD_LINKS or not all(
        any(p.tag.POS in _LINKING_POS for p in analyzer().parse(w.strip(",").lower())) for w in lead
    ):
        return clause
    dated = f"{opening.group()} {year} г."
    if parse_dates(dated, None).start is None:  # the word after the day is no month
        return clause
    return f"{clause[: opening.start()]}{dated}{clause[opening.end() :]}"


def years_carried(
    sentences: Sequence[str], year: str | None, item_of: Callable[[str], object], told: Callable[[str], bool]
) -> tuple[list[str], str | None]:
    """The sentences, in order, each telling an event (`told`) on a day and month with no year
    given the year of the event told last before it («12 марта 2025 г. состоялся фестиваль «…».
    24 марта в Доме культуры прошла встреча …»: one letter tells of one year); and the year last
    named by an event (`item_of`: not a letter's own date, which a report on the fourth quarter
    writes in the next year)."""
    out = []
    for sentence in sentences:
        if told(sentence):
            sentence = with_year(sentence, year)
        if item_of(sentence):
            year = year_of(sentence) or year
        out.append(sentence)
    return out, year
