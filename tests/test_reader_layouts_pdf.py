"""The PDF reader on LibreOffice exports of several layouts: every table with its caption, header
words cut by narrow columns, repeated header rows, tables without ruling lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from readers_fixtures import HEADER
from readers_layouts import FILLER, WRAP_HEADER, WRAP_WIDTHS, build_pdfs, soffice_missing

from muniflow.model import RawDocument, RawTable, ReaderError
from muniflow.readers import pdf as pdf_module
from muniflow.readers import pdfstitch
from muniflow.readers.base import fold_whitespace
from muniflow.readers.headerwords import is_header_like, rejoin_header_cell, vocabulary_breaks
from muniflow.readers.pdf import PdfReader
from muniflow.readers.pdflines import Line

READER = PdfReader()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    reason = soffice_missing()
    if reason:
        pytest.skip(reason)
    return build_pdfs(tmp_path_factory.mktemp("layouts"))


def _header(table: RawTable) -> tuple[str, ...]:
    return tuple(fold_whitespace(h) for h in table.header)


def _numbers(table: RawTable) -> list[str | None]:
    return [r.cells[0] for r in table.rows]


# --- Every table, with the text above it as its caption ------------------------------------


@pytest.fixture(scope="module")
def sections(pdfs) -> RawDocument:
    return READER.read(pdfs["sections"])


def test_every_table_is_read(sections: RawDocument) -> None:
    """The summary table first, then one events table per heading."""
    assert [t.locator for t in sections.tables] == ["page 1", "page 1", "pages 2-6", "page 6"]
    assert _header(sections.tables[0]) == ("Показатель", "Значение")
    assert all(_header(t) == HEADER for t in sections.tables[1:])


CAPTIONS = [
    # (table, caption, why)
    (0, "Отчёт о мероприятиях в международной сфере\nза III квартал 2024 года", "the title above the first"),
    (1, "Велижский район", "a heading between two tables"),
    (2, "Город Десногорск", "a heading opening the next page, after the table that ended the last"),
    (3, "Муниципальное образование\n«Ельнинский район»", "a two-line heading under a table"),
]


@pytest.mark.parametrize(("index", "caption", "why"), CAPTIONS, ids=[c[-1] for c in CAPTIONS])
def test_captions(sections: RawDocument, index: int, caption: str, why: str) -> None:
    assert sections.tables[index].caption == caption, why


def test_heading_at_page_top_starts_a_new_table(sections: RawDocument) -> None:
    """Same column grid across the page break, but a heading stands between: not one table."""
    assert _numbers(sections.tables[1]) == ["1.", "2."]


def test_table_continued_over_pages_is_one(sections: RawDocument) -> None:
    """The repeated header is dropped and the row broken over four page ends is glued back."""
    table = sections.tables[2]
    assert _numbers(table) == [f"{n}." for n in range(1, 9)]
    tall = table.rows[5]
    assert fold_whitespace(tall.cells[4] or "") == fold_whitespace(FILLER)


def test_title_is_the_text_above_the_first_table(sections: RawDocument) -> None:
    assert sections.title == sections.tables[0].caption


def test_interpretation_reads_every_events_table(sections: RawDocument) -> None:
    """Today's consumer skips the summary table and reads the three events tables."""
    from muniflow.contracts import header_synonyms
    from muniflow.interpret import interpret_document

    report = interpret_document(sections, header_synonyms())
    assert [r.seq_text for r in report.rows] == ["1.", "2.", *(f"{n}." for n in range(1, 9)), "1."]


# --- Header words cut by a narrow column ----------------------------------------------------


def test_header_words_cut_by_narrow_columns(pdfs) -> None:
    """«Мероприяти|я», «Наи|мено|вани|я», «Ср|оки про|веден|ия»: every width reads the header."""
    tables = READER.read(pdfs["header_wraps"]).tables
    assert len(tables) == len(WRAP_WIDTHS)
    assert [_header(t) for t in tables] == [WRAP_HEADER] * len(WRAP_WIDTHS)


