"""duplicate_event: whether a title says its municipality took part in someone else's event.

«Участие в ярмарке «X»», «Делегация района приняла участие в форуме»: the row is a guest's copy
of the event, whoever's place it names; the host writes the event itself. The words are the
contract's (duplicates.yaml `guest_copy`): nouns counted anywhere outside quotes unless a
preposition stands before them with only adjectives between («с участием гостей», «при участии
мастеров» are the host's own event with guests), verbs only as finite verbs («участвовала», not
«участвовавших»).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from muniflow.morph import analyzer
from muniflow.rules.quotes import quoted_words

_WORD = r"[^\W\d_]+"
# Words that may stand between a preposition and the noun it governs («с международным участием»).
_BETWEEN = frozenset({"ADJF", "ADJS", "PRTF", "NUMR"})


@dataclass(frozen=True, eq=False)  # hashed by identity: a cache key, built once
class GuestRules:
    """The contract's words saying a municipality took part in another's event (lemmas)."""

    nouns: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()  # prepositions making a noun the host's guests' part
    hint: re.Pattern[str] | None = None  # the words' first letters: most titles hold none


def make_rules(
    nouns: Iterable[str] = (), verbs: Iterable[str] = (), not_after: Iterable[str] = ()
) -> GuestRules:
    """Compile the contract's words to lemmas («приняла участие» is found by its noun)."""
    noun_set = frozenset(_lemma(w) for w in nouns if w.strip())
    verb_set = frozenset(_lemma(w) for w in verbs if w.strip())
    words = sorted(noun_set | verb_set)
    hint = re.compile("|".join(re.escape(w[:4]) for w in words), re.IGNORECASE) if words else None
    return GuestRules(
        nouns=noun_set,
        verbs=verb_set,
        not_after=frozenset(w.lower() for w in not_after),
        hint=hint,
    )


@lru_cache(maxsize=100_000)
def _parse(word: str) -> tuple[str, str | None]:
    """A word's lemma and part of speech (the dictionary's first reading)."""
    parsed = analyzer().parse(word.lower())[0]
    return parsed.normal_form.replace("ё", "е"), parsed.tag.POS


def _lemma(word: str) -> str:
    return _parse(word)[0]


@lru_cache(maxsize=100_000)
def says_guest(title: str, rules: GuestRules) -> bool:
    """Whether the title says its municipality took part in an event held by someone else."""
    if rules.hint is None or not rules.hint.search(title):
        return False
    words = [word for word, quoted in quoted_words(title, _WORD) if not quoted]
    parsed = [_parse(w) for w in words]
    for i, (form, pos) in enumerate(parsed):
        if form in rules.verbs and pos == "VERB":
            return True
        if form in rules.nouns and pos == "NOUN":
            k = i - 1
            while k >= 0 and parsed[k][1] in _BETWEEN:
                k -= 1
            if k < 0 or words[k].lower() not in rules.not_after:
                return True
    return False
