"""Tables drawn without their inner vertical rules (horizontal rules only, rules and a frame, a
frame only, nothing): the columns come from the gaps the text leaves, the rows from the rules or
the numbered lines; rules around prose make no table."""

from __future__ import annotations

from pathlib import Path

import pytest
from badfiles import helvetica_page

from muniflow.readers.pdf import PdfReader
from sample_inputs.samplegen.layout_extras import BORDER_SIDES
from sample_inputs.samplegen.layouts_docx import draw_borders

HEADER = ("No", "Event", "Place", "Date")
HEADING = "Northern district"
BODY = [
    ("1", "Delegation visit", "Town hall", "3 May"),
    ("2", "Forum of twin towns", "Library", "9 May"),
    ("3", "Concert", "Park", "12 May"),
]
WIDTHS = (40.0, 150.0, 110.0, 90.0)
LEFT, TOP, HEIGHT, PAD, SIZE = 60.0, 700.0, 28.0, 5.4, 10
# Each row: its cells, or one text centred across the table (a heading row).
ROWS: list[tuple[str, ...] | str] = [HEADER, HEADING, *BODY]


def _text(x: float, y: float, text: str, font: bytes = b"F1") -> bytes:
    return b"BT /%s %d Tf %.2f %.2f Td (%s) Tj ET" % (font, SIZE, x, y, text.encode("latin-1"))


class Centred(str):
    """A heading row's text set exactly in the table's middle (its width at SIZE in `width`), in
    the font `font` (F2: bold)."""

    width = 0.0
    font = b"F1"


def _table(
    borders: str,
    rows: list[tuple[str, ...] | str] = ROWS,
    top: float = TOP,
    widths: tuple[float, ...] = WIDTHS,
) -> bytes:
    """A content stream drawing the table with only the rules `borders` names: `horizontal` (top,
    bottom, between rows), `no_inner_vertical` (those and the sides), `frame`,
    `frame_header_rule` (the frame and one rule under the header), `none`."""
    right = LEFT + sum(widths)
    bottom = top - HEIGHT * len(rows)
    ops = []
    if borders in ("horizontal", "no_inner_vertical"):
        ops += [
            b"%.2f %.2f m %.2f %.2f l S" % (LEFT, top - r * HEIGHT, right, top - r * HEIGHT)
            for r in range(len(rows) + 1)
        ]
    if borders in ("no_inner_vertical", "frame", "frame_header_rule"):
        ops += [b"%.2f %.2f m %.2f %.2f l S" % (x, top, x, bottom) for x in (LEFT, right)]
    if borders in ("frame", "frame_header_rule"):
        ops += [b"%.2f %.2f m %.2f %.2f l S" % (LEFT, y, right, y) for y in (top, bottom)]
    if borders == "frame_header_rule":  # the header ruled off, the rows under it not
        ops.append(b"%.2f %.2f m %.2f %.2f l S" % (LEFT, top - HEIGHT, right, top - HEIGHT))
    for r, row in enumerate(rows):
        y = top - r * HEIGHT - 14
        if isinstance(row, str):
            shift, font = (row.width / 2, row.font) if isinstance(row, Centred) else (40, b"F1")
            ops.append(_text(LEFT + sum(widths) / 2 - shift, y, row, font))
            continue
        x = LEFT
        for width, text in zip(widths, row, strict=True):
            ops.append(_text(x + PAD, y, text))
            x += width
    return b"\n".join(ops)


def _cells(path: Path) -> list[tuple[str, ...]]:
    (table,) = PdfReader().read(path).tables
    return [table.header, *(tuple(c or "" for c in row.cells) for row in table.rows)]


EXPECTED = [HEADER, (HEADING, "", "", ""), *BODY]


@pytest.mark.parametrize("borders", ["horizontal", "no_inner_vertical", "frame", "frame_header_rule", "none"])
def test_a_table_without_inner_vertical_rules_reads_as_a_grid(tmp_path: Path, borders: str) -> None:
    """Every cell in its column, the heading across the table one cell, whichever rules are drawn."""
    assert _cells(helvetica_page(tmp_path / f"{borders}.pdf", _table(borders))) == EXPECTED


def _place_merged(path: Path, merged: int) -> list:
    """The body rows under horizontal rules with the place written once for `merged` events (the
    first body rows): no rule under the place column between them. The rows read from the PDF."""
    rows: list[tuple[str, ...] | str] = [HEADER, BODY[0]]
    rows += [(*row[:2], "", row[3]) if k < merged - 1 else row for k, row in enumerate(BODY[1:])]
    right = LEFT + sum(WIDTHS)
    place = (LEFT + sum(WIDTHS[:2]), LEFT + sum(WIDTHS[:3]))
    ops = []
    for r in range(len(rows) + 1):
        y = TOP - r * HEIGHT
        if 2 <= r <= merged:  # under the merged place: two pieces, none under the place column
            ops += [
                b"%.2f %.2f m %.2f %.2f l S" % (LEFT, y, place[0], y),
                b"%.2f %.2f m %.2f %.2f l S" % (place[1], y, right, y),
            ]
        else:
            ops.append(b"%.2f %.2f m %.2f %.2f l S" % (LEFT, y, right, y))
    content = b"\n".join(ops) + b"\n" + _table("none", rows)
    (table,) = PdfReader().read(helvetica_page(path, content)).tables
    assert [row.cells[0] for row in table.rows] == ["1", "2", "3"]
    return list(table.rows)


def test_a_cell_merged_down_under_horizontal_rules_covers_both_rows(tmp_path: Path) -> None:
    """The rule between two rows left out under one column (a place written once for two events):
    the place cell of the upper row reaches over the lower row, which reads it from above."""
    rows = _place_merged(tmp_path / "merged.pdf", 2)
    assert rows[0].cells[2] == "Town hall" and rows[2].cells[2] == "Park"
    assert [row.from_above for row in rows] == [frozenset(), frozenset({2}), frozenset()]


def test_a_cell_merged_down_over_three_rows_covers_them_all(tmp_path: Path) -> None:
    """A place written once for three events: no rule under the place column between any of them;
    the second and the third row both read it from above."""
    rows = _place_merged(tmp_path / "merged3.pdf", 3)
    assert [row.from_above for row in rows] == [frozenset(), frozenset({2}), frozenset({2})]


PROSE = [
    "The administration held meetings with delegations of twin towns",
    "and discussed cultural exchange; a plan of joint events for the",
    "next year was agreed. Head of the district         I. I. Ivanov",
]


