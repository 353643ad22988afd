"""Screenshots of a report (a word processor's or a browser's window round the page): the window's
frame is no table, the resolution is judged by the text's own size, the text above the table is
read across the page, light text on a dark fill is read."""

from __future__ import annotations

import cv2
import numpy as np

from muniflow.readers import ocr, ocr_cells, ocr_ink, ocr_page_image, ocr_strip

TABLE_XS = (420, 520, 820, 1050, 1300)
TABLE_YS = (220, 300, 380, 460, 540, 620)


def _table(page: np.ndarray) -> None:
    for x in TABLE_XS:
        cv2.line(page, (x, TABLE_YS[0]), (x, TABLE_YS[-1]), 0, 1)
    for y in TABLE_YS:
        cv2.line(page, (TABLE_XS[0], y), (TABLE_XS[-1], y), 0, 1)
    for r, y in enumerate(TABLE_YS[1:-1], start=1):
        cells = (f"{r}.", "Vorum gorodov", "g. Lesnoy", "12.04.2025")
        for x, text in zip(TABLE_XS, cells, strict=False):
            cv2.putText(page, text, (x + 8, y + 40), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 0, 1, cv2.LINE_AA)


def _window() -> np.ndarray:
    """A window 1500 x 900 px: its frame at the picture's edges, a toolbar's rule, a side pane's
    rule, a status bar's rule, a scroll bar; the page's table inside, off every rule of the window."""
    shot = np.full((900, 1500), 255, np.uint8)
    cv2.rectangle(shot, (0, 0), (1499, 899), 0, 2)
    cv2.line(shot, (0, 70), (1499, 70), 0, 1)
    cv2.line(shot, (0, 860), (1499, 860), 0, 1)
    cv2.line(shot, (300, 70), (300, 860), 0, 1)
    cv2.rectangle(shot, (1470, 70), (1499, 860), 0, 1)
    _table(shot)
    return shot


def test_a_window_round_the_page_is_no_table_and_the_table_inside_is_found() -> None:
    shot = _window()
    grids = ocr.find_tables(ocr_page_image.binarize(shot))
    assert len(grids) == 1, "the window's frame is no table, nor its bar under the table"
    grid, ruled = grids[0]
    assert ruled
    assert all(abs(a - b) <= 3 for a, b in zip(grid.xs, TABLE_XS, strict=True)), grid.xs
    assert abs(grid.ys[0] - TABLE_YS[0]) <= 3 and abs(grid.ys[-1] - TABLE_YS[-1]) <= 3, grid.ys


def test_a_table_reaching_the_pictures_bottom_ends_the_search_there() -> None:
    """A grid whose bottom rule is the picture's last row leaves nothing under it to search."""
    page = np.full((700, 1500), 255, np.uint8)
    _table(page)
    cut = page[: TABLE_YS[-1] + 1]
    grids = ocr.find_tables(ocr_page_image.binarize(cut))
    assert len(grids) == 1


def _lines_of_letters(shape: tuple[int, int], scale: float, step: int) -> np.ndarray:
    """A picture of lines of small crisp letters (a screenshot at 100 % zoom), `step` px apart."""
    shot = np.full(shape, 255, np.uint8)
    for y in range(40, shape[0] - 20, step):
        cv2.putText(shot, "Vorum gorodov v g. Lesnoy mezhdu 12.04 i 14.04", (30, y),
                    cv2.FONT_HERSHEY_SIMPLEX, scale, 0, 1, cv2.LINE_AA)  # fmt: skip
    return shot


def test_a_small_screenshot_with_legible_letters_is_scaled_up_not_refused() -> None:
    """1280 x 720 px is a 87 dpi A4 page, too coarse as a scan; its letters are 9-10 px high,
    crisp: read, scaled up so that they are as high as a scan's the reader is made for."""
    shot = _lines_of_letters((720, 1280), 0.6, 30)
    height = ocr.letter_height(shot)
    assert height is not None and 8 <= height < 12
    ready = ocr.legible(shot)
    assert ready.shape[0] > shot.shape[0] and ready.shape[1] > shot.shape[1]
    assert ocr.effective_dpi(ready) >= ocr.settings().min_dpi, "as large as a scan at min_dpi at least"
    assert (ocr.letter_height(ready) or 0) >= ocr.settings().letter_px_target - 2


def test_a_picture_whose_letters_are_too_small_is_refused_with_advice_fitting_it() -> None:
    """Letters about 5 px high: no scaling makes them readable. A screenshot is not told to scan
    again; a page of A4's proportions is."""
    import pytest

    from muniflow.model import ReaderError

    wide = _lines_of_letters((720, 1280), 0.22, 14)
    with pytest.raises(ReaderError) as refused:
        ocr.legible(wide)
    assert refused.value.reason == "low_resolution"
    assert "scan" not in refused.value.message and "zoomed in" in refused.value.message
    page = _lines_of_letters((1100, 780), 0.22, 14)
    with pytest.raises(ReaderError) as refused:
        ocr.legible(page)
    assert refused.value.reason == "low_resolution" and "200-300 dpi" in refused.value.message


