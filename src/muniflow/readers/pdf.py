"""PDF reader: pdfplumber's ruled-table finder per page, stitched into one table across pages.

Cell texts are rebuilt from the glyph boxes (see pdflines), not from pdfplumber's text, so that a
line break says whether the source had a space, nothing or a paragraph end there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from muniflow.model import Cell, RawDocument, RawRow, RawTable, ReaderError
from muniflow.readers.base import CORRUPT_FILE, NO_TABLE_FOUND, fold_whitespace
from muniflow.readers.blame import raised_by_parser
from muniflow.readers.pdflines import CellIndex, Glyph, Line, bucket_glyphs, join_lines, table_lines
from muniflow.readers.wordjoin import rejoin_lines

_COLUMN_TOLERANCE = 3.0  # points: the same column drawn on two pages may differ by rounding
_SEQ_NUMBER = re.compile(r"^\s*\d{1,4}\s*[.)]?\s*$")
# Presentation forms that some exporters emit for fi/fl ligatures; the DOCX holds plain letters.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


# A cell as drawn: its visual lines; None where a merged cell covers the grid slot.
LineCell = tuple[Line, ...] | None


def _cell_text(cell: LineCell) -> Cell:
    return None if cell is None else join_lines(cell)


@dataclass(frozen=True)
class _Fragment:
    """The part of a table drawn on one page."""

    page: int
    columns: tuple[float, ...]  # left edges of the grid columns, then the right edge
    rows: tuple[tuple[LineCell, ...], ...]
    first_on_page: bool
    last_on_page: bool

    @cached_property
    def texts(self) -> tuple[tuple[Cell, ...], ...]:
        """The rows' cell texts, for telling headers, numbers and continuations apart."""
        return tuple(tuple(_cell_text(c) for c in row) for row in self.rows)


@dataclass(frozen=True)
class _LineRow:
    """A table row before its lines are joined: cells as drawn, possibly from two pages."""

    cells: tuple[LineCell, ...]
    locator: str


class PdfReader:
    """Reads a PDF's ruled tables; a table that runs over several pages comes out as one."""

    format = "pdf"

    def read(self, path: Path) -> RawDocument:
        """Parse the file and return its title and stitched tables; ReaderError when none or unreadable."""
        title, fragments, pages = _scan(path)
        if not fragments:
            raise ReaderError(NO_TABLE_FOUND, f"{path.name}: no ruled table on any of {pages} pages")
        tables = tuple(_table(group) for group in _stitch_groups(fragments))
        return RawDocument(
            source_file=str(path),
            format=self.format,
            title=rejoin_lines(title),
            tables=tables,
            pages=pages,
        )


def _table(group: Sequence[_Fragment]) -> RawTable:
    """Merge one group of page fragments into a RawTable, each cell's lines joined into its text."""
    rows = _merge_fragments(group)
    header = tuple(_cell_text(cell) or "" for cell in rows[0].cells)
    body = tuple(RawRow(tuple(_cell_text(c) for c in row.cells), row.locator) for row in rows[1:])
    first, last = group[0].page, group[-1].page
    locator = f"page {first}" if first == last else f"pages {first}-{last}"
    return RawTable(header=header, rows=body, locator=locator)


