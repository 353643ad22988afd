"""A DOCX whose body imports another document (w:altChunk): what Word shows in its place.

Document systems and web exports write the report as an HTML (or RTF, plain text, MHT) part that
Word converts as it opens the file; python-docx sees only the w:altChunk pointing at it, an empty
body. LibreOffice does not render altChunk when it converts the whole file either, so each imported
part is converted to DOCX on its own (the LibreOffice conversion the intake has for .doc and .rtf)
and its paragraphs and tables take the altChunk's place. An imported DOCX is opened directly. Either
goes through the same guards as a DOCX a clerk sends (zip sizes, no DTD in any XML part).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, PartFactory
from lxml import etree

from muniflow.model import ReaderError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
ALTCHUNK = _W + "altChunk"

# Imported part's content type -> the name LibreOffice's conversion knows it by (its file extension).
_CONVERTED = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "text/plain": "txt",
}
# What would make LibreOffice reach for another file or the network as it converts an HTML part;
# none of it is text. Removed before the part is handed over.
_EXTERNAL_TAGS = (
    "img",
    "image",
    "link",
    "script",
    "style",
    "iframe",
    "frame",
    "object",
    "embed",
    "base",
    "meta",
)
_EXTERNAL_ATTRIBUTES = (
    "src",
    "href",
    "srcset",
    "background",
    "data",
    "action",
    "poster",
    "lowsrc",
    "dynsrc",
    "style",
)
_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_RESEND = "open it in Word, save it as .docx (File > Save As > Word Document) and send it again"

# Opens a DOCX file the way the reader does and returns its document; given by the reader.
Opener = Callable[[Path], Any]
_python_docx_selector = PartFactory.part_class_selector  # python-docx's own (it types pictures)


def _select_part_class(content_type: str, reltype: str) -> type[Part] | None:
    """An imported part stays bytes: a DOCX imported whole is typed as a document's main part
    (…document.main+xml), which python-docx would parse as the XML it is not, refusing the file."""
    if reltype == RT.A_F_CHUNK:
        return Part
    return _python_docx_selector(content_type, reltype) if _python_docx_selector is not None else None


PartFactory.part_class_selector = _select_part_class


def chunk_blocks(document: Any, chunk: etree._Element, open_docx: Opener) -> Iterator[etree._Element]:
    """Yield the body blocks (w:p, w:tbl) of the part a w:altChunk imports, in order.

    Raises:
        ReaderError: the part is of a kind Word imports but muniflow cannot convert, or LibreOffice
            is missing or failed (`unsupported_format`, with what to do).
    """
    from muniflow.readers.docx import _blocks

    rel = document.part.rels.get(chunk.get(_R_ID, ""))
    if rel is None or rel.is_external:
        return  # Word shows nothing for a chunk it cannot find
    part = rel.target_part
    content_type = part.content_type.split(";")[0].strip().lower()
    with tempfile.TemporaryDirectory(prefix="muniflow-chunk-") as work:
        if content_type.startswith(_WORD):
            source = Path(work) / "chunk.docx"
            source.write_bytes(part.blob)
            converted = _checked(source)
        elif content_type in _CONVERTED:
            converted = _checked(_convert(part.blob, _CONVERTED[content_type], Path(work)))
        else:
            raise ReaderError(
                "unsupported_format",
                f"the document imports a part of type {content_type or 'unknown'} (altChunk) that "
                f"muniflow cannot read; {_RESEND}",
            )
        inner = open_docx(converted)
        for block in _blocks(inner.element.body, frames=True, boxes=True):
            if block.tag == ALTCHUNK:
                continue  # an import inside an import: Word itself flattens these on saving
            yield block


def _convert(blob: bytes, kind: str, work: Path) -> Path:
    """The imported part converted to DOCX by LibreOffice, in `work`."""
    from muniflow.intake import convert

    binary = convert.soffice()
    if binary is None:
        raise ReaderError(
            "unsupported_format",
            f"the document's text is an imported {kind.upper()} part (altChunk) that Word converts on "
            f"opening; {_RESEND}; or, {convert.INSTALL_HINT}",
        )
    source = work / f"chunk.{kind}"
    source.write_bytes(_without_references(blob) if kind == "html" else blob)
    return convert.convert_to_docx(source, kind, work, binary)


def _checked(path: Path) -> Path:
    """The DOCX after the intake's guards (sizes, encryption, no DTD), as a clerk's file would be."""
    from muniflow.intake import guards
    from muniflow.intake.limits import default_limits

    guards.check_docx(path, default_limits())
    return path


def _without_references(blob: bytes) -> bytes:
    """An HTML part with every element and attribute that points at another resource removed,
    written back as UTF-8 (the parser read its declared charset)."""
    import lxml.html

    root = lxml.html.document_fromstring(blob, parser=lxml.html.HTMLParser(no_network=True))
    for element in list(root.iter(*_EXTERNAL_TAGS)):
        element.drop_tree()
    for element in root.iter():
        for name in _EXTERNAL_ATTRIBUTES:
            element.attrib.pop(name, None)
    head = root.find("head")
    if head is None:
        head = etree.SubElement(root, "head")
        root.insert(0, head)
    etree.SubElement(head, "meta", charset="utf-8")
    return bytes(lxml.html.tostring(root, encoding="utf-8", method="html"))
