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
from functools import lru_cache

from muniflow.enrich.contract import locality_abbreviations
from muniflow.enrich.event_format import ONLINE, event_format
from muniflow.interpret.column_content import PLACE_MAX_WORDS, opens_with_place
from muniflow.interpret.columns import map_columns
from muniflow.interpret.combined import date_run
from muniflow.interpret.municipality import municipality_name
from muniflow.interpret.nil import municipality_in_text, says_nil, says_nil_letter
from muniflow.interpret.not_held import not_held_heading
from muniflow.interpret.participants import listing_goes_on, participants_at
from muniflow.interpret.place_case import nominative_object, nominative_place
from muniflow.model import RawDocument, RawRow, RawTable
from muniflow.morph import analyzer
from muniflow.normalize.dates import EXACT, parse_dates
from muniflow.normalize.text import fold
from muniflow.readers.listed_clauses import told_apart, years_carried

# «1. …», «2) …»: an item and its number.
_ITEM = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)[.)]\s+(\S.*)$")  # «1.», «2)», «1.1.»
# «Дата проведения: », «Цель и результат: »: a capitalised phrase of up to five words before a colon,
# at the start or after a sentence's end; after a comma or a semicolon in lower case too («Дата:
# 12.07.2025, место: …», «Мероприятие: …; дата: …»). Only a phrase the header synonyms tie to a
# column is a label.
_LABEL = re.compile(
    r"(?:^|(?<=[.;!?»])\s+)([А-ЯЁ][а-яё]*(?:\s+[а-яёА-ЯЁ]+){0,4})\s*:\s+"
    r"|(?<=[,;])\s+([а-яё]+(?:\s+[а-яё]+){0,2})\s*:\s+"
)
# «– …», «• …»: an item bulleted, not numbered (read by content only).
_BULLET = re.compile(r"^\s*()[-–—•·*]\s+(\S.*)$")
# A part of an item read by content: parts are parted by a dash with spaces around it.
_PART = re.compile(r"\s+[-–—]\s+")
# A quoted name, nested quotes inside («Конференция «Карелия – Приморье»»).
_QUOTED = re.compile(r"«(?:[^«»]|«[^«»]*»)*»|\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]")
# «в», «на», «у» opening the words naming where («у мемориала»).
_PREPOSITION = re.compile(r"(?i)(?:в|во|на|у)\s+")
# Where a paragraph's sentence ends: a full stop, a colon or a semicolon before a space.
_SENTENCE_END = re.compile(r"[.!?:;]\s+")
# A full stop closing an abbreviation («г.», «ул.», «им.»): no sentence's end.
_ABBREVIATION = re.compile(r"(?:^|[\s(.])[а-яё]{1,3}\.$")  # «г.», «р.п.»
# An item's number opening the line («1.», «2.1.»): no sentence before it.
_NUMBER_ONLY = re.compile(r"\s*\d{1,3}(?:\.\d{1,3})*[.)]")
# A preposition before dates that are no event's: a deadline («до 25 июля 2025 г.», «к 1 июля»), a
# document's («письма от 12.06.2025»).
_NOT_HELD_ON = frozenset({"до", "к", "от"})
# The № column's header of a table of items read by content.
SEQ = "№"
_BRACKETED = re.compile(r"\([^()]*\)")
# A remark in brackets closing a sentence's name: who came, how many.
_TRAILING_REMARK = re.compile(r"\s*\(([^()]*)\)$")
# A name names something: a word of three letters or more.
_NAMING = re.compile(r"[^\W\d_]{3}")
_EDGE = " \t,;:-–—."
# A part naming only a remote format as the place: «онлайн», «в формате ВКС».
REMOTE_MAX_WORDS = 3
_ENDED = re.compile(r"[.!?]\s*$")
# A heading is a short line: a municipality's name, maybe with a colon.
_HEADING_WORDS = 8
# Items, at the least, for a list to be read as the report's events: labelled items; items read by
# content (each dated, a letter may tell of one event).
MIN_ITEMS = 2
MIN_PROSE_ITEMS = 1
# Words a sentence may open with before its dates: «В Таврическом муниципальном районе», «Кроме того,».
_LEAD_WORDS = 5
# Words linking a sentence to the one before may open it before its dates («Кроме того,», «Также»).
_INTRO_WORDS = 3
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
            if labelled and found[0] is None and _names_by_label(line, synonyms):
                found = (("", line.strip()), False)  # «Наименование: …; Дата: …», not numbered
            read[line] = found
        return read[line]

    def item_of(line: str) -> tuple[str, str] | None:
        return read_once(line)[0]

    def opens_item(line: str) -> bool:  # an item told deep in a PDF's line may open in the line above
        item, deep = read_once(line)
        return item is not None and not deep

    if labelled:  # «1. Наименование мероприятия: …» / «Сроки проведения: …» on lines of their own
        lines = _labels_joined(lines, item_of, synonyms)
    planned = _plan_heading(lines, item_of)
    if doc.pages is not None:  # a PDF's lines: an item wraps over several, a paragraph too
        lines = _unwrapped(lines, opens_item, paragraphs=not labelled)
    if not labelled:  # an event told in a sentence of a paragraph («…характера: 24 июля … состоялась …»)
        for line in lines:  # «проведены: турнир «…» (3–5.04.2025, стадион «…»); фестиваль «…» (12.05.2025)»
            read.update((piece, (("", piece), False)) for piece in _listed_in_brackets(line))
        lines = _told_sentences(lines, item_of)
    first = next((i for i, line in enumerate(lines) if item_of(line)), None)
    if first is None:
        return None
    opening = _told_before(lines[first], item_of(lines[first]))  # «…сообщает, что во II квартале …»
    while first > 0 and _heading(lines[first - 1]):  # the first municipality's
        first -= 1
    labels = {column: synonyms[column][0] for column in ("title", "date_text", "place", "goal")}
    width = 2 + len(labels)  # a card's № | label | value, or an event's № and its four parts
    rows: list[RawRow] = []
    items = 0
    dated = 0
    last = first
    for i, line in enumerate(lines[first:], start=first):
        item = item_of(line)
        name = _heading(item[1] if item else line)
        if name:  # a municipality's heading, maybe numbered («2. Угловский район»)
            rows.append(RawRow((name, *[None] * (width - 1)), f"paragraph {i + 1}"))
            continue
        if item is None:
            if not labelled and _nil_of_one(line):  # «В Х районе мероприятия не проводились»
                rows.append(RawRow(("", line, *[""] * (width - 2)), f"paragraph {i + 1}"))
            continue
        led = "" if labelled else _lead_off(line)[0]
        if led:  # «В Таврическом муниципальном районе 5–6 июня 2025 г. …»: its municipality's
            rows.append(RawRow((led, *[None] * (width - 1)), f"paragraph {i + 1}"))
        number, body = item
        parts = _labelled(body, synonyms) if labelled else _prose(body, labels, synonyms)
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
    dates after a few leading words (`_lead_off`) or telling of an event held on dates deep in it
    (`_told_from_dates`)."""
    found = _ITEM.match(line) or _BULLET.match(line)
    if found is not None:
        return (found.group(1) or "", found.group(2)), False
    if labelled:
        return None, False
    told = _lead_off(line)[1]
    if _opening_date(told):
        return ("", told.strip()), False
    deep = _told_from_dates(line)
    return (("", deep), True) if deep else (None, False)


def _names_by_label(line: str, synonyms: Mapping[str, Sequence[str]]) -> bool:
    """The line opens with the label of an event's name («Наименование: …», «Мероприятие: …»): a
    labelled block of its own, numbered or not."""
    opening = _LABEL.match(line.strip())
    return opening is not None and bool(opening.group(1)) and _column(opening.group(1), synonyms) == "title"


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
    return flat[:at].strip(_EDGE) if at > 0 else ""


def _labels_joined(
    lines: Sequence[str],
    item_of: Callable[[str], tuple[str, str] | None],
    synonyms: Mapping[str, Sequence[str]],
) -> list[str]:
    """The lines with each one opening with a label (no item of its own) joined to the item above."""
    out: list[str] = []
    within = False
    for line in lines:
        opening = _LABEL.match(line.strip())
        labelled = opening is not None and bool(opening.group(1)) and _column(opening.group(1), synonyms)
        if within and item_of(line) is None and labelled:
            out[-1] = f"{out[-1].rstrip().rstrip('.')}. {line.strip()}"
            continue
        out.append(line)
        within = item_of(line) is not None
    return out


def _narrow(row: RawRow) -> RawRow:
    """A card's row as the card reader takes it: № | label | value."""
    return RawRow(row.cells[:3], row.locator)


