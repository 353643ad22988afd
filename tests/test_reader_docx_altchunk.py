"""A DOCX whose report is an imported part (w:altChunk), as document systems and web exports write
it: python-docx sees an empty body, Word shows the imported HTML, RTF or DOCX in its place."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from readers_fixtures import HEADER, build_docx

from muniflow.intake import convert
from muniflow.intake.checked import read_checked
from muniflow.intake.limits import default_limits
from muniflow.model import ReaderError
from muniflow.readers.docx import DocxReader
from muniflow.readers.docxchunks import _without_references

READER = DocxReader()
EVENT = ("1.", "Форум «Содружество»", "г. Велиж", "5 мая 2024 года", "Делегация Республики Беларусь")
needs_soffice = pytest.mark.skipif(
    convert.soffice() is None, reason="LibreOffice (soffice) is not installed: run `make libreoffice`"
)

HTML = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">'
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body>'
    "<p>во II квартале 2024 года</p>"
    '<table border="1"><tr>' + "".join(f"<td>{h}</td>" for h in HEADER) + "</tr>"
    '<tr><td colspan="5">Велижский муниципальный округ</td></tr>'
    "<tr>" + "".join(f"<td>{c}</td>" for c in EVENT) + '</tr></table><img src="http://127.0.0.1:9/logo.png">'
    "</body></html>"
).encode("cp1251")


def _with_chunk(path: Path, blob: bytes, content_type: str, name: str) -> Path:
    """A DOCX of one title paragraph followed by an altChunk importing `blob`."""
    document = docx.Document()
    document.add_paragraph("Отчёт о мероприятиях Смоленской области")
    part = Part(PackURI(f"/word/{name}"), content_type, blob, document.part.package)
    chunk = OxmlElement("w:altChunk")
    chunk.set(qn("r:id"), document.part.relate_to(part, RT.A_F_CHUNK))
    document.element.body.insert(len(document.element.body) - 1, chunk)  # before w:sectPr
    document.save(str(path))
    return path


@needs_soffice
def test_an_imported_html_part_is_read_in_its_place(tmp_path: Path) -> None:
    path = _with_chunk(tmp_path / "html.docx", HTML, "text/html", "afchunk.htm")
    doc = read_checked(path, default_limits())  # the intake's guards and reader, as a clerk's file goes
    table = doc.tables[0]
    assert table.header == HEADER
    assert [r.cells for r in table.rows] == [("Велижский муниципальный округ", None, None, None, None), EVENT]
    assert doc.title == "Отчёт о мероприятиях Смоленской области\nво II квартале 2024 года"


@needs_soffice
def test_an_imported_rtf_part_is_read_in_its_place(tmp_path: Path) -> None:
    rtf = (
        rb"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Times New Roman;}}"
        rb"\trowd\cellx3000\cellx6000 \intbl \'b9\cell \intbl \'cc\'e5\'f1\'f2\'ee\cell\row"
        rb"\trowd\cellx3000\cellx6000 \intbl 1.\cell \intbl \'c2\'e5\'eb\'e8\'e6\cell\row}"
    )
    path = _with_chunk(tmp_path / "rtf.docx", rtf, "application/rtf", "afchunk.rtf")
    table = READER.read(path).tables[0]
    assert (table.header, [r.cells for r in table.rows]) == (("№", "Место"), [("1.", "Велиж")])


def test_an_imported_docx_part_is_read_without_libreoffice(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(convert.SOFFICE_ENV, "")
    inner = build_docx(tmp_path / "inner.docx", [HEADER, EVENT], title=("во II квартале 2024 года",))
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    path = _with_chunk(tmp_path / "d.docx", inner.read_bytes(), content_type, "chunk.docx")
    doc = READER.read(path)
    assert [r.cells for r in doc.tables[0].rows] == [EVENT]
    assert doc.title == "Отчёт о мероприятиях Смоленской области\nво II квартале 2024 года"


def test_without_libreoffice_an_imported_html_part_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    """Not «no table found»: the clerk is told the report is an imported part and how to re-save it."""
    monkeypatch.setenv(convert.SOFFICE_ENV, "")
    path = _with_chunk(tmp_path / "html.docx", HTML, "text/html", "afchunk.htm")
    with pytest.raises(ReaderError) as err:
        READER.read(path)
    assert err.value.reason == "unsupported_format"
    assert "altChunk" in err.value.message and "Save As" in err.value.message


def test_an_imported_html_part_reaches_libreoffice_without_references_to_other_files() -> None:
    """Stylesheets, images and scripts would have LibreOffice fetch them (maybe from the network)."""
    cleaned = _without_references(HTML)
    assert b"127.0.0.1" not in cleaned and b"<img" not in cleaned and b"<link" not in cleaned
    text = cleaned.decode("utf-8")  # re-encoded from the declared windows-1251
    assert "Велижский муниципальный округ" in text and 'charset="utf-8"' in text


@needs_soffice
def test_every_imported_part_is_converted_in_one_libreoffice_run(tmp_path: Path, monkeypatch) -> None:
    """A document system may import one part per paragraph or table: one soffice start each would
    outlast the worker's time limit, so they are converted together, and read in their order."""
    runs = []
    convert_all = convert.convert_all_to_docx

    def counted(sources, *args, **kwargs):  # type: ignore[no-untyped-def]
        runs.append(len(sources))
        return convert_all(sources, *args, **kwargs)

    monkeypatch.setattr(convert, "convert_all_to_docx", counted)
    document = docx.Document()
    for k, html in enumerate((b"<p>first</p>", HTML, b"<p>last</p>")):
        part = Part(PackURI(f"/word/afchunk{k}.htm"), "text/html", html, document.part.package)
        chunk = OxmlElement("w:altChunk")
        chunk.set(qn("r:id"), document.part.relate_to(part, RT.A_F_CHUNK))
        document.element.body.insert(len(document.element.body) - 1, chunk)
    document.save(str(tmp_path / "three.docx"))
    doc = READER.read(tmp_path / "three.docx")
    assert runs == [3]
    assert doc.title == "first\nво II квартале 2024 года"
    assert [r.cells for r in doc.tables[0].rows][-1] == EVENT


