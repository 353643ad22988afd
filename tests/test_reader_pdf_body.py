"""The PDF reader on body text of LibreOffice exports: words a ~1 cm column cuts into many pieces,
rows broken by a page end under a two-level header, a date range broken after its dash, a long
heading above a table read as one paragraph; and the rules behind them, table-driven."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from readers_layouts import soffice_missing
from readers_layouts_cuts import (
    BODY_TITLE,
    LONG_HEADING,
    NARROW_PLACES,
    NARROW_TITLES,
    PRINT_STAMP,
    RANGE_CELL,
    RUNNING_HEADER,
    TALL_PARTICIPANTS,
    TALL_TITLE,
    build_pdfs,
)

from muniflow.model import RawTable
from muniflow.readers import pdfglue, pdfstitch
from muniflow.readers.base import fold_whitespace
from muniflow.readers.pdf import PdfReader
from muniflow.readers.pdflines import Line

READER = PdfReader()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    reason = soffice_missing()
    if reason:
        pytest.skip(reason)
    return build_pdfs(tmp_path_factory.mktemp("body"))


def _only(path: Path) -> RawTable:
    [table] = READER.read(path).tables
    return table


def test_words_cut_into_many_pieces(pdfs) -> None:
    """A 1 cm column holds three or four letters a line: each word comes out whole, the
    dictionary looking it up over all its pieces; two paragraphs of a cell stay apart."""
    table = _only(pdfs["narrow"])
    titles = [fold_whitespace(r.cells[1] or "") for r in table.rows]
    assert titles == [fold_whitespace(t) for t in NARROW_TITLES]
    assert [fold_whitespace(r.cells[2] or "") for r in table.rows] == list(NARROW_PLACES)


def test_rows_broken_under_a_two_level_header(pdfs) -> None:
    """Header, sub-header and column-number rows repeat on every page above a heading row; a
    row broken by the page end goes on under them with header words in its cells («Делегация»,
    «представители»): it is glued back whole, not dropped as a repeated header."""
    table = _only(pdfs["two_level"])
    numbered = [r for r in table.rows if re.fullmatch(r"\d+\.", r.cells[0] or "")]
    assert [r.cells[0] for r in numbered] == [f"{n}." for n in range(1, 9)]
    for row in (numbered[2], numbered[5]):
        assert fold_whitespace(row.cells[1] or "") == TALL_TITLE
        assert fold_whitespace(row.cells[5] or "") == TALL_PARTICIPANTS
    unnumbered = [r.cells for r in table.rows if r not in numbered]
    assert unnumbered == [
        (None, None, None, "начало", "окончание", None),
        ("1", "2", "3", "4", "5", "6"),
        ("Велижский район", None, None, None, None, None),
    ], "the header rows under the first, and the heading: no stray continuation"


def test_table_under_a_running_page_header_and_footer_is_one(pdfs) -> None:
    """A page header and footer repeat on every page between the table's parts: they are no
    heading, so the table goes on and its rows broken by the page ends are glued back; the
    page header still gives the title."""
    doc = READER.read(pdfs["running_header"])
    [table] = doc.tables
    assert [r.cells[0] for r in table.rows] == [f"{n}." for n in range(1, 13)]
    tall = [fold_whitespace(r.cells[4] or "") for r in table.rows if r.cells[0] in ("4.", "8.", "12.")]
    assert tall == [fold_whitespace(TALL_PARTICIPANTS)] * 3
    assert RUNNING_HEADER in doc.title


def test_a_page_header_every_page_repeats_is_no_part_of_a_title_typed_above_the_table(pdfs) -> None:
    """A print stamp repeated at the top of every page (a browser's date and page title) naming
    another quarter stays out of the title typed in the body, kept apart as the running text."""
    doc = READER.read(pdfs["stamp_over_title"])
    assert fold_whitespace(doc.title) == BODY_TITLE
    assert fold_whitespace(doc.running) == PRINT_STAMP
    assert [r.cells[0] for r in doc.tables[0].rows] == [f"{n}." for n in range(1, 13)]


def test_date_range_broken_after_its_dash(pdfs) -> None:
    """«12.05.2024 –» ends a line of the source: the break stays (a range is spaced on both
    sides, so a wrap there would have drawn its space)."""
    cell = _only(pdfs["date_range"]).rows[0].cells[2]
    assert cell == RANGE_CELL.replace("\v", "\n")


def test_long_heading_is_one_paragraph(pdfs) -> None:
    """A heading wrapped over several lines comes out as the one paragraph it is, the short
    heading under it as another (as the DOCX reader gives them)."""
    caption = _only(pdfs["long_heading"]).caption
    assert caption == f"{LONG_HEADING}\nВелижский район"


# --- The rules, table-driven ----------------------------------------------------------------

H = ("№", "Мероприятие", "Сроки проведения", None, "Участники")
SUB = (None, None, "начало", "окончание", None)
NUMBERS = ("1", "2", "3", "4", "5")
HEADING = ("Велижский район", None, None, None, None)
TITLE = ("Сведения о мероприятиях", None, None, None, None)
EVENT = ("1.", "Форум", "1 мая", "2 мая", "Делегация")

BLOCKS = [
    # (leading rows, header rows, why)
    ([H, EVENT], 1, "one header row, then a numbered row"),
    ([H, SUB, EVENT], 2, "a sub-header row under a group cell"),
    ([H, SUB, NUMBERS, HEADING, HEADING, EVENT], 3, "a column-number row ends the header"),
    ([H, SUB, HEADING, HEADING, HEADING, EVENT], 2, "a heading row across the table ends it"),
    ([TITLE, H, SUB, EVENT], 3, "a title row across the table above the header is part of it"),
    ([H, HEADING, EVENT], 1, "a heading right under the header"),
]


@pytest.mark.parametrize(("rows", "size", "why"), BLOCKS, ids=[c[-1] for c in BLOCKS])
def test_header_block_size(rows: list[tuple[str | None, ...]], size: int, why: str) -> None:
    assert pdfstitch.header_block_size(rows, 0) == size, why


HEADER_ROWS = [("№ п/п", "Наименование мероприятия", "Место проведения", "Участники делегации")]
REPEATS = [
    # (rows at the top of a later page, how many repeat the header, why)
    ([HEADER_ROWS[0]], 1, "the header as it was"),
    ([("№ п/\nп", "Наименовани\nя мероприятия", "Место\nпроведения", "Участники\nделегации")], 1,
     "cut into other lines"),
    ([("№", "Наименование", "Место", "Участники")], 1, "only its first lines (the rest spilt below)"),
    ([("", "Мероприятие", "Место", "")], 1, "other words, each under its own header cell"),
    ([("", "участием представителей", "", "Делегация г. Витебска")], 0,
     "header words, not where the header has them"),
    ([("", "музей", "", "")], 0, "a continued row"),
    ([("№", "На", "Ме", "Уч")], 0, "a beginning of two letters shows no header"),
]  # fmt: skip


@pytest.mark.parametrize(("rows", "count", "why"), REPEATS, ids=[c[-1] for c in REPEATS])
def test_repeated_header_count(rows: list[tuple[str, ...]], count: int, why: str) -> None:
    assert pdfstitch.repeated_header_count(HEADER_ROWS, rows) == count, why


TYPOS = [
    # (a header cell's lines, the vocabulary's decision per line break, why)
    (["Уча", "стн", "ки"], [True, True], "«Участнки»: a header word one letter off, in three pieces"),
    (["Наименов", "ние"], [True], "«Наименовние»: its head is no word alone"),
    (["Уча", "стнки"], [None], "two pieces, the head a word of its own: left to the geometry"),
    (["Участники", "мероприятия"], [False], "two whole header words stay apart"),
    (["Орга", "низ", "ция"], [None, None], "one letter off no header word: not joined by the vocabulary"),
]


@pytest.mark.parametrize(("lines", "expected", "why"), TYPOS, ids=[c[-1] for c in TYPOS])
def test_header_words_with_a_typo(lines: list[str], expected: list[bool | None], why: str) -> None:
    from muniflow.readers.headerwords import vocabulary_breaks

    assert vocabulary_breaks(lines) == expected, why


def _cell(*texts: str) -> tuple[Line, ...]:
    return tuple(Line(t, 0.0, 0.0, 0.0, 3.0, True) for t in texts)


def _texts(rows: list[pdfglue.LineRow]) -> list[tuple[str | None, ...]]:
    return [
        tuple(None if c is None else " ".join(line.text for line in c) for c in row.cells) for row in rows
    ]


GROUP = pdfglue.LineRow((_cell("Содержание", "и"), _cell("Представители"), None), "page 5, row 1")
SUBHEADER = pdfglue.LineRow((None, _cell("от России"), _cell("от иностранных")), "page 5, row 2")
EVENT_ROW = pdfglue.LineRow((_cell("Визит"), _cell("Делегация"), _cell("Гости")), "page 5, row 3")
GLUES = [
    # (rows so far, the continuation at the top of the next page, the rows after gluing, why)
    ([EVENT_ROW], (_cell("района"), None, _cell("из Минска")),
     [("Визит района", "Делегация", "Гости из Минска")], "a body row goes on in its own cells"),
    ([GROUP, SUBHEADER], (_cell("результаты"), None, None),
     [("Содержание и результаты", "Представители", None), (None, "от России", "от иностранных")],
     "a header cell merged down over the sub-header row goes on in the row it starts in"),
    ([GROUP, SUBHEADER], (None, None, _cell("государств")),
     [("Содержание и", "Представители", None), (None, "от России", "от иностранных государств")],
     "a sub-header cell goes on in the sub-header row"),
]  # fmt: skip


@pytest.mark.parametrize(("rows", "lower", "expected", "why"), GLUES, ids=[c[-1] for c in GLUES])
def test_glue_a_row_cut_by_the_page(rows, lower, expected, why) -> None:
    assert _texts(pdfglue.glue(rows, lower)) == expected, why


def _fragment(page: int, *rows: tuple[tuple[str, ...] | None, ...]) -> pdfstitch.Fragment:
    cells = tuple(tuple(None if c is None else _cell(*c) for c in row) for row in rows)
    return pdfstitch.Fragment(page, (0.0, 50.0, 150.0, 250.0), cells, True, True)


HEAD = (("№", "п/п"), ("Наименование",), ("Место",))
NUMBERS = (("1",), ("2",), ("3",))


def test_a_column_number_row_not_repeated_keeps_the_first_number_of_the_next_page() -> None:
    """The first page has a column-number row under its header; the next page repeats only the
    header. Its first event's «1» is not taken for the header's last line spilt below (which made
    the event a continuation of the row before)."""
    first = _fragment(1, HEAD, NUMBERS, (("1",), ("Визит",), ("Минск",)))
    second = _fragment(2, HEAD, (("1",), ("Форум",), ("Гродно",)))
    rows = _texts(pdfstitch.merge_fragments([first, second]))
    assert rows[-2:] == [("1", "Визит", "Минск"), ("1", "Форум", "Гродно")]


def test_the_one_event_of_a_table_without_header_goes_on_after_the_page_end() -> None:
    """A municipality's own table under its heading holds one event and no header (the header
    stands once, above the first municipality's table); the page cuts the event: its rest, with an
    empty № cell, is glued to it, not read as an event of its own."""
    first = _fragment(1, (("6",), ("Встреча с делегацией",), ("пгт Славянка",)))
    second = _fragment(2, ((), ("провинции Цзилинь",), None))
    assert _texts(pdfstitch.merge_fragments([first, second])) == [
        ("6", "Встреча с делегацией провинции Цзилинь", "пгт Славянка")
    ]


def test_the_only_row_of_a_header_is_not_glued_to_a_row_below_it() -> None:
    first = _fragment(1, HEAD)
    second = _fragment(2, ((), ("Форум",), ("Гродно",)))
    assert len(pdfstitch.merge_fragments([first, second])) == 2


PLAIN_HEAD = (("Наименование",), ("Место",), ("Сроки",))


@pytest.mark.parametrize(
    ("top_of_page", "glued", "why"),
    [
        ((("память»",), None, ("области",)), True, "lower-case pieces, the date cell empty"),
        ((("«Кубок", "дружбы»"), ("г. Гродно",), ("5 мая",)), False, "a new event: a capital and a date"),
        ((("экскурсия",), ("г. Гродно",), ("весь период",)), False, "every cell filled: nothing left open"),
    ],
)
def test_a_row_cut_by_the_page_in_a_table_without_numbers(top_of_page, glued, why) -> None:
    """With no № column, no empty № cell says a row goes on: a continuation is told by its cells
    opening in lower case where the row above filled a cell it leaves empty."""
    first = _fragment(1, PLAIN_HEAD, (("Конференция «Историческая",), ("онлайн",), ("30 июня",)))
    second = _fragment(2, top_of_page)
    rows = _texts(pdfstitch.merge_fragments([first, second]))
    assert (len(rows) == 2) == glued, why
    if glued:
        assert rows[-1][0] == "Конференция «Историческая память»", why


@pytest.mark.parametrize(
    ("top_of_page", "glued", "why"),
    [
        (((), ("Слёт «Полярная сова»",), ("г. Полынск",)), False, "every column the row above fills"),
        (((), None, ("области",)), True, "the title column the row above fills left empty"),
    ],
)
def test_a_row_under_an_empty_number_column_is_glued_only_where_it_leaves_a_column_open(
    top_of_page, glued, why
) -> None:
    """A № column left empty on every row (numbers never typed): an empty № cell says nothing of
    the row at a page's top going on; only a row leaving a column the row above fills is its rest."""
    head = (("№",), ("Наименование",), ("Место",))
    first = _fragment(1, head, ((), ("Выставка «Северный»",), ("г. Озерки",)))
    second = _fragment(2, top_of_page)
    rows = _texts(pdfstitch.merge_fragments([first, second]))
    assert (len(rows) == 2) == glued, why


def test_the_end_of_a_word_the_page_cut_is_no_repeated_header() -> None:
    """«(14 челове|к)»: the row after a repeated header holds only «к)», the first letter of the
    header cell above it («Количество и состав участников»), and still continues the event."""
    header = ("№", "Мероприятие", "Количество и\nсостав\nучастников")
    assert pdfstitch.repeated_header_count([header], [header, ("", "", "к)")]) == 1
    assert pdfstitch.repeated_header_count([header], [header, ("", "", "Количество и")]) == 2


def test_two_tables_on_one_page_give_their_rows_locators_of_their_own() -> None:
    """A page holding the end of one table and the start of another (two grids): the rows of the
    second are «page 1, table 2, row N», so no two rows of the file share a locator (the report
    counts rows by file and locator)."""
    from dataclasses import replace

    first = _fragment(1, HEAD, (("1",), ("Визит",), ("Минск",)))
    second = replace(
        _fragment(1, HEAD, (("1",), ("Форум",), ("Казань",))),
        columns=(0.0, 80.0, 160.0, 250.0),
        first_on_page=False,
        on_page=1,
    )
    groups = pdfstitch.stitch_groups([replace(first, last_on_page=False), second])
    assert len(groups) == 2, "two grids: two tables"
    locators = [row.locator for group in groups for row in pdfstitch.merge_fragments(group)]
    assert locators == ["page 1, row 1", "page 1, row 2", "page 1, table 2, row 1", "page 1, table 2, row 2"]
