"""INVENTED axis `package`: what other Word installations and document systems make of the same
report. `strict`: saved as «Strict Open XML Document» (ISO/IEC 29500 Strict namespaces); `title_box`:
the title typed in a text box (DrawingML with its VML fallback, as Word writes one); `altchunk`: the
report imported whole into an otherwise empty DOCX (w:altChunk, as document systems assemble files);
`hidden`: notes formatted as hidden text in some cells (Word neither shows nor prints them).

Drawn from a random generator of its own, so a report whose value is `no` is the very report its
seed gave before the axis existed (its DOCX byte for byte). The gold is the same for every value.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

PACKAGE_AXIS = (("no", "strict", "title_box", "altchunk", "hidden"), (0.6, 0.1, 0.1, 0.1, 0.1))
_EMU_PER_CM = 360000
_MORE_NS = (
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"'
)
_HIDDEN_NOTE = " (уточнить у отдела)"
PLAIN_DIR = "imported"  # under docx/: the documents the `altchunk` reports import
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Transitional -> Strict URIs, most specific first (ISO/IEC 29500-1 Strict renames two parts).
_TO_STRICT = (
    (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
    ),
    (
        b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    ),
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


def pdf_sources(docx_dir: Path) -> list[Path]:
    """The DOCX files to print as the corpus's PDFs: an `altchunk` report's imported document
    itself, as Word would print it (LibreOffice lays an import out its own way: other column
    widths, no list numbers), every other report as it is."""
    files = sorted(docx_dir.glob("*.docx"))
    return [docx_dir / PLAIN_DIR / f.name if (docx_dir / PLAIN_DIR / f.name).exists() else f for f in files]


def package(seed: int, index: int) -> str:
    """The `package` value of report `index` (see the module doc)."""
    return random.Random(f"layouts:{seed}:{index}:package").choices(*PACKAGE_AXIS)[0]


def title_in_box(doc: DocumentObject, first: int, last: int, width_cm: float) -> None:
    """Move body paragraphs `first`..`last` into a text box anchored in the paragraph after them."""
    body = doc.element.body
    paragraphs = [body[k] for k in range(first, last + 1)]
    anchor = body[last + 1]
    for paragraph in paragraphs:
        body.remove(paragraph)
    inner = "".join(_xml(p) for p in paragraphs)
    cx, cy = int(width_cm * _EMU_PER_CM), int((0.8 * len(paragraphs) + 0.4) * _EMU_PER_CM)
    ns = nsdecls("w", "wp", "a") + _MORE_NS
    drawing = (
        f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2"'
        ' behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="901" name="Надпись 1"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData'
        ' uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"/>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    vml = (
        f'<w:pict><v:shape id="box901" style="position:absolute;width:{width_cm}cm;'
        f'height:{cy / _EMU_PER_CM:.2f}cm"'
        ' stroked="f" filled="f"><v:textbox inset="0,0,0,0">'
        f"<w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>"
    )
    run = parse_xml(
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
        f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>"
    )
    anchor.append(run)


def _xml(element) -> str:  # type: ignore[no-untyped-def]
    from lxml import etree

    text = etree.tostring(element, encoding="unicode")
    return text.replace(f" {nsdecls('w')}", "")


def hide_notes(doc: DocumentObject) -> None:
    """A hidden note at the end of every third table row's last cell (from the third row on)."""
    for table in doc.tables:
        for k, row in enumerate(table.rows):
            if k < 2 or k % 3:
                continue
            paragraph = row._tr.findall(qn("w:tc"))[-1].findall(qn("w:p"))[-1]
            run = OxmlElement("w:r")
            props = OxmlElement("w:rPr")
            props.append(OxmlElement("w:vanish"))
            text = OxmlElement("w:t")
            text.set(qn("xml:space"), "preserve")
            text.text = _HIDDEN_NOTE
            run.extend([props, text])
            paragraph.append(run)


def repackage(path: Path, value: str, save) -> None:  # type: ignore[no-untyped-def]
    """Rewrite the saved DOCX at `path` as Strict, or import it whole into an empty DOCX (altChunk);
    `save(doc, path)` saves a python-docx document byte-stably."""
    data = path.read_bytes()
    if value == "strict":
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                part = src.read(info)
                if info.filename != "[Content_Types].xml" and info.filename.endswith((".xml", ".rels")):
                    for transitional, strict in _TO_STRICT:
                        part = part.replace(transitional, strict)
                dst.writestr(info, part)
        path.write_bytes(out.getvalue())
    elif value == "altchunk":
        plain = path.parent / PLAIN_DIR / path.name  # what Word shows: the PDF is made from it
        plain.parent.mkdir(exist_ok=True)
        plain.write_bytes(data)
        outer = Document()
        body = outer.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        chunk = Part(PackURI("/word/afchunk1.docx"), _DOCX_MAIN, data, outer.part.package)
        alt = OxmlElement("w:altChunk")
        alt.set(qn("r:id"), outer.part.relate_to(chunk, RT.A_F_CHUNK))
        body.insert(0, alt)
        save(outer, path)
