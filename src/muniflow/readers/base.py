"""The reader protocol: one implementation per file format, each returning a RawDocument."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from muniflow.model import RawDocument


@runtime_checkable
class Reader(Protocol):
    """Reads one file of its format into raw tables; raises ReaderError when it cannot."""

    format: str

    def read(self, path: Path) -> RawDocument:
        """Return the document's title text and every table, cell texts as the file holds them."""
        ...


NO_TABLE_FOUND = "no_table_found"
CORRUPT_FILE = "corrupt_file"


def fold_whitespace(text: str) -> str:
    """Collapse every run of whitespace to one space and trim, so texts compare across formats."""
    return " ".join(text.split())
