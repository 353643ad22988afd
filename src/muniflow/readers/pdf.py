"""PDF reader: every ruled table of every page, stitched across pages where a table continues.

A table continues on the next page when it is the last on its page, the next page's first table
has the same column grid, and no text stands between them (a heading between them starts a new
table: it becomes the new table's caption). A header repeated at the top of the new page is
dropped, recognised as one of the table's own header rows or by the header vocabulary (see
pdfstitch).

Cell texts are rebuilt from the glyph boxes (see pdflines), not from pdfplumber's text, so that a
line break says whether the source had a space, nothing or a paragraph end there.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from muniflow.model import LAYER_FORMAT, LAYER_SLOW, Cell, RawDocument, RawRow, RawTable, ReaderError
from muniflow.readers.base import CORRUPT_FILE, NO_TABLE_FOUND, fold_whitespace
from muniflow.readers.blame import raised_by_parser
from muniflow.readers.headerwords import vocabulary_breaks
from muniflow.readers.pdfbullets import drawn_bullets
from muniflow.readers.pdfcaption import band_paragraphs, text_area
from muniflow.readers.pdffootnotes import footnotes_top
from muniflow.readers.pdfgaps import on_grid
from muniflow.readers.pdfglue import LineCell, cell_text, wraps_at_end
from muniflow.readers.pdfgrid import merged_down, slot_ends
from muniflow.readers.pdflayer import out_of_time, read_layer
from muniflow.readers.pdflinebreaks import join_lines
from muniflow.readers.pdflines import (
    HYPHENS,
    CellIndex,
    Glyph,
    bucket_glyphs,
    char_glyphs,
    table_lines,
    turn_of,
)
from muniflow.readers.pdfobjects import fill_objects
from muniflow.readers.pdfrules import closing_rules, is_shading, join_dots, shading_within, straighten
from muniflow.readers.pdfscanpage import is_scanned_page, scan_image_share
from muniflow.readers.pdfsheets import Sheets
from muniflow.readers.pdfstitch import (
    COLUMN_TOLERANCE,
    Fragment,
    header_block_size,
    merge_fragments,
    seq_column,
    stitch_groups,
)
from muniflow.readers.pdfstrike import drop_struck
from muniflow.readers.pdftext import TextTable, text_tables
from muniflow.readers.pdfturn import turn_upright
from muniflow.readers.pdfunruled import tables_without_rules
from muniflow.readers.wordjoin import WordTest, rejoin_lines, written_words

# A border segment may stop a few points short of the line it meets (seen in LibreOffice exports).
_RULED = {"intersection_x_tolerance": 6, "intersection_y_tolerance": 6}


def _header_cell_text(cell: LineCell) -> Cell:
    """A header cell's text: the header vocabulary decides the line breaks it knows, then the
    geometry the rest, so a header word a narrow column cut into word-like pieces comes out whole."""
    if cell is None:
        return None
    return join_lines(cell, decided=vocabulary_breaks([line.text.rstrip() for line in cell]))


class PdfReader:
    """Reads a PDF's ruled tables; a table that runs over several pages comes out as one."""

    format = "pdf"

    def read(self, path: Path, budget: bool = True) -> RawDocument:
        """Parse the file and return its title and stitched tables; ReaderError when none or unreadable.
        `budget`: scanned pages are read from their layer for `text_layer.seconds_max` at most."""
        fragments, pages, closing, running, layered = _scan(path, budget)
        if not fragments:
            raise ReaderError(NO_TABLE_FOUND, f"{path.name}: no table on any of {pages} pages")
        groups = stitch_groups(fragments)
        tables = tuple(
            _cleaned(_table(group)) if any(f.page in layered for f in group) else _table(group)
            for group in groups
        )
        # a table cut from a scan's text layer is the scanner's OCR: each of its rows asks for a
        # review as a row read by OCR does (no confidence: the layer keeps none)
        unsure = tuple(
            (row.locator, (None,) * len(row.cells))
            for group, table in zip(groups, tables, strict=True)
            if any(f.page in layered for f in group)
            for row in table.rows
        )
        return RawDocument(
            source_file=str(path),
            format=LAYER_FORMAT if layered else self.format,
            title=tables[0].caption,
            tables=tables,
            pages=pages,
            cell_confidence=unsure,
            closing=closing,
            running=running,
        )


