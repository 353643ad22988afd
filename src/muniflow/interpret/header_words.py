"""A header cell's words and the vocabulary they are matched against (interpret/columns.py): the
meaningful words of a text and their lemmas, the contract's synonyms as entries of lemmas, a word in
capitals spelling a synonym's initials («МО») and an abbreviation («Кол-во») spelled out, each word
with the coordinated part of the cell it stands in («Сроки, место»)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from muniflow.interpret.abbreviations import spelled_out
from muniflow.morph import analyzer

# «п/п» is one word; «цель/результат» is two.
_WORD = re.compile(r"№|[^\W\d_]/[^\W\d_](?![^\W\d_])|[^\W\d_]+")
# Words that carry no meaning for telling columns apart.
_STOP = frozenset(
    ["и", "в", "во", "на", "о", "об", "по", "с", "со", "для", "из", "к", "от", "а", "или", "также"]
)
# A word in capitals this long or shorter may be a synonym's initials («МО», «ОМСУ»).
_INITIALS_MAX = 5
# What opens a coordinated part of a header cell: punctuation, and the conjunctions.
_PART_MARKS = frozenset([",", ";", "/"])
_PART_WORDS = frozenset(["и", "или"])
_PARTED = re.compile(_WORD.pattern + r"|[,;/]")


@lru_cache(maxsize=20000)
def lemma(word: str) -> str:
    """The dictionary form of a word (lower case, ё as е)."""
    word = word.lower().replace("ё", "е")
    if word == "№" or "/" in word or not word.isalpha():
        return word
    return str(analyzer().parse(word)[0].normal_form).replace("ё", "е")


def words(text: str) -> tuple[str, ...]:
    """The meaningful words of a text, lower case."""
    found = (w.lower().replace("ё", "е") for w in _WORD.findall(text))
    return tuple(w for w in found if w not in _STOP)


@dataclass(frozen=True)
class Entry:
    """One vocabulary entry: a synonym, its column and its lemmas."""

    column: str
    text: str
    lemmas: tuple[str, ...]
    phrase: str  # the synonym's words joined, for the word-for-word test


@lru_cache(maxsize=16)
def entries(vocabulary: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[Entry, ...]:
    out = []
    for column, synonyms in vocabulary:
        for synonym in synonyms:
            found = words(synonym)
            if found:
                out.append(Entry(column, synonym, tuple(lemma(w) for w in found), " ".join(found)))
    return tuple(out)


@lru_cache(maxsize=16)
def _initials(vocabulary: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[str, ...]]:
    """Initials of each synonym of two or more words -> those words, where only one column's
    synonyms have those initials («мо» -> муниципальное образование)."""
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for entry in entries(vocabulary):
        spelled = words(entry.text)
        if len(spelled) >= 2 and all(w.isalpha() for w in spelled):
            found.setdefault("".join(w[0] for w in spelled), {}).setdefault(entry.column, spelled)
    return {key: next(iter(by.values())) for key, by in found.items() if len(by) == 1}


def _expand_initials(text: str, vocabulary: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """The cell's words, a capitalised word that spells a synonym's initials followed by its words."""
    return tuple(word for word, _ in expanded(text, vocabulary))


def expanded(text: str, vocabulary: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, int], ...]:
    """The cell's words (initials expanded, as `_expand_initials`), each with the number of the
    coordinated part it stands in: a comma, a semicolon, a slash, «и» or «или» opens a new part
    («Сроки, место»; «Содержание и результаты мероприятия»)."""
    known = _initials(vocabulary)
    text = spelled_out(text, _vocabulary_words(vocabulary), _phrases(vocabulary), lemma)
    out: list[tuple[str, int]] = []
    part = 0
    for match in _PARTED.finditer(text):
        raw = match.group()
        word = raw.lower().replace("ё", "е")
        if raw in _PART_MARKS or word in _PART_WORDS:
            part += 1
            continue
        if word in _STOP:
            continue
        spelled = known.get(word) if raw.isupper() and 2 <= len(raw) <= _INITIALS_MAX else None
        out.extend((w, part) for w in (word, *(spelled or ())))
    return tuple(out)


@lru_cache(maxsize=16)
def _vocabulary_words(vocabulary: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """The synonyms' words, each once (lower case): what an abbreviation may stand for."""
    return tuple(sorted({w for entry in entries(vocabulary) for w in words(entry.text) if w.isalpha()}))


@lru_cache(maxsize=16)
def _phrases(vocabulary: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(entry.lemmas for entry in entries(vocabulary))


def freeze(synonyms: Mapping[str, Sequence[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A hashable copy of a synonyms mapping (for caching)."""
    return tuple((column, tuple(values)) for column, values in synonyms.items())
