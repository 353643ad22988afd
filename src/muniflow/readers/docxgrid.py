"""A DOCX table laid on its column grid (`read_table`): text in a merge's first cell, None where a
horizontal or vertical merge covers, deleted rows out, converters' sliver columns joined; and the
paragraphs and tables under a body or cell in order (`blocks_of`), through wrappers, frames and
text boxes."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from muniflow.model import Cell, RawRow, RawTable
from muniflow.readers.docxchunks import ALTCHUNK
from muniflow.readers.docxtext import (
    MC,
    SDT,
    TBL,
    TC,
    TR,
    TRANSPARENT,
    TXBX,
    VAL,
    P,
    W,
    paragraph_text,
    placeholder,
)


def blocks_of(parent: etree._Element, frames: bool = False, boxes: bool = False) -> Iterator[etree._Element]:
    """Yield the paragraphs and tables under a body or cell in order, looking through wrappers
    (and through frames, see DocxReader, when `frames`; after a paragraph, the paragraphs and
    tables of the text boxes anchored in it, and the w:altChunk imports, when `boxes`)."""
    for child in parent:
        if child.tag == TBL and frames and _is_frame(child):
            for tc in (tc for tr in _rows(child) for tc in _cells(tr)):
                yield from blocks_of(tc, frames, boxes)
        elif child.tag in (P, TBL) or (boxes and child.tag == ALTCHUNK):
            yield child
            if boxes and child.tag == P:
                for box in _text_boxes(child):
                    yield from blocks_of(box, frames, boxes)
        elif child.tag in TRANSPARENT and not (child.tag == SDT and placeholder(child)):
            yield from blocks_of(child, frames, boxes)


def _text_boxes(element: etree._Element) -> Iterator[etree._Element]:
    """Yield the w:txbxContent of the text boxes drawn in a paragraph, each once: Word writes a box
    twice, as DrawingML (mc:Choice) and as VML (mc:Fallback), and the first choice is read."""
    for child in element:
        if child.tag == TXBX:
            yield child
        elif child.tag == MC + "AlternateContent":
            chosen = child.find(MC + "Choice")
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
    nested = [block for row in cells for cell in row for block in blocks_of(cell) if block.tag == TBL]
    return any(_is_grid(table, wider_than=1 if width == 1 else width) for table in nested)


def _is_grid(tbl: etree._Element, wider_than: int = 1) -> bool:
    """Whether a table has two rows or more, one of them of more cells than `wider_than`."""
    rows = [sum(1 for _ in _cells(tr)) for tr in _rows(tbl)]
    return len(rows) >= 2 and max(rows) > wider_than


def _cell_text(tc: etree._Element) -> str:
    """Return a cell's paragraphs as lines, with any nested table's cell texts appended in order."""
    lines: list[str] = []
    for block in blocks_of(tc):
        if block.tag == P:
            lines.append(paragraph_text(block))
        else:
            lines.extend(text for row, _ in _grid_rows(block) for text in row if text)
    return "\n".join(lines)


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    """Yield a table's w:tr elements, looking through content controls and skipping deleted rows."""
    for child in tbl:
        if child.tag == TR:
            tr_pr = child.find(W + "trPr")
            if tr_pr is None or tr_pr.find(W + "del") is None:
                yield child
        elif child.tag in TRANSPARENT:
            yield from _rows(child)


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    """Yield a row's w:tc elements, looking through cell-level content controls."""
    for child in tr:
        if child.tag == TC:
            yield child
        elif child.tag in TRANSPARENT:
            yield from _cells(child)


def _int_prop(parent: etree._Element | None, name: str, default: int) -> int:
    """Read an integer w:val property such as gridSpan or gridBefore."""
    node = parent.find(W + name) if parent is not None else None
    value = node.get(VAL) if node is not None else None
    return int(value) if value is not None and value.isdigit() else default


def _grid_rows(tbl: etree._Element) -> list[tuple[list[Cell], frozenset[int]]]:
    """Lay a table's rows on its column grid: text in a merge's first cell, None where it covers;
    with each row the grid columns a vertical merge from the row above covers."""
    rows: list[tuple[list[Cell], frozenset[int]]] = []
    merged_above: set[int] = set()  # grid columns where a vertical merge is open
    for tr in _rows(tbl):
        from_above: set[int] = set()
        tr_pr = tr.find(W + "trPr")
        row: list[Cell] = [""] * _int_prop(tr_pr, "gridBefore", 0)
        merged_here: set[int] = set()
        for tc in _cells(tr):
            tc_pr = tc.find(W + "tcPr")
            span = max(1, _int_prop(tc_pr, "gridSpan", 1))
            v_merge = tc_pr.find(W + "vMerge") if tc_pr is not None else None
            col = len(row)
            if v_merge is not None:
                merged_here.add(col)
            if v_merge is not None and v_merge.get(VAL, "continue") == "continue" and col in merged_above:
                row.extend([None] * span)
                from_above.update(range(col, col + span))
            else:
                row.append(_cell_text(tc))
                row.extend([None] * (span - 1))
        row.extend([""] * _int_prop(tr_pr, "gridAfter", 0))
        rows.append((row, frozenset(from_above)))
        merged_above = merged_here
    return rows


def read_table(tbl: etree._Element, locator: str, caption: str = "") -> RawTable | None:
    """Build a RawTable from a w:tbl: first row as header, every row padded to the grid width."""
    rows = _grid_rows(tbl)
    if not rows:
        return None
    grid = tbl.find(W + "tblGrid")
    grid_cols = grid.findall(W + "gridCol") if grid is not None else []
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
    value = col.get(W + "w")
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
