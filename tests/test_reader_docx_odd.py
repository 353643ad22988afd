"""What other Word installations and document systems write: Strict Open XML, titles in text boxes,
hidden text, unfilled content controls. Each document holds the same small report as its plain twin."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from lxml import etree
from readers_fixtures import HEADER, build_docx, replace_cell_xml

from muniflow.intake.checked import read_checked
from muniflow.intake.limits import default_limits
from muniflow.readers.docx import DocxReader

READER = DocxReader()
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TITLE = ("Отчёт о мероприятиях Смоленской области", "во II квартале 2024 года")
ROWS = [list(HEADER), ["1.", "Форум «Содружество»", "г. Велиж", "5 мая 2024 года", "Делегация"]]

# What Word's «Strict Open XML Document» writes in place of the Transitional URIs (ISO/IEC 29500-1
# Strict): no year in the path, and two renamed property parts.
_TO_STRICT = (
    (
        b"officeDocument/2006/relationships/extended-properties",
        b"officeDocument/relationships/extendedProperties",
    ),
    (b"officeDocument/2006/extended-properties", b"officeDocument/extendedProperties"),
    (b"officeDocument/2006/custom-properties", b"officeDocument/customProperties"),
    (
        b"http://schemas.openxmlformats.org/officeDocument/2006/",
        b"http://purl.oclc.org/ooxml/officeDocument/",
    ),
    (
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/",
        b"http://purl.oclc.org/ooxml/wordprocessingml/",
    ),
    (b"http://schemas.openxmlformats.org/drawingml/2006/", b"http://purl.oclc.org/ooxml/drawingml/"),
)


def _rewrite(src: Path, dst: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, edit(info.filename, zin.read(info)))
    return dst


def _strict(name: str, data: bytes) -> bytes:
    if name == "[Content_Types].xml":  # content types are the same in Strict
        return data
    for transitional, strict in _TO_STRICT:
        data = data.replace(transitional, strict)
    return data.replace(b'w:val="left"', b'w:val="start"').replace(b'w:val="right"', b'w:val="end"')


def _read(path: Path) -> tuple[str, list[tuple[str | None, ...]]]:
    doc = READER.read(path)
    return doc.title, [doc.tables[0].header, *(row.cells for row in doc.tables[0].rows)]


def test_a_strict_open_xml_document_reads_as_its_transitional_twin(tmp_path: Path) -> None:
    plain = build_docx(tmp_path / "plain.docx", ROWS, title=TITLE)
    strict = _rewrite(plain, tmp_path / "strict.docx", _strict)
    with zipfile.ZipFile(strict) as zf:
        assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zf.read("word/document.xml")
        assert b"schemas.openxmlformats.org/wordprocessingml" not in zf.read("word/document.xml")
    assert _read(strict) == _read(plain)
    # through the intake's guards too, as a clerk's file goes
    checked = read_checked(strict, default_limits())
    assert [r.cells for r in checked.tables[0].rows] == [tuple(ROWS[1])]


def _box(paragraphs: str, vml_only: bool = False) -> str:
    """A text box run as Word writes it: DrawingML in mc:Choice, the same box in VML as mc:Fallback."""
    vml = (
        "<w:pict><v:shape id='b1' style='position:absolute;width:400pt;height:50pt'><v:textbox>"
        f"<w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict>"
    )
    if vml_only:
        return f"<w:r>{vml}</w:r>"
    drawing = (
        "<w:drawing><wp:anchor distT='0' distB='0' distL='0' distR='0' simplePos='0' relativeHeight='1'"
        " behindDoc='0' locked='0' layoutInCell='1' allowOverlap='1'><wp:simplePos x='0' y='0'/>"
        "<wp:positionH relativeFrom='column'><wp:posOffset>0</wp:posOffset></wp:positionH>"
        "<wp:positionV relativeFrom='paragraph'><wp:posOffset>0</wp:posOffset></wp:positionV>"
        "<wp:extent cx='5000000' cy='600000'/><wp:wrapTopAndBottom/><wp:docPr id='1' name='Надпись 1'/>"
        "<a:graphic><a:graphicData uri='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'>"
        "<wps:wsp><wps:cNvSpPr txBox='1'/><wps:spPr/><wps:txbx>"
        f"<w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'>"
        f"{drawing}</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>"
    )


_NS = (
    f"xmlns:w='{W}' xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006'"
    " xmlns:wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'"
    " xmlns:wp='http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing'"
    " xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main' xmlns:v='urn:schemas-microsoft-com:vml'"
)


def _title_paragraphs() -> str:
    return "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in TITLE)


def _with_boxed_title(path: Path, vml_only: bool) -> Path:
    """The report with its title typed in a text box anchored in the paragraph above the table."""
    document = docx.Document(str(build_docx(path, ROWS, title=("",))))
    paragraph = document.paragraphs[0]._p
    paragraph.append(etree.fromstring(f"<w:p {_NS}>{_box(_title_paragraphs(), vml_only)}</w:p>")[0])
    document.save(str(path))
    return path


def test_a_title_in_a_text_box_is_read_once(tmp_path: Path) -> None:
    """Word writes a text box twice (DrawingML and its VML fallback); its text is the title, once."""
    assert READER.read(_with_boxed_title(tmp_path / "box.docx", vml_only=False)).title == "\n".join(TITLE)
    assert READER.read(_with_boxed_title(tmp_path / "vml.docx", vml_only=True)).title == "\n".join(TITLE)


def test_a_title_in_a_text_box_of_the_page_header_is_read(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "h.docx", ROWS, title=("Таблица 1",))
    document = docx.Document(str(path))
    header = document.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0]._p.append(etree.fromstring(f"<w:p {_NS}>{_box(_title_paragraphs())}</w:p>")[0])
    document.save(str(path))
    assert READER.read(path).title == "\n".join(("Таблица 1", *TITLE))


def test_hidden_text_is_not_read(tmp_path: Path) -> None:
    """Text formatted hidden (Font > Hidden) is neither shown nor printed by Word: not the cell's."""
    cell = (
        "<w:p><w:r><w:t xml:space='preserve'>Делегация </w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>(уточнить у отдела)</w:t></w:r>"
        "<w:r><w:rPr><w:vanish w:val='false'/></w:rPr><w:t>Беларуси</w:t></w:r></w:p>"
    )
    path = replace_cell_xml(build_docx(tmp_path / "v.docx", ROWS, title=TITLE), 1, 4, cell)
    assert _read(path)[1][1][4] == "Делегация Беларуси"


