"""Every table of a document, each with the paragraphs above it as its caption (DOCX)."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from readers_fixtures import HEADER

from muniflow.model import RawDocument
from muniflow.readers.docx import DocxReader

READER = DocxReader()


def _add_table(document, rows) -> object:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    return table


def _into_sdt(table) -> None:
    """Move a table into a block-level content control."""
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    table._tbl.addprevious(sdt)
    sdt[1].append(table._tbl)


def _event(n: int) -> list[str]:
    return [f"{n}.", f"Мероприятие {n}", "г. Псков", f"{n} мая 2024 г.", "Делегация"]


@pytest.fixture(scope="module")
def sections(tmp_path_factory) -> RawDocument:
    """Title; a summary table; per section a heading (two lines) and its own events table; the
    second section's table in a content control; the third table directly after the second."""
    document = docx.Document()
    document.add_paragraph("Отчёт о мероприятиях")
    document.add_paragraph("за III квартал 2024 года")
    _add_table(document, [["Показатель", "Значение"], ["Мероприятий", "3"]])
    document.add_paragraph("")
    document.add_paragraph("Велижский район")
    _add_table(document, [list(HEADER), _event(1)])
    heading = document.add_paragraph("Муниципальное образование")
    heading.add_run().add_break()
    heading.add_run("«Город Десногорск»")
    _into_sdt(_add_table(document, [list(HEADER), _event(1), _event(2)]))
    _add_table(document, [list(HEADER), _event(3)])
    path = tmp_path_factory.mktemp("docx") / "sections.docx"
    document.save(str(path))
    return READER.read(path)


def test_every_table_in_order(sections: RawDocument) -> None:
    """The summary, both section tables (one inside a content control) and the adjacent one."""
    assert [t.locator for t in sections.tables] == ["table 1", "table 2", "table 3", "table 4"]
    assert [len(t.rows) for t in sections.tables] == [1, 1, 2, 1]
    assert sections.tables[0].header == ("Показатель", "Значение")
    assert all(t.header == HEADER for t in sections.tables[1:])


CAPTIONS = [
    # (table, expected caption, why)
    (0, "Отчёт о мероприятиях\nза III квартал 2024 года", "the first table's caption is the title"),
    (1, "Велижский район", "the heading between two tables; blank paragraphs left out"),
    (2, "Муниципальное образование\n«Город Десногорск»", "a soft line break inside the heading kept"),
    (3, "", "a table right after another has no caption"),
]


@pytest.mark.parametrize(("index", "caption", "why"), CAPTIONS, ids=[c[-1] for c in CAPTIONS])
def test_captions(sections: RawDocument, index: int, caption: str, why: str) -> None:
    assert sections.tables[index].caption == caption, why


def test_title_is_text_before_first_table(sections: RawDocument) -> None:
    assert sections.title == "Отчёт о мероприятиях\nза III квартал 2024 года"


def test_interpretation_skips_the_summary_and_reads_each_section(sections: RawDocument) -> None:
    """Today's consumer: the summary table (no events header) is skipped, every events table read."""
    from muniflow.contracts import header_synonyms
    from muniflow.interpret import interpret_document

    report = interpret_document(sections, header_synonyms())
    titles = [r.title for r in report.rows]
    assert titles == ["Мероприятие 1", "Мероприятие 1", "Мероприятие 2", "Мероприятие 3"]
