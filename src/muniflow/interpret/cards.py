"""Event cards: a report that gives each event as a table of label and value rows
(«Наименование мероприятия | …», «Дата проведения | …», «Участники | …»), one table per event or
one long table of them, instead of one row per event.

`as_rows` turns such tables into the usual shape: one table whose header is the labels and whose
rows are the events, so the rest of the interpretation (columns, sections, dates, rules) reads
them as it reads any events table. A label is known by the header synonyms of the contract
(`map_columns` on all the labels together, as on a header row), never by its wording here. An
event's card ends where its label repeats, where a label names a column the card holds that only
one label may feed (the next card's first label), or where a № starts a new one. Most cards must
name their event in words (one that lacks it is read, and flagged by the rules). A row of one
text across the card (a heading: the municipality, «Мероприятие 2») is kept as a heading row.
Cards are tried only when no table reads as an events table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from muniflow.interpret.columns import SHARED, SIDE_BY_SIDE, map_columns
from muniflow.model import RawDocument, RawRow, RawTable
from muniflow.normalize.text import fold, seq_number

# A card table: a label and a value column, and before them, maybe, a № column; a cell merged
# over two grid columns (a ragged table) counts once.
MAX_GRID = 4
# Labels a card table must name: without an event's name it is something else (a summary of two
# columns, a signature block). Its dates may be named by a label the contract does not know, and
# found by their content like an unnamed column's.
NEEDED = frozenset({"title"})
_WORD = re.compile(r"[^\W\d_]{3}")
# Labels a card table holds at the least: the event's name, its dates, and one more.
MIN_COLUMNS = 3
# Columns two labels of one card may feed («Сроки: с» and «Сроки: по»; two participants' sides).
SHAREABLE = SHARED | SIDE_BY_SIDE
# The header of the № a card's first row holds in a column before its labels.
SEQ = "№"


def as_rows(
    doc: RawDocument, synonyms: Mapping[str, Sequence[str]], combined: Sequence[Mapping[str, object]]
) -> RawDocument | None:
    """The document with each card table read as an events table; None when it holds no card table."""
    tables: list[RawTable] = []
    found = False
    for table in doc.tables:
        events = _events_table(table, synonyms, combined)
        found = found or events is not None
        tables.append(events or table)
    if not found:
        return None
    return replace(doc, tables=tuple(tables))


def _all_rows(table: RawTable) -> list[RawRow]:
    """The header row as a row too: a card's first label stands in it."""
    return [RawRow(tuple(table.header), f"{table.locator}, row 1"), *table.rows]


def _label_value(row: RawRow) -> tuple[str, str, str] | None:
    """(№, label, value) of a card row, № '' where the row has none; None for a row of one text."""
    cells = [fold(c) for c in row.cells if c is not None]  # a value merged over two grid columns
    number = ""
    if len(cells) == 3 and (not cells[0] or seq_number(cells[0]) is not None):
        number, cells = cells[0], cells[1:]
    if len(cells) != 2 or not cells[0] or not cells[1] or cells[0] == cells[1]:
        return None
    return number, cells[0], cells[1]


def _events_table(
    table: RawTable, synonyms: Mapping[str, Sequence[str]], combined: Sequence[Mapping[str, object]]
) -> RawTable | None:
    """One events table from a card table; None when the table is no card table."""
    if len(table.header) > MAX_GRID:
        return None
    read = [(row, _label_value(row)) for row in _all_rows(table)]
    order = list(dict.fromkeys(pair[1] for _, pair in read if pair is not None))
    if len(order) < MIN_COLUMNS:
        return None
    # The labels are mapped together, as one header's cells are: «Результаты проведения
    # мероприятия» alone would read as the event's name, beside «Название мероприятия» it is not.
    matches, _ = map_columns(order, synonyms, combined)
    labels = {label: tuple(m.column for m in matches if m.index == i) for i, label in enumerate(order)}
    cards: list[tuple[RawRow, dict[str, str]] | tuple[RawRow, str]] = []
    current: dict[str, str] | None = None
    for row, pair in read:
        if pair is None:
            text = next((fold(c) for c in row.cells if c and fold(c)), "")
            if text:
                cards.append((row, text))  # a heading across the card
                current = None
            continue
        number, label, value = pair
        held = _columns_of(current, labels) if current is not None else set()
        if current is None or number or label in current or (set(labels[label]) & held) - SHAREABLE:
            current = {SEQ: number} if number else {}
            cards.append((row, current))
        current[label] = value
    records = [c for _, c in cards if isinstance(c, dict)]
    named = {c for cols in labels.values() for c in cols}
    complete = sum(_names_an_event(c, labels) for c in records)
    if not records or not named >= NEEDED or complete * 2 < len(records):
        return None
    # Every label is a column, those the contract does not know too: their values may be typed by
    # content (a date), or left unmapped («Примечание»).
    header = (*((SEQ,) if any(SEQ in c for c in records) else ()), *order)
    rows = []
    for first, card in cards:
        if isinstance(card, str):
            rows.append(RawRow((card, *([None] * (len(header) - 1))), first.locator))
        else:
            rows.append(RawRow(tuple(card.get(label, "") for label in header), first.locator + ", card"))
    return RawTable(header, tuple(rows), table.locator, table.caption)


def _names_an_event(card: dict[str, str], labels: Mapping[str, tuple[str, ...]]) -> bool:
    """The card names its event in words (a count, «4», under a label read as the name does not)."""
    return any(
        _WORD.search(value) for label, value in card.items() if label != SEQ and set(labels[label]) & NEEDED
    )


def _columns_of(card: dict[str, str], labels: Mapping[str, tuple[str, ...]]) -> set[str]:
    return {c for label in card if label != SEQ for c in labels[label]}
