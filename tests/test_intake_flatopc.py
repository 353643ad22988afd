"""Word's «Word XML Document» (.xml, Flat OPC): a DOCX package written as one XML file."""

from __future__ import annotations

import base64
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from lxml import etree
from readers_fixtures import HEADER, build_docx

from muniflow.intake.checked import read_checked
from muniflow.intake.limits import default_limits
from muniflow.model import ReaderError
from muniflow.readers.docx import DocxReader

PKG = "http://schemas.microsoft.com/office/2006/xmlPackage"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
ROWS = [list(HEADER), ["1.", "Форум «Содружество»", "г. Велиж", "5 мая 2024 года", "Делегация"]]
SAMPLE = Path(__file__).resolve().parents[1] / "sample_inputs" / "smolensk_2024_q2.docx"


def flat(docx: Path, dest: Path) -> Path:
    """The DOCX as Word's Save As > Word XML Document writes it: every part a pkg:part, XML parts
    inline, the others in base64."""
    with zipfile.ZipFile(docx) as zf:
        types = etree.fromstring(zf.read("[Content_Types].xml"))
        by_ext = {t.get("Extension"): t.get("ContentType") for t in types.iter(f"{CT}Default")}
        by_name = {t.get("PartName"): t.get("ContentType") for t in types.iter(f"{CT}Override")}
        root = etree.Element(f"{{{PKG}}}package", nsmap={"pkg": PKG})
        for name in zf.namelist():
            if name == "[Content_Types].xml":
                continue
            ctype = by_name.get(f"/{name}") or by_ext.get(PurePosixPath(name).suffix[1:], "")
            part = etree.SubElement(
                root, f"{{{PKG}}}part", {f"{{{PKG}}}name": f"/{name}", f"{{{PKG}}}contentType": ctype}
            )
            if ctype.endswith("xml"):
                etree.SubElement(part, f"{{{PKG}}}xmlData").append(etree.fromstring(zf.read(name)))
            else:
                etree.SubElement(part, f"{{{PKG}}}binaryData").text = base64.encodebytes(
                    zf.read(name)
                ).decode()
    head = b'<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
    dest.write_bytes(head + etree.tostring(root, encoding="UTF-8"))
    return dest


def _rows(doc):  # type: ignore[no-untyped-def]
    return [(t.header, [r.cells for r in t.rows]) for t in doc.tables]


def test_a_word_xml_document_reads_as_the_docx_it_was_saved_from(tmp_path: Path) -> None:
    plain = build_docx(tmp_path / "plain.docx", ROWS, title=("Отчёт во II квартале 2024 года",))
    path = flat(plain, tmp_path / "report.xml")
    doc = read_checked(path, default_limits())
    want = DocxReader().read(plain)
    assert (doc.title, _rows(doc)) == (want.title, _rows(want))
    assert doc.source_file == str(path) and doc.format == "docx"


def test_the_gold_report_as_a_word_xml_document_gives_the_same_rows(tmp_path: Path) -> None:
    path = flat(SAMPLE, tmp_path / "smolensk.xml")  # with its thumbnail picture in base64
    assert _rows(read_checked(path, default_limits())) == _rows(DocxReader().read(SAMPLE))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda x: x.replace(b"?>\n<?mso", b'?>\n<!DOCTYPE p [<!ENTITY e "x">]><?mso', 1), "dtd_forbidden"),
        (  # a name climbing out stays inside the zip («etc/x.xml»): then no main part is there
            lambda x: x.replace(b'pkg:name="/word/document.xml"', b'pkg:name="/../../etc/x.xml"'),
            "unsupported_format",
        ),
        (lambda x: x[: len(x) // 2], "corrupt_file"),
    ],
    ids=["dtd", "main part named outside the package", "truncated"],
)
def test_a_damaged_or_hostile_word_xml_document_is_refused(tmp_path: Path, change, reason: str) -> None:
    path = flat(build_docx(tmp_path / "p.docx", ROWS), tmp_path / "r.xml")
    path.write_bytes(change(path.read_bytes()))
    with pytest.raises(ReaderError) as err:
        read_checked(path, default_limits())
    assert err.value.reason == reason
