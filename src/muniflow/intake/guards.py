"""Checks a file must pass before a parser sees it: sizes, zip bombs, DTDs, macros, encryption (a
PDF's, and whether its pages are scans or outlines: `intake.pdf_guards`).

Each check raises ReaderError(reason, message) with a stable reason code and a message saying what
to do. They read only bounded amounts: declared zip sizes are checked before any part is inflated.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO
from urllib.parse import unquote

from lxml import etree

from muniflow.intake.limits import MB, Limits
from muniflow.model import ReaderError

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PACKAGE_RELS = "_rels/.rels"
_MAIN_RELATIONSHIPS = (  # Transitional and Strict
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
_CHUNK = 1 << 16
_RESEND = "save the report as .docx in Word and send it again"
# A DTD is how entity bombs and external entities get in; an OOXML part never needs one. Searched in
# every encoding an XML parser would auto-detect, case-insensitively.
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!doctype", "<!entity")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_OTHER_PACKAGES = {
    "xl/workbook.xml": "an Excel workbook",
    "ppt/presentation.xml": "a PowerPoint presentation",
    "content.xml": "an OpenDocument file",
}


def check_file_size(size: int, limits: Limits) -> None:
    """Refuse an empty file and one over the size limit."""
    if size == 0:
        raise ReaderError(
            "empty_file", "the file is empty (0 bytes): the upload or copy failed; send it again"
        )
    if size > limits.max_file_mb * MB:
        raise ReaderError(
            "too_large",
            f"the file is {size / MB:.1f} MB, over the {limits.max_file_mb:g} MB limit; "
            "remove pictures or split the report and send it again",
        )


# ---------------------------------------------------------------- DOCX (a zip package)


@dataclass(frozen=True)
class Package:
    """An OOXML package kind muniflow reads: its main part's content type and what to tell a clerk."""

    name: str  # "DOCX"
    document: str  # "a Word document"
    main_type: str  # the main part's content type
    default_main: str  # the main part's name where the package relationships name none
    resend: str
    macro_kind: str  # the extension of its macro-enabled kind
    save_plain: str  # how to save a macro-free copy


WORD = Package(
    "DOCX",
    "a Word document",
    DOCX_MAIN,
    "word/document.xml",
    _RESEND,
    ".docm",
    "in Word use File > Save As > Word Document (.docx), which drops the macros, and send that",
)
EXCEL = Package(
    "Excel workbook",
    "an Excel workbook",
    XLSX_MAIN,
    "xl/workbook.xml",
    "save the report as .xlsx in Excel (or as .docx in Word) and send it again",
    ".xlsm",
    "in Excel use File > Save As > Excel Workbook (.xlsx), which drops the macros, and send that",
)


def check_docx(path: Path, limits: Limits) -> None:
    """Refuse a zip that is not a plain DOCX, or that would cost too much or smuggle a DTD into a parser."""
    check_package(path, limits, WORD)


def check_package(path: Path, limits: Limits, package: Package) -> None:
    """Refuse a zip that is not a plain package of its kind (a DOCX, an .xlsx), or that would cost too
    much or smuggle a DTD into a parser."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            check_zip_sizes(infos, limits)
            names = {info.filename for info in infos}
            main = _main_part(zf, names, package.default_main) if "[Content_Types].xml" in names else None
            if main is None:
                raise ReaderError(
                    "unsupported_format", f"{_package_kind(names)}, not a DOCX report; {_RESEND}"
                )
            if any(info.flag_bits & 0x1 for info in infos):
                raise ReaderError(
                    "encrypted", "the zip is password-protected; send the report without a password"
                )
            content_types = _content_types(zf)
            _check_main_part(names, content_types, main, package)
            for info in infos:
                if _parsed_as_xml(info.filename, content_types):
                    _check_no_dtd(zf, info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise ReaderError(
            "corrupt_file",
            f"the {package.name} is damaged ({exc}); open it in the program that made it, save it again "
            "and re-send",
        ) from exc


def is_workbook(path: Path) -> bool:
    """True for a zip whose main part is an Excel workbook's (.xlsx, or a macro-enabled .xlsm)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "[Content_Types].xml" not in names:
                return False
            main = _main_part(zf, names, EXCEL.default_main)
            kind = _content_type(main, _content_types(zf)) if main else ""
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        return False
    return kind in (XLSX_MAIN, XLSM_MAIN)


