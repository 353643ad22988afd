"""Stamp and signature ink taken off a scanned page (readers/ocr_ink.py), on small synthetic pages:
black printed text with grey anti-aliased edges, a round stamp and a pen stroke over it."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from muniflow.readers import ocr, ocr_cells, ocr_ink, ocr_page_image

S = ocr_ink.settings()
SKEW = ocr.settings().max_skew_degrees
SIZE = (2339, 1654)  # A4 at 200 dpi: grey may run 3 px from dark ink and stay
BLUE, VIOLET = (190, 70, 40), (170, 60, 110)  # BGR stamp inks
DARK_BLUE = (110, 25, 15)  # a ballpoint as dark in grey as the text: only its colour tells it


def _text_page(paper: tuple[int, int, int] = (255, 255, 255)) -> np.ndarray:
    """A colour page (BGR) with black anti-aliased text lines and a ruling line."""
    page = np.zeros((*SIZE, 3), np.uint8)
    page[:] = paper
    for row in range(6):
        cv2.putText(page, "Koncert 2024 goda", (20, 60 + 60 * row), cv2.FONT_HERSHEY_SIMPLEX, 1.0,
                    (0, 0, 0), 2, cv2.LINE_AA)  # fmt: skip
    cv2.line(page, (10, 400), (420, 400), (0, 0, 0), 3)
    return page


def _stamped(page: np.ndarray, ink: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    """`page` with a ring and a pen stroke in `ink` laid over it as ink over paper (multiplied), and
    the mask of where the stamp was drawn."""
    mark = np.zeros(SIZE, np.uint8)
    cv2.circle(mark, (250, 200), 110, 255, 6, cv2.LINE_AA)
    cv2.circle(mark, (250, 200), 70, 255, 3, cv2.LINE_AA)
    cv2.putText(mark, "M.P.", (205, 215), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 255, 3, cv2.LINE_AA)
    cv2.line(mark, (40, 330), (380, 300), 255, 4, cv2.LINE_AA)
    alpha = (mark / 255.0)[..., None]
    tint = 1 - alpha * (1 - np.array(ink) / 255.0)
    return (page * tint).astype(np.uint8), mark > 0


def _grey(bgr: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)


@pytest.mark.parametrize(
    ("ink", "why"),
    [(BLUE, "a blue stamp"), (VIOLET, "a violet stamp"), (DARK_BLUE, "dark blue ink, black in grey")],
)
def test_coloured_stamp_ink_becomes_paper_and_black_text_under_it_stays(
    ink: tuple[int, int, int], why: str
) -> None:
    text = _text_page()
    stamped, mark = _stamped(text, ink)
    out = ocr_ink.grey_page(stamped, SKEW, S)
    black = _grey(text) < 60
    assert (out[mark & ~black] > 200).mean() > 0.9, f"{why}: its ink is paper"
    assert (out[black] < 60).all(), f"{why}: black text and ruling under it stay black"


def test_a_grey_stamp_and_pen_stroke_go_and_glyph_edges_stay() -> None:
    text = _grey(_text_page())
    stamped, mark = _stamped(_text_page(), (120, 120, 120))  # a blue stamp scanned in grey
    out = ocr_ink.grey_page(_grey(stamped), SKEW, S)
    printed = text < S.paper_min
    untouched = printed & ~cv2.dilate(mark.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
    assert (out[mark & ~printed] > 200).mean() > 0.85, (
        "the stamp's grey ink is paper (bar where it crosses text)"
    )
    assert (out[untouched] == ocr_page_image.flatten(text)[untouched]).all(), "grey glyph edges are kept"


def test_a_thin_grey_stroke_between_two_dark_stems_is_kept() -> None:
    """A glyph's hairline (the bar of an «е», a serif) is lighter than its stems, not a stamp."""
    page = np.full((2339, 1654), 255, np.uint8)  # A4 at 200 dpi: grey may run 3 px from dark ink
    page[100:300, 50:150] = 250  # paper not quite white, as scanned
    page[150:170, 100:103] = 0  # two dark stems 6 px apart ...
    page[150:170, 109:112] = 0
    page[160, 103:109] = 140  # ... joined by a grey hairline
    out = ocr_ink.grey_page(page, SKEW, S)
    assert (out[160, 103:109] < 200).all()


def test_a_short_grey_tip_beyond_the_reach_stays_and_a_long_stroke_goes() -> None:
    """Out of reach of dark ink, length decides: a glyph's grey tip is short, a pen stroke long."""
    page = np.full((2339, 1654), 255, np.uint8)  # A4 at 200 dpi: reach 5 px, strokes from 12 px
    page[150:180, 100:103] = 0  # a dark stem ...
    page[150, 103:113] = 150  # ... with a grey tip 10 px long, 5 px of it out of reach
    cv2.line(page, (300, 400), (500, 500), 150, 2)  # a grey pen stroke alone, slanting
    page[400:403, 600:800] = 0  # dark text elsewhere (the page's text is dark)
    out = ocr_ink.grey_page(page, SKEW, S)
    assert (out[150, 103:113] == 150).all(), "the tip stays"
    assert (out[350:550, 290:510] == 255).all(), "the stroke goes"


def test_a_page_without_stamp_ink_is_only_evened_out() -> None:
    page = _grey(_text_page())
    assert np.array_equal(ocr_ink.grey_page(page, SKEW, S), ocr_page_image.flatten(page))