def _cleaned(table: RawTable) -> RawTable:
    """A table cut from a scan's text layer with OCR's usual slips put right, as a table read by OCR
    is (`ocr.clean`: «П квартал» for «II квартал», odd dashes and quotes; its № column put right from
    its order, `ocr_numbers.repair_sequence`): the layer is OCR too."""
    from muniflow.readers import ocr_numbers
    from muniflow.readers.ocr import clean  # OpenCV loads only where a scan was read

    def fix(cell: Cell) -> Cell:
        return None if cell is None else clean(cell)

    rows = tuple(replace(row, cells=tuple(fix(c) for c in row.cells)) for row in table.rows)
    seq = ocr_numbers.number_column([clean(h) for h in table.header])
    if seq is not None and rows:
        # a heading merged across the table (its text in the № column, the rest None) is no row
        column = [
            None if all(c is None for k, c in enumerate(r.cells) if k != seq) else r.cells[seq] for r in rows
        ]
        fixed = ocr_numbers.repair_sequence(column)
        rows = tuple(
            replace(r, cells=tuple(new if k == seq else c for k, c in enumerate(r.cells)))
            if read is not None and new != read
            else r
            for r, new, read in zip(rows, fixed, column, strict=True)
        )
    return replace(
        table, header=tuple(clean(h) for h in table.header), rows=rows, caption=clean(table.caption)
    )


def _rejoined(cell: LineCell, text: Cell, known: WordTest) -> Cell:
    """A body cell's text with its lines joined again where one ends in a hyphen, the words of
    `known` counting as words (the first reading's text elsewhere)."""
    if cell is None or not any(line.text[-1:] in HYPHENS for line in cell[:-1]):
        return text
    return join_lines(cell, is_word=known)


def _table(group: Sequence[Fragment]) -> RawTable:
    """Merge one group of page fragments into a RawTable, each cell's lines joined into its text.

    Header words a narrow column cut are joined by the header vocabulary in the header rows.
    """
    rows = merge_fragments(group)
    texts = [tuple(cell_text(c) for c in row.cells) for row in rows]
    # a line-end hyphen looked up again among the words the table writes whole elsewhere
    known = written_words(t for row in texts for t in row if t)
    texts = [
        tuple(_rejoined(c, t, known) for c, t in zip(row.cells, ts, strict=True))
        for row, ts in zip(rows, texts, strict=True)
    ]
    for i in range(header_block_size(texts, seq_column(group))):
        texts[i] = tuple(_header_cell_text(c) for c in rows[i].cells)
    header = tuple(c or "" for c in texts[0])
    body = tuple(
        RawRow(cells, row.locator, row.from_above, _open_above(cells) if row.open_top else frozenset())
        for cells, row in zip(texts[1:], rows[1:], strict=True)
    )
    first, last = group[0].page, group[-1].page
    locator = f"page {first}" if first == last else f"pages {first}-{last}"
    return RawTable(header=header, rows=body, locator=locator, caption=rejoin_lines(group[0].caption))


def _open_above(cells: Sequence[Cell]) -> frozenset[int]:
    """The slots of a row under no rule whose cell is there and empty (RawRow.open_above)."""
    return frozenset(i for i, text in enumerate(cells) if text is not None and not text.strip())


