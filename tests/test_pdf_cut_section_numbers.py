"""Row numbers: one pattern for every reader (readers/rownumber.py), which takes a section's
numbering («1.1», «2.1.») as a row number and a date without its year («12.07») as none; a table
numbered either way is stitched over a page break alike, the rest of a row the page end cut going
on in the row above."""

from __future__ import annotations

import pytest
from pagefragments import fragment

from muniflow.readers import pdfglue, pdfstitch
from muniflow.readers.rownumber import SEQ_NUMBER

GRID = (0.0, 40.0, 240.0, 340.0, 440.0)
HEADER = (("№",), ("Наименование мероприятия",), ("Место проведения",), ("Дата проведения",))


def _fragment(page: int, *rows) -> pdfstitch.Fragment:
    return fragment(GRID, page, *rows)


def _rows(first_number: str, second_number: str) -> list[list[str]]:
    first = _fragment(
        1,
        HEADER,
        ((first_number,), ("Ярмарка ремёсел",), ("с. Заречье",), ("3 марта 2031 г.",)),
        ((second_number,), ("Встреча с делегацией",), ("с. Заречье",), ("5 марта",)),
    )
    second = _fragment(2, ((), ("Энсколандии «Северный край»",), (), ("2031 г.",)))
    [group] = pdfstitch.stitch_groups([first, second])
    rows: list[pdfglue.LineRow] = pdfstitch.merge_fragments(group)
    return [[" ".join((pdfglue.cell_text(c) or "").split()) for c in r.cells] for r in rows]


@pytest.mark.parametrize(("first", "second"), [("1.", "2."), ("1.1", "1.2"), ("2.1.", "2.2.")])
def test_a_cut_row_goes_on_in_the_row_above_whatever_the_numbering(first, second) -> None:
    rows = _rows(first, second)
    assert rows[1:] == [
        [first, "Ярмарка ремёсел", "с. Заречье", "3 марта 2031 г."],
        [second, "Встреча с делегацией Энсколандии «Северный край»", "с. Заречье", "5 марта 2031 г."],
    ]


@pytest.mark.parametrize("text", ["7", "7.", "7)", " 7 . ", "2.1", "12.3."])
def test_row_numbers(text) -> None:
    assert SEQ_NUMBER.match(text)


@pytest.mark.parametrize("text", ["12.07", "1.05.2031", "12345", "№", "2.01", "0.1"])
def test_not_row_numbers(text) -> None:
    """A date without its year has a leading zero; five digits are no row number."""
    assert not SEQ_NUMBER.match(text)
