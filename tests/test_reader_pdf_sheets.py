"""Two pages printed side by side on one landscape sheet are read as two pages, left then right."""

from __future__ import annotations

from pathlib import Path

import pytest
from badfiles import pdf_file, stream

from muniflow.readers.pdf import PdfReader

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


def _sheet(path: Path, gutter: float) -> Path:
    """The left page: a title over a table of three events; the right page: the table going on,
    drawn higher than the left page's title ends (its page has no title). `gutter`: the room
    between the two pages' text."""
    half = SHEET[0] / 2
    left_x = half - gutter / 2 - sum(WIDTHS)
    right_x = half + gutter / 2
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
    ops = [
        b"BT /F1 11 Tf %.1f 560 Td (Quarterly report on the events of the district) Tj ET" % left_x,
        b"BT /F1 11 Tf %.1f 545 Td (for the second quarter of the year) Tj ET" % left_x,
        *_grid(left_x, 530, rows_left),
        *_grid(right_x, 575, rows_right),
    ]
    resources = b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] %s >>" % (*SHEET, resources)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        stream(b"\n".join(ops)),
    ]
    path.write_bytes(pdf_file(objects))
    return path


@pytest.mark.parametrize("gutter", [40.0, 90.0])
def test_two_pages_on_one_sheet_read_title_then_rows_left_to_right(tmp_path: Path, gutter: float) -> None:
    """The title typed above the left page's table is the title, though the right page's table
    stands beside it, and the rows come left page first (read as one page, no text stood above
    the page's first table: the title, and with it the region and quarter, were lost)."""
    doc = PdfReader().read(_sheet(tmp_path / "sheet.pdf", gutter))
    assert "Quarterly report on the events of the district" in doc.title
    numbers = [row.cells[0] for table in doc.tables for row in table.rows]
    assert numbers == ["1", "2", "3", "4", "5", "6"]
