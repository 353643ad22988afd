"""A letter that lists its events as numbered paragraphs, each naming its parts by labels, instead
of a table: «1. Международный фестиваль «…». Дата проведения: 21 января 2025 г. Место проведения:
г. Печоры. Цель и результат: … Участники: …», under paragraphs naming each municipality.

A letter whose items name no parts by label is read by their content (`listed_prose`) when every item
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

The reader's parts, each a module of its own: `listed_labels` (labelled items), `listed_lines` (a
PDF's wrapped lines joined, paragraphs cut into sentences), `listed_dates` (dates in the text),
`listed_prose` (an item read by its content), `listed_places` (where the text says an event was
held), `listed_grammar` (what a sentence's words say by their grammar), `listed_text` (quotes,
brackets, dashes and sentences' ends), `listed_clauses` (two events told in one sentence); a PDF's
labels wrapped in a column of their own are put whole before their values by `pdflabelcol`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from muniflow.interpret.nil import municipality_in_text, says_nil, says_nil_letter
from muniflow.interpret.not_held import not_held_heading
from muniflow.model import RawDocument, RawRow, RawTable
from muniflow.normalize.text import fold
from muniflow.readers.listed_dates import closing_dates, lead_off, opening_date, told_from_dates
from muniflow.readers.listed_labels import labelled_parts, labels_joined, names_by_label
from muniflow.readers.listed_lines import municipality_heading, told_sentences, unwrapped
from muniflow.readers.listed_prose import prose
from muniflow.readers.listed_text import EDGE, pieces_of

# «1. …», «2) …»: an item and its number.
_ITEM = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)[.)]\s+(\S.*)$")  # «1.», «2)», «1.1.»

# «– …», «• …»: an item bulleted, not numbered (read by content only).
_BULLET = re.compile(r"^\s*()[-–—•·*]\s+(\S.*)$")

# The № column's header of a table of items read by content.
SEQ = "№"

# Items, at the least, for a list to be read as the report's events: labelled items; items read by
# content (each dated, a letter may tell of one event).
MIN_ITEMS = 2
MIN_PROSE_ITEMS = 1

# A heading line of a letter's lead is a few words («План мероприятий на III квартал 2025 года»).
_LEAD_HEADING_WORDS = 12


def listed_document(doc: RawDocument, synonyms: Mapping[str, Sequence[str]]) -> RawDocument | None:
    """The letter `doc` (its whole text as its title, no table) with its items as one table: labelled
    items as a card table (interpret/cards.py), items read by content as an events table of their
    parts; None when it lists no events so: fewer than `MIN_ITEMS` labelled items naming a date, or,
    read by content, no dated item (or fewer dated than half)."""
    lines = [line for line in doc.title.splitlines() if fold(line)]
    return _listed(doc, lines, synonyms, labelled=True) or _listed(doc, lines, synonyms, labelled=False)


def _listed(
    doc: RawDocument, lines: Sequence[str], synonyms: Mapping[str, Sequence[str]], *, labelled: bool
) -> RawDocument | None:
    # a line is asked about at each step: read once, as (its item, whether told deep in a sentence)
    read: dict[str, tuple[tuple[str, str] | None, bool]] = {}

    def read_once(line: str) -> tuple[tuple[str, str] | None, bool]:
        if line not in read:
            found = _item(line, labelled=labelled)
            if labelled and found[0] is None and names_by_label(line, synonyms):
                found = (("", line.strip()), False)  # «Наименование: …; Дата: …», not numbered
            read[line] = found
        return read[line]

    def item_of(line: str) -> tuple[str, str] | None:
        return read_once(line)[0]

    def opens_item(line: str) -> bool:  # an item told deep in a PDF's line may open in the line above
        item, deep = read_once(line)
        return item is not None and not deep

    if labelled:  # «1. Наименование мероприятия: …» / «Сроки проведения: …» on lines of their own
        lines = labels_joined(lines, item_of, synonyms)
    planned = _plan_heading(lines, item_of)
    if doc.pages is not None:  # a PDF's lines: an item wraps over several, a paragraph too
        lines = unwrapped(lines, opens_item, paragraphs=not labelled)
    if not labelled:  # an event told in a sentence of a paragraph («…характера: 24 июля … состоялась …»)
        for line in lines:  # «проведены: турнир «…» (3–5.04.2025, стадион «…»); фестиваль «…» (12.05.2025)»
            read.update((piece, (("", piece), False)) for piece in _listed_in_brackets(line))
        lines = told_sentences(lines, item_of)
    first = next((i for i, line in enumerate(lines) if item_of(line)), None)
    if first is None:
        return None
    opening = _told_before(lines[first], item_of(lines[first]))  # «…сообщает, что во II квартале …»
    while first > 0 and municipality_heading(lines[first - 1]):  # the first municipality's
        first -= 1
    labels = {column: synonyms[column][0] for column in ("title", "date_text", "place", "goal")}
    width = 2 + len(labels)  # a card's № | label | value, or an event's № and its four parts
    rows: list[RawRow] = []
    items = 0
    dated = 0
    last = first
    for i, line in enumerate(lines[first:], start=first):
        item = item_of(line)
        name = municipality_heading(item[1] if item else line)
        if name:  # a municipality's heading, maybe numbered («2. Угловский район»)
            rows.append(RawRow((name, *[None] * (width - 1)), f"paragraph {i + 1}"))
            continue
        if item is None:
            if not labelled and _nil_of_one(line):  # «В Х районе мероприятия не проводились»
                rows.append(RawRow(("", line, *[""] * (width - 2)), f"paragraph {i + 1}"))
            continue
        led = "" if labelled else lead_off(line)[0]
        if led:  # «В Таврическом муниципальном районе 5–6 июня 2025 г. …»: its municipality's
            rows.append(RawRow((led, *[None] * (width - 1)), f"paragraph {i + 1}"))
        number, body = item
        parts = labelled_parts(body, synonyms) if labelled else prose(body, labels, synonyms)
        if parts is None:
            continue
        title, parts_read = parts
        items += 1
        last = i
        dated += any(column == "date_text" for column, _, _ in parts_read)
        if labelled:
            rows.append(RawRow((number, labels["title"], title, "", ""), f"paragraph {i + 1}"))
            rows += [
                RawRow(("", label, value, "", ""), f"paragraph {i + 1}") for _, label, value in parts_read
            ]
        else:
            values = {column: value for column, _, value in parts_read}
            cells = (number, title, *(values.get(c, "") for c in ("date_text", "place", "goal")))
            rows.append(RawRow(cells, f"paragraph {i + 1}"))
    if items < (MIN_ITEMS if labelled else MIN_PROSE_ITEMS) or dated * 2 < items or not dated:
        return None
    if planned:  # «План международных мероприятий на III квартал»: not held yet
        return None
    lead = "\n".join([*lines[:first], opening] if opening else lines[:first])
    if labelled:
        table = RawTable(
            tuple(c or "" for c in rows[0].cells[:3]), tuple(_narrow(r) for r in rows[1:]), "list", ""
        )
    else:
        header = (SEQ, labels["title"], labels["date_text"], labels["place"], labels["goal"])
        table = RawTable(header, tuple(rows), "list", "")
    closing = "\n".join(line for line in lines[last + 1 :] if not item_of(line))
    return RawDocument(
        source_file=doc.source_file,
        format=doc.format,
        title=lead,
        tables=(table,),
        pages=doc.pages,
        closing=closing,
    )


def _item(line: str, *, labelled: bool) -> tuple[tuple[str, str] | None, bool]:
    """((number, body) of a line that is an item, else None; whether it is told deep in a
    sentence). An item is numbered or bulleted; read by content, also a sentence opening with its
    dates after a few leading words (`lead_off`) or telling of an event held on dates deep in it
    (`told_from_dates`)."""
    found = _ITEM.match(line) or _BULLET.match(line)
    if found is not None:
        return (found.group(1) or "", found.group(2)), False
    if labelled:
        return None, False
    told = lead_off(line)[1]
    if opening_date(told):
        return ("", told.strip()), False
    deep = told_from_dates(line)
    return (("", deep), True) if deep else (None, False)


def _nil_of_one(line: str) -> bool:
    """The line says a municipality it names held no events, among others' events told: a row of
    its nil statement (interpret/nil.py reads it so); «Иных мероприятий не проводилось» names none."""
    return says_nil(line) and says_nil_letter(line) and bool(municipality_in_text(line))


def _told_before(line: str, item: tuple[str, str] | None) -> str:
    """The words of the line before its item's body, where the item is told from dates deep in a
    sentence: the letter's lead («…информирует, что во II квартале 2025 года»), naming its quarter."""
    if item is None or item[0]:
        return ""
    flat = " ".join(line.split())
    at = flat.find(item[1])
    return flat[:at].strip(EDGE) if at > 0 else ""


