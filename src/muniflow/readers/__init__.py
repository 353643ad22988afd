"""Format readers behind one protocol; a new format is one new module registered here."""

from __future__ import annotations

from muniflow.readers import ods, xls, xlsx
from muniflow.readers.base import Reader
from muniflow.readers.docx import DocxReader
from muniflow.readers.pdf import PdfReader
from muniflow.readers.sheets import WorkbookReader

READERS: dict[str, Reader] = {
    reader.format: reader
    for reader in (
        DocxReader(),
        PdfReader(),
        WorkbookReader("xlsx", xlsx.read_sheets),
        WorkbookReader("xls", xls.read_sheets),
        WorkbookReader("ods", ods.read_sheets),
    )
}


def reader_for(format: str) -> Reader:
    """Return the reader registered for a format name ('docx', 'pdf', 'xlsx', …); KeyError names the
    known ones."""
    try:
        return READERS[format.lower()]
    except KeyError:
        raise KeyError(f"no reader for format {format!r}; known: {sorted(READERS)}") from None


__all__ = ["READERS", "Reader", "reader_for"]
