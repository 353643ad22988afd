"""Scans given as pages: image-only PDF pages rendered at their own resolution, `ingest --pages`
reading several page images as one report, and a lone page without a title in a watched inbox.

The page images are rendered from a sample PDF with pdftoppm, as tests/test_ocr.py does; the tests
that run Tesseract carry its skip marker.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from muniflow.intake import scan
from muniflow.readers import ocr

CEILING = ocr.settings().render_dpi

RENDER = [
    # (picture resolution in the PDF, rendered at, why)
    (200.0, 200, "a 200 dpi scan is read pixel for pixel, not blown up to the ceiling"),
    (199.6, 200, "a resolution a rounding away from a whole number"),
    (150.0, 150, "a coarse scan stays coarse (upsampling adds no detail, only blur)"),
    (600.0, CEILING, "a fine scan is brought down to the ceiling: more pixels only cost OCR time"),
    (None, CEILING, "a page without a picture is rendered at the ceiling"),
    (20.0, 72, "a thumbnail is not rendered smaller than 72 dpi"),
]


@pytest.mark.parametrize(("picture", "rendered", "why"), RENDER, ids=[c[2] for c in RENDER])
def test_a_scanned_pdf_page_is_rendered_at_its_pictures_resolution(
    picture: float | None, rendered: int, why: str
) -> None:
    assert ocr.render_dpi(picture) == rendered, why


def _pdf(path: Path, pages: list[tuple[int, int]], dpi: int) -> Path:
    """An image-only PDF of blank pages of the given pixel sizes, printed at `dpi`."""
    images = [Image.fromarray(np.full((h, w), 255, np.uint8)) for w, h in pages]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi)
    return path


PICTURES = [
    # (page pixel sizes, printed at dpi, expected per page, why)
    ([(1654, 2339), (1654, 2339)], 200, [200, 200], "an A4 scan at 200 dpi, both pages measured"),
    ([(2339, 1654)], 200, [200], "a landscape page measures the same as a portrait one"),
    ([(1240, 1754)], 150, [150], "a 150 dpi scan"),
]


@pytest.mark.parametrize(("sizes", "dpi", "expected", "why"), PICTURES, ids=[c[3] for c in PICTURES])
def test_each_pages_picture_resolution_is_measured(
    tmp_path: Path, sizes: list[tuple[int, int]], dpi: int, expected: list[int], why: str
) -> None:
    measured = scan._pdf_image_dpis(_pdf(tmp_path / "scan.pdf", sizes, dpi))
    assert [round(d) if d is not None else None for d in measured] == expected, why