def test_header_cuts_need_the_vocabulary(pdfs, monkeypatch) -> None:
    """Without the vocabulary some headers come out cut: the fixture does exercise the case."""
    monkeypatch.setattr(pdf_module, "vocabulary_breaks", lambda lines: [])
    tables = READER.read(pdfs["header_wraps"]).tables
    assert sum(_header(t) != WRAP_HEADER for t in tables) >= 3


BREAKS = [
    # (a header cell's lines, the vocabulary's decision per line break, why)
    (["Мероприяти", "я"], [True], "the tail is a word (я), the head is none"),
    (["Наименован", "ие мероприяти", "я"], [True, True], "a cut line that ends cut again"),
    (["Наи", "мено", "вани", "я"], [True, True, True], "three or more pieces spelling a header word"),
    (["Участник", "и"], [True], "both pieces words, the tail a lone conjunction"),
    (["№ п/", "п"], [True], "a sign-word of the vocabulary"),
    (["№", "п/п"], [None], "two header words that also spell one: left to the geometry"),
    (["Ср", "оки", "проведен", "ия"], [True, False, True], "between two whole header words: apart"),
    (["Дата и", "место"], [False], "a conjunction and a header word"),
    (["Организаци", "я"], [None], "no header word: left to the geometry and the text"),
    (["Мероприятие"], [], "one line: no line break"),
    ([], [], "an empty cell"),
]


@pytest.mark.parametrize(("lines", "expected", "why"), BREAKS, ids=[c[-1] for c in BREAKS])
def test_vocabulary_breaks(lines: list[str], expected: list[bool | None], why: str) -> None:
    assert vocabulary_breaks(lines) == expected, why


def test_rejoin_header_cell() -> None:
    assert rejoin_header_cell("Наименовани\nя мероприятия") == "Наименования мероприятия"


# --- Header rows repeated on each page ------------------------------------------------------


def test_title_header_and_numbers_rows_repeated(pdfs) -> None:
    """A merged title row, the header and a column-number row repeat on every page: each is
    dropped there, and the row broken by the page ends is glued back."""
    table = READER.read(pdfs["titled_header"]).tables[0]
    assert table.locator.startswith("pages 1-")
    assert _numbers(table) == ["№ п/п", "1", *(f"{n}." for n in range(1, 8))]
    assert fold_whitespace(table.rows[5].cells[4] or "") == fold_whitespace(FILLER)


HEADER_LIKE = [
    # (row, header-like, why)
    (("№ п/п", "Наименование мероприятия", "Место проведения", "Сроки", "Участники"), True, "the header"),
    (("", "Мероприяти\nя", "Место", "Дата проведения", ""), True, "a cut, partial header"),
    (("1.", "Наименование мероприятия", "Место проведения", "", ""), False, "a numbered row"),
    (("", "Фестиваль", "г. Псков", "", "Делегация"), False, "a continued event row"),
    (("", "Концерт «Место встречи»", "", "", ""), False, "one phrase is not a header"),
]


@pytest.mark.parametrize(("row", "expected", "why"), HEADER_LIKE, ids=[c[-1] for c in HEADER_LIKE])
def test_header_like(row: tuple[str, ...], expected: bool, why: str) -> None:
    assert is_header_like(row) is expected, why


def _cell(text: str) -> tuple[Line, ...]:
    return tuple(Line(t, 50.0, 5.0, 30.0, 2.5, True) for t in text.split("\n")) if text else ()


def _fragment(page: int, rows: list[list[str]], first: bool = True, last: bool = True):
    return pdfstitch.Fragment(
        page=page,
        columns=(0.0, 30.0, 130.0, 230.0, 330.0),
        rows=tuple(tuple(_cell(t) for t in row) for row in rows),
        first_on_page=first,
        last_on_page=last,
    )


