"""Compare the PDF reader with the DOCX reader on PDFs saved from DOCX files beside them.

    .venv/bin/python scripts/compare_pairs.py [-v] DIR/a.pdf DIR/b.pdf ...   (DIR/a.docx beside)

The DOCX reader's tables are the truth. Every table's rows are flattened in order (empty rows
left out, a header that a continued table repeats counted once, as the PDF reader stitches
such tables), cell texts with whitespace folded, and aligned with difflib. Prints per file and in
total: DOCX rows, rows matching exactly, DOCX non-empty cells matching, DOCX words matching;
with -v the rows that differ.
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import Any

from muniflow.model import RawDocument, ReaderError
from muniflow.readers.base import fold_whitespace
from muniflow.readers.docx import DocxReader
from muniflow.readers.pdf import PdfReader

Row = tuple[str, ...]


def rows_of(doc: RawDocument | None) -> list[Row]:
    """Every table's header and rows in order, a header already seen left out."""
    out: list[Row] = []
    seen: set[Row] = set()
    for table in doc.tables if doc else ():
        header = tuple(fold_whitespace(c or "") for c in table.header)
        if header not in seen:
            out.append(header)
        seen.add(header)
        out.extend(tuple(fold_whitespace(c or "") for c in row.cells) for row in table.rows)
    return [r for r in out if any(r)]


def _key(row: Row) -> str:
    return " | ".join(c for c in row if c)


def compare(pdf: Path, verbose: bool = False) -> dict[str, Any]:
    """The figures of one pair (or why it has none)."""
    result: dict[str, Any] = {"file": pdf.name}
    try:
        truth = DocxReader().read(pdf.with_suffix(".docx"))
    except ReaderError as exc:
        return {**result, "docx_error": str(exc)[:80]}
    try:
        read: RawDocument | None = PdfReader().read(pdf)
    except ReaderError as exc:
        read, result["pdf_error"] = None, str(exc)[:80]
    want, got = rows_of(truth), rows_of(read)
    matcher = difflib.SequenceMatcher(None, [_key(r) for r in want], [_key(r) for r in got], autojunk=False)
    cells = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            cells += sum(1 for r in want[i1:i2] for c in r if c)
            continue
        for a, b in zip(want[i1:i2], got[j1:j2], strict=False):  # a replaced row: its cells in the PDF row
            cells += sum(1 for c in a if c and c in b)
        if verbose:
            print(f"  --- {tag}")
            print("\n".join(f"   D: {r}" for r in want[i1:i2]))
            print("\n".join(f"   P: {r}" for r in got[j1:j2]))
    words_want, words_got = " ".join(map(_key, want)).split(), " ".join(map(_key, got)).split()
    words = difflib.SequenceMatcher(None, words_want, words_got, autojunk=False)
    return {
        **result,
        "rows": len(want),
        "rows_ok": sum(b.size for b in matcher.get_matching_blocks()),
        "cells": sum(1 for r in want for c in r if c),
        "cells_ok": cells,
        "words": len(words_want),
        "words_ok": sum(b.size for b in words.get_matching_blocks()),
    }


def main(args: list[str]) -> None:
    verbose = "-v" in args
    total: dict[str, int] = {}
    for name in (a for a in args if a != "-v"):
        figures = compare(Path(name), verbose)
        print(json.dumps(figures, ensure_ascii=False))
        for key, value in figures.items():
            if isinstance(value, int):
                total[key] = total.get(key, 0) + value
    print("TOTAL", json.dumps(total))


if __name__ == "__main__":
    main(sys.argv[1:])
