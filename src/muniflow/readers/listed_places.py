"""Where a letter's text says an event was held (readers/listed.py): a settlement or an area
after «в»/«на» before or after the sentence's verb, put in the nominative (interpret/place_case.py);
a short clause naming where after an item's name or its dates; the part of an item opening with a
place; a remote format (contract `remotePlace`). A country in brackets after a town is the town's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from muniflow.enrich.contract import locality_abbreviations
from muniflow.enrich.event_format import ONLINE, event_format
from muniflow.interpret.column_cells import opens_with_place
from muniflow.interpret.column_content import PLACE_MAX_WORDS
from muniflow.interpret.participants import listing_goes_on, participants_at
from muniflow.interpret.place_case import nominative_place
from muniflow.morph import analyzer
from muniflow.readers.listed_grammar import names_who, tells_something, told_verbs
from muniflow.readers.listed_text import (
    BRACKETED,
    EDGE,
    NAMING,
    PREPOSITION,
    QUOTED,
    TRAILING_REMARK,
    first_clause,
)

# A part naming only a remote format as the place: «онлайн», «в формате ВКС».
REMOTE_MAX_WORDS = 3


def where_unsaid(name: str, place: str, goal: str) -> tuple[str, str, str]:
    """(name, place, goal) of an item read with no place: the place its name's closing brackets
    open with, a settlement or an area («форум «…» (г. Х, 85 участников)»; a country there is the
    guests', «(Республика Беларусь)»); else, where its name says it was held remotely
    («Онлайн-встреча …», enrichment.yaml format cues), the contract's `remotePlace`."""
    if place:
        return name, place, goal
    remark = TRAILING_REMARK.search(name)
    if remark and name[: remark.start()].strip():
        first, _, rest = remark.group(1).partition(",")
        if place_sized(first) and _opens_with_settlement(first.strip()):
            goal = "; ".join(p for p in (rest.strip(), goal) if p)
            return name[: remark.start()].strip(), first.strip(), goal
    remote = _remote_place()
    if remote and event_format(name).format == ONLINE:
        return name, remote, goal
    return name, place, goal


def country_only(text: str) -> bool:
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


def place_sized(part: str) -> bool:
    return len(part.split()) <= PLACE_MAX_WORDS


def comma_listed(flat: str, start: int, end: int) -> tuple[str, str, str] | None:
    """(name, place, rest) of an item naming its event, its dates and its place one after another,
    parted by commas: the dates inside, the place opening what follows them up to a semicolon."""
    before, after = flat[:start].rstrip(), flat[end:].strip(EDGE)
    if not before.endswith(",") or not after:
        return None
    place, _, rest = after.partition(";")
    if not opens_with_place(place.strip()) or not NAMING.search(before):
        return None
    return before.strip(EDGE), place.strip(EDGE), rest.strip(EDGE)


def place_piece(pieces: Sequence[str]) -> tuple[str, str] | None:
    """The part naming where, and the place it names: the first short one opening with a
    settlement, an area or a country, maybe after «в» or «на» («в г. Печоры»); else one of a few
    words naming a remote format («онлайн»), which a name may open with too."""
    places = []
    for piece in pieces:
        preposition = PREPOSITION.match(piece)
        named = nominative_place(piece[preposition.end() :]) if preposition else piece
        if len(named.split()) <= PLACE_MAX_WORDS and opens_with_place(named):
            places.append((piece, named))
    remote = [(p, n) for p, n in places if event_format(n).format == ONLINE]
    return next((pair for pair in places if pair not in remote), None) or next(
        ((p, n) for p, n in remote if len(n.split()) <= REMOTE_MAX_WORDS), None
    )


def place_before(before: str, subject: bool) -> str:
    """The place the words before a sentence's verb name after «в»/«на», in the nominative: the last
    of their phrases so opening that names a settlement or an area («в июне в г. Х»); else, when
    they name no `subject` who held the event («В Доме культуры состоялся …»), all after the
    first preposition; else ''."""
    enclosed = [(m.start(), m.end()) for m in (*QUOTED.finditer(before), *BRACKETED.finditer(before))]
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
    return nominative_place(before[opened[0].end() :].strip(EDGE))


def _before_who(text: str) -> str:
    """The words before the first naming who did it («г. Озёрске администрация района» -> «г.
    Озёрске»)."""
    words = text.split()
    cut = next(
        (k for k, w in enumerate(words) if k and names_who(w) and not _names_next(words[k - 1])), len(words)
    )
    return " ".join(words[:cut]).strip(EDGE)


def _names_next(word: str) -> bool:
    """The word is a settlement's kind abbreviated («с.», «г.», «пос.»): the word after it is the
    settlement's name («с. Озёрное»), not who held the event."""
    return word.lower().replace(".", "") in locality_abbreviations()


def held_where(clause: str) -> tuple[str, str]:
    """(place, rest) of a clause opening with a participle of holding, then «в»/«на» and where
    («состоявшуюся в Озёрском кремле»; contract `toldVerbs`); ('', clause) for another clause."""
    words = clause.split(maxsplit=1)
    if len(words) < 2:
        return "", clause
    reading = analyzer().parse(words[0].strip(",").lower())[0]
    held = reading.tag.POS == "PRTF" and reading.normal_form.replace("ё", "е") in told_verbs()  # its verb
    placed = PREPOSITION.match(words[1])
    if not held or placed is None:
        return "", clause
    place, rest = first_clause(words[1][placed.end() :])
    return nominative_place(place), rest


def trailing_place(clause: str) -> tuple[str, str]:
    """(name, place) of a clause closing with where after «в» or «на», a settlement or an area
    («в форуме городов-побратимов в г. Х (Республика Беларусь)»); (clause, '') when it does not."""
    enclosed = [(m.start(), m.end()) for m in (*QUOTED.finditer(clause), *BRACKETED.finditer(clause))]
    for found in reversed(list(re.finditer(r"\s(?:в|во|на)\s+", clause))):
        if any(a < found.start() < b for a, b in enclosed):
            continue
        if _opens_with_settlement(clause[found.end() :]):
            return clause[: found.start()].strip(EDGE), nominative_place(clause[found.end() :].strip(EDGE))
    return clause, ""


def where_after_dates(name: str, after: str, comma: bool) -> tuple[str, str] | None:
    """(place, rest) of an item naming its event, a dash, its dates, then after a comma where, up to
    a semicolon («— 5 марта 2025 г., Центр молодёжи г. Х; …»): the clause is where when it names a
    place as `_where_clause` reads one; None when it does not, or no comma follows the dates."""
    if not (comma or after.lstrip().startswith(",")) or not NAMING.search(name):
        return None
    after = after.strip(EDGE)
    enclosed = [(m.start(), m.end()) for m in (*QUOTED.finditer(after), *BRACKETED.finditer(after))]
    cut = next(
        (i for i, c in enumerate(after) if c == ";" and not any(a < i < b for a, b in enclosed)), len(after)
    )
    where = _where_clause(after[:cut].strip(EDGE))
    if where is None:
        return None
    place, remark = where
    return place, "; ".join(p for p in (remark, after[cut + 1 :].strip(EDGE)) if p)


def named_then_where(text: str) -> tuple[str, str, str]:
    """(name, place, remark) of an item telling no verb: its name up to the first comma outside
    quotes and brackets, then a short clause naming where, maybe with a remark in brackets («Турнир
    «…», стадион «…» (команды из …)», «концерт «…», ДК «…»»). The clause names no
    place when it counts people, tells something (a verb or a participle) or opens with a
    preposition other than «в» or «на» («, с участием гостей»): then (text, '', '')."""
    name, rest = first_clause(text)
    if participants_at(name) is not None:  # «… с участием гостей из Х, Y и Z, ДК «…»»: who, then where
        while rest and listing_goes_on(name, first_clause(rest)[0]):
            listed, rest = first_clause(rest)
            name = f"{name}, {listed}"
    where = _where_clause(rest)
    return (name, *where) if where is not None else (text, "", "")


def _where_clause(rest: str) -> tuple[str, str] | None:
    """(place, remark) of a short clause naming where, maybe with a remark in brackets; None when
    it counts people, tells something or opens with a preposition other than «в» or «на»."""
    remark = TRAILING_REMARK.search(rest)
    place = rest[: remark.start()].strip(EDGE) if remark else rest
    if not rest or not place or len(place.split()) > PLACE_MAX_WORDS or _PEOPLE_COUNT.search(place):
        return None
    first = place.split()[0].strip('«»"(').lower()
    preposition = analyzer().parse(first)[0].tag.POS == "PREP"
    if (preposition and not PREPOSITION.fullmatch(first + " ")) or tells_something(place):
        return None
    if preposition:
        place = nominative_place(place[PREPOSITION.match(place).end() :])  # type: ignore[union-attr]
    return place, remark.group(1).strip() if remark else ""


# A clause counting people («160 участников», «40 чел.»): no place.
_PEOPLE_COUNT = re.compile(r"\d+\s*(?:чел|человек|участник|делегат|команд|зрител)", re.IGNORECASE)
