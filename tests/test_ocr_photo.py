"""A phone photo of a page on a desk: the sheet is found, warped upright and its grid read as a scan's.

Small synthetic pictures: a ruled table on white paper, photographed at an angle on a dark textured
desk with light falling off across the frame. No Tesseract needed.
"""

from __future__ import annotations

from itertools import pairwise

import cv2
import numpy as np
import pytest

from muniflow.readers import ocr_cells, ocr_page_image, ocr_photo

COLUMNS = [60, 110, 260, 360, 480, 640]  # on a 700 x 990 page (A4 at about 85 dpi)
ROWS = [120, 170, 320, 470, 620, 800]
PAGE = (990, 700)


def _page() -> np.ndarray:
    page = np.full(PAGE, 250, np.uint8)
    for x in COLUMNS:
        cv2.line(page, (x, ROWS[0]), (x, ROWS[-1]), 30, 2)
    for y in ROWS:
        cv2.line(page, (COLUMNS[0], y), (COLUMNS[-1], y), 30, 2)
    for top, bottom in pairwise(ROWS):  # a few words in each cell
        for left in COLUMNS[:-1]:
            cv2.putText(page, "ab", (left + 8, top + 30), cv2.FONT_HERSHEY_SIMPLEX, 0.6, 30, 1)
            if bottom - top > 100:
                cv2.putText(page, "cd", (left + 8, top + 70), cv2.FONT_HERSHEY_SIMPLEX, 0.6, 30, 1)
    return page


def _photo(corners: list[tuple[float, float]], frame: tuple[int, int] = (1300, 1000)) -> np.ndarray:
    """The page with its corners (TL, TR, BR, BL) at `corners` in a frame on a dark grained desk."""
    fh, fw = frame
    rng = np.random.default_rng(3)
    desk = 70 + 15 * np.sin(np.arange(fw) / 9.0)[None, :] + rng.normal(0, 6, (fh, fw))
    h, w = PAGE
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(src, np.float32(corners))
    sheet = cv2.warpPerspective(_page(), matrix, (fw, fh), borderValue=0).astype(np.float64)
    mask = cv2.warpPerspective(np.ones(PAGE, np.float32), matrix, (fw, fh))
    light = np.linspace(0.7, 1.0, fw)[None, :]  # dimmer on the left
    out = (mask * sheet + (1 - mask) * desk) * light
    return cv2.GaussianBlur(np.clip(out, 0, 255).astype(np.uint8), (3, 3), 0)


def _grid_size(gray: np.ndarray) -> tuple[int, int] | None:
    level = ocr_page_image.deskew(ocr_page_image.rectify(ocr_page_image.flatten(gray)), 5)
    grid = ocr_cells.find_grid(ocr_page_image.binarize(level))
    return None if grid is None else (len(grid.xs), len(grid.ys))


TILTED = [
    # (where the page's corners land in a 1000 x 1300 frame, why)
    ([(180, 160), (800, 190), (850, 1150), (130, 1120)], "top edge farther away: narrower than the bottom"),
    ([(150, 120), (830, 150), (790, 1180), (190, 1150)], "bottom edge farther away, turned a little"),
    ([(200, 150), (820, 100), (860, 1200), (160, 1160)], "right edge nearer, turned the other way"),
]


@pytest.mark.parametrize(("corners", "why"), TILTED, ids=[c[1] for c in TILTED])
def test_a_photographed_sheet_is_warped_upright_and_its_grid_read_as_the_scans(
    corners: list[tuple[float, float]], why: str
) -> None:
    photo = _photo(corners)
    sheet = ocr_photo.unwarp(photo)
    assert _grid_size(sheet) == (len(COLUMNS), len(ROWS)), why
    h, w = sheet.shape
    assert abs(h / w - 2**0.5) < 0.01, "a sheet near A4's proportions comes out as A4"
    # the sheet's edge and the desk beyond it are left out: no dark strip along the sides
    for side in (sheet[:, :3], sheet[:, -3:], sheet[:3, :], sheet[-3:, :]):
        assert float((side < 128).mean()) < 0.01, why


def test_a_corner_cut_off_by_the_frame_is_put_where_its_sides_meet() -> None:
    corners = [(-40, 150), (800, 120), (850, 1150), (130, 1180)]  # top-left beyond the left edge
    found = ocr_photo.sheet_corners(_photo(corners), ocr_photo.settings())
    assert found is not None
    centre = np.mean(corners, axis=0)
    margin = ocr_photo.settings().margin
    expected = np.array(corners) + (centre - np.array(corners)) * margin  # drawn in by the margin
    assert np.abs(found - expected).max() < 12, found.round()
    assert _grid_size(ocr_photo.unwarp(_photo(corners))) == (len(COLUMNS), len(ROWS))


SHADOWS = [
    # (the shadow's outline in the frame: it darkens desk and paper alike, why)
    ([(0, 800), (420, 980), (560, 1300), (0, 1300)], "a hand's shadow over the bottom-left corner"),
    ([(1000, 0), (1000, 420), (640, 0)], "a phone's shadow over the top-right corner"),
]


