"""How an event was held (in person, online or hybrid), read from the cue words of its texts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from muniflow.enrich import contract
from muniflow.enrich.text import folded, lemmas, tokens

IN_PERSON = "in_person"
ONLINE = "online"
HYBRID = "hybrid"

# A cue found in the text: where it starts and ends, and the words as written.
_Cue = tuple[int, int, str]


@dataclass(frozen=True)
class EventFormat:
    """The format and the words that decided it (empty for an in-person event with no cue)."""

    format: str
    cues: tuple[str, ...]

    @property
    def is_online(self) -> bool:
        return self.format == ONLINE


def event_format(*texts: str) -> EventFormat:
    """The format of an event from its texts (title, place, goal, participants), per the contract."""
    cues = contract.load().format
    text = "\n".join(texts)
    remote = _matches(text, cues.partly_remote)
    online = _matches(text, cues.online) + _held_remotely(text, remote, folded(cues.held_verbs))
    # "проводилась дистанционно" is an online cue that also holds the partly-remote word
    partly = [m for m in remote if not any(_overlap(m, o) for o in online)]
    in_person = _matches(text, cues.in_person) + _lemma_cues(text, folded(cues.in_person_lemmas))
    hybrid = _matches(text, cues.hybrid)
    if hybrid or partly or (online and in_person):
        return EventFormat(HYBRID, _words(hybrid + partly + online + in_person))
    if online:
        return EventFormat(ONLINE, _words(online))
    return EventFormat(IN_PERSON, _words(in_person))


def _matches(text: str, patterns: tuple[re.Pattern[str], ...]) -> list[_Cue]:
    return [(m.start(), m.end(), m.group()) for p in patterns for m in p.finditer(text)]


def _held_remotely(text: str, remote: list[_Cue], verbs: frozenset[str]) -> list[_Cue]:
    """Partly-remote words right after a verb of holding ("мероприятие проведено дистанционно"):
    the verb and the word together, an online cue."""
    if not verbs:
        return []
    toks = tokens(text)
    out: list[_Cue] = []
    for start, end, _ in remote:
        before = [t for t in toks if t.end <= start]
        if before and text[before[-1].end : start].strip() == "" and lemmas(before[-1].text) & verbs:
            out.append((before[-1].start, end, text[before[-1].start : end]))
    return out


def _lemma_cues(text: str, words: frozenset[str]) -> list[_Cue]:
    """The words of the text whose lemma is one of `words`, in any form."""
    return [(t.start, t.end, t.text) for t in tokens(text) if words and lemmas(t.text) & words]


def _overlap(a: _Cue, b: _Cue) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _words(found: list[_Cue]) -> tuple[str, ...]:
    """The matched words in text order, each once."""
    ordered = sorted(found, key=lambda m: m[0])
    return tuple(dict.fromkeys(m[2] for m in ordered))
