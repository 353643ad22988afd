"""A scan saved as PDF with the scanner's own text layer (FineReader, a scanner's software,
`tesseract … pdf`): its table is read by OCR, never from the text layer's positions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from muniflow.intake.checked import read_checked
from muniflow.intake.limits import default_limits
from muniflow.model import ReaderError
from muniflow.readers import ocr
from muniflow.readers.pdfscanpage import is_scanned_page, scan_image_share

SAMPLES = Path(__file__).resolve().parents[1] / "sample_inputs"
A4 = (595.0, 842.0)


def _page(images: list[tuple[float, float, float, float]], rects: int = 0) -> SimpleNamespace:
    return SimpleNamespace(
        width=A4[0],
        height=A4[1],
        lines=[],
        rects=[{}] * rects,
        curves=[],
        images=[{"x0": x0, "top": top, "x1": x1, "bottom": bottom} for x0, top, x1, bottom in images],
    )


@pytest.mark.parametrize(
    ("page", "scan", "why"),
    [
        (_page([(0, 0, *A4)]), True, "one picture the size of the page, nothing drawn: a scan"),
        (_page([(20, 20, 580, 820)]), True, "a picture with a margin is a scan too"),
        (_page([(0, 0, *A4)], rects=40), False, "a ruled table drawn over a background picture"),
        (_page([(400, 700, 560, 820)]), False, "a stamp's picture on a typed page"),
        (_page([]), False, "a typed page with a table drawn without rules"),
    ],
)
def test_a_scanned_page_is_one_picture_covering_it_with_nothing_drawn(
    page: SimpleNamespace, scan: bool, why: str
) -> None:
    assert is_scanned_page(page, scan_image_share()) is scan, why


@pytest.mark.skipif(
    ocr.missing() is not None or shutil.which("pdftoppm") is None,
    reason=f"{ocr.missing() or 'pdftoppm is missing'}: run `make tesseract` (tests of OCR need it)",
)
def test_a_scan_with_the_scanners_text_layer_goes_to_ocr(tmp_path: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1",
         str(SAMPLES / "invented_tver_2024_q4.pdf"), str(tmp_path / "page")],
        check=True,
    )  # fmt: skip
    # Tesseract's PDF: the page's picture with its recognised text laid invisibly over it
    subprocess.run(
        ["tesseract", str(tmp_path / "page.png"), str(tmp_path / "scan"), "-l", "rus", "pdf"], check=True
    )
    with pytest.raises(ReaderError) as caught:
        read_checked(tmp_path / "scan.pdf", default_limits())
    assert caught.value.reason == "needs_ocr", caught.value.message
