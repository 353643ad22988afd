"""A scan's pages gathered into one report (`to_document`): each table's rows across pages, a header
repeated on later pages dropped, a row cut by a page break glued back, a heading above a page's
rows going on; its cells cleaned (ocr_clean) and its № column put right."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import numpy as np

from muniflow.interpret.municipality import municipality_name
from muniflow.interpret.nil import nil_letter
from muniflow.model import RawDocument, RawRow, RawTable, ReaderError
from muniflow.normalize.dates import parse_dates
from muniflow.normalize.text import seq_number
from muniflow.readers import ocr_fringe, ocr_numbers, ocr_rowhead, ocr_seqcell
from muniflow.readers.headerwords import is_header_like
from muniflow.readers.ocr_cells import CellText
from muniflow.readers.ocr_clean import clean
from muniflow.readers.ocr_settings import settings

if TYPE_CHECKING:
    from muniflow.readers.ocr import Page


@dataclass
class _Table:
    """One table as it is gathered across pages: its header, its rows with their places, the text
    above it (after the title), the pages it spans."""

    header: list[CellText]
    rows: list[tuple[list[CellText], str]]
    caption: str
    first: int
    last: int
    headers: list[str] = field(default_factory=list)  # its header's text and header-like rows'


def to_document(
    source: str, format: str, pages: list[Page]
) -> tuple[RawDocument, tuple[tuple[str, tuple[float | None, ...]], ...]]:
    """One report from its pages: the title above the first table; each table's rows across pages
    (header repeated on later pages dropped, a row cut by a page break glued back). A page's first
    table continues the table before it when it has as many columns; a table further down a page,
    or one with another number of columns, is a table of its own with the text above it as its
    caption (a summary or a table of contents above the events table, as in a DOCX). Columns found
    from the gutters may be fewer on one page than on the next, so such a page's first table goes
    on with the table before it whatever its count. Pages with no table at all are a letter: a nil
    report (`interpret.nil.nil_letter`) is its text with no table, else refused with its text."""
    title = clean(pages[0].above) if pages else ""
    limit = settings().repeated_header_similarity
    tables: list[_Table] = []
    overleaf = ""  # the text under the last table of the page before
    for number, page in enumerate(pages, start=1):
        for k, part in enumerate(page.tables()):
            current = tables[-1] if tables else None
            body = _without_empty_columns(part.rows, len(current.header) if current else None)
            heading = None  # a municipality's heading above this part's rows going on the table before
            place = f"page {number}, row" if k == 0 else f"page {number}, table {k + 1}, row"
            other_columns = part.ruled and len(body[0]) != len(current.header) if current else True
            if current is None or k > 0 or other_columns:
                caption = clean(part.above) if current is not None else ""
                current = _Table(body[0], [], caption, number, number, [_wordy(body[0])])
                tables.append(current)
                body = body[1:]
            else:
                heading = _heading_above(f"{overleaf}\n{part.above}", len(current.header))
                rest = ocr_rowhead.under_header(body[0], current.header, limit)
                if rest is not None and any((c.text or "").strip() for c in rest):
                    body = [rest, *body[1:]]  # the header repeated over a cut row's rest, one row read
                elif rest is not None or _same_row(body[0], current.header):
                    body = body[1:]
            current.last = number
            # before a page's first row is glued to the row a page break cut: a repeat of the header
            kept = [
                (i, row) for i, row in enumerate(body) if not _repeated_header(row, current.headers, limit)
            ]
            # a municipality's heading above the rows going on, unless the first goes on the row the
            # page break cut (then the line is a running header or a letterhead, no heading)
            if heading is not None and not (kept and current.rows and _continues(kept[0][1])):
                current.rows.append((heading, f"page {number}, above the table"))
            for k, (index, row) in enumerate(kept):
                if k == 0 and current.rows and _continues(row):
                    current.rows[-1] = (_glue(current.rows[-1][0], row), current.rows[-1][1])
                else:
                    current.rows.append((row, f"{place} {index + 1}"))
        overleaf = page.after if page.tables() else ""
    if not tables:
        # a letter as a picture: its OCR'd text, read as a text reader reads a letter with no table
        text = "\n".join(clean(page.above) for page in pages if page.above.strip())
        letter = RawDocument(source, format, text, (), pages=len(pages))
        if nil_letter(letter) is not None:  # a nil report: no events held
            return letter, ()
        raise ReaderError(
            "no_table_found",
            "no ruled table was found on the scanned pages (OCR reads tables by their ruling lines, "
            "or by the rules between their rows or their frame); ask for the report as .docx or a "
            "text PDF, or scan it again whole and straight at 200-300 dpi",
            text,  # its title still says whose report it is and for when
            format,
        )
    built = [_raw_table(t) for t in tables]
    document = RawDocument(source, format, title, tuple(raw for raw, _ in built), pages=len(pages))
    return document, tuple(c for _, confidence in built for c in confidence)


def _without_empty_columns(rows: list[list[CellText]], width: int | None) -> list[list[CellText]]:
    """A part's rows without the columns no row (its header included) writes in of its own: a
    stroke beside the table (a punched hole's shadow, the scanner's dark edge) taken for a column
    line makes one, and so does a gap between a column's lines that start at two places (an
    unruled table read by where its words stand): there a row's text starts the column and spans
    the next, and goes to the next. Left as they are where the part goes on a table (`width`: its
    columns) as wide as it is: a column may be blank in the few rows a page holds."""
    columns = max((len(r) for r in rows), default=0)
    empty = {j for j in range(columns) if all(_none_of_its_own(r, j) for r in rows)}
    if not empty or len(empty) == columns or width == columns:
        return rows
    if width is not None and columns - len(empty) != width:
        return rows
    out = []
    for row in rows:
        kept: list[CellText] = []
        carried: CellText | None = None  # a dropped column's text spanning the next
        for j, cell in enumerate(row):
            if j in empty:
                carried = cell if (cell.text or "").strip() else carried
                continue
            kept.append(carried if carried is not None and cell.text is None else cell)
            carried = None
        out.append(kept)
    return out


def _none_of_its_own(row: list[CellText], j: int) -> bool:
    """Whether column j of a row holds no text of its own: blank, covered by a cell to its left, or
    the start of a cell spanning the next column (its text that one's)."""
    if j >= len(row) or not (row[j].text or "").strip():
        return True
    return j + 1 < len(row) and row[j + 1].text is None


# A line of words (a page number, «- 2 -», holds none).
_WORDS = re.compile(r"[^\W\d_]{2,}")


def _heading_above(above: str, width: int) -> list[CellText] | None:
    """The text between a table at a page's end and its going on overleaf (under the one, above
    the other) as a heading row across it: a heading between two municipalities' parts of one
    table (each section a table of its own, the same columns), which the rows under it belong
    to: the last line there that names a municipality; None where none does."""
    lines = [
        ocr_fringe.without_fringe(line.strip()) for line in clean(above).split("\n") if _WORDS.search(line)
    ]
    named = [line for line in lines if municipality_name(line) is not None]
    if not named:
        return None  # a running footer or header, a page's title: no heading
    return [CellText(named[-1], None), *[CellText(None, None)] * (width - 1)]


def _across(cells: list[str | None], seq: int) -> bool:
    """Whether a row is one cell merged across the table (every cell but the № column's None)."""
    others = [c for i, c in enumerate(cells) if i != seq]
    return bool(others) and cells[seq] is not None and all(c is None for c in others)


def _raw_table(table: _Table) -> tuple[RawTable, tuple[tuple[str, tuple[float | None, ...]], ...]]:
    """A gathered table's cells cleaned, column numbers and the № column put right, a heading
    across the table read without the OCR fringe round its municipality's name (ocr_fringe)."""
    header, rows = table.header, table.rows
    width = len(header)
    texts = [[_text(c) for c in _fit(r, width)] for r, _ in rows]
    texts = [ocr_numbers.column_numbers(t) or t for t in texts]
    labels = [clean(c.text or "") for c in header]
    seq = ocr_numbers.number_column(labels)
    if seq is None:  # «№» or «N» read as another letter («М»): a short label over the rows' numbers
        limits = ocr_seqcell.settings()
        seq = ocr_numbers.numbered_column(labels, texts, limits.label_max, limits.numbered_share_min)
        if seq is not None:
            labels[seq] = "№"
    if seq is not None:
        # a row merged across the table (a heading whose text stands in the № column) is no row
        # of the sequence: its text is never taken for a misread number
        column = [None if _across(t, seq) else t[seq] for t in texts]
        for cells in texts:  # a heading's OCR fringe round its municipality's name
            heading = cells[seq]
            if heading and _across(cells, seq):
                cells[seq] = ocr_fringe.without_fringe(heading)
        for cells, fixed, read in zip(texts, ocr_numbers.repair_sequence(column), column, strict=True):
            if read is not None:
                cells[seq] = fixed
    raw_rows = tuple(RawRow(tuple(t), loc) for t, (_, loc) in zip(texts, rows, strict=True))
    confidence = tuple((loc, tuple(c.conf for c in _fit(r, width))) for r, loc in rows)
    locator = f"pages {table.first}-{table.last}"
    return RawTable(tuple(labels), raw_rows, locator, table.caption), confidence


def _repeated_header(row: list[CellText], seen: list[str], limit: float) -> bool:
    """Whether a row is a header repeated inside the table (a page's or a section's): its cells
    other than a number read like the table's first row's or an earlier header-like row's (header
    words in most cells: `seen`, which a header-like row is added to), by at least `limit`, and it
    has no number or reads as a header itself (its № misread as a number: «№» read «2,»). OCR reads
    each repeat a little differently, so it is no exact repeat; an event's row has its number and
    its own text, and is never compared with another event's."""
    cells = [clean(c.text or "") for c in row]
    words = [c for c in cells if c.strip() and seq_number(c) is None]
    if len(words) < 2:
        return False
    text = _wordy(row)
    numbered = len(words) < sum(1 for c in cells if c.strip())
    # a header names its columns and dates no day: a row with a day's date is an event's, though
    # its cells carry header words («3 сентября 2025 года», «Представители … делегация»)
    header_like = is_header_like(words) and not any(parse_dates(c, None).start for c in words)
    if (not numbered or header_like) and any(_repeats(text, s, limit) for s in seen):
        return True
    if header_like:
        seen.append(text)
    return False


def _repeats(text: str, seen: str, limit: float) -> bool:
    """Whether a row's text reads like a header row seen before, whole or its beginning: a header
    repeated on a later page may be drawn cut short (the writer clips a repeated header's merged
    cells to one line: «… | мероприятия (общее» for «… | мероприятия (общее количество, …)»)."""
    if SequenceMatcher(None, text, seen).ratio() >= limit:
        return True
    return len(text) < len(seen) and SequenceMatcher(None, text, seen[: len(text)]).ratio() >= limit


def _wordy(row: list[CellText]) -> str:
    """A row's text with number cells left out, whitespace folded, for comparing rows."""
    cells = [clean(c.text or "") for c in row]
    return " | ".join(" ".join(c.split()) for c in cells if c.strip() and seq_number(c) is None)


def _text(cell: CellText) -> str | None:
    return None if cell.text is None else clean(cell.text)


def _fit(row: list[CellText], width: int) -> list[CellText]:
    return (row + [CellText("", None)] * width)[:width]


def _same_row(a: list[CellText], b: list[CellText]) -> bool:
    left = " ".join(c.text or "" for c in a)
    right = " ".join(c.text or "" for c in b)
    return SequenceMatcher(None, left, right).ratio() > 0.8


def _continues(row: list[CellText]) -> bool:
    """A row cut by a page break goes on with an empty № cell and text in another; so does one
    whose № cell holds marks only (a speck read as «:») where its first text goes on a sentence
    (opens in lower case or with a closing quote): a new row's № misread so opens with a capital."""
    if not row or not any((c.text or "").strip() for c in row[1:]):
        return False
    number = (row[0].text or "").strip()
    if not number:
        return True
    first = next((c.text or "" for c in row[1:] if (c.text or "").strip()), "").lstrip()
    return not _LETTER_OR_DIGIT.search(number) and bool(_GOES_ON.match(first))


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_GOES_ON = re.compile(r"[а-яё»)]")


def _glue(upper: list[CellText], lower: list[CellText]) -> list[CellText]:
    out = []
    for up, down in zip(upper, lower, strict=False):
        if not (down.text or "").strip():
            out.append(up)
        elif up.text is None or not up.text.strip():
            out.append(down)
        else:
            confs = [c for c in (up.conf, down.conf) if c is not None]
            out.append(CellText(f"{up.text}\n{down.text}", float(np.mean(confs)) if confs else None))
    return out