def test_a_picture_as_large_as_a_page_at_min_dpi_is_read_as_it_is() -> None:
    page = _lines_of_letters((2339, 1654), 0.6, 30)
    assert ocr.legible(page) is page


def _blobs_as_words(strip: np.ndarray, timeout: float, psm: int) -> list[ocr_cells.Word]:
    """A stand-in for Tesseract: each blot of ink (letters run together) read as a word «w»."""
    ink = cv2.dilate(ocr_page_image.binarize(strip), np.ones((9, 25), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink)
    return [ocr_cells.Word("w", int(x), int(y), int(bw), int(bh), 90.0) for x, y, bw, bh, _ in stats[1:count]]


def test_the_title_above_a_table_is_read_beyond_the_tables_sides() -> None:
    """A title wider than the table: its end, right of the table's right side, is read with it."""
    page = np.full((700, 1600), 255, np.uint8)
    _table(page)
    cv2.putText(page, "Otchet", (600, 150), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2, cv2.LINE_AA)
    cv2.putText(page, "kvartal", (1420, 150), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2, cv2.LINE_AA)
    (grid, _), *_ = ocr.find_tables(ocr_page_image.binarize(page))
    _, above, _ = ocr_strip.read_table(page, ocr_page_image.binarize(page), grid, _blobs_as_words, 60)
    assert above.split() == ["w", "w"], "both words of the title, the second beyond the table's side"


def test_a_windows_pane_bounds_the_text_above_its_table() -> None:
    """In a window, the title above the table is read across the pane the table stands in, not
    across the side pane's or the toolbar's text."""
    (table, pane), *rest = ocr_cells.held_panes(ocr_page_image.binarize(_window()))
    assert not rest
    assert abs(table[0] - TABLE_XS[0]) <= 8 and abs(table[2] - TABLE_XS[-1]) <= 8
    assert 300 < pane[0] < TABLE_XS[0] and TABLE_XS[-1] < pane[2] <= 1470, pane
    assert 70 < pane[1] < TABLE_YS[0], "under the toolbar's rule"


def test_white_letters_on_a_dark_blue_header_stay_ink_when_colour_is_taken_off() -> None:
    """A header filled dark blue, its labels white: the fill is turned light and taken off with the
    colour, the labels dark, as a black-on-white header would read."""
    page = np.full((900, 1400, 3), 255, np.uint8)
    cv2.rectangle(page, (100, 100), (1300, 220), (150, 70, 30), -1)  # BGR: a dark blue
    for x in (120, 520, 920):
        cv2.putText(page, "Mesto", (x, 175), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (255, 255, 255), 3, cv2.LINE_AA)
    cv2.putText(page, "Vorum gorodov", (120, 400), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (0, 0, 0), 3, cv2.LINE_AA)
    grey = ocr_ink.grey_page(page, 5)
    header = grey[100:220, 100:1300]
    assert np.count_nonzero(header < 100) > 1500, "the labels are dark ink"
    assert np.median(header) > 200, "the fill is paper"
    assert np.count_nonzero(grey[360:420, 100:700] < 100) > 1500, "black text elsewhere stays"


def test_a_dark_scan_with_darker_text_is_not_inverted() -> None:
    """A grey page (a dark scan) whose text is darker than its paper holds no light text."""
    page = np.full((900, 1400), 95, np.uint8)
    cv2.putText(page, "Vorum gorodov", (120, 400), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3, cv2.LINE_AA)
    assert ocr_ink.light_on_dark_turned(page, ocr_ink.settings()) is page


LETTER = (
    "Начальнику управления внешних связей Северной области\n"
    "Администрация муниципального образования «Озёрный район» Северной области сообщает, "
    "что в III квартале 2025 года международные мероприятия не проводились.\n"
    "Глава муниципального образования"
)


def test_a_nil_letter_read_by_ocr_is_a_document_with_its_text_not_a_refusal() -> None:
    """A picture of a letter (no table on it) saying no events were held is read as a text reader
    reads the letter: its OCR'd text, no table, for the nil report to be found in it."""
    doc, confidence = ocr.to_document("letter.png", "image_ocr", [ocr.Page([], LETTER)])
    assert doc.tables == () and "не проводились" in doc.title and confidence == ()


def test_a_picture_with_no_table_and_no_nil_is_refused_with_its_text() -> None:
    """Refused, its text kept: the title still says whose report it is and for when."""
    import pytest

    from muniflow.model import ReaderError

    text = "Отчёт Озёрного района Северной области за III квартал 2025 года"
    with pytest.raises(ReaderError) as refused:
        ocr.to_document("page.png", "image_ocr", [ocr.Page([], text)])
    assert refused.value.reason == "no_table_found" and "III квартал 2025" in refused.value.text
