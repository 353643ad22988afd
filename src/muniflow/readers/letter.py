"""A document with no table read as its text: a municipality's nil-report letter
(«… международные мероприятия не проводились») is a report, not a file without a table."""

from __future__ import annotations

from pathlib import Path

from muniflow.interpret.nil import nil_letter
from muniflow.model import RawDocument

WORKBOOKS = ("xlsx", "xls", "ods")  # read by a readers.sheets.WorkbookReader


def letter_text(format: str, path: Path) -> tuple[str, int | None]:
    """The whole text of a DOCX or PDF (paragraphs, or page text) or of a workbook (its sheets' rows),
    and its page count for a PDF."""
    if format in WORKBOOKS:
        from muniflow.readers import reader_for
        from muniflow.readers.sheets import WorkbookReader, workbook_text

        reader = reader_for(format)
        assert isinstance(reader, WorkbookReader)
        return workbook_text(reader.read_sheets(path)), None
    if format == "docx":
        from muniflow.readers.docx import body_blocks, open_document
        from muniflow.readers.docxlists import bullets
        from muniflow.readers.docxtext import P, body_line

        document = open_document(path)  # its text boxes and imported parts (altChunk) too
        bulleted = bullets(document)  # a list paragraph is an item (readers/listed.py)
        lines = [body_line(b, bulleted) for b in body_blocks(document, document.element.body) if b.tag == P]
        return "\n".join(line for line in lines if line.strip()), None
    import pdfplumber

    from muniflow.readers.pdflabelcol import label_column_text
    from muniflow.readers.wordjoin import rejoin_lines

    with pdfplumber.open(path) as pdf:  # a label wrapped in a column of its own is read whole
        texts = [label_column_text(page) or page.extract_text() or "" for page in pdf.pages]
    return rejoin_lines("\n".join(t for t in texts if t.strip())), len(texts)


def read_listed_letter(format: str, path: Path) -> RawDocument | None:
    """The document's numbered paragraphs of labelled parts as an events table (readers/listed.py),
    or None when it lists no events so."""
    from muniflow.contracts import header_synonyms
    from muniflow.readers.listed import listed_document

    text, pages = letter_text(format, path)
    doc = RawDocument(source_file=str(path), format=format, title=text, tables=(), pages=pages)
    return listed_document(doc, header_synonyms())


def read_nil_letter(format: str, path: Path) -> RawDocument | None:
    """The document as text only (no tables) when its text reads as a municipality's nil report;
    else None (a letter that names no municipality cannot say whose report it is)."""
    text, pages = letter_text(format, path)
    doc = RawDocument(source_file=str(path), format=format, title=text, tables=(), pages=pages)
    return doc if nil_letter(doc) is not None else None
