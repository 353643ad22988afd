"""Stages of an event with no № of their own, each opening with a bullet («– открытие»), at the top
of a page: they are rows of their own (the stages interpret/row_goes_on.py reads as the event's), not the
rest of the event above the page end cut (readers/pdfstitch.py)."""

from __future__ import annotations

from pagefragments import fragment

from muniflow.readers import pdfglue, pdfstitch
from muniflow.readers.pdflinebreaks import join_lines

GRID = (0.0, 30.0, 200.0, 320.0, 420.0)  # №, event, place, dates


def _rows(*second: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    first = fragment(
        GRID,
        1,
        (("1",), ("Фестиваль «Ока»",), ("г. Энск, парк",), ("12.05.2031",)),
        (("2",), ("Слёт «Ладья»",), ("г. Ивск",), ("14–16 мая", "2031 г.")),
    )
    [group] = pdfstitch.stitch_groups([first, fragment(GRID, 2, *second)])
    rows: list[pdfglue.LineRow] = pdfstitch.merge_fragments(group)
    return [tuple(join_lines(c or ()).replace("\n", " ").strip() for c in r.cells) for r in rows]


def test_stages_opening_a_page_are_rows_of_their_own() -> None:
    rows = _rows(
        (("",), ("– открытие слёта",), ("",), ("14.05.2031",)),
        (("",), ("– закрытие слёта",), ("",), ("16.05.2031",)),
        (("3",), ("Турнир «Тура»",), ("г. Энск",), ("20.05.2031",)),
    )
    assert [r[1] for r in rows] == [
        "Фестиваль «Ока»",
        "Слёт «Ладья»",
        "– открытие слёта",
        "– закрытие слёта",
        "Турнир «Тура»",
    ]
    assert rows[1][3] == "14–16 мая 2031 г."
    # one row's text going on after a dash, no list of rows under it, is the rest of the row
    rows = _rows(
        (("",), ("– ветеранов спорта",), ("",), ("",)),
        (("3",), ("Турнир «Тура»",), ("г. Энск",), ("20.05.2031",)),
    )
    assert rows[1][1] == "Слёт «Ладья» – ветеранов спорта"