def _pieces(line: str) -> list[str]:
    """A paragraph's sentences and the parts of one a colon or a semicolon parts, outside quotes
    and brackets («Конференция: итоги года», «(3.04.2025; 5.04.2025)» part nothing)."""
    enclosed = [(m.start(), m.end()) for m in (*_QUOTED.finditer(line), *_BRACKETED.finditer(line))]
    cuts = [
        m.end()
        for m in _SENTENCE_END.finditer(line)
        if not _ABBREVIATION.search(line[: m.start() + 1])
        and not _NUMBER_ONLY.fullmatch(line[: m.start() + 1])
        and not any(a < m.start() < b for a, b in enclosed)
    ]
    return [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]


def _listed_in_brackets(line: str) -> list[str]:
    """The parts of a paragraph listing events one after another, each closing with its dates in
    brackets («…проведены: турнир «…» (3–5.04.2025, стадион «…»); фестиваль «…» (12.05.2025)»): those
    parts, when `MIN_ITEMS` of them at the least do so; else none (a bracket of dates in one
    sentence is no list: minutes' «О подготовке фестиваля (15–17 августа 2025 г.)»)."""
    dated = [piece for piece in _pieces(line) if _closing_dates(piece) is not None]
    return dated if len(dated) >= MIN_ITEMS else []


def _closing_dates(text: str) -> tuple[str, str, str] | None:
    """(name, dates, place) of a text closing with its full dates in brackets, maybe with where
    («Фестиваль «…» (12.05.2025, парк Х)»); None when it does not so close."""
    found = _bracketed_dates(text)
    return found[:3] if found is not None and not found[3] else None


def _bracketed_dates(text: str) -> tuple[str, str, str, str] | None:
    """(name, dates, place, rest) of a text naming its event, then in brackets its full dates and
    where, the dates first or last («Турнир «…» (г. Х, стадион «…», 14–16 марта 2025 г.) — 180
    спортсменов», «Вебинар «…» (онлайн, 27 марта 2025 г.)»): the name before the brackets, the
    rest after them; None when no brackets outside quotes so open or close."""
    flat = " ".join(text.split()).rstrip(" .;")
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(flat)]
    for found in _BRACKETED.finditer(flat):
        if any(a < found.start() < b for a, b in quoted) or not _NAMING.search(flat[: found.start()]):
            continue
        inner = found.group()[1:-1].strip()
        dates = date_run(inner)
        if dates is None or not _full_date(dates[0]) or (dates[1] != 0 and dates[2] != len(inner)):
            continue
        place = f"{inner[: dates[1]]} {inner[dates[2] :]}".strip(_EDGE + " ")
        name, rest = flat[: found.start()].strip(_EDGE), flat[found.end() :].strip(_EDGE)
        return name, dates[0].strip("()"), place, rest
    return None


