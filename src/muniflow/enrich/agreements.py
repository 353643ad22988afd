"""Signed documents (agreements, protocols, memoranda, contracts) named in an event's goal text."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from muniflow.enrich import contract
from muniflow.enrich.text import fold, paren_spans, parses, quote_spans, tokens
from muniflow.normalize.date_words import month_number, month_words


@lru_cache(maxsize=4)
def _date_words(months: tuple[str, ...]) -> re.Pattern[str]:
    """A written date ("12 марта 2024"): a day, a month word of contracts/dates.yaml, a year."""
    alternatives = "|".join(re.escape(w) for w in months)
    return re.compile(r"\b(\d{1,2})\s+(" + alternatives + r")\.?\s+(\d{4})", re.IGNORECASE)


_DATE_DIGITS = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
# A sentence ends at a dot after a word of three or more letters (not an initial, not "им." or
# "обл.,"), a closing quote or bracket, followed by a capital letter or a digit.
_SENTENCE_END = re.compile(r"(?:(?<=[а-яёa-z]{3})|(?<=[»)\"]))\.\s+(?=[А-ЯЁA-Z0-9])")
_ITEM_END = re.compile(r";|\n|\s-\s|\s–\s")
# Words that carry no identity in a party's name.
_STOP = frozenset({"и", "в", "во", "на", "по", "о", "об", "с", "со", "к", "из", "для", "от", "при", "за"})
_STOP |= {"им", "они", "имени", "г", "гор", "обл"}  # abbreviations: "им." reads as the pronoun


@dataclass(frozen=True)
class Agreement:
    """A signed document: its kind, its parties as written, when it was signed, its text."""

    kind: str  # 'соглашение' | 'протокол' | 'меморандум' | 'договор'
    parties: tuple[str, ...]
    signed_on: date | None
    text: str


@dataclass(frozen=True)
class LinkedAgreement:
    """One document across a report: its id, its fullest mention, and the events that mention it."""

    agreement_id: str
    agreement: Agreement
    events: tuple[Hashable, ...]


def link_agreements(goals: Iterable[tuple[Hashable, str]]) -> list[LinkedAgreement]:
    """The distinct documents of many events' goals (event ref, goal), each linked to every event
    that mentions it; a date given in any mention is kept."""
    merged: dict[str, Agreement] = {}
    events: dict[str, list[Hashable]] = {}
    for ref, goal in goals:
        for a in find_agreements(goal):
            key = agreement_key(a)
            first = merged.setdefault(key, a)
            if first.signed_on is None and a.signed_on is not None:
                merged[key] = replace(first, signed_on=a.signed_on)
            refs = events.setdefault(key, [])
            if ref not in refs:
                refs.append(ref)
    return [LinkedAgreement(agreement_id(a), a, tuple(events[k])) for k, a in merged.items()]


def find_agreements(goal: str) -> list[Agreement]:
    """Every signed document the goal text names, in order, each once (see contracts/enrichment.yaml)."""
    words = contract.load().agreements
    folded = fold(goal)
    if not any(stem in folded for stem in words.signed_stems):
        return []
    found: dict[str, Agreement] = {}
    for start, kind in _starts(goal, words):
        text = goal[start : _end(goal, start)].strip(" .;,-–")
        parties = _parties(text)
        if not parties and len(tokens(text)) < 3:
            continue  # "соглашение о" and nothing more names no document
        agreement = Agreement(kind, parties, _signed_on(goal, start, text), text)
        found.setdefault(agreement_key(agreement), agreement)
    return list(found.values())


def agreement_key(a: Agreement) -> str:
    """A key equal for two mentions of one document: its kind and its parties' words as lemmas,
    order-free, ignoring case, quotes, punctuation and bracketed remarks such as the country."""
    parties = a.parties or (a.text,)
    return a.kind + ":" + "|".join(sorted(_party_key(p) for p in parties))


def agreement_id(a: Agreement) -> str:
    """A stable short id for a document: the first 16 hex characters of the SHA-256 of its key."""
    return hashlib.sha256(agreement_key(a).encode("utf-8")).hexdigest()[:16]


def _starts(goal: str, words: contract.AgreementWords) -> list[tuple[int, str]]:
    """Where each document's name starts, with its kind: a kind word followed by 'о', 'между', ..."""
    quotes = quote_spans(goal)
    toks = tokens(goal)
    out = []
    for i, tok in enumerate(toks[:-1]):
        low = fold(tok.text)
        kind = next((k for stem, k in words.kinds.items() if low.startswith(fold(stem))), None)
        if kind is None or any(s <= tok.start < e for s, e in quotes):
            continue
        if fold(toks[i + 1].text) not in words.follow_words:
            continue
        if i > 0 and fold(toks[i - 1].text) in words.not_after:
            continue
        out.append((tok.start, kind))
    return out


