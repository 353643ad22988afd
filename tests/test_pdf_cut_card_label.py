"""Events given as cards (a № in each card's first row, then label | value rows) over a page end: the
page's first row, a label the table's cards already used, is a row of its own, not the rest of the
row above (readers/pdfstitch.py)."""

from __future__ import annotations

from pagefragments import fragment

from muniflow.readers import pdfglue, pdfstitch
from muniflow.readers.pdflinebreaks import join_lines

GRID = (0.0, 30.0, 200.0, 420.0)


def _rows(*second: tuple[tuple[str, ...], ...]) -> list[tuple[str, str, str]]:
    first = fragment(
        GRID,
        1,
        (("1",), ("Наименование мероприятия",), ("Фестиваль «Ока»",)),
        (("",), ("Место проведения",), ("г. Энск, парк",)),
        (("",), ("Дата проведения",), ("12.05.2031",)),
        (("2",), ("Наименование мероприятия",), ("Турнир «Ладья»",)),
    )
    [group] = pdfstitch.stitch_groups([first, fragment(GRID, 2, *second)])
    rows: list[pdfglue.LineRow] = pdfstitch.merge_fragments(group)
    return [tuple(join_lines(c or ()).replace("\n", " ").strip() for c in r.cells) for r in rows]  # type: ignore[misc]


def test_a_label_again_at_the_page_top_opens_a_row() -> None:
    rows = _rows(
        (("",), ("Место проведения",), ("с. Ольшанка, школа",)),
        (("",), ("Дата проведения",), ("20.05.2031",)),
    )
    assert [r[1] for r in rows[3:]] == ["Наименование мероприятия", "Место проведения", "Дата проведения"]
    assert rows[3][2] == "Турнир «Ладья»"


def test_the_rest_of_a_value_still_goes_on() -> None:
    rows = _rows(
        (("",), ("",), ("шахматистов",)),
        (("",), ("Место проведения",), ("с. Ольшанка, школа",)),
    )
    assert rows[3][2] == "Турнир «Ладья» шахматистов"
    assert [r[1] for r in rows[3:]] == ["Наименование мероприятия", "Место проведения"]


def test_a_label_the_contract_does_not_know_opens_a_row_too() -> None:
    """The label is known by its repeating, not by the contract's header words."""
    first = fragment(
        GRID,
        1,
        (("1",), ("Что проводилось",), ("Фестиваль «Ока»",)),
        (("",), ("Где",), ("г. Энск, парк",)),
        (("2",), ("Что проводилось",), ("Турнир «Ладья»",)),
    )
    second = fragment(GRID, 2, (("",), ("Где",), ("с. Ольшанка, школа",)))
    [group] = pdfstitch.stitch_groups([first, second])
    rows = pdfstitch.merge_fragments(group)
    labels = [join_lines(r.cells[1] or ()) for r in rows]
    assert labels == ["Что проводилось", "Где", "Что проводилось", "Где"]
