"""Two pages printed side by side on one landscape sheet are read as two pages, left then right."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from badfiles import pdf_file, stream

from muniflow.readers.pdf import PdfReader
from muniflow.readers.pdfsheets import Sheets

SHEET = (792, 612)
HEADER = ("No", "Event", "Place")
WIDTHS = (30, 150, 110)
HEIGHT = 24


def _grid(left: float, top: float, rows: list[tuple[str, ...]]) -> list[bytes]:
    """A ruled table (stroked rules, Helvetica text) with its top left corner at (left, top)."""
    right = left + sum(WIDTHS)
    bottom = top - HEIGHT * len(rows)
    ops = [
        b"%.1f %.1f m %.1f %.1f l S" % (left, top - r * HEIGHT, right, top - r * HEIGHT)
        for r in range(len(rows) + 1)
    ]
    x = left
    for width in (0, *WIDTHS):
        x += width
        ops.append(b"%.1f %.1f m %.1f %.1f l S" % (x, top, x, bottom))
    for r, row in enumerate(rows):
        x = left
        for width, text in zip(WIDTHS, row, strict=True):
            ops.append(
                b"BT /F1 9 Tf %.1f %.1f Td (%s) Tj ET"
                % (x + 4, top - r * HEIGHT - 15, text.encode("latin-1"))
            )
            x += width
    return ops


def _sheet_ops(margin: float, shift: float = 0.0) -> list[bytes]:
    """The left page: a title over a table of three events; the right page: the table going on,
    drawn higher than the left page's title ends (its page has no title). Each page's text starts
    `margin` from its half's left edge, as a print of two pages a sheet lays them; `shift` moves
    the right page's further right (no page then: a table's column beyond a gap)."""
    half = SHEET[0] / 2
    left_x = margin
    right_x = half + margin + shift
    rows_left = [
        HEADER,
        ("1", "Delegation visit", "Town hall"),
        ("2", "Forum of twin towns", "Library"),
        ("3", "Concert", "Park"),
    ]
    rows_right = [
        HEADER,
        ("4", "Chess tournament", "School"),
        ("5", "Film festival", "Cinema"),
        ("6", "Youth camp", "Lake shore"),
    ]
    return [
        b"BT /F1 11 Tf %.1f 560 Td (Quarterly report on the events of the district) Tj ET" % left_x,
        b"BT /F1 11 Tf %.1f 545 Td (for the second quarter of the year) Tj ET" % left_x,
        *_grid(left_x, 530, rows_left),
        *_grid(right_x, 575, rows_right),
    ]


def _pdf(path: Path, *pages: list[bytes]) -> Path:
    """A PDF of landscape pages, each drawn by its content operators."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, ops in enumerate(pages):
        resources = b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R" % (5 + 2 * i)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] %s >>" % (*SHEET, resources))
        objects.append(stream(b"\n".join(ops)))
    path.write_bytes(pdf_file(objects))
    return path


def _sheet(path: Path, margin: float) -> Path:
    return _pdf(path, _sheet_ops(margin))


@pytest.mark.parametrize("margin", [40.0, 90.0])
def test_two_pages_on_one_sheet_read_title_then_rows_left_to_right(tmp_path: Path, margin: float) -> None:
    """The title typed above the left page's table is the title, though the right page's table
    stands beside it, and the rows come left page first (read as one page, no text stood above
    the page's first table: the title, and with it the region and quarter, were lost)."""
    doc = PdfReader().read(_sheet(tmp_path / "sheet.pdf", margin))
    assert "Quarterly report on the events of the district" in doc.title
    numbers = [row.cells[0] for table in doc.tables for row in table.rows]
    assert numbers == ["1", "2", "3", "4", "5", "6"]


def _halves(path: Path) -> list[int]:
    with pdfplumber.open(path) as pdf:
        sheets = Sheets()
        return [len(sheets.pages(page)) for page in pdf.pages]


def test_text_starting_elsewhere_beyond_a_gutter_is_no_second_page(tmp_path: Path) -> None:
    """A gap near the middle with text beyond it that starts elsewhere in its half than the text
    before it does in its own: a table's column beyond a wide gap, not a page laid beside one."""
    assert _halves(_pdf(tmp_path / "sheet.pdf", _sheet_ops(40.0))) == [2]
    assert _halves(_pdf(tmp_path / "table.pdf", _sheet_ops(40.0, shift=60.0))) == [1]


def test_a_document_whose_first_page_is_whole_keeps_every_page_whole(tmp_path: Path) -> None:
    """A title across the first page: no print of two pages a sheet, so a later page with a gutter
    in its middle (a landscape table without rules) is not cut in two."""
    title = [b"BT /F1 11 Tf 40 560 Td (%s) Tj ET" % (b"Quarterly report on the events of the district " * 3)]
    path = _pdf(tmp_path / "doc.pdf", title, _sheet_ops(40.0))
    assert _halves(path) == [1, 1]
