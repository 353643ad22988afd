"""Ruling lines told from letters on a scanned page (ocr_cells.line_masks)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from muniflow.readers import ocr_cells


@pytest.mark.parametrize("shape", [(2339, 1654), (1654, 2339)], ids=["portrait", "landscape"])
def test_a_letters_stem_is_no_ruling_line_on_either_page(shape: tuple[int, int]) -> None:
    """At 200 dpi a 14 pt letter's stem («р», «ф») runs about 30 px: on a landscape page too it is
    no vertical rule (erased as one, «р» was read «э»); a cell's side of 200 px is one."""
    ink = np.zeros(shape, np.uint8)
    cv2.line(ink, (400, 300), (400, 331), 255, 3)  # a stem
    cv2.line(ink, (800, 300), (800, 500), 255, 3)  # a rule
    _, vertical = ocr_cells.line_masks(ink)
    assert not vertical[300:332, 395:406].any()
    assert vertical[300:500, 795:806].any()
