"""What a file is, from its first bytes and never its name: a PDF, a zip (maybe DOCX), an OLE2 container, RTF,
an HTML page (document systems write reports as HTML named .doc; Word saves a web page so), an image,
Word's flat XML package.

Anything else is refused here with a message saying what the file looks like and what to send instead.
"""

from __future__ import annotations

from pathlib import Path

from muniflow.model import ReaderError

PDF = "pdf"
ZIP = "zip"
OLE2 = "ole2"
RTF = "rtf"
IMAGE = "image"  # JPEG, PNG, TIFF, WebP, BMP, HEIC: a photo or a scan, read by OCR
HTML = "html"  # converted by LibreOffice, like RTF
MHT = "mht"  # a web archive: its HTML page converted (intake/webarchive.py)
WORD_XML = "wordxml"  # Word 2003 XML («Word XML Document» of Word 2003): converted by LibreOffice
FLAT_OPC = "flat_opc"  # «Word XML Document» of Word 2007 on: a DOCX package as one XML file
FLAT_OPC_MARK = b"http://schemas.microsoft.com/office/2006/xmlPackage"
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")

HEAD_BYTES = 1024  # a PDF header may sit anywhere in the first kilobyte (readers tolerate junk before it)
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_RESEND = "save the report as .docx (Word: File > Save As > Word Document) or as a text PDF and send it again"


def read_head(path: Path) -> bytes:
    """The first bytes of a file, opened read-only."""
    with path.open("rb") as f:
        return f.read(HEAD_BYTES)


def sniff(head: bytes) -> str:
    """The kind (PDF, ZIP, OLE2, RTF, HTML, a web archive, Word 2003 XML, Word's flat XML package
    or an image) of a file starting with `head`; ReaderError for any other."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return ZIP
    if head.startswith(OLE2_MAGIC):
        return OLE2
    if head.startswith(_IMAGE_MAGIC) or _is_webp(head) or _is_bmp(head):
        return IMAGE
    if b"%PDF-" in head:
        return PDF
    if _strip_bom(head).lstrip().startswith(b"{\\rtf"):
        return RTF
    if _strip_bom(head).lstrip().startswith(b"<?xml") and FLAT_OPC_MARK in head:
        return FLAT_OPC
    if _is_html(head):
        return HTML
    if _is_web_archive(head):
        return MHT
    if _strip_bom(head).lstrip().startswith(b"<?xml") and b"<w:worddocument" in head.lower():
        return WORD_XML
    if is_heif_head(head):
        return IMAGE  # an iPhone's photo, decoded by readers/heif.py
    if head[4:8] == b"ftyp" and head[8:12] == b"avif":
        raise ReaderError(
            "unsupported_format",
            "an AVIF picture, which cannot be decoded here; send the photo as JPEG, or the report as .docx",
        )
    raise ReaderError("unsupported_format", f"{_describe(head)}, not a DOCX or PDF report; {_RESEND}")


def _is_webp(head: bytes) -> bool:
    """A WebP picture (what messengers and browsers save): a RIFF container of the WEBP form."""
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _is_bmp(head: bytes) -> bool:
    """A Windows bitmap: «BM», then its size, two reserved zero words, a pixel offset past its headers."""
    return head[:2] == b"BM" and len(head) >= 14 and head[6:10] == bytes(4)


# The brands of an ISO media file that hold a HEIF/HEIC picture (an iPhone's camera format).
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1")


def is_heif_head(head: bytes) -> bool:
    """Whether a file starting with `head` is a HEIF/HEIC picture (its `ftyp` box's major brand)."""
    return head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS


def _is_web_archive(head: bytes) -> bool:
    """A MIME message of related parts: a web archive (.mht) as Word and browsers save one."""
    text = _strip_bom(head).lstrip().lower()
    first = text.split(b"\n", 1)[0]
    header_line = b":" in first and first.split(b":", 1)[0].replace(b"-", b"").isalpha()
    return header_line and b"mime-version:" in text and b"multipart/related" in text


def _is_html(head: bytes) -> bool:
    """An HTML page: it opens with its doctype or <html> (after any BOM, comments or an XML declaration)."""
    text = _strip_bom(head).lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html")):
        return True
    return text.startswith((b"<!--", b"<?xml")) and b"<html" in text and b"<w:worddocument" not in text


def _describe(head: bytes) -> str:
    """A person's name for a file that is neither DOCX nor PDF."""
    text = _strip_bom(head).lstrip().lower()
    if text.startswith(b"{\\rtf"):
        return "an RTF document"
    if text.startswith(b"<") and (b"<html" in text or b"<!doctype html" in text):
        return "an HTML page (e.g. saved from a browser or a mail program)"
    if text.startswith(b"<?xml"):
        return "an XML file (e.g. Word 2003 XML)"
    if text.startswith(b"mime-version:"):
        return "a web archive (.mht)"
    if _looks_like_text(head):
        return "a plain-text file"
    return "a file of unknown type"


def _strip_bom(head: bytes) -> bytes:
    for bom in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :]
    return head


def _looks_like_text(head: bytes) -> bool:
    """True when the bytes decode as UTF-8, UTF-16 (with BOM) or a single-byte code page without NULs."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # the head may end inside a multi-byte character
        if exc.start < len(head) - 3:
            return all(b >= 0x20 or b in b"\t\r\n\f" for b in head)
    return True
