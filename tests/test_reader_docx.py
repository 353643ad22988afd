"""The DOCX reader: merged cells as None, line breaks kept, Word artefacts dropped."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from readers_fixtures import HEADER, add_table, build_docx, replace_cell_xml, report_rows, wrap_table_in_sdt

from muniflow.model import ReaderError
from muniflow.readers import READERS, reader_for
from muniflow.readers.docx import DocxReader

READER = DocxReader()


def _body(path: Path) -> list[tuple[str | None, ...]]:
    return [row.cells for row in READER.read(path).tables[0].rows]


def test_registry_serves_documents_and_workbooks() -> None:
    assert set(READERS) == {"docx", "pdf", "xlsx", "xls", "ods"}
    assert reader_for("DOCX") is READERS["docx"]
    with pytest.raises(KeyError, match="known"):
        reader_for("odt")


def test_heading_row_spans_the_grid(tmp_path: Path) -> None:
    """A municipality heading merged across the row: text in the first column, None elsewhere."""
    rows, merges = report_rows(sections=2, rows_per_section=1)
    doc = READER.read(build_docx(tmp_path / "r.docx", rows, merges, title=("Отчёт", "за II квартал")))
    table = doc.tables[0]
    assert doc.title == "Отчёт\nза II квартал"
    assert table.header == HEADER
    assert table.rows[0].cells == ("Муниципальный округ № 1", None, None, None, None)
    assert table.rows[1].cells[0] == "1."
    assert table.rows[1].locator == "table 1, row 3"
    assert len(table.rows) == 4


@pytest.mark.parametrize(
    ("merge", "expected_row", "why"),
    [
        (((1, 1), (1, 2)), ("a", "b", None, "d"), "gridSpan: the covered column is None"),
        (((1, 0), (2, 0)), ("a", "b", "c", "d"), "vMerge restart keeps its text"),
    ],
)
def test_merges(tmp_path: Path, merge, expected_row, why) -> None:
    rows = [["h1", "h2", "h3", "h4"], ["a", "b", "c", "d"], ["", "f", "g", "h"]]
    body = _body(build_docx(tmp_path / "m.docx", rows, [merge]))
    assert body[0] == expected_row, why


def test_vertical_merge_continuation_is_none(tmp_path: Path) -> None:
    rows = [["h1", "h2"], ["Район", "1"], ["", "2"], ["", "3"], ["Округ", "4"]]
    body = _body(build_docx(tmp_path / "v.docx", rows, [((1, 0), (3, 0))]))
    assert [r[0] for r in body] == ["Район", None, None, "Округ"]


def test_vertical_merge_continuation_is_marked_as_from_above(tmp_path: Path) -> None:
    """A None under a vertical merge is told apart from a None a horizontal merge leaves."""
    rows = [["h1", "h2", "h3"], ["1", "12 мая", "г. Велиж"], ["2", "", ""], ["Округ", "", ""]]
    path = build_docx(tmp_path / "v.docx", rows, [((1, 1), (2, 1)), ((3, 0), (3, 2))])
    table = READER.read(path).tables[0]
    assert [(r.cells, r.from_above) for r in table.rows] == [
        (("1", "12 мая", "г. Велиж"), frozenset()),
        (("2", None, ""), frozenset({1})),
        (("Округ", None, None), frozenset()),
    ]


def test_paragraphs_and_soft_breaks_are_lines(tmp_path: Path) -> None:
    rows = [["h"], ["Концерт\v«Дружба без\vГраниц»\nвторой абзац"]]
    assert _body(build_docx(tmp_path / "b.docx", rows))[0] == ("Концерт\n«Дружба без\nГраниц»\nвторой абзац",)


W_CELL = (
    "<w:p><w:bookmarkStart w:id='0' w:name='x'/><w:r><w:t xml:space='preserve'>было </w:t></w:r>"
    "<w:proofErr w:type='spellStart'/><w:del w:id='1' w:author='a'><w:r><w:delText>старое</w:delText>"
    "</w:r></w:del><w:ins w:id='2' w:author='a'><w:r><w:t>новое</w:t></w:r></w:ins><w:bookmarkEnd w:id='0'/>"
    "<w:r><w:tab/><w:t>после</w:t><w:br/><w:t>строка</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>7</w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>"
)


def test_run_level_artefacts(tmp_path: Path) -> None:
    """Deleted text and field codes are out, inserted text, tabs, breaks and field results in."""
    path = replace_cell_xml(build_docx(tmp_path / "t.docx", [["h"], ["x"]]), 1, 0, W_CELL)
    assert _body(path)[0] == ("было новое\tпосле\nстрока7",)


def test_content_controls_and_nested_tables(tmp_path: Path) -> None:
    nested = (
        "<w:p><w:r><w:t>до</w:t></w:r></w:p><w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>в поле</w:t>"
        "</w:r></w:p></w:sdtContent></w:sdt><w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>"
        "<w:p><w:r><w:t>вложено</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>"
    )
    path = wrap_table_in_sdt(replace_cell_xml(build_docx(tmp_path / "n.docx", [["h"], ["x"]]), 1, 0, nested))
    assert _body(path)[0] == ("до\nв поле\nвложено\n",)


def test_split_tables_come_out_separately(tmp_path: Path) -> None:
    path = add_table(
        build_docx(tmp_path / "s.docx", [["№", "Мероприятие"], ["1.", "а"]]), [["2.", "б"]], "ещё"
    )
    doc = READER.read(path)
    assert [t.locator for t in doc.tables] == ["table 1", "table 2"]
    assert doc.tables[1].header == ("2.", "б")
    assert doc.title == "Отчёт о мероприятиях"


def test_no_table(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Письмо")
    document.save(str(path))
    with pytest.raises(ReaderError) as err:
        READER.read(path)
    assert err.value.reason == "no_table_found"


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"%PDF-1.7\n"])
def test_corrupt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(ReaderError) as err:
        READER.read(path)
    assert err.value.reason == "corrupt_file"


def test_a_title_typed_in_the_page_header_is_part_of_the_title(tmp_path: Path) -> None:
    """Some offices type the report's title in the page header: it names the quarter and region
    there and nowhere in the body; the body's own text before the table comes first."""
    path = build_docx(
        tmp_path / "r.docx",
        [HEADER, ["1.", "Форум", "г. Велиж", "5 июля", "Делегация"]],
        title=("Таблица 1",),
    )
    document = docx.Document(str(path))
    document.sections[0].header.paragraphs[0].text = "Отчёт Смоленской области за III квартал 2024 года"
    document.save(str(path))
    assert READER.read(path).title == "Таблица 1\nОтчёт Смоленской области за III квартал 2024 года"
    assert READER.read(build_docx(tmp_path / "plain.docx", [HEADER], title=("Отчёт",))).title == "Отчёт"


