"""A table drawn without rules over two pages: its columns inferred again on the next page, a
boundary there moved a few points within the gap the page's lines leave (pdfgapcolumns.keeps_hint).
The two parts are one table, so the row the page end cut gets its rest (readers/pdfstitch.py)."""

from __future__ import annotations

from dataclasses import replace

from pagefragments import fragment

from muniflow.readers import pdfstitch

GRID = (30.0, 55.0, 231.0, 334.0, 418.0, 656.0)
MOVED = (30.0, 55.0, 231.0, 337.5, 418.0, 656.0)  # the place | date boundary 3.5 pt right
HEADER = (("№",), ("Мероприятие",), ("Место",), ("Сроки",), ("Итоги",))
ROW = (("1.",), ("Слёт краеведов",), ("г. Ивск",), ("5 июля",), ("Обсуждены планы и ",))
REST = (("",), ("",), ("",), ("",), ("маршруты.",))
NEXT = (("2.",), ("Ярмарка",), ("с. Лесное",), ("6 июля",), ("Подписано соглашение.",))


def _parts(second_grid: tuple[float, ...], ruled: bool) -> list[pdfstitch.Fragment]:
    first = fragment(GRID, 1, HEADER, ROW)
    second = fragment(second_grid, 2, REST, NEXT)
    if not ruled:  # a table inferred from its text: no rule over any of its rows
        first = replace(first, open_rows=(True, True))
        second = replace(second, open_rows=(True, True))
    return [first, second]


def test_a_table_without_rules_goes_on_where_its_columns_moved_within_their_gaps() -> None:
    [group] = pdfstitch.stitch_groups(_parts(MOVED, ruled=False))
    rows = pdfstitch.merge_fragments(group)
    assert [pdfstitch.cell_text(c) for c in rows[1].cells][4] == "Обсуждены планы и маршруты."
    assert len(rows) == 3
    # rules are drawn where they are: ruled columns 3.5 pt apart are another table's
    assert len(pdfstitch.stitch_groups(_parts(MOVED, ruled=True))) == 2