def _told_sentences(lines: Sequence[str], item_of: Callable[[str], tuple[str, str] | None]) -> list[str]:
    """The paragraphs cut into their sentences telling events (`_sentences_of`), a day and month
    with no year given the year of the event told before it (`years_carried`)."""
    out: list[str] = []
    year: str | None = None
    for line in lines:
        parts, year = _sentences_of(line, item_of, year)
        out += parts
    return out


def _sentences_of(
    line: str, item_of: Callable[[str], tuple[str, str] | None], year: str | None
) -> tuple[list[str], str | None]:
    """A paragraph cut before each of its sentences after the first that is an item (an event told
    in a letter's paragraph, after a colon or a full stop); the paragraph whole when none is. And
    the year of the last event told, which a sentence's day and month with no year take."""
    # «…, а 24 мая … прошла встреча …»: two events of one sentence
    told = [clause for piece in _pieces(line) for clause in told_apart(piece, item_of, _told_in)]
    pieces, year = years_carried(told, year, item_of, _told_in)
    if not any(item_of(p) for p in pieces[1:]):
        return [line] if pieces == told else [" ".join(pieces)], year
    out: list[str] = []
    for piece in pieces:  # the sentences before the first item stay one line: the lead's
        if out and item_of(piece) is None and item_of(out[-1]) is None:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return [p for p in out if p], year


def _unwrapped(lines: Sequence[str], is_item: Callable[[str], bool], paragraphs: bool = False) -> list[str]:
    """A PDF's lines with each item's wrapped lines joined to it: a line that starts no item and is
    no heading goes on the item above while that has not ended its sentence; with `paragraphs`,
    on any line above that has not (an event told in a paragraph's sentence, wrapped)."""
    out: list[str] = []
    within = False  # the last line out is an item's
    for line in lines:
        joins = within or (paragraphs and bool(out) and not _heading(out[-1]))
        if joins and not is_item(line) and not _heading(line) and not _ended(out[-1]):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            continue
        out.append(line)
        within = is_item(line)
    return _dashes_rejoined(out, is_item)


def _dashes_rejoined(lines: Sequence[str], is_item: Callable[[str], bool]) -> list[str]:
    """The lines with a line opening with a dash joined to the item above when that item, numbered
    or bulleted otherwise, has not ended while the list's other items each end with a full stop or
    a semicolon: a PDF wrapped the item's text before its dash («2) Онлайн-встреча … (Республика
    Беларусь)» / «— 5 декабря 2024 г., …;»), it opens no item of its own."""
    dashed = {
        i
        for i, line in enumerate(lines)
        if i
        and _DASHED.match(line)
        and is_item(lines[i - 1])
        and not _DASHED.match(lines[i - 1])  # a dash after a dashed item may open the next
        and not _ITEM_ENDED.search(lines[i - 1])
    }
    others = [line for i, line in enumerate(lines) if is_item(line) and i + 1 not in dashed]
    if not dashed or not others or not all(_ITEM_ENDED.search(line) for line in others):
        return list(lines)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in dashed:
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


# A line opening with a dash (a bullet, or a wrapped item's «— dates»); an item's text ending it.
_DASHED = re.compile(r"\s*[-–—]\s")
_ITEM_ENDED = re.compile(r"[.;!?]\s*$")


def _ended(line: str) -> bool:
    """The line ends a sentence: a full stop, not the one of a settlement's abbreviation before its
    name on the next line («… 5 июня 2025 г. в р.п.» / «Озёрное состоялся …»; contracts/enrichment.yaml
    `locality_abbreviations`); «2025 г.» is the year's."""
    if not _ENDED.search(line):
        return False
    words = line.split()
    last = words[-1].lower().replace(".", "")
    if last not in locality_abbreviations():
        return True
    return len(words) > 1 and bool(_YEAR.fullmatch(words[-2]))


# A year before «г.»: «2025 г.» is «2025 года».
_YEAR = re.compile(r"\d{4}")


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


def _lead_off(line: str) -> tuple[str, str]:
    """(municipality, the rest) of a sentence whose dates follow a few words: «В Таврическом
    муниципальном районе 5–6 июня 2025 г. …» names the municipality the event is of; «Кроме того,
    21 июня 2025 г. …», «Также 26 июня …» only lead in. ('', line) when the words before its dates
    are neither."""
    flat = " ".join(line.split())
    found = date_run(flat)
    if found is None or found[1] == 0:
        return "", line
    before = flat[: found[1]].strip(_EDGE)
    preposition = _PREPOSITION.match(before)
    if preposition and len(before.split()) <= _LEAD_WORDS + 1:
        name = municipality_name(before[preposition.end() :])
        if name:
            return name, flat[found[1] :]
    words = [w.strip(",;:").lower() for w in before.split()]
    if len(words) <= _INTRO_WORDS and all(_linking(w) for w in words):
        return "", flat[found[1] :]
    return "", line


