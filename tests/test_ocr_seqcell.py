"""The № column's cells that read as no number read again alone as digits (readers/ocr_seqcell.py)."""

from __future__ import annotations

import shutil

import cv2
import numpy as np
import pytest

from muniflow.readers import ocr, ocr_seqcell, ocr_strip
from muniflow.readers.ocr_cells import Grid, Word

DPI = 300.0
S = ocr_seqcell.settings()


def _cell(text: str, specks: bool = True) -> np.ndarray:
    """A № cell at 300 dpi: the number near its top left, toner specks beside it and below."""
    cell = np.full((220, 130), 255, dtype=np.uint8)
    cv2.putText(cell, text, (20, 50), cv2.FONT_HERSHEY_SIMPLEX, 1.3, 0, 3)
    if specks:
        for x, y in ((75, 18), (82, 24), (14, 60), (60, 120), (100, 170)):
            cv2.circle(cell, (x, y), 2, 0, -1)
    return cell


def test_the_numbers_marks_are_kept_and_specks_left_out() -> None:
    alone = ocr_seqcell.digits_only(_cell("3."), DPI, S)
    assert alone is not None
    clean = ocr_seqcell.digits_only(_cell("3.", specks=False), DPI, S)
    assert clean is not None
    assert alone.shape == clean.shape, "the specks beside and under the number are no part of it"
    assert np.count_nonzero(alone < 128) == np.count_nonzero(clean < 128)


def test_a_cell_of_specks_only_is_not_read_again() -> None:
    cell = np.full((220, 130), 255, dtype=np.uint8)
    for x, y in ((30, 30), (40, 34), (90, 150)):
        cv2.circle(cell, (x, y), 2, 0, -1)
    assert ocr_seqcell.digits_only(cell, DPI, S) is None


def test_a_rules_remnant_is_no_digit() -> None:
    cell = _cell("4.", specks=False)
    cell[205:209, 5:125] = 0  # a ruling line left at the cell's foot, long and flat
    alone = ocr_seqcell.digits_only(cell, DPI, S)
    assert alone is not None and alone.shape[0] < 100, "the number's line only"


XS = (0, 130, 1300)
TITLES = ["Vystavka"] * 3
YS = (0, 220, 440, 660)


def _page() -> np.ndarray:
    page = np.full((700, 1300), 255, dtype=np.uint8)
    for r, text in enumerate(("1.", "2.", "3.")):
        page[YS[r] : YS[r] + 220, 0:130] = _cell(text, specks=False)
        cv2.putText(page, "Vystavka", (160, YS[r] + 50), cv2.FONT_HERSHEY_SIMPLEX, 1.3, 0, 3)
    return page


def _reader(texts: list[str]):  # type: ignore[no-untyped-def]
    """Reads the strip's cells (its blocks of ink between white gaps, top to bottom: the narrow №
    cells first) as `texts` say, one word each."""

    def read(strip: np.ndarray, timeout: float, psm: int) -> list[Word]:
        inked = np.nonzero((strip < 128).any(axis=1))[0]
        blocks = np.split(inked, np.nonzero(np.diff(inked) > ocr_strip.GAP // 2)[0] + 1)
        return [
            Word(text, 20, int(block[0]), 30, int(block[-1] - block[0]) + 1, 90.0)
            for text, block in zip(texts, blocks, strict=False)
        ]

    return read


def test_a_number_read_as_letters_is_read_again_as_digits() -> None:
    page = _page()
    grid = Grid(XS, YS, tuple(((0, 0), (1, 1)) for _ in range(3)))
    ink = np.where(page < 128, 255, 0).astype(np.uint8)
    lines: list[np.ndarray] = []

    def digits(line: np.ndarray) -> tuple[str, float | None]:
        lines.append(line)
        return "2.", 80.0

    rows, _, _ = ocr_strip.read_table(
        page, ink, grid, _reader(["1.", "ти,", "3.", *TITLES]), 60, number=digits
    )
    assert [r[0].text for r in rows] == ["1.", "2.", "3."]
    assert len(lines) == 1, "only the cell that read as no number is read again"
    assert [r[1].text for r in rows] == ["Vystavka"] * 3, "the wide column is not read again"


def test_a_reading_again_that_is_no_number_leaves_the_cell_as_read() -> None:
    page = _page()
    grid = Grid(XS, YS, tuple(((0, 0), (1, 1)) for _ in range(3)))
    ink = np.where(page < 128, 255, 0).astype(np.uint8)
    rows, _, _ = ocr_strip.read_table(
        page, ink, grid, _reader(["1.", "2.", "р", *TITLES]), 60, number=lambda line: ("", None)
    )
    assert rows[2][0].text == "р"


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_tesseract_reads_a_speckled_number_as_digits() -> None:
    alone = ocr_seqcell.digits_only(_cell("5."), DPI, S)
    assert alone is not None
    text, _ = ocr._digits(alone)
    assert text.rstrip(".") == "5"


def test_a_narrow_first_column_with_every_number_misread_is_the_number_column() -> None:
    xs = (0, 130, 1300, 2600)
    assert ocr_seqcell.seq_column(["1.", "Vystavka"], xs, ["с", "", ".9:"], S) == 0, "a page going on"
    assert ocr_seqcell.seq_column(["x", "y"], xs, ["нет", "да"], S) is None, "a column of words"
    assert ocr_seqcell.seq_column(["x", "y"], (0, 900, 1300), ["с", "2."], S) is None, "a wide column"


def test_a_heading_merged_across_is_no_cell_of_the_number_column() -> None:
    page = _page()
    grid = Grid(XS, YS, (((0, 1),), ((0, 0), (1, 1)), ((0, 0), (1, 1))))
    ink = np.where(page < 128, 255, 0).astype(np.uint8)
    texts = ["с", ".9:", "Vystavka", "Vystavka", "Gorodskoy okrug Kamyshansk"]  # narrow cells first
    rows, _, _ = ocr_strip.read_table(page, ink, grid, _reader(texts), 60, number=lambda line: ("8.", 80.0))
    assert [r[0].text for r in rows][1:] == ["8.", "8."], "a page going on, every number misread"
