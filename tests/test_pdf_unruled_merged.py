"""A date or place merged down over two events in a PDF table drawn without rules between its
rows, its text at the top of the merge: the text stands in the first row only, and the rows under
it read an empty cell (nothing drawn parts them from it). The reader marks such empty cells
(`RawRow.open_above`); an event's empty date or place so marked is the one above it, as the DOCX
reader gives it from the merge. Under rules, a cell merged down shows by the rule left out
(test_reader_pdf_unruled), and an empty cell under a rule is empty."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from badfiles import helvetica_page
from readers_layouts import exported, merged_events

from muniflow import stages
from muniflow.readers.docx import DocxReader
from muniflow.readers.pdf import PdfReader

COLUMNS = ("No", "Event", "Place", "Date")
ROWS = [
    ("1", "Delegation visit", "Town hall", "3 May"),
    ("2", "Forum of twin towns", "", "9 May"),
    ("3", "Concert", "Park", ""),
]
WIDTHS = (40.0, 150.0, 110.0, 90.0)
LEFT, TOP, HEIGHT, PAD = 60.0, 700.0, 28.0, 5.4


def _page(path: Path, rules: str) -> Path:
    """The table with `rules`: `none`, `frame` (its outer sides only), `header_rule` (the frame
    and a rule under the header), `last_rule` (the frame and a rule above the last row) or `grid`
    (every row ruled off, no column rules)."""
    right = LEFT + sum(WIDTHS)
    bottom = TOP - HEIGHT * (len(ROWS) + 1)
    ops = []
    if rules in ("frame", "header_rule", "last_rule"):
        ops += [b"%.2f %.2f m %.2f %.2f l S" % (x, TOP, x, bottom) for x in (LEFT, right)]
        ops += [b"%.2f %.2f m %.2f %.2f l S" % (LEFT, y, right, y) for y in (TOP, bottom)]
    ruled = {"grid": range(len(ROWS) + 2), "header_rule": [1], "last_rule": [len(ROWS)]}.get(rules, [])
    ops += [b"%.2f %.2f m %.2f %.2f l S" % (LEFT, TOP - r * HEIGHT, right, TOP - r * HEIGHT) for r in ruled]
    for r, row in enumerate([COLUMNS, *ROWS]):
        x = LEFT
        for width, text in zip(WIDTHS, row, strict=True):
            if text:
                y = TOP - r * HEIGHT - 14
                ops.append(b"BT /F1 10 Tf %.2f %.2f Td (%s) Tj ET" % (x + PAD, y, text.encode("latin-1")))
            x += width
    return helvetica_page(path, b"\n".join(ops))


@pytest.mark.parametrize("rules", ["none", "frame", "header_rule"])
def test_an_empty_cell_of_a_table_without_rules_is_open_to_the_cell_above(tmp_path: Path, rules: str) -> None:
    """Also in a frame with a rule under the header only, as many tables without inner borders draw."""
    (table,) = PdfReader().read(_page(tmp_path / f"{rules}.pdf", rules)).tables
    assert [row.cells for row in table.rows] == ROWS
    assert [row.open_above for row in table.rows] == [frozenset(), frozenset({2}), frozenset({3})]


def test_a_rule_between_two_rows_closes_the_cells_under_it(tmp_path: Path) -> None:
    """A rule drawn across the table above the last row: its empty date is not the one above."""
    (table,) = PdfReader().read(_page(tmp_path / "last_rule.pdf", "last_rule")).tables
    assert [row.cells for row in table.rows] == ROWS
    assert [row.open_above for row in table.rows] == [frozenset(), frozenset({2}), frozenset()]


def test_an_empty_cell_under_a_rule_is_not_open(tmp_path: Path) -> None:
    (table,) = PdfReader().read(_page(tmp_path / "grid.pdf", "grid")).tables
    assert [row.cells for row in table.rows] == ROWS
    assert all(not row.open_above for row in table.rows)


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, Path]:
    builders = {b: partial(merged_events, centred=False, borders=b) for b in ("none", "frame")}
    _, pdfs = exported(tmp_path_factory, "unruled_merged", builders)
    return pdfs


def _events(path: Path, pdf: bool) -> list[tuple[str, str | None]]:
    doc = PdfReader().read(path) if pdf else DocxReader().read(path)
    report = stages.interpret_file(path, doc, None, "0" * 64).report
    assert report is not None
    return [(r.place, r.start_date.isoformat() if r.start_date else None) for r in report.rows]


@pytest.mark.parametrize("borders", ["none", "frame"])
def test_every_event_under_a_merged_cell_without_rules_gets_its_place_and_date(
    exports: dict[str, Path], borders: str
) -> None:
    """As its DOCX gives them."""
    pdf = exports[borders]
    assert _events(pdf, pdf=True) == [
        ("г. Велиж, районный Дом культуры", "2024-05-05"),
        ("г. Велиж, районный Дом культуры", "2024-05-05"),
        ("г. Демидов, стадион", "2024-05-17"),
        ("г. Демидов, стадион", "2024-05-18"),
        ("г. Демидов, стадион", "2024-05-19"),
    ]
    assert _events(pdf, pdf=True) == _events(pdf.with_suffix(".docx"), pdf=False)