def _scan(path: Path) -> tuple[str, list[_Fragment], int]:
    """Find every table on every page (one table-finder pass per page) and the text above the first."""
    fragments: list[_Fragment] = []
    title_parts: list[str] = []
    try:
        with pdfplumber.open(path) as pdf:
            pages = pdf.pages
            for page in pages:
                try:
                    tables = sorted(page.find_tables(), key=lambda t: (t.bbox[1], t.bbox[0]))
                    if not fragments:
                        above = page.within_bbox((0, 0, page.width, tables[0].bbox[1])) if tables else page
                        title_parts.append(above.extract_text())
                    fragments.extend(_page_fragments(page.page_number, page.chars, tables))
                finally:
                    page.close()  # drop the page's parsed objects so memory stays flat in page count
            count = len(pages)
    except (PdfminerException, PSException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        if not raised_by_parser(exc):
            raise  # a bug of ours, not a damaged file: the caller reports internal_error
        raise ReaderError(CORRUPT_FILE, f"{path.name}: not a readable PDF ({exc})") from exc
    title = "\n".join(part for part in title_parts if part.strip())
    return title, [f for f in fragments if f.rows], count


def _page_fragments(
    page: int, chars: Sequence[dict[str, Any]], tables: Sequence[pdfplumber.table.Table]
) -> list[_Fragment]:
    """The page's tables with every cell's lines, its glyphs sorted into cells in one pass."""
    if not tables:
        return []
    glyphs = (Glyph(c["text"].translate(_LIGATURES), c["x0"], c["x1"], c["top"], c["bottom"]) for c in chars)
    buckets = bucket_glyphs(glyphs, [CellIndex(table.cells) for table in tables])
    fragments = []
    for i, (table, bucket) in enumerate(zip(tables, buckets, strict=True)):
        lines = table_lines(bucket)
        rows = tuple(
            tuple(None if box is None else lines.get(box, ()) for box in row.cells) for row in table.rows
        )
        fragments.append(
            _Fragment(
                page=page,
                columns=_column_edges(table),
                rows=rows,
                first_on_page=i == 0,
                last_on_page=i == len(tables) - 1,
            )
        )
    return fragments


def _column_edges(table: pdfplumber.table.Table) -> tuple[float, ...]:
    """Left edges of the grid columns and the table's right edge, from the cells' boxes."""
    lefts = sorted({round(cell[0], 1) for cell in table.cells})
    edges: list[float] = []
    for x in lefts:
        if not edges or x - edges[-1] > _COLUMN_TOLERANCE:
            edges.append(x)
    return (*edges, round(table.bbox[2], 1))


def _same_grid(a: _Fragment, b: _Fragment) -> bool:
    """True when two fragments have the same columns at the same places."""
    return len(a.columns) == len(b.columns) and all(
        abs(x - y) <= _COLUMN_TOLERANCE for x, y in zip(a.columns, b.columns, strict=True)
    )


def _stitch_groups(fragments: Sequence[_Fragment]) -> list[list[_Fragment]]:
    """Group fragments into logical tables: a table continues at the top of the next page on the same grid."""
    groups: list[list[_Fragment]] = []
    for fragment in fragments:
        if groups:
            last = groups[-1][-1]
            continues = (
                fragment.page == last.page + 1
                and last.last_on_page
                and fragment.first_on_page
                and _same_grid(last, fragment)
            )
            if continues:
                groups[-1].append(fragment)
                continue
        groups.append([fragment])
    return groups


def _folded(cells: Sequence[Cell]) -> tuple[str, ...]:
    return tuple(fold_whitespace(c or "") for c in cells)


def _repeated_header_count(first_rows: Sequence[Sequence[Cell]], rows: Sequence[Sequence[Cell]]) -> int:
    """How many leading rows of a later page repeat the table's first rows (its header)."""
    count = 0
    for mine, theirs in zip(rows, first_rows, strict=False):
        if _folded(mine) != _folded(theirs):
            break
        count += 1
    return count


def _seq_column(group: Sequence[_Fragment]) -> int:
    """The column that holds row numbers (most cells like '12.'), defaulting to the first."""
    width = len(group[0].columns) - 1
    hits = [0] * width
    for fragment in group:
        for cells in fragment.texts:
            for col, text in enumerate(cells[:width]):
                if text and _SEQ_NUMBER.match(text):
                    hits[col] += 1
    return max(range(width), key=lambda c: (hits[c], -c)) if width > 0 else 0


def _is_continuation(cells: Sequence[Cell], seq_col: int) -> bool:
    """A row cut by a page break goes on with an empty № cell and text in some other cell."""
    return cells[seq_col] == "" and any(c for i, c in enumerate(cells) if i != seq_col)


def _glue(upper: _LineRow, lower: Sequence[LineCell]) -> _LineRow:
    """Append a continuation's cell lines to the row it continues: the paragraphs go on."""
    cells = tuple(
        up if not down else (down if up is None else up + down)
        for up, down in zip(upper.cells, lower, strict=True)
    )
    return _LineRow(cells, upper.locator)


def _merge_fragments(group: Sequence[_Fragment]) -> list[_LineRow]:
    """One row list for a stitched table: repeated headers dropped, page-cut rows glued together."""
    first = group[0]
    seq_col = _seq_column(group)
    rows = [_LineRow(cells, f"page {first.page}, row {i}") for i, cells in enumerate(first.rows, start=1)]
    for fragment in group[1:]:
        skip = _repeated_header_count(first.texts, fragment.texts)
        page_rows = list(zip(fragment.rows[skip:], fragment.texts[skip:], strict=True))
        start = skip + 1
        if page_rows and len(rows) > 1 and _is_continuation(page_rows[0][1], seq_col):
            rows[-1] = _glue(rows[-1], page_rows[0][0])
            page_rows, start = page_rows[1:], start + 1
        rows.extend(
            _LineRow(cells, f"page {fragment.page}, row {i}")
            for i, (cells, _) in enumerate(page_rows, start=start)
        )
    return rows
