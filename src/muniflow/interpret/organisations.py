"""Columns that say who held an event, not which: an organiser, a responsible office, a partner.

A report may have a column of organisations («МБУК «Центр культуры»», «Отдел культуры
администрации …») or of responsible people («Смирнова Е.В., начальник отдела») beside the
events' names; its header may even take the title («Организатор мероприятия», «Наименование
учреждения»). Its cells are known by their first noun, a kind of institution, or an abbreviation
opening them (contract `organisationCells`), or a person named by initials; and a column repeating
a few values down the table names no events either. Such a column is no title, goal or
longest-text column where another column reads as the events' names (interpret/column_content.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from muniflow.contracts import load_contract
from muniflow.interpret.column_cells import KIND_DISTINCT_SHARE
from muniflow.interpret.header_words import lemma
from muniflow.interpret.muni_vocabulary import vocabulary
from muniflow.morph import analyzer

# Share of a column's cells that must name organisations or people for it to be such a column.
ORGANISATION_SHARE = 0.6
# A column repeating values down the table is judged over this many cells or more.
REPEAT_MIN_CELLS = 4
# How many first words of a cell its head noun (the kind of institution) is looked for in.
HEAD_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")
_VERBAL = frozenset({"VERB", "INFN", "PRTS", "GRND"})
# A person named by initials: «Е.В. Смирнова», «Смирнова Е. В.».
_INITIALS = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ]\.\s?[А-ЯЁ]\.(?:\s|,|$)|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    """The contract's institution kinds (lemmas) and abbreviations (capitals), longest first."""
    spec = load_contract().threshold("organisationCells", {}) or {}
    kinds = frozenset(lemma(str(w)) for w in spec.get("words", ()))
    abbreviations = tuple(sorted((str(a) for a in spec.get("abbreviations", ())), key=len, reverse=True))
    return kinds, abbreviations


@lru_cache(maxsize=4096)
def names_organisation(text: str) -> bool:
    """A cell naming an organisation (an abbreviation of one opening it, or its first noun a kind
    of institution, no verb following) or a person by initials."""
    flat = " ".join(text.split()).strip(" «»\"'")
    if not flat:
        return False
    _, abbreviations = _vocabulary()
    for abbreviation in abbreviations:
        if flat.startswith(abbreviation) and not flat[len(abbreviation) : len(abbreviation) + 1].isalpha():
            return True
    if _INITIALS.search(flat):
        return True
    return bool(_institution(flat))


def _institution(flat: str) -> str:
    """The lemma of a cell's head noun where it is a kind of institution and no verb follows, or ""."""
    kinds, _ = _vocabulary()
    head = next(
        (
            w
            for w in _WORD.findall(flat)[:HEAD_WORDS]
            if analyzer().parse(w)[0].tag.POS == "NOUN" or lemma(w) in kinds
        ),
        "",
    )
    if not head or lemma(head) not in kinds:
        return ""
    # «Администрация района приняла делегацию …» tells of an event
    verbal = any(analyzer().parse(w)[0].tag.POS in _VERBAL for w in _WORD.findall(flat.lower()))
    return "" if verbal else lemma(head)


@lru_cache(maxsize=4096)
def names_subordinate_body(text: str) -> bool:
    """A cell naming an office or an institution of a municipality («Отдел культуры Администрации
    Энского района», «Сектор культуры администрации … округа»): who held the event, though the
    municipality's name stands in it. The municipality's own body (contracts/municipalities.yaml
    `sender_nouns`: «Администрация Энского района») names the municipality itself."""
    head = _institution(" ".join(text.split()).strip(" «»\"'"))
    return bool(head) and head.replace("ё", "е") not in vocabulary().sender_nouns


def organisation_share(cells: Sequence[str]) -> float:
    """Share of the cells naming an organisation or a person."""
    return sum(1 for c in cells if names_organisation(c)) / len(cells) if cells else 0.0


def names_no_events(cells: Sequence[str]) -> bool:
    """Cells that are no events' names: most name organisations or people, or a few values repeat
    down the table."""
    if not cells:
        return False
    if organisation_share(cells) >= ORGANISATION_SHARE:
        return True
    distinct = len({" ".join(c.lower().split()) for c in cells})
    return len(cells) >= REPEAT_MIN_CELLS and distinct <= KIND_DISTINCT_SHARE * len(cells)
