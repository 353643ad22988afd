"""A letter that lists its events as numbered paragraphs, each naming its parts by labels, instead
of a table: «1. Международный фестиваль «…». Дата проведения: 21 января 2025 г. Место проведения:
г. Печоры. Цель и результат: … Участники: …», under paragraphs naming each municipality.

A letter whose items name no parts by label is read by their content (`_prose`) when every item
read so opens or closes with its dates, or states them in its sentence: «6–9 мая 2024 г. – г. Себеж
– Фестиваль «…» – …» (parts parted by spaced dashes: the one opening with a place is the place, the
first other the name, the rest the goal), «14 апреля 2024 года в г. Великие Луки состоялся турнир
«…», в котором …» (the name follows the sentence's verb in the past; the words before it, after
«в»/«на», are the place). Such items may be numbered, bulleted, or open with their dates.

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
from collections.abc import Callable, Mapping, Sequence

from muniflow.enrich.event_format import ONLINE, event_format
from muniflow.interpret.column_content import PLACE_MAX_WORDS, opens_with_place
from muniflow.interpret.columns import map_columns
from muniflow.interpret.combined import date_run
from muniflow.interpret.municipality import municipality_name
from muniflow.model import RawDocument, RawRow, RawTable
from muniflow.morph import analyzer
from muniflow.normalize.text import fold

# «1. …», «2) …»: an item and its number.
_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*)$")
# «Дата проведения: », «Цель и результат: »: a capitalised phrase of up to five words before a colon,
# at the start or after a sentence's end.
_LABEL = re.compile(r"(?:^|(?<=[.;!?»])\s+)([А-ЯЁ][а-яё]*(?:\s+[а-яёА-ЯЁ]+){0,4})\s*:\s+")
# «– …», «• …»: an item bulleted, not numbered (read by content only).
_BULLET = re.compile(r"^\s*()[-–—•·*]\s+(\S.*)$")
# A part of an item read by content: parts are parted by a dash with spaces around it.
_PART = re.compile(r"\s+[-–—]\s+")
# A name names something: a word of three letters or more.
_NAMING = re.compile(r"[^\W\d_]{3}")
_EDGE = " \t,;:-–—."
# A part naming only a remote format as the place: «онлайн», «в формате ВКС».
REMOTE_MAX_WORDS = 3
_ENDED = re.compile(r"[.!?]\s*$")
# A heading is a short line: a municipality's name, maybe with a colon.
_HEADING_WORDS = 8
# Items, at the least, for a list to be read as the report's events.
MIN_ITEMS = 2


def listed_document(doc: RawDocument, synonyms: Mapping[str, Sequence[str]]) -> RawDocument | None:
    """The letter `doc` (its whole text as its title, no table) with its items as one card table,
    or None when it lists no events so: fewer than `MIN_ITEMS` numbered items whose labels name a
    date, or, read by content, fewer than `MIN_ITEMS` items all of them dated."""
    lines = [line for line in doc.title.splitlines() if fold(line)]
    return _listed(doc, lines, synonyms, labelled=True) or _listed(doc, lines, synonyms, labelled=False)


def _listed(
    doc: RawDocument, lines: Sequence[str], synonyms: Mapping[str, Sequence[str]], *, labelled: bool
) -> RawDocument | None:
    def item_of(line: str) -> tuple[str, str] | None:
        found = _ITEM.match(line) or (None if labelled else _BULLET.match(line))
        if found is not None:
            return found.group(1) or "", found.group(2)
        return ("", line.strip()) if not labelled and _opening_date(line) else None

    if doc.pages is not None:  # a PDF's lines: an item wraps over several
        lines = _unwrapped(lines, lambda line: item_of(line) is not None)
    first = next((i for i, line in enumerate(lines) if item_of(line)), None)
    if first is None:
        return None
    while first > 0 and _heading(lines[first - 1]):  # the first municipality's
        first -= 1
    labels = {column: synonyms[column][0] for column in ("title", "date_text", "place", "goal")}
    rows: list[RawRow] = []
    items = 0
    dated = 0
    last = first
    for i, line in enumerate(lines[first:], start=first):
        item = item_of(line)
        if item is None:
            name = _heading(line)
            if name:
                rows.append(RawRow((name, None, None), f"paragraph {i + 1}"))
            continue
        number, body = item
        parts = _labelled(body, synonyms) if labelled else _prose(body, labels)
        if parts is None:
            continue
        name, parts_read = parts
        items += 1
        last = i
        dated += any(column == "date_text" for column, _, _ in parts_read)
        rows.append(RawRow((number, labels["title"], name), f"paragraph {i + 1}"))
        rows += [RawRow(("", label, value), f"paragraph {i + 1}") for _, label, value in parts_read]
    if items < MIN_ITEMS or dated * 2 < items:
        return None
    table = RawTable(tuple(c or "" for c in rows[0].cells), tuple(rows[1:]), "list", "")
    lead = "\n".join(lines[:first])
    closing = "\n".join(line for line in lines[last + 1 :] if not item_of(line))
    return RawDocument(
        source_file=doc.source_file,
        format=doc.format,
        title=lead,
        tables=(table,),
        pages=doc.pages,
        closing=closing,
    )


def _unwrapped(lines: Sequence[str], is_item: Callable[[str], bool]) -> list[str]:
    """A PDF's lines with each item's wrapped lines joined to it: a line that starts no item and is
    no heading goes on the item above while that has not ended its sentence."""
    out: list[str] = []
    within = False  # the last line out is an item's
    for line in lines:
        if within and not is_item(line) and not _heading(line) and not _ENDED.search(out[-1]):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            continue
        out.append(line)
        within = is_item(line)
    return out


def _opening_date(line: str) -> bool:
    """The line opens with its dates and goes on («15.07.2024 – г. Ржев – …»)."""
    found = date_run(" ".join(line.split()))
    return found is not None and found[1] == 0 and bool(line.strip()[found[2] :].strip(_EDGE))


def _prose(body: str, labels: Mapping[str, str]) -> tuple[str, list[tuple[str, str, str]]] | None:
    """An item's name and its (column, label, value) parts read by content, not by labels: its
    dates where it opens or closes with them or states them; the rest parted by spaced dashes
    (a part opening with a place is the place, the first other part the name, the rest the goal),
    or one sentence (`_sentence`). None when no words name anything."""
    flat = " ".join(body.split()).rstrip(" .;")
    found = date_run(flat)
    parts: list[tuple[str, str, str]] = []
    rest = flat
    if found is not None:
        date, start, end = found
        parts.append(("date_text", labels["date_text"], date))
        rest = f"{flat[:start].strip(_EDGE)} {flat[end:].strip(_EDGE)}".strip()
    pieces = [p.strip(_EDGE) for p in _PART.split(rest) if p.strip(_EDGE)]
    if len(pieces) > 1:
        place = _place_piece(pieces)
        others = [p for p in pieces if p is not place]
        if not others:
            return None
        name, goal = others[0], " – ".join(others[1:])
    else:
        name, place, goal = _sentence(rest)
    if not _NAMING.search(name):
        return None
    parts += [("place", labels["place"], place)] if place else []
    parts += [("goal", labels["goal"], goal)] if goal else []
    return name[:1].upper() + name[1:], parts


def _place_piece(pieces: Sequence[str]) -> str | None:
    """The part naming where: the first short one opening with a settlement, an area or a country;
    else one of a few words naming a remote format («онлайн»), which a name may open with too."""
    short = [p for p in pieces if len(p.split()) <= PLACE_MAX_WORDS and opens_with_place(p)]
    remote = [p for p in short if event_format(p).format == ONLINE]
    return next((p for p in short if p not in remote), None) or next(
        (p for p in remote if len(p.split()) <= REMOTE_MAX_WORDS), None
    )


def _sentence(text: str) -> tuple[str, str, str]:
    """(name, place, rest) of a sentence telling of an event: «в г. Опочке состоялась встреча «…», в
    которой …» — the name follows its verb in the past («состоялся», «прошёл», «проведена») up to the
    first comma outside quotes, the place is the words before the verb after «в» or «на»."""
    words = list(re.finditer(r"\S+", text))
    for k, word in enumerate(words):
        if _past_verb(word.group().strip(',;:«»"()')):
            before = text[: word.start()].strip(_EDGE)
            after = text[word.end() :].strip(_EDGE)
            name, rest = _first_clause(after)
            preposition = re.match(r"(?i)(?:в|во|на)\s+", before)
            place = before[preposition.end() :] if preposition and k > 1 else ""
            return name, place, rest
    return text, "", ""


def _past_verb(word: str) -> bool:
    if not word.isalpha() or len(word) < 4:
        return False
    tag = analyzer().parse(word.lower())[0].tag
    return (tag.POS == "VERB" and "past" in tag) or tag.POS == "PRTS"


def _first_clause(text: str) -> tuple[str, str]:
    """The text up to its first comma outside quotes, and the rest."""
    depth = 0
    for i, char in enumerate(text):
        if char in "«“„":
            depth += 1
        elif char in "»”" and depth:
            depth -= 1
        elif char == "," and not depth:
            return text[:i].strip(_EDGE), text[i + 1 :].strip(_EDGE)
    return text.strip(_EDGE), ""


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
