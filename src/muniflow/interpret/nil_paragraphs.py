"""Nil statements written as paragraphs between tables: a municipality's heading paragraph, then a
sentence saying nothing was held («Мероприятия … не проводились.»), and no table of its own
before the next heading or table. The heading's municipality reported none (as a nil heading row
in a table says)."""

from __future__ import annotations

from muniflow.interpret.municipality import canonical_municipality
from muniflow.interpret.nil import says_nil
from muniflow.interpret.sections import caption_municipality
from muniflow.model import RawDocument
from muniflow.normalize.text import fold


def paragraph_nils(doc: RawDocument) -> tuple[str, ...]:
    """Canonical municipalities whose heading paragraph (above a table, or after the last one) is
    followed right away by a nil sentence."""
    names: list[str] = []
    for text in (*(t.caption for t in doc.tables), doc.closing):
        for name in text_nils(text):
            if name not in names:
                names.append(name)
    return tuple(names)


def text_nils(text: str) -> tuple[str, ...]:
    """The municipalities of the nil sentences of a run of paragraphs, each named by the heading
    lines right before its sentence."""
    lines = [fold(x) for x in text.splitlines() if fold(x)]
    names: list[str] = []
    for k, line in enumerate(lines):
        if not k or not says_nil(line):
            continue
        heading = caption_municipality("\n".join(lines[:k]))
        name = canonical_municipality(heading) if heading else ""
        if name and name not in names:
            names.append(name)
    return tuple(names)
