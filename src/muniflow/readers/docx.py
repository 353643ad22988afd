"""DOCX reader: walks the w:tbl XML itself so merged cells come out as None, not repeated."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from muniflow.model import Cell, RawDocument, RawRow, RawTable, ReaderError
from muniflow.normalize.text import SUBSCRIPT, SUPERSCRIPT, visible
from muniflow.readers.base import CORRUPT_FILE, NO_TABLE_FOUND
from muniflow.readers.blame import raised_by_parser
from muniflow.readers.docxchunks import ALTCHUNK, imported_blocks
from muniflow.readers.docxfields import follow_field, in_field_code
from muniflow.readers.docxlists import LIST_MARK, bullets, label_lists
from muniflow.readers.docxpackage import readable
from muniflow.readers.docxstyles import mark_hidden
from muniflow.readers.docxsymbols import symbol_text
from muniflow.readers.docxtabs import tab_table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

P, TBL, TR, TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
TXBX, SDT = _W + "txbxContent", _W + "sdt"
_VAL = _W + "val"

# Wrappers whose children are the content itself (content controls, custom XML, tracked insertions).
_TRANSPARENT = frozenset(_W + t for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"))

# Run-level elements that carry no visible cell text: properties, deleted or moved-away text, field
# instructions, markers, and drawings (text boxes are not part of the cell's flow text).
_INVISIBLE_TAGS = (
    "pPr rPr sdtPr sdtEndPr del moveFrom instrText delText delInstrText fldChar bookmarkStart bookmarkEnd"
    " proofErr commentRangeStart commentRangeEnd commentReference footnoteReference endnoteReference"
    " drawing pict object lastRenderedPageBreak permStart permEnd"
)
_INVISIBLE = frozenset([_MC + "AlternateContent", *(_W + tag for tag in _INVISIBLE_TAGS.split(" "))])
_RUN_TEXT = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_IGNORED_RUN_ITEMS = frozenset({_W + "softHyphen"})


class DocxReader:
    """Reads every body table of a .docx, each with the paragraphs above it as its caption.

    Tables inside content controls, custom XML and tracked insertions count as body tables;
    a table nested in a cell stays part of that cell's text, but for a frame: a table of one
    column whose cell holds a grid (a report laid inside a bordered box or a form's cell) is
    looked through, its cells' paragraphs and tables read as the body's. The title is the text
    before the first table, which is also that table's caption, then the first page's header. A
    section after the first whose page header differs from the one before it has that header's text
    at the head of its paragraphs (a report laid out a section per municipality, each named there).
    """

    format = "docx"

    def read(self, path: Path) -> RawDocument:
        """Parse the file and return its title and tables; ReaderError when none or unreadable."""
        document = _open_document(path)
        body = document.element.body
        title = ""
        above: list[str] = []  # non-blank paragraphs since the previous table
        tables: list[RawTable] = []
        headers = _section_headers(document)
        bulleted = bullets(document)
        section = 0
        blocks = list(_body_blocks(document, body))
        typed = _tab_typed(blocks)
        skip_to = 0
        for index, block in enumerate(blocks):
            if index < skip_to:
                continue  # a line of the table typed with tab stops read last
            typed_table = None
            if index in typed:
                locator = f"text table {len(tables) + 1}"
                typed_table, skip_to = _tab_table_at(blocks, typed, index, locator, "\n".join(above))
            if typed_table is not None or block.tag == TBL:
                caption = "\n".join(above)
                table = typed_table or _read_table(block, f"table {len(tables) + 1}", caption)
                if table is not None:
                    title = caption if not tables else title
                    tables.append(table)
                    above = []
            else:
                line = body_line(block, bulleted)
                if line.strip():
                    above.append(line)
                if block.find(f"{_W}pPr/{_W}sectPr") is not None and section + 1 < len(headers):
                    section += 1  # a section break: the next section's own page header heads its text
                    if headers[section] and headers[section] != headers[section - 1]:
                        above.append(headers[section])
        if not tables:
            raise ReaderError(NO_TABLE_FOUND, f"{path.name}: the document holds no table")
        running = _page_header_text(document)
        title = "\n".join(t for t in (title, running) if t)
        return RawDocument(
            source_file=str(path),
            format=self.format,
            title=title,
            tables=tuple(tables),
            closing="\n".join(above),
        )


def _tab_typed(blocks: Sequence[etree._Element]) -> dict[int, str]:
    """The text of each paragraph among `blocks` holding a tab, by its index (the candidates for a
    table typed with tab stops: readers/docxtabs.py)."""
    texts = {
        i: line_text(b) for i, b in enumerate(blocks) if b.tag == P and b.find(f".//{_W}tab") is not None
    }
    return {i: text for i, text in texts.items() if "\t" in text}


def _tab_table_at(
    blocks: Sequence[etree._Element], typed: dict[int, str], start: int, locator: str, caption: str
) -> tuple[RawTable | None, int]:
    """The table typed with tab stops whose header is paragraph `start`, and the index of the block
    after it (`start` + 1 and None when the paragraph heads none)."""
    lines: list[str] = []
    stops: list[tuple[str, ...]] = []
    for block in blocks[start:]:
        if block.tag != P:
            break  # a Word table ends the lines
        lines.append(typed.get(start + len(lines)) or line_text(block))
        stops.append(_tab_stops(block))
    found = tab_table(lines, stops, locator, caption)
    if found is None:
        return None, start
    table, end = found
    return table, start + end


def _tab_stops(paragraph: etree._Element) -> tuple[str, ...]:
    """Which tab stops a paragraph is set on: those set in its own properties (kind and position),
    or, where it sets none, its paragraph style's (a header line bold in a style of its own keeps
    its rows' stops)."""
    tabs = paragraph.findall(f"{_W}pPr/{_W}tabs/{_W}tab")
    if tabs:
        return tuple(f"{tab.get(_VAL, '')}@{tab.get(_W + 'pos', '')}" for tab in tabs)
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return ("style", style.get(_VAL, "") if style is not None else "")


def _body_blocks(document: Any, body: etree._Element) -> Iterator[etree._Element]:
    """The body's blocks as Word shows them: an imported part (altChunk) as its own blocks."""
    blocks = list(_blocks(body, frames=True, boxes=True))
    chunks = [block for block in blocks if block.tag == ALTCHUNK]
    imported = iter(imported_blocks(document, chunks, _open_document) if chunks else ())
    for block in blocks:
        if block.tag == ALTCHUNK:
            yield from next(imported)
        else:
            yield block


def _section_headers(document: Any) -> list[str]:
    """Each section's page header text, a section whose header is linked to the one before taking
    that one's (a report laid out a section per municipality names each in its own header)."""
    texts: list[str] = []
    for section in document.sections:
        header = section.header
        linked = header.is_linked_to_previous
        texts.append((texts[-1] if texts else "") if linked else _header_lines(document, header))
    return texts


def _header_lines(document: Any, header: Any) -> str:
    """The non-blank lines of a page header's paragraphs, its text boxes' included."""
    mark_hidden(document, header._element)
    lines = (line_text(block) for block in _blocks(header._element, boxes=True) if block.tag == P)
    return "\n".join(line for line in lines if line.strip())


def _page_header_text(document: Any) -> str:
    """The first page's header: a title (its quarter, its region) typed there and nowhere else."""
    section = document.sections[0]
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    if header.is_linked_to_previous:  # the first section has no header of its own: none at all
        return ""
    return _header_lines(document, header)


def _open_document(path: Path) -> Any:
    """Open the package with python-docx (mended first where Word would open it and python-docx
    would not: readers/docxpackage.py); library failures become corrupt_file."""
    try:
        document = docx.Document(readable(path) or str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        if not raised_by_parser(exc):
            raise  # a bug of ours, not a damaged file: the caller reports internal_error
        raise ReaderError(CORRUPT_FILE, f"{path.name}: not a readable DOCX ({exc})") from exc
    label_lists(document)  # Word's automatic list numbers («1.» in a № column) as text
    mark_hidden(document, document.element.body)  # text a style hides, hidden in its runs
    return document


def _blocks(parent: etree._Element, frames: bool = False, boxes: bool = False) -> Iterator[etree._Element]:
    """Yield the paragraphs and tables under a body or cell in order, looking through wrappers
    (and through frames, see DocxReader, when `frames`; after a paragraph, the paragraphs and
    tables of the text boxes anchored in it, and the w:altChunk imports, when `boxes`)."""
    for child in parent:
        if child.tag == TBL and frames and _is_frame(child):
            for tc in (tc for tr in _rows(child) for tc in _cells(tr)):
                yield from _blocks(tc, frames, boxes)
        elif child.tag in (P, TBL) or (boxes and child.tag == ALTCHUNK):
            yield child
            if boxes and child.tag == P:
                for box in _text_boxes(child):
                    yield from _blocks(box, frames, boxes)
        elif child.tag in _TRANSPARENT and not (child.tag == SDT and _placeholder(child)):
            yield from _blocks(child, frames, boxes)


def _text_boxes(element: etree._Element) -> Iterator[etree._Element]:
    """Yield the w:txbxContent of the text boxes drawn in a paragraph, each once: Word writes a box
    twice, as DrawingML (mc:Choice) and as VML (mc:Fallback), and the first choice is read."""
    for child in element:
        if child.tag == TXBX:
            yield child
        elif child.tag == _MC + "AlternateContent":
            chosen = child.find(_MC + "Choice")
            yield from _text_boxes(chosen if chosen is not None else child)
        elif isinstance(child.tag, str):
            yield from _text_boxes(child)


def _is_frame(tbl: etree._Element) -> bool:
    """A table laid around the report: of one column one of whose cells holds a grid of two rows
    and two columns or more; or of two columns at most (a letterhead's cell beside another, the
    content merged across below) one of whose cells holds a grid of more columns than it has."""
    cells = [list(_cells(tr)) for tr in _rows(tbl)]
    width = max((len(row) for row in cells), default=0)
    if not cells or width > 2:
        return False
    nested = [block for row in cells for cell in row for block in _blocks(cell) if block.tag == TBL]
    return any(_is_grid(table, wider_than=1 if width == 1 else width) for table in nested)


def _is_grid(tbl: etree._Element, wider_than: int = 1) -> bool:
    """Whether a table has two rows or more, one of them of more cells than `wider_than`."""
    rows = [sum(1 for _ in _cells(tr)) for tr in _rows(tbl)]
    return len(rows) >= 2 and max(rows) > wider_than


# A body paragraph Word bullets is written with LIST_MARK (a letter's items: readers/listed.py); its
# numbers are in the text already, as are a cell's bullets (`label_lists`).


def body_line(paragraph: etree._Element, bulleted: Callable[[etree._Element], bool]) -> str:
    """A body paragraph's text as Word shows it: with `LIST_MARK` where Word draws a bullet."""
    text = line_text(paragraph)
    return LIST_MARK + text if text.strip() and bulleted(paragraph) else text


def line_text(paragraph: etree._Element) -> str:
    """A paragraph out of the tables (a title, a heading, a caption, a page header) as its lines
    are read: without the invisible characters (`normalize.text.visible`) an editor leaves there
    («Город N\u200b»), which cell text loses when it is folded (cells come as written)."""
    return visible(paragraph_text(paragraph))


def paragraph_text(paragraph: etree._Element) -> str:
    """Return a paragraph's visible text: w:t, tabs, breaks; inserted text in, deleted and hidden
    text and field codes out."""
    parts: list[str] = []
    _collect_runs(paragraph, parts, [])
    return "".join(parts)


def _collect_runs(element: etree._Element, parts: list[str], fields: list[str]) -> None:
    """Append the visible text below element to parts in document order; `fields` holds the part
    of each field open there (readers/docxfields.py): a field's code is not shown."""
    for child in element:
        tag = child.tag
        if tag in _SHOWN:
            if not in_field_code(fields):
                parts.append(_shown(child, tag))
        elif tag == _W + "fldChar":
            follow_field(child, fields)
        elif tag in _INVISIBLE or tag in _IGNORED_RUN_ITEMS or not isinstance(tag, str):
            continue  # not isinstance: comments and processing instructions
        elif (tag == _W + "r" and _hidden(child)) or (tag == SDT and _placeholder(child)):
            for mark in child.iter(_W + "fldChar"):  # a hidden field's marks still open and close it
                follow_field(mark, fields)
        elif tag == _W + "r" and (shift := _shifted(child)) is not None:
            run: list[str] = []
            _collect_runs(child, run, fields)
            parts.append("".join(run).translate(shift))
        else:
            _collect_runs(child, parts, fields)


_SHOWN = frozenset({_W + "t", _W + "sym", *_RUN_TEXT})


def _shown(item: etree._Element, tag: str) -> str:
    """The text a run's item shows: a w:t's text, a tab or break, a symbol font's glyph."""
    if tag == _W + "t":
        return item.text or ""
    if tag == _W + "sym":  # Insert > Symbol: a symbol font's glyph
        return symbol_text(item.get(_W + "font"), item.get(_W + "char"))
    return _RUN_TEXT[tag]


# Word's Superscript and Subscript (Font > Effects: w:vertAlign).
_SHIFTS = {"superscript": SUPERSCRIPT, "subscript": SUBSCRIPT}


# Half-points a run is raised or lowered by (Font > Advanced > Position: w:position) to be a
# superscript or subscript: LibreOffice writes an HTML page's <sup> so (7, with a smaller size),
# not as w:vertAlign; a baseline nudged by a point or less is no mark.
_RAISED = 3


def _shifted(run: etree._Element) -> dict[int, int] | None:
    """The translation of a superscript or subscript run's digits (`normalize.text.SUPERSCRIPT`);
    None for any other run."""
    props = run.find(_W + "rPr")
    if props is None:
        return None
    align = props.find(_W + "vertAlign")
    if align is not None:
        return _SHIFTS.get(align.get(_VAL, ""))
    position = props.find(_W + "position")
    raised = position.get(_VAL, "0") if position is not None else "0"
    shift = int(raised) if raised.lstrip("-").isdigit() else 0
    return SUPERSCRIPT if shift >= _RAISED else SUBSCRIPT if shift <= -_RAISED else None


def _hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (Word's Font > Hidden: w:vanish), which Word neither shows
    nor prints unless asked to."""
    props = run.find(_W + "rPr")
    for name in ("vanish", "specVanish"):
        mark = props.find(_W + name) if props is not None else None
        if mark is not None and mark.get(_VAL, "true").lower() not in ("false", "0", "off"):
            return True
    return False


def _placeholder(sdt: etree._Element) -> bool:
    """A content control nobody filled in: it shows its prompt («Место для ввода текста.»), which
    Word greys out and which is no part of the text (w:showingPlcHdr)."""
    props = sdt.find(_W + "sdtPr")
    mark = props.find(_W + "showingPlcHdr") if props is not None else None
    return mark is not None and mark.get(_VAL, "true").lower() not in ("false", "0", "off")


def _cell_text(tc: etree._Element) -> str:
    """Return a cell's paragraphs as lines, with any nested table's cell texts appended in order."""
    lines: list[str] = []
    for block in _blocks(tc):
        if block.tag == P:
            lines.append(paragraph_text(block))
        else:
            lines.extend(text for row, _ in _grid_rows(block) for text in row if text)
    return "\n".join(lines)


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    """Yield a table's w:tr elements, looking through content controls and skipping deleted rows."""
    for child in tbl:
        if child.tag == TR:
            tr_pr = child.find(_W + "trPr")
            if tr_pr is None or tr_pr.find(_W + "del") is None:
                yield child
        elif child.tag in _TRANSPARENT:
            yield from _rows(child)


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    """Yield a row's w:tc elements, looking through cell-level content controls."""
    for child in tr:
        if child.tag == TC:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _cells(child)


def _int_prop(parent: etree._Element | None, name: str, default: int) -> int:
    """Read an integer w:val property such as gridSpan or gridBefore."""
    node = parent.find(_W + name) if parent is not None else None
    value = node.get(_VAL) if node is not None else None
    return int(value) if value is not None and value.isdigit() else default


def _grid_rows(tbl: etree._Element) -> list[tuple[list[Cell], frozenset[int]]]:
    """Lay a table's rows on its column grid: text in a merge's first cell, None where it covers;
    with each row the grid columns a vertical merge from the row above covers."""
    rows: list[tuple[list[Cell], frozenset[int]]] = []
    merged_above: set[int] = set()  # grid columns where a vertical merge is open
    for tr in _rows(tbl):
        from_above: set[int] = set()
        tr_pr = tr.find(_W + "trPr")
        row: list[Cell] = [""] * _int_prop(tr_pr, "gridBefore", 0)
        merged_here: set[int] = set()
        for tc in _cells(tr):
            tc_pr = tc.find(_W + "tcPr")
            span = max(1, _int_prop(tc_pr, "gridSpan", 1))
            v_merge = tc_pr.find(_W + "vMerge") if tc_pr is not None else None
            col = len(row)
            if v_merge is not None:
                merged_here.add(col)
            if v_merge is not None and v_merge.get(_VAL, "continue") == "continue" and col in merged_above:
                row.extend([None] * span)
                from_above.update(range(col, col + span))
            else:
                row.append(_cell_text(tc))
                row.extend([None] * (span - 1))
        row.extend([""] * _int_prop(tr_pr, "gridAfter", 0))
        rows.append((row, frozenset(from_above)))
        merged_above = merged_here
    return rows


def _read_table(tbl: etree._Element, locator: str, caption: str = "") -> RawTable | None:
    """Build a RawTable from a w:tbl: first row as header, every row padded to the grid width."""
    rows = _grid_rows(tbl)
    if not rows:
        return None
    grid = tbl.find(_W + "tblGrid")
    grid_cols = grid.findall(_W + "gridCol") if grid is not None else []
    width = max([len(grid_cols), *(len(r) for r, _ in rows)])
    padded = [(row + [""] * (width - len(row)), above) for row, above in rows]
    for k in reversed([i for i, col in enumerate(grid_cols) if 0 <= _twips(col) <= SLIVER_TWIPS]):
        padded = _sliver_joined(padded, k)
    header = tuple(text or "" for text in padded[0][0])
    body = tuple(
        RawRow(tuple(cells), f"{locator}, row {i}", above)
        for i, (cells, above) in enumerate(padded[1:], start=2)
    )
    return RawTable(header=header, rows=body, locator=locator, caption=caption)


# A grid column this narrow (twips; 20 = 0.35 mm) is a converter's sliver: a cell boundary a twip
# off between rows (LibreOffice from an RTF), no column a clerk drew.
SLIVER_TWIPS = 20


def _twips(col: etree._Element) -> int:
    value = col.get(_W + "w")
    return int(value) if value is not None and value.isdigit() else -1


def _sliver_joined(
    rows: list[tuple[list[Cell], frozenset[int]]], k: int
) -> list[tuple[list[Cell], frozenset[int]]]:
    """The rows with sliver column k joined to the neighbour whose cells it never shares a row's
    text with (the right one first): a header cell ending on the sliver and a body cell starting
    after it are one column."""
    for j in (k + 1, k - 1):
        if 0 <= j < len(rows[0][0]) and not any(_text_in(row[k]) and _text_in(row[j]) for row, _ in rows):
            return [_joined_row(row, above, k, j) for row, above in rows]
    return rows


def _text_in(cell: Cell) -> bool:
    return bool(cell and cell.strip())


def _joined_row(row: list[Cell], above: frozenset[int], k: int, j: int) -> tuple[list[Cell], frozenset[int]]:
    a, b = row[k], row[j]
    value = b if _text_in(b) else a if _text_in(a) else (None if a is None and b is None else "")
    out = list(row)
    out[j] = value
    del out[k]
    moved = {c - (c > k) for c in above if c != k} | ({j - (j > k)} if k in above and j in above else set())
    return out, frozenset(moved)