def test_a_nil_letter_imported_whole_is_read_as_one(tmp_path: Path, monkeypatch) -> None:
    """A municipality's «no events» letter that a document system imported into an empty DOCX."""
    from nil_builders import nil_letter

    from muniflow.readers.letter import read_nil_letter

    monkeypatch.setenv(convert.SOFFICE_ENV, "")
    statement = (
        "Администрация муниципального образования «Озёрный район» Северной области сообщает, "
        "что в III квартале 2025 года международные мероприятия не проводились."
    )
    inner = nil_letter(
        tmp_path / "inner.docx", ["Начальнику управления внешних связей Северной области", statement]
    )
    document = docx.Document()
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    part = Part(PackURI("/word/chunk.docx"), content_type, inner.read_bytes(), document.part.package)
    chunk = OxmlElement("w:altChunk")
    chunk.set(qn("r:id"), document.part.relate_to(part, RT.A_F_CHUNK))
    document.element.body.insert(0, chunk)
    document.save(str(tmp_path / "letter.docx"))
    letter = read_nil_letter("docx", tmp_path / "letter.docx")
    assert letter is not None and statement in letter.title


@needs_soffice
def test_an_imported_web_archive_is_read_as_its_page(tmp_path: Path) -> None:
    """Word imports a web archive (MHT) as the page it holds."""
    page = HTML.decode("cp1251").encode("utf-8").replace(b"windows-1251", b"utf-8")
    mht = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        b'Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
        + page
        + b"\r\n--b--\r\n"
    )
    path = _with_chunk(tmp_path / "mht.docx", mht, "message/rfc822", "afchunk.mht")
    table = READER.read(path).tables[0]
    assert [r.cells for r in table.rows][-1] == EVENT
