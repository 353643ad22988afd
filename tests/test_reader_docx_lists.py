"""Word's automatic list numbers in a DOCX (a «№ п/п» column numbered by the numbering button): the
DOCX reader gives the labels Word shows, as the PDF export of the same file does."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import readers_layouts
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from muniflow.readers.base import fold_whitespace
from muniflow.readers.docx import DocxReader
from muniflow.readers.pdf import PdfReader

# abstractNumId -> its levels as (numFmt, lvlText, start)
DEFINITIONS = {
    "70": [("decimal", "%1.", 1)],
    "71": [("decimal", "%1.", 1), ("decimal", "%1.%2.", 1)],
    "72": [("russianLower", "%1)", 1)],
    "73": [("upperRoman", "%1.", 1)],
    "74": [("bullet", "\uf0b7", 1)],
}


def _numbering(document, nums: dict[str, tuple[str, int | None]]) -> None:
    """Add the abstract definitions and list instances (numId -> abstractNumId, startOverride)."""
    numbering = document.part.numbering_part.element
    for abstract_id, levels in DEFINITIONS.items():
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
            for i, (fmt, text, start) in enumerate(levels)
        )
        numbering.insert(
            0,
            parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'
            ),
        )
    for num_id, (abstract_id, start) in nums.items():
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>' if start else ""
        )
        ref = f'<w:abstractNumId w:val="{abstract_id}"/>'
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">{ref}{override}</w:num>'))


def _numbered(cell, num_id: str, level: int = 0, text: str = "") -> None:
    """Make the cell's paragraph a list item of `num_id` at `level`, with `text` after the label."""
    paragraph = cell.paragraphs[0]
    paragraph.text = text
    props = paragraph._p.get_or_add_pPr()
    props.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


# Body rows: (list instance, level, text of the № cell's paragraph) and the label Word shows.
ROWS = [
    (("90", 0, ""), "1."),
    (("90", 0, ""), "2."),
    (("91", 0, ""), "3."),  # a second instance of the same definition goes on counting
    (("92", 0, ""), "5."),  # an instance starting at 5 (startOverride)
    (("93", 0, ""), "1."),
    (("93", 1, ""), "1.1."),  # a deeper level restarts under each higher number
    (("93", 1, ""), "1.2."),
    (("93", 0, ""), "2."),
    (("93", 1, ""), "2.1."),
    (("94", 0, "вариант"), "а) вариант"),
    (("94", 0, ""), "б)"),
    (("95", 0, ""), "I."),
    (("95", 0, ""), "II."),
    (("96", 0, "пункт"), "• пункт"),  # a bullet has no number: its mark is read as the PDF shows it
]
NUMS = {"90": ("70", None), "91": ("70", None), "92": ("70", 5), "93": ("71", None)}
NUMS |= {"94": ("72", None), "95": ("73", None), "96": ("74", None)}


def _build(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Перечень мероприятий")
    table = document.add_table(rows=len(ROWS) + 1, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(0, 1).text = "№ п/п", "Мероприятие"
    _numbering(document, NUMS)
    for r, ((num_id, level, text), _) in enumerate(ROWS, start=1):
        _numbered(table.cell(r, 0), num_id, level, text)
        table.cell(r, 1).text = f"Событие {r}"
    document.save(str(path))
    return path


def _column(path: Path, reader) -> list[str]:
    return [fold_whitespace(row.cells[0] or "") for row in reader.read(path).tables[0].rows]


def test_list_numbers_are_read_as_word_shows_them(tmp_path: Path) -> None:
    assert _column(_build(tmp_path / "lists.docx"), DocxReader()) == [label for _, label in ROWS]


def test_a_numbering_paragraph_style_numbers_too(tmp_path: Path) -> None:
    document = docx.Document()
    _numbering(document, {"90": ("70", None)})
    styles = document.styles.element
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="Numbered"><w:name w:val="Numbered"/>'
            '<w:pPr><w:numPr><w:numId w:val="90"/></w:numPr></w:pPr></w:style>'
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="Child"><w:name w:val="Child"/>'
            '<w:basedOn w:val="Numbered"/></w:style>'
        )
    )
    table = document.add_table(rows=3, cols=1)
    table.cell(0, 0).text = "№"
    for r, style in ((1, "Numbered"), (2, "Child")):
        table.cell(r, 0).paragraphs[0]._p.get_or_add_pPr().append(
            parse_xml(f'<w:pStyle {nsdecls("w")} w:val="{style}"/>')
        )
    path = tmp_path / "styled.docx"
    document.save(str(path))
    assert _column(path, DocxReader()) == ["1.", "2."]


def test_a_document_without_lists_reads_as_before(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=1)
    table.cell(0, 0).text, table.cell(1, 0).text = "№", "7."
    assert document.part.element.body.find(qn("w:tbl")) is not None
    path = tmp_path / "plain.docx"
    document.save(str(path))
    assert _column(path, DocxReader()) == ["7."]


@pytest.fixture(scope="module")
def lists(tmp_path_factory) -> dict[str, Path]:
    out, pdfs = readers_layouts.exported(tmp_path_factory, "lists", {"lists": _build})
    return {"pdf": pdfs["lists"], "docx": out / "lists.docx"}


def test_the_docx_reads_the_numbers_its_pdf_export_shows(lists: dict[str, Path]) -> None:
    word, pdf = _column(lists["docx"], DocxReader()), _column(lists["pdf"], PdfReader())
    assert word == pdf  # a bullet too: «•», though LibreOffice draws Symbol's U+F0B7 in the PDF
