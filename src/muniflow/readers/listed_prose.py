"""An item of a letter read by its content, not by labels (readers/listed.py): its dates, then
its parts parted by spaced dashes (the part opening with a place is the place, the first other the
name, the rest the goal), or parted by commas, or its one sentence read by its verb in the past:
the event it names, where, and the rest as the goal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from muniflow.interpret.column_content import PLACE_MAX_WORDS
from muniflow.interpret.combined import date_run
from muniflow.interpret.participants import participants_at
from muniflow.interpret.place_case import nominative_object, nominative_place
from muniflow.readers.listed_dates import bracketed_dates
from muniflow.readers.listed_grammar import (
    names_who,
    opens_with_object,
    past_verb,
    past_verb_in,
    taking_part,
    transitive,
    unlinked,
)
from muniflow.readers.listed_labels import LABEL, column_of
from muniflow.readers.listed_places import (
    comma_listed,
    country_only,
    held_where,
    named_then_where,
    place_before,
    place_piece,
    place_sized,
    trailing_place,
    where_after_dates,
    where_unsaid,
)
from muniflow.readers.listed_text import (
    EDGE,
    NAMING,
    PREPOSITION,
    QUOTED,
    TRAILING_REMARK,
    dash_parts,
    first_clause,
)


def prose(
    body: str, labels: Mapping[str, str], synonyms: Mapping[str, Sequence[str]]
) -> tuple[str, list[tuple[str, str, str]]] | None:
    """An item read by content (`_read_prose`), its name ending before a clause naming who took part
    («Фестиваль «…» с участием гостей из Х»): that clause opens its goal."""
    read = _read_prose(body, labels, synonyms)
    if read is None:
        return None
    name, parts = read
    at = participants_at(name)
    if at is None or not NAMING.search(name[:at]):
        return read
    who = name[at:].strip(EDGE)
    goal = next((value for column, _, value in parts if column == "goal"), "")
    goal = f"{who}, {goal}" if goal else who
    parts = [p for p in parts if p[0] != "goal"] + [("goal", labels["goal"], goal)]
    return name[:at].strip(EDGE), parts


def _read_prose(
    body: str, labels: Mapping[str, str], synonyms: Mapping[str, Sequence[str]]
) -> tuple[str, list[tuple[str, str, str]]] | None:
    """An item's name and its (column, label, value) parts read by content, not by labels: its
    dates where it opens or closes with them or states them; the rest parted by spaced dashes
    (a part opening with a place is the place, the first other part the name, the rest the goal),
    or one sentence (`_sentence`). None when no words name anything, or when the item opens with a
    label no column is named by (minutes' «Слушали: …», «Решили: …»: a point of another kind)."""
    flat = " ".join(body.split()).rstrip(" .;")
    opening = LABEL.match(flat)
    if opening is not None and opening.group(1) and column_of(opening.group(1), synonyms) is None:
        return None
    parts: list[tuple[str, str, str]] = []
    bracketed = bracketed_dates(flat)
    if bracketed is not None and date_run(bracketed[0]) is None:
        # «фестиваль «…» (12.05.2025, парк Х) — …»: the name, its dates and where, no dates before
        name, date, place, goal = bracketed
        if past_verb_in(name):  # «В г. Х прошёл фестиваль «…» (24–25 мая 2025 г.), в котором …»
            name, told_place, told_rest = _sentence(name)
            place, goal = place or told_place, "; ".join(p for p in (told_rest, goal) if p)
        name, place, goal = where_unsaid(name, place, goal)
        parts.append(("date_text", labels["date_text"], date))
        parts += [("place", labels["place"], place)] if place else []
        parts += [("goal", labels["goal"], goal)] if goal else []
        return name[:1].upper() + name[1:], parts
    found = date_run(flat)
    rest = flat
    if found is not None:
        date, start, end = found
        parts.append(("date_text", labels["date_text"], date))
        before, after = flat[:start].strip(EDGE), flat[end:].strip(EDGE)
        # «Фестиваль «…» — 11–13 мая 2025 г., г. Х»: a dash before the dates parts the name from
        # when and where, so what follows them stays a part of its own
        dashed = _DASH_BEFORE.search(flat[:start]) or _DASH_OPENING.match(flat[start:end])
        parted = bool(dashed) and bool(before) and bool(after)
        rest = f"{before} – {after}" if parted else f"{before} {after}".strip()
        listed = comma_listed(flat, start, end)
        if listed is not None:  # «встреча с делегацией …, 25 апреля 2025 г., пос. Х, администрация; …»
            name, place, goal = listed
            parts += [("place", labels["place"], place)] + ([("goal", labels["goal"], goal)] if goal else [])
            return name[:1].upper() + name[1:], parts
        # the run of dates may hold the comma after them
        where = where_after_dates(before, flat[end:], flat[:end].rstrip().endswith(",")) if parted else None
        if where is not None:  # «Турнир «…» — 20–21 марта 2025 г., спорткомплекс «…» (участники …)»
            place, goal = where
            parts += [("place", labels["place"], place)] + ([("goal", labels["goal"], goal)] if goal else [])
            return before[:1].upper() + before[1:], parts
    pieces = dash_parts(rest)
    if len(pieces) > 1:
        placed = place_piece(pieces)
        if placed is None and found is not None and _dates_then_comma(flat, found) and place_sized(pieces[0]):
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
            preposition = PREPOSITION.match(place)
            place = nominative_place(place[preposition.end() :]) if preposition else place  # «в Доме …»
        if past_verb_in(name):  # «… на базе школы проведена конференция «…»» – …
            told, told_place, told_rest = _sentence(name)
            name, place = told, place or told_place
            goal = " – ".join(p for p in (told_rest, goal) if p)
    else:
        name, place, goal = _sentence(rest)
        if not place and not goal:  # no verb: «турнир «…», стадион «…» (команды из …)»
            name, place, goal = named_then_where(name)
    if not NAMING.search(name):
        return None
    name, place, goal = where_unsaid(name, place, goal)
    parts += [("place", labels["place"], place)] if place else []
    parts += [("goal", labels["goal"], goal)] if goal else []
    return name[:1].upper() + name[1:], parts


# a spaced dash closing the text before an item's dates, or opening the run of its dates
_DASH_BEFORE = re.compile(r"\s[—–-]\s*$")
_DASH_OPENING = re.compile(r"[—–-]\s")


def _dates_then_comma(flat: str, found: tuple[str, int, int]) -> bool:
    """The item opens with its dates and a comma: what follows up to the dash is where."""
    return found[1] == 0 and flat[found[2] :].lstrip().startswith(",")


def _named_second(parts: Sequence[str]) -> bool:
    """The second part names the event in quotes and the first, short, names nothing so."""
    return (
        len(parts) > 1
        and not QUOTED.search(parts[0])
        and bool(QUOTED.search(parts[1]))
        and len(parts[0].split()) <= PLACE_MAX_WORDS
    )


def _sentence(text: str) -> tuple[str, str, str]:
    """(name, place, rest) of a sentence telling of an event by its verb in the past («состоялся»,
    «прошёл», «проведена»): «в г. Опочке состоялась встреча «…», в которой …» — the name follows the
    verb up to the first comma outside quotes, the place is what stands before it after «в» or
    «на»; «Встреча «…» состоялась в г. Опочке, …» — the name precedes the verb, the place follows
    it after «в» or «на»."""
    words = list(re.finditer(r"\S+", text))
    for k, word in enumerate(words):
        if past_verb(word.group().strip(',;:«»"()')):
            part = taking_part(word.group(), words[k + 1].group() if k + 1 < len(words) else "")
            if part:  # «делегация района приняла участие в форуме «…» в г. Х, …»: the event taken part in
                clause, rest = first_clause(text[words[k + 1].end() :].strip(EDGE))
                name, place = trailing_place(clause)
                who = text[: word.start()].strip(EDGE)
                return f"{part} {name}", place, "; ".join(p for p in (who, rest) if p)
            before = unlinked(text[: word.start()].strip(EDGE))  # «Также в июне в г. Х состоялся …»
            after = text[word.end() :].strip(EDGE)
            preposition = PREPOSITION.match(before)
            if before and preposition is None and transitive(word.group()) and opens_with_object(after):
                # «администрация района провела фестиваль «…» в г. Х»: who held it, then the event
                clause, rest = first_clause(after)
                name, place = trailing_place(clause)
                if not place:
                    place, rest = held_where(rest)
                return nominative_object(name), place, "; ".join(p for p in (before, rest) if p)
            if before and preposition is None and NAMING.search(before):
                if transitive(word.group()):  # «выставку «…» посетили гости …»: the object first
                    before = nominative_object(before)
                placed = PREPOSITION.match(after)
                if placed is None:
                    return before, "", after
                place, rest = first_clause(after[placed.end() :])
                return before, nominative_place(place), rest
            name, rest = first_clause(after)
            # «администрация района провела рабочую встречу …»: who held it, then the event
            subject = transitive(word.group()) and (nominative_object(name) != name or names_who(before))
            name = nominative_object(name) if subject else name
            place = place_before(before, subject) if preposition and k > 1 else ""
            if subject and not place:  # «…, состоявшуюся в Х»: where the participle of holding says
                place, rest = held_where(rest)
            remark = TRAILING_REMARK.search(name)
            # «Фестиваль «Звоны» (гости из Беларуси)»: a remark; «делегацией г. Х (Республика Беларусь)»:
            # the country of the place named before it, part of the name
            if remark and name[: remark.start()].strip() and not country_only(remark.group(1)):
                name, rest = (
                    name[: remark.start()].strip(),
                    "; ".join(p for p in (remark.group(1), rest) if p),
                )
            return name, place, rest
    return text, "", ""
