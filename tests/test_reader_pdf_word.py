"""PDFs drawn the way Microsoft Word saves them: rules as thin filled rectangles, one per cell side
and row, and no rule across a row where it meets the page's end (or, continued, its start); and
rules whose ends are off by rounding noise, as a page stored turned gives them."""

from __future__ import annotations

from pathlib import Path

import pytest
from badfiles import helvetica_page

from muniflow.readers.pdf import PdfReader
from muniflow.readers.pdflines import Glyph, group_lines, line_text
from muniflow.readers.pdfrules import closing_rules, is_shading

ROWS = [("No", "Event", "Place"), ("1", "Delegation visit", "Town hall"), ("2", "Forum", "Library")]
LEFT, TOP, WIDTH, HEIGHT, RULE = 50.0, 700.0, 150.0, 30.0, 0.48


def _word_table(
    rows: list[tuple[str, ...]], *, open_top: bool = False, open_bottom: bool = False, shaded: bool = False
) -> bytes:
    """A content stream drawing a grid as Word does: each rule a filled rectangle RULE wide, the
    side rules drawn row by row; the rule above the first or below the last row left out; with
    shaded, each body cell's paragraph on a grey fill a line high, drawn before the text."""
    ops = []
    if shaded:
        for r in range(1, len(rows)):
            for c in range(len(rows[0])):
                x, y = LEFT + c * WIDTH + 3, TOP - (r + 1) * HEIGHT + 8
                ops.append(b"0.8 g %.2f %.2f %.2f 13 re f 0 g" % (x, y, WIDTH - 6))
    right = LEFT + WIDTH * len(rows[0])
    for r in range(len(rows) + 1):
        if (r == 0 and open_top) or (r == len(rows) and open_bottom):
            continue
        ops.append(b"%.2f %.2f %.2f %.2f re f" % (LEFT, TOP - r * HEIGHT - RULE, right - LEFT, RULE))
    for r in range(len(rows)):
        for c in range(len(rows[0]) + 1):
            x = LEFT + c * WIDTH
            ops.append(b"%.2f %.2f %.2f %.2f re f" % (x, TOP - (r + 1) * HEIGHT, RULE, HEIGHT))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            x, y = LEFT + c * WIDTH + 5, TOP - (r + 1) * HEIGHT + 10
            ops.append(b"BT /F1 10 Tf %.2f %.2f Td (%s) Tj ET" % (x, y, text.encode("latin-1")))
    return b"\n".join(ops)


def _read(path: Path) -> list[tuple[str, ...]]:
    (table,) = PdfReader().read(path).tables
    return [table.header, *(tuple(c or "" for c in row.cells) for row in table.rows)]


@pytest.mark.parametrize(
    "side",
    ["open_bottom", "open_top"],
    ids=["last row at the page's end", "first row going on at the page's top"],
)
def test_a_row_whose_rule_across_word_left_out_is_read(tmp_path: Path, side: str) -> None:
    path = helvetica_page(tmp_path / "word.pdf", _word_table(ROWS, **{side: True}))
    assert _read(path) == ROWS


def test_a_closed_word_table_reads_as_drawn(tmp_path: Path) -> None:
    assert _read(helvetica_page(tmp_path / "word.pdf", _word_table(ROWS))) == ROWS


def test_shaded_paragraphs_do_not_cut_their_rows(tmp_path: Path) -> None:
    assert _read(helvetica_page(tmp_path / "word.pdf", _word_table(ROWS, shaded=True))) == ROWS


def _filled_rows(rows: list[tuple[str, ...]]) -> bytes:
    """A table Word draws with no border, only a white fill per row and per first cell."""
    ops = []
    right = LEFT + WIDTH * len(rows[0])
    for r, row in enumerate(rows):
        y = TOP - (r + 1) * HEIGHT
        ops.append(b"1 g %.2f %.2f %.2f %.2f re f" % (LEFT, y, right - LEFT, HEIGHT))
        for c in range(len(row)):
            ops.append(b"%.2f %.2f %.2f %.2f re f" % (LEFT + c * WIDTH, y, WIDTH, HEIGHT))
        ops.append(b"0 g")
        for c, text in enumerate(row):
            ops.append(
                b"BT /F1 10 Tf %.2f %.2f Td (%s) Tj ET"
                % (LEFT + c * WIDTH + 5, y + 10, text.encode("latin-1"))
            )
    return b"\n".join(ops)