def _framed(path: Path, outer_cols: int) -> Path:
    """A report laid inside a bordered box: a table of `outer_cols` columns whose first cell holds
    the title paragraph and the events grid."""
    document = docx.Document()
    frame = document.add_table(rows=1, cols=outer_cols)
    cell = frame.cell(0, 0)
    cell.paragraphs[0].text = "Перечень мероприятий за 2 квартал 2024 года"
    grid = cell.add_table(rows=2, cols=2)
    for col, (head, value) in enumerate([("№", "1."), ("Мероприятие", "Форум")]):
        grid.cell(0, col).text, grid.cell(1, col).text = head, value
    cell.add_paragraph("")
    document.save(str(path))
    return path


def test_a_report_inside_a_frame_table_is_read_as_the_body(tmp_path: Path) -> None:
    doc = READER.read(_framed(tmp_path / "f.docx", outer_cols=1))
    assert [(t.header, [r.cells for r in t.rows]) for t in doc.tables] == [
        (("№", "Мероприятие"), [("1.", "Форум")])
    ]
    assert doc.title == "Перечень мероприятий за 2 квартал 2024 года"


def test_a_grid_in_one_cell_of_a_wider_table_stays_that_cells_text(tmp_path: Path) -> None:
    doc = READER.read(_framed(tmp_path / "w.docx", outer_cols=2))
    assert len(doc.tables) == 1 and len(doc.tables[0].header) == 2
    words = " ".join((doc.tables[0].header[0] or "").split())
    assert words == "Перечень мероприятий за 2 квартал 2024 года № Мероприятие 1. Форум"


def test_a_report_inside_a_two_column_layout_table_is_read_as_the_body(tmp_path: Path) -> None:
    """A letter's layout table: «Приложение …» in the right cell of its first row, the title and
    the events grid (wider than the layout) in its second row merged across. It was taken for
    the report table itself, and the file refused."""
    document = docx.Document()
    frame = document.add_table(rows=2, cols=2)
    frame.cell(0, 1).text = "Приложение № 2 к письму"
    cell = frame.cell(1, 0).merge(frame.cell(1, 1))
    cell.paragraphs[0].text = "Перечень мероприятий за 2 квартал 2024 года"
    grid = cell.add_table(rows=2, cols=3)
    for col, (head, value) in enumerate([("№", "1."), ("Мероприятие", "Форум"), ("Дата", "5 мая")]):
        grid.cell(0, col).text, grid.cell(1, col).text = head, value
    cell.add_paragraph("")
    path = tmp_path / "layout.docx"
    document.save(str(path))
    doc = READER.read(path)
    assert [(t.header, [r.cells for r in t.rows]) for t in doc.tables] == [
        (("№", "Мероприятие", "Дата"), [("1.", "Форум", "5 мая")])
    ]
    assert doc.title == "Приложение № 2 к письму\nПеречень мероприятий за 2 квартал 2024 года"


