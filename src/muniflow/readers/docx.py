"""DOCX reader: walks the w:tbl XML itself so merged cells come out as None, not repeated."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from muniflow.model import RawDocument, RawTable, ReaderError
from muniflow.readers.base import CORRUPT_FILE, NO_TABLE_FOUND
from muniflow.readers.blame import raised_by_parser
from muniflow.readers.docxchunks import ALTCHUNK, imported_blocks
from muniflow.readers.docxgrid import blocks_of, read_table
from muniflow.readers.docxlists import bullets, label_lists
from muniflow.readers.docxpackage import readable
from muniflow.readers.docxstyles import mark_hidden
from muniflow.readers.docxtabs import tab_table
from muniflow.readers.docxtext import TBL, VAL, P, W, body_line, line_text


class DocxReader:
    """Reads every body table of a .docx, each with the paragraphs above it as its caption.

    Tables inside content controls, custom XML and tracked insertions count as body tables;
    a table nested in a cell stays part of that cell's text, but for a frame: a table of one
    column whose cell holds a grid (a report laid inside a bordered box or a form's cell) is
    looked through, its cells' paragraphs and tables read as the body's. The title is the text
    before the first table, which is also that table's caption, then the first page's header. A
    section after the first whose page header differs from the one before it has that header's text
    at the head of its paragraphs (a report laid out a section per municipality, each named there).
    """

    format = "docx"

    def read(self, path: Path) -> RawDocument:
        """Parse the file and return its title and tables; ReaderError when none or unreadable."""
        document = open_document(path)
        body = document.element.body
        title = ""
        above: list[str] = []  # non-blank paragraphs since the previous table
        tables: list[RawTable] = []
        headers = _section_headers(document)
        bulleted = bullets(document)
        section = 0
        blocks = list(body_blocks(document, body))
        typed = _tab_typed(blocks)
        skip_to = 0
        for index, block in enumerate(blocks):
            if index < skip_to:
                continue  # a line of the table typed with tab stops read last
            typed_table = None
            if index in typed:
                locator = f"text table {len(tables) + 1}"
                typed_table, skip_to = _tab_table_at(blocks, typed, index, locator, "\n".join(above))
            if typed_table is not None or block.tag == TBL:
                caption = "\n".join(above)
                table = typed_table or read_table(block, f"table {len(tables) + 1}", caption)
                if table is not None:
                    title = caption if not tables else title
                    tables.append(table)
                    above = []
            else:
                line = body_line(block, bulleted)
                if line.strip():
                    above.append(line)
                if block.find(f"{W}pPr/{W}sectPr") is not None and section + 1 < len(headers):
                    section += 1  # a section break: the next section's own page header heads its text
                    if headers[section] and headers[section] != headers[section - 1]:
                        above.append(headers[section])
        if not tables:
            raise ReaderError(NO_TABLE_FOUND, f"{path.name}: the document holds no table")
        running = _page_header_text(document)
        title = "\n".join(t for t in (title, running) if t)
        return RawDocument(
            source_file=str(path),
            format=self.format,
            title=title,
            tables=tuple(tables),
            closing="\n".join(above),
        )


def _tab_typed(blocks: Sequence[etree._Element]) -> dict[int, str]:
    """The text of each paragraph among `blocks` holding a tab, by its index (the candidates for a
    table typed with tab stops: readers/docxtabs.py)."""
    texts = {i: line_text(b) for i, b in enumerate(blocks) if b.tag == P and b.find(f".//{W}tab") is not None}
    return {i: text for i, text in texts.items() if "\t" in text}


def _tab_table_at(
    blocks: Sequence[etree._Element], typed: dict[int, str], start: int, locator: str, caption: str
) -> tuple[RawTable | None, int]:
    """The table typed with tab stops whose header is paragraph `start`, and the index of the block
    after it (`start` + 1 and None when the paragraph heads none)."""
    lines: list[str] = []
    stops: list[tuple[str, ...]] = []
    for block in blocks[start:]:
        if block.tag != P:
            break  # a Word table ends the lines
        lines.append(typed.get(start + len(lines)) or line_text(block))
        stops.append(_tab_stops(block))
    found = tab_table(lines, stops, locator, caption)
    if found is None:
        return None, start
    table, end = found
    return table, start + end


def _tab_stops(paragraph: etree._Element) -> tuple[str, ...]:
    """Which tab stops a paragraph is set on: those set in its own properties (kind and position),
    or, where it sets none, its paragraph style's (a header line bold in a style of its own keeps
    its rows' stops)."""
    tabs = paragraph.findall(f"{W}pPr/{W}tabs/{W}tab")
    if tabs:
        return tuple(f"{tab.get(VAL, '')}@{tab.get(W + 'pos', '')}" for tab in tabs)
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return ("style", style.get(VAL, "") if style is not None else "")


def body_blocks(document: Any, body: etree._Element) -> Iterator[etree._Element]:
    """The body's blocks as Word shows them: an imported part (altChunk) as its own blocks."""
    blocks = list(blocks_of(body, frames=True, boxes=True))
    chunks = [block for block in blocks if block.tag == ALTCHUNK]
    imported = iter(imported_blocks(document, chunks, open_document) if chunks else ())
    for block in blocks:
        if block.tag == ALTCHUNK:
            yield from next(imported)
        else:
            yield block


def _section_headers(document: Any) -> list[str]:
    """Each section's page header text, a section whose header is linked to the one before taking
    that one's (a report laid out a section per municipality names each in its own header)."""
    texts: list[str] = []
    for section in document.sections:
        header = section.header
        linked = header.is_linked_to_previous
        texts.append((texts[-1] if texts else "") if linked else _header_lines(document, header))
    return texts


def _header_lines(document: Any, header: Any) -> str:
    """The non-blank lines of a page header's paragraphs, its text boxes' included."""
    mark_hidden(document, header._element)
    lines = (line_text(block) for block in blocks_of(header._element, boxes=True) if block.tag == P)
    return "\n".join(line for line in lines if line.strip())


def _page_header_text(document: Any) -> str:
    """The first page's header: a title (its quarter, its region) typed there and nowhere else."""
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if header.is_linked_to_previous:  # the first section has no header of its own: none at all
        return ""
    return _header_lines(document, header)


def open_document(path: Path) -> Any:
    """Open the package with python-docx (mended first where Word would open it and python-docx
    would not: readers/docxpackage.py); library failures become corrupt_file."""
    try:
        document = docx.Document(readable(path) or str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        if not raised_by_parser(exc):
            raise  # a bug of ours, not a damaged file: the caller reports internal_error
        raise ReaderError(CORRUPT_FILE, f"{path.name}: not a readable DOCX ({exc})") from exc
    label_lists(document)  # Word's automatic list numbers («1.» in a № column) as text
    mark_hidden(document, document.element.body)  # text a style hides, hidden in its runs
    return document