def _scan(path: Path, budget: bool = True) -> tuple[list[Fragment], int, str, str, frozenset[int]]:
    """Find every table on every page (one table-finder pass per page) with the text between them,
    the text after the last one, the running lines above the first table (`_title_apart`), and
    the scanned pages read from their text layer on their picture's rules (`pdflayer`). With
    `budget`, a file still reading scanned pages after `text_layer.seconds_max` is refused as
    LAYER_SLOW (read on where the time limit is per page: `intake.scan`)."""
    fragments: list[Fragment] = []
    pending: list[str] = []  # text since the previous table, over page breaks
    margins: list[tuple[int, str]] = []  # (page, text) above a page's first table and below its last
    grid: tuple[float, ...] = ()  # column edges of the last table inferred without rules
    heads: tuple[str, ...] = ()  # and its header lines, which a page's top may repeat
    labelled = False  # and whether its rows are labels (see pdflabelrows)
    settled = ""  # and how its cells stand in their rows, where not at the top (see pdfaligned)
    overleaf: tuple[tuple[float, float], ...] = ()  # and its last row's cells going on overleaf
    alone: tuple[int, TextTable, list[dict[str, Any]]] | None = None  # a header at a page's bottom
    share = scan_image_share()
    layered: set[int] = set()  # scanned pages read from their text layer (pdflayer)
    started = time.monotonic()  # a file of many scanned pages goes to OCR, timed per page (pdflayer)
    sheets = Sheets()  # printed two pages a sheet, as its first page with text says
    try:
        with pdfplumber.open(path) as pdf:
            pages = pdf.pages
            for opened in pages:
                try:
                    fill_objects(opened)
                    for page in sheets.pages(opened):  # two pages printed side by side: each in turn
                        tables: Sequence[Any]
                        every: list[Glyph] | None = None  # the page's chars as glyphs, once built
                        if is_scanned_page(page, share):
                            # its text layer on its picture's rules, where that is safe; else OCR
                            if budget and out_of_time(started):
                                raise ReaderError(
                                    LAYER_SLOW,
                                    f"{path.name}: page {page.page_number} is a scan read from its text "
                                    "layer after the time a text document has: read on in a worker timed "
                                    "per page",
                                )
                            layer, why = read_layer(path, page, bool(fragments))
                            if layer is None:
                                raise ReaderError(
                                    NO_TABLE_FOUND,
                                    f"{path.name}: page {page.page_number} is a scan (a picture with the "
                                    f"scanner's text layer) not read from its text layer ({why}): its table "
                                    "is read by OCR",
                                )
                            layered.add(page.page_number)
                            page, tables = layer.page, layer.tables
                        else:
                            turn_upright(page)
                            straighten(page)
                            drop_struck(page)  # deleted text a document shows struck through
                            drawn_bullets(page)  # a browser's list markers, drawn as shapes: «•»
                            every = char_glyphs(page.chars)  # built once, for both uses
                            ruled, ruling = _find_tables(page, grid)
                            tables = sorted(
                                tables_without_rules(
                                    ruling, ruled, grid, heads, labelled, settled, every, overleaf
                                ),
                                key=lambda t: (t.bbox[1], t.bbox[0]),
                            )
                        if tables and isinstance(tables[-1], TextTable):
                            grid, heads = _column_edges(tables[-1]), tables[-1].header_lines
                            labelled = tables[-1].labelled
                            settled = tables[-1].aligned
                        if not tables and page.page_number not in layered:  # a scan's table is ruled
                            tables = text_tables(page)
                        found = _page_fragments(page.page_number, page.chars, tables, every)
                        if tables and isinstance(tables[-1], TextTable):
                            overleaf = _going_on(tables[-1], found[-1])
                        if page is not opened and page.bbox[0]:  # a sheet's right page: its own grid
                            left = page.bbox[0]
                            found = [replace(f, columns=tuple(x - left for x in f.columns)) for f in found]
                        if alone is not None and tables and fragments:
                            fragments[-1] = _header_on_body(fragments[-1], alone, tables[0])
                        alone = None
                        if tables and isinstance(tables[-1], TextTable) and tables[-1].header_only:
                            alone = (page.page_number, tables[-1], list(page.chars))
                        tops = [t.bbox[1] for t in tables]
                        bottoms = [0.0, *(t.bbox[3] for t in tables)]
                        for fragment, top, bottom in zip(found, tops, bottoms[:-1], strict=True):
                            pending.append(_text_between(page, bottom, top))
                            if not bottom:
                                margins.append((page.page_number, pending[-1]))
                            fragments.append(replace(fragment, caption=_caption(pending)))
                            pending = []
                        foot = footnotes_top(page, bottoms[-1])
                        pending.append(
                            _text_between(page, bottoms[-1], page.height if foot is None else foot)
                        )
                        margins.append((page.page_number, pending[-1]))
                finally:
                    opened.close()  # drop the page's parsed objects so memory stays flat in page count
            count = len(pages)
    except (PdfminerException, PSException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        if not raised_by_parser(exc):
            raise  # a bug of ours, not a damaged file: the caller reports internal_error
        raise ReaderError(CORRUPT_FILE, f"{path.name}: not a readable PDF ({exc})") from exc
    running = _running_lines(margins)
    header = ""
    if running:
        fragments[1:] = [replace(f, caption=_without(f.caption, running)) for f in fragments[1:]]
        if fragments:
            title, header = _title_apart(fragments[0].caption, running)
            fragments[0] = replace(fragments[0], caption=title)
    closing = _without(_caption(pending), running) if pending else ""
    return [f for f in fragments if f.rows], count, closing, header, frozenset(layered)


def _title_apart(caption: str, running: frozenset[str]) -> tuple[str, str]:
    """The first table's caption (the title) and its running lines apart, when it has lines of its
    own: a page header or footer every page repeats (a browser's print header: the date, the page's
    <title>) is no part of a title typed above the table. A caption of running lines alone keeps
    them: the title typed in the page header, and nowhere else."""
    lines = caption.split("\n")
    own = [line for line in lines if _running_key(line) not in running]
    if not own:
        return caption, ""
    return "\n".join(own), "\n".join(line for line in lines if _running_key(line) in running)


def _header_on_body(
    fragment: Fragment, alone: tuple[int, TextTable, list[dict[str, Any]]], first: Any
) -> Fragment:
    """The fragment of a header left alone at the bottom of a page (inferred, no numbered row),
    read again on the columns of the next page's first table when that one opens with a numbered
    row (no header of its own) between the same edges: its body (see pdfgaps.on_grid); as it
    was otherwise."""
    page, table, chars = alone
    if not isinstance(first, TextTable) or not first.headless:
        return fragment
    if any(abs(a - b) > COLUMN_TOLERANCE for a, b in zip(table.bbox[::2], first.bbox[::2], strict=True)):
        return fragment
    redone = on_grid(chars, table, _column_edges(first))
    if redone is None:
        return fragment
    (again,) = _page_fragments(page, chars, [redone])
    return replace(fragment, columns=again.columns, rows=again.rows, ends=again.ends, above=again.above)


def _find_tables(page: Any, grid: Sequence[float] = ()) -> tuple[list[Any], Any]:
    """The page's ruled tables, a first or last row whose rule across is not drawn included, cell
    shading not taken for rules; with the page the tables without rules are looked for on. Where
    the shading is zebra rows and nothing is ruled without it, that is the page's text alone: the
    table is read by its text, and neither the bands nor a rule across (Word's «Light Shading»
    draws one under the header and one at the end) mark out regions of it (each band a table, the
    unshaded rows between them lost; the rows between two rules one row). So too where a single
    band's cells stand on the columns of the table read by its text on the page before (`grid`):
    the zebra table going on, one shaded row of it on this page."""
    join_dots(page)  # a dotted rule drawn dot by dot: one rule, which the finder then sees
    found = page
    shading = [rect for rect in page.rects if is_shading(rect)]
    if shading:
        ruled = page.filter(lambda obj: not is_shading(obj)).find_tables(_RULED)
        if not ruled and (_zebra(shading) or _on_columns(shading, grid)):
            return [], page.filter(lambda obj: obj.get("object_type") == "char")
        inner = {id(rect) for rect in shading_within(page.rects, [t.bbox for t in ruled])}
        if inner:
            found = page.filter(lambda obj: id(obj) not in inner)
    tables = found.find_tables(_RULED)
    rules = closing_rules(found.edges, [t.bbox for t in tables])
    return (found.find_tables({**_RULED, "explicit_horizontal_lines": rules}) if rules else tables), page


# An unshaded row between two shaded bands is at least this tall (points): a line of text.
_UNSHADED_ROW_MIN = 6


def _on_columns(shading: Sequence[dict[str, Any]], grid: Sequence[float]) -> bool:
    """Whether the shaded cells start at `grid`'s column edges, one at each (the same columns
    drawn on two pages differ by rounding; the right edge inferred from the text may fall short)."""
    if len(grid) < 3:
        return False
    lefts = {round(r["x0"], 1) for r in shading}
    matched = {i for x in lefts for i, g in enumerate(grid[:-1]) if abs(x - g) <= COLUMN_TOLERANCE}
    return len(matched) == len(grid) - 1 and all(
        any(abs(x - g) <= COLUMN_TOLERANCE for g in grid[:-1]) for x in lefts
    )


def _zebra(shading: Sequence[dict[str, Any]]) -> bool:
    """Whether a page's shading is zebra rows: bands across, each parted from the next by an
    unshaded row (Word's table drawn only by fills, every row filled, tiles its area: one band)."""
    bands = sorted({(round(r["top"]), round(r["bottom"])) for r in shading})
    merged: list[list[int]] = []
    for top, bottom in bands:
        if merged and top <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], bottom)
        else:
            merged.append([top, bottom])
    return len(merged) >= 2 and all(b[0] - a[1] >= _UNSHADED_ROW_MIN for a, b in pairwise(merged))


