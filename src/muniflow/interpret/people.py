"""A table that lists people, not events: the guests of a forum, a delegation's members.

A report often closes with an appendix «Список иностранных участников форума» (№ | Ф.И.О. | Страна |
Организация | Сроки пребывания). Its dates and a column of long texts make it look like an events
table: the title is typed by its cells (the organisations' names, the longest texts) and every guest
would load as an event. Such a table names a person column in its header (contract `personColumns`:
«Ф.И.О.», «Фамилия, имя, отчество», «Должность»), a column the vocabulary of events does not name,
and that column's cells hold people's names (pymorphy3 tags a surname, a first name, a patronymic;
or initials by a surname: «И.О. Фамилия»). With its title typed by content it is a list of people;
with its title named by the header only when its heading says it is one too (the head noun of the
caption's last line, or of a title row above its header, contract `personListHeads`: «Список …»,
«Состав …», «Приложение …»), since an events table may name who was in charge of each event. Under
such a heading, with its title typed by content, any column holding names will do («Участник»).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from muniflow.contracts import load_contract
from muniflow.interpret.header_rows import HeaderFound
from muniflow.interpret.header_words import lemma
from muniflow.interpret.reading import CONTENT
from muniflow.model import RawRow
from muniflow.morph import analyzer
from muniflow.normalize.text import fold

# The reason a table is skipped as a list of people: it opens every such reading (refusal_message).
PEOPLE_REASON = "a list of people, not of events"

_NAME_TAGS = frozenset({"Surn", "Name", "Patr"})
_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")
# «Ф.И.О.», «Ф. И. О.»: letters with dots, read as one word («фио»)
_LETTERS = re.compile(r"(?:[А-Яа-яЁё]\.\s?){2,}")
_CAPITAL = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_INITIALS = r"[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?"
# «И.О. Фамилия», «Фамилия И.О.»
_INITIALLED = re.compile(rf"^(?:{_INITIALS}\s?{_CAPITAL}|{_CAPITAL}\s+{_INITIALS})$")
# Where a cell's name ends and a position or an organisation begins: «Иванов И.И., директор».
_NAME_END = re.compile(r"[,;(\n–—]| - ")
# A person's name is this many words.
_NAME_WORDS = (2, 4)


def people_list(found: HeaderFound, body: Sequence[RawRow], *headings: str) -> str | None:
    """The header label of the person column when the table lists people, not events; None when it
    does not. `headings` are the texts above the table (its caption, the rows above its header)."""
    title = next((m for m in found.matches if m.column == "title"), None)
    by_content = title is None or title.evidence == CONTENT
    listed = _list_heading(headings)
    if not (by_content or listed):
        return None  # an events table may name who was in charge of each event
    person = _person_column(found, body, any_column=by_content and listed)
    return found.labels[person] if person is not None else None


def _person_column(found: HeaderFound, body: Sequence[RawRow], any_column: bool = False) -> int | None:
    """A column the header names a person's (contract `personColumns`) and no event's column by the
    header synonyms, whose filled cells hold people's names in the contract's share
    (`personNameShare`) or more; with `any_column` (a list's heading over a table whose title only
    its cells typed), any column whose cells do («Участник»: participants by its header)."""
    named = {m.index for m in found.matches if m.evidence != CONTENT}
    share = float(load_contract().threshold("personNameShare", 0.5))
    for index, label in enumerate(found.labels):
        if not any_column and (index in named or not _names_person(label)):
            continue
        texts = (fold(r.cells[index] or "") for r in body if index < len(r.cells))
        cells = [text for text in texts if text]
        if cells and sum(map(person_name, cells)) >= share * len(cells):
            return index
    return None


def person_name(cell: str) -> bool:
    """Whether a cell opens with a person's name: two to four capitalised words of which two or
    more a surname, a first name or a patronymic (pymorphy3's tags), or a surname with initials."""
    head = _NAME_END.split(fold(cell), maxsplit=1)[0].strip()
    if _INITIALLED.match(head):
        return True
    words = head.split()
    low, high = _NAME_WORDS
    if not low <= len(words) <= high or not all(re.fullmatch(_CAPITAL, w) for w in words):
        return False
    tagged = sum(1 for w in words if any(p.tag.grammemes & _NAME_TAGS for p in analyzer().parse(w)))
    return tagged >= 2


def _label_words(label: str) -> frozenset[str]:
    text = _LETTERS.sub(lambda m: re.sub(r"[\s.]", "", m.group()) + " ", label)
    return frozenset(lemma(w) for w in _WORD.findall(text))


def _names_person(label: str) -> bool:
    have = _label_words(label)
    return any(entry <= have for entry in _vocabulary("personColumns"))


def _list_heading(headings: Sequence[str]) -> bool:
    """Whether a heading's last line is headed by a list's noun (`personListHeads`)."""
    heads = _vocabulary("personListHeads")
    for text in headings:
        lines = [line for line in text.splitlines() if fold(line)]
        if not lines:
            continue
        first = next(
            (p for w in _WORD.findall(lines[-1]) if (p := analyzer().parse(w)[0]).tag.POS == "NOUN"), None
        )
        if first is not None and frozenset({lemma(first.word)}) in heads:
            return True
    return False


def _vocabulary(key: str) -> frozenset[frozenset[str]]:
    return _lemmas(tuple(load_contract().threshold(key, []) or []))


@lru_cache(maxsize=8)
def _lemmas(entries: tuple[str, ...]) -> frozenset[frozenset[str]]:
    return frozenset(_label_words(e) for e in entries)
