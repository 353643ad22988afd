"""A scan saved as PDF with the scanner's own text layer (FineReader, a scanner's software,
`tesseract … pdf`): never read from the text layer's positions alone; from the layer on the rules
of its picture where that is safe (test_pdflayer.py), else by OCR."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import cv2
import pytest

from muniflow.intake.checked import read_checked
from muniflow.intake.limits import default_limits
from muniflow.model import LAYER_FORMAT, ReaderError
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
@pytest.mark.parametrize(("angle", "format"), [(0.0, LAYER_FORMAT), (2.0, None)])
def test_a_scan_with_the_scanners_text_layer_is_read_from_it_when_straight_else_goes_to_ocr(
    tmp_path: Path, angle: float, format: str | None
) -> None:
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1",
         str(SAMPLES / "invented_tver_2024_q4.pdf"), str(tmp_path / "page")],
        check=True,
    )  # fmt: skip
    if angle:  # scanned askew: the grid's lines would cut the layer's words
        gray = cv2.imread(str(tmp_path / "page.png"), cv2.IMREAD_GRAYSCALE)
        h, w = gray.shape
        turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        cv2.imwrite(str(tmp_path / "page.png"), cv2.warpAffine(gray, turn, (w, h), borderValue=255))
    # Tesseract's PDF: the page's picture with its recognised text laid invisibly over it
    subprocess.run(
        ["tesseract", str(tmp_path / "page.png"), str(tmp_path / "scan"), "-l", "rus", "pdf"], check=True
    )
    if format is not None:
        assert read_checked(tmp_path / "scan.pdf", default_limits()).format == format
        return
    with pytest.raises(ReaderError) as caught:
        read_checked(tmp_path / "scan.pdf", default_limits())
    assert caught.value.reason == "needs_ocr", caught.value.message