def test_an_unfilled_content_control_does_not_read_as_its_prompt(tmp_path: Path) -> None:
    """A form's content control left empty shows its grey prompt; a filled one its text."""
    cell = (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r>"
        "<w:t>Место для ввода текста.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t xml:space='preserve'>г. Велиж </w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/>"
        "</w:sdtPr><w:sdtContent><w:r><w:t>Введите дату.</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>(Россия)</w:t></w:r></w:sdtContent></w:sdt></w:p>"
    )
    path = replace_cell_xml(build_docx(tmp_path / "c.docx", ROWS, title=TITLE), 1, 2, cell)
    assert _read(path)[1][1][2] == "г. Велиж (Россия)"


def test_a_floating_table_inside_a_cell_stays_that_cells_text(tmp_path: Path) -> None:
    """A table positioned in a cell (w:tblpPr, Word's «floating» table) widens nothing: its cells'
    texts are the outer cell's lines, as an ordinary nested table's are."""
    nested = (
        "<w:tbl><w:tblPr><w:tblpPr w:leftFromText='180' w:rightFromText='180' w:vertAnchor='text'"
        " w:horzAnchor='margin' w:tblpY='10'/><w:tblW w:w='0' w:type='auto'/></w:tblPr><w:tblGrid>"
        "<w:gridCol w:w='800'/><w:gridCol w:w='800'/><w:gridCol w:w='800'/></w:tblGrid>"
        + "".join(
            "<w:tr>"
            + "".join(f"<w:tc><w:p><w:r><w:t>{c}{r}</w:t></w:r></w:p></w:tc>" for c in "ABC")
            + "</w:tr>"
            for r in (1, 2)
        )
        + "</w:tbl><w:p><w:r><w:t>Делегация</w:t></w:r></w:p>"
    )
    path = replace_cell_xml(build_docx(tmp_path / "f.docx", ROWS, title=TITLE), 1, 4, nested)
    rows = _read(path)[1]
    assert [len(row) for row in rows] == [5, 5]
    assert rows[1][4] == "A1\nB1\nC1\nA2\nB2\nC2\nДелегация"