def _linking(word: str) -> bool:
    """A word that only links a sentence to the one before («Также», «Кроме того», «Затем»)."""
    return any(
        p.tag.POS in {"ADVB", "CONJ", "PRCL", "PREP", "NPRO"} or "Apro" in p.tag
        for p in analyzer().parse(word)
    )


def _told_from_dates(line: str) -> str:
    """The sentence from its dates on where they stand deep in it, after words that are neither a
    municipality nor a link («В рамках программы сотрудничества … 3–5 июня 2025 года в г. Х
    прошёл форум «…»»): a full date (day, month, year), and after it in the same sentence a verb in
    the past telling the event was held (contract `toldVerbs`, lemmas); or such a verb before it,
    no other date between (the whole sentence then: «В г. Х прошёл фестиваль «…» (24–25 мая 2025
    г.), …»). A document's date before its number («письма от 12.06.2025 № …») tells of none. ''
    for any other sentence."""
    flat = " ".join(line.split())
    at = 0
    while (found := date_run(flat[at:])) is not None:
        date, start, end = found[0], at + found[1], at + found[2]
        at = end
        after = flat[end:].strip(_EDGE)
        before = flat[:start].split()
        if start == 0 or after.startswith("№") or not _full_date(date) or before[-1].lower() in _NOT_HELD_ON:
            continue  # a letter's date and number, a deadline, a month: a later date may tell of the event
        ends = [
            m.start()
            for m in _SENTENCE_END.finditer(after)
            if not _ABBREVIATION.search(after[: m.start() + 1])
        ]
        sentence = after[: ends[0]] if ends else after
        if any(_told_verb(w.strip(',;:«»"()')) for w in sentence.split()):
            return flat[start:]
        opening = _sentence_start(flat[:start])
        told_before = any(_told_verb(w.strip(',;:«»"()')) for w in flat[opening:start].split())
        if told_before and date_run(flat[opening:start]) is None:  # no other date it may be of
            return flat[opening:]  # «В г. Х прошёл фестиваль «…» (24–25 мая 2025 г.), …»: told before
        return ""
    return ""