def test_a_faint_page_is_left_as_it_is() -> None:
    """Where the text itself is grey, a grey stroke cannot be told from it: nothing is taken."""
    faint = np.clip(_grey(_text_page()).astype(int) + 110, 0, 255).astype(np.uint8)
    cv2.line(faint, (40, 330), (380, 300), 175, 4)
    assert np.array_equal(ocr_ink.grey_page(faint, SKEW, S), ocr_page_image.flatten(faint))


def test_a_warm_tinted_page_keeps_its_text_edges() -> None:
    """Paper yellowed by the light or age is white-balanced first: it is no coloured ink, and the
    grey edges of the black text on it are not faded with it."""
    warm = _text_page(paper=(150, 215, 250))
    out = ocr_ink.grey_page(warm, SKEW, S)
    edges = (_grey(warm) > 40) & (_grey(warm) < 150)
    assert edges.sum() > 100
    expected = ocr_page_image.flatten(_grey(warm))
    assert np.abs(out[edges].astype(int) - expected[edges]).max() <= 6


def test_colour_scans_are_read_in_colour(tmp_path: Path) -> None:
    """The colour must reach ocr_ink: pictures and a PDF's pages are not turned grey on reading."""
    stamped, _ = _stamped(_text_page(), BLUE)
    rgb = Image.fromarray(cv2.cvtColor(stamped, cv2.COLOR_BGR2RGB))
    rgb.save(tmp_path / "scan.png")
    rgb.save(tmp_path / "scan.pdf", resolution=200)
    for page in (
        next(ocr.image_pages(tmp_path / "scan.png")),
        next(ocr.pdf_pages(tmp_path / "scan.pdf", [200.0], 30)),
    ):
        assert page.ndim == 3 and np.abs(page[..., 0].astype(int) - page[..., 2]).max() > 100, "blue is blue"
    Image.fromarray(_grey(stamped)).save(tmp_path / "grey.png")
    assert next(ocr.image_pages(tmp_path / "grey.png")).ndim == 2, "a grey scan stays grey"


@pytest.mark.parametrize("angle", [2.0, -3.5], ids=["turned 2°", "turned -3.5°"])
def test_thin_ruling_lines_turned_grey_by_a_skew_stay(angle: float) -> None:
    """A 1 px ruling line of a page scanned askew is grey along its length (no dark core): it is no
    stamp stroke, and the table's grid must still be found."""
    page = np.full((2339, 1654), 255, np.uint8)  # A4 at 200 dpi
    for x in (200, 500, 900, 1400):
        page[300:2000, x] = 0
    for y in (300, 700, 1200, 2000):
        page[y, 200:1401] = 0
    for y in (400, 800, 1300):
        cv2.putText(page, "Koncert 2024", (220, y), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 3, cv2.LINE_AA)
    turn = cv2.getRotationMatrix2D((827, 1170), angle, 1.0)
    skewed = cv2.warpAffine(page, turn, (1654, 2339), flags=cv2.INTER_LINEAR, borderValue=255)
    skewed = cv2.GaussianBlur(skewed, (3, 3), 0.8)  # a scanner's blur: the thin lines are grey throughout
    out = ocr_ink.grey_page(skewed, SKEW, S)
    lines = cv2.warpAffine((page == 0).astype(np.uint8), turn, (1654, 2339)) > 0
    assert (out[lines] == ocr_page_image.flatten(skewed)[lines]).mean() > 0.99
    grid = ocr_cells.find_grid(ocr_page_image.binarize(ocr_page_image.deskew(out, SKEW)))
    assert grid is not None and len(grid.xs) == 4 and len(grid.ys) == 4


def test_page_photos_given_together_keep_their_colour(tmp_path: Path) -> None:
    """`ingest --pages` packs the photos into one TIFF: in colour when any page is."""
    from muniflow.intake import scan
    from muniflow.intake.limits import default_limits

    stamped, _ = _stamped(_text_page(), BLUE)
    cv2.imwrite(str(tmp_path / "p1.png"), stamped)
    cv2.imwrite(str(tmp_path / "p2.png"), _grey(stamped))
    dest = scan.combine_pages(
        tmp_path / "p1.png", default_limits(), [str(tmp_path / "p2.png")], str(tmp_path / "all.tiff")
    )
    pages = list(ocr.image_pages(Path(dest)))
    assert [p.ndim for p in pages] == [3, 3]
    assert np.abs(pages[0][..., 0].astype(int) - pages[0][..., 2]).max() > 100, "blue is blue"


def test_a_pale_coloured_stroke_across_text_goes_where_it_touches_the_letters() -> None:
    """Ink thinned by the paper (a pale pen line, a stroke's edge) has its ink's tint though little
    chroma: it goes even beside letters, where a grey stroke would be kept as a glyph's edge."""
    text = _text_page()
    line = np.zeros(SIZE, np.uint8)
    cv2.line(line, (10, 45), (420, 60), 255, 3)  # across the first text line
    alpha = (line / 255.0 * 0.35)[..., None]
    pale = (text * (1 - alpha * (1 - np.array(DARK_BLUE) / 255.0))).astype(np.uint8)
    out = ocr_ink.grey_page(pale, SKEW, S)
    letters = _grey(text) < S.paper_min
    touching = (line > 0) & ~cv2.dilate(letters.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    touching &= cv2.dilate(letters.astype(np.uint8), np.ones((9, 9), np.uint8)).astype(bool)
    assert touching.sum() > 50
    assert (out[touching] > 230).mean() > 0.9
