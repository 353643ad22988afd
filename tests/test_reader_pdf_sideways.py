"""A PDF whose pages show their text sideways (a quarter turn either way) reads as the same pages
upright: the table is not read transposed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from muniflow.readers.pdf import PdfReader
from muniflow.readers.pdfturn import page_turn

SAMPLE = Path(__file__).resolve().parents[1] / "sample_inputs" / "invented_tver_2024_q4.pdf"


def _turned(path: Path, degrees: int) -> Path:
    """The sample with every page given a /Rotate: a viewer shows its text turned a quarter."""
    data = re.sub(rb"/Type\s*/Page(?!s)", b"/Type/Page/Rotate %d" % degrees, SAMPLE.read_bytes())
    path.write_bytes(data)
    return path


def _cells(path: Path) -> list[tuple[str, ...]]:
    return [tuple(c or "" for c in row.cells) for t in PdfReader().read(path).tables for row in t.rows]


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_sideways_page_reads_as_upright(tmp_path: Path, degrees: int) -> None:
    upright = PdfReader().read(SAMPLE)
    turned = PdfReader().read(_turned(tmp_path / f"turned{degrees}.pdf", degrees))
    assert turned.title == upright.title
    assert [t.header for t in turned.tables] == [t.header for t in upright.tables]
    assert _cells(tmp_path / f"turned{degrees}.pdf") == _cells(SAMPLE)


class _Page:
    """What `page_turn` reads of a pdfplumber page: its characters and its height."""

    def __init__(self, chars: list[dict[str, object]], height: float = 842.0) -> None:
        self.objects = {"char": chars}
        self.height = height


def _chars(count: int, top: float, step: float, turned: bool) -> list[dict[str, object]]:
    """`count` characters from `top` down the page, `step` apart: turned a quarter (written upwards)
    or upright."""
    matrix = (0.0, 1.0, -1.0, 0.0, 0.0, 0.0) if turned else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return [
        {"text": "ж", "top": top + k * step, "bottom": top + k * step + 6.0, "matrix": matrix}
        for k in range(count)
    ]


def test_a_header_row_written_upwards_turns_no_page() -> None:
    """A page holding little more than a table's header written upwards (the repeated header over
    the rest of a row the page end cut): most of its characters are turned, but they lie in one
    band across the page; the page is upright, its header cells turned."""
    header = [c for x in range(12) for c in _chars(10, 290.0, 6.0, turned=True)]  # 12 cells, y 290-356
    rest = _chars(16, 380.0, 0.0, turned=False)  # «ответного визита» under it
    assert page_turn(_Page(header + rest)) == 0


def test_a_page_of_turned_cells_down_its_height_is_sideways() -> None:
    """The same count of turned characters spread down the page (a sideways table's cells) turns it."""
    cells = [c for y in range(12) for c in _chars(10, 60.0 + 60.0 * y, 5.0, turned=True)]  # y 60-775
    assert page_turn(_Page(cells + _chars(16, 380.0, 0.0, turned=False))) == 1
