"""Table cells cut out, stacked into strips and read back into their cells (readers/ocr_strip.py).

No Tesseract here: a fake reader reports each block of ink in the strip as a word named by the
block's width, so every cell's text says which block landed in it.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from muniflow.readers import ocr_strip
from muniflow.readers.ocr_cells import Grid, Word

XS = (10, 110, 260, 400)
YS = (10, 80, 200, 260)


def _page(blocks: dict[tuple[int, int], int]) -> np.ndarray:
    """A white page with a black block of the given width in the middle of each (row, column) cell."""
    page = np.full((300, 420), 255, dtype=np.uint8)
    for (r, c), width in blocks.items():
        cx, cy = (XS[c] + XS[c + 1]) // 2, (YS[r] + YS[r + 1]) // 2
        page[cy - 5 : cy + 5, cx - width // 2 : cx - width // 2 + width] = 0
    return page


def _fake_reader(seen: list[np.ndarray]):  # type: ignore[no-untyped-def]
    def read(strip: np.ndarray, timeout: float, psm: int) -> list[Word]:
        seen.append(strip)
        count, _, stats, _ = cv2.connectedComponentsWithStats((strip < 128).astype(np.uint8))
        return [
            Word(str(stats[i, cv2.CC_STAT_WIDTH]), *map(int, stats[i, :4]), 90.0) for i in range(1, count)
        ]

    return read


def _ink(page: np.ndarray) -> np.ndarray:
    return np.where(page < 128, 255, 0).astype(np.uint8)


def test_each_cells_words_come_back_to_that_cell() -> None:
    grid = Grid(XS, YS, tuple(((0, 0), (1, 1), (2, 2)) for _ in range(3)))
    blocks = {(0, 0): 20, (0, 2): 31, (1, 1): 42, (2, 0): 53, (2, 2): 64}
    page = _page(blocks)
    seen: list[np.ndarray] = []
    rows, above, _ = ocr_strip.read_table(page, _ink(page), grid, _fake_reader(seen), 60)
    assert [[c.text for c in row] for row in rows] == [
        [str(blocks.get((r, c), "")) for c in range(3)] for r in range(3)
    ]
    assert above == ""
    assert len(seen) == 1, "one strip for a small page"
    assert rows[0][1].conf is None and rows[0][0].conf == 90.0, "an empty cell has no confidence"


def test_a_merged_cell_is_read_once_and_covers_the_cells_to_its_right() -> None:
    grid = Grid(XS, YS, (((0, 0), (1, 1), (2, 2)), ((0, 2),), ((0, 0), (1, 1), (2, 2))))
    page = _page({(0, 0): 20})
    page[YS[1] + 20 : YS[1] + 30, 150:230] = 0  # a heading across the row, 80 wide
    rows, _, _ = ocr_strip.read_table(page, _ink(page), grid, _fake_reader([]), 60)
    assert [c.text for c in rows[1]] == ["80", None, None]


def test_text_above_the_table_is_read_as_the_title() -> None:
    grid = Grid(XS, (60, 130, 260), (((0, 0), (1, 1), (2, 2)),) * 2)
    page = _page({})
    page[20:30, 100:170] = 0
    _, above, _ = ocr_strip.read_table(page, _ink(page), grid, _fake_reader([]), 60)
    assert above == "70"


def test_empty_cells_are_not_sent_to_ocr() -> None:
    grid = Grid(XS, YS, tuple(((0, 0), (1, 1), (2, 2)) for _ in range(3)))
    page = _page({})
    seen: list[np.ndarray] = []
    rows, _, _ = ocr_strip.read_table(page, _ink(page), grid, _fake_reader(seen), 60)
    assert seen == [] and all(c.text == "" for row in rows for c in row)


CHUNKS = [
    # (boxes as (height, width), area limit, why)
    ([(100, 50)] * 10, 10**9, "all in one strip when they fit"),
    ([(1000, 900)] * 5, 3_000_000, "cut when the area would pass the limit"),
    ([(100, 2000), (100, 50), (100, 2000), (100, 50)], 700_000, "narrow cells kept with narrow ones"),
    ([(40000, 50)], 10**9, "a box taller than a strip still gets a strip of its own"),
]


@pytest.mark.parametrize(("sizes", "limit", "why"), CHUNKS, ids=[c[2] for c in CHUNKS])
def test_strips_hold_every_box_once_within_the_limits(
    sizes: list[tuple[int, int]], limit: int, why: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_strip, "MAX_AREA", limit)
    boxes = [ocr_strip.Box(0, h, 0, w) for h, w in sizes]
    chunks = ocr_strip._chunks(boxes)
    assert sorted(i for c in chunks for i in c) == list(range(len(boxes))), why
    for chunk in chunks:
        if len(chunk) > 1:
            height = sum(boxes[i].bottom + ocr_strip.GAP for i in chunk) + ocr_strip.PAD
            width = max(boxes[i].right for i in chunk) + 2 * ocr_strip.PAD
            assert height <= ocr_strip.MAX_HEIGHT and height * width <= limit, why
    if why.startswith("narrow"):
        assert sorted(map(sorted, chunks)) == [[0, 2], [1, 3]], why