def test_header_repeated_in_other_words_between_row_halves() -> None:
    """The next page repeats the header cut differently (and without its № cell): the vocabulary
    knows it for a header, drops it, and glues the two halves of the broken row."""
    header = ["№ п/п", "Наименование мероприятия", "Место проведения", "Сроки проведения"]
    page1 = _fragment(1, [header, ["1.", "Форум", "г. Псков", "1 мая"], ["2.", "Выставка", "г. Остров", ""]])
    repeated = ["", "Наименовани\nя мероприятия", "Место\nпроведения", "Сроки\nпроведени\nя"]
    page2 = _fragment(2, [repeated, ["", "ремёсел", "", "3 мая"], ["3.", "Концерт", "г. Псков", "5 мая"]])
    [group] = pdfstitch.stitch_groups([page1, page2])
    table = pdf_module._table(group)
    assert [r.cells[0] for r in table.rows] == ["1.", "2.", "3."]
    assert table.rows[1].cells[1:] == ("Выставка\nремёсел", "г. Остров", "3 мая")


def test_header_drawn_as_a_table_of_its_own() -> None:
    """A producer draws the repeated header as a separate table at the top of the page: the
    table under it still continues, and the broken row is glued."""
    header = ["№ п/п", "Наименование мероприятия", "Место проведения", "Сроки проведения"]
    page1 = _fragment(1, [header, ["1.", "Форум", "г. Псков", "1 мая"], ["2.", "Выставка", "г. Остров", ""]])
    alone = _fragment(2, [header], last=False)
    rest = _fragment(2, [["", "ремёсел", "", "3 мая"], ["3.", "Концерт", "г. Псков", "5 мая"]], first=False)
    [group] = pdfstitch.stitch_groups([page1, alone, rest])
    table = pdf_module._table(group)
    assert [r.cells[0] for r in table.rows] == ["1.", "2.", "3."]
    assert table.rows[1].cells[1] == "Выставка\nремёсел"


def test_second_table_on_a_page_is_not_continued() -> None:
    """Under a fragment that is no repeated header, a table on the same page stays apart."""
    header = ["№ п/п", "Наименование мероприятия", "Место проведения", "Сроки проведения"]
    page1 = _fragment(1, [header, ["1.", "Форум", "г. Псков", "1 мая"]])
    page2 = _fragment(2, [["2.", "Выставка", "г. Остров", "2 мая"]], last=False)
    other = _fragment(2, [header, ["1.", "Концерт", "г. Псков", "5 мая"]], first=False)
    assert [len(g) for g in pdfstitch.stitch_groups([page1, page2, other])] == [2, 1]


# --- Tables without ruling lines ------------------------------------------------------------


def test_borderless_tables(pdfs) -> None:
    """Cells that only line up as text: each table found, under its heading, rows whole."""
    doc = READER.read(pdfs["borderless"])
    assert [_header(t) for t in doc.tables] == [HEADER, HEADER]
    assert [t.caption.split("\n")[-1] for t in doc.tables] == ["Велижский район", "Город Десногорск"]
    for table in doc.tables:
        assert _numbers(table) == ["1.", "2.", "3.", "4."]
        assert fold_whitespace(table.rows[0].cells[1] or "") == "Фестиваль народного творчества 1"
        assert fold_whitespace(table.rows[0].cells[4] or "") == "Делегация Республики Беларусь"


def test_prose_in_columns_is_no_table(pdfs) -> None:
    """Three columns of prose line up as text, but no row structure: the file has no table."""
    with pytest.raises(ReaderError) as err:
        READER.read(pdfs["two_columns"])
    assert err.value.reason == "no_table_found"


# --- A repeated header drawn lower than its text spills into the row below ------------------

OVERFLOW = [
    # (glyph top, glyph bottom, the cell it belongs to, why)
    (21.5, 31.5, "upper", "its top 1.5 pt above the border: spilt over from the header"),
    (19.6, 29.6, "upper", "its centre above the border"),
    (22.0, 32.0, "lower", "exactly 1 pt above the border: still its own"),
    (22.4, 32.4, "lower", "0.6 pt above the border: a row's own first line, set tight"),
    (25.0, 35.0, "lower", "inside the lower cell"),
]