def test_a_table_drawn_only_by_its_fills_is_still_read(tmp_path: Path) -> None:
    rows = [row[1:] for row in ROWS]  # two columns: too few for a table found from text alone
    assert _read(helvetica_page(tmp_path / "word.pdf", _filled_rows(rows))) == rows


@pytest.mark.parametrize(
    ("rect", "shading"),
    [
        ({"fill": True, "stroke": False, "width": 40.0, "height": 13.8}, True),  # a shaded paragraph
        ({"fill": True, "stroke": False, "width": 150.0, "height": 0.48}, False),  # Word's border
        ({"fill": True, "stroke": False, "width": 4.5, "height": 300.0}, False),  # a 4.5 pt border
        ({"fill": False, "stroke": True, "width": 150.0, "height": 30.0}, False),  # a cell's frame
    ],
    ids=["paragraph", "border", "thick-border", "stroked"],
)
def test_shading_is_a_filled_rectangle_thicker_than_a_border(rect: dict, shading: bool) -> None:
    assert is_shading({"object_type": "rect", **rect}) is shading


def _side(x: float, top: float, bottom: float) -> dict[str, object]:
    return {"orientation": "v", "x0": x, "x1": x, "top": top, "bottom": bottom}


def _dashed(x: float, top: int, bottom: int) -> list[dict[str, object]]:
    """A side drawn as 2 pt dashes 1 pt apart, from `top` while a dash fits above `bottom`."""
    return [_side(x, y, y + 2) for y in range(top, bottom - 1, 3)]


@pytest.mark.parametrize(
    ("edges", "rules"),
    [
        ([_side(10, 0, 60), _side(90, 0, 60)], [(10, 90, 60)]),  # both sides run on to 60: a row there
        ([_side(10, 0, 60), _side(90, 0, 40)], []),  # the sides end apart: no one row
        # one column's sides run on together (a merged cell going on to the next page, left open
        # by a browser's print): that cell closes there; the next column's right side ends with
        # the table, so it stays as it is
        ([_side(10, 0, 60), _side(50, 0, 60), _side(90, 0, 40)], [(10, 50, 60)]),
        # a rectangle's two edges are one side
        (
            [_side(10, 0, 40), _side(50, 0, 60), _side(50.6, 0, 60), _side(70, 0, 60), _side(90, 0, 40)],
            [(50, 70, 60)],
        ),
        ([_side(10, 0, 60), _side(50, 0, 52), _side(90, 0, 40)], []),  # the column's sides end apart
        ([_side(10, 0, 41), _side(90, 0, 41)], []),  # a rule's overlap, no room for a line
        # dashed sides (a browser draws each dash a shape of its own: 2 pt dashes, 1 pt gaps) run on
        # to their last dash as a solid side does
        ([*_dashed(10, 0, 60), *_dashed(90, 0, 60)], [(10, 90, 59)]),
        ([*_dashed(10, 0, 60), *_dashed(90, 0, 45)], []),  # the dashed sides end apart
    ],
    ids=[
        "both-sides",
        "sides-apart",
        "one-column",
        "rectangle-sides",
        "column-sides-apart",
        "overlap",
        "dashed-sides",
        "dashed-sides-apart",
    ],
)
def test_closing_rules_need_side_rules_ending_together(edges: list, rules: list) -> None:
    found = closing_rules(edges, [(10.0, 0.0, 90.0, 40.0)])
    assert [(round(r["x0"]), round(r["x1"]), r["top"]) for r in found] == rules


