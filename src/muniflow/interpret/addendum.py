"""A report that adds events to one sent before: «Дополнение к отчёту …», «Дополнительная
информация к отчёту …».

Its rows complete its municipalities' report of the quarter; they replace none of it, so its
sections supersede none (warehouse/sections.py). A heading line of the title says so by its grammar:
its words before the preposition (`addendum.preposition`, «к») hold a lemma of `addendum.words`
(«дополнение», «дополнительный») and the word right after it one of `addendum.objects` («отчёт»,
«информация»), all in contracts/reporting.yaml. «Отчёт о дополнительных мероприятиях» opens with
another noun, «Дополнительная информация будет направлена» adds to nothing named: both are reports.
"""

from __future__ import annotations

import re

from muniflow.interpret.not_held import heading_lines
from muniflow.morph import analyzer
from muniflow.reporting.contract import load_reporting

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")


def adds_to_report(*texts: str) -> bool:
    """Whether a heading line of `texts` (a title, the text above the events table) names the file
    an addendum to a report."""
    return addendum_line(*texts) is not None


def addendum_line(*texts: str) -> str | None:
    """The heading line of `texts` that names the file an addendum to a report, None when none does."""
    contract = load_reporting()
    if not contract.addendum_words or not contract.addendum_objects:
        return None
    for text in texts:
        for line in heading_lines(text):
            if _adds(line, contract.addendum_words, contract.addendum_objects, contract.addendum_preposition):
                return line
    return None


def _adds(line: str, words: tuple[str, ...], objects: tuple[str, ...], preposition: str) -> bool:
    tokens = [w.lower() for w in _WORD.findall(line)]
    if preposition not in tokens:
        return False
    at = tokens.index(preposition)
    if at == 0 or at + 1 >= len(tokens):
        return False
    morph = analyzer()
    opening = {_lemma(morph.parse(w)[0].normal_form) for w in tokens[:at]}
    after = _lemma(morph.parse(tokens[at + 1])[0].normal_form)
    return bool(opening & set(words)) and after in objects


def _lemma(word: str) -> str:
    return word.replace("ё", "е")
