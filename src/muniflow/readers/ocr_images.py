"""A scan's page pictures: the images of a picture file or an image-only PDF's pages (rendered with
`pdftoppm`), and how legible they are (their letters' height, the resolution they were scanned at)."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import cv2
import numpy as np

from muniflow.model import ReaderError
from muniflow.readers import heif
from muniflow.readers.ocr_settings import settings
from muniflow.readers.pdfscanpage import render_command

# A page's short side (A4), inches: its pixels over this are its resolution (dpi), whatever the
# file's metadata says; every OCR module reads a page's scale from this one figure.
A4_SHORT_INCHES = 8.27


def letter_height(image: np.ndarray) -> float | None:
    """The median height (pixels) of the picture's letter-sized ink: its connected pieces of ink no
    wider than twice their height and no taller than a twentieth of the picture (ruling lines,
    frames and fills are longer), whichever of dark and light is the ink (the rarer: light text
    on a dark page too). None where too few are found (a blank picture, a drawing)."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if np.count_nonzero(ink) > ink.size / 2:
        ink = cv2.bitwise_not(ink)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights, widths = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH]
    letters = heights[(heights >= 3) & (heights <= grey.shape[0] / 20) & (widths <= 2 * heights)]
    return float(np.median(letters)) if letters.size >= MIN_LETTERS else None


MIN_LETTERS = 50  # letter-sized pieces of ink needed to judge a picture by its text


def legible(image: np.ndarray) -> np.ndarray:
    """The picture ready to read. One as large as an A4 page at `min_dpi` is read as it is; a
    smaller one (a screenshot, a crop of a page: no A4 page, whatever its width says) is judged by
    its letters: refused (ReaderError `low_resolution`) when they are too few pixels high to read
    (`letter_px_min`), else scaled up to `min_dpi` as an A4 page, and its letters to
    `letter_px_target` at least (a screenshot's crisp 9 px letters read well larger). A small
    picture with no letters found is refused as a coarse scan."""
    s = settings()
    dpi = effective_dpi(image)
    if dpi >= s.min_dpi * 0.95:
        return image
    height = letter_height(image)
    if height is None:
        raise ReaderError(
            "low_resolution",
            f"the scan is about {dpi:.0f} dpi, too coarse to read reliably (at least "
            f"{s.min_dpi:g}); {_advice(image)}",
        )
    if height < s.letter_px_min:
        raise ReaderError(
            "low_resolution",
            f"the picture's letters are about {height:.0f} px high, too small to read reliably (at "
            f"least {s.letter_px_min:g}); {_advice(image)}",
        )
    scale = max(s.min_dpi / dpi, s.letter_px_target / height)
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)


A4_RATIO = 297 / 210


def _advice(image: np.ndarray) -> str:
    """What to send instead: a page (A4's proportions) is scanned again; a screenshot or a crop is
    no scan, and its report is sent as its file or shot again zoomed in."""
    h, w = image.shape[:2]
    ratio = max(h, w) / max(1, min(h, w))
    if abs(ratio - A4_RATIO) <= settings().page_ratio_tolerance * A4_RATIO:
        return "scan the report again at 200-300 dpi and send it"
    return (
        "send the report's own file (.docx, .pdf), or a screenshot taken zoomed in so that its "
        "letters are larger"
    )


def effective_dpi(gray: np.ndarray) -> float:
    """Pixels per inch if the image is an A4 page (the short side), whatever its metadata says."""
    return min(gray.shape[:2]) / A4_SHORT_INCHES


def image_pages(path: Path) -> Iterator[np.ndarray]:
    """The pages of a JPEG, PNG, (multi-page) TIFF or HEIC photo, in grey or colour (BGR) as stored:
    colour tells stamp ink from text (ocr_ink)."""
    if heif.is_heif(path):
        yield from heif.heif_pages(path)
        return
    ok, images = cv2.imreadmulti(str(path), flags=cv2.IMREAD_ANYCOLOR)
    if not ok or not images:
        single = cv2.imread(str(path), cv2.IMREAD_ANYCOLOR)
        if single is None:
            raise ReaderError(
                "corrupt_file", "the picture cannot be decoded; take or save it again and re-send"
            )
        images = [single]
    yield from images


def render_dpi(picture_dpi: float | None) -> int:
    """The resolution a scanned PDF page is rendered at: its picture's own resolution, so the scan's
    pixels are read as they are (rendering a 200 dpi picture at 300 dpi smears its letters and
    JPEG blocks), never above the contract's `render_dpi`; that, for a page with no picture."""
    ceiling = settings().render_dpi
    return ceiling if picture_dpi is None else max(72, min(ceiling, round(picture_dpi)))


def pdf_pages(
    path: Path, dpis: Sequence[float | None], timeout: float, greys: Sequence[bool] = ()
) -> Iterator[np.ndarray]:
    """Each page of a PDF rendered, one pdftoppm run per page; `dpis` holds each page's picture
    resolution (None: no picture), see `render_dpi`; `greys` says which pages hold only grey pictures.

    Pages come out as uncompressed PNM, not PNG: compressing a noisy 300 dpi scan took pdftoppm
    ~17 s of CPU a page (rendering it, 0.3 s). A page of grey pictures is rendered grey (OCR reads
    grey), any other in colour (BGR), so a colour stamp still reaches `ocr_ink`. A render that
    overruns `timeout` is a `timeout` of this run (the machine busy), never the file's fault.
    """
    with tempfile.TemporaryDirectory(prefix="muniflow-render-") as work:
        for number, picture_dpi in enumerate(dpis, start=1):
            grey = number <= len(greys) and greys[number - 1]
            target = Path(work) / f"p{number}"
            try:
                subprocess.run(
                    render_command(path, number, render_dpi(picture_dpi), grey, target),
                    capture_output=True,
                    timeout=timeout,
                    check=True,
                )
            except subprocess.TimeoutExpired as exc:
                raise ReaderError(
                    "timeout",
                    f"rendering page {number} of the scan took over {timeout:g} s and was stopped; "
                    "the machine was likely busy: run the ingest again",
                ) from exc
            except subprocess.CalledProcessError as exc:
                raise ReaderError(
                    "corrupt_file", f"page {number} of the scan could not be rendered ({exc})"
                ) from exc
            image = cv2.imread(str(target.with_suffix(".pgm" if grey else ".ppm")), cv2.IMREAD_ANYCOLOR)
            if image is None:
                raise ReaderError("corrupt_file", f"page {number} of the scan could not be rendered")
            yield image
