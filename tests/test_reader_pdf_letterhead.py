"""Two text columns side by side above a PDF's table (a letterhead: the sender's block left, the
addressee's right) are read one column after the other, as the DOCX holds them, not line by line
across both. The geometry on synthetic glyphs, then LibreOffice exports of generated reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from readers_layouts import build_pdfs, soffice_missing

from muniflow import stages
from muniflow.readers.docx import DocxReader
from muniflow.readers.pdf import PdfReader
from muniflow.readers.pdfcaption import TextArea, band_paragraphs
from muniflow.readers.pdfcolumns import reading_blocks
from muniflow.readers.pdflines import Glyph, group_lines, line_text
from sample_inputs.samplegen.layouts import negative_of, plan_of
from sample_inputs.samplegen.layouts_docx import render_docx
from sample_inputs.samplegen.variants import Plan

WIDTH, HEIGHT, PITCH = 6.0, 12.0, 14.0  # a glyph's box and the line pitch, points


def _glyphs(text: str, x: float, line: int) -> list[Glyph]:
    top = line * PITCH
    return [Glyph(ch, x + k * WIDTH, x + (k + 1) * WIDTH, top, top + HEIGHT) for k, ch in enumerate(text)]


def _read(*placed: tuple[str, float, int]) -> list[list[str]]:
    """Each block's lines, for texts placed as (text, x, line number)."""
    glyphs = [g for text, x, line in placed for g in _glyphs(text, x, line)]
    blocks = reading_blocks(group_lines(glyphs), 0.0, 400.0)
    return [[line_text(line) for line in block.lines] for block in blocks]


LEFT = [("АДМИНИСТРАЦИЯ", 0.0, 0), ("ЗАРЕЧНОГО", 0.0, 1), ("РАЙОНА", 0.0, 2), ("тел. 4-15-35", 0.0, 3)]
RIGHT = [("Председателю", 220.0, 0), ("комитета", 220.0, 1)]
TITLE = [("ИНФОРМАЦИЯ о мероприятиях за II квартал 2024 года", 40.0, 5)]

CASES = [
    # (texts placed, blocks of lines expected, why)
    (
        [*LEFT, *RIGHT],
        [["АДМИНИСТРАЦИЯ", "ЗАРЕЧНОГО", "РАЙОНА", "тел. 4-15-35"], ["Председателю", "комитета"]],
        "the left column whole, then the right one, its lines below the right one's end included",
    ),
    (
        [*LEFT, *RIGHT, *TITLE],
        [
            ["АДМИНИСТРАЦИЯ", "ЗАРЕЧНОГО", "РАЙОНА", "тел. 4-15-35"],
            ["Председателю", "комитета"],
            ["ИНФОРМАЦИЯ о мероприятиях за II квартал 2024 года"],
        ],
        "a title across the strip between the columns, a blank line below them, is no column",
    ),
    (
        [*LEFT, *RIGHT, ("Информация", 0.0, 5), ("о мероприятиях за II квартал 2024 года", 0.0, 6)],
        [
            ["АДМИНИСТРАЦИЯ", "ЗАРЕЧНОГО", "РАЙОНА", "тел. 4-15-35"],
            ["Председателю", "комитета"],
            ["Информация", "о мероприятиях за II квартал 2024 года"],
        ],
        "a short title line under a blank line stays out of the left column it does not cross",
    ),
    (
        [("Глава района", 0.0, 0), ("И.И. Иванов", 300.0, 0), ("М.П.", 0.0, 1)],
        [["Глава района И.И. Иванов", "М.П."]],
        "one line with a wide gap (a signature and a name) is no two columns",
    ),
    (
        [("Информация о мероприятиях", 60.0, 0), ("за II квартал 2024 года", 70.0, 1)],
        [["Информация о мероприятиях", "за II квартал 2024 года"]],
        "centred title lines: the free strips are the margins only",
    ),
]


@pytest.mark.parametrize(("placed", "expected", "why"), CASES, ids=[c[-1] for c in CASES])
def test_columns_side_by_side_are_read_one_after_the_other(placed, expected, why: str) -> None:
    assert _read(*placed) == expected, why


def test_band_text_keeps_each_column_whole() -> None:
    chars = [
        {
            "text": g.text,
            "x0": g.x0,
            "x1": g.x1,
            "top": g.top,
            "bottom": g.bottom,
            "fontname": "F",
            "size": 12,
        }
        for text, x, line in [*LEFT, *RIGHT]
        for g in _glyphs(text, x, line)
    ]
    text = band_paragraphs(chars, TextArea(0.0, 400.0))
    assert text.split("\n") == [
        "АДМИНИСТРАЦИЯ",
        "ЗАРЕЧНОГО",
        "РАЙОНА",
        "тел. 4-15-35",
        "Председателю",
        "комитета",
    ]


SEED = 13


def _plan(value: str) -> Plan:
    """The first report of the corpus with this letterhead (generated: invented content)."""
    for index in range(400):
        if negative_of(index) is None and plan_of(SEED, index).axes["letterhead"] == value:
            return plan_of(SEED, index)
    raise AssertionError(f"no report with letterhead={value}")


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> dict[str, tuple[Plan, Path, Path]]:
    reason = soffice_missing()
    if reason:
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("letterhead")
    plans = {value: _plan(value) for value in ("two_columns", "municipality")}
    builders = {value: (lambda path, plan=plan: render_docx(plan, path)) for value, plan in plans.items()}
    pdfs = build_pdfs(out, builders)
    return {value: (plan, out / f"{value}.docx", pdfs[value]) for value, plan in plans.items()}


@pytest.mark.parametrize("value", ["two_columns", "municipality"])
def test_letterhead_columns_come_out_whole_in_the_title(letters, value: str) -> None:
    plan, _, pdf = letters[value]
    assert plan.letterhead is not None
    left, right = plan.letterhead
    lines = PdfReader().read(pdf).title.split("\n")
    # Every line of each block stands alone and in order, the sender's block before the addressee's.
    at = -1
    for line in (*left, *right):
        assert line in lines[at + 1 :], f"{line!r} not whole, or out of order"
        at = lines.index(line, at + 1)


def test_a_report_named_only_in_its_letterhead_reads_as_from_its_docx(letters) -> None:
    plan, docx, pdf = letters["municipality"]
    got = {}
    for path, doc in ((docx, DocxReader().read(docx)), (pdf, PdfReader().read(pdf))):
        report = stages.interpret_file(path, doc, None, "0" * 64).report
        assert report is not None
        got[path.suffix] = (report.period, report.region, [r.municipality for r in report.rows])
    assert got[".pdf"] == got[".docx"]
    assert got[".pdf"][2] == [r.municipality for r in plan.rows]
