"""Abbreviated header words spelled out from the header vocabulary's own words: «Наим.»,
«меропр.» (cut after a stem), «мер-тия», «рез-т», «Кол-во» (the first letters and the last, joined
by a hyphen), as office templates shorten a narrow column's header.

A cut word stands for the vocabulary word whose forms (pymorphy3 lexemes) start with it, a hyphened
one for the word whose forms start with its first part and end with its last; where two or more
words fit, the one that completes a synonym with some of the cell's other words is taken («Кол-во уч.»:
«участник» with «количество»), otherwise the abbreviation is left as written. A real compound
(«онлайн-встреча») spells no vocabulary word so and stays."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from muniflow.morph import analyzer

# «мер-тия», «рез-т», «кол-во»: two letters or more, a hyphen, one to four letters, no more
CONTRACTION = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})-([^\W\d_]{1,4})(?![^\W\d_-])")
# «наим.», «меропр.», «уч.»: two letters or more cut by a full stop
TRUNCATION = re.compile(r"(?<![^\W\d_.])([^\W\d_]{2,})\.")

Vocabulary = tuple[tuple[str, tuple[str, ...]], ...]


@lru_cache(maxsize=16)
def _forms(words: tuple[str, ...]) -> dict[str, str]:
    """Every form of every vocabulary word -> its lemma (lower case, ё as е)."""
    out: dict[str, str] = {}
    for word in words:
        parse = analyzer().parse(word)[0]
        lemma = str(parse.normal_form).replace("ё", "е")
        for form in parse.lexeme:
            out.setdefault(str(form.word).replace("ё", "е"), lemma)
        out.setdefault(word, lemma)
    return out


def spelled_out(
    text: str,
    vocabulary_words: tuple[str, ...],
    phrases: Sequence[tuple[str, ...]],
    lemma: Callable[[str], str],
) -> str:
    """`text` with each abbreviation that stands for one vocabulary word written as that word.
    `vocabulary_words`: the synonyms' words (lower case); `phrases`: each synonym's lemmas;
    `lemma`: a word's lemma, as the matching uses it."""
    if "-" not in text and "." not in text:
        return text
    forms = _forms(vocabulary_words)

    def others(match: re.Match[str]) -> frozenset[str]:
        rest = match.string[: match.start()] + " " + match.string[match.end() :]
        return frozenset(lemma(w) for w in re.findall(r"[^\W\d_]+", rest.lower()))

    def choose(match: re.Match[str], fits: dict[str, str]) -> str:
        if len(fits) == 1:
            return next(iter(fits.values()))
        around = others(match)
        completing = {
            lem: f
            for lem, f in fits.items()
            if any(lem in p and set(p) & around and set(p) <= around | {lem} for p in phrases)
        }
        return next(iter(completing.values())) if len(completing) == 1 else match.group()

    def contraction(match: re.Match[str]) -> str:
        head, tail = match.group(1).lower(), match.group(2).lower()
        if head + tail in forms:
            return match.group()
        fits = {
            lem: f
            for f, lem in forms.items()
            if len(f) > len(head) + len(tail) and f.startswith(head) and f.endswith(tail)
        }
        return choose(match, fits)

    def truncation(match: re.Match[str]) -> str:
        stem = match.group(1).lower()
        fits = {lem: lem for f, lem in forms.items() if len(f) > len(stem) and f.startswith(stem)}
        found = choose(match, fits)
        return match.group() if found == match.group() else found + " "

    return TRUNCATION.sub(truncation, CONTRACTION.sub(contraction, text))