def test_a_section_per_municipality_named_in_its_own_page_header_heads_its_table(tmp_path: Path) -> None:
    """A report laid out a section per municipality, each named only in its section's page header:
    the header's text heads the section's paragraphs, so its table's caption names it."""
    from extraction import extract_file

    def table(document: docx.document.Document, title: str) -> None:
        head = [
            "№",
            "Наименование мероприятия",
            "Место проведения",
            "Дата проведения",
            "Результат",
            "Участники",
        ]
        rows = [head, ["1", title, "с. Лесное", "20.05.2024", "Проведено", "Гости"]]
        grid = document.add_table(rows=len(rows), cols=len(head))
        for r, texts in enumerate(rows):
            for c, text in enumerate(texts):
                grid.cell(r, c).text = text

    document = docx.Document()
    document.sections[0].header.add_paragraph("Город Энск")
    document.add_paragraph("Информация о международных мероприятиях Н-ской области за II квартал 2024 года")
    table(document, "Концерт")
    for name, title in (("Лесной район", "Выставка"), ("Каменский район", "Турнир")):
        section = document.add_section()
        section.header.is_linked_to_previous = False
        section.header.add_paragraph(name)
        table(document, title)
    path = tmp_path / "sections.docx"
    document.save(str(path))
    outcome = extract_file(path)
    assert outcome.report is not None
    assert [r.municipality for r in outcome.report.rows] == ["город Энск", "Лесной район", "Каменский район"]


def test_superscript_and_subscript_digits_are_written_raised_and_lowered(tmp_path: Path) -> None:
    """A footnote mark typed in superscript after a date stays apart from its year («15.05.2025²»,
    not «15.05.20252», which no date parser reads), and a unit keeps its look («м²»)."""
    path = build_docx(
        tmp_path / "r.docx", [["№", "Дата проведения", "Площадь"], ["1.", "15.05.2025", "200 м"]]
    )
    document = docx.Document(str(path))
    date_cell, area_cell = document.tables[0].rows[1].cells[1:3]
    date_cell.paragraphs[0].add_run("2").font.superscript = True
    area_cell.paragraphs[0].add_run("2").font.superscript = True
    area_cell.add_paragraph("CO").add_run("2").font.subscript = True
    document.save(str(path))
    assert _body(path)[0][1:] == ("15.05.2025²", "200 м²\nCO₂")


def _raised(run: object, half_points: int) -> None:
    """Raise a run by w:position, as LibreOffice writes an HTML page's <sup> into a DOCX."""
    props = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
    position = OxmlElement("w:position")
    position.set(qn("w:val"), str(half_points))
    props.append(position)


def test_digits_raised_or_lowered_by_their_position_are_marks_too(tmp_path: Path) -> None:
    """LibreOffice's DOCX of an HTML page (a .doc a document system saved as HTML) raises a
    footnote mark by w:position (7 half-points), not w:vertAlign; a baseline nudged by a point is
    no mark."""
    path = build_docx(
        tmp_path / "r.docx", [["№", "Дата проведения", "Площадь"], ["1.", "15.05.2025", "200 м"]]
    )
    document = docx.Document(str(path))
    date_cell, area_cell = document.tables[0].rows[1].cells[1:3]
    _raised(date_cell.paragraphs[0].add_run("2"), 7)
    _raised(area_cell.paragraphs[0].add_run(" 3"), 2)
    area_cell.add_paragraph("CO").add_run("2")
    _raised(area_cell.paragraphs[1].runs[-1], -6)
    document.save(str(path))
    assert _body(path)[0][1:] == ("15.05.2025²", "200 м 3\nCO₂")


def test_the_text_after_the_last_table_is_the_documents_closing(tmp_path: Path) -> None:
    """A letter's signature under its table («Глава Себежского района») is kept as its closing."""
    path = build_docx(tmp_path / "r.docx", [["№", "Наименование мероприятия"], ["1.", "Концерт"]])
    document = docx.Document(str(path))
    document.add_paragraph("Глава Себежского района")
    document.add_paragraph("И. И. Иванов")
    document.save(str(path))
    assert READER.read(path).closing == "Глава Себежского района\nИ. И. Иванов"