def _end(goal: str, start: int) -> int:
    """Where the document's name ends: a list item's end, a sentence end, or the text's end."""
    ends = [m.start() for m in _ITEM_END.finditer(goal, start)]
    ends += [m.start() for m in _SENTENCE_END.finditer(goal, start)]
    return min(ends, default=len(goal))


def _parties(text: str) -> tuple[str, ...]:
    """The parties after 'между', split at a top-level 'и' that starts a new name."""
    at = _top_level(text, re.compile(r"\bмежду\s+"))
    if at is None:
        withs = re.finditer(r"\sсо?\s+", text)  # "договор ... с городом Витебском"
        with_ = next(
            (m for m in withs if _is_top_level(text, m.start()) and _starts_name(text[m.end() :])), None
        )
        return (text[with_.end() :].strip(" .;,"),) if with_ else ()
    rest = text[at[1] :]
    parts, begin = [], 0
    for m in re.finditer(r"\s+и\s+", rest):
        if _is_top_level(rest, m.start()) and _starts_name(rest[m.end() :]):
            parts.append(rest[begin : m.start()])
            begin = m.end()
    parts.append(rest[begin:])
    return tuple(p.strip(" .;,") for p in parts if p.strip(" .;,"))


def _top_level(text: str, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    for m in pattern.finditer(text):
        if _is_top_level(text, m.start()):
            return m.start(), m.end()
    return None


def _is_top_level(text: str, pos: int) -> bool:
    return not any(s <= pos < e for s, e in quote_spans(text) + paren_spans(text))


def _starts_name(rest: str) -> bool:
    """Whether a party's name starts here: a capital, a quote, or a noun in the instrumental case."""
    first = tokens(rest[:60])
    if rest[:1] in '«"' or (first and first[0].capitalized):
        return True
    return bool(first) and any(p.tag.POS == "NOUN" and p.tag.case == "ablt" for p in parses(first[0].text))


def _signed_on(goal: str, start: int, text: str) -> date | None:
    """The date in the document's own words, else the last one earlier in its sentence."""
    own = _dates(text)
    if own:
        return own[0]
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(goal, 0, start)), default=0)
    before = _dates(goal[sentence_start:start])
    return before[-1] if before else None


def _dates(text: str) -> list[date]:
    found: list[tuple[int, date]] = []
    for m in _date_words(month_words()).finditer(text.replace("ё", "е").replace("Ё", "Е")):
        month = month_number(m.group(2))
        if month is not None:
            found.extend(_safe_date(m.start(), int(m.group(3)), month, int(m.group(1))))
    for m in _DATE_DIGITS.finditer(text):
        found.extend(_safe_date(m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
    return [d for _, d in sorted(found, key=lambda item: item[0])]


def _safe_date(pos: int, year: int, month: int, day: int) -> list[tuple[int, date]]:
    try:
        return [(pos, date(year, month, day))]
    except ValueError:
        return []


def _party_key(party: str) -> str:
    plain = re.sub(r"\([^)]*\)", " ", party)  # "(Республика Беларусь)" may be written or not
    words = {fold(parses(t.text)[0].normal_form) if not t.text.isdigit() else t.text for t in tokens(plain)}
    return " ".join(sorted(w for w in words if w not in _STOP))