def check_zip(path: Path, limits: Limits, xml_parts: bool = False) -> None:
    """Refuse a zip package (e.g. an OpenDocument file) that would cost too much or is encrypted;
    with `xml_parts` (a package muniflow parses itself), one whose XML parts declare a DTD."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            check_zip_sizes(infos, limits)
            if any(info.flag_bits & 0x1 for info in infos):
                raise ReaderError(
                    "encrypted", "the zip is password-protected; send the report without a password"
                )
            for info in infos if xml_parts else ():
                if info.filename.lower().endswith((".xml", ".rdf")):
                    _check_no_dtd(zf, info)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReaderError(
            "corrupt_file", f"the zip package is damaged ({exc}); save it again and re-send"
        ) from exc


def check_zip_sizes(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse a zip bomb from the sizes its directory declares (zipfile never inflates past them)."""
    if len(infos) > limits.max_zip_entries:
        raise ReaderError(
            "too_large", f"the zip holds {len(infos)} parts, over the limit of {limits.max_zip_entries}"
        )
    total = 0
    for info in infos:
        if info.file_size > limits.max_part_mb * MB:
            raise ReaderError(
                "too_large",
                f"part {info.filename} inflates to {info.file_size / MB:.0f} MB, "
                f"over {limits.max_part_mb:g} MB (a decompression bomb or an oversized picture)",
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= limits.ratio_min_part_mb * MB and ratio > limits.max_compression_ratio:
            raise ReaderError(
                "too_large",
                f"part {info.filename} inflates {ratio:.0f}-fold, over {limits.max_compression_ratio:g} "
                "(a decompression bomb)",
            )
        total += info.file_size
    if total > limits.max_total_mb * MB:
        raise ReaderError(
            "too_large", f"the zip inflates to {total / MB:.0f} MB, over {limits.max_total_mb:g} MB"
        )


def _main_part(zf: zipfile.ZipFile, names: set[str], default: str = WORD.default_main) -> str | None:
    """The main document part's name: where the package relationships point (Word Online writes
    `word/document2.xml`), else `default` (`word/document.xml`); None when the package holds neither."""
    if _PACKAGE_RELS in names:
        _check_no_dtd(zf, zf.getinfo(_PACKAGE_RELS))
        try:
            root = etree.fromstring(zf.read(_PACKAGE_RELS), _SAFE_XML)
        except etree.XMLSyntaxError:
            root = None
        for rel in root if root is not None else ():
            if rel.get("Type") in _MAIN_RELATIONSHIPS and rel.get("TargetMode") != "External":
                target = PurePosixPath(unquote(rel.get("Target", "")).lstrip("/")).as_posix()
                if target in names:
                    return target
    return default if default in names else None


def _package_kind(names: set[str]) -> str:
    for part, kind in _OTHER_PACKAGES.items():
        if part in names:
            return kind
    return "a zip archive"


def _content_types(zf: zipfile.ZipFile) -> dict[str, str]:
    """Content type by part name ('/word/document.xml') and by extension ('xml'), from [Content_Types].xml."""
    info = zf.getinfo("[Content_Types].xml")
    _check_no_dtd(zf, info)
    try:
        root = etree.fromstring(zf.read(info), _SAFE_XML)
    except etree.XMLSyntaxError as exc:
        raise ReaderError(
            "corrupt_file", f"the DOCX's [Content_Types].xml is damaged ({exc}); {_RESEND}"
        ) from exc
    types = {}
    for element in root:
        if element.tag == f"{_CT_NS}Default":
            types[element.get("Extension", "").lower()] = element.get("ContentType", "")
        elif element.tag == f"{_CT_NS}Override":
            types[element.get("PartName", "")] = element.get("ContentType", "")
    return types


def _content_type(name: str, content_types: dict[str, str]) -> str:
    return content_types.get(f"/{name}") or content_types.get(PurePosixPath(name).suffix[1:].lower(), "")


def _check_main_part(
    names: set[str], content_types: dict[str, str], part: str, package: Package = WORD
) -> None:
    """Refuse macro-enabled documents and templates; the main part must be a plain document of its kind."""
    macro = any("macroenabled" in ct.lower() or "vbaproject" in ct.lower() for ct in content_types.values())
    if macro or any(PurePosixPath(n).name.lower() == "vbaproject.bin" for n in names):
        raise ReaderError(
            "macro_enabled", f"the document holds macros ({package.macro_kind}); {package.save_plain}"
        )
    main = _content_type(part, content_types)
    if main == DOTX_MAIN:
        raise ReaderError("unsupported_format", f"a Word template (.dotx), not a document; {_RESEND}")
    if main != package.main_type:
        raise ReaderError(
            "unsupported_format",
            f"the main part is {main or 'untyped'}, not {package.document}; {package.resend}",
        )


def _parsed_as_xml(name: str, content_types: dict[str, str]) -> bool:
    """True for a part python-docx may parse as XML: by name, or typed as XML (pictures excepted)."""
    ct = _content_type(name, content_types)
    by_name = name.lower().endswith((".xml", ".rels"))
    return by_name or (ct.endswith("xml") and not ct.startswith("image/"))


def _check_no_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a part declaring a DTD (entity bombs, external entities), read in bounded chunks."""
    with zf.open(info) as part:
        if _has_dtd(part):
            raise ReaderError(
                "dtd_forbidden",
                f"part {info.filename} declares a DTD (<!DOCTYPE>/<!ENTITY>), which Word never writes; "
                f"the file was made or altered by another program — {_RESEND}",
            )


def check_xml_document(path: Path) -> None:
    """Refuse a flat XML document (Word 2003 XML) declaring a DTD, before any parser sees it."""
    with path.open("rb") as stream:
        if _has_dtd(stream):
            raise ReaderError(
                "dtd_forbidden",
                f"the XML document declares a DTD (<!DOCTYPE>/<!ENTITY>), which Word never writes; {_RESEND}",
            )


def _has_dtd(stream: IO[bytes]) -> bool:
    """Search a byte stream for a DTD marker, carrying a tail over chunk borders."""
    overlap = max(len(m) for m in _DTD_MARKERS) - 1
    tail = b""
    for chunk in iter(lambda: stream.read(_CHUNK), b""):
        window = tail + chunk
        # every marker starts with '<', NULs, '!' in any encoding: a cheap test first, case-folding after
        if b"<!" in window or b"<\0" in window:
            folded = window.lower()
            if any(marker in folded for marker in _DTD_MARKERS):
                return True
        tail = window[-overlap:]
    return False


# ---------------------------------------------------------------- OLE2 (legacy Word, encrypted OOXML)

# An OLE2 directory entry is 128 bytes aligned to 128 and starts with its UTF-16LE name, NUL-ended.
_ENCRYPTION_STREAMS = tuple(
    re.compile(re.escape(name.encode("utf-16-le") + b"\0\0"))
    for name in ("EncryptionInfo", "EncryptedPackage")
)


# The stream an Excel 97-2003 workbook keeps its sheets in (BIFF8 «Workbook», BIFF5 «Book»).
_WORKBOOK_STREAMS = tuple(
    re.compile(re.escape(name.encode("utf-16-le") + b"\0\0")) for name in ("Workbook", "Book")
)


def is_ole2_workbook(data: bytes) -> bool:
    """True for an OLE2 container holding an Excel 97-2003 workbook (.xls), not encrypted."""
    return ole2_error(data).reason != "encrypted" and _has_entry(data, _WORKBOOK_STREAMS)


def _has_entry(data: bytes, names: tuple[re.Pattern[bytes], ...]) -> bool:
    """Whether the OLE2 directory holds an entry of one of these names (entries are 128-byte aligned)."""
    return any(m.start() % 128 == 0 for pattern in names for m in pattern.finditer(data))


def ole2_error(data: bytes) -> ReaderError:
    """Why an OLE2 container is refused: an encrypted DOCX (Office keeps those in OLE2) or a legacy .doc."""
    if _has_entry(data, _ENCRYPTION_STREAMS):
        return ReaderError(
            "encrypted",
            "the document is password-protected; in Word (or Excel) remove the password "
            "(File > Info > Protect Document > Encrypt with Password, clear it), save and send it again",
        )
    return ReaderError(
        "legacy_doc",
        "a legacy Word 97-2003 file (.doc or similar); open it in Word, save it as .docx "
        "(File > Save As > Word Document) and send it again",
    )