def _across(x0: float, x1: float, y: float) -> dict[str, object]:
    return {"orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y}


@pytest.mark.parametrize(
    ("edges", "rules"),
    [
        # the last rule drawn under every column but one whose sides end on it (a browser's print of
        # a cell merged down over the page's end): that column is closed
        (
            [*(_side(x, 0, 40) for x in (10, 30, 60, 90)), _across(10, 30, 40), _across(60, 90, 40)],
            [(30, 60, 40)],
        ),
        # the rule whole: nothing to close
        ([*(_side(x, 0, 40) for x in (10, 30, 60, 90)), _across(10, 90, 40)], []),
        # a rule drawn in pieces, one per cell: nothing missing
        (
            [
                *(_side(x, 0, 40) for x in (10, 30, 60, 90)),
                *(_across(a, b, 40) for a, b in ((10, 30), (30, 60), (60, 90))),
            ],
            [],
        ),
    ],
    ids=["one-column-open", "whole-rule", "rule-in-pieces"],
)
def test_a_column_the_last_rule_leaves_out_is_closed(edges: list, rules: list) -> None:
    found = closing_rules(edges, [(10.0, 0.0, 90.0, 40.0)])
    assert [(round(r["x0"]), round(r["x1"]), r["top"]) for r in found] == rules


# A browser's print of a table whose column 30..50 holds a cell merged down over every row of the
# page, going on from the page before (no rule at the page's top, 0) and, in the second case, to the
# page after: no rule crosses that column on the page, so the finder parts the table there, or drops
# the columns left of it (a table of one cell is none to it).
_MERGED_SIDES = [_side(x, 0, 80) for x in (10, 30, 50, 90)]


@pytest.mark.parametrize(
    ("edges", "boxes", "rules"),
    [
        # the merged cell ends on the page (the last rule runs on, unbroken, under every column):
        # the finder's table is the right part only; the rule put back at the page's top spans all
        (
            [
                *_MERGED_SIDES,
                _across(10, 30, 40),
                _across(50, 90, 40),
                *(_across(a, b, 80) for a, b in ((10, 30), (30, 50), (50, 90))),
            ],
            [(50.0, 40.0, 90.0, 80.0)],
            {(10, 90, 0)},
        ),
        # the merged cell goes on to the next page too: two tables side by side, one top, one
        # bottom; the rule at the top spans both and the merged column is closed at the bottom
        (
            [*_MERGED_SIDES, *(_across(a, b, y) for a, b in ((10, 30), (50, 90)) for y in (40, 80))],
            [(10.0, 40.0, 30.0, 80.0), (50.0, 40.0, 90.0, 80.0)],
            {(10, 90, 0), (30, 50, 80)},
        ),
    ],
    ids=["columns-dropped", "table-parted"],
)
def test_a_table_parted_by_a_column_merged_over_the_page_is_closed_whole(
    edges: list, boxes: list, rules: set
) -> None:
    found = {(round(r["x0"]), round(r["x1"]), r["top"]) for r in closing_rules(edges, boxes)}
    assert rules <= found


@pytest.mark.parametrize(
    ("edges", "rules"),
    [
        # a page's part of a table that is one row going on from the page before: its last rule
        # (drawn in pieces, one per cell) and side rules from the page's top; the finder found no table
        (
            [*(_side(x, 0, 40) for x in (10, 50, 90)), _across(10, 50, 40), _across(50, 90, 40)],
            [(10, 90, 0)],
        ),
        # the same row going on to the next page: its first rule, the sides running on to the end
        ([*(_side(x, 0, 40) for x in (10, 50, 90)), _across(10, 90, 0)], [(10, 90, 40)]),
        # a rule with no side rules (a signature's line, a rule under a title): nothing to close
        ([_across(10, 90, 40)], []),
    ],
    ids=["one-row-open-above", "one-row-open-below", "no-sides"],
)
def test_a_one_row_table_with_a_rule_on_one_side_only_is_closed(edges: list, rules: list) -> None:
    found = closing_rules(edges, [])
    assert sorted({(round(r["x0"]), round(r["x1"]), r["top"]) for r in found}) == rules


def _stroked_table(rows: list[tuple[str, ...]], noise: float) -> bytes:
    """A grid drawn with stroked lines (`m … l S`), each rule's far end off by `noise` across it:
    what a page stored turned and shown upright by its /Rotate (or drawn through any turned or
    scaled matrix) gives, a quarter turn's cosine being 6e-17 in floating point, not 0."""
    right, bottom = LEFT + WIDTH * len(rows[0]), TOP - HEIGHT * len(rows)
    ops = [b"0.5 w"]
    for r in range(len(rows) + 1):
        y = TOP - r * HEIGHT
        ops.append(b"%.2f %.2f m %.2f %.15f l S" % (LEFT, y, right, y + noise))
    for c in range(len(rows[0]) + 1):
        x = LEFT + c * WIDTH
        ops.append(b"%.2f %.2f m %.15f %.2f l S" % (x, TOP, x + noise, bottom))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            for k, line in enumerate(text.split("\n")):  # a cell's lines 11 pt apart, from its top
                x, y = LEFT + c * WIDTH + 5, TOP - r * HEIGHT - 11 * (k + 1)
                ops.append(b"BT /F1 9 Tf %.2f %.2f Td (%s) Tj ET" % (x, y, line.encode("latin-1")))
    return b"\n".join(ops)


@pytest.mark.parametrize("noise", [0.0, 1e-12], ids=["exact rules", "rules off by rounding noise"])
def test_rules_off_by_rounding_noise_still_draw_the_grid(tmp_path: Path, noise: float) -> None:
    """pdfplumber takes a horizontal rule whose two ends differ in height at all for a vertical one,
    and the rows were lost: the gold report stored turned gave 26 of its 44 rows
    (readers/pdfrules.straighten)."""
    rows = [("Event", "Place", "Date"), ("Delegation\nvisit", "Town\nhall", "May"), ("Forum", "Hall", "June")]
    # no № column and cells of two lines: only the rules tell the rows (read without rules, each
    # line would be a row)
    assert _read(helvetica_page(tmp_path / "noise.pdf", _stroked_table(rows, noise))) == rows


def test_a_space_word_draws_inside_a_first_letter_splits_no_word() -> None:
    """Word writes a paragraph's leading space inside its first letter's box (seen in a Word 2007
    PDF: « » at 90.7–93.5 pt within «В» at 89.4–96.8): «Введение», not «В ведение»; a space
    between two letters stays."""

    def word(text: str, x: float, width: float = 6.0) -> list[Glyph]:
        return [Glyph(ch, x + i * width, x + (i + 1) * width, 100.0, 114.0) for i, ch in enumerate(text)]

    hidden = [Glyph(" ", 90.7, 93.5, 100.0, 114.0), *word("Введение", 89.4)]
    assert [line_text(line) for line in group_lines(hidden)] == ["Введение"]
    between = [*word("Дом", 50.0), Glyph(" ", 68.0, 71.5, 100.0, 114.0), *word("культуры", 71.5)]
    assert [line_text(line) for line in group_lines(between)] == ["Дом культуры"]


def test_e_with_grave_a_font_draws_for_yo_reads_as_yo(tmp_path: Path) -> None:
    """Word's PDF of «Приём» may give «Приѐм» (U+0450, е with grave), which no Russian word holds."""
    from readers_fixtures import build_docx
    from readers_layouts import build_pdfs, soffice_missing

    if (reason := soffice_missing()) is not None:
        pytest.skip(reason)
    rows = [["№", "Наименование мероприятия"], ["1.", "Приѐм делегации, отчѐт"]]
    pdf = build_pdfs(tmp_path, {"grave": lambda p: build_docx(p, rows, title=("Отчѐт",))})["grave"]
    doc = PdfReader().read(pdf)
    assert doc.tables[0].rows[0].cells[1] == "Приём делегации, отчёт"
    assert "Отчёт" in doc.title


def test_a_raised_small_digit_is_a_superscript_mark_not_a_digit_of_the_number_before() -> None:
    """A footnote mark typed in superscript after a date (LibreOffice's PDF: 6.4 pt raised glyphs
    beside 11 pt text) reads «15.05.2025²», which the date parser reads as 15 May, not
    «15.05.20252»; a small digit on the line's baseline stays a digit."""

    def text(s: str, x: float, top: float = 100.0, bottom: float = 114.0) -> list[Glyph]:
        width = (bottom - top) / 2
        return [Glyph(ch, x + i * width, x + (i + 1) * width, top, bottom) for i, ch in enumerate(s)]

    raised = [*text("15.05.2025", 50.0), *text("2", 120.0, 100.5, 107.0)]
    assert [line_text(line) for line in group_lines(raised)] == ["15.05.2025²"]
    on_base = [*text("15.05.2025", 50.0), *text("2", 120.0, 106.0, 114.0)]
    assert [line_text(line) for line in group_lines(on_base)] == ["15.05.20252"]


def test_a_browser_superscript_a_sixth_smaller_is_a_mark_too() -> None:
    """A web page printed by a browser sets <sup> at «smaller» (1/1.2 of the text) and raises it
    a third of the text's height: «Фестиваль «Кедр»¹», not «…»1»; a glyph as small on the
    baseline (another font's digit) stays a digit."""
    size, top, bottom = 10.5, 300.0, 310.5

    def text(s: str, x: float, top: float = top, bottom: float = bottom) -> list[Glyph]:
        width = (bottom - top) / 2
        return [Glyph(ch, x + i * width, x + (i + 1) * width, top, bottom) for i, ch in enumerate(s)]

    small = size / 1.2
    raised = [*text("«Кедр»", 50.0), *text("1", 82.0, bottom - 4.6 - small, bottom - 4.6)]
    assert [line_text(line) for line in group_lines(raised)] == ["«Кедр»¹"]
    on_base = [*text("«Кедр»", 50.0), *text("1", 82.0, bottom - small, bottom)]
    assert [line_text(line) for line in group_lines(on_base)] == ["«Кедр»1"]


def _dotted_grid(rows: list[tuple[str, ...]], dot: float = 0.75) -> bytes:
    """A table whose every rule is a row of filled squares `dot` wide, `dot` apart (a browser's
    dotted border), Helvetica text in its cells."""
    widths, height, left, top = (30, 150, 110), 24, 60.0, 700.0
    right, bottom = left + sum(widths), top - height * len(rows)
    xs = [left + sum(widths[:i]) for i in range(len(widths) + 1)]
    ys = [top - r * height for r in range(len(rows) + 1)]
    ops = [b"0 0 0 rg"]
    for y in ys:
        x = left
        while x < right:
            ops.append(b"%.2f %.2f %.2f %.2f re f" % (x, y, dot, dot))
            x += 2 * dot
    for x in xs:
        y = bottom
        while y < top:
            ops.append(b"%.2f %.2f %.2f %.2f re f" % (x, y, dot, dot))
            y += 2 * dot
    for r, row in enumerate(rows):
        for x, text in zip(xs, row, strict=False):
            ops.append(b"BT /F1 9 Tf %.1f %.1f Td (%s) Tj ET" % (x + 4, ys[r] - 15, text.encode("latin-1")))
    return b"\n".join(ops)


def test_a_table_drawn_in_dotted_rules_reads_as_its_grid(tmp_path: Path) -> None:
    """Each dot a square of its own, under a point: the table finder dropped them all and snapped
    the upright rules' dots into rules across every height, so no ruled table was found (the text
    alone was left to infer rows from, which a row broken by a page end then confused)."""
    import pdfplumber
    from badfiles import helvetica_page

    from muniflow.readers.pdf import _find_tables
    from muniflow.readers.pdfobjects import fill_objects

    rows = [("No", "Event", "Place"), ("1", "Delegation visit", "Town hall"), ("2", "Forum", "Library")]
    path = helvetica_page(tmp_path / "dotted.pdf", _dotted_grid(rows))
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        fill_objects(page)
        ruled, _ = _find_tables(page)
        assert [len(table.rows) for table in ruled] == [3], "the dotted rules make one ruled grid"
    (table,) = PdfReader().read(path).tables
    assert [table.header, *(row.cells for row in table.rows)] == rows
