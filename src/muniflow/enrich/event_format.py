"""How an event was held (in person, online or hybrid), read from the cue words of its texts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from muniflow.enrich import contract

IN_PERSON = "in_person"
ONLINE = "online"
HYBRID = "hybrid"


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
    online = _matches(text, cues.online)
    # "проводилась дистанционно" is an online cue that also holds the partly-remote word
    partly = [m for m in _matches(text, cues.partly_remote) if not any(_overlap(m, o) for o in online)]
    in_person = _matches(text, cues.in_person)
    hybrid = _matches(text, cues.hybrid)
    if hybrid or partly or (online and in_person):
        return EventFormat(HYBRID, _words(hybrid + partly + online + in_person))
    if online:
        return EventFormat(ONLINE, _words(online))
    return EventFormat(IN_PERSON, _words(in_person))


def _matches(text: str, patterns: tuple[re.Pattern[str], ...]) -> list[re.Match[str]]:
    return [m for p in patterns for m in p.finditer(text)]


def _overlap(a: re.Match[str], b: re.Match[str]) -> bool:
    return a.start() < b.end() and b.start() < a.end()


def _words(found: list[re.Match[str]]) -> tuple[str, ...]:
    """The matched words in text order, each once."""
    ordered = sorted(found, key=lambda m: m.start())
    return tuple(dict.fromkeys(m.group() for m in ordered))
