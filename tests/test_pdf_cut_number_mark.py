"""A PDF table whose narrow № column wrapped the full stop of a row's number («17» / «.»), cut by
the page end between them: the page's first row, its № cell a mark alone, is the rest of the row
above (readers/pdfstitch.py). Names are invented."""

from __future__ import annotations

from pagefragments import fragment

from muniflow.readers import pdfglue, pdfstitch
from muniflow.readers.pdflinebreaks import join_lines

GRID = (0.0, 20.0, 220.0, 320.0)
HEADER = (("№",), ("Наименование мероприятия",), ("Дата проведения",))


def _rows(mark: str) -> list[tuple[str, str, str]]:
    upper = fragment(
        GRID,
        1,
        HEADER,
        (("16.",), ("Слёт краеведов",), ("3 марта 2031 г.",)),
        (("17",), ("Фестиваль «Кедровый",), ("13.03.2031 –",)),
    )
    lower = fragment(
        GRID,
        2,
        ((mark,), ("бор»",), ("19.03.2031",)),
        (("19.",), ("Ярмарка",), ("21 марта 2031 г.",)),
    )
    [group] = pdfstitch.stitch_groups([upper, lower])
    rows: list[pdfglue.LineRow] = pdfstitch.merge_fragments(group)
    return [tuple(join_lines(c or ()).replace("\n", " ") for c in r.cells) for r in rows[1:]]


def test_the_full_stop_of_a_number_cut_overleaf_goes_on_the_row_above() -> None:
    rows = _rows(".")
    assert [title for _, title, _ in rows] == ["Слёт краеведов", "Фестиваль «Кедровый бор»", "Ярмарка"]
    assert rows[1][0] == "17." and rows[1][2] == "13.03.2031 – 19.03.2031"


def test_a_number_overleaf_starts_a_row() -> None:
    rows = _rows("18.")
    assert [number for number, _, _ in rows] == ["16.", "17", "18.", "19."]