def _boxed_note(top: float) -> list[bytes]:
    """Prose between two horizontal rules of one width (a boxed note above the table)."""
    ops = [b"%.2f %.2f m %.2f %.2f l S" % (LEFT, y, LEFT + sum(WIDTHS), y) for y in (top, top - 60)]
    ops += [_text(LEFT + PAD, top - 16 - 14 * k, line) for k, line in enumerate(PROSE)]
    return ops


def test_rules_around_prose_make_no_table(tmp_path: Path) -> None:
    """A note boxed by two rules of the table's width stays text (the caption), the table below
    is the only one."""
    content = b"\n".join([*_boxed_note(TOP + 100), _table("horizontal")])
    document = PdfReader().read(helvetica_page(tmp_path / "note.pdf", content))
    (table,) = document.tables
    assert "twin towns" in table.caption
    assert [table.header, *(tuple(c or "" for c in row.cells) for row in table.rows)] == EXPECTED


def test_a_signature_block_below_a_table_without_rules_stays_out(tmp_path: Path) -> None:
    """Lines of three blocks apart under a table without rules (a signature block: no numbered
    row) are not taken into it, nor read as a table of their own."""
    lines = [
        ("Head of the district", "signature", "I. I. Ivanov"),
        ("Chief accountant", "signature", "P. Petrova"),
    ]
    below = TOP - HEIGHT * len(ROWS) - 60
    ops = [
        _text(LEFT + 170 * k, below - 20 * r, text)
        for r, line in enumerate(lines)
        for k, text in enumerate(line)
    ]
    assert _cells(helvetica_page(tmp_path / "signed.pdf", b"\n".join([_table("none"), *ops]))) == EXPECTED


# --- LibreOffice exports of one report drawn with each border style -----------------------


def _bordered(style: str, path: Path) -> Path:
    """An events table under a title, a heading row across it, long cells that wrap, drawn with
    the borders of `style` (the layout generator's `draw_borders`)."""
    import docx
    from readers_fixtures import HEADER as REPORT_HEADER
    from readers_layouts import FILLER, event

    document = docx.Document()
    document.add_paragraph("Отчёт о мероприятиях за 3 квартал 2024 года")
    rows = [list(REPORT_HEADER), ["Велижский район", "", "", "", ""]]
    rows += [event(n, FILLER[: 60 * n] if n % 2 else "Делегация") for n in range(1, 6)]
    table = document.add_table(rows=len(rows), cols=len(REPORT_HEADER))
    table.style = "Table Grid"
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    heading = table.cell(1, 0).merge(table.cell(1, len(REPORT_HEADER) - 1))
    heading.text = rows[1][0]
    draw_borders(table, BORDER_SIDES[style])
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, Path]:
    from functools import partial

    from readers_layouts import exported

    _, pdfs = exported(tmp_path_factory, "borders", {s: partial(_bordered, s) for s in BORDER_SIDES})
    return pdfs


def _texts(path: Path) -> list[tuple[str, ...]]:
    from muniflow.readers.base import fold_whitespace

    tables = PdfReader().read(path).tables
    return [
        tuple(fold_whitespace(c or "") for c in row)
        for table in tables
        for row in (table.header, *(r.cells for r in table.rows))
    ]


@pytest.mark.parametrize("style", ["horizontal", "no_inner_vertical", "frame", "none"])
def test_a_libreoffice_table_reads_as_its_grid_twin(exports: dict[str, Path], style: str) -> None:
    """The same report exported with fewer rules reads cell for cell as the fully ruled one."""
    assert _texts(exports[style]) == _texts(exports["grid"])


def test_two_framed_tables_with_a_heading_between_stay_two_tables(tmp_path: Path) -> None:
    """One frame's bottom rule and the next frame's top rule, a heading between them, are no
    stack of row rules joining both frames into one table (per-municipality tables, frame only)."""
    second = TOP - HEIGHT * len(ROWS) - 40
    heading = _text(LEFT + PAD, second + 14, "Southern district")
    content = b"\n".join([_table("frame"), heading, _table("frame", top=second)])
    tables = PdfReader().read(helvetica_page(tmp_path / "two.pdf", content)).tables
    assert len(tables) == 2
    assert "Southern district" in tables[1].caption
    assert [row.cells[0] for row in tables[1].rows] == [HEADING, "1", "2", "3"]


# A header of two levels: a group cell over the last two columns, its sub-headers under it.
GROUPED = (40.0, 150.0, 90.0, 90.0)


def _two_level_header(borders: str) -> bytes:
    """A table whose header's last two columns sit under one group cell («Dates»: «from», «to»),
    no rule between the header's levels; the other header cells span both."""
    right = LEFT + sum(GROUPED)
    edges = [LEFT + sum(GROUPED[:k]) for k in range(len(GROUPED))]
    ops = []
    header_height = 2 * HEIGHT
    body = [("1", "Delegation visit", "3 May", "4 May"), ("2", "Forum of twin towns", "9 May", "9 May")]
    bottom = TOP - header_height - HEIGHT * len(body)
    if borders == "frame":
        ops += [b"%.2f %.2f m %.2f %.2f l S" % (x, TOP, x, bottom) for x in (LEFT, right)]
        ops += [b"%.2f %.2f m %.2f %.2f l S" % (LEFT, y, right, y) for y in (TOP, bottom)]
    ops.append(_text(edges[0] + PAD, TOP - 14, "No"))
    ops.append(_text(edges[1] + PAD, TOP - 14, "Event"))
    ops.append(_text(edges[2] + GROUPED[2] - 15, TOP - 14, "Dates"))
    ops.append(_text(edges[2] + PAD, TOP - 40, "from"))
    ops.append(_text(edges[3] + PAD, TOP - 40, "to"))
    for r, row in enumerate(body):
        y = TOP - header_height - r * HEIGHT - 14
        ops += [_text(x + PAD, y, text) for x, text in zip(edges, row, strict=True)]
    return b"\n".join(ops)


@pytest.mark.parametrize("borders", ["frame", "none"])
def test_a_two_level_header_without_rules_reads_as_two_header_rows(tmp_path: Path, borders: str) -> None:
    """The group cell and its sub-headers are two header rows, as in the ruled table: the group
    over both its columns, the sub-headers each in its own, the other header cells merged down."""
    path = helvetica_page(tmp_path / f"{borders}.pdf", _two_level_header(borders))
    (table,) = PdfReader().read(path).tables
    assert table.header == ("No", "Event", "Dates", "")
    assert tuple(c or "" for c in table.rows[0].cells) == ("", "", "from", "to")
    assert [row.cells[0] for row in table.rows[1:]] == ["1", "2"]


