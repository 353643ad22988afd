"""Toner specks and dust taken off a scanned page (readers/ocr_specks.py), on small synthetic pages
at 200 dpi: printed text with its full stops and colons, a ruled cell, and isolated specks."""

from __future__ import annotations

import cv2
import numpy as np

from muniflow.readers import ocr_specks

DPI = 200
S = ocr_specks.settings()


def _page() -> np.ndarray:
    """A light-evened grey page: a ruled cell holding two lines of text with full stops and a colon."""
    page = np.full((600, 900), 255, np.uint8)
    cv2.rectangle(page, (20, 20), (880, 580), 0, 2)
    for k, line in enumerate(["Koncert g. Sokolino.", "Data: 12.05.2025 ..."]):
        cv2.putText(page, line, (40, 80 + 50 * k), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2, cv2.LINE_AA)
    # a «г.»: a stem with a bar on top, its full stop on the baseline clear of the stem's foot
    cv2.rectangle(page, (40, 200), (43, 222), 0, -1)
    cv2.rectangle(page, (40, 200), (54, 202), 0, -1)
    cv2.circle(page, (57, 220), 2, 0, -1)
    return page


SPECKS = [(300, 300), (500, 420), (700, 250), (820, 500), (150, 480), (600, 330), (26, 300), (875, 200)]


def _specked(page: np.ndarray) -> np.ndarray:
    """The page with dust: dots of 1-2 px radius in the cell's blank part and along its border
    (the last two, 4 px inside the frame)."""
    out = page.copy()
    for k, (x, y) in enumerate(SPECKS):
        cv2.circle(out, (x, y), 1 + k % 2, 0, -1)
    return out


def test_isolated_specks_become_paper() -> None:
    out = ocr_specks.without_specks(_specked(_page()), DPI, S)
    for x, y in SPECKS:
        assert out[y - 3 : y + 4, x - 3 : x + 4].min() == 255, (x, y)


def test_full_stops_colons_and_the_text_stay_exactly() -> None:
    page = _page()
    out = ocr_specks.without_specks(_specked(page), DPI, S)
    assert np.array_equal(out[30:240, 30:870], page[30:240, 30:870])
    assert out[218:223, 55:60].min() < 128  # the full stop of the «г.»


def test_a_page_without_specks_is_left_as_it_is() -> None:
    page = _page()
    assert np.array_equal(ocr_specks.without_specks(page, DPI, S), page)


def test_a_full_stop_after_a_word_touching_the_cells_border_stays() -> None:
    """A cell's last line sitting on its bottom rule: the word's letters are one piece of ink with the
    grid (a descender on the rule), yet still letters a full stop stands by. Dust by the rules is
    still dust, though a scan's rule edge is ragged (burrs a pixel or two high, some a speck long)
    and dust lies on it too: no burr is a letter a speck may stand by."""
    rng = np.random.default_rng(7)
    page = np.full((600, 900), 255, np.uint8)
    cv2.rectangle(page, (20, 20), (880, 580), 0, 2)
    for x in range(40, 860, 23):  # burrs on the rules' inner edges
        page[22 : 22 + int(rng.integers(1, 3)), x : x + int(rng.integers(3, 7))] = 0
        page[579 - int(rng.integers(1, 3)) : 579, x : x + int(rng.integers(3, 7))] = 0
    for x, y in [(200, 24), (400, 576)]:  # dust on the rule's edge, one piece with it
        cv2.circle(page, (x, y), 2, 0, -1)
    dust = [*SPECKS, (109 + 3, 28), (293 + 3, 572), (707 + 3, 572)]  # 4-5 px under a burr
    cv2.rectangle(page, (590, 556), (603, 559), 0, -1)  # a letter's bar
    cv2.rectangle(page, (600, 556), (603, 580), 0, -1)  # and its stem down to the rule («у», «р»)
    cv2.circle(page, (611, 572), 2, 0, -1)  # its full stop, by the stem
    specked = _specked(page)
    for x, y in dust[len(SPECKS) :]:
        cv2.circle(specked, (x, y), 1, 0, -1)
    out = ocr_specks.without_specks(specked, DPI, S)
    assert out[569:576, 608:615].min() < 128
    for x, y in dust:
        assert out[y - 2 : y + 3, x - 2 : x + 3].min() == 255, (x, y)
