"""A letter's items naming their parts by labels (readers/listed.py): «1. Фестиваль «…». Дата
проведения: 21 января 2025 г. Место проведения: г. Печоры.» A label is a capitalised phrase of a
few words before a colon that the contract's header synonyms tie to a column (`map_columns`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from muniflow.interpret.columns import map_columns

# «Дата проведения: », «Цель и результат: »: a capitalised phrase of up to five words before a colon,
# at the start or after a sentence's end; after a comma or a semicolon in lower case too («Дата:
# 12.07.2025, место: …», «Мероприятие: …; дата: …»). Only a phrase the header synonyms tie to a
# column is a label.
LABEL = re.compile(
    r"(?:^|(?<=[.;!?»])\s+)([А-ЯЁ][а-яё]*(?:\s+[а-яёА-ЯЁ]+){0,4})\s*:(?:\s+|(?=[^\s:/]))"
    r"|(?<=[,;])\s+([а-яё]+(?:\s+[а-яё]+){0,2})\s*:(?:\s+|(?=[^\s:/]))"
)


def names_by_label(line: str, synonyms: Mapping[str, Sequence[str]]) -> bool:
    """The line opens with the label of an event's name («Наименование: …», «Мероприятие: …»): a
    labelled block of its own, numbered or not."""
    opening = LABEL.match(line.strip())
    return opening is not None and bool(opening.group(1)) and column_of(opening.group(1), synonyms) == "title"


def labels_joined(
    lines: Sequence[str],
    item_of: Callable[[str], tuple[str, str] | None],
    synonyms: Mapping[str, Sequence[str]],
) -> list[str]:
    """The lines with each one opening with a label (no item of its own) joined to the item above,
    also past a line of the item's value its PDF wrapped («…с г. Энском» / «(Республика Энция)» /
    «Место проведения: …»). A card's number standing alone above its name («Мероприятие № 2») opens
    it as «2.»; a municipality's label right before an item («Муниципальное образование: …») heads it
    rather than ending the item above."""
    lines = _card_numbers_joined(lines, synonyms)
    out: list[str] = []
    within = False
    for at, line in enumerate(lines):
        opening = LABEL.match(line.strip())
        labelled = opening is not None and bool(opening.group(1)) and column_of(opening.group(1), synonyms)
        heading = labelled == "municipality" and at + 1 < len(lines) and item_of(lines[at + 1]) is not None
        if within and item_of(line) is None and labelled and not heading:
            out[-1] = f"{out[-1].rstrip()}; {line.strip()}"  # «;»: the value's end, kept from the next label
            continue
        out.append(line)
        # a wrapped line of a value keeps the item open: a label after it is the item's still
        within = item_of(line) is not None or (within and not labelled and not heading)
    return out


def _card_numbers_joined(lines: Sequence[str], synonyms: Mapping[str, Sequence[str]]) -> list[str]:
    """A line of only a card's number under the label of an event's name («Мероприятие № 3»,
    «Событие №3:») put before the line below as its item's number («3. …»)."""
    out: list[str] = []
    number = ""
    for line in lines:
        found = _CARD_NUMBER.match(line)
        if found is not None and column_of(found.group(1), synonyms) == "title":
            number = found.group(2)
            continue
        out.append(f"{number}. {line.strip()}" if number else line)
        number = ""
    if number:
        out.append(f"{number}.")
    return out


# «Мероприятие № 3», «Событие №3:»: a card's number alone on its line, under a label of its name.
_CARD_NUMBER = re.compile(r"^\s*([А-ЯЁ][а-яё]*(?:\s+[а-яё]+){0,3})\s*№\s*(\d{1,3})\s*[.:]?\s*$")


def labelled_parts(
    body: str, synonyms: Mapping[str, Sequence[str]]
) -> tuple[str, list[tuple[str, str, str]]] | None:
    """An item's name and its (column, label, value) parts; None when no label the contract knows
    starts a part."""
    found = []
    for match in LABEL.finditer(body):
        group = 1 if match.group(1) else 2
        label = match.group(group)
        column = column_of(label, synonyms)
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


def column_of(label: str, synonyms: Mapping[str, Sequence[str]]) -> str | None:
    matches, _ = map_columns([label], synonyms)
    return matches[0].column if matches else None


def _clean(text: str) -> str:
    """A part's text without the sentence's end that closed it («21 января 2025 г..» -> «… г.»)."""
    text = text.strip().rstrip(";").strip()
    if text.endswith("..") or (text.endswith(".") and not re.search(r"\b[а-яё]{1,3}\.$", text)):
        text = text[:-1]
    return text.strip()