def test_a_heading_of_two_lines_under_the_header_of_a_table_without_rules(tmp_path: Path) -> None:
    """A heading whose second line is short (a month under a municipality) and stands within one
    column: the header above it is still the table's, the heading two rows across it."""
    rows: list[tuple[str, ...] | str] = [HEADER, "Administration of the Northern district", "May", *BODY]
    (table,) = PdfReader().read(helvetica_page(tmp_path / "month.pdf", _table("none", rows))).tables
    assert table.header == HEADER
    assert [row.cells[0] for row in table.rows[2:]] == ["1", "2", "3"]
    assert any("May" in (cell or "") for row in table.rows[:2] for cell in row.cells)


@pytest.mark.parametrize("borders", ["frame", "no_inner_vertical"])
def test_a_short_heading_centred_across_the_table_inside_one_column(tmp_path: Path, borders: str) -> None:
    """A month centred across the table that falls inside one column, not at that column's text
    edge nor in its middle, is a heading row of its own, not the last line of the cell above."""
    may = Centred("May")
    may.width = (833 + 556 + 500) * SIZE / 1000  # Helvetica's M, a, y
    widths = (40.0, 110.0, 150.0, 90.0)  # the table's middle inside the third column
    rows: list[tuple[str, ...] | str] = [HEADER, BODY[0], may, *BODY[1:]]
    path = helvetica_page(tmp_path / "month.pdf", _table(borders, rows, widths=widths))
    assert _cells(path) == [HEADER, BODY[0], ("May", "", "", ""), *BODY[1:]]


def _two_pages(path: Path, first: bytes, second: bytes) -> Path:
    """A two-page PDF drawing one content stream on each page, font /F1 Helvetica."""
    from badfiles import PAGE, pdf_file, stream

    font = b"/Resources << /Font << /F1 5 0 R >> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        PAGE % (font + b" /Contents 6 0 R"),
        PAGE % (font + b" /Contents 7 0 R"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        stream(first),
        stream(second),
    ]
    path.write_bytes(pdf_file(objects))
    return path


def test_a_row_the_page_end_broke_under_a_repeated_header_is_not_the_header(tmp_path: Path) -> None:
    """No rules: the header repeated at the top of the next page, the rest of the row the page end
    broke under it (no number), then the next row. The repeated header is known by its lines (those
    of the header on the page before) and dropped; the rest goes on with the broken row."""
    edges = [LEFT + sum(WIDTHS[:k]) for k in range(len(WIDTHS))]

    def header(top: float) -> list[bytes]:
        return [_text(x + PAD, top - 14, text) for x, text in zip(edges, HEADER, strict=True)]

    def row(top: float, cells: tuple[str, ...]) -> list[bytes]:
        return [_text(x + PAD, top - 14, text) for x, text in zip(edges, cells, strict=False) if text]

    first = [
        *header(TOP),
        *row(TOP - HEIGHT, BODY[0]),
        *row(TOP - 2 * HEIGHT, ("2", "Forum of", "Library", "9 May")),
    ]
    second = [*header(TOP), *row(TOP - HEIGHT, ("", "twin towns")), *row(TOP - 2 * HEIGHT, BODY[2])]
    path = _two_pages(tmp_path / "broken.pdf", b"\n".join(first), b"\n".join(second))
    (table,) = PdfReader().read(path).tables
    assert table.header == HEADER
    assert [tuple(" ".join((c or "").split()) for c in row.cells) for row in table.rows] == [
        BODY[0],
        ("2", "Forum of twin towns", "Library", "9 May"),
        BODY[2],
    ]


def _grouped_under_rules(top: float, first: int) -> tuple[list[bytes], float]:
    """A table under horizontal rules only, its header of two levels (a group cell «Dates» over
    «from» and «to», no rule between the levels), two numbered rows; and the height it ends at."""
    right = LEFT + sum(GROUPED)
    edges = [LEFT + sum(GROUPED[:k]) for k in range(len(GROUPED))]
    cuts = [top, top - 2 * HEIGHT, top - 3 * HEIGHT, top - 4 * HEIGHT]
    ops = [b"%.2f %.2f m %.2f %.2f l S" % (LEFT, y, right, y) for y in cuts]
    ops += [_text(edges[0] + PAD, top - 14, "No"), _text(edges[1] + PAD, top - 14, "Event")]
    ops += [_text(edges[3] - 70, top - 14, "Dates of the visits held")]  # centred over both columns
    ops += [_text(edges[2] + PAD, top - 40, "from"), _text(edges[3] + PAD, top - 40, "to")]
    for r in range(2):
        cells = (str(first + r), f"Visit {first + r}", f"{first + r} May", f"{first + r + 1} May")
        ops += [_text(x + PAD, cuts[1 + r] - 14, text) for x, text in zip(edges, cells, strict=True)]
    return ops, cuts[-1]


def _two_tables_under_rules(path: Path, inset: float = 2.0) -> Path:
    """Two such tables, a heading between them `inset` right of the rules' left end: by less than
    a cell's padding, yet inset (the rules of both stack into one region, the heading a row)."""
    upper, end = _grouped_under_rules(TOP, 1)
    heading = _text(LEFT + inset, end - 20, "Southern district")
    lower, _ = _grouped_under_rules(end - 30, 3)
    return helvetica_page(path, b"\n".join([*upper, heading, *lower]))


def test_a_header_repeated_in_one_region_parts_no_columns_it_spans(tmp_path: Path) -> None:
    """The second table's header (its group cell across «from» and «to») stands below numbered
    rows: it closes no gap, as the first table's header does not; the dates stay two columns."""
    tables = PdfReader().read(_two_tables_under_rules(tmp_path / "two.pdf")).tables
    rows = [tuple(c or "" for c in row.cells) for table in tables for row in table.rows]
    numbered = [row for row in rows if row[0].isdigit()]
    assert [row[2:] for row in numbered] == [(f"{n} May", f"{n + 1} May") for n in range(1, 5)]


