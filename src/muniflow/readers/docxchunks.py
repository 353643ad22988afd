"""A DOCX whose body imports another document (w:altChunk): what Word shows in its place.

Document systems and web exports write the report as an HTML (or MHT, RTF, text) part that Word
converts as it opens the file; python-docx sees only the w:altChunk pointing at it, an empty body.
LibreOffice does not render such an import when it converts the whole file either, so the imported
parts are converted to DOCX apart from it, all in one soffice run (the LibreOffice conversion the
intake has for .doc and .rtf), and their paragraphs and tables take the altChunks' places. An
imported DOCX is opened directly. Each goes through the same guards as a DOCX a clerk sends (zip
sizes, no DTD in any XML part). An imported web archive (MHT) gives its HTML page.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
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
    "message/rfc822": "mht",
    "multipart/related": "mht",
    "application/x-mimearchive": "mht",
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


def imported_blocks(
    document: Any, chunks: list[etree._Element], open_docx: Opener
) -> list[list[etree._Element]]:
    """The body blocks (w:p, w:tbl) of the part each w:altChunk of `chunks` imports, in order; the
    parts LibreOffice converts go through one soffice run together.

    Raises:
        ReaderError: a part is of a kind Word imports but muniflow cannot convert, or LibreOffice
            is missing or failed (`unsupported_format`, with what to do).
    """
    with tempfile.TemporaryDirectory(prefix="muniflow-chunk-") as work_dir:
        work = Path(work_dir)
        files: list[Path | None] = []  # the DOCX to open for each chunk (None: nothing to show)
        to_convert: dict[int, tuple[Path, str]] = {}  # chunk -> (file for LibreOffice, its format)
        for k, chunk in enumerate(chunks):
            rel = document.part.rels.get(chunk.get(_R_ID, ""))
            if rel is None or rel.is_external:
                files.append(None)  # Word shows nothing for a chunk it cannot find
                continue
            part = rel.target_part
            content_type = part.content_type.split(";")[0].strip().lower()
            if content_type.startswith(_WORD):
                docx_path = work / f"chunk{k}.docx"
                docx_path.write_bytes(part.blob)
                files.append(docx_path)
            elif content_type in _CONVERTED:
                files.append(None)
                to_convert[k] = (
                    _for_libreoffice(part.blob, _CONVERTED[content_type], work / f"chunk{k}"),
                    _CONVERTED[content_type],
                )
            else:
                raise ReaderError(
                    "unsupported_format",
                    f"the document imports a part of type {content_type or 'unknown'} (altChunk) that "
                    f"muniflow cannot read; {_RESEND}",
                )
        if to_convert:
            sources, kinds = zip(*to_convert.values(), strict=True)
            for k, converted in zip(to_convert, _convert(list(sources), work, list(kinds)), strict=True):
                files[k] = converted
        return [_body(open_docx(_checked(path))) if path is not None else [] for path in files]


def _for_libreoffice(blob: bytes, kind: str, stem: Path) -> Path:
    """The file LibreOffice converts for an imported part: a web archive's page, an HTML page
    without its links to other files, any other part as it is."""
    if kind == "mht":  # LibreOffice converts the archive's page, not the archive
        from muniflow.intake.webarchive import archived_page

        archive = stem.with_suffix(".mht")
        archive.write_bytes(blob)
        blob, kind = archived_page(archive), "html"
    source = stem.with_suffix(f".{kind}")
    source.write_bytes(_without_references(blob) if kind == "html" else blob)
    return source


def _body(inner: Any) -> list[etree._Element]:
    """An imported document's body blocks; an import inside it is left out (Word flattens such
    imports when it saves)."""
    from muniflow.readers.docxgrid import blocks_of

    return [b for b in blocks_of(inner.element.body, frames=True, boxes=True) if b.tag != ALTCHUNK]


def _convert(sources: list[Path], work: Path, kinds: list[str]) -> list[Path]:
    """The imported parts (files in `work`) converted to DOCX by LibreOffice, in one run."""
    from muniflow.intake import convert

    binary = convert.soffice()
    if binary is None:
        kind = kinds[0]
        raise ReaderError(
            "unsupported_format",
            f"the document's text is an imported {kind.upper()} part (altChunk) that Word converts on "
            f"opening; {_RESEND}; or, {convert.INSTALL_HINT}",
        )
    return convert.convert_all_to_docx(sources, work, binary, formats=kinds)


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
