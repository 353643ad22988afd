"""The floor: the bare parsing libraries on the same files, sequential, in one process.

    .venv/bin/python -m bench.floor FILE...

pdfplumber opens each PDF and runs extract_tables() on every page (closing pages as it goes);
python-docx opens each DOCX and reads the text of every table cell. Prints one JSON line: the
time spent in the loop, and what was read (files, pages, tables, cells).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def read_pdf(path: Path) -> tuple[int, int, int]:
    """Pages, tables and cells pdfplumber finds in a PDF."""
    import pdfplumber

    pages = tables = cells = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            found = page.extract_tables()
            pages += 1
            tables += len(found)
            cells += sum(len(row) for table in found for row in table)
            page.close()  # drop the page's parsed objects: memory stays flat in the page count
    return pages, tables, cells


def read_docx(path: Path) -> tuple[int, int, int]:
    """Pages (none), tables and cells python-docx finds in a Word file, every cell's text read."""
    import docx

    document = docx.Document(str(path))
    tables = cells = 0
    for table in document.tables:
        tables += 1
        for row in table.rows:
            for cell in row.cells:
                cell.text  # noqa: B018 -- reading the text is the work being measured
                cells += 1
    return 0, tables, cells


def read_all(paths: list[Path]) -> dict[str, float | int]:
    """Read every file with its library; the counts and the loop's own time (imports excluded)."""
    import docx  # noqa: F401 -- imported before the clock starts, as a warm pipeline would have it
    import pdfplumber  # noqa: F401

    totals = {"files": 0, "pages": 0, "tables": 0, "cells": 0}
    started = time.perf_counter()
    for path in paths:
        pages, tables, cells = read_pdf(path) if path.suffix.lower() == ".pdf" else read_docx(path)
        totals["files"] += 1
        totals["pages"] += pages
        totals["tables"] += tables
        totals["cells"] += cells
    return {**totals, "loop_s": time.perf_counter() - started}


def main(argv: list[str] | None = None) -> int:
    paths = [Path(p) for p in (sys.argv[1:] if argv is None else argv)]
    print(json.dumps(read_all(paths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
