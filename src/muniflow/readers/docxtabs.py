"""A table typed with tab stops: body paragraphs whose fields a tab parts, under a header line so typed.

A clerk without Word's tables types the report as lines, each field a tab after the one before
(«1.<tab>Форум …<tab>г. N<tab>05.04.2025<tab>77»), under a header line typed alike, the
municipalities' names as paragraphs of their own between the rows. Word shows a grid; the document
holds no w:tbl. Such a run of paragraphs is read as one table:

- its header: a paragraph of at least MIN_FIELDS tab-parted fields that reads as a table header
  (`headerwords.is_header_like`: its fields name columns by the contract's header words);
- its rows: the paragraphs after it parted into as many fields (fewer: the last ones left empty).
  Each tab goes to the next stop, so two tabs running are an empty field; where a line does not
  part so but does with the runs of tabs taken as one, the tabs were typed to reach a stop (the
  default stops lie closer than the columns) and a run of them parts two fields;
- a line opening with a tab and parted into fewer fields is the row above going on (a title too
  long for its column typed on under it): each field is added to the row's cell where it stands;
- a paragraph without a tab between rows is a heading (a municipality's name): a row of one cell
  across the table, as a heading row of a table spanning its columns is read;
- a line is a row only when set on the header's tab stops (its paragraph style's and its own): a
  signature under the table («Глава …<tab><tab><tab>И. И. Иванов») is typed on the default ones;
- the table ends at a paragraph that is none of these, at a heading no row follows, or at more
  than MAX_HEADING_LINES paragraphs without a tab.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence

from muniflow.model import Cell, RawRow, RawTable
from muniflow.readers.headerwords import is_header_like

# An events table has at least the number, the event and its date or place (as a PDF's
# text-only table: readers/pdfgapcolumns.py MIN_COLUMNS); a line of two fields is a signature.
MIN_FIELDS = 3
# Paragraphs of a heading between two rows (a municipality's name, a month under it); more are
# prose: the table ended above them (as readers/pdfunruled.py MAX_HEADING_LINES).
MAX_HEADING_LINES = 3
_TABS = re.compile(r"\t+")


def tab_table(
    lines: Sequence[str], stops: Sequence[Hashable], locator: str, caption: str = ""
) -> tuple[RawTable, int] | None:
    """The table whose header is `lines[0]` (paragraph texts, blank ones included) and the index of
    the first line after it; None when that line heads no tab-typed table or no row follows.
    `stops`: each line's tab stops (its style's and its own); a row is set on the header's (a
    signature below, its name a few default stops off its title, is on none)."""
    header = _header(lines[0])
    if header is None:
        return None
    width = len(header)
    rows: list[list[Cell]] = []
    pending: list[str] = []  # headings and blank lines since the last row
    end = 1
    for index in range(1, len(lines)):
        text = lines[index]
        if "\t" not in text:
            pending.append(text)
            continue
        fields = _fields(text, width)
        if fields is None or stops[index] != stops[0]:
            break
        going_on = bool(rows) and not pending and text.startswith("\t") and _partial(fields)
        if going_on:
            rows[-1] = [_joined(cell, more) for cell, more in zip(rows[-1], fields, strict=True)]
            end = index + 1
            continue
        headings = [heading.strip() for heading in pending if heading.strip()]
        if len(headings) > MAX_HEADING_LINES:
            break  # prose between: the table ended above it
        rows.extend([heading, *([None] * (width - 1))] for heading in headings)
        pending = []
        rows.append(list(fields))
        end = index + 1
    if not any(len([c for c in row if c is not None]) > 1 for row in rows):
        return None
    body = tuple(RawRow(tuple(row), f"{locator}, row {number}") for number, row in enumerate(rows, start=2))
    return RawTable(header=tuple(header), rows=body, locator=locator, caption=caption), end


def _header(text: str) -> list[str] | None:
    """A header line's fields (a run of tabs parting two, as its words may not reach a stop), when
    there are at least MIN_FIELDS and they read as a table's header."""
    if "\t" not in text:
        return None
    fields = [field.strip() for field in _TABS.split(text.strip())]
    if len(fields) < MIN_FIELDS or not all(fields) or not is_header_like(fields):
        return None
    return fields


def _fields(text: str, width: int) -> list[str] | None:
    """A line's fields padded to `width`: each tab parting two (trailing tabs dropped), or, where that
    does not give `width` fields and the runs of tabs taken as one do, each run parting two. None
    when the line parts into more fields than the header's."""
    stripped = text.rstrip()
    each, runs = stripped.split("\t"), _TABS.split(stripped)
    fields = runs if len(each) != width and len(runs) == width else each
    if len(fields) > width:
        return None
    return [field.strip() for field in fields] + [""] * (width - len(fields))


def _partial(fields: Sequence[str]) -> bool:
    """A line filling at most half of the fields, the first not: the row above going on."""
    return not fields[0] and 2 * sum(bool(field) for field in fields) <= len(fields)


def _joined(cell: Cell, more: str) -> Cell:
    if not more:
        return cell
    return f"{cell}\n{more}" if cell else more
