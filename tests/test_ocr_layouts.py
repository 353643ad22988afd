"""Scanned tables in layouts the three samples do not have (bench/scans_layouts.py measures them):
a heading touching the table's frame, a table ruled between its rows only.

Pages drawn here; only the turned-label test needs Tesseract (skipped without it).
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from muniflow.readers import ocr, ocr_cells, ocr_gutters, ocr_page_image, ocr_strip, ocr_turned

W, H = 1654, 2339  # an A4 page at 200 dpi, portrait
LETTER, GAP, LINE = 10, 4, 30  # a letter's width, the gap after it, a line's pitch (pixels)


def _write(page: np.ndarray, x: int, y: int, right: int) -> None:
    """A line of 'text' from x to right: letter-sized blocks, so no run is long enough for a rule."""
    while x + LETTER <= right:
        page[y : y + 18, x : x + LETTER] = 0
        x += LETTER + GAP


def _rules(page: np.ndarray, ys: list[int], left: int, right: int) -> None:
    for y in ys:
        page[y : y + 3, left:right] = 0


def test_a_heading_touching_a_straight_table_leaves_it_straight() -> None:
    """Text written up against the table's top rule joined the table's ink, so the table's outline
    got a corner at the heading's and the straight page was warped by it: no rule was level and
    no table was found (layout corpus: a municipality's heading just above its table)."""
    page = np.full((H, W), 255, np.uint8)
    left, right, top, bottom = 150, 1500, 300, 1500
    ys = [top, 420, 700, 1000, 1300, bottom]
    xs = [left, 300, 700, 1100, right]
    _rules(page, ys, left, right + 3)
    for x in xs:
        page[top : bottom + 3, x : x + 3] = 0
    # the heading: its first line touches the frame, its second stands above, both from the left edge
    page[top - 6 : top, left : left + 700] = 0
    _write(page, left, top - 50, left + 700)
    page[top - 32 : top - 6, left : left + 4] = 0  # its letters reach down to the rule
    s = ocr.settings()
    level = ocr_page_image.rectify(page, s.outline_share, s.outline_reach_per_100dpi)
    assert level is page
    grid = ocr_cells.find_grid(ocr_page_image.binarize(ocr_page_image.deskew(level, s.max_skew_degrees)))
    assert grid is not None
    assert len(grid.xs) == len(xs)
    assert len(grid.ys) == len(ys)


def test_a_photographed_table_is_still_warped_to_a_rectangle() -> None:
    """The outline check keeps a table seen at an angle: its outline runs along its frame."""
    page = np.full((H, W), 255, np.uint8)
    _rules(page, [300, 600, 900, 1200, 1500], 150, 1503)
    for x in (150, 500, 900, 1500):
        page[300:1503, x : x + 3] = 0
    src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    dst = np.float32([[60, 40], [W - 20, 0], [W, H], [0, H - 60]])
    seen = cv2.warpPerspective(page, cv2.getPerspectiveTransform(src, dst), (W, H), borderValue=255)
    s = ocr.settings()
    assert ocr_page_image.rectify(seen, s.outline_share, s.outline_reach_per_100dpi) is not seen


def _rows_only_table() -> tuple[np.ndarray, list[int], list[int]]:
    """A table of four columns ruled between its rows only, with a heading row across it; in the
    third column two rows' first lines have a word gap where the column's other lines end."""
    page = np.full((H, W), 255, np.uint8)
    left, right = 200, 1450
    starts = [left, 350, 800, 1100]  # where each column begins
    ys = [300, 400, 450, 700, 950, 1200]
    _rules(page, ys, left, right)
    for x0, x1 in zip(starts, [*starts[1:], right], strict=True):  # the header, centred
        _write(page, (x0 + x1) // 2 - 40, 330, (x0 + x1) // 2 + 40)
    _write(page, 600, 415, 1000)  # a municipality's heading across the table
    for band, top in enumerate(ys[2:-1]):
        for c, x0 in enumerate(starts):
            end = [*starts[1:], right][c] - 20
            for line in range(3):
                y = top + 15 + line * LINE
                if c == 2 and band > 0 and line == 0:  # a long line with a word gap at 1040-1062
                    _write(page, x0 + 15, y, 1040)
                    _write(page, 1062, y, end)
                elif c == 2:
                    _write(page, x0 + 15, y, 1035)  # the other lines of that column end short
                else:
                    _write(page, x0 + 15, y, end - 40 * line)
    return page, starts, ys


def test_a_table_ruled_between_rows_only_gets_its_columns_from_the_gutters() -> None:
    page, starts, ys = _rows_only_table()
    ink = ocr_page_image.binarize(page)
    assert ocr_cells.find_grid(ink) is None  # no column rules: no grid from the rules alone
    grid = ocr_gutters.find_grid(ink, ocr_gutters.settings())
    assert grid is not None
    assert len(grid.xs) == len(starts) + 1  # the word gap inside the third column is no column
    for x, start in zip(grid.xs[1:-1], starts[1:], strict=True):
        assert start - 30 <= x <= start + 15  # just left of where the column's text starts
    assert len(grid.ys) == len(ys)
    assert grid.spans[1] == ((0, 3),)  # the heading row is one cell across the table
    assert grid.spans[2] == ((0, 0), (1, 1), (2, 2), (3, 3))


def test_month_headings_across_a_table_ruled_between_rows_hide_none_of_its_columns() -> None:
    """Ruled between rows only, a month's heading across the table over every row (a third of the
    bands and more: each crosses every gutter), and the № column's label wider than its numbers,
    reaching into the gutter after it: the columns are still found from the rows' bands, and the
    header's cells stay apart where no label crosses a column line."""
    page = np.full((H, W), 255, np.uint8)
    left, right = 200, 1450
    starts = [left, 420, 800, 1100]
    ys = [300, 400, 450, 600, 650, 800, 850, 1000]
    _rules(page, ys, left, right)
    _write(page, left + 20, 330, starts[1] - 30)  # «Номер по порядку», into the gutter before «Event»
    for x0, x1 in zip(starts[1:], [*starts[2:], right], strict=True):
        _write(page, x0 + 15, 330, x1 - 60)
    for top, bottom in pairwise(ys[1:]):
        if bottom - top < 100:
            _write(page, 700, top + 15, 950)  # a month's heading, centred
            continue
        _write(page, left + 15, top + 15, left + 45)  # «1.»
        for x0, x1 in zip(starts[1:], [*starts[2:], right], strict=True):
            for line in range(3):
                _write(page, x0 + 15, top + 15 + line * LINE, x1 - 40 - 30 * line)
    grid = ocr_gutters.find_grid(ocr_page_image.binarize(page), ocr_gutters.settings())
    assert grid is not None
    assert len(grid.xs) == len(starts) + 1
    assert grid.spans[0] == ((0, 0), (1, 1), (2, 2), (3, 3))  # the header's cells apart
    assert grid.spans[1] == ((0, 3),)  # a month's heading: one cell across


def test_short_headings_inside_a_column_hide_no_narrow_gutter() -> None:
    """Ruled between rows only, narrow gutters (the cells' text reaching near their edges), the
    header's labels centred and a municipality's short heading over every row, centred inside one
    column: the headings (one run of ink each) cross no gutter but start at none either; the
    columns are told by the bands of several runs, where each column's text starts right of its
    gutter (counted over every band, the headings made most gutters look like gaps in a column)."""
    page = np.full((H, W), 255, np.uint8)
    left, right = 200, 1450
    starts = [left, 420, 800, 1100]
    ends = [*starts[1:], right]
    ys = [300, 400, 450, 600, 650, 800, 850, 1000]
    _rules(page, ys, left, right)
    for x0, x1 in zip(starts, ends, strict=True):
        _write(page, (x0 + x1) // 2 - 40, 330, (x0 + x1) // 2 + 40)  # the header, centred
    for top, bottom in pairwise(ys[1:]):
        if bottom - top < 100:
            _write(page, 880, top + 15, 1020)  # a municipality's heading, inside the third column
            continue
        for x0, x1 in zip(starts, ends, strict=True):
            for line in range(3):
                _write(page, x0 + 12, top + 15 + line * LINE, x1 - 4 - 30 * line)
    grid = ocr_gutters.find_grid(ocr_page_image.binarize(page), ocr_gutters.settings())
    assert grid is not None
    assert len(grid.xs) == len(starts) + 1
    for x, start in zip(grid.xs[1:-1], starts[1:], strict=True):
        assert start - 10 <= x <= start + 12


def test_many_municipality_headings_leave_a_gutter_they_do_not_cross_found() -> None:
    """Ruled between rows only, a municipality's heading over every row and one more with none
    under it: more heading bands than rows. Each heading is centred inside the wide second column,
    short of the gutter after it, and starts nowhere near a column's left: the gutter is still
    told by where the rows' text starts (a heading is no row of cells), not lost to the headings."""
    page = np.full((H, W), 255, np.uint8)
    left, right = 200, 1450
    starts = [left, 300, 950, 1200]
    ends = [*starts[1:], right]
    ys = [300, 400]
    for _ in range(4):
        ys += [ys[-1] + 50, ys[-1] + 180]  # a heading's band, a row's band
    ys.append(ys[-1] + 50)  # a municipality's heading with no rows under it, last
    _rules(page, ys, left, right)
    for x0, x1 in zip(starts, ends, strict=True):  # the header, centred
        _write(page, (x0 + x1) // 2 - 30, 330, (x0 + x1) // 2 + 30)
    for top, bottom in pairwise(ys[1:]):
        if bottom - top < 100:
            _write(page, 700, top + 15, 880)  # «Энский район», centred in the table
            continue
        for x0, x1 in zip(starts, ends, strict=True):
            for line in range(3):
                _write(page, x0 + 15, top + 15 + line * LINE, x1 - 60 - 30 * line)
    grid = ocr_gutters.find_grid(ocr_page_image.binarize(page), ocr_gutters.settings())
    assert grid is not None
    assert len(grid.xs) == len(starts) + 1
    assert starts[2] - 60 <= grid.xs[2] <= starts[2] + 15


def test_a_page_holding_a_row_of_a_table_ruled_between_rows_takes_the_columns_before() -> None:
    """The page's top goes on with the table the page before ended with: its header repeated (the
    labels centred), the rest of a row the page end broke (one column's words) and one row. Three
    bands tell no gutter by where the text starts; the columns of the table before fit the blank
    strips here and are taken, where the page alone tells fewer."""
    page = np.full((H, W), 255, np.uint8)
    left, right = 200, 1450
    starts = [left, 350, 800, 1100]
    ends = [*starts[1:], right]
    ys = [300, 400, 450, 700]
    _rules(page, ys, left, right)
    for x0, x1 in zip(starts, ends, strict=True):
        _write(page, (x0 + x1) // 2 - 40, 330, (x0 + x1) // 2 + 40)  # the header, centred
    _write(page, starts[3] + 15, 415, starts[3] + 120)  # the rest of the row broken overleaf
    for x0, x1 in zip(starts, ends, strict=True):
        _write(page, x0 + 15, 470, x1 - 40)
    settings = ocr_gutters.settings()
    ink = ocr_page_image.binarize(page)
    alone = ocr_gutters.find_grid(ink, settings)
    assert alone is None or len(alone.xs) < len(starts) + 1
    hint = (left, *(x - 10 for x in starts[1:]), right)
    grid = ocr_gutters.find_grid(ink, settings, hint)
    # moved to this page's own left side (its rules' ends, 3 px off the hint's here)
    assert grid is not None and all(abs(x - h) <= 4 for x, h in zip(grid.xs, hint, strict=True))
    assert grid.spans[2] == ((0, 0), (1, 1), (2, 2), (3, 3))


def test_a_page_with_a_few_rules_and_no_columns_is_no_table() -> None:
    """Rules under a letterhead or a form's blank lines, text between them in one block: no table."""
    page = np.full((H, W), 255, np.uint8)
    _rules(page, [300, 500, 700], 200, 1450)
    for y in (330, 530):
        _write(page, 220, y, 1400)
    assert ocr_gutters.find_grid(ocr_page_image.binarize(page), ocr_gutters.settings()) is None


QUARTERS = [
    # (OCR text, expected, why)
    ("Пермского края, ТУ кв. 2025 г.", "Пермского края, IV кв. 2025 г.", "IV read as Т and У"),
    ("Пермского края, и кв. 2024", "Пермского края, II кв. 2024", "II joined by its serifs"),
    ("в Ш КВАРТАЛЕ 2024 ГОДА", "в III КВАРТАЛЕ 2024 ГОДА", "a title in capitals"),
    ("за 3 кв. 2024 г.", "за 3 кв. 2024 г.", "a digit stays"),
    ("улиц и кварталов города", "улиц и кварталов города", "the conjunction before no year stays"),
]


@pytest.mark.parametrize(("text", "expected", "why"), QUARTERS, ids=[q[2] for q in QUARTERS])
def test_a_quarter_number_read_as_look_alikes_is_the_roman_numeral(
    text: str, expected: str, why: str
) -> None:
    """Layout corpus: titles «за IV кв. 2025 г.», «II кв. 2024» read «ТУ кв.», «и кв.»: period unknown."""
    assert ocr.clean(text) == expected, why


FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_tesseract = pytest.mark.skipif(
    ocr.missing() is not None or not FONT.exists(),
    reason=f"{ocr.missing() or 'the DejaVu Sans font is missing'}: run `make tesseract` (OCR tests need it)",
)


def _label(text: str) -> np.ndarray:
    """A header label in black on white, upright (DejaVu Sans, about 12 pt at 200 dpi)."""
    font = ImageFont.truetype(str(FONT), 34)
    left, top, right, bottom = font.getbbox(text)
    image = Image.new("L", (right - left + 8, bottom - top + 8), 255)
    ImageDraw.Draw(image).text((4 - left, 4 - top), text, font=font, fill=0)
    return np.array(image)


@needs_tesseract
def test_header_labels_written_turned_either_way_are_read_upright() -> None:
    """Layout corpus, turned headers: labels written upwards or downwards in narrow columns were read
    as noise and the report refused as having no events table."""
    page = np.full((1400, 1654), 255, np.uint8)
    xs, ys = [100, 250, 900, 1050], [200, 700, 900]
    for y in ys:
        page[y : y + 3, xs[0] : xs[-1] + 3] = 0
    for x in xs:
        page[ys[0] : ys[-1] + 3, x : x + 3] = 0
    upward = cv2.rotate(_label("номер"), cv2.ROTATE_90_COUNTERCLOCKWISE)
    downward = cv2.rotate(_label("место"), cv2.ROTATE_90_CLOCKWISE)
    upright = _label("Наименование")
    for (x, y), label in zip([(150, 300), (950, 300), (300, 400)], [upward, downward, upright], strict=True):
        page[y : y + label.shape[0], x : x + label.shape[1]] = label
    ink = ocr_page_image.binarize(page)
    grid = ocr_cells.find_grid(ink)
    assert grid is not None
    erased = ocr_cells.erase_lines(page, ink)
    rows, _, _ = ocr_strip.read_table(
        erased, ocr_page_image.binarize(erased), grid, ocr.words, 60, ocr_turned.settings()
    )
    header = [(c.text or "").lower() for c in rows[0]]
    assert "номер" in header[0]
    assert "именование" in header[1]  # read upright, as it stands
    assert "место" in header[2]


def test_a_summary_table_above_the_events_table_leaves_the_events_table_found() -> None:
    """Layout corpus, a lead summary table: its ruled grid was the page's only table, the events
    table under it (ruled between rows only) was lost and the report refused as unknown_layout."""
    events, starts, ys = _rows_only_table()
    page = np.full((H + 400, W), 255, np.uint8)
    page[400:] = events  # the events table moved 400 px down, a summary above it
    summary_xs, summary_ys = [200, 800, 1450], [100, 160, 220, 280]
    _rules(page, summary_ys, summary_xs[0], summary_xs[-1] + 3)
    for x in summary_xs:
        page[summary_ys[0] : summary_ys[-1] + 3, x : x + 3] = 0
    grids = ocr.find_tables(ocr_page_image.binarize(page))
    assert [(len(g.xs), ruled) for g, ruled in grids] == [(len(summary_xs), True), (len(starts) + 1, False)]
    assert grids[1][0].ys[0] == ys[0] + 400 + 1  # the rule's centre, below the summary


def test_a_summary_table_with_sides_in_line_with_the_events_table_is_a_table_of_its_own() -> None:
    """Both tables fully ruled and as wide as each other, a title between them: their side rules
    stand in one line. The events table's column rules, the longest, made one grid of both, the
    summary's rows one merged cell each, and the report was refused as unknown_layout."""
    page = np.full((H, W), 255, np.uint8)
    left, right = 200, 1450
    summary_xs, summary_ys = [left, 620, 1040, right], [100, 180, 240, 300]
    events_xs, events_ys = [left, 300, 700, 900, 1200, right], [420, 520, 800, 1080, 1360, 1640]
    for xs, ys in ((summary_xs, summary_ys), (events_xs, events_ys)):
        _rules(page, ys, left, right + 3)
        for x in xs:
            page[ys[0] : ys[-1] + 3, x : x + 3] = 0
    _write(page, 600, 350, 1000)  # the events table's title, between the two
    grids = ocr.find_tables(ocr_page_image.binarize(page))
    assert [(len(g.xs), len(g.ys), ruled) for g, ruled in grids] == [
        (len(summary_xs), len(summary_ys), True),
        (len(events_xs), len(events_ys), True),
    ]


def _cells(*texts: str) -> list[ocr_cells.CellText]:
    return [ocr_cells.CellText(t, 90.0) for t in texts]


def test_tables_of_their_own_on_one_page_and_across_pages() -> None:
    """A second table on a page, or one with another number of columns, is a table of its own with
    the text above it as caption; a page's first table with the same columns continues the last."""
    summary = ocr.Page(
        [_cells("Район", "Мероприятий"), _cells("Сычёвский", "3")], "ОТЧЁТ за II квартал 2024 года"
    )
    events = ocr.Page(
        [_cells("№", "Мероприятие", "Дата"), _cells("1", "Форум", "5 мая 2024 г.")], "Перечень мероприятий"
    )
    next_page = ocr.Page([_cells("№", "Мероприятие", "Дата"), _cells("2", "Ярмарка", "7 мая 2024 г.")], "")
    first = ocr.Page(summary.rows, summary.above, (events,))
    doc, confidence = ocr.to_document("scan.tiff", "image_ocr", [first, next_page])
    assert doc.title.startswith("ОТЧЁТ")
    assert [t.header for t in doc.tables] == [("Район", "Мероприятий"), ("№", "Мероприятие", "Дата")]
    assert doc.tables[1].caption == "Перечень мероприятий"
    assert [r.cells[1] for r in doc.tables[1].rows] == ["Форум", "Ярмарка"]
    assert len({loc for loc, _ in confidence}) == 3  # each row its own place


@pytest.mark.parametrize("where", ["under_the_table", "above_the_next"])
def test_a_municipalitys_heading_between_a_page_end_and_its_table_overleaf_heads_its_rows(where: str) -> None:
    """Each municipality's table of the same columns: the next one's heading at the foot of a page
    (or at the top of the next, above its table) is no caption lost when that table goes on with
    the one before: it is a heading row there. A page number or a running footer is none."""
    header = _cells("№", "Мероприятие", "Дата")
    heading, footer = "Администрация города Белозорска", "Исполнитель: Иванова И.И.\n- 3 -"
    first = ocr.Page([header, _cells("1", "Форум", "5 мая 2024 г.")], "Сычёвский район")
    first = ocr.Page(first.rows, first.above, after=heading if where == "under_the_table" else footer)
    above = heading if where == "above_the_next" else ""
    second = ocr.Page([header, _cells("1", "Ярмарка", "7 мая 2024 г.")], above, after=footer)
    third = ocr.Page([header, _cells("2", "Концерт", "9 мая 2024 г.")], "")
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [first, second, third])
    (table,) = doc.tables
    assert [r.cells[:2] for r in table.rows] == [
        ("1", "Форум"),
        (heading, None),
        ("1", "Ярмарка"),
        ("2", "Концерт"),
    ]


def test_a_running_header_naming_a_municipality_over_a_broken_row_is_no_heading() -> None:
    """A line naming the sender above every page's table (a running header), where the page's
    first row goes on the row the page break cut: that row is glued back, no heading put between."""
    header = _cells("№", "Мероприятие", "Дата")
    running = "Администрация города Белозорска"
    first = ocr.Page([header, _cells("1", "Форум", "5 мая 2024 г.")], running)
    second = ocr.Page([header, _cells("", "городов", ""), _cells("2", "Ярмарка", "7 мая 2024 г.")], running)
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [first, second])
    (table,) = doc.tables
    assert [r.cells[:2] for r in table.rows] == [("1", "Форум\nгородов"), ("2", "Ярмарка")]


def test_a_page_whose_columns_come_from_gutters_goes_on_with_the_table_before() -> None:
    """Gutters may find a column fewer on one page (a short column's text): the rows go on."""
    first = ocr.Page(
        [_cells("№", "Мероприятие", "Дата"), _cells("1", "Форум", "5 мая")], "ОТЧЁТ", ruled=False
    )
    second = ocr.Page([_cells("2", "Ярмарка 7 мая")], "", ruled=False)
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [first, second])
    assert len(doc.tables) == 1
    assert [r.cells[0] for r in doc.tables[0].rows] == ["1", "2"]


def test_a_group_header_over_two_columns_is_a_level_of_its_own() -> None:
    """«Событие» over «Название | Адрес»: the rule under the group, a third of the table wide,
    reaches neither side, so it parted no rows, and the line between its two columns, drawn below
    it only, was too short for the band: the header was one cell over both columns (read as one
    combined column, the second's values lost)."""
    page = np.full((H, W), 255, np.uint8)
    left, right, top, bottom = 150, 1500, 300, 1500
    xs = [left, 300, 550, 800, 1150, right]
    ys = [top, 460, 800, 1150, bottom]
    _rules(page, ys, left, right + 3)
    for x in xs:
        if x != 550:
            page[top : bottom + 3, x : x + 3] = 0
    group = 380  # the group's rule under columns 2 and 3, the line between them from there down
    page[group : group + 3, 300:803] = 0
    page[group : bottom + 3, 550:553] = 0
    _write(page, 320, top + 30, 500)  # the group's name
    _write(page, 320, group + 30, 520)  # its sub-headers
    _write(page, 570, group + 30, 770)
    grid = ocr_cells.find_grid(ocr_page_image.binarize(page))
    assert grid is not None
    assert len(grid.ys) == len(ys) + 1 and abs(grid.ys[1] - group) <= 4
    assert grid.spans[0] == ((0, 0), (1, 2), (3, 3), (4, 4))  # the group one cell over its two columns
    assert grid.spans[1] == ((0, 0), (1, 1), (2, 2), (3, 3), (4, 4))


def test_a_punched_holes_shadow_on_a_tables_side_leaves_the_side_a_column_line() -> None:
    """Two punched holes' dark shadows lie on the table's left side: the strip of columns their ink
    runs down is wider than the rule, yet the column line is where the rule is, not in the strip's
    middle (where it ran for the holes' height only, and the table lost its first column)."""
    page = np.full((H, W), 255, np.uint8)
    xs, ys = [200, 330, 900, 1450], [300, 500, 800, 1100, 1400]
    _rules(page, ys, xs[0], xs[-1] + 3)
    for x in xs:
        page[ys[0] : ys[-1] + 3, x : x + 3] = 0
    for y in (650, 1250):
        cv2.circle(page, (165, y), 45, 0, -1)  # a hole's shadow, over the side rule
    grid = ocr_cells.find_grid(ocr_page_image.binarize(page))
    assert grid is not None
    assert len(grid.xs) == len(xs)
    assert abs(grid.xs[0] - xs[0]) <= 4


def test_a_column_no_row_writes_in_is_no_column_of_the_table() -> None:
    """A stroke beside the table taken for a column line gives it a column blank in its header and
    every row: dropped, so the municipality's table under it (no header, read without that stroke)
    is as wide as it and goes on with it, and so is a page with the stroke again. A column blank in
    the few rows of a page going on a table as wide is kept."""
    blank = ocr_cells.CellText("", None)
    first = ocr.Page(
        [[blank, *_cells("№", "Мероприятие", "Дата")], [blank, *_cells("1", "Форум", "5 мая 2024 г.")]],
        "Энский район",
        (ocr.Page([_cells("2", "Ярмарка", "7 мая 2024 г.")], "Город Белозорск"),),
    )
    second = ocr.Page([[blank, *_cells("3", "Концерт", "9 мая 2024 г.")]], "")
    third = ocr.Page([[*_cells("4", "Выставка"), blank]], "")
    doc, confidence = ocr.to_document("scan.tiff", "image_ocr", [first, second, third])
    assert [t.header for t in doc.tables] == [("№", "Мероприятие", "Дата"), ("2", "Ярмарка", "7 мая 2024 г.")]
    assert [r.cells for r in doc.tables[1].rows] == [("3", "Концерт", "9 мая 2024 г."), ("4", "Выставка", "")]
    assert all(len(c) == 3 for _, c in confidence)


def test_a_column_whose_only_text_spans_the_next_is_that_next_column() -> None:
    """A table read by where its words stand: one row's participants start left of the others' (a
    longer line), so a column line falls between, a column whose only text is that row's, spanning
    the next. That column is dropped and the row's text goes to the next, where the others' stands;
    the table under it, read without that line, is then as wide and goes on with it."""
    blank, covered = ocr_cells.CellText("", None), ocr_cells.CellText(None, None)
    first = ocr.Page(
        [
            [*_cells("1.", "Форум", "12.05.2024", "Около 1200 зрителей"), covered],
            [*_cells("2.", "Ярмарка", "14.05.2024"), blank, *_cells("6 человек")],
        ],
        "Энский район",
        (ocr.Page([_cells("3.", "Концерт", "20.05.2024", "40 детей")], "Город Белозорск"),),
    )
    doc, _ = ocr.to_document("scan.png", "image_ocr", [first])
    assert doc.tables[0].header == ("1.", "Форум", "12.05.2024", "Около 1200 зрителей")
    assert doc.tables[0].rows[0].cells == ("2.", "Ярмарка", "14.05.2024", "6 человек")
    assert len(doc.tables[1].header) == 4


def test_a_row_cut_by_a_page_break_goes_on_though_a_speck_marks_its_blank_number_cell() -> None:
    """The rest of a row cut by a page break opens the next page with a blank № cell; a speck there
    read as «:» is no number, so the rest is still glued to the row above, not a row of its own."""
    header = _cells("№", "Мероприятие", "Дата")
    first = ocr.Page([header, _cells("6.", "Концерт детских коллективов «Звонкие", "8 февраля 2025 г.")], "")
    second = ocr.Page([header, _cells(":", "струны»", ""), _cells("7.", "Форум", "9 февраля 2025 г.")], "")
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [first, second])
    assert [r.cells[1] for r in doc.tables[0].rows] == [
        "Концерт детских коллективов «Звонкие\nструны»",
        "Форум",
    ]
    # a new row opening the page, its № misread as marks, is a row of its own
    third = ocr.Page([header, _cells("=)", "Выставка «Узоры»", "10 февраля 2025 г.")], "")
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [first, third])
    assert [r.cells[1] for r in doc.tables[0].rows] == [
        "Концерт детских коллективов «Звонкие",
        "Выставка «Узоры»",
    ]
