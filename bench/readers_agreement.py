"""How the PDF reader agrees with the DOCX reader on a generated layout corpus.

Each PDF is LibreOffice's export of its DOCX, so both should give the same tables, headers,
captions and rows once whitespace is folded. Generate the corpus first:

    PYTHONPATH=src:. python -m sample_inputs.samplegen.layouts --n 60 --out /tmp/layouts --workers 1
    PYTHONPATH=src:. python bench/readers_agreement.py /tmp/layouts
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from muniflow.model import RawDocument, ReaderError
from muniflow.readers.base import fold_whitespace
from muniflow.readers.docx import DocxReader
from muniflow.readers.pdf import PdfReader


def _rows(doc: RawDocument) -> list[tuple[str | None, ...]]:
    return [
        tuple(None if c is None else fold_whitespace(c) for c in r.cells) for t in doc.tables for r in t.rows
    ]


def _read(reader: DocxReader | PdfReader, path: Path) -> RawDocument | str:
    try:
        return reader.read(path)
    except ReaderError as err:
        return err.reason


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, help="folder with manifest.json, docx/ and pdf/")
    args = parser.parse_args()
    manifest = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
    stats: Counter[str] = Counter()
    for entry in manifest:
        pdf_path = args.corpus / "pdf" / f"{entry['stem']}.pdf"
        if not pdf_path.exists():
            continue
        docx = _read(DocxReader(), args.corpus / "docx" / f"{entry['stem']}.docx")
        pdf = _read(PdfReader(), pdf_path)
        stats["files"] += 1
        if isinstance(docx, str) or isinstance(pdf, str):
            stats["same outcome (no table)" if docx == pdf else "outcome differs"] += 1
            continue
        stats["same table count"] += len(docx.tables) == len(pdf.tables)
        stats["same headers"] += [tuple(map(fold_whitespace, t.header)) for t in docx.tables] == [
            tuple(map(fold_whitespace, t.header)) for t in pdf.tables
        ]
        stats["same captions"] += [fold_whitespace(t.caption) for t in docx.tables] == [
            fold_whitespace(t.caption) for t in pdf.tables
        ]
        docx_rows, pdf_rows = _rows(docx), _rows(pdf)
        stats["same row count"] += len(docx_rows) == len(pdf_rows)
        stats["rows (docx)"] += len(docx_rows)
        if len(docx_rows) == len(pdf_rows):
            stats["rows equal"] += sum(a == b for a, b in zip(docx_rows, pdf_rows, strict=True))
    for key, value in stats.items():
        print(f"{key:<26} {value}")


if __name__ == "__main__":
    main()