@pytest.mark.parametrize(("shadow", "why"), SHADOWS, ids=[s[1] for s in SHADOWS])
def test_a_shadow_across_a_corner_leaves_the_sheet_found(shadow: list[tuple[int, int]], why: str) -> None:
    """Shadowed paper is darker than the lit desk, so the bright region is the sheet with a corner
    cut off; its sides still run on, and meet where the sheet's corner is."""
    corners = [(180, 160), (800, 190), (850, 1150), (130, 1120)]
    photo = _photo(corners).astype(np.float64)
    shade = np.zeros(photo.shape, np.uint8)
    cv2.fillPoly(shade, [np.array(shadow, np.int32)], 1)
    photo = np.where(shade > 0, photo * 0.3, photo).astype(np.uint8)
    found = ocr_photo.sheet_corners(photo, ocr_photo.settings())
    assert found is not None, why
    centre = np.mean(corners, axis=0)
    expected = np.array(corners) + (centre - np.array(corners)) * ocr_photo.settings().margin
    assert np.abs(found - expected).max() < 12, (why, found.round())


def test_a_page_filling_the_picture_is_left_exactly_as_it_is() -> None:
    scan = _page()
    assert ocr_photo.unwarp(scan) is scan, "a scan is not warped nor sharpened"
    assert ocr_photo.sheet_corners(scan, ocr_photo.settings()) is None


def test_a_scan_with_the_scanners_dark_border_is_left_as_it_is() -> None:
    # the lid's shadow around a scanned page: a bright four-cornered page, but filling the picture
    scan = _page()
    scan[:6, :] = scan[-6:, :] = 40
    scan[:, :6] = scan[:, -6:] = 40
    assert ocr_photo.unwarp(scan) is scan


def test_a_bright_region_with_no_darker_desk_around_it_is_no_sheet() -> None:
    # a light-grey card on a white table: four corners, but paper no brighter than what surrounds it
    picture = np.full((1300, 1000), 200, np.uint8)
    picture[200:1100, 200:800] = 215
    assert ocr_photo.sheet_corners(picture, ocr_photo.settings()) is None


def test_a_sheet_is_sharpened_so_a_blurred_stroke_is_crisp_again() -> None:
    stroke = np.full((40, 40), 250, np.uint8)
    stroke[:, 18:22] = 30
    blurred = cv2.GaussianBlur(stroke, (0, 0), 1.5)
    s = ocr_photo.settings()
    sharp = ocr_photo.sharpen(blurred, s.sharpen_sigma, s.sharpen_amount)
    assert int(sharp[20, 20]) < int(blurred[20, 20]) - 10, "the stroke's middle darker"
    assert int(sharp[20, 14]) > int(blurred[20, 14]), "the paper beside it lighter"


def test_a_page_read_from_a_photo_has_the_tables_rows_and_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    from muniflow.readers import ocr

    monkeypatch.setattr(ocr, "words", lambda gray, timeout, psm=11: [])  # the grid only, no Tesseract
    page = ocr.read_page(_photo(TILTED[0][0]))
    assert len(page.rows) == len(ROWS) - 1, "one row per band between ruling lines"
    assert all(len(row) == len(COLUMNS) - 1 for row in page.rows), "one cell per column"


def test_a_photographed_sheet_is_not_cleaned_of_ink_but_a_scan_is(monkeypatch: pytest.MonkeyPatch) -> None:
    # a photo's letters are as grey as a stamp's strokes and its colour is its light's: ocr_ink
    # would take its text for ink, so only a page that is no photo goes through it
    from muniflow.readers import ocr, ocr_ink

    cleaned: list[int] = []
    real = ocr_ink.grey_page
    monkeypatch.setattr(
        ocr_ink, "grey_page", lambda image, skew, s=None: cleaned.append(1) or real(image, skew, s)
    )
    monkeypatch.setattr(ocr, "words", lambda gray, timeout, psm=11: [])
    photo = _photo(TILTED[0][0])
    ocr.read_page(cv2.cvtColor(photo, cv2.COLOR_GRAY2BGR))
    assert cleaned == [], "a photographed sheet (in colour, as pictures are read) is not cleaned"
    ocr.read_page(np.full((1100, 800), 255, np.uint8))
    assert cleaned == [1], "a page that is no photo is"


def test_a_scan_shaded_on_one_side_is_no_photo_of_its_bright_part() -> None:
    """A flatbed scan askew, its lid's shadow over the left of the page as dark as the scanner's
    border in the corners: the bright part alone looks like a sheet on a desk, but its left side
    is no edge (the paper goes on, shaded), so the page is read whole, as a scan."""
    page = _page().astype(np.float64)
    shade = 1 - 0.45 * np.clip(1 - np.arange(PAGE[1]) / (0.45 * PAGE[1]), 0, 1)
    shaded = (page * shade[None, :]).astype(np.uint8)
    h, w = PAGE
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), 1.2, 1.0)
    askew = cv2.warpAffine(shaded, turn, (w, h), borderValue=int(shaded[2, 2]))
    assert ocr_photo.sheet_corners(askew, ocr_photo.settings()) is None
    assert ocr_photo.unwarp(askew) is askew