def _narrow(row: RawRow) -> RawRow:
    """A card's row as the card reader takes it: № | label | value."""
    return RawRow(row.cells[:3], row.locator)


def _listed_in_brackets(line: str) -> list[str]:
    """The parts of a paragraph listing events one after another, each closing with its dates in
    brackets («…проведены: турнир «…» (3–5.04.2025, стадион «…»); фестиваль «…» (12.05.2025)»): those
    parts, when `MIN_ITEMS` of them at the least do so; else none (a bracket of dates in one
    sentence is no list: minutes' «О подготовке фестиваля (15–17 августа 2025 г.)»)."""
    dated = [piece for piece in pieces_of(line) if closing_dates(piece) is not None]
    return dated if len(dated) >= MIN_ITEMS else []


def _plan_heading(lines: Sequence[str], item_of: Callable[[str], tuple[str, str] | None]) -> bool:
    """A short line before the first item says the items are planned, not held («План
    международных мероприятий на III квартал 2025 года», interpret/not_held.py)."""
    short = []
    for line in lines:
        if item_of(line) is not None:
            break
        # a heading opens with a capital: a line opening in lower case goes on a sentence wrapped
        # above it in a PDF («… в ходе визита» / «подписан план совместных мероприятий на 2025 год.»)
        if len(line.split()) <= _LEAD_HEADING_WORDS and not _opens_lower(line):
            short.append(line)
    return not_held_heading(*short) is not None


def _opens_lower(line: str) -> bool:
    first = next((c for c in line if c.isalpha()), "")
    return first.islower()
