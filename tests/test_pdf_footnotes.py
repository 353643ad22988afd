"""A page's footnotes (under the short rule Word and Writer draw above them) are no caption of the
table going on overleaf (readers/pdffootnotes.py); a table skipped because the text above it says
its events were not held is named in a note, never dropped in silence (interpret/skipped.py)."""

from __future__ import annotations

from types import SimpleNamespace

from muniflow.interpret.reading import TableReading
from muniflow.interpret.skipped import NOT_HELD_REASON, not_held_tables_note
from muniflow.model import RawRow, RawTable
from muniflow.readers.pdffootnotes import footnotes_top


def _char(x0: float, top: float, text: str = "а") -> dict:
    return {"x0": x0, "x1": x0 + 6, "top": top, "bottom": top + 10, "text": text}


def _rule(x0: float, x1: float, top: float, height: float = 0.5) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": top + height}


def _page(rules: list[dict], chars: list[dict]) -> SimpleNamespace:
    body = [_char(x, 100) for x in (57, 400, 780)]  # the table's text, 57 to 786 wide
    return SimpleNamespace(lines=[], rects=rules, chars=body + chars, width=842, height=595)


FOOTNOTE = [_char(57, 531, "1"), _char(66, 531)]


def test_footnotes_begin_under_a_short_rule_at_the_texts_left() -> None:
    # the table ends at 529: the finder took the rule at 528 for its bottom edge
    assert footnotes_top(_page([_rule(57, 242, 528)], FOOTNOTE), 529) == 528


def test_no_footnotes_without_such_a_rule() -> None:
    assert footnotes_top(_page([], FOOTNOTE), 466) is None
    # a rule across the page (the table's own bottom, a frame) is no separator
    assert footnotes_top(_page([_rule(52, 794, 525)], FOOTNOTE), 466) is None
    # a short rule at the right (a signature's blank), or with nothing under it
    assert footnotes_top(_page([_rule(600, 780, 528)], FOOTNOTE), 466) is None
    assert footnotes_top(_page([_rule(57, 242, 560)], FOOTNOTE), 466) is None
    # text beside it: an underline or a blank to fill, not a separator
    assert footnotes_top(_page([_rule(57, 242, 536)], [*FOOTNOTE, _char(300, 531)]), 466) is None
    # a piece of a longer rule drawn in segments
    assert footnotes_top(_page([_rule(57, 242, 528), _rule(242, 794, 528)], FOOTNOTE), 466) is None


def test_a_table_skipped_as_not_held_is_named_with_its_rows() -> None:
    rows = tuple(RawRow((str(k), f"Встреча {k}", "12.03.2031"), f"page 4, row {k}") for k in (1, 2, 3))
    tables = [
        RawTable(("№", "Мероприятие", "Дата"), rows[:1], "pages 1-3"),
        RawTable(
            ("№", "Мероприятие", "Дата"), (*rows, RawRow((None, "", None), "page 5, row 1")), "pages 4-5"
        ),
    ]
    readings = [
        TableReading("pages 1-3", True, "its header names title"),
        TableReading("pages 4-5", False, f"its heading «Перенесены» {NOT_HELD_REASON}", municipality="Энск"),
    ]
    [note] = not_held_tables_note(tables, readings)
    assert "pages 4-5 under «Энск» (3 rows)" in note
    assert not not_held_tables_note(tables, [readings[0], TableReading("pages 4-5", True, "")])
