"""A browser's list markers, drawn as small filled discs before each item, read as «•»: the items
of a cell's list are told apart as in a DOCX or LibreOffice PDF of the same list."""

from __future__ import annotations

from pathlib import Path

import pytest
from badfiles import helvetica_page, table_content

from muniflow.readers.pdf import PdfReader

ROWS = [("No", "Event", "Result"), ("1", "Forum", "")]
# the Result cell of row 1: its top-left corner at (350, 670); items 12 pt apart, text from x 363
ITEMS = ("Concert held", "Plan signed")


def _disc(cx: float, cy: float, r: float) -> bytes:
    """A filled circle as four Bezier arcs, as Chromium draws a list's disc marker."""
    k = 0.5523 * r
    return (
        b"%.2f %.2f m %.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f %.2f %.2f %.2f %.2f c "
        b"%.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f %.2f %.2f %.2f %.2f c f"
        % (
            cx + r, cy,
            cx + r, cy + k, cx + k, cy + r, cx, cy + r,
            cx - k, cy + r, cx - r, cy + k, cx - r, cy,
            cx - r, cy - k, cx - k, cy - r, cx, cy - r,
            cx + k, cy - r, cx + r, cy - k, cx + r, cy,
        )
    )  # fmt: skip


def _page(tmp_path: Path, radius: float) -> Path:
    ops = [table_content(ROWS)]
    for i, item in enumerate(ITEMS):
        baseline = 670 - 12 * (i + 1)
        ops.append(_disc(357.5, baseline + 3.5, radius))
        ops.append(b"BT /F1 10 Tf 363 %d Td (%s) Tj ET" % (baseline, item.encode("latin-1")))
    return helvetica_page(tmp_path / "list.pdf", b"\n".join(ops))


@pytest.mark.parametrize(
    ("radius", "cell"),
    [
        (1.5, "• Concert held • Plan signed"),  # Chromium's disc at 10 pt text: 3 pt across
        (6.0, "Concert held Plan signed"),  # a shape 12 pt across is a picture's part, no bullet
    ],
    ids=["list-marker", "large-shape"],
)
def test_a_drawn_list_marker_reads_as_a_bullet(tmp_path: Path, radius: float, cell: str) -> None:
    (table,) = PdfReader().read(_page(tmp_path, radius)).tables
    assert " ".join((table.rows[0].cells[2] or "").split()) == cell
