"""A letter that lists its events as numbered paragraphs, each naming its parts by labels, instead
of a table: «1. Международный фестиваль «…». Дата проведения: 21 января 2025 г. Место проведения:
г. Печоры. Цель и результат: … Участники: …», under paragraphs naming each municipality.

Each item becomes an event card (`interpret/cards.py`): its № and its name (the text before its
first label), then each label with its value. A label is a capitalised phrase of a few words
before a colon, at the item's start or after a sentence's end, that the contract's header
synonyms tie to a column (`map_columns`), never a wording listed here. A paragraph naming a
municipality between items is a heading row across the card. The text before the first item is
the document's title, the text after the last its closing. Read only where a document has no
table and is no nil letter; a list whose items name no dates by label stays no table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from muniflow.interpret.columns import map_columns
from muniflow.interpret.municipality import municipality_name
from muniflow.model import RawDocument, RawRow, RawTable
from muniflow.normalize.text import fold

# «1. …», «2) …»: an item and its number.
_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*)$")
# «Дата проведения: », «Цель и результат: »: a capitalised phrase of up to five words before a colon,
# at the start or after a sentence's end.
_LABEL = re.compile(r"(?:^|(?<=[.;!?»])\s+)([А-ЯЁ][а-яё]*(?:\s+[а-яёА-ЯЁ]+){0,4})\s*:\s+")
# A heading is a short line: a municipality's name, maybe with a colon.
_HEADING_WORDS = 8
# Items, at the least, for a list to be read as the report's events.
MIN_ITEMS = 2


def listed_document(doc: RawDocument, synonyms: Mapping[str, Sequence[str]]) -> RawDocument | None:
    """The letter `doc` (its whole text as its title, no table) with its numbered items as one card
    table, or None when it lists no events so (fewer than `MIN_ITEMS` items whose labels name a date)."""
    lines = [line for line in doc.title.splitlines() if fold(line)]
    first = next((i for i, line in enumerate(lines) if _ITEM.match(line)), None)
    if first is None:
        return None
    while first > 0 and _heading(lines[first - 1]):  # the first municipality's
        first -= 1
    title_label = synonyms["title"][0]
    rows: list[RawRow] = []
    items = 0
    dated = 0
    last = first
    for i, line in enumerate(lines[first:], start=first):
        item = _ITEM.match(line)
        if item is None:
            name = _heading(line)
            if name:
                rows.append(RawRow((name, None, None), f"paragraph {i + 1}"))
            continue
        parts = _labelled(item.group(2), synonyms)
        if parts is None:
            continue
        name, labelled = parts
        items += 1
        last = i
        dated += any(column == "date_text" for column, _, _ in labelled)
        rows.append(RawRow((item.group(1), title_label, name), f"paragraph {i + 1}"))
        rows += [RawRow(("", label, value), f"paragraph {i + 1}") for _, label, value in labelled]
    if items < MIN_ITEMS or dated * 2 < items:
        return None
    table = RawTable(tuple(c or "" for c in rows[0].cells), tuple(rows[1:]), "list", "")
    lead = "\n".join(lines[:first])
    closing = "\n".join(line for line in lines[last + 1 :] if not _ITEM.match(line))
    return RawDocument(
        source_file=doc.source_file,
        format=doc.format,
        title=lead,
        tables=(table,),
        pages=doc.pages,
        closing=closing,
    )


def _heading(line: str) -> str:
    """The line as a municipality's heading («Печорский муниципальный округ:»), else ''."""
    name = fold(line).rstrip(":").strip()
    if len(name.split()) > _HEADING_WORDS or municipality_name(name) is None:
        return ""
    return name


def _labelled(
    body: str, synonyms: Mapping[str, Sequence[str]]
) -> tuple[str, list[tuple[str, str, str]]] | None:
    """An item's name and its (column, label, value) parts; None when no label the contract knows
    starts a part."""
    found = []
    for match in _LABEL.finditer(body):
        label = match.group(1)
        column = _column(label, synonyms)
        if column is not None:
            found.append((match.start(1), match.end(), column, label))
    if not found:
        return None
    name = _clean(body[: found[0][0]])
    parts = []
    for (_, value_start, column, label), following in zip(found, [*found[1:], None], strict=True):
        end = following[0] if following is not None else len(body)
        parts.append((column, label, _clean(body[value_start:end])))
    return name, parts


def _column(label: str, synonyms: Mapping[str, Sequence[str]]) -> str | None:
    matches, _ = map_columns([label], synonyms)
    return matches[0].column if matches else None


def _clean(text: str) -> str:
    """A part's text without the sentence's end that closed it («21 января 2025 г..» -> «… г.»)."""
    text = text.strip().rstrip(";").strip()
    if text.endswith("..") or (text.endswith(".") and not re.search(r"\b[а-яё]{1,3}\.$", text)):
        text = text[:-1]
    return text.strip()