def _sentence_start(text: str) -> int:
    """Where the last sentence of the text opens (after the last sentence's end)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if not _ABBREVIATION.search(text[: m.start() + 1])]
    return ends[-1] if ends else 0


def _told_in(text: str) -> bool:
    """The text tells of an event held: a verb of holding in the past in it (contract `toldVerbs`)."""
    return any(_told_verb(w.strip(',;:«»"()')) for w in text.split())


def _full_date(date: str) -> bool:
    """The dates name a day of a month of a year («3–5 июня 2025 года», «12.05.2025»), not a month."""
    read = parse_dates(date, None)
    return read.start is not None and read.form == EXACT


def _told_verb(word: str) -> bool:
    """A verb in the past (or its short participle) whose lemma tells that an event was held."""
    if not _past_verb(word):
        return False
    return analyzer().parse(word.lower())[0].normal_form.replace("ё", "е") in _told_verbs()


def _told_verbs() -> frozenset[str]:
    from muniflow.contracts import load_contract

    return _lemma_set(tuple(str(w) for w in load_contract().threshold("toldVerbs", []) or []))


@lru_cache(maxsize=4)
def _lemma_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.replace("ё", "е") for w in words)


def _opening_date(line: str) -> bool:
    """The line opens with its dates and tells of an event after them: parts parted by spaced
    dashes («15.07.2024 – г. Энск – …»), its dates the first («3 марта 2025 г. — турнир «…», …»),
    or a verb in the past («12 апреля в г. Х состоялся …»); a letter's date and number
    («04.04.2025 № 01-21/1733») tells of none."""
    flat = " ".join(line.split())
    found = date_run(flat)
    if found is None or found[1] != 0:
        return False
    rest = flat[found[2] :].strip(_EDGE)
    if not _NAMING.search(rest) or rest.startswith("№"):
        return False
    dashed = _PART.match(flat[found[2] :]) is not None
    return dashed or len(_parts(rest)) > 1 or any(_past_verb(w.strip(',;:«»"()')) for w in rest.split())


def _prose(
    body: str, labels: Mapping[str, str], synonyms: Mapping[str, Sequence[str]]
) -> tuple[str, list[tuple[str, str, str]]] | None:
    """An item read by content (`_read_prose`), its name ending before a clause naming who took part
    («Фестиваль «…» с участием гостей из Х»): that clause opens its goal."""
    read = _read_prose(body, labels, synonyms)
    if read is None:
        return None
    name, parts = read
    at = participants_at(name)
    if at is None or not _NAMING.search(name[:at]):
        return read
    who = name[at:].strip(_EDGE)
    goal = next((value for column, _, value in parts if column == "goal"), "")
    goal = f"{who}, {goal}" if goal else who
    parts = [p for p in parts if p[0] != "goal"] + [("goal", labels["goal"], goal)]
    return name[:at].strip(_EDGE), parts


def _read_prose(
    body: str, labels: Mapping[str, str], synonyms: Mapping[str, Sequence[str]]
) -> tuple[str, list[tuple[str, str, str]]] | None:
    """An item's name and its (column, label, value) parts read by content, not by labels: its
    dates where it opens or closes with them or states them; the rest parted by spaced dashes
    (a part opening with a place is the place, the first other part the name, the rest the goal),
    or one sentence (`_sentence`). None when no words name anything, or when the item opens with a
    label no column is named by (minutes' «Слушали: …», «Решили: …»: a point of another kind)."""
    flat = " ".join(body.split()).rstrip(" .;")
    opening = _LABEL.match(flat)
    if opening is not None and opening.group(1) and _column(opening.group(1), synonyms) is None:
        return None
    parts: list[tuple[str, str, str]] = []
    bracketed = _bracketed_dates(flat)
    if bracketed is not None and date_run(bracketed[0]) is None:
        # «фестиваль «…» (12.05.2025, парк Х) — …»: the name, its dates and where, no dates before
        name, date, place, goal = bracketed
        if _past_verb_in(name):  # «В г. Х прошёл фестиваль «…» (24–25 мая 2025 г.), в котором …»
            name, told_place, told_rest = _sentence(name)
            place, goal = place or told_place, "; ".join(p for p in (told_rest, goal) if p)
        name, place, goal = _where_unsaid(name, place, goal)
        parts.append(("date_text", labels["date_text"], date))
        parts += [("place", labels["place"], place)] if place else []
        parts += [("goal", labels["goal"], goal)] if goal else []
        return name[:1].upper() + name[1:], parts
    found = date_run(flat)
    rest = flat
    if found is not None:
        date, start, end = found
        parts.append(("date_text", labels["date_text"], date))
        before, after = flat[:start].strip(_EDGE), flat[end:].strip(_EDGE)
        # «Фестиваль «…» — 11–13 мая 2025 г., г. Х»: a dash before the dates parts the name from
        # when and where, so what follows them stays a part of its own
        dashed = _DASH_BEFORE.search(flat[:start]) or _DASH_OPENING.match(flat[start:end])
        parted = bool(dashed) and bool(before) and bool(after)
        rest = f"{before} – {after}" if parted else f"{before} {after}".strip()
        listed = _comma_listed(flat, start, end)
        if listed is not None:  # «встреча с делегацией …, 25 апреля 2025 г., пос. Х, администрация; …»
            name, place, goal = listed
            parts += [("place", labels["place"], place)] + ([("goal", labels["goal"], goal)] if goal else [])
            return name[:1].upper() + name[1:], parts
        # the run of dates may hold the comma after them
        where = _where_after_dates(before, flat[end:], flat[:end].rstrip().endswith(",")) if parted else None
        if where is not None:  # «Турнир «…» — 20–21 марта 2025 г., спорткомплекс «…» (участники …)»
            place, goal = where
            parts += [("place", labels["place"], place)] + ([("goal", labels["goal"], goal)] if goal else [])
            return before[:1].upper() + before[1:], parts
    pieces = _parts(rest)
    if len(pieces) > 1:
        placed = _place_piece(pieces)
        if placed is None and found is not None and _dates_then_comma(flat, found) and _short(pieces[0]):
            placed = (pieces[0], pieces[0])  # «24 мая 2025 г., мемориальный комплекс «…» — акция «…»»
        others = [p for p in pieces if placed is None or p is not placed[0]]
        if not others:
            return None
        place = placed[1] if placed else ""
        name, goal = others[0], " – ".join(others[1:])
        if placed is None and _named_second(others):
            # «Елабужский музей-заповедник – выставка «…»»: the part naming the event by its quoted
            # name, the short part before it where
            place, name, goal = others[0], others[1], " – ".join(others[2:])
            preposition = _PREPOSITION.match(place)
            place = nominative_place(place[preposition.end() :]) if preposition else place  # «в Доме …»
        if _past_verb_in(name):  # «… на базе школы проведена конференция «…»» – …
            told, told_place, told_rest = _sentence(name)
            name, place = told, place or told_place
            goal = " – ".join(p for p in (told_rest, goal) if p)
    else:
        name, place, goal = _sentence(rest)
        if not place and not goal:  # no verb: «турнир «…», стадион «…» (команды из …)»
            name, place, goal = _named_then_where(name)
    if not _NAMING.search(name):
        return None
    name, place, goal = _where_unsaid(name, place, goal)
    parts += [("place", labels["place"], place)] if place else []
    parts += [("goal", labels["goal"], goal)] if goal else []
    return name[:1].upper() + name[1:], parts


# a spaced dash closing the text before an item's dates, or opening the run of its dates
_DASH_BEFORE = re.compile(r"\s[—–-]\s*$")
_DASH_OPENING = re.compile(r"[—–-]\s")


def _where_unsaid(name: str, place: str, goal: str) -> tuple[str, str, str]:
    """(name, place, goal) of an item read with no place: the place its name's closing brackets
    open with, a settlement or an area («форум «…» (г. Х, 85 участников)»; a country there is the
    guests', «(Республика Беларусь)»); else, where its name says it was held remotely
    («Онлайн-встреча …», enrichment.yaml format cues), the contract's `remotePlace`."""
    if place:
        return name, place, goal
    remark = _TRAILING_REMARK.search(name)
    if remark and name[: remark.start()].strip():
        first, _, rest = remark.group(1).partition(",")
        if _short(first) and _opens_with_settlement(first.strip()):
            goal = "; ".join(p for p in (rest.strip(), goal) if p)
            return name[: remark.start()].strip(), first.strip(), goal
    remote = _remote_place()
    if remote and event_format(name).format == ONLINE:
        return name, remote, goal
    return name, place, goal


def _country_only(text: str) -> bool:
    """The text is a country's name and nothing else («Республика Беларусь»)."""
    from muniflow.enrich.countries import find_countries

    return any(m.start == 0 and m.end >= len(text.rstrip()) for m in find_countries(text.strip()))


def _opens_with_settlement(text: str) -> bool:
    """The text opens with a settlement or an area of the country, not another country's name."""
    from muniflow.enrich.countries import find_countries
    from muniflow.enrich.places import find_places

    countries = tuple((m.start, m.end) for m in find_countries(text))
    return any(m.start == 0 for m in find_places(text, countries))


def _remote_place() -> str:
    from muniflow.contracts import load_contract

    return str(load_contract().threshold("remotePlace", "") or "")


def _dates_then_comma(flat: str, found: tuple[str, int, int]) -> bool:
    """The item opens with its dates and a comma: what follows up to the dash is where."""
    return found[1] == 0 and flat[found[2] :].lstrip().startswith(",")


def _short(part: str) -> bool:
    return len(part.split()) <= PLACE_MAX_WORDS


def _named_second(parts: Sequence[str]) -> bool:
    """The second part names the event in quotes and the first, short, names nothing so."""
    return (
        len(parts) > 1
        and not _QUOTED.search(parts[0])
        and bool(_QUOTED.search(parts[1]))
        and len(parts[0].split()) <= PLACE_MAX_WORDS
    )


def _comma_listed(flat: str, start: int, end: int) -> tuple[str, str, str] | None:
    """(name, place, rest) of an item naming its event, its dates and its place one after another,
    parted by commas: the dates inside, the place opening what follows them up to a semicolon."""
    before, after = flat[:start].rstrip(), flat[end:].strip(_EDGE)
    if not before.endswith(",") or not after:
        return None
    place, _, rest = after.partition(";")
    if not opens_with_place(place.strip()) or not _NAMING.search(before):
        return None
    return before.strip(_EDGE), place.strip(_EDGE), rest.strip(_EDGE)


def _parts(text: str) -> list[str]:
    """The text's parts parted by spaced dashes outside quotes («Конференция «Карелия – Приморье» –
    г. Петрозаводск» is two parts)."""
    quoted = [(m.start(), m.end()) for m in (*_QUOTED.finditer(text), *_BRACKETED.finditer(text))]
    cuts = [m for m in _PART.finditer(text) if not any(a < m.start() < b for a, b in quoted)]
    pieces, at = [], 0
    for cut in cuts:
        pieces.append(text[at : cut.start()])
        at = cut.end()
    pieces.append(text[at:])
    return [p.strip(_EDGE) for p in pieces if p.strip(_EDGE)]


def _place_piece(pieces: Sequence[str]) -> tuple[str, str] | None:
    """The part naming where, and the place it names: the first short one opening with a
    settlement, an area or a country, maybe after «в» or «на» («в г. Печоры»); else one of a few
    words naming a remote format («онлайн»), which a name may open with too."""
    places = []
    for piece in pieces:
        preposition = _PREPOSITION.match(piece)
        named = nominative_place(piece[preposition.end() :]) if preposition else piece
        if len(named.split()) <= PLACE_MAX_WORDS and opens_with_place(named):
            places.append((piece, named))
    remote = [(p, n) for p, n in places if event_format(n).format == ONLINE]
    return next((pair for pair in places if pair not in remote), None) or next(
        ((p, n) for p, n in remote if len(n.split()) <= REMOTE_MAX_WORDS), None
    )


def _sentence(text: str) -> tuple[str, str, str]:
    """(name, place, rest) of a sentence telling of an event by its verb in the past («состоялся»,
    «прошёл», «проведена»): «в г. Опочке состоялась встреча «…», в которой …» — the name follows the
    verb up to the first comma outside quotes, the place is what stands before it after «в» or
    «на»; «Встреча «…» состоялась в г. Опочке, …» — the name precedes the verb, the place follows
    it after «в» or «на»."""
    words = list(re.finditer(r"\S+", text))
    for k, word in enumerate(words):
        if _past_verb(word.group().strip(',;:«»"()')):
            part = _taking_part(word.group(), words[k + 1].group() if k + 1 < len(words) else "")
            if part:  # «делегация района приняла участие в форуме «…» в г. Х, …»: the event taken part in
                clause, rest = _first_clause(text[words[k + 1].end() :].strip(_EDGE))
                name, place = _trailing_place(clause)
                who = text[: word.start()].strip(_EDGE)
                return f"{part} {name}", place, "; ".join(p for p in (who, rest) if p)
            before = _unlinked(text[: word.start()].strip(_EDGE))  # «Также в июне в г. Х состоялся …»
            after = text[word.end() :].strip(_EDGE)
            preposition = _PREPOSITION.match(before)
            if before and preposition is None and _transitive(word.group()) and _object(after):
                # «администрация района провела фестиваль «…» в г. Х»: who held it, then the event
                clause, rest = _first_clause(after)
                name, place = _trailing_place(clause)
                if not place:
                    place, rest = _held_where(rest)
                return nominative_object(name), place, "; ".join(p for p in (before, rest) if p)
            if before and preposition is None and _NAMING.search(before):
                if _transitive(word.group()):  # «выставку «…» посетили гости …»: the object first
                    before = nominative_object(before)
                placed = _PREPOSITION.match(after)
                if placed is None:
                    return before, "", after
                place, rest = _first_clause(after[placed.end() :])
                return before, nominative_place(place), rest
            name, rest = _first_clause(after)
            # «администрация района провела рабочую встречу …»: who held it, then the event
            subject = _transitive(word.group()) and (nominative_object(name) != name or _names_who(before))
            name = nominative_object(name) if subject else name
            place = _place_before(before, subject) if preposition and k > 1 else ""
            if subject and not place:  # «…, состоявшуюся в Х»: where the participle of holding says
                place, rest = _held_where(rest)
            remark = _TRAILING_REMARK.search(name)
            # «Фестиваль «Звоны» (гости из Беларуси)»: a remark; «делегацией г. Х (Республика Беларусь)»:
            # the country of the place named before it, part of the name
            if remark and name[: remark.start()].strip() and not _country_only(remark.group(1)):
                name, rest = (
                    name[: remark.start()].strip(),
                    "; ".join(p for p in (remark.group(1), rest) if p),
                )
            return name, place, rest
    return text, "", ""


def _unlinked(text: str) -> str:
    """The text without the words opening it that only link it to the sentence before («Также»,
    «Затем»: an adverb, a particle, a conjunction)."""
    words = text.split()
    k = 0
    while k < len(words) - 1 and analyzer().parse(words[k].strip(",").lower())[0].tag.POS in _LINK_POS:
        k += 1
    return " ".join(words[k:]) if k else text


_LINK_POS = frozenset({"ADVB", "PRCL", "CONJ"})


def _place_before(before: str, subject: bool) -> str:
    """The place the words before a sentence's verb name after «в»/«на», in the nominative: the last
    of their phrases so opening that names a settlement or an area («в июне в г. Х»); else, when
    they name no `subject` who held the event («В Доме культуры состоялся …»), all after the
    first preposition; else ''."""
    enclosed = [(m.start(), m.end()) for m in (*_QUOTED.finditer(before), *_BRACKETED.finditer(before))]
    opened = [
        m
        for m in re.finditer(r"(?:^|\s)(?:в|во|на)\s+", before, re.IGNORECASE)
        if not any(a < m.start() < b for a, b in enclosed)
    ]
    for found in reversed(opened):
        if _opens_with_settlement(before[found.end() :]):
            return nominative_place(_before_who(before[found.end() :]))
    if subject or not opened:
        return ""
    return nominative_place(before[opened[0].end() :].strip(_EDGE))


def _before_who(text: str) -> str:
    """The words before the first naming who did it («г. Озёрске администрация района» -> «г.
    Озёрске»)."""
    words = text.split()
    cut = next(
        (k for k, w in enumerate(words) if k and _names_who(w) and not _names_next(words[k - 1])), len(words)
    )
    return " ".join(words[:cut]).strip(_EDGE)


def _names_next(word: str) -> bool:
    """The word is a settlement's kind abbreviated («с.», «г.», «пос.»): the word after it is the
    settlement's name («с. Озёрное»), not who held the event."""
    return word.lower().replace(".", "") in locality_abbreviations()


def _object(text: str) -> bool:
    """The text after a verb opens with its object: a noun or an adjective that may stand in the
    accusative («провела фестиваль «…»», «организовал встречу …»), not «в …», «успешно»."""
    first = text.split()[0].strip(',;:«»"()').lower() if text.split() else ""
    readings = analyzer().parse(first) if first.isalpha() else []
    return (
        bool(readings)
        and readings[0].tag.POS in {"NOUN", "ADJF"}
        and any(p.tag.POS in {"NOUN", "ADJF"} and p.tag.case == "accs" for p in readings)
    )


def _held_where(clause: str) -> tuple[str, str]:
    """(place, rest) of a clause opening with a participle of holding, then «в»/«на» and where
    («состоявшуюся в Озёрском кремле»; contract `toldVerbs`); ('', clause) for another clause."""
    words = clause.split(maxsplit=1)
    if len(words) < 2:
        return "", clause
    reading = analyzer().parse(words[0].strip(",").lower())[0]
    held = reading.tag.POS == "PRTF" and reading.normal_form.replace("ё", "е") in _told_verbs()  # its verb
    placed = _PREPOSITION.match(words[1])
    if not held or placed is None:
        return "", clause
    place, rest = _first_clause(words[1][placed.end() :])
    return nominative_place(place), rest


def _names_who(before: str) -> bool:
    """The words name who did it: a noun that reads only as a nominative («… администрация района
    провела …»), not the case a preposition governs."""
    for word in before.split():
        readings = analyzer().parse(word.strip(',;:«»"()').lower())
        if readings and all(p.tag.POS == "NOUN" and p.tag.case == "nomn" for p in readings):
            return True
    return False


def _transitive(verb: str) -> bool:
    """An active verb taking an object («провела встречу»): the event is its object, the words
    before it say who."""
    tag = analyzer().parse(verb.strip(',;:«»"()').lower())[0].tag
    return tag.POS == "VERB" and "tran" in tag


def _taking_part(verb: str, following: str) -> str:
    """«Участие» where the verb and the word after it say someone took part (contract `takingPart`,
    lemmas: «приняла участие»); '' otherwise."""
    from muniflow.contracts import load_contract

    pair = (_lemma(verb.strip(',;:«»"()')), _lemma(following.strip(',;:«»"()')))
    for phrase in load_contract().threshold("takingPart", []) or []:
        verb_lemma, _, noun = str(phrase).partition(" ")
        if pair == (verb_lemma, noun):
            return noun[:1].upper() + noun[1:]
    return ""


def _lemma(word: str) -> str:
    return analyzer().parse(word.lower())[0].normal_form.replace("ё", "е") if word else ""


def _trailing_place(clause: str) -> tuple[str, str]:
    """(name, place) of a clause closing with where after «в» or «на», a settlement or an area
    («в форуме городов-побратимов в г. Х (Республика Беларусь)»); (clause, '') when it does not."""
    enclosed = [(m.start(), m.end()) for m in (*_QUOTED.finditer(clause), *_BRACKETED.finditer(clause))]
    for found in reversed(list(re.finditer(r"\s(?:в|во|на)\s+", clause))):
        if any(a < found.start() < b for a, b in enclosed):
            continue
        if _opens_with_settlement(clause[found.end() :]):
            return clause[: found.start()].strip(_EDGE), nominative_place(clause[found.end() :].strip(_EDGE))
    return clause, ""


def _past_verb_in(text: str) -> bool:
    return any(_past_verb(w.strip(',;:«»"()')) for w in text.split())


def _past_verb(word: str) -> bool:
    if not word.isalpha() or len(word) < 4:
        return False
    tag = analyzer().parse(word.lower())[0].tag
    return (tag.POS == "VERB" and "past" in tag) or tag.POS == "PRTS"


def _where_after_dates(name: str, after: str, comma: bool) -> tuple[str, str] | None:
    """(place, rest) of an item naming its event, a dash, its dates, then after a comma where, up to
    a semicolon («— 5 марта 2025 г., Центр молодёжи г. Х; …»): the clause is where when it names a
    place as `_where_clause` reads one; None when it does not, or no comma follows the dates."""
    if not (comma or after.lstrip().startswith(",")) or not _NAMING.search(name):
        return None
    after = after.strip(_EDGE)
    enclosed = [(m.start(), m.end()) for m in (*_QUOTED.finditer(after), *_BRACKETED.finditer(after))]
    cut = next(
        (i for i, c in enumerate(after) if c == ";" and not any(a < i < b for a, b in enclosed)), len(after)
    )
    where = _where_clause(after[:cut].strip(_EDGE))
    if where is None:
        return None
    place, remark = where
    return place, "; ".join(p for p in (remark, after[cut + 1 :].strip(_EDGE)) if p)


def _named_then_where(text: str) -> tuple[str, str, str]:
    """(name, place, remark) of an item telling no verb: its name up to the first comma outside
    quotes and brackets, then a short clause naming where, maybe with a remark in brackets («Турнир
    «…», стадион «…» (команды из …)», «концерт «…», ДК «…»»). The clause names no
    place when it counts people, tells something (a verb or a participle) or opens with a
    preposition other than «в» or «на» («, с участием гостей»): then (text, '', '')."""
    name, rest = _first_clause(text)
    if participants_at(name) is not None:  # «… с участием гостей из Х, Y и Z, ДК «…»»: who, then where
        while rest and listing_goes_on(name, _first_clause(rest)[0]):
            listed, rest = _first_clause(rest)
            name = f"{name}, {listed}"
    where = _where_clause(rest)
    return (name, *where) if where is not None else (text, "", "")


def _where_clause(rest: str) -> tuple[str, str] | None:
    """(place, remark) of a short clause naming where, maybe with a remark in brackets; None when
    it counts people, tells something or opens with a preposition other than «в» or «на»."""
    remark = _TRAILING_REMARK.search(rest)
    place = rest[: remark.start()].strip(_EDGE) if remark else rest
    if not rest or not place or len(place.split()) > PLACE_MAX_WORDS or _PEOPLE_COUNT.search(place):
        return None
    first = place.split()[0].strip('«»"(').lower()
    preposition = analyzer().parse(first)[0].tag.POS == "PREP"
    if (preposition and not _PREPOSITION.fullmatch(first + " ")) or _telling(place):
        return None
    if preposition:
        place = nominative_place(place[_PREPOSITION.match(place).end() :])  # type: ignore[union-attr]
    return place, remark.group(1).strip() if remark else ""


# A clause counting people («160 участников», «40 чел.»): no place.
_PEOPLE_COUNT = re.compile(r"\d+\s*(?:чел|человек|участник|делегат|команд|зрител)", re.IGNORECASE)


def _telling(text: str) -> bool:
    """The text tells something: a verb or a participle in it."""
    return any(
        analyzer().parse(w.strip(',;:«»"()').lower())[0].tag.POS in {"VERB", "PRTS", "PRTF", "GRND"}
        for w in text.split()
        if w.strip(',;:«»"()').isalpha()
    )


def _first_clause(text: str) -> tuple[str, str]:
    """The text up to its first comma, semicolon or sentence's end outside quotes and brackets, and
    the rest."""
    depth = 0
    for i, char in enumerate(text):
        if char in "«“„(":
            depth += 1
        elif char in "»”)" and depth:
            depth -= 1
        elif not depth and (
            char in ",;"
            or (char == "." and text[i + 1 : i + 2] == " " and not _ABBREVIATION.search(text[: i + 1]))
        ):
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
        group = 1 if match.group(1) else 2
        label = match.group(group)
        column = _column(label, synonyms)
        if column is not None:
            found.append((match.start(group) - (group == 2), match.end(), column, label))
    if not found:
        return None
    name = _clean(body[: found[0][0]])
    parts = []
    for (_, value_start, column, label), following in zip(found, [*found[1:], None], strict=True):
        end = following[0] if following is not None else len(body)
        parts.append((column, label, _clean(body[value_start:end])))
    if not name and parts[0][0] == "title":  # «1. Наименование мероприятия: Фестиваль …»
        name, parts = parts[0][2][:1].upper() + parts[0][2][1:], parts[1:]
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
