"""Format readers behind one protocol; a new format is one new module registered here."""

from __future__ import annotations

from muniflow.readers.base import Reader
from muniflow.readers.docx import DocxReader
from muniflow.readers.pdf import PdfReader

READERS: dict[str, Reader] = {reader.format: reader for reader in (DocxReader(), PdfReader())}


def reader_for(format: str) -> Reader:
    """Return the reader registered for a format name ('docx', 'pdf'); KeyError names the known ones."""
    try:
        return READERS[format.lower()]
    except KeyError:
        raise KeyError(f"no reader for format {format!r}; known: {sorted(READERS)}") from None


__all__ = ["READERS", "Reader", "reader_for"]
