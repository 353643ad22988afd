"""PDF reader: every ruled table of every page, stitched across pages where a table continues.

A table continues on the next page when it is the last on its page, the next page's first table
has the same column grid, and no text stands between them (a heading between them starts a new
table: it becomes the new table's caption). A header repeated at the top of the new page is
dropped, recognised as one of the table's own header rows or by the header vocabulary.

Cell texts are rebuilt from the glyph boxes (see pdflines), not from pdfplumber's text, so that a
line break says whether the source had a space, nothing or a paragraph end there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
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
from muniflow.readers.headerwords import cell_lemmas, is_header_like, vocabulary_breaks
from muniflow.readers.pdfcaption import band_paragraphs, text_area
from muniflow.readers.pdfglue import (
    MAX_HEADER_ROWS,
    SEQ_NUMBER,
    LineCell,
    LineRow,
    cell_text,
    continues_header,
    glue,
    glue_header,
    is_column_numbers,
    is_spanning,
    merged_over_page_end,
    strip_header_overflow,
)
from muniflow.readers.pdfgrid import Ends, finer_grid, merged_down, regrid, regrid_slots, slot_ends
from muniflow.readers.pdflines import CellIndex, Glyph, bucket_glyphs, join_lines, table_lines
from muniflow.readers.pdfobjects import fill_objects
from muniflow.readers.pdftext import text_tables
from muniflow.readers.wordjoin import rejoin_lines

_COLUMN_TOLERANCE = 3.0  # points: the same column drawn on two pages may differ by rounding
# A border segment may stop a few points short of the line it meets (seen in LibreOffice exports).
_RULED = {"intersection_x_tolerance": 6, "intersection_y_tolerance": 6}
# Presentation forms that some exporters emit for fi/fl ligatures; the DOCX holds plain letters.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


def _header_cell_text(cell: LineCell) -> Cell:
    """A header cell's text: the header vocabulary decides the line breaks it knows, then the
    geometry the rest, so a header word a narrow column cut into word-like pieces comes out whole."""
    if cell is None:
        return None
    return join_lines(cell, decided=vocabulary_breaks([line.text.rstrip() for line in cell]))


@dataclass(frozen=True)
class _Fragment:
    """The part of a table drawn on one page."""

    page: int
    columns: tuple[float, ...]  # left edges of the grid columns, then the right edge
    rows: tuple[tuple[LineCell, ...], ...]
    first_on_page: bool
    last_on_page: bool
    caption: str = ""  # the text between the previous table and this one
    ends: tuple[Ends, ...] = ()  # per row, how far each cell spans (see pdfgrid)
    above: tuple[frozenset[int], ...] = ()  # per row, the slots merged down from a row above

    @cached_property
    def texts(self) -> tuple[tuple[Cell, ...], ...]:
        """The rows' cell texts, for telling headers, numbers and continuations apart."""
        return tuple(tuple(cell_text(c) for c in row) for row in self.rows)


class PdfReader:
    """Reads a PDF's ruled tables; a table that runs over several pages comes out as one."""

    format = "pdf"

    def read(self, path: Path) -> RawDocument:
        """Parse the file and return its title and stitched tables; ReaderError when none or unreadable."""
        fragments, pages = _scan(path)
        if not fragments:
            raise ReaderError(NO_TABLE_FOUND, f"{path.name}: no table on any of {pages} pages")
        tables = tuple(_table(group) for group in _stitch_groups(fragments))
        return RawDocument(
            source_file=str(path),
            format=self.format,
            title=tables[0].caption,
            tables=tables,
            pages=pages,
        )


def _table(group: Sequence[_Fragment]) -> RawTable:
    """Merge one group of page fragments into a RawTable, each cell's lines joined into its text.

    Header words a narrow column cut are joined by the header vocabulary in the header rows.
    """
    rows = _merge_fragments(group)
    texts = [tuple(cell_text(c) for c in row.cells) for row in rows]
    for i in range(_header_block_size(texts, _seq_column(group))):
        texts[i] = tuple(_header_cell_text(c) for c in rows[i].cells)
    header = tuple(c or "" for c in texts[0])
    body = tuple(
        RawRow(cells, row.locator, row.from_above) for cells, row in zip(texts[1:], rows[1:], strict=True)
    )
    first, last = group[0].page, group[-1].page
    locator = f"page {first}" if first == last else f"pages {first}-{last}"
    return RawTable(header=header, rows=body, locator=locator, caption=rejoin_lines(group[0].caption))


