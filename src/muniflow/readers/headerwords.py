"""The header vocabulary (the words of the contract's headerSynonyms) for decisions on header rows.

A reader knows which words a header holds, so two of its cases are settled by the vocabulary:
- a narrow column wraps a header word mid-word where the tail is a word of its own
  («Мероприяти|я», «Наименовани|я», «п/|п»): the pieces are joined when together they spell a
  header word;
- a header repeated at the top of a page: a row is header-like when most of its filled cells hold a
  header phrase (a partial match is enough, by lemmas, in any order).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from muniflow.morph import analyzer

_TOKEN = re.compile(r"[\w№/]+")
_LEFT_TOKEN = re.compile(r"[\w№/]+$")
_RIGHT_TOKEN = re.compile(r"^[\w/]+")
_SEQ_NUMBER = re.compile(r"^\s*\d{1,4}\s*[.)]?\s*$")
_FUNCTION_POS = frozenset({"CONJ", "PREP", "PRCL", "INTJ"})
_MIN_PHRASES = 2  # a header-like row names at least two columns


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The word's dictionary form (first parse), folded; tokens with digits or signs stay as they are."""
    folded = _fold(word)
    if not folded.isalpha():
        return folded
    return _fold(analyzer().parse(folded)[0].normal_form)


@cache
def _default_phrases() -> tuple[tuple[str, ...], ...]:
    from muniflow.contracts import header_synonyms  # the contract module reads YAML: load on first use

    return phrases_of(header_synonyms().values())


def phrases_of(synonyms: Iterable[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    """Every synonym as a tuple of lemmas, longest first."""
    phrases = {tuple(lemma(t) for t in _TOKEN.findall(s)) for group in synonyms for s in group}
    return tuple(sorted((p for p in phrases if p), key=len, reverse=True))


def _vocabulary(phrases: Sequence[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(word for phrase in phrases for word in phrase)


def rejoin_header_cell(text: str, phrases: Sequence[tuple[str, ...]] | None = None) -> str:
    """Join a header word a narrow column cut where both pieces read as text of their own.

    The pieces are joined when together they spell a header word and either the first piece is
    no header word by itself, or the second piece is all its line holds and is no word a header
    line could end with («Участник|и»: a lone conjunction; «№|п/п» stays two words).
    """
    if "\n" not in text:
        return text
    vocab = _vocabulary(phrases if phrases is not None else _default_phrases())
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        left = _LEFT_TOKEN.search(out[-1])
        right = _RIGHT_TOKEN.match(line)
        if left and right and line[:1].islower() and _joins(left.group(), right.group(), line, vocab):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def _joins(left: str, right: str, line: str, vocab: frozenset[str]) -> bool:
    if lemma(left + right) not in vocab or not _known(left + right):
        return False
    if lemma(left) not in vocab or not _known(left):
        return True
    return right == line.strip() and _dangling(right)


def _dangling(word: str) -> bool:
    """True for a word no header ends with: a conjunction, preposition or particle, or no word."""
    folded = _fold(word)
    if not folded.isalpha():
        return False
    if not analyzer().word_is_known(folded):
        return True
    return analyzer().parse(folded)[0].tag.POS in _FUNCTION_POS  # its likeliest reading


def _known(word: str) -> bool:
    folded = _fold(word)
    return not folded.isalpha() or analyzer().word_is_known(folded)


def header_phrase_count(cells: Sequence[str | None], phrases: Sequence[tuple[str, ...]] | None = None) -> int:
    """How many filled cells hold a whole header phrase (its lemmas, in any order)."""
    known = phrases if phrases is not None else _default_phrases()
    count = 0
    for cell in cells:
        if not cell or not cell.strip():
            continue
        words = {lemma(t) for t in _TOKEN.findall(rejoin_header_cell(cell, known))}
        if any(set(phrase) <= words for phrase in known):
            count += 1
    return count


def is_header_like(cells: Sequence[str | None], phrases: Sequence[tuple[str, ...]] | None = None) -> bool:
    """True when a row reads as a table header: no row number, and at least two and at least half
    of its filled cells hold a header phrase (a partial header still counts)."""
    filled = [c for c in cells if c and c.strip()]
    if not filled or any(_SEQ_NUMBER.match(c) for c in filled):
        return False
    hits = header_phrase_count(filled, phrases)
    return hits >= _MIN_PHRASES and 2 * hits >= len(filled)