def _main_part_renamed(src: Path, dst: Path) -> Path:
    """The package as Word Online (SharePoint) saves it: the main part is `word/document2.xml`."""
    renamed = {
        "word/document.xml": "word/document2.xml",
        "word/_rels/document.xml.rels": "word/_rels/document2.xml.rels",
    }
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"word/document.xml", b"word/document2.xml")
            zout.writestr(renamed.get(info.filename, info.filename), data)
    return dst


def test_a_main_part_of_another_name_is_found_through_the_package_relationships(tmp_path: Path) -> None:
    plain = build_docx(tmp_path / "plain.docx", ROWS, title=TITLE)
    online = _main_part_renamed(plain, tmp_path / "online.docx")
    with zipfile.ZipFile(online) as zf:
        assert "word/document.xml" not in zf.namelist()
    checked = read_checked(online, default_limits())
    assert [r.cells for r in checked.tables[0].rows] == [tuple(ROWS[1])]
    assert checked.title == "\n".join(TITLE)


def test_relationships_to_parts_that_are_not_there_are_ignored_as_word_does(tmp_path: Path) -> None:
    """A hyperlink to «#_top» written as an internal relationship, a picture another program
    dropped: Word opens the file, python-docx stopped at the missing part."""
    plain = build_docx(tmp_path / "plain.docx", ROWS, title=TITLE)
    extra = (
        b'<Relationship Id="rId901" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'hyperlink" Target="#_top"/><Relationship Id="rId902" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/image" Target="media/image9.png"/></Relationships>'
    )

    def dangle(name: str, data: bytes) -> bytes:
        return data.replace(b"</Relationships>", extra) if name == "word/_rels/document.xml.rels" else data

    broken = _rewrite(plain, tmp_path / "broken.docx", dangle)
    assert _read(broken) == _read(plain)
    assert [r.cells for r in read_checked(broken, default_limits()).tables[0].rows] == [tuple(ROWS[1])]


def test_a_table_laid_in_a_text_box_is_a_body_table(tmp_path: Path) -> None:
    """The whole events table drawn inside a text box (a layout some offices use to place it)."""
    plain = build_docx(tmp_path / "plain.docx", ROWS, title=TITLE)
    document = docx.Document(str(plain))
    body = document.element.body
    table = body.find(f"{{{W}}}tbl")
    holder = table.getprevious()
    body.remove(table)
    box = etree.fromstring(f"<w:p {_NS}>{_box(etree.tostring(table).decode() + '<w:p/>')}</w:p>")[0]
    holder.append(box)
    document.save(str(tmp_path / "boxed.docx"))
    assert _read(tmp_path / "boxed.docx") == _read(plain)


def test_a_symbol_inserted_from_a_symbol_font_is_its_character(tmp_path: Path) -> None:
    """Insert > Symbol writes w:sym: Symbol's minus and degree are text (a date range «12−14»
    must keep its dash), a character code is itself, a dingbat's picture stays out."""
    cell = (
        "<w:p><w:r><w:t>12</w:t></w:r><w:r><w:sym w:font='Symbol' w:char='F02D'/></w:r>"
        "<w:r><w:t xml:space='preserve'>14 мая, +5</w:t></w:r>"
        "<w:r><w:sym w:font='Symbol' w:char='F0B0'/></w:r>"
        "<w:r><w:t>C</w:t></w:r><w:r><w:sym w:font='Times New Roman' w:char='2013'/></w:r>"
        "<w:r><w:sym w:font='Wingdings' w:char='F0FC'/></w:r></w:p>"
    )
    path = replace_cell_xml(build_docx(tmp_path / "s.docx", ROWS, title=TITLE), 1, 3, cell)
    assert _read(path)[1][1][3] == "12−14 мая, +5°C–"


