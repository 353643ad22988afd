"""A municipality's heading laid out as a table of its own between events tables.

Word writes a heading across an events table as a merged cell spanning all its columns; a file
saved again by another office program (a .doc converted by LibreOffice) may hold it as a separate
narrow table of one cell. Such a table (one text, a few words naming a municipality) between two
tables, narrower than the one after it, heads what follows: it is read as the caption of the next
table, as a heading paragraph there would be.
"""

from __future__ import annotations

from dataclasses import replace

from muniflow.interpret.sections import CAPTION_NAME_WORDS, caption_municipality
from muniflow.model import RawDocument, RawTable
from muniflow.normalize.text import fold


def heading_tables_as_captions(doc: RawDocument) -> RawDocument:
    """The document with each one-cell heading table between tables folded into the caption of
    the table after it (its own caption, the paragraphs above it, kept before its text)."""
    tables = list(doc.tables)
    kept: list[RawTable] = []
    carried = ""
    for k, table in enumerate(tables):
        if carried:
            table = replace(table, caption="\n".join(x for x in (carried, table.caption) if x))
            carried = ""
        text = _heading(table)
        if text and kept and k + 1 < len(tables) and len(table.header) < len(tables[k + 1].header):
            carried = "\n".join(x for x in (table.caption, text) if x)
            continue
        kept.append(table)
    if len(kept) == len(tables):
        return doc
    return replace(doc, tables=tuple(kept))


def _heading(table: RawTable) -> str:
    """The table's only text when it is a short municipality's heading, else ''."""
    texts = {fold(c) for row in (table.header, *(r.cells for r in table.rows)) for c in row if c and fold(c)}
    if len(texts) != 1:
        return ""
    (text,) = texts
    if len(text.split()) > CAPTION_NAME_WORDS or caption_municipality(text) is None:
        return ""
    return text
