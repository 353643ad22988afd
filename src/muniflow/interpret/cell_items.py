"""Several events listed in one table row: the title cell's numbered items, each with its line of
the other cells.

Some offices write one row per municipality and list its events inside the title cell as numbered
lines or paragraphs («1. Визит …», «2. Ярмарка …»), the dates cell (and often the place and
participants cells) holding the matching lines in the same order. Such a row is read as one row per
item when the dates cell holds as many lines or items as the title does; a cell of another count is
kept whole for every item (the contracts judge what does not fit). An item opens with its number
(«1.», «2)», «3 –») or, where the list is bulleted, with the bullet: a line opening with neither goes
on the item above (a PDF's wrapped line, a paragraph of the same item).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from muniflow import contracts
from muniflow.normalize.date_words import joins_dates, month_number
from muniflow.normalize.text import fold, seq_number

# An item's number and what follows it: «1.», «2)», «3 –» (a dash with a blank before and after, the
# text after it no digit, so «1 – 3 мая» stays a range); «1.07.2025» is a date, no item.
_NUMBERED = re.compile(r"\s*(\d{1,2})(?:([.)])(?!\d)|\s+([-–—])\s+(?=\D))\s*")
# A year, or its word, opening a line: the end of a date a PDF wrapped («19–21 августа» / «2025 г.»).
_DATE_GOES_ON = re.compile(r"\s*(?:(?:19|20)\d\d(?!\d)|г\.|гг?\b|год)", re.IGNORECASE)
# A line ending on a day's number (one or two digits, no year): its month is on the next line.
_ENDS_ON_DAY = re.compile(r"(?<!\d)\d{1,2}\s*$")
# A date line a PDF cut after a dash or a comma («19 –» / «21 августа 2025 г.»).
_DATE_CUT = re.compile(r"[-–—,]\s*$")


@lru_cache(maxsize=1)
def _bullets() -> frozenset[str]:
    """The characters a bulleted list's item opens with (contracts/events.odcs.yaml `listBullets`)."""
    listed = contracts.load_contract().threshold("listBullets", []) or []
    return frozenset(str(b) for b in listed)


def _marker(line: str) -> tuple[str, int | None, str] | None:
    """A line's item marker: its style («.», «)», «-», or the bullet), its number (None for a bullet)
    and the text after it; None when the line opens with no marker."""
    numbered = _NUMBERED.match(line)
    if numbered is not None:
        style = numbered.group(2) or "N-"  # told from a dash bullet
        return style, int(numbered.group(1)), line[numbered.end() :]
    stripped = line.lstrip()
    if stripped[:1] in _bullets() and stripped[1:2].isspace():
        return stripped[0], None, stripped[1:].lstrip()
    return None


def bulleted(line: str) -> bool:
    """Whether a line opens with a list's bullet and a blank («– открытие», «• концерт»)."""
    marked = _marker(line)
    return marked is not None and marked[1] is None


def listed_items(text: str) -> list[str] | None:
    """The items of a cell written as a list of two or more: lines opening with numbers in sequence
    (1, 2, …; or going on from the row above's, 3, 4, …) in one style, or with one bullet; a line
    opening with no marker (or a number out of sequence, or of another style) goes on the item
    above. None for any other cell."""
    lines = [line for line in text.splitlines() if fold(line)]
    if not lines:
        return None
    first = _marker(lines[0])
    if first is None or first[1] == 0:
        return None
    style, start = first[0], first[1]
    items = [first[2]]
    for line in lines[1:]:
        marked = _marker(line)
        opens = (
            marked is not None
            and marked[0] == style
            and (marked[1] is None or (start is not None and marked[1] == start + len(items)))
        )
        if opens and marked is not None:
            items.append(marked[2])
        else:
            items[-1] = f"{items[-1]}\n{line}"
    return items if len(items) >= 2 else None


def cell_lines(text: str, count: int, dates: bool = False, typed: bool = False) -> list[str] | None:
    """A cell's text as `count` pieces, one per item of the row (`cell_pieces`); None when the cell
    does not divide into as many. Where its line breaks were `typed` (a Word document, not a page
    that wrapped them), a text cell of as many lines is one line per item, though a line opens in
    lower case («жители района, …» / «учащиеся школы …»)."""
    pieces = cell_pieces(text, dates)
    if len(pieces) != count and typed and not dates:
        lines = [line for line in text.splitlines() if fold(line)]
        if len(lines) == count and listed_items(text) is None:
            return lines
    return pieces if len(pieces) == count else None


