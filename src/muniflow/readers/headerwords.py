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
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

from muniflow.morph import analyzer
from muniflow.readers.rownumber import SEQ_NUMBER

_TOKEN = re.compile(r"[\w№/]+")
_LEFT_TOKEN = re.compile(r"[\w№/]+$")
_RIGHT_TOKEN = re.compile(r"^[\w/]+")
_MAX_PIECES = 8  # a header word cut into more pieces than this is not worth the lookups
_FUNCTION_POS = frozenset({"CONJ", "PREP", "PRCL", "INTJ"})
_MIN_PHRASES = 2  # a header-like row names at least two columns
_TYPO_MIN_LETTERS = 6  # a shorter word with a typo is too close to other words


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


@cache
def vocabulary() -> frozenset[str]:
    """The lemmas of every word of the contract's header synonyms."""
    return _vocabulary(_default_phrases())


@cache
def one_word_synonyms() -> frozenset[str]:
    """The lemmas of the contract's header synonyms of one word («когда», «участники»)."""
    return frozenset(phrase[0] for phrase in _default_phrases() if len(phrase) == 1)


def rejoin_header_cell(text: str, phrases: Sequence[tuple[str, ...]] | None = None) -> str:
    """A header cell's text with the words a narrow column cut joined by the vocabulary (see
    vocabulary_breaks); the other line breaks stay."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    breaks = vocabulary_breaks(lines, phrases)
    out = [lines[0]]
    for line, join in zip(lines[1:], breaks, strict=True):
        if join:
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def vocabulary_breaks(
    lines: Sequence[str], phrases: Sequence[tuple[str, ...]] | None = None
) -> list[bool | None]:
    """For each line break of a header cell: True when it cuts a header word, False when a whole
    header word ends before it and another starts after it, None when the vocabulary cannot tell.

    A cut word's pieces (the last token of a line, whole lines in between, the first token of the
    line after them, all after the first in lower case) spell a header word, and either there are
    three or more of them, or the first piece is no header word by itself, or the second is all
    its line holds and no word a header line could end with («Участник|и»: a lone conjunction;
    «№|п/п» stays two words).
    """
    if len(lines) < 2:
        return []
    vocab = _vocabulary(phrases if phrases is not None else _default_phrases())
    breaks: list[bool | None] = [None] * (len(lines) - 1)
    joined = [lines[0]]  # the lines with the cuts found so far joined
    i = 1
    while i < len(lines):
        end = _cut_word_end([joined[-1], *lines[i:]], 0, vocab)  # a joined line may end cut again
        if end:
            joined[-1] += "".join(lines[i : i + end])
            breaks[i - 1 : i - 1 + end] = [True] * end
            i += end
        else:
            joined.append(lines[i])
            i += 1
    k = 0
    for above, below in pairwise(joined):
        k = breaks.index(None, k)
        left, right = _LEFT_TOKEN.search(above), _RIGHT_TOKEN.match(below)
        whole = left and right and _whole(left.group(), vocab) and _whole(right.group(), vocab)
        if whole and left and right and not _whole(left.group() + right.group(), vocab):
            breaks[k] = False
        k += 1
    return breaks


def _whole(word: str, vocab: frozenset[str]) -> bool:
    return lemma(word) in vocab and _known(word)


def _cut_word_end(lines: Sequence[str], start: int, vocab: frozenset[str]) -> int:
    """The last line of the longest run from `start` whose pieces spell a header word (start: none)."""
    left = _LEFT_TOKEN.search(lines[start])
    best = start
    if left is None:
        return best
    middle = ""
    for k in range(start + 1, min(len(lines), start + _MAX_PIECES)):
        right = _RIGHT_TOKEN.match(lines[k])
        if right is None or not lines[k][:1].islower():
            break
        pieces = k - start + 1
        if _joins(left.group(), middle, right.group(), lines[k], pieces, vocab):
            best = k
        if right.end() != len(lines[k]):
            break  # only a line that is one piece can be followed by another piece
        middle += lines[k]
    return best


def _joins(left: str, middle: str, right: str, line: str, pieces: int, vocab: frozenset[str]) -> bool:
    word = left + middle + right
    if _misspelt(word):
        return pieces > 2 or not _known(left)  # a header word with a typo («Участнки»)
    if lemma(word) not in vocab or not _known(word):
        return False
    if pieces > 2 or lemma(left) not in vocab or not _known(left):
        return True
    return right == line.strip() and _dangling(right)


def _misspelt(word: str) -> bool:
    """True for a word no dictionary knows that is a header word with a typo: long enough, its
    first two letters the same and one letter off («Участнки» for «Участники»)."""
    folded = _fold(word)
    if len(folded) < _TYPO_MIN_LETTERS or not folded.isalpha() or analyzer().word_is_known(folded):
        return False
    return any(
        known[:2] == folded[:2] and Levenshtein.distance(folded, known, score_cutoff=1) <= 1
        for known in _surface_words()
        if abs(len(known) - len(folded)) <= 1
    )


@cache
def _surface_words() -> frozenset[str]:
    """The header vocabulary's words as the contract writes them (folded), for typo matching."""
    from muniflow.contracts import header_synonyms

    return frozenset(
        _fold(t) for group in header_synonyms().values() for s in group for t in _TOKEN.findall(s)
    )


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


def cell_lemmas(cell: str | None, phrases: Sequence[tuple[str, ...]] | None = None) -> frozenset[str]:
    """The lemmas of a header cell's words, the words a narrow column cut joined first."""
    if not cell:
        return frozenset()
    known = phrases if phrases is not None else _default_phrases()
    return frozenset(lemma(t) for t in _TOKEN.findall(rejoin_header_cell(cell, known)))


def header_phrase_count(cells: Sequence[str | None], phrases: Sequence[tuple[str, ...]] | None = None) -> int:
    """How many filled cells hold a whole header phrase (its lemmas, in any order)."""
    known = phrases if phrases is not None else _default_phrases()
    count = 0
    for cell in cells:
        if not cell or not cell.strip():
            continue
        words = cell_lemmas(cell, known)
        if any(set(phrase) <= words for phrase in known):
            count += 1
    return count


def is_header_like(cells: Sequence[str | None], phrases: Sequence[tuple[str, ...]] | None = None) -> bool:
    """True when a row reads as a table header: no row number, and at least two and at least half
    of its filled cells hold a header phrase (a partial header still counts)."""
    filled = [c for c in cells if c and c.strip()]
    if not filled or any(SEQ_NUMBER.match(c) for c in filled):
        return False
    hits = header_phrase_count(filled, phrases)
    return hits >= _MIN_PHRASES and 2 * hits >= len(filled)
