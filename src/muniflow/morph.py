"""The one Russian morphological analyzer (pymorphy3) every stage shares, loaded on first use."""

from __future__ import annotations

from functools import cache

import pymorphy3


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """Load the Russian dictionary once per process, on first use (it takes a fraction of a second)."""
    return pymorphy3.MorphAnalyzer()


def dictionary_parses(word: str) -> list[pymorphy3.analyzer.Parse]:
    """The parses of a lower-case word that the dictionary holds (not guessed from its ending)."""
    return [p for p in analyzer().parse(word) if type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"]
