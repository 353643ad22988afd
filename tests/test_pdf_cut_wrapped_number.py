"""A PDF table whose narrow № column wrapped a row's number («1» / «2»), cut by the page end between
the two digits: the page's first row is the rest of the row above, its number the two joined
(readers/pdfstitch.py)."""

from __future__ import annotations

from pagefragments import fragment

from muniflow.readers import pdfglue, pdfstitch
from muniflow.readers.pdflinebreaks import join_lines

GRID = (0.0, 20.0, 220.0, 320.0)
HEADER = (("№",), ("Наименование мероприятия",), ("Дата проведения",))


def _fragment(page: int, *rows) -> pdfstitch.Fragment:
    return fragment(GRID, page, *rows)


def _rows(before: str, upper: str, lower: str, after: str) -> list[tuple[str, str]]:
    first = _fragment(
        1,
        HEADER,
        ((before,), ("Слёт краеведов",), ("3 марта 2031 г.",)),
        ((upper,), ("Научно-",), ("в течение",)),
    )
    second = _fragment(
        2,
        ((lower,), ("практический семинар",), ("марта 2031 г.",)),
        ((after,), ("Ярмарка",), ("9 марта 2031 г.",)),
    )
    [group] = pdfstitch.stitch_groups([first, second])
    rows: list[pdfglue.LineRow] = pdfstitch.merge_fragments(group)
    return [(join_lines(r.cells[0] or ()).replace("\n", " "), join_lines(r.cells[1] or ())) for r in rows[1:]]


def test_a_number_wrapped_across_the_page_end_joins_the_row_above() -> None:
    rows = _rows("11", "1", "2", "13")
    assert [title for _, title in rows] == ["Слёт краеведов", "Научно-практический семинар", "Ярмарка"]
    assert rows[1][0] == "12"


def test_a_row_numbered_in_turn_stays_its_own() -> None:
    """«2» after «1» follows it: no number is wrapped there."""
    rows = _rows("0", "1", "2", "3")
    assert [title for _, title in rows] == ["Слёт краеведов", "Научно-", "практический семинар", "Ярмарка"]


def test_digits_that_join_to_no_next_number_stay_two_rows() -> None:
    rows = _rows("11", "1", "3", "13")
    assert len(rows) == 4
