"""The words a reviewer may write for a decision besides its name (`contracts/review.yaml`),
matched on lemmas: «Принято» and «принять» are `accept`, «выпущено в события» is `release`."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from muniflow.contracts import contract_file, load_yaml
from muniflow.readers.headerwords import lemma

REVIEW_FILE = "review.yaml"
_WORD = re.compile(r"[а-яёa-z]+")


def _lemmas(text: str) -> tuple[str, ...]:
    return tuple(lemma(w) for w in _WORD.findall(text.lower()))


def _phrases() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(lemmas of a phrase, its decision) of the review contract in use, longest phrases first."""
    return _phrases_at(contract_file(None, REVIEW_FILE))


@cache
def _phrases_at(path: Path) -> tuple[tuple[tuple[str, ...], str], ...]:
    doc = load_yaml(REVIEW_FILE, path, ("decisionWords",))
    found = [
        (_lemmas(phrase), decision)
        for decision, phrases in (doc.get("decisionWords") or {}).items()
        for phrase in phrases or ()
    ]
    return tuple(sorted((p for p in found if p[0]), key=lambda p: -len(p[0])))


def decision_named(text: str, decisions: tuple[str, ...]) -> str | None:
    """The decision `text` names: one of `decisions` as written (any case), else the decision whose
    phrase its lemmas open with; None when it names none."""
    word = text.strip().lower()
    if word in decisions:
        return word
    lemmas = _lemmas(word)
    for phrase, decision in _phrases():
        if lemmas[: len(phrase)] == phrase and decision in decisions:
            return decision
    return None


def phrases_of(decision: str) -> list[str]:
    """The phrases of `decision` as the contract writes them (for a message)."""
    doc = load_yaml(REVIEW_FILE, contract_file(None, REVIEW_FILE), ("decisionWords",))
    return [str(p) for p in (doc.get("decisionWords") or {}).get(decision) or ()]
