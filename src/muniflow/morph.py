"""The one Russian morphological analyzer (pymorphy3) every stage shares, loaded on first use.

Its `parse` and `word_is_known` are remembered per word: a report repeats the same words in every
row (and every stage asks about them again), and a parse is a pure function of the word and the
dictionary, so asking twice costs a dictionary walk for nothing.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pymorphy3

# Words remembered per process before the memory is emptied and filled again (~1.2 KiB a word, so
# at most ~60 MiB; the 846 generated reports of the benchmark corpora hold 1 637 distinct words).
CACHE_WORDS = 50_000


class CachedAnalyzer(pymorphy3.MorphAnalyzer):
    """pymorphy3's analyzer whose answers per word are kept: `parse` returns a new list of the
    same (immutable) Parse tuples each call, so a caller may change its list freely."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._parses: dict[str, tuple[pymorphy3.analyzer.Parse, ...]] = {}
        self._known: dict[tuple[str, bool], bool] = {}

    def parse(self, word: str) -> list[pymorphy3.analyzer.Parse]:
        found = self._parses.get(word)
        if found is None:
            if len(self._parses) >= CACHE_WORDS:
                self._parses.clear()
            try:
                found = tuple(super().parse(word))
            except ValueError:  # pymorphy3 asks unicodedata for a name some letters lack («𗀀»)
                found = (pymorphy3.analyzer.Parse(word, self.TagClass("UNKN"), word.lower(), 1.0, ()),)
            self._parses[word] = found
        return list(found)

    def word_is_known(self, word: str, strict: bool = False) -> bool:
        key = (word, strict)
        known = self._known.get(key)
        if known is None:
            if len(self._known) >= CACHE_WORDS:
                self._known.clear()
            known = self._known[key] = super().word_is_known(word, strict)
        return known


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """Load the Russian dictionary once per process, on first use (it takes a fraction of a second)."""
    return CachedAnalyzer()


def dictionary_parses(word: str) -> list[pymorphy3.analyzer.Parse]:
    """The parses of a lower-case word that the dictionary holds (not guessed from its ending)."""
    return [p for p in analyzer().parse(word) if type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"]