def _scan(path: Path) -> tuple[list[_Fragment], int]:
    """Find every table on every page (one table-finder pass per page) with the text between them."""
    fragments: list[_Fragment] = []
    pending: list[str] = []  # text since the previous table, over page breaks
    margins: list[tuple[int, str]] = []  # (page, text) above a page's first table and below its last
    try:
        with pdfplumber.open(path) as pdf:
            pages = pdf.pages
            for page in pages:
                try:
                    fill_objects(page)
                    tables: Sequence[Any] = sorted(
                        page.find_tables(_RULED), key=lambda t: (t.bbox[1], t.bbox[0])
                    )
                    if not tables:
                        tables = text_tables(page)
                    found = _page_fragments(page.page_number, page.chars, tables)
                    tops = [t.bbox[1] for t in tables]
                    bottoms = [0.0, *(t.bbox[3] for t in tables)]
                    for fragment, top, bottom in zip(found, tops, bottoms[:-1], strict=True):
                        pending.append(_text_between(page, bottom, top))
                        if not bottom:
                            margins.append((page.page_number, pending[-1]))
                        fragments.append(replace(fragment, caption=_caption(pending)))
                        pending = []
                    pending.append(_text_between(page, bottoms[-1], page.height))
                    margins.append((page.page_number, pending[-1]))
                finally:
                    page.close()  # drop the page's parsed objects so memory stays flat in page count
            count = len(pages)
    except (PdfminerException, PSException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        if not raised_by_parser(exc):
            raise  # a bug of ours, not a damaged file: the caller reports internal_error
        raise ReaderError(CORRUPT_FILE, f"{path.name}: not a readable PDF ({exc})") from exc
    running = _running_lines(margins)
    if running:  # the first table keeps them: the title may stand only in the page header
        fragments[1:] = [replace(f, caption=_without(f.caption, running)) for f in fragments[1:]]
    return [f for f in fragments if f.rows], count


def _running_lines(margins: Sequence[tuple[int, str]]) -> frozenset[str]:
    """Lines a page header or footer repeats: the same line above the first table or below the
    last one on two or more pages. Between two tables they are no heading, so a table going on
    over a page break under a running header is still one table."""
    pages: dict[str, set[int]] = {}
    for page, text in margins:
        for line in text.split("\n"):
            if line.strip():
                pages.setdefault(fold_whitespace(line), set()).add(page)
    return frozenset(line for line, seen in pages.items() if len(seen) > 1)


def _without(caption: str, lines: frozenset[str]) -> str:
    return "\n".join(x for x in caption.split("\n") if fold_whitespace(x) not in lines)


def _text_between(page: Any, top: float, bottom: float) -> str:
    """The page's text in a horizontal band (between two tables, or a table and a page edge).

    A glyph belongs to the band by its centre: a line's box may reach over a table's border.
    Lines a long heading wrapped into come out as one paragraph (see pdfcaption).
    """
    if bottom - top < 1:
        return ""

    chars = [c for c in page.chars if top <= (c["top"] + c["bottom"]) / 2 < bottom]
    return band_paragraphs(chars, text_area(page))


_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?\s*$")


def _caption(parts: Sequence[str]) -> str:
    """The non-blank lines of the text between two tables, page numbers left out."""
    lines = (line for part in parts for line in part.split("\n"))
    return "\n".join(line for line in lines if line.strip() and not _PAGE_NUMBER.match(line))


def _page_fragments(page: int, chars: Sequence[dict[str, Any]], tables: Sequence[Any]) -> list[_Fragment]:
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
        columns = _column_edges(table)
        fragments.append(
            _Fragment(
                page=page,
                columns=columns,
                rows=rows,
                first_on_page=i == 0,
                last_on_page=i == len(tables) - 1,
                ends=tuple(slot_ends(columns, row.cells, _COLUMN_TOLERANCE) for row in table.rows),
                above=merged_down([row.cells for row in table.rows], _COLUMN_TOLERANCE),
            )
        )
    return fragments


def _column_edges(table: Any) -> tuple[float, ...]:
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


def _on_grid(fragment: _Fragment, columns: tuple[float, ...]) -> _Fragment:
    """The fragment laid out on a grid whose edges include its own (see pdfgrid)."""
    if len(columns) == len(fragment.columns):
        return fragment
    rows, ends = regrid(fragment.columns, fragment.rows, fragment.ends, columns, _COLUMN_TOLERANCE)
    above = tuple(regrid_slots(fragment.columns, s, columns, _COLUMN_TOLERANCE) for s in fragment.above)
    return replace(fragment, columns=columns, rows=rows, ends=ends, above=above)


def _stitch_groups(fragments: Sequence[_Fragment]) -> list[list[_Fragment]]:
    """Group fragments into logical tables: a table continues at the top of the next page on the
    same grid with nothing between; a repeated header drawn as a table of its own at the top of
    the page counts as part of that page's top (the table under it continues too).

    A fragment whose rows all hold merged cells shows only some of the table's column edges: on the
    next page, the table goes on where those edges are among its own, and both are laid out on
    the finer grid."""
    groups: list[list[_Fragment]] = []
    for fragment in fragments:
        grid = finer_grid(groups[-1][-1].columns, fragment.columns, _COLUMN_TOLERANCE) if groups else None
        if groups and not fragment.caption and grid is not None:
            group = groups[-1]
            last = group[-1]
            next_page = fragment.page == last.page + 1 and last.last_on_page and fragment.first_on_page
            under_header = (
                len(group) > 1
                and fragment.page == last.page
                and last.first_on_page
                and _same_grid(last, fragment)
                and _repeats_header(group, last)
            )
            if next_page or under_header:
                group[:] = [_on_grid(f, grid) for f in group]
                group.append(_on_grid(fragment, grid))
                continue
        groups.append([fragment])
    return groups


def _repeats_header(group: Sequence[_Fragment], fragment: _Fragment) -> bool:
    """True when every row of a fragment repeats the group's header rows."""
    first = group[0]
    header_rows = first.texts[: _header_block_size(first.texts, _seq_column(group))]
    return _repeated_header_count(header_rows, fragment.texts) == len(fragment.texts)


def _folded(cells: Sequence[Cell]) -> tuple[str, ...]:
    return tuple(fold_whitespace(c or "") for c in cells)


def _repeated_header_count(header_rows: Sequence[Sequence[Cell]], rows: Sequence[Sequence[Cell]]) -> int:
    """How many leading rows of a later page repeat the table's header: rows that show one of its
    header rows again (a title row above the header need not repeat), or header-like by the
    vocabulary with each phrase under the header cell that holds its words.

    A row continuing an event broken by the page end may hold header words too («Делегация …»
    under «Участники»), but not in the columns the header put them in, nor as the header's text."""
    known = {_folded(row) for row in header_rows}
    count = 0
    for row in rows:
        shown = _folded(row) in known or any(_shows_row(row, head) for head in header_rows)
        if not shown and not (is_header_like(row) and _under_own_header(row, header_rows)):
            break
        count += 1
    return count


def _compact(text: Cell) -> str:
    return "".join(ch for ch in (text or "").lower() if ch.isalnum())


def _shows_row(row: Sequence[Cell], header_row: Sequence[Cell]) -> bool:
    """True when a row shows a header row again: each filled cell holds the same letters as the
    header cell above it, or only their beginning (lines cut elsewhere, or the last lines spilt
    into the row below). A beginning of one or two letters shows nothing: it is the end of a word
    the page end cut («к)» of «человек)» under «Количество и состав участников»)."""
    filled = [
        (mine, _compact(head))
        for cell, head in zip(row, header_row, strict=False)
        if (mine := _compact(cell))
    ]
    return bool(filled) and all(
        mine == head or (len(mine) >= _SHOWN_LETTERS and head.startswith(mine)) for mine, head in filled
    )


_SHOWN_LETTERS = 3  # of a header cell's beginning, for a row to show that header again


def _under_own_header(row: Sequence[Cell], header_rows: Sequence[Sequence[Cell]]) -> bool:
    """True when every filled cell shares a word (by lemma) with a header cell of its column."""
    for col, cell in enumerate(row):
        if not cell or not cell.strip():
            continue
        heads = (head[col] for head in header_rows if col < len(head))
        if not any(cell_lemmas(cell) & cell_lemmas(head) for head in heads):
            return False
    return True


def _header_block_size(texts: Sequence[Sequence[Cell]], seq_col: int) -> int:
    """How many leading rows are header rows (at least one): those before the first numbered row,
    a column-number row ending them, or a heading row across the table once a header row came
    (a title row across the table may stand above the header)."""
    header_seen = False
    for i, cells in enumerate(texts[:MAX_HEADER_ROWS]):
        if is_column_numbers(cells):
            return i + 1
        numbered = seq_col < len(cells) and SEQ_NUMBER.match(cells[seq_col] or "") is not None
        if numbered:
            return max(1, i)
        spanning = is_spanning(cells)
        if spanning and header_seen:
            return i
        header_seen = header_seen or not spanning
    return 1


def _seq_column(group: Sequence[_Fragment]) -> int:
    """The column that holds row numbers (most cells like '12.'), defaulting to the first."""
    width = len(group[0].columns) - 1
    hits = [0] * width
    for fragment in group:
        for cells in fragment.texts:
            for col, text in enumerate(cells[:width]):
                if text and SEQ_NUMBER.match(text):
                    hits[col] += 1
    return max(range(width), key=lambda c: (hits[c], -c)) if width > 0 else 0


def _is_continuation(cells: Sequence[Cell], seq_col: int) -> bool:
    """A row cut by a page break goes on with an empty № cell and text in some other cell."""
    return cells[seq_col] == "" and any(c for i, c in enumerate(cells) if i != seq_col)


def _continues_unnumbered(cells: Sequence[Cell], above: LineRow) -> bool:
    """In a table without a № column, a row cut by a page break goes on with no cell opening as
    an event's cells do (a title with a capital, a date with a digit) and empty in a column the
    row above fills."""
    filled = [c for c in cells if c]
    if not filled or any(_opens_like_a_cell(c) for c in filled):
        return False
    texts = [cell_text(c) for c in above.cells]
    return any(not c and i < len(texts) and texts[i] for i, c in enumerate(cells))


def _opens_like_a_cell(text: str) -> bool:
    """Whether a text's first letter or digit is a capital or a digit (after quotes, dashes)."""
    first = next((ch for ch in text if ch.isalnum()), "")
    return first.isupper() or first.isdigit()


def _ends_of(fragment: _Fragment) -> tuple[Ends, ...]:
    """The fragment's cell spans, or one column each where they are not known."""
    if len(fragment.ends) == len(fragment.rows):
        return fragment.ends
    return tuple(tuple(None if c is None else i + 1 for i, c in enumerate(row)) for row in fragment.rows)


def _above_of(fragment: _Fragment) -> tuple[frozenset[int], ...]:
    """Per row, the slots merged down from a row above, or none where that is not known."""
    if len(fragment.above) == len(fragment.rows):
        return fragment.above
    return tuple(frozenset() for _ in fragment.rows)


def _merge_fragments(group: Sequence[_Fragment]) -> list[LineRow]:
    """One row list for a stitched table: repeated headers dropped, page-cut rows glued together."""
    first = group[0]
    seq_col = _seq_column(group)
    numbered = any(
        seq_col < len(cells) and SEQ_NUMBER.match(cells[seq_col] or "") for f in group for cells in f.texts
    )
    rows = [
        LineRow(cells, f"page {first.page}, row {i}", ends, above)
        for i, (cells, ends, above) in enumerate(
            zip(first.rows, _ends_of(first), _above_of(first), strict=True), start=1
        )
    ]
    block = _header_block_size(first.texts, seq_col)
    header_rows = first.texts[:block]
    header_lines = first.rows[:block]
    for fragment in group[1:]:
        ends_of = _ends_of(fragment)
        skip = _repeated_header_count(header_rows, fragment.texts)
        if (
            not skip
            and fragment.rows
            and continues_header(rows, fragment.texts[0], ends_of[0], numbered, seq_col)
        ):
            rows = glue_header(rows, fragment.rows[0], ends_of[0])
            rows.extend(
                LineRow(cells, f"page {fragment.page}, row {i}", ends, above)
                for i, (cells, ends, above) in enumerate(
                    zip(fragment.rows[1:], ends_of[1:], _above_of(fragment)[1:], strict=True), start=2
                )
            )
            texts = [tuple(cell_text(c) for c in row.cells) for row in rows]
            block = _header_block_size(texts, seq_col)
            header_rows, header_lines = tuple(texts[:block]), tuple(row.cells for row in rows[:block])
            continue
        page_rows = list(
            zip(fragment.rows[skip:], fragment.texts[skip:], _above_of(fragment)[skip:], strict=True)
        )
        if skip and page_rows:
            header = [
                row
                for row, text in zip(header_lines, header_rows, strict=True)
                if not is_column_numbers(text)
            ]
            below = strip_header_overflow(header, fragment.rows[:skip], page_rows[0][0])
            page_rows[0] = (below, tuple(cell_text(c) for c in below), page_rows[0][2])
        start = skip + 1
        if (
            page_rows
            and len(rows) > 1
            and (
                _is_continuation(page_rows[0][1], seq_col)
                or (not numbered and _continues_unnumbered(page_rows[0][1], rows[-1]))
            )
        ):
            rows = glue(rows, page_rows[0][0])
            page_rows, start = page_rows[1:], start + 1
        if page_rows and len(rows) > 1:
            under = page_rows[1][2] if len(page_rows) > 1 else frozenset()
            cells, going = merged_over_page_end(page_rows[0][0], under, rows[-1])
            page_rows[0] = (cells, page_rows[0][1], page_rows[0][2] | going)
        rows.extend(
            LineRow(cells, f"page {fragment.page}, row {i}", from_above=above)
            for i, (cells, _, above) in enumerate(page_rows, start=start)
        )
    return rows