def test_a_heading_row_nearer_the_rules_does_not_set_the_cell_padding(tmp_path: Path) -> None:
    """Cell edges are put the cells' padding left of each column's text; the padding is measured
    on the rows, not on a heading row that starts nearer the rules."""
    import pdfplumber

    from muniflow.readers.pdf import _find_tables
    from muniflow.readers.pdfunruled import tables_without_rules

    with pdfplumber.open(_two_tables_under_rules(tmp_path / "two.pdf")) as pdf:
        ruled, page = _find_tables(pdf.pages[0])
        (table,) = tables_without_rules(page, ruled)
    lefts = sorted({round(box[0]) for box in table.cells})
    assert lefts == [round(LEFT + sum(GROUPED[:k])) for k in range(len(GROUPED))]


def test_digits_opening_a_line_outside_the_number_column_open_no_row(tmp_path: Path) -> None:
    """No rules: a narrow column wraps a date, its line of digits («2024») opens the row's
    second line; the number column is empty there, so the line goes on with the row above."""
    edges = [LEFT + sum(WIDTHS[:k]) for k in range(len(WIDTHS))]
    content = _table("none")
    wrapped = TOP - 3 * HEIGHT - 14 - 12  # under the second event row's first line
    content += b"\n" + _text(edges[1] + PAD, wrapped, "2024") + b"\n" + _text(edges[3] + PAD, wrapped, "year")
    rows = _cells(helvetica_page(tmp_path / "wrapped.pdf", content))
    assert [row[0] for row in rows[2:]] == ["1", "2", "3"]
    assert rows[3][1].split() == ["Forum", "of", "twin", "towns", "2024"]


def test_a_heading_flush_with_the_rules_parts_two_tables_under_horizontal_rules(tmp_path: Path) -> None:
    """A paragraph starting where the rules start is in no cell (a cell's text stands in by its
    padding): the rules above and below it stack into two regions, two tables, the paragraph the
    second one's caption."""
    tables = PdfReader().read(_two_tables_under_rules(tmp_path / "two.pdf", inset=0.0)).tables
    assert len(tables) == 2
    assert tables[1].caption == "Southern district"
    assert [row.cells[0] for table in tables for row in table.rows if row.cells[0]] == ["1", "2", "3", "4"]