def _running_lines(margins: Sequence[tuple[int, str]]) -> frozenset[str]:
    """Lines a page header or footer repeats: the same line, its numbers aside («1/3», «2/3»;
    «Продолжение приложения 2 5»; a printing date), above the first table or below the last one
    on two or more pages. Between two tables they are no heading, so a table going on over a page
    break under a running header is still one table."""
    pages: dict[str, set[int]] = {}
    for page, text in margins:
        for line in text.split("\n"):
            if line.strip():
                pages.setdefault(_running_key(line), set()).add(page)
    return frozenset(line for line, seen in pages.items() if len(seen) > 1)


_NUMBERS = re.compile(r"\d+")


def _running_key(line: str) -> str:
    """A margin line as compared with the other pages': its numbers any."""
    return _NUMBERS.sub("#", fold_whitespace(line))


def _without(caption: str, lines: frozenset[str]) -> str:
    return "\n".join(x for x in caption.split("\n") if _running_key(x) not in lines)


def _text_between(page: Any, top: float, bottom: float) -> str:
    """The page's text in a horizontal band (between two tables, or a table and a page edge).

    A glyph belongs to the band by its centre: a line's box may reach over a table's border.
    Lines a long heading wrapped into come out as one paragraph (see pdfcaption). A glyph turned a
    quarter on a page read upright is a header cell's written upwards or downwards (a table drawn
    without rules, whose header the band holds), never a line of a heading: it is left out, so its
    letters («№» written upwards) do not cut into the heading's lines.
    """
    if bottom - top < 1:
        return ""

    chars = [c for c in page.chars if top <= (c["top"] + c["bottom"]) / 2 < bottom and not turn_of(c)]
    return band_paragraphs(chars, text_area(page))


