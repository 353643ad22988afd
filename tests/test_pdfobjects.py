"""readers.pdfobjects builds exactly the page objects pdfplumber builds, faster for characters.

Compared on every page of the committed PDFs (LibreOffice exports of both templates, a letter)
and of a PDF written here to hold what those lack: a MediaBox not at the origin, grey, RGB, CMYK
and named colour spaces for fill and stroke, rotated, scaled and raised text, two fonts, marked
content, text inside a form XObject (a container), rectangles, lines and curves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import badfiles as bf
import pdfplumber
import pytest

from muniflow.readers.pdfobjects import fill_objects, parse_objects

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = sorted([*ROOT.glob("sample_inputs/*.pdf"), *ROOT.glob("tests/data/readers/*.pdf")])

# The page's drawing: (why it is there) operators.
_CONTENT = [
    ("grey fill, plain text", b"BT /F1 12 Tf 0.5 g 72 700 Td (Grey text) Tj ET"),
    ("RGB fill and stroke", b"BT /F1 11 Tf 0.2 0.4 0.6 rg 0.9 0.1 0.1 RG 72 680 Td (RGB text) Tj ET"),
    ("CMYK fill", b"BT /F2 10 Tf 0.1 0.2 0.3 0.4 k 72 660 Td (CMYK courier) Tj ET"),
    ("named colour space", b"BT /F1 10 Tf /DeviceRGB cs 0.3 0.3 0.3 sc 72 640 Td (Named space) Tj ET"),
    ("rotated text (not upright)", b"BT /F1 10 Tf 0 1 -1 0 300 400 Tm (Rotated) Tj ET"),
    ("scaled and raised text", b"BT /F2 9 Tf 150 Tz 3 Ts 72 620 Td (Scaled raised) Tj ET"),
    ("spacing and TJ kerning", b"BT /F1 10 Tf 2 Tc 1 Tw 72 600 Td [(Ke) -120 (rned) 300 (words)] TJ ET"),
    ("marked content", b"/P <</MCID 0>> BDC BT /F1 10 Tf 72 580 Td (Tagged) Tj ET EMC"),
    ("form XObject (a container)", b"q 1 0 0 1 50 50 cm /X1 Do Q"),
    ("rectangles: stroked, filled", b"1 w 70 500 200 40 re S 0.8 g 70 450 100 20 re f"),
    ("a line and a curve", b"2 w 70 430 m 300 430 l S 70 400 m 100 420 150 380 200 400 c S"),
]


def _pdf(media_box: bytes) -> bytes:
    """A one-page PDF with the drawing above, its cross-reference table computed."""
    content = b"\n".join(ops for _, ops in _CONTENT)
    form = b"BT /F1 8 Tf 0 0 1 rg 10 10 Td (In a form) Tj ET 0 0 40 10 re S"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box + b" /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /X1 7 0 R >> >> >>",
        bf.stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 200 50] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n" % len(form) + form + b"\nendstream",
    ]
    return bf.pdf_file(objects)


@pytest.fixture(scope="module")
def varied(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("pdfobjects")
    out = []
    for name, box in (("origin", b"[0 0 612 792]"), ("shifted", b"[10 20 622 812]")):
        path = folder / f"{name}.pdf"
        path.write_bytes(_pdf(box))
        out.append(path)
    return out


def _pages(path: Path, **open_args: Any) -> list[tuple[Any, Any]]:
    """(pdfplumber's objects, ours) for every page."""
    out = []
    with pdfplumber.open(path, **open_args) as pdf:
        for page in pdf.pages:
            ours = parse_objects(page)
            out.append((page.parse_objects(), ours))
    return out


def _same(theirs: dict[str, list[dict[str, Any]]], ours: dict[str, list[dict[str, Any]]]) -> None:
    assert list(ours) == list(theirs)
    for kind, objs in theirs.items():
        assert len(ours[kind]) == len(objs), kind
        for a, b in zip(objs, ours[kind], strict=True):
            assert list(b) == list(a)  # same keys in the same order
            assert b == a


def test_committed_pdfs_are_there() -> None:
    assert len(COMMITTED) >= 4  # why: a glob that found nothing would make the next test vacuous


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_same_objects_as_pdfplumber_on_committed_pdfs(path: Path) -> None:
    pages = _pages(path)
    assert sum(len(theirs.get("char", ())) for theirs, _ in pages) > 0
    for theirs, ours in pages:
        _same(theirs, ours)


@pytest.mark.parametrize("laparams", [None, {}], ids=["no layout analysis", "layout analysis"])
def test_same_objects_as_pdfplumber_on_varied_content(varied: list[Path], laparams: Any) -> None:
    for path in varied:
        for theirs, ours in _pages(path, laparams=laparams):
            kinds = {"char", "rect", "line", "curve"}
            assert kinds <= set(theirs), f"{path.name}: the drawing lost {kinds - set(theirs)}"
            chars = theirs["char"]
            assert {c["upright"] for c in chars} == {True, False}  # why: rotated text is exercised
            assert any(c.get("mcid") is not None for c in chars)  # why: marked content is exercised
            assert len({c["non_stroking_color"] for c in chars}) >= 4  # why: the colour spaces are
            _same(theirs, ours)


def test_shifted_media_box_is_exercised(varied: list[Path]) -> None:
    with pdfplumber.open(varied[1]) as pdf:
        assert pdf.pages[0].mediabox[0] != 0  # why: the x0 shift branch needs a MediaBox off the origin


def test_fill_objects_keeps_what_the_page_already_parsed(varied: list[Path]) -> None:
    with pdfplumber.open(varied[0]) as pdf:
        page = pdf.pages[0]
        parsed = page.objects
        fill_objects(page)
        assert page.objects is parsed
        fresh = pdf.pages[0]
        fresh.close()
    with pdfplumber.open(varied[0]) as pdf:
        page = pdf.pages[0]
        fill_objects(page)
        _same(page.parse_objects(), page.objects)
