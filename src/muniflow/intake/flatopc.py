"""Word's «Word XML Document» (.xml, Flat OPC): a DOCX package written as one XML file, read as DOCX.

Each part of the package is a `pkg:part` (its name, its content type, its XML or its bytes in
base64); the parts are written into a zip with the `[Content_Types].xml` they declare, which then
goes through the DOCX guards and reader like any DOCX. The file itself is refused with a DTD, as
every XML part of a DOCX is, before it is parsed.
"""

from __future__ import annotations

import base64
import binascii
import posixpath
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lxml import etree

from muniflow.intake import guards
from muniflow.intake.limits import MB, Limits
from muniflow.model import RawDocument, ReaderError

PKG = "http://schemas.microsoft.com/office/2006/xmlPackage"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_RESEND = "save the report as .docx in Word (File > Save As > Word Document) and send it again"


def read_flat(path: Path, limits: Limits, read_docx: Callable[[Path], RawDocument]) -> RawDocument:
    """Rebuild the package as a DOCX in a temporary folder and read it with `read_docx`; the
    document keeps the file's own name."""
    with tempfile.TemporaryDirectory(prefix="muniflow-flat-") as work:
        docx_path = Path(work) / "package.docx"
        to_docx(path, docx_path, limits)
        try:
            doc = read_docx(docx_path)
        except ReaderError as err:  # name the clerk's file, not the temporary one
            raise ReaderError(err.reason, err.message.replace(docx_path.name, path.name), err.text) from err
    return replace(doc, source_file=str(path))


def to_docx(path: Path, dest: Path, limits: Limits) -> None:
    """Write the Flat OPC file at `path` as a DOCX package at `dest`.

    Raises:
        ReaderError: `dtd_forbidden`, `corrupt_file` (not well-formed, bad base64, a part named
            outside the package), `unsupported_format` (no Flat OPC package), `too_large`.
    """
    guards.check_xml_document(path)  # no DTD reaches the parser
    try:
        root = etree.parse(str(path), _SAFE_XML).getroot()
    except etree.XMLSyntaxError as exc:
        raise ReaderError("corrupt_file", f"the XML file is damaged ({exc}); {_RESEND}") from exc
    if root.tag != f"{{{PKG}}}package":
        raise ReaderError("unsupported_format", f"an XML file that is no Word XML document; {_RESEND}")
    types: dict[str, str] = {}
    total = 0
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for part in root.iter(f"{{{PKG}}}part"):
            name = _part_name(part.get(f"{{{PKG}}}name", ""))
            blob = _part_bytes(part, name)
            total += len(blob)
            if total > limits.max_total_mb * MB:
                raise ReaderError("too_large", f"the package holds over {limits.max_total_mb:g} MB")
            zf.writestr(name, blob)
            types[name] = part.get(f"{{{PKG}}}contentType", "")
        zf.writestr("[Content_Types].xml", _content_types(types))


def _part_name(raw: str) -> str:
    """A part's name inside the zip ('/word/document.xml' -> 'word/document.xml'); one that would
    leave the package or overwrite the content types is a damaged file."""
    name = posixpath.normpath("/" + raw).lstrip("/")
    if not raw.startswith("/") or not name or name.startswith("..") or name == "[Content_Types].xml":
        raise ReaderError("corrupt_file", f"the XML file names a part {raw!r} outside the package; {_RESEND}")
    return name


def _part_bytes(part: etree._Element, name: str) -> bytes:
    """A part's content: its XML (serialized with the namespaces in scope) or its base64 bytes."""
    xml = part.find(f"{{{PKG}}}xmlData")
    if xml is not None and len(xml):
        return bytes(etree.tostring(xml[0], xml_declaration=True, encoding="UTF-8", standalone=True))
    data = part.find(f"{{{PKG}}}binaryData")
    try:
        return base64.b64decode("".join((data.text or "").split()) if data is not None else "", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ReaderError(
            "corrupt_file", f"part {name} of the XML file is damaged ({exc}); {_RESEND}"
        ) from exc


def _content_types(types: dict[str, str]) -> bytes:
    """The `[Content_Types].xml` of the parts: one Override per part."""
    ns = "http://schemas.openxmlformats.org/package/2006/content-types"
    overrides = "".join(
        f"<Override PartName={quoteattr('/' + name)} ContentType={quoteattr(ctype)}/>"
        for name, ctype in types.items()
    )
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f'{head}<Types xmlns="{ns}">{overrides}</Types>'.encode()