_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?\s*$")


def _caption(parts: Sequence[str]) -> str:
    """The non-blank lines of the text between two tables, page numbers left out."""
    lines = (line for part in parts for line in part.split("\n"))
    return "\n".join(line for line in lines if line.strip() and not _PAGE_NUMBER.match(line))


def _page_fragments(
    page: int, chars: Sequence[dict[str, Any]], tables: Sequence[Any], every: Sequence[Glyph] | None = None
) -> list[Fragment]:
    """The page's tables with every cell's lines, its glyphs (`every`, if built already) sorted into
    cells in one pass."""
    if not tables:
        return []
    glyphs = char_glyphs(chars) if every is None else every
    buckets = bucket_glyphs(glyphs, [CellIndex(table.cells) for table in tables])
    fragments = []
    for i, (table, bucket) in enumerate(zip(tables, buckets, strict=True)):
        lines = table_lines(bucket)
        rows = tuple(
            tuple(None if box is None else lines.get(box, ()) for box in row.cells) for row in table.rows
        )
        columns = _column_edges(table)
        fragments.append(
            Fragment(
                page=page,
                columns=columns,
                rows=rows,
                first_on_page=i == 0,
                on_page=i,
                last_on_page=i == len(tables) - 1,
                ends=tuple(slot_ends(columns, row.cells, COLUMN_TOLERANCE) for row in table.rows),
                above=merged_down([row.cells for row in table.rows], COLUMN_TOLERANCE),
                open_rows=table.open_rows if isinstance(table, TextTable) else (),
            )
        )
    return fragments


def _going_on(table: TextTable, fragment: Fragment) -> tuple[tuple[float, float], ...]:
    """The x-ranges of the cells of a table's last row whose text goes on below it, overleaf (a
    last line ending with the space it wrapped at, see pdfglue.wraps_at_end)."""
    if not table.rows or not fragment.rows:
        return ()
    return tuple(
        (box[0], box[2])
        for box, cell in zip(table.rows[-1].cells, fragment.rows[-1], strict=False)
        if box is not None and wraps_at_end(cell)
    )


def _column_edges(table: Any) -> tuple[float, ...]:
    """Left edges of the grid columns and the table's right edge, from the cells' boxes."""
    lefts = sorted({round(cell[0], 1) for cell in table.cells})
    edges: list[float] = []
    for x in lefts:
        if not edges or x - edges[-1] > COLUMN_TOLERANCE:
            edges.append(x)
    return (*edges, round(table.bbox[2], 1))