@pytest.mark.parametrize(("top", "bottom", "cell", "why"), OVERFLOW, ids=[c[-1] for c in OVERFLOW])
def test_glyph_spilt_over_a_border(top: float, bottom: float, cell: str, why: str) -> None:
    from muniflow.readers.pdflines import CellIndex, Glyph, bucket_glyphs

    upper, lower = (0.0, 0.0, 50.0, 23.0), (0.0, 23.0, 50.0, 60.0)
    [bucket] = bucket_glyphs([Glyph("у", 10.0, 16.0, top, bottom)], [CellIndex([upper, lower])])
    assert list(bucket) == [upper if cell == "upper" else lower], why


def test_header_lines_spilt_into_the_row_below() -> None:
    """The repeated header shows only the first lines of a column; the missing last line opens
    the row below: it is taken out of that row, which then glues to the row it continues."""
    header = ["Номер\nпо\nпорядку", "Наименование мероприятия", "Место проведения", "Сроки проведения"]
    page1 = _fragment(1, [header, ["1.", "Форум", "г. Псков", "1 мая"], ["2.", "Выставка", "г. Остров", ""]])
    repeated = ["Номер\nпо", "Наименование мероприятия", "Место проведения", "Сроки проведения"]
    page2 = _fragment(
        2, [repeated, ["порядку", "ремёсел", "", "3 мая"], ["3.", "Концерт", "г. Псков", "5 мая"]]
    )
    table = pdf_module._table(pdfstitch.stitch_groups([page1, page2])[0])
    assert [r.cells[0] for r in table.rows] == ["1.", "2.", "3."]
    assert table.rows[1].cells[1] == "Выставка\nремёсел"


# --- A word too wide for any line of its column ---------------------------------------------

WIDE = [
    # (line, its last token's width, next line, its first piece's width, expected text, why)
    ("XII Меж", 20.0, "дународная", 60.0, "XII Международная", "token wider than the cell: cut"),
    ("д. Студёнк", 66.0, "а, школа", 8.0, "д. Студёнка, школа", "a one-letter tail of a wide token"),
    ("г. Смоленск", 50.0, "Республика", 20.0, "г. Смоленск\nРеспублика", "token fits a line: a paragraph"),
]


@pytest.mark.parametrize(
    ("text", "last", "next_text", "first", "expected", "why"), WIDE, ids=[c[-1] for c in WIDE]
)
def test_token_too_wide_for_the_cell(
    text: str, last: float, next_text: str, first: float, expected: str, why: str
) -> None:
    """LibreOffice starts a word wider than the cell right after the last one and cuts it at the
    line end: a full line with spaces can still end inside a word."""
    from muniflow.readers.pdflinebreaks import join_lines

    above = Line(text, 1.0, 5.0, 20.0, 2.5, True, last_piece=last, inner=70.0)
    below = Line(next_text, 40.0, 5.0, first, 2.5, True, last_piece=first, inner=70.0)
    assert join_lines([above, below]) == expected, why


CAPITALS = [
    # (line, next line, cut, why)
    ("ГОРОДС", "КОЙ ОКРУГ", True, "a heading in capitals cut by a narrow column"),
    ("ТИХООЗ", "ЁРСКИЙ РАЙОН", True, "a name no dictionary knows, cut"),
    ("МБУК", "РУП «Белмедпрепараты»", False, "two acronyms"),
    ("АДМИНИСТРАЦИЯ", "МБОУ", False, "a word, then an acronym"),
]


@pytest.mark.parametrize(("left", "right", "cut", "why"), CAPITALS, ids=[c[-1] for c in CAPITALS])
def test_capitals_cut(left: str, right: str, cut: bool, why: str) -> None:
    from muniflow.readers.wordjoin import likely_cut

    assert likely_cut(left, [right], False) is cut, why
