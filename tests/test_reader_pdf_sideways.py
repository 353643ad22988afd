"""A PDF whose pages show their text sideways (a quarter turn either way) reads as the same pages
upright: the table is not read transposed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from muniflow.readers.pdf import PdfReader

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
