"""A layout corpus with no table headers: as an office whose header is a picture, or who left it out.

    PYTHONPATH=src:. .venv/bin/python -m sample_inputs.samplegen.headerless SRC DST
    PYTHONPATH=src:. .venv/bin/python -m sample_inputs.samplegen.layouts --out DST --no-generate \
        --formats docx

SRC is a corpus made by `sample_inputs.samplegen.layouts` (its `docx/`, `gold/`, manifest); DST is
its copy in which every top-level table of every DOCX loses its leading rows of labels (rows of two
cells or more without a digit: the header, its group and sub-label rows) and its row of column
numbers, a title row or a municipality's heading above them kept. The gold is unchanged: every
event must still be read, its columns typed by their cells.
"""

from __future__ import annotations

import re
import shutil
import sys
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Rows looked at for the header at a table's top.
TOP_ROWS = 6


def _texts(tr: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(W + "t")).strip() for tc in tr.findall(W + "tc")]


def _column_numbers(cells: list[str]) -> bool:
    filled = [c.rstrip(".") for c in cells if c]
    return len(filled) > 2 and filled == [str(i) for i in range(1, len(filled) + 1)]


def strip_headers(document_xml: bytes) -> tuple[bytes, int]:
    """The document without its tables' header rows, and how many rows went."""
    root = etree.fromstring(document_xml)
    body = root.find(W + "body")
    removed = 0
    for table in [t for t in body.iter(W + "tbl") if t.getparent() is body] if body is not None else []:
        for tr in table.findall(W + "tr")[:TOP_ROWS]:
            cells = _texts(tr)
            filled = [c for c in cells if c]
            if _column_numbers(cells) or (len(filled) >= 2 and not any(re.search(r"\d", c) for c in filled)):
                table.remove(tr)
                removed += 1
            elif len(filled) > 1:
                break  # the first event row
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), removed


def main(src: Path, dst: Path) -> None:
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(
        src, dst, ignore=shutil.ignore_patterns("pdf", "xlsx", "xls", "ods", "scores*.json", "*.log")
    )
    for path in sorted((dst / "docx").glob("*.docx")):
        with zipfile.ZipFile(path) as z:
            parts = [(info, z.read(info)) for info in z.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for info, data in parts:
                if info.filename == "word/document.xml":
                    data, removed = strip_headers(data)
                    print(f"{path.name}: {removed} header rows removed")
                z.writestr(info, data)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
