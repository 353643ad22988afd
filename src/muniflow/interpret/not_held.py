"""A table whose heading says its events were planned, postponed or cancelled: no held events.

A report often goes on past its events table: «План мероприятий на III квартал», «Мероприятия,
запланированные на II квартал, но не проведённые (перенесённые)». Such a table has the same columns
as the events table, so its header alone makes it one; its heading (the caption line nearest to it,
or a title row typed in the table above its header) says it is not. The heading says so when it
holds a word saying the events are ahead or off (contract `notHeldWords`, as lemmas: «планируемые»,
«перенесённые», «предстоящие»; «план», «положение» only as the heading's head noun, contract
`notHeldHeads`, since «о выполнении плана» is a report's own title; «Положение о проведении …»
sets out an event to come) or a word saying they were held negated, in the infinitive or the future
(«не проведённые», «не состоялись», «планируется провести», «будут проведены»), and no word saying
they were held otherwise (contract `heldWords`: «Мероприятия, запланированные и проведённые…» is
held).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from muniflow.contracts import CONTRACT_FILE, contract_file, load_contract
from muniflow.morph import analyzer

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")
_NEGATION = "не"
_FUTURE = frozenset({"будет", "будут", "будем"})
_PLAN_NOUN = "план"
# The kind of a heading row (`reading.Section`) saying the rows under it were not held.
NOT_HELD = "not_held"


def not_held_heading(*texts: str) -> str | None:
    """The heading line among `texts` (each a caption or the rows above a header; their last line
    counts, with the lines it goes on: `heading_lines`) that says its table's events were not held;
    None when none does."""
    for text in texts:
        lines = heading_lines(text)
        if lines and _says_not_held(lines[-1]):
            return lines[-1]
    return None


def heading_lines(text: str) -> list[str]:
    """The lines of a caption, a line opening in lower case joined to the one above it: it goes on
    the heading wrapped or broken there («Отчёт о мероприятиях, проведённых …» / «за II квартал и
    планируемых на III квартал»: one heading, whose «проведённых» says its events were held)."""
    lines: list[str] = []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        if lines and _opens_lower(line):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


# A heading line is a few words («План мероприятий на III квартал 2025 года»), a sentence is more.
HEADING_WORDS = 12


def document_not_held(lines: Sequence[str]) -> str | None:
    """The heading among a document's lines that names the document a plan, minutes or a regulation
    (its head noun one of `notHeldHeads`: «План международных мероприятий … на IV квартал»,
    «Протокол № 2»), else None: its events are not held ones. A heading is a short line opening with
    a capital; a word of `notHeldWords` elsewhere («работа велась в плановом порядке», «перенесено»)
    says nothing of the whole document."""
    heads = _heads()
    morph = analyzer()
    for line in lines:
        words = [w.lower().replace("ё", "е") for w in _WORD.findall(line)]
        if not words or len(line.split()) > HEADING_WORDS or _opens_lower(line):
            continue
        parses = (morph.parse(w)[0] for w in words)
        first_noun = next((p.normal_form for p in parses if p.tag.POS == "NOUN"), None)
        if first_noun is not None and first_noun.replace("ё", "е") in heads:
            return line
    return None


def _opens_lower(line: str) -> bool:
    first = next((c for c in line if c.isalpha()), "")
    return first.islower()


def held_text(text: str) -> str:
    """The text without its lines that head planned, postponed or cancelled events (as
    `not_held_heading` judges a line): the quarter such a line names is the plan's, not the report's."""
    return "\n".join(line for line in heading_lines(text) if not _says_not_held(line))


def says_not_held(cell: str) -> bool:
    """Whether a row's cell says its event was not held: cancelled, postponed, only planned
    («15.05.2025 (отменено)», «перенесено на III квартал», «20.08.2025 – не проводилось»), by the
    words a heading says so with, but for «план» («по плану» is as planned); moved here from another
    day («перенесено с 10.05») it was held."""
    return _cell_says_not_held(cell, contract_file(None, CONTRACT_FILE))


@lru_cache(maxsize=4096)
def _cell_says_not_held(cell: str, contract: Path) -> bool:
    """says_not_held of one cell under the contract in use, remembered: the row rules ask it of
    each date cell three times (whether the event was held, and whether its quarter judges it, for
    each of the two quarter rules)."""
    return _says_not_held(cell, plan_noun=False)


def _says_not_held(line: str, plan_noun: bool = True) -> bool:
    marks, held = _vocabulary()
    heads, aheads = _heads(), _aheads()
    written = [w.lower() for w in _WORD.findall(line)]
    words = [w.replace("ё", "е") for w in written]
    morph = analyzer()
    # parsed as written: «отменён» is the participle; «отменен», «перенесен» written without ё are
    # read as the participle too, the reading a word of either list has before the first one
    # («отменный»)
    known = marks | held
    parses = [_reading(morph.parse(w), known) for w in written]
    first_noun = next((p.normal_form for p in parses if p.tag.POS == "NOUN"), None)
    ahead = held_plain = False
    for k, parse in enumerate(parses):
        lemma = parse.normal_form.replace("ё", "е")
        negated = k > 0 and words[k - 1] == _NEGATION
        # «планируется провести», «будут проведены», «состоится 15.10»: what is to be held, not
        # what was
        to_come = parse.tag.POS == "INFN" or "futr" in parse.tag or (k > 0 and words[k - 1] in _FUTURE)
        if lemma in held:
            if negated or to_come:
                ahead = True
            else:
                held_plain = True
        elif (
            lemma in marks
            and (lemma not in heads or (plan_noun and lemma == first_noun))
            and not _moved_here(words, k)
            and (plan_noun or lemma not in aheads or _of_this_event(parses, words, k))
        ):
            ahead = True
    return ahead and not held_plain


def _reading(parses: Sequence[Any], known: frozenset[str]) -> Any:
    """The first reading of a word whose lemma is one of `known`, else its first reading."""
    return next((p for p in parses if p.normal_form.replace("ё", "е") in known), parses[0])


# «запланировано на IV квартал», «намечено на 2026 год»: the time the event is put off to.
_TO = "на"


def _of_this_event(parses: Sequence[Any], words: list[str], k: int) -> bool:
    """Whether a word saying something is ahead (contract `notHeldAheadWords`) speaks of the row's
    own event in a row's cell: it names a time ahead after it («запланировано на декабрь»), or the
    cell names nothing else it could speak of, no noun in the nominative («Запланировано»).
    «Запланирован ответный визит», «Плановое заседание», «Намечены дальнейшие шаги» speak of
    something else, or of a routine event held."""
    if k + 1 < len(words) and words[k + 1] == _TO:
        return True
    return not any(
        i != k and parse.tag.POS == "NOUN" and "nomn" in parse.tag for i, parse in enumerate(parses)
    )


# «перенесённые с I квартала», «перенесено с 10.05»: moved from another time to this one, held here.
_FROM = frozenset({"с", "со"})


def _moved_here(words: list[str], k: int) -> bool:
    return k + 1 < len(words) and words[k + 1] in _FROM


def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    contract = load_contract()
    marks = tuple(contract.threshold("notHeldWords", []) or [])
    held = tuple(contract.threshold("heldWords", []) or [])
    return _lemma_sets(marks, held)


def _heads() -> frozenset[str]:
    """The words of `notHeldWords` that count only as a heading's head noun (contract
    `notHeldHeads`: «План мероприятий …», «Положение о проведении турнира …»)."""
    heads = tuple(load_contract().threshold("notHeldHeads", [_PLAN_NOUN]) or [])
    return _lemma_sets(heads, ())[0]


def _aheads() -> frozenset[str]:
    """The words of `notHeldWords` saying only that something is ahead (contract `notHeldAheadWords`):
    in a row's cell they may speak of another event than the row's."""
    return _lemma_sets(tuple(load_contract().threshold("notHeldAheadWords", []) or []), ())[0]


@lru_cache(maxsize=4)
def _lemma_sets(marks: tuple[str, ...], held: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(w.replace("ё", "е") for w in marks), frozenset(w.replace("ё", "е") for w in held)
