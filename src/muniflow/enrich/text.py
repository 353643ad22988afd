"""Words with their positions, quoted and bracketed spans, and the one shared morphological analyzer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from muniflow.morph import analyzer

WORD = re.compile(r"[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яёA-Za-z]+)*|\d+")
# A quoted name: from an opening quote to the first closing one. Writers often drop the second
# closing quote of a nested name («ФОК «Восток»), so the first closing quote ends the span.
QUOTED = re.compile(r"«[^»]*»?|\"[^\"]*\"?|„[^“]*“?")
SEPARATOR = re.compile(r"[,;:]|\s(?:и|а также|или)\s")


@dataclass(frozen=True)
class Token:
    """A word (or a number) of a text and where it stands."""

    text: str
    start: int
    end: int

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


@lru_cache(maxsize=50_000)
def parses(word: str) -> tuple[Any, ...]:
    """Every pymorphy3 parse of a word, best first."""
    return tuple(analyzer().parse(word))


def fold(word: str) -> str:
    """Lower case with ё read as е, the form lemmas are compared in."""
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=256)
def folded(words: tuple[str, ...]) -> frozenset[str]:
    """The folded forms of a contract word list, built once per list rather than per text."""
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=50_000)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form a word may have (folded), plus the word itself."""
    return frozenset({fold(word)} | {fold(p.normal_form) for p in parses(word)})


@lru_cache(maxsize=128)  # each cell of an event is read by several finders
def tokens(text: str) -> tuple[Token, ...]:
    """The words and numbers of a text, in order."""
    return tuple(Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text))


@lru_cache(maxsize=128)  # each cell of an event is read by several finders
def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where quoted names stand, as (start, end) half-open spans."""
    return tuple((m.start(), m.end()) for m in QUOTED.finditer(text))


@lru_cache(maxsize=128)  # each cell of an event is read by several finders
def paren_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where bracketed remarks stand (open, close+1); an unclosed bracket runs to the end."""
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            spans.append((opened.pop(), i + 1))
    spans.extend((o, len(text)) for o in opened)
    return tuple(sorted(spans))


def inside(pos: int, spans: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
    """The innermost span holding `pos`, if any."""
    holding = [s for s in spans if s[0] <= pos < s[1]]
    return max(holding, key=lambda s: s[0]) if holding else None


def without_quotes(text: str) -> str:
    """The text with quoted names blanked out, so their words do not count as separators."""
    return QUOTED.sub(lambda m: " " * len(m.group()), text)


def separated(gap: str) -> bool:
    """Whether text between two mentions holds a list separator (a comma, 'и', ...)."""
    return bool(SEPARATOR.search(f" {without_quotes(gap)} "))


def match_case(result: str, original: str) -> str:
    """`result` written like `original`: each hyphen-part capitalized as there, ё only if there."""
    if "ё" not in original.lower():
        result = result.replace("ё", "е").replace("Ё", "Е")
    parts = result.split("-")
    shapes = original.split("-")
    if len(parts) != len(shapes):
        return result[:1].upper() + result[1:] if original[:1].isupper() else result
    return "-".join(
        p.upper() if s.isupper() and len(s) > 1 else (p[:1].upper() + p[1:] if s[:1].isupper() else p)
        for p, s in zip(parts, shapes, strict=True)
    )