def cell_pieces(text: str, dates: bool = False) -> list[str]:
    """A cell's text as the pieces it lists: its own list's items when it is a list, else its lines,
    the lines a PDF wrapped put together (`_date_goes_on` for a dates cell, else `_text_goes_on`);
    a dates cell of one line, its parts between semicolons (elsewhere a semicolon parts the clauses
    of one text: «укрепление связей; обмен опытом»)."""
    items = listed_items(text)
    if items is not None:
        return items
    goes_on = _date_goes_on if dates else _text_goes_on
    joined: list[str] = []
    for line in text.splitlines():
        if not fold(line):
            continue
        if joined and goes_on(joined[-1], line):
            joined[-1] = f"{joined[-1]} {line.strip()}"
        else:
            joined.append(line)
    if dates and len(joined) == 1 and ";" in joined[0]:  # «3 июля 2025 г.; 22 августа 2025 г.»
        parts = [part.strip() for part in joined[0].split(";") if fold(part)]
        return parts if len(parts) > 1 else joined
    return joined


def _date_goes_on(above: str, line: str) -> bool:
    """A date line a PDF wrapped: a year opening the line, or a word joining dates («по», «и»), or a
    month after a line ending on a day («19–21» / «августа 2025 г.»); or the line above ending on a
    dash or a comma."""
    if _DATE_GOES_ON.match(line) or _DATE_CUT.search(above):
        return True
    words = line.split()
    first = words[0].rstrip(".,") if words else ""
    return joins_dates(first) or (month_number(first) is not None and bool(_ENDS_ON_DAY.search(above)))


def _text_goes_on(above: str, line: str) -> bool:
    """A line of text a PDF wrapped: it opens with a small letter that begins no abbreviation
    («библиотека», not «г. Энск» or «с. Ольховка»), or the line above ends on a hyphen or a comma."""
    first = line.split(maxsplit=1)[0] if line.split() else ""
    small = first[:1].islower() and not _ABBREVIATION.fullmatch(first)
    return small or bool(_TEXT_CUT.search(above))


# A short word with its dot, as a place's kind is written before its name: «г.», «пгт.», «ул.».
_ABBREVIATION = re.compile(r"[^\W\d_]{1,5}\.")
# A line ending on a hyphen or a comma: the text goes on in the next one.
_TEXT_CUT = re.compile(r"[-,]\s*$")


def split_row_cells(
    cells: Sequence[str | None],
    title: int,
    date: int,
    paired: Sequence[int],
    number: int | None = None,
    typed: bool = False,
) -> list[tuple[str | None, ...]] | None:
    """The cells of each event a row lists in its title cell (index `title`), in order: the title's
    items, the dates cell's (index `date`) pieces paired with them, the № cell's (index `number`)
    numbers where it holds one a line for each, and each of the `paired` cells' pieces where it
    divides into as many, else its whole text. None when the title lists no items or the dates
    cell does not divide into as many pieces."""
    if title >= len(cells) or date >= len(cells):
        return None
    items = listed_items(cells[title] or "")
    numbers = numbered_lines(cells[number] or "") if number is not None and number < len(cells) else None
    if items is None and numbers is not None:  # «1.» / «2.» in the № cell, a line of title for each
        items = cell_lines(cells[title] or "", len(numbers))
    if items is None:
        return None
    dates = cell_lines(cells[date] or "", len(items), dates=True)
    if dates is None:
        return None
    pieces: dict[int, list[str]] = {title: items, date: dates}
    if number is not None and numbers is not None and len(numbers) == len(items):
        pieces[number] = numbers  # each event's own №
    for index in paired:
        if index in pieces or index >= len(cells) or cells[index] is None:
            continue
        divided = cell_lines(cells[index] or "", len(items), typed=typed)
        if divided is not None:
            pieces[index] = divided
    return [tuple(pieces[i][k] if i in pieces else c for i, c in enumerate(cells)) for k in range(len(items))]


def numbered_lines(text: str) -> list[str] | None:
    """The lines of a № cell holding two numbers or more, one a line, each one more than the line
    above («1.» / «2.»; «4» / «5»); None for any other cell."""
    lines = [line for line in text.splitlines() if fold(line)]
    numbers = [seq_number(line) for line in lines]
    if len(lines) < 2 or any(n is None for n in numbers):
        return None
    steps = pairwise(numbers)
    return lines if all(a is not None and b == a + 1 for a, b in steps) else None


def unpaired_note(title: str, date_text: str, number: str = "") -> str | None:
    """Why a row's dates are not read as one event's: its title lists several events (or its №
    cell several numbers) and its dates cell several dates (a range written over lines is one), in
    counts that do not pair; None for any other row."""
    items = listed_items(title)
    numbers = numbered_lines("\n".join(number.split()))  # the № cell as written or folded
    if items is None and numbers is None:
        return None
    dates = cell_pieces(date_text, dates=True)
    if len(dates) < 2:
        return None
    listed = (
        f"в ячейке названия перечислено мероприятий: {len(items)}"
        if items is not None
        else f"в ячейке № указано номеров: {len(numbers or ())}"
    )
    return f"{listed}, а дат: {len(dates)}; какая дата к какому мероприятию относится, не видно"
