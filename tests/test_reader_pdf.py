"""The PDF reader: one table stitched across pages, identical to the DOCX once whitespace is folded."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from muniflow.model import RawDocument, ReaderError
from muniflow.readers.base import fold_whitespace
from muniflow.readers.docx import DocxReader
from muniflow.readers.pdf import PdfReader
from muniflow.readers.pdflinebreaks import Break, classify, join_lines
from muniflow.readers.pdflines import CellIndex, Glyph, Line, bucket_glyphs, table_lines
from muniflow.readers.wordjoin import likely_cut

DATA = Path(__file__).resolve().parent / "data" / "readers"
READER = PdfReader()


def _folded_rows(doc: RawDocument) -> list[tuple[str | None, ...]]:
    return [
        tuple(None if c is None else fold_whitespace(c) for c in row.cells)
        for table in doc.tables
        for row in table.rows
    ]


@pytest.fixture(scope="module")
def report() -> RawDocument:
    """A five-page LibreOffice export: header repeated per page, a row cut by two page breaks."""
    return READER.read(DATA / "report.pdf")


def test_stitched_into_one_table(report: RawDocument) -> None:
    assert report.pages == 5
    assert len(report.tables) == 1
    assert report.tables[0].locator == "pages 1-5"
    assert (
        fold_whitespace(report.title) == "Отчёт о мероприятиях в международной сфере во II квартале 2024 года"
    )


def test_repeated_headers_dropped(report: RawDocument) -> None:
    header = tuple(fold_whitespace(h) for h in report.tables[0].header)
    assert header == (
        "№ п/п",
        "Наименование мероприятия",
        "Место проведения",
        "Сроки проведения",
        "Участники",
    )
    assert all(tuple(fold_whitespace(c or "") for c in r.cells) != header for r in report.tables[0].rows)


def test_rows_cut_by_page_breaks_are_glued(report: RawDocument) -> None:
    rows = report.tables[0].rows
    numbers = [r.cells[0] for r in rows if r.cells[1] is not None]
    assert numbers == [f"{n}." for n in range(1, 13)], "no continuation left as a row of its own"
    tall = next(r for r in rows if r.cells[0] == "4.")
    assert (
        fold_whitespace(tall.cells[1] or "")
        == "Межмуниципальное совещание по вопросам международного сотрудничества"
    )
    assert fold_whitespace(tall.cells[4] or "").count("Представители администрации") == 40
    assert tall.locator == "page 1, row 6"


def test_headings_keep_none(report: RawDocument) -> None:
    headings = [r.cells for r in report.tables[0].rows if r.cells[1] is None]
    assert headings == [(f"Муниципальный округ № {n}", None, None, None, None) for n in (1, 2, 3)]


def test_same_rows_as_docx(report: RawDocument) -> None:
    """Special characters («» – №) and cut words come out as in the Word original."""
    assert _folded_rows(report) == _folded_rows(DocxReader().read(DATA / "report.docx"))


def test_no_table() -> None:
    with pytest.raises(ReaderError) as err:
        READER.read(DATA / "no_table.pdf")
    assert err.value.reason == "no_table_found"


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4\n%%EOF", b"PK\x03\x04zip, not pdf"])
def test_corrupt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(ReaderError) as err:
        READER.read(path)
    assert err.value.reason == "corrupt_file"


GOLD_FIELDS = ("title", "place", "goal", "participants")
SAMPLES = ("smolensk_2024_q2", "invented_pskov_2024_q3", "invented_tver_2024_q4")


@cache
def _sample(samples: Path, stem: str, fmt: str) -> RawDocument:
    """Each sample read once per session: the seed PDF alone takes seconds."""
    path = samples / f"{stem}.{fmt}"
    if not path.exists():
        pytest.skip("sample not generated")
    return DocxReader().read(path) if fmt == "docx" else READER.read(path)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_seed_sample_against_gold(samples: Path, shared: Path, fmt: str) -> None:
    gold = json.loads((shared / "gold" / "smolensk_2024_q2.gold.json").read_text())["events"]
    rows = _folded_rows(_sample(samples, "smolensk_2024_q2", fmt))
    headings = [r for r in rows if r[0] and all(c is None for c in r[1:])]
    events = [set(r) for r in rows if r not in headings]
    missed = [
        g["seq"] for g in gold if not any({fold_whitespace(g[f]) for f in GOLD_FIELDS} <= c for c in events)
    ]
    assert (len(events), len(headings)) == (44, 12)
    assert missed == []


@pytest.mark.parametrize("stem", SAMPLES)
def test_sample_pdf_same_as_docx(samples: Path, stem: str) -> None:
    """Every row, the header and the title of each PDF sample read as its DOCX does, once folded."""
    docx, pdf = _sample(samples, stem, "docx"), _sample(samples, stem, "pdf")
    docx_rows, pdf_rows = _folded_rows(docx), _folded_rows(pdf)
    differing = [i for i, (d, p) in enumerate(zip(docx_rows, pdf_rows, strict=False)) if d != p]
    assert len(pdf_rows) == len(docx_rows)
    assert differing == [], [(docx_rows[i], pdf_rows[i]) for i in differing[:3]]
    assert [fold_whitespace(h) for h in pdf.tables[0].header] == [
        fold_whitespace(h) for h in docx.tables[0].header
    ]
    assert fold_whitespace(pdf.title) == fold_whitespace(docx.title)


# --- The geometry rule, on synthetic lines and glyphs (no PDF) --------------------------------


def _line(text: str, slack: float = 20.0, first_piece: float = 30.0, marks_wraps: bool = True) -> Line:
    return Line(text, slack, first_char=5.0, first_piece=first_piece, space=2.5, marks_wraps=marks_wraps)


CUT, SPACE, PARAGRAPH = Break.CUT, Break.SPACE, Break.PARAGRAPH
GEOMETRY = [
    # (line, its slack, next line, the next line's first piece, wraps would show a space here,
    #  expected, why): the layout alone decides, whatever the text test would say.
    ("«Альтаир» – ", 10.0, "конкурс", 34.4, True, SPACE, "ends with the space it wrapped at"),
    ("фестиваль –", 34.2, "конкурс", 34.4, True, CUT, "no room for the piece; room for a space, none drawn"),
    ("26 апреля –", 5.4, "4 мая", 5.0, True, PARAGRAPH, "the next piece had room: a paragraph ended"),
    ("фестиваль –", 34.2, "конкурс", 34.4, False, PARAGRAPH, "centred: no space is drawn, none is missing"),
    ("фестиваль –", 1.5, "конкурс", 34.4, True, PARAGRAPH, "no room to draw a space after the dash"),
    ("научно-", 30.0, "практической", 58.0, True, CUT, "attached hyphen, the piece had no room"),
    ("научно-", 60.0, "практической", 58.0, True, CUT, "attached hyphen before a small letter, room or not"),
    ("г. Смоленск,", 0.5, "Республика", 68.0, True, PARAGRAPH, "full, but a space to break at: a paragraph"),
    (
        "Участие в XXV Международн",
        0.4,
        "ой выставке",
        10.0,
        True,
        CUT,
        "full, a space to break at, but the pieces spell a word: the space was a no-break one",
    ),
    ("Смоленск,", 20.0, "МБОУ", 29.0, True, PARAGRAPH, "room for the next glyph: nothing was cut"),
]


@pytest.mark.parametrize(
    ("text", "slack", "next_text", "piece", "marks", "expected", "why"),
    GEOMETRY,
    ids=[c[-1] for c in GEOMETRY],
)
def test_line_break_from_geometry(
    text: str, slack: float, next_text: str, piece: float, marks: bool, expected: Break, why: str
) -> None:
    above, below = _line(text, slack, marks_wraps=marks), _line(next_text, first_piece=piece)
    for is_cut in (likely_cut, lambda *_: True, lambda *_: False):
        assert classify(above, below, is_cut=is_cut) is expected, why


TIES = [
    # (line filled to the edge without a break opportunity, its slack, next line (full when a
    #  third follows), the line after it, the start of a token cut on the lines before, expected,
    #  why): a cut and a paragraph end both fit the layout.
    ("РУП\xa0«Белмедпре", 3.7, "параты»", "", "", CUT, "the left piece is no word"),
    ("(формат", 2.2, "видеоко", "нференц", "", PARAGRAPH, "a word, then maybe a cut word: a wrap"),
    ("(формат", 2.2, "видеоко", "", "", CUT, "a word, then a last line that is no word: a cut"),
    ("нференц", 0.8, "связи)", "", "видеоко", CUT, "with the piece cut before it, still no word"),
    ("блики", 2.5, "бизнеса", "", "Респу", PARAGRAPH, "with the piece cut before it, a whole word"),
    ("октября", 3.6, "2024 года", "", "", PARAGRAPH, "a number after a word"),
]


@pytest.mark.parametrize(
    ("text", "slack", "next_text", "then", "carried", "expected", "why"), TIES, ids=[c[-1] for c in TIES]
)
def test_line_break_tie_left_to_text(
    text: str, slack: float, next_text: str, then: str, carried: str, expected: Break, why: str
) -> None:
    above = _line(text, slack)
    below = _line(next_text, slack=0.5 if then else 20.0, first_piece=35.0)
    beyond = [_line(then)] if then else []
    assert classify(above, below, carried, beyond) is expected, why
    for is_cut, forced in ((lambda *_: True, CUT), (lambda *_: False, PARAGRAPH)):
        assert classify(above, below, carried, beyond, is_cut) is forced, "the text test decides"


JOINS = [
    # (lines as (text, slack), cell text, why)
    ([("«Альтаир» – ", 10.0), ("конкурс", 40.0)], "«Альтаир» – конкурс", "a wrap keeps its one space"),
    ([("РУП\xa0«Белмедпре", 3.7), ("параты»", 30.0)], "РУП\xa0«Белмедпрепараты»", "a cut token made whole"),
    (
        [("(формат", 2.2), ("видеоко", 2.7), ("нференц", 0.8), ("связи)", 20.0)],
        "(формат\nвидеоконференцсвязи)",
        "a wrap, then a token cut twice",
    ),
    ([("меж\xad", 30.0), ("дународный", 0.0)], "международный", "a soft hyphen at the break is dropped"),
    (
        [("Конференция науч\u2010", 0.5), ("но-прак\u2010", 0.5), ("тическая", 30.0)],
        "Конференция научно-практическая",
        "a compound hyphenated twice: its part cut on the line before is looked up with it",
    ),
    ([("г. Смоленск,", 20.0), ("МБОУ", 40.0)], "г. Смоленск,\nМБОУ", "a paragraph end stays a line break"),
    ([], "", "an empty cell"),
]


@pytest.mark.parametrize(("lines", "expected", "why"), JOINS, ids=[c[2] for c in JOINS])
def test_join_lines(lines: list[tuple[str, float]], expected: str, why: str) -> None:
    assert join_lines([_line(text, slack, first_piece=60.0) for text, slack in lines]) == expected, why


def _glyphs(text: str, x0: float, top: float, advance: float = 5.0) -> list[Glyph]:
    """Glyphs of one line of 10 pt text: `advance` points per character, half that per space."""
    out, x = [], x0
    for ch in text:
        width = advance / 2 if ch == " " else advance
        out.append(Glyph(ch, x, x + width, top, top + 10.0))
        x += width
    return out


def test_lines_rebuilt_from_glyphs() -> None:
    """Glyphs in any order come out as lines top to bottom; trailing spaces and slack as drawn."""
    box = (0.0, 0.0, 100.0, 50.0)
    first, second = _glyphs("ab cd ", 5.0, 2.0), _glyphs("ef-gh ij", 5.0, 13.5)
    lines = table_lines({box: list(reversed(first + second))})[box]
    assert [line.text for line in lines] == ["ab cd ", "ef-gh ij"]
    assert lines[0].slack == pytest.approx(95.0 - 27.5)  # right padding = left padding = 5
    assert lines[1].first_piece == pytest.approx(15.0), "a piece ends after its hyphen"
    assert lines[0].first_piece == pytest.approx(10.0), "a piece ends at a space"
    assert all(line.marks_wraps for line in lines), "this table draws the space a line wrapped at"


def test_gap_without_space_glyph() -> None:
    """A producer that leaves gaps instead of space glyphs still gets spaces, and no wrap marks."""
    box = (0.0, 0.0, 100.0, 50.0)
    glyphs = _glyphs("ab", 5.0, 2.0) + _glyphs("cd", 21.0, 2.0) + _glyphs("ef", 5.0, 13.5)
    lines = table_lines({box: glyphs})[box]
    assert [line.text for line in lines] == ["ab cd", "ef"]
    assert lines[0].first_piece == pytest.approx(10.0)
    assert not any(line.marks_wraps for line in lines), "no line of the table ends with a space glyph"


def test_centred_line_does_not_mark_wraps() -> None:
    """Only lines at the inner left edge would show a wrap's space; a centred one says nothing."""
    left_box, centred_box = (0.0, 0.0, 100.0, 30.0), (100.0, 0.0, 200.0, 30.0)
    lines = table_lines(
        {
            left_box: _glyphs("ab ", 5.0, 2.0) + _glyphs("cd", 5.0, 13.5),
            centred_box: _glyphs("ef", 145.0, 2.0),
        }
    )
    assert lines[left_box][0].marks_wraps
    assert not lines[centred_box][0].marks_wraps


def test_glyphs_bucketed_into_cells() -> None:
    """One pass sorts glyphs into cells: a merged cell takes both its grid slots, outside is dropped."""
    merged, low_left, low_right = (0.0, 0.0, 100.0, 20.0), (0.0, 20.0, 50.0, 40.0), (50.0, 20.0, 100.0, 40.0)
    other = (0.0, 100.0, 100.0, 120.0)
    glyphs = [
        Glyph("a", 10, 15, 5, 15),  # merged cell, left half
        Glyph("b", 80, 85, 5, 15),  # merged cell, right half
        Glyph("c", 10, 15, 25, 35),
        Glyph("d", 60, 65, 25, 35),
        Glyph("e", 10, 15, 105, 115),  # the second table
        Glyph("f", 10, 15, 60, 70),  # between the tables: no cell
    ]
    first, second = bucket_glyphs(glyphs, [CellIndex([merged, low_left, low_right]), CellIndex([other])])
    assert {box: "".join(g.text for g in gs) for box, gs in first.items()} == {
        merged: "ab",
        low_left: "c",
        low_right: "d",
    }
    assert {box: "".join(g.text for g in gs) for box, gs in second.items()} == {other: "e"}
