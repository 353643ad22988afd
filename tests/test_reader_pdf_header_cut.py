"""The PDF reader on a header row that a page end cut: its rest at the top of the next page goes
on in the header (no event made of it), also where the first page drew fewer column borders
(a group cell whose sub-columns went on to the next page); and the grid rules behind it."""

from __future__ import annotations

from pathlib import Path

import pytest
from readers_layouts import soffice_missing
from readers_layouts_header_cut import GROUP_HEAD, HEAD, SUB, build_pdfs, events

from muniflow.readers import pdf as pdf_module
from muniflow.readers import pdfglue, pdfstitch
from muniflow.readers.base import fold_whitespace
from muniflow.readers.pdf import PdfReader
from muniflow.readers.pdfgrid import finer_grid, regrid, slot_ends, splits
from muniflow.readers.pdflines import Line

READER = PdfReader()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    reason = soffice_missing()
    if reason:
        pytest.skip(reason)
    return build_pdfs(tmp_path_factory.mktemp("header_cut"))


def _folded(cells) -> list[str]:
    return [fold_whitespace(c or "") for c in cells]


CUTS = [
    # (layout, header the reader gives, sub-header row or None, why)
    ("one_row", HEAD, None, "a one-row header cut between its lines: both halves on one grid"),
    ("group_with_sub", GROUP_HEAD, SUB,
     "page 1 draws the group row alone (fewer columns); page 2 the rest and the sub-columns in one row"),
    ("group_then_sub", GROUP_HEAD, SUB,
     "page 1 draws the group row alone (fewer columns); page 2 its rest, then the sub-header row"),
]  # fmt: skip


@pytest.mark.parametrize(("layout", "header", "sub", "why"), CUTS, ids=[c[0] for c in CUTS])
def test_header_cut_by_the_page_end(pdfs, layout, header, sub, why) -> None:
    fragments, *_ = pdf_module._scan(pdfs[layout])
    assert [f.page for f in fragments] == [1, 2] and len(fragments[0].rows) == 1, "the layout cut no header"
    [table] = READER.read(pdfs[layout]).tables
    assert _folded(table.header) == _folded(header), why
    body = [r.cells for r in table.rows]
    if sub is not None:
        assert _folded(body[0]) == _folded(sub), why
        body = body[1:]
    assert [_folded(r) for r in body] == [_folded(r) for r in events()], why


EDGES = (0.0, 50.0, 100.0, 150.0, 200.0)
GRIDS = [
    # (one grid, the other, the grid both fit, why)
    (EDGES, EDGES, EDGES, "the same grid"),
    ((0.0, 50.0, 150.0, 200.0), EDGES, EDGES, "a group cell hides the border at 100: the finer grid"),
    (EDGES, (0.0, 100.0, 200.0), EDGES, "either order"),
    ((0.0, 50.0, 120.0, 200.0), EDGES, None, "a border the other grid does not have"),
    ((0.0, 50.0, 150.0), EDGES, None, "a narrower table"),
    ((1.5, 51.0, 149.0, 201.0), EDGES, EDGES, "rounding within the tolerance"),
]


@pytest.mark.parametrize(("a", "b", "expected", "why"), GRIDS, ids=[c[-1] for c in GRIDS])
def test_finer_grid(a, b, expected, why) -> None:
    assert finer_grid(a, b, 3.0) == expected, why


def test_regrid_moves_cells_to_their_left_border_and_keeps_their_span() -> None:
    """A row drawn on (0, 50, 150, 200) laid out on EDGES: the middle cell spans two columns."""
    columns = (0.0, 50.0, 150.0, 200.0)
    boxes = [(0.0, 0.0, 50.0, 10.0), (50.0, 0.0, 150.0, 10.0), (150.0, 0.0, 200.0, 10.0)]
    ends = slot_ends(columns, boxes, 3.0)
    assert ends == (1, 2, 3)
    rows, new_ends = regrid(columns, [("№", "Сроки", "Участники")], [ends], EDGES, 3.0)
    assert rows == (("№", "Сроки", None, "Участники"),)
    assert new_ends == ((1, 3, None, 4),)


SPLITS = [
    # (spans of the row above the page end, spans of the row below it, the split, why)
    ((1, 3, None, 4), (1, 2, 3, 4), (False, True, True, False),
     "two cells under a group cell spanning columns 1-2 are sub-columns: a row of their own"),
    ((1, 3, None, 4), (1, 3, None, 4), (False, False, False, False), "the same spans: the cells go on"),
    ((1, 2, 3, 4), (1, 2, 3, 4), (False, False, False, False), "one column each: the cells go on"),
    ((1, None, 3, 4), (1, 2, 3, 4), (False, False, False, False),
     "a slot covered from a row above (not by a cell to its left) goes on in that cell"),
]  # fmt: skip


@pytest.mark.parametrize(("upper", "lower", "expected", "why"), SPLITS, ids=[c[-1] for c in SPLITS])
def test_splits(upper, lower, expected, why) -> None:
    assert splits(upper, lower) == expected, why


def _cell(*texts: str) -> tuple[Line, ...]:
    return tuple(Line(t, 0.0, 0.0, 0.0, 3.0, True) for t in texts)


def _fragment(page: int, columns, *rows) -> pdfstitch.Fragment:
    cells = tuple(tuple(None if c is None else _cell(*c) for c in row) for row in rows)
    ends = tuple(tuple(None if c is None else i + 1 for i, c in enumerate(row)) for row in rows)
    return pdfstitch.Fragment(page, columns, cells, page == 2, page == 1, ends=ends)


def _texts(rows: list[pdfglue.LineRow]) -> list[tuple[str | None, ...]]:
    return [tuple(None if c is None else " ".join(x.text for x in c) for c in row.cells) for row in rows]


def test_a_header_cut_on_one_grid_goes_on_in_the_header() -> None:
    """The rest of the header at the top of page 2 («номер») is glued to it, not made an event."""
    grid = (0.0, 50.0, 150.0, 250.0)
    first = _fragment(1, grid, (("Порядковый",), ("Наименование",), ("Место",)))
    second = _fragment(2, grid, (("номер",), ("мероприятия",), ()), (("1.",), ("Визит",), ("Минск",)))
    [group] = pdfstitch.stitch_groups([first, second])
    assert _texts(pdfstitch.merge_fragments(group)) == [
        ("Порядковый номер", "Наименование мероприятия", "Место"),
        ("1.", "Визит", "Минск"),
    ]


def test_a_group_header_cut_before_its_sub_columns() -> None:
    """Page 1 shows the group cell «Сроки» over two columns it cannot draw; page 2 has the rest of
    the other header cells and the sub-columns in one row: one table, a sub-header row of its own."""
    first = pdfstitch.Fragment(
        1, (0.0, 50.0, 250.0), ((_cell("№"), _cell("Сроки")),), False, True, ends=((1, 2),)
    )
    second = _fragment(
        2, (0.0, 50.0, 150.0, 250.0), (("п/п",), ("начало",), ("конец",)), (("1.",), ("1.05",), ("2.05",))
    )
    [group] = pdfstitch.stitch_groups([first, second])
    assert _texts(pdfstitch.merge_fragments(group)) == [
        ("№ п/п", "Сроки", None),
        (None, "начало", "конец"),
        ("1.", "1.05", "2.05"),
    ]