def _under_rules(rows: list[tuple[str, ...]]) -> bytes:
    """Rows under horizontal rules only, from the page's top (TOP), each cell's text at its left."""
    edges = [LEFT + sum(WIDTHS[:k]) for k in range(len(WIDTHS))]
    right = LEFT + sum(WIDTHS)
    ops = [
        b"%.2f %.2f m %.2f %.2f l S" % (LEFT, TOP - r * HEIGHT, right, TOP - r * HEIGHT)
        for r in range(len(rows) + 1)
    ]
    for r, cells in enumerate(rows):
        ops += [_text(x + PAD, TOP - r * HEIGHT - 14, t) for x, t in zip(edges, cells, strict=False) if t]
    return b"\n".join(ops)


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        (("3", "Concert", "Park", "12 May"), [BODY[0], BODY[1], BODY[2]]),
        (
            ("", "more", "hall", "2024"),
            [BODY[0], ("2", "Forum of twin towns more", "Library hall", "9 May 2024")],
        ),
    ],
    ids=["one_row_on_its_grid", "rest_in_fewer_columns"],
)
def test_the_top_of_a_page_under_rules_goes_on_with_the_table_before(
    tmp_path: Path, rest: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    """Horizontal rules only. The next page holds one row of the table (its grid the page
    before's), or the rest of the row the page end broke in fewer columns than the table has
    (three of four): either is the table going on, not too small a table of its own."""
    first = _under_rules([HEADER, BODY[0], BODY[1]])
    path = _two_pages(tmp_path / "rest.pdf", first, _under_rules([rest]))
    (table,) = PdfReader().read(path).tables
    assert [tuple(" ".join((c or "").split()) for c in row.cells) for row in table.rows] == expected


def test_header_text_turned_a_quarter_makes_no_line_across_the_columns() -> None:
    """Two narrow columns whose headers are written upwards, their glyphs a few points apart
    across the column boundary: as lines, each height's two glyphs would run across it (a group
    cell, a header cut into levels). Only upright text lays out lines; the header is one row."""
    from muniflow.readers.pdfgaps import infer_table
    from muniflow.readers.pdflines import Glyph
    from muniflow.readers.pdfregions import Region

    def word(text: str, x: float, top: float) -> list[Glyph]:
        return [Glyph(ch, x + 6 * k, x + 6 * k + 5, top, top + 10) for k, ch in enumerate(text)]

    def turned(text: str, x: float, bottom: float) -> list[Glyph]:  # upwards: one glyph a height
        return [Glyph(ch, x, x + 10, bottom - 6 * (k + 1), bottom - 6 * k, 1) for k, ch in enumerate(text)]

    columns = (65.0, 105.0, 135.0, 165.0)  # where each column's text starts: No, two narrow, Event
    glyphs = word("No", columns[0], 100) + word("Event", columns[3], 100)
    glyphs += turned("Starts", columns[2] - 13, 150) + turned("Ends", columns[2] + 1, 150)
    for r in range(3):
        top = 160 + 20 * r
        glyphs += word(str(r + 1), columns[0], top) + word(f"{r + 1}.5", columns[1], top)
        glyphs += word(f"{r + 2}.5", columns[2], top) + word("Visit", columns[3], top)
    table = infer_table(glyphs, Region(-1e9, 90, 1e9, 230, framed=False))
    assert table is not None
    assert len(table.rows) == 4  # the header and three rows
    assert sum(box is not None for box in table.rows[0].cells) == 4


@pytest.mark.parametrize("borders", ["frame", "no_inner_vertical"])
def test_a_bold_heading_in_the_middle_of_the_middle_column_is_a_heading(tmp_path: Path, borders: str) -> None:
    """A month set bold in the table's middle, which is its middle column's too: where it stands
    tells a heading from a centred cell's line no longer, its bold face (the column's cells are
    not) and its distance from the text above still do."""
    june = Centred("June")
    june.width, june.font = (556 + 611 + 611 + 556) * SIZE / 1000, b"F2"  # Helvetica-Bold J, u, n, e
    header = ("No", "Event", "Date", "Place", "Guests")
    body = [("1", "Visit", "3 May", "Hall", "Mayor"), ("2", "Forum", "9 June", "Library", "Guests")]
    widths = (60.0, 100.0, 80.0, 100.0, 60.0)  # the third column's middle is the table's
    rows: list[tuple[str, ...] | str] = [header, body[0], june, body[1]]
    path = helvetica_page(tmp_path / "june.pdf", _table(borders, rows, widths=widths))
    assert _cells(path) == [header, body[0], ("June", "", "", "", ""), body[1]]


def test_the_last_word_of_a_bold_header_cell_alone_on_its_line_stays_in_the_header() -> None:
    """A bold header whose cell wraps its last word onto a line of its own, just above the first
    row: that line goes on the paragraph above it, so it is the header's, not a heading."""
    from muniflow.readers.pdfgaps import infer_table
    from muniflow.readers.pdflines import Glyph
    from muniflow.readers.pdfregions import Region

    def word(text: str, x: float, top: float, bold: bool = False) -> list[Glyph]:
        return [Glyph(ch, x + 6 * k, x + 6 * k + 5, top, top + 10, 0, bold) for k, ch in enumerate(text)]

    columns = (65.0, 105.0, 215.0, 305.0)
    glyphs = [g for x, text in zip(columns, HEADER, strict=True) for g in word(text, x, 100, True)]
    glyphs += word("abroad", columns[3], 112, True)  # the Date header cell going on: «Date abroad»
    for r, row in enumerate(BODY):
        glyphs += [
            g
            for x, text in zip(columns, row, strict=True)
            for g in word(text.replace(" ", ""), x, 130 + 20 * r)
        ]
    table = infer_table(glyphs, Region(-1e9, 90, 1e9, 200, framed=False))
    assert table is not None
    assert len(table.rows) == 1 + len(BODY)


def test_sub_headers_turned_a_quarter_under_a_group_label_are_a_header_level() -> None:
    """No rule under a group label («Dates» over two date columns): its sub-headers written upwards
    («from», «to»), of other lengths and heights, share no line of words; each side's text under
    the label still makes them the header's second level, each in its column."""
    from muniflow.readers.pdfgaps import infer_table
    from muniflow.readers.pdflines import Glyph
    from muniflow.readers.pdfregions import Region

    def word(text: str, x: float, top: float) -> list[Glyph]:
        return [Glyph(ch, x + 6 * k, x + 6 * k + 5, top, top + 10) for k, ch in enumerate(text)]

    def turned(text: str, x: float, bottom: float) -> list[Glyph]:  # upwards: one glyph a height
        return [Glyph(ch, x, x + 10, bottom - 7 * (k + 1), bottom - 7 * k, 1) for k, ch in enumerate(text)]

    columns = (65.0, 105.0, 215.0, 285.0)  # No, Event, the start and the end dates
    glyphs = word("No", columns[0], 100) + word("Event", columns[1], 100) + word("Datesofit", 230, 100)
    glyphs += turned("from", columns[2] + 20, 140) + turned("to", columns[3] + 20, 156)  # no height shared
    for r in range(3):
        top = 170 + 20 * r
        glyphs += word(str(r + 1), columns[0], top) + word("Visit", columns[1], top)
        glyphs += word(f"{r + 2}.05.2024", columns[2], top) + word(f"{r + 3}.05.2024", columns[3], top)
    table = infer_table(glyphs, Region(-1e9, 90, 1e9, 240, framed=False))
    assert table is not None
    assert len(table.rows) == 5  # two header levels and three rows
    assert [box is not None for box in table.rows[1].cells] == [False, False, True, True]


@pytest.mark.parametrize("heading", [False, True], ids=["rows_under_it", "a_heading_between"])
def test_a_header_turned_a_quarter_above_a_table_without_rules_is_its_header(heading: bool) -> None:
    """No rules, every header text written upwards: its glyphs, one a height, make lines of no
    words, which open no table; the table starting under them (a municipality's heading between
    or not) takes them as its header instead of leaving them above it."""
    from muniflow.readers.pdflines import Glyph
    from muniflow.readers.pdfunruled import text_only_tables

    def word(text: str, x: float, top: float) -> list[Glyph]:
        return [Glyph(ch, x + 6 * k, x + 6 * k + 5, top, top + 10) for k, ch in enumerate(text)]

    def turned(text: str, x: float, bottom: float) -> list[Glyph]:  # upwards: one glyph a height
        return [Glyph(ch, x, x + 10, bottom - 6 * (k + 1), bottom - 6 * k, 1) for k, ch in enumerate(text)]

    columns = (65.0, 105.0, 215.0, 305.0)
    glyphs = [g for x, text in zip(columns, HEADER, strict=True) for g in turned(text, x + 10, 150)]
    top = 160
    if heading:
        glyphs += word("Northerndistrictadministration", columns[0], top)
        top += 20
    for r, row in enumerate(BODY):
        glyphs += [
            g
            for x, text in zip(columns, row, strict=True)
            for g in word(text.replace(" ", ""), x, top + 20 * r)
        ]
    (table,) = text_only_tables(glyphs)
    assert table.bbox[1] < 150 - 6 * 5  # the header's top: its longest text, «Event», upwards
    assert len(table.rows) == 1 + heading + len(BODY)
    assert sum(box is not None for box in table.rows[0].cells) == len(HEADER)


@pytest.mark.parametrize(
    ("borders", "wide"),
    [("horizontal", False), ("horizontal", True), ("frame", False)],
    ids=["horizontal-narrower", "horizontal-as_wide", "frame-narrower"],
)
def test_a_small_ruled_block_at_the_top_of_the_next_page_is_not_the_table_going_on(
    tmp_path: Path, borders: str, wide: bool
) -> None:
    """The table under horizontal rules ends at the page's bottom; the next page opens with a small
    block drawn narrower than the table (a signature block, a note box), its words keeping to the
    table's columns, as the rest of a row the page end broke would. Two rows under rules before
    any numbered one are no rest of one row: the block is not the table going on, the table's rows
    stay as they were. (A frame as wide as the table, no rule between its lines, stays ambiguous.)"""
    first = _under_rules([HEADER, BODY[0], BODY[1]])
    x0, x1 = LEFT + WIDTHS[0], LEFT + sum(WIDTHS[:3])
    if wide:
        x0, x1 = LEFT, LEFT + sum(WIDTHS)
    lines = [("Head of the district", "I. I. Ivanov"), ("Chief accountant", "P. Petrova")]
    bottom = TOP - HEIGHT * len(lines)
    if borders == "horizontal":
        ops = [b"%.2f %.2f m %.2f %.2f l S" % (x0, TOP - r * HEIGHT, x1, TOP - r * HEIGHT) for r in range(3)]
    else:
        ops = [b"%.2f %.2f m %.2f %.2f l S" % (x, TOP, x, bottom) for x in (x0, x1)]
        ops += [b"%.2f %.2f m %.2f %.2f l S" % (x0, y, x1, y) for y in (TOP, bottom)]
    ops += [
        _text(x + PAD, TOP - r * HEIGHT - 14, text)
        for r, line in enumerate(lines)
        for x, text in zip((LEFT + WIDTHS[0], LEFT + sum(WIDTHS[:2])), line, strict=True)
    ]
    path = _two_pages(tmp_path / "block.pdf", first, b"\n".join(ops))
    table = PdfReader().read(path).tables[0]
    assert [tuple(" ".join((c or "").split()) for c in row.cells) for row in table.rows] == [BODY[0], BODY[1]]


def test_a_header_alone_at_a_page_bottom_takes_the_columns_of_its_body_on_the_next(tmp_path: Path) -> None:
    """Horizontal rules only. The header (a group cell over the last two columns) and a heading
    row are all of the table on its page; its numbered rows are on the next. The header's words alone show one
    column fewer than the body (the group cell covers the gap under it): read again on the body's
    columns, it is the header of one table, the sub-headers each in its own column."""
    right = LEFT + sum(GROUPED)
    edges = [LEFT + sum(GROUPED[:k]) for k in range(len(GROUPED))]
    first = [
        b"%.2f %.2f m %.2f %.2f l S" % (LEFT, y, right, y) for y in (TOP, TOP - 2 * HEIGHT, TOP - 3 * HEIGHT)
    ]
    first += [_text(LEFT + 120, TOP - 2 * HEIGHT - 14, HEADING)]  # a heading row across the table
    first += [_text(edges[0] + PAD, TOP - 14, "No"), _text(edges[1] + PAD, TOP - 14, "Event")]
    first += [_text(edges[3] - 70, TOP - 14, "Dates of the visits held")]  # centred over both columns
    first += [_text(edges[2] + PAD, TOP - 40, "from"), _text(edges[3] + PAD, TOP - 40, "to")]
    body = [("1", "Visit 1", "1 May", "2 May"), ("2", "Visit 2", "2 May", "3 May")]
    second = [
        b"%.2f %.2f m %.2f %.2f l S" % (LEFT, TOP - r * HEIGHT, right, TOP - r * HEIGHT) for r in range(3)
    ]
    second += [
        _text(x + PAD, TOP - r * HEIGHT - 14, text)
        for r, row in enumerate(body)
        for x, text in zip(edges, row, strict=True)
    ]
    path = _two_pages(tmp_path / "alone.pdf", b"\n".join(first), b"\n".join(second))
    (table,) = PdfReader().read(path).tables
    assert table.header == ("No", "Event", "Dates of the visits held", "")
    assert [tuple(c or "" for c in row.cells) for row in table.rows] == [
        ("", "", "from", "to"),
        (HEADING, "", "", ""),
        *body,
    ]


def test_the_rest_of_a_row_under_a_repeated_header_goes_on_in_fewer_columns(tmp_path: Path) -> None:
    """No rules. The next page repeats the header, then holds the rest of the row the page end
    broke, its words reaching so near the next column's header word that the page shows a column
    fewer than the table. The repeated header is no row of a block of its own: the rest still
    goes on with the broken row."""
    edges = (LEFT + PAD, LEFT + 40 + PAD, 202.0, 312.0)

    def line(top: float, cells: tuple[str, ...]) -> list[bytes]:
        return [_text(x, top - 14, text) for x, text in zip(edges, cells, strict=True) if text]

    first = [
        *line(TOP, HEADER),
        *line(TOP - HEIGHT, BODY[0]),
        *line(TOP - 2 * HEIGHT, ("2", "Forum of twin towns", "Library", "9 May")),
    ]
    second = [*line(TOP, HEADER), *line(TOP - HEIGHT, ("", "twin towns and sister", "", "2024"))]
    path = _two_pages(tmp_path / "rest.pdf", b"\n".join(first), b"\n".join(second))
    (table,) = PdfReader().read(path).tables
    assert [tuple(" ".join((c or "").split()) for c in row.cells) for row in table.rows] == [
        BODY[0],
        ("2", "Forum of twin towns twin towns and sister", "Library", "9 May 2024"),
    ]


@pytest.mark.parametrize("borders", ["none", "frame"])
def test_a_rest_of_a_row_alone_under_a_repeated_titled_header(tmp_path: Path, borders: str) -> None:
    """No rules, or a frame only. The header has a title row across the table and a group cell
    over its last two columns; the next page repeats them and holds nothing but the rest of the
    row the page end broke, in one column. The title and the group cross the columns, as in the
    header they repeat: the page is still the table going on, its rest glued to the broken row
    (not a table of its own with columns from its few words, nor text outside any table)."""
    edges = [LEFT + sum(WIDTHS[:k]) for k in range(len(WIDTHS))]
    line = 14.0

    def head(top: float) -> list[bytes]:
        return [
            _text(LEFT + sum(WIDTHS) / 2 - 90, top - line, "Events held by the district in the quarter"),
            _text(edges[0] + PAD, top - 2 * line, "No"),
            _text(edges[1] + PAD, top - 2 * line, "Event"),
            _text(edges[2] + WIDTHS[2] - 35, top - 2 * line, "Where and when"),
            _text(edges[2] + PAD, top - 3 * line, "Place"),
            _text(edges[3] + PAD, top - 3 * line, "Date"),
        ]

    def row(top: float, cells: tuple[str, ...]) -> list[bytes]:
        return [_text(x + PAD, top - line, text) for x, text in zip(edges, cells, strict=False) if text]

    body = TOP - 4 * line
    first = [*head(TOP), *row(body, BODY[0]), *row(body - 2 * line, ("2", "Forum of", "Library", "9 May"))]
    words = ("twin", "towns", "and sister")
    rest = [part for k, word in enumerate(words) for part in row(body - k * line, ("", word))]
    second = [*head(TOP), *rest]
    if borders == "frame":
        first.append(_frame(body - 4 * line))
        second.append(_frame(body - 4 * line))
    path = _two_pages(tmp_path / "titled.pdf", b"\n".join(first), b"\n".join(second))
    (table,) = PdfReader().read(path).tables
    assert [tuple(" ".join((c or "").split()) for c in row.cells) for row in table.rows][-2:] == [
        BODY[0],
        ("2", "Forum of twin towns and sister", "Library", "9 May"),
    ]


def _frame(bottom: float) -> bytes:
    """Rules round the table from TOP down to `bottom`, its sides at the table's edges."""
    right = LEFT + sum(WIDTHS)
    return b"%.2f %.2f %.2f %.2f re S" % (LEFT, bottom, right - LEFT, TOP - bottom)


def test_zebra_rows_with_no_rule_drawn_read_as_one_table_without_rules(tmp_path: Path) -> None:
    """Every other row shaded (a browser's or a spreadsheet's zebra), no rule: the shading is no
    ruling (taken for one, each shaded row was a table of its own and the rows between were
    lost)."""
    lefts = [LEFT + sum(WIDTHS[:k]) for k in range(len(WIDTHS))]
    shades = [  # a rectangle a cell, as a browser paints a row's background
        b"0.9 g %.2f %.2f %.2f %.2f re f 0 g" % (x, TOP - (r + 1) * HEIGHT, width, HEIGHT)
        for r in range(0, len(ROWS), 2)
        for x, width in zip(lefts, WIDTHS, strict=True)
    ]
    path = helvetica_page(tmp_path / "zebra.pdf", b"\n".join([*shades, _table("none")]))
    assert _cells(path) == EXPECTED


@pytest.mark.parametrize("rules", [False, True], ids=["no_rule", "rules_across"])
def test_zebra_bands_taller_than_the_rows_between_still_read_as_one_table(
    tmp_path: Path, rules: bool
) -> None:
    """Shaded bands of wrapped rows taller than the unshaded row between them, and Word's «Light
    Shading» rules across (the table's top, under the header, its end): no band is a table of its
    own, the rules no region of one row each; the table is read by its text."""
    lefts = [LEFT + sum(WIDTHS[:k]) for k in range(len(WIDTHS))]
    bands = [(0, 2), (3, 5)]  # rows 0-1 and 3-4 shaded, row 2 not
    shades = [
        b"0.9 g %.2f %.2f %.2f %.2f re f 0 g" % (x, TOP - last * HEIGHT, width, (last - first) * HEIGHT)
        for first, last in bands
        for x, width in zip(lefts, WIDTHS, strict=True)
    ]
    right = LEFT + sum(WIDTHS)
    across = [
        b"%.2f %.2f m %.2f %.2f l S" % (LEFT, y, right, y) for y in (TOP, TOP - HEIGHT, TOP - 5 * HEIGHT)
    ]
    path = helvetica_page(
        tmp_path / "zebra.pdf", b"\n".join([*shades, *(across if rules else []), _table("none")])
    )
    assert _cells(path) == EXPECTED


def test_a_zebra_table_going_on_with_one_shaded_row_keeps_the_unshaded_rows_under_it(tmp_path: Path) -> None:
    """No rules, every other row shaded, over two pages; the second page opens with one shaded row,
    then an unshaded one and the rule Word's style draws at the table's end. The single band is no
    table of its own (the unshaded row under it was lost, read as the text after the table): on
    the columns of the table the page before read by its text, the page is read by its text too."""
    edges = [LEFT + sum(WIDTHS[:k]) for k in range(len(WIDTHS))]
    right = LEFT + sum(WIDTHS)

    def row(r: int, cells: tuple[str, ...], shaded: bool) -> list[bytes]:
        top = TOP - r * HEIGHT
        ops = [_text(x + PAD, top - 14, text) for x, text in zip(edges, cells, strict=True)]
        if shaded:  # a rectangle a cell, as a table style paints a banded row
            ops += [
                b"0.85 g %.2f %.2f %.2f %.2f re f 0 g" % (x, top - HEIGHT, width, HEIGHT)
                for x, width in zip(edges, WIDTHS, strict=True)
            ]
        return ops

    first = [("1", "Kite festival", "Riverside", "3 May"), ("2", "Choir meeting", "Old mill", "9 May")]
    first += [("3", "Twin towns fair", "Square", "12 May")]
    rest = [("4", "Rowing regatta", "Harbour", "20 May"), ("5", "Pottery fair", "Craft yard", "28 May")]
    page_one = [op for r, cells in enumerate([HEADER, *first]) for op in row(r, cells, r % 2 == 1)]
    page_two = [*row(0, rest[0], True), *row(1, rest[1], False)]
    page_two.append(b"%.2f %.2f m %.2f %.2f l S" % (LEFT, TOP - 2 * HEIGHT, right, TOP - 2 * HEIGHT))
    path = _two_pages(tmp_path / "banded.pdf", b"\n".join(page_one), b"\n".join(page_two))
    assert _cells(path) == [HEADER, *first, *rest]


def test_a_place_centred_over_two_rows_without_rules_is_one_merged_cell(tmp_path: Path) -> None:
    """No rules at all, a place written once for two events and centred on both (Word's merged
    cell, aligned to the middle): its lines start below the first row's first line, run to that
    row's last, and go on from the second row's first line. It is one cell merged down, not the
    first row's place and the second's."""
    pitch = 12.0
    lines = {  # per row: the lines of each column, top to bottom (the place straddles the rows)
        1: [
            ("1", "Delegation", "", "3 May"),
            ("", "visit of", "Central", ""),
            ("", "twin towns", "house", ""),
        ],
        2: [("2", "Forum", "of culture", "9 May"), ("", "of", "", ""), ("", "youth", "", "")],
    }
    ops = []
    x_of = [LEFT + sum(WIDTHS[:k]) for k in range(len(WIDTHS))]
    y = TOP - 14
    for x, text in zip(x_of, HEADER, strict=True):
        ops.append(_text(x + PAD, y, text))
    y -= 2 * pitch
    for row in lines.values():
        for line in row:
            ops += [_text(x + PAD, y, text) for x, text in zip(x_of, line, strict=True) if text]
            y -= pitch
    (table,) = PdfReader().read(helvetica_page(tmp_path / "straddle.pdf", b"\n".join(ops))).tables
    assert [row.cells[0] for row in table.rows] == ["1", "2"]
    assert " ".join((table.rows[0].cells[2] or "").split()) == "Central house of culture"
    assert [row.from_above for row in table.rows] == [frozenset(), frozenset({2})]


def test_cells_centred_over_two_rows_off_the_rows_line_grid_are_merged_cells(tmp_path: Path) -> None:
    """No rules, two cells merged over two events and centred on them: the date on the rows' own
    line grid, the place half a line off it (its line grid is the merge's). The place's line that
    stands a hair lower than the second row's first line is read with the first row's lines, its
    next line starts more than half a line under that row's first; the date's last line in the
    first row ends above the place's there. Both are one cell each, merged down over both rows."""
    pitch = 12.0
    x_of = [LEFT + sum(WIDTHS[:k]) for k in range(len(WIDTHS))]
    top = TOP - 14 - 2 * pitch  # the first row's first baseline
    events = [("1", ("Delegation", "visit of", "twin towns")), ("2", ("Forum", "of", "youth"))]
    ops = [_text(x + PAD, TOP - 14, text) for x, text in zip(x_of, HEADER, strict=True)]
    for r, (number, event) in enumerate(events):
        y = top - 3 * r * pitch
        ops.append(_text(x_of[0] + PAD, y, number))
        ops += [_text(x_of[1] + PAD, y - k * pitch, line) for k, line in enumerate(event)]
    place = ("Central", "house", "of culture")  # lines 1.55, 2.55 and 3.55 pitches down
    ops += [_text(x_of[2] + PAD, top - (1.55 + k) * pitch, line) for k, line in enumerate(place)]
    date = ("from 3", "to 9", "May")  # lines 1, 2 and 3 pitches down
    ops += [_text(x_of[3] + PAD, top - (1 + k) * pitch, line) for k, line in enumerate(date)]
    (table,) = PdfReader().read(helvetica_page(tmp_path / "off_grid.pdf", b"\n".join(ops))).tables
    assert [row.cells[0] for row in table.rows] == ["1", "2"]
    assert " ".join((table.rows[0].cells[2] or "").split()) == "Central house of culture"
    assert " ".join((table.rows[0].cells[3] or "").split()) == "from 3 to 9 May"
    assert [row.from_above for row in table.rows] == [frozenset(), frozenset({2, 3})]


def test_a_column_only_a_merged_cell_writes_into_parts_the_columns_beside_it(tmp_path: Path) -> None:
    """Horizontal rules only, the place written once for two events (no rule under it between
    them), its lines set off the event's baselines as a cell centred in its height is: each a line
    of its own, and no line of several cells writes into the place column. The column still parts
    the event's from the date's (its lines, one x for all, show it), and the place covers both
    rows."""
    pitch, right = 12.0, LEFT + sum(WIDTHS)
    x_of = [LEFT + sum(WIDTHS[:k]) for k in range(len(WIDTHS))]
    body = [
        ("1", ("Delegation", "visit of", "twin towns"), "3 May"),
        ("2", ("Forum", "of", "youth"), "9 May"),
    ]
    ops = [_text(x + PAD, TOP - 14, text) for x, text in zip(x_of, HEADER, strict=True)]
    tops = [TOP, TOP - 20, TOP - 20 - 3 * pitch - 4, TOP - 20 - 6 * pitch - 8]
    ops += [b"%.2f %.2f m %.2f %.2f l S" % (LEFT, y, right, y) for y in (tops[0], tops[1], tops[3])]
    ops += [  # between the two events, no rule under the place column
        b"%.2f %.2f m %.2f %.2f l S" % (LEFT, tops[2], x_of[2], tops[2]),
        b"%.2f %.2f m %.2f %.2f l S" % (x_of[3], tops[2], right, tops[2]),
    ]
    for (number, event, date), top in zip(body, tops[1:3], strict=True):
        y = top - 12
        ops += [_text(x_of[0] + PAD, y, number), _text(x_of[3] + PAD, y, date)]
        ops += [_text(x_of[1] + PAD, y - k * pitch, line) for k, line in enumerate(event)]
    middle = tops[1] - 18  # the place's lines, between the event's, none on their baselines
    ops += [
        _text(x_of[2] + PAD, middle - k * pitch, line)
        for k, line in enumerate(("Central", "house of", "culture"))
    ]
    (table,) = PdfReader().read(helvetica_page(tmp_path / "merged_column.pdf", b"\n".join(ops))).tables
    assert [row.cells[0] for row in table.rows] == ["1", "2"]
    assert [" ".join((row.cells[1] or "").split()) for row in table.rows] == [
        "Delegation visit of twin towns",
        "Forum of youth",
    ]
    assert " ".join((table.rows[0].cells[2] or "").split()) == "Central house of culture"
    assert [row.from_above for row in table.rows] == [frozenset(), frozenset({2})]


def _pages(path: Path, *contents: bytes) -> Path:
    """A PDF of one page per content stream, font /F1 Helvetica."""
    from badfiles import PAGE, pdf_file, stream

    font = b"/Resources << /Font << /F1 3 0 R >> >>"
    count = len(contents)
    kids = b" ".join(b"%d 0 R" % (4 + k) for k in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        *(PAGE % (font + b" /Contents %d 0 R" % (4 + count + k)) for k in range(count)),
        *(stream(content) for content in contents),
    ]
    path.write_bytes(pdf_file(objects))
    return path


def test_the_rest_of_a_row_opening_a_page_is_no_header_for_the_pages_after(tmp_path: Path) -> None:
    """No rules, no header repeated: page 2 opens with the rest of a row the page end broke
    («twin towns»), which is no header; a cell's line of the same text on page 3 then parts no
    table (taken for the header repeated, it had cut the rows under it off as a table of their own,
    losing the row's lines above it)."""
    edges = [LEFT + sum(WIDTHS[:k]) for k in range(len(WIDTHS))]

    def row(top: float, cells: tuple[str, ...], more: str = "") -> list[bytes]:
        drawn = [_text(x + PAD, top - 14, text) for x, text in zip(edges, cells, strict=False) if text]
        return drawn + ([_text(edges[1] + PAD, top - 26, more)] if more else [])

    first = [
        *row(TOP, HEADER),
        *row(TOP - HEIGHT, BODY[0]),
        *row(TOP - 2 * HEIGHT, ("2", "Forum of", "Library", "9 May")),
    ]
    second = [*row(TOP, ("", "twin towns")), *row(TOP - HEIGHT, BODY[2])]
    third = [
        *row(TOP, ("4", "Fair of", "Square", "20 May"), "twin towns"),
        *row(TOP - HEIGHT - 12, ("5", "Run", "Quay", "25 May")),
    ]
    path = _pages(tmp_path / "rest.pdf", *(b"\n".join(p) for p in (first, second, third)))
    (table,) = PdfReader().read(path).tables
    assert [tuple(" ".join((c or "").split()) for c in row.cells) for row in table.rows] == [
        BODY[0],
        ("2", "Forum of twin towns", "Library", "9 May"),
        BODY[2],
        ("4", "Fair of twin towns", "Square", "20 May"),
        ("5", "Run", "Quay", "25 May"),
    ]