def _sliver(name: str, data: bytes) -> bytes:
    """LibreOffice's DOCX of an RTF whose rows' cell boundaries differ by a twip: a 1-twip grid
    column between the dates and the participants; the header's «Участники» cell stands on the
    sliver with an empty cell after it, a body row's date cell spans the sliver."""
    if name != "word/document.xml":
        return data
    root = etree.fromstring(data)
    tbl = root.find(f".//{{{W}}}tbl")
    grid_cols = tbl.find(f"{{{W}}}tblGrid").findall(f"{{{W}}}gridCol")
    sliver = etree.Element(f"{{{W}}}gridCol")
    sliver.set(f"{{{W}}}w", "1")
    grid_cols[3].addnext(sliver)
    header, *body = tbl.findall(f"{{{W}}}tr")
    header.findall(f"{{{W}}}tc")[4].addnext(etree.fromstring(f'<w:tc xmlns:w="{W}"><w:p/></w:tc>'))
    for tr in body:
        tc_pr = tr.findall(f"{{{W}}}tc")[3].find(f"{{{W}}}tcPr")
        span = etree.SubElement(tc_pr, f"{{{W}}}gridSpan")
        span.set(f"{{{W}}}val", "2")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def test_a_sliver_grid_column_a_converter_left_joins_its_neighbour(tmp_path: Path) -> None:
    plain = build_docx(tmp_path / "plain.docx", ROWS, title=TITLE)
    sliver = _rewrite(plain, tmp_path / "sliver.docx", _sliver)
    assert _read(sliver) == _read(plain)


def _styled(path: Path) -> Path:
    """The report with a character style that hides its text, one based on it, and a hidden
    paragraph style (Word's Modify Style > Font > Hidden)."""
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document(str(path))
    note = document.styles.add_style("Zametka", WD_STYLE_TYPE.CHARACTER)
    note.font.hidden = True
    derived = document.styles.add_style("ZametkaKrasnaya", WD_STYLE_TYPE.CHARACTER)
    derived.base_style = note
    aside = document.styles.add_style("Sluzhebnyi Abzac", WD_STYLE_TYPE.PARAGRAPH)
    aside.font.hidden = True
    document.save(str(path))
    return path


def test_text_hidden_by_its_style_is_not_read(tmp_path: Path) -> None:
    """Hidden set in a run's character style (or in the style it is based on) or in its paragraph's
    style hides the run as Font > Hidden does; the run's own «not hidden» wins over its style."""
    cell = (
        "<w:p><w:r><w:t xml:space='preserve'>Делегация </w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val='Zametka'/></w:rPr><w:t>(спросить Пчёлкину)</w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val='ZametkaKrasnaya'/></w:rPr><w:t>(тел. 00-00)</w:t></w:r>"
        "<w:r><w:rPr><w:rStyle w:val='Zametka'/><w:vanish w:val='0'/></w:rPr><w:t>Тувалу</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:pStyle w:val='SluzhebnyiAbzac'/></w:pPr><w:r><w:t>черновик</w:t></w:r></w:p>"
    )
    path = replace_cell_xml(_styled(build_docx(tmp_path / "s.docx", ROWS, title=TITLE)), 1, 4, cell)
    assert _read(path)[1][1][4].split() == ["Делегация", "Тувалу"]


def test_a_field_nested_in_another_fields_code_is_read_once(tmp_path: Path) -> None:
    """{ IF { MERGEFIELD Gorod } = "" "—" "{ MERGEFIELD Gorod }" } shows its result once: the inner
    fields' cached results are parts of the outer field's code."""

    def field(code: str, result: str) -> str:
        return (
            "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
            f"<w:r><w:instrText xml:space='preserve'>{code}</w:instrText></w:r>"
            f"<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>{result}</w:t></w:r>"
            "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        )

    inner = field(" MERGEFIELD Gorod ", "г. Озёрск-Дальний")
    outer = (
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText xml:space='preserve'> IF </w:instrText></w:r>"
        f'{inner}<w:r><w:instrText xml:space=\'preserve\'> = "" "—" "</w:instrText></w:r>{inner}'
        "<w:r><w:instrText>\"</w:instrText></w:r><w:r><w:fldChar w:fldCharType='separate'/></w:r>"
        "<w:r><w:t>г. Озёрск-Дальний</w:t></w:r><w:r><w:fldChar w:fldCharType='end'/></w:r>"
    )
    path = replace_cell_xml(build_docx(tmp_path / "f.docx", ROWS, title=TITLE), 1, 2, f"<w:p>{outer}</w:p>")
    assert _read(path)[1][1][2] == "г. Озёрск-Дальний"


def test_invisible_characters_are_no_part_of_a_heading(tmp_path: Path) -> None:
    """A zero-width space, a word joiner or a BOM an editor leaves after a heading is not its text."""
    title = ("Отчёт о мероприятиях\u2060 Смоленской области", "Посёлок Верхние Ключики\u200b\ufeff")
    assert _read(build_docx(tmp_path / "z.docx", ROWS, title=title))[0] == (
        "Отчёт о мероприятиях Смоленской области\nПосёлок Верхние Ключики"
    )
