"""A PDF table with no № column whose row a page end cut: the rest at the top of the next page goes
on in the row above when its content says the text was cut (an open quote or bracket, a hyphenated
word, a preposition at the cut) or its lines (the last one above ends with the space it wrapped
at), though it opens with a capital (readers/pdfstitch.py)."""

from __future__ import annotations

import pytest
from pagefragments import fragment

from muniflow.readers import pdfglue, pdfstitch

GRID = (0.0, 200.0, 300.0, 400.0)
HEADER = (("Наименование мероприятия",), ("Место проведения",), ("Дата проведения",))
FIRST = (("Ярмарка ремёсел",), ("с. Заречье",), ("3 марта 2031 г.",))
NEXT = (("Турнир по городкам",), ("с. Заречье",), ("9 марта 2031 г.",))


def _fragment(page: int, *rows) -> pdfstitch.Fragment:
    return fragment(GRID, page, *rows)


def _titles(upper: str, lower: str) -> list[str | None]:
    first = _fragment(1, HEADER, FIRST, ((upper,), ("с. Заречье",), ("5 марта 2031 г.",)))
    second = _fragment(2, ((lower,), (), ()), NEXT)
    [group] = pdfstitch.stitch_groups([first, second])
    rows: list[pdfglue.LineRow] = pdfstitch.merge_fragments(group)
    return [None if r.cells[0] is None else " ".join(x.text for x in r.cells[0]) for r in rows[1:]]


@pytest.mark.parametrize(
    ("upper", "lower", "reason"),
    [
        ("Праздник «Синий", "Лён»", "a quote the page end left open"),
        ("Встреча (в рамках", "Года дружбы)", "a bracket left open"),
        ("Выставка мастеров", "Энсколандии (Северной)»", "the rest closes a quote it never opened"),
        ("Фестиваль Северо-", "Западного края", "a hyphenated word's first part"),
        ("Встреча с делегацией из", "Республики Энсколандия", "a preposition at the cut"),
        ("Слёт краеведов ", "Северной Энсколандии", "the space the title's last line wrapped at"),
    ],
)
def test_a_cut_title_opening_with_a_capital_goes_on_in_the_row_above(upper, lower, reason) -> None:
    assert _titles(upper, lower) == ["Ярмарка ремёсел", f"{upper} {lower}", "Турнир по городкам"], reason


def test_a_row_of_its_own_under_a_complete_title_stays_its_own() -> None:
    """Nothing says the title above was cut: a capital opens a row of its own (its empty cells
    are the report's to flag)."""
    titles = _titles("Слёт краеведов", "Концерт «Северное сияние»")
    assert titles == ["Ярмарка ремёсел", "Слёт краеведов", "Концерт «Северное сияние»", "Турнир по городкам"]


def _rows(upper: tuple, lower: tuple) -> list[tuple[str, ...]]:
    first = _fragment(1, HEADER, FIRST, upper)
    second = _fragment(2, lower, NEXT)
    [group] = pdfstitch.stitch_groups([first, second])
    rows = pdfstitch.merge_fragments(group)
    return [tuple(" ".join(x.text for x in c or ()) for c in r.cells) for r in rows[1:]]


def test_a_cut_row_whose_rest_fills_every_column_goes_on_where_a_cell_wrapped_at_the_page_end() -> None:
    """A cell above ends with the space its last line wrapped at, so the row goes on overleaf,
    though its rest fills every column; a date range cut after its dash goes on too."""
    upper = (("Весенний",), ("с. Заречье, ",), ("05.03.2031-",))
    lower = (("слёт краеведов",), ("парк «Ивушка»",), ("11.03.2031",))
    assert _rows(upper, lower) == [
        ("Ярмарка ремёсел", "с. Заречье", "3 марта 2031 г."),
        ("Весенний слёт краеведов", "с. Заречье,  парк «Ивушка»", "05.03.2031- 11.03.2031"),
        ("Турнир по городкам", "с. Заречье", "9 марта 2031 г."),
    ]


def test_a_row_numbering_the_columns_numbers_no_row() -> None:
    """A row «1 2 3» under the header numbers the columns: the table still has no № column, so the
    rest of a cut row, its title cell filled, goes on in the row above."""
    numbers = (("1",), ("2",), ("3",))
    first = _fragment(1, HEADER, numbers, FIRST, (("Слёт краеведов",), ("с. Заречье",), ("5 марта 2031 г.",)))
    second = _fragment(2, HEADER, numbers, (("северных сёл",), (), ()), NEXT)
    [group] = pdfstitch.stitch_groups([first, second])
    rows = pdfstitch.merge_fragments(group)
    titles = [" ".join(x.text for x in r.cells[0] or ()) for r in rows[2:]]
    assert titles == ["Ярмарка ремёсел", "Слёт краеведов северных сёл", "Турнир по городкам"]


def test_the_rest_goes_on_where_each_cell_that_wrapped_at_the_page_end_goes_on_overleaf() -> None:
    """The place above wrapped at its end and goes on overleaf: the rest is the row's, its title's
    second paragraph opening with a capital too."""
    upper = (("Ярмарка мастеров",), ("г. Энск (Республика ",), ("5 марта 2031 г.",))
    lower = (("«Северное сияние»",), ("Энсколандия)",), ())
    assert _rows(upper, lower)[1] == (
        "Ярмарка мастеров «Северное сияние»",
        "г. Энск (Республика  Энсколандия)",
        "5 марта 2031 г.",
    )


def test_a_number_the_page_end_cut_off_its_words_numbers_no_row() -> None:
    """«12 » with the space its line wrapped at, the page end cutting «марта» off: no № column,
    so the rest goes on in the row above."""
    upper = (("Слёт ",), ("с. Заречье",), ("12 ",))
    lower = (("краеведов",), (), ("марта 2031 г.",))
    assert _rows(upper, lower)[1] == ("Слёт  краеведов", "с. Заречье", "12  марта 2031 г.")
