"""duplicate_event, kinds: what kind of event a title names, by its head nouns.

A shared quoted name says little when the kinds differ: «Турнир по мини-футболу «X»» and
«Фестиваль хоровой музыки «X»» are two events whatever else agrees. And the reverse: a guest
names the host's event with another noun of the same kind («Праздник «X»», «Участие в фестивале
«X»», «Международный форум-фестиваль «X»»). The contract (duplicates.yaml `kinds`) groups head
nouns into families (sport competitions, festivals and performances, forums and conferences,
exhibitions and fairs, official visits); a noun may be of several. Words in quotes name the event,
not its kind, and are not read here; a compound ending with a noun of the list («кинофестиваль»,
«фотовыставка») is of that noun's families; a word of `kind_modifiers` says which kind the noun
is («спортивный праздник», «праздник спорта»: sport only).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from muniflow.rules.titles import NormTitle

# The one word two titles' kind nouns become when their families meet (no lemma starts with it).
KIND_MARK = "§kind"


@dataclass(frozen=True, eq=False)  # hashed by identity: a cache key, built once
class KindRules:
    """The contract's kind nouns (lemmas), each with the families it belongs to."""

    families: Mapping[str, frozenset[str]] = field(default_factory=dict)
    compound_min_letters: int = 0  # a compound's last noun has this many letters or more; 0: no compounds
    modifiers: Mapping[str, frozenset[str]] = field(default_factory=dict)  # «спортивный»: its families


def make_rules(
    families: Mapping[str, Iterable[str]],
    compound_min_letters: int = 0,
    modifiers: Mapping[str, Iterable[str]] | None = None,
) -> KindRules:
    """Rules from the contract's families (name -> nouns written as ordinary text, lemmatized here)
    and the words saying which family a noun is (name -> adjectives and nouns)."""
    return KindRules(_by_word(families), compound_min_letters, _by_word(modifiers or {}))


def _by_word(families: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    from muniflow.rules.title_words import word_form

    by_word: dict[str, set[str]] = {}
    for family, words in (families or {}).items():
        for word in words:
            form = word_form(str(word).lower())
            if form:
                by_word.setdefault(form, set()).add(str(family))
    return {w: frozenset(f) for w, f in by_word.items()}


def kind_words(title: NormTitle, rules: KindRules) -> frozenset[str]:
    """The title's lemmas outside quotes that name a kind of event."""
    if not rules.families:
        return frozenset()
    quoted = frozenset(title.names)
    return frozenset(w for w in title.words if w not in quoted and _families(w, rules))


def title_kinds(title: NormTitle, words: frozenset[str], rules: KindRules) -> frozenset[str]:
    """The families of a title's kind nouns `words`, or of its `modifiers` outside quotes when it
    holds one: «спортивный праздник», «праздник спорта» are sport events only."""
    if rules.modifiers:
        quoted = frozenset(title.names)
        said = [rules.modifiers[w] for w in title.words if w in rules.modifiers and w not in quoted]
        if said:
            return frozenset().union(*said)
    return families(words, rules)


def families(words: Iterable[str], rules: KindRules) -> frozenset[str]:
    """The families the kind nouns `words` belong to, together."""
    found: set[str] = set()
    for word in words:
        found |= _families(word, rules)
    return frozenset(found)


@lru_cache(maxsize=50_000)
def _families(word: str, rules: KindRules) -> frozenset[str]:
    """A lemma's families: its own, or those of the listed noun a compound of it ends with
    («кинофестиваль»: фестиваль), the rest being two letters or more."""
    found = rules.families.get(word)
    if found is not None:
        return found
    n = rules.compound_min_letters
    if n <= 0 or len(word) < n + 2:
        return frozenset()
    for cut in range(2, len(word) - n + 1):
        found = rules.families.get(word[cut:])
        if found is not None:
            return found
    return frozenset()


def part(a_kinds: frozenset[str], b_kinds: frozenset[str]) -> bool:
    """Whether two titles name kinds of event of no common family (both name one)."""
    return bool(a_kinds) and bool(b_kinds) and a_kinds.isdisjoint(b_kinds)


def as_one(words: frozenset[str], kinds_here: frozenset[str]) -> frozenset[str]:
    """A title's words with its kind nouns read as one word (KIND_MARK), for a title whose kinds
    meet the other's: «Праздник «X»» and «Фестиваль хоровой музыки «X»» share it."""
    return (words - kinds_here) | {KIND_MARK}
