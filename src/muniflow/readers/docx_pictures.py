"""A DOCX whose report is a scan pasted in as pictures: the pictures, in document order, for OCR.

Offices often scan the signed report and paste the scan into a Word document: the file has a
title or a covering paragraph as text, or nothing, and its table only as a picture. The text
reader finds no table there. The pictures shown at least `docx_picture_min_inches` wide or high
(contracts/ocr.yaml) are then read by OCR as the report's pages; logos, stamps and signatures are
smaller and left out, and so is a picture OpenCV cannot decode (a drawing in EMF or WMF: no scan).

A picture shaped like a page (A4, either way round) is read as the page it is. Any other (a scan
cropped to its table) is laid on a white A4 sheet at its resolution, so that it is read at its
true resolution as a whole page is (OCR's sizes are per 100 dpi of an A4 page): the resolution
the scanner wrote in the picture, else its pixels over the size it is shown at.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import cv2
import docx
import numpy as np
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from PIL import Image

from muniflow.readers.docxpackage import readable

_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
_INLINE_OR_ANCHOR = (
    "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline",
    "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor",
)
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
EMU_PER_INCH = 914_400
A4_INCHES = (8.27, 11.69)
# A picture whose sides' ratio is this near A4's (relative) is a whole page.
A4_TOLERANCE = 0.06
# Picture formats OpenCV decodes (Pillow's names): a GIF or a drawing (EMF, WMF) is no scan.
DECODED = frozenset(["JPEG", "PNG", "TIFF", "BMP", "WEBP", "JPEG2000"])
# A picture of more pixels is no page scan (an A4 page at 600 dpi has 35 million): not decoded.
MAX_PIXELS = 60_000_000
# Resolutions a scanner writes (dpi); outside them the picture's own figure is no scan's (72, 96
# are screen defaults written by editors).
SCAN_DPI = (100, 1200)


@dataclass(frozen=True)
class _Shown:
    """A picture's bytes and the size it is shown at on the page (inches; None where not given)."""

    blob: bytes
    inches: tuple[float, float] | None  # (width, height)


def _document(path: Path) -> docx.document.Document:
    return docx.Document(readable(path) or str(path))


def _shown_size(blip: object) -> tuple[float, float] | None:
    """The size a DrawingML picture is shown at: its drawing's extent, in inches."""
    node = getattr(blip, "getparent", lambda: None)()
    while node is not None and node.tag not in _INLINE_OR_ANCHOR:
        node = node.getparent()
    extent = node.find(_EXTENT) if node is not None else None
    if extent is None:
        return None
    width, height = (int(extent.get(a, "0")) / EMU_PER_INCH for a in ("cx", "cy"))
    return (width, height) if width > 0 and height > 0 else None


def _pictures(document: docx.document.Document) -> list[_Shown]:
    """Every picture the body shows, in document order, each part once."""
    part = document.part
    seen: set[str] = set()
    found: list[_Shown] = []
    for element in document.element.body.iter(_BLIP, _VML_IMAGE):
        rid = element.get(f"{_R}embed") or element.get(f"{_R}id")
        rel = part.rels.get(rid) if rid else None
        if rel is None or rel.is_external or rel.reltype != RT.IMAGE or rel.target_ref in seen:
            continue
        seen.add(rel.target_ref)
        found.append(_Shown(rel.target_part.blob, _shown_size(element) if element.tag == _BLIP else None))
    return found


def _scans(path: Path, min_inches: float) -> list[_Shown]:
    """The pictures shown at least `min_inches` wide or high (a VML one, whose size is in a style
    string, counts), whose header a picture library reads and whose pixels stay under
    MAX_PIXELS: what is decoded as pages (a damaged or enormous picture is no page)."""
    found = []
    for shown in _pictures(_document(path)):
        if shown.inches is not None and max(shown.inches) < min_inches:
            continue
        try:
            picture = Image.open(io.BytesIO(shown.blob))  # the header only, not the pixels
        except (OSError, ValueError, Image.DecompressionBombError):
            continue
        if picture.format in DECODED and picture.size[0] * picture.size[1] <= MAX_PIXELS:
            found.append(shown)
    return found


def scan_count(path: Path, min_inches: float) -> int:
    """How many pictures of the document would be read as pages, without decoding them."""
    return len(_scans(path, min_inches))


def page_pictures(path: Path, min_inches: float) -> list[np.ndarray]:
    """The pictures of the document shown at least `min_inches` wide or high (a pasted scan, not a
    logo), each on an A4 sheet at its own resolution, in colour or grey as stored, in order."""
    pages = []
    for shown in _scans(path, min_inches):
        picture = cv2.imdecode(np.frombuffer(shown.blob, np.uint8), cv2.IMREAD_ANYCOLOR)
        if picture is None:
            continue
        if shown.inches is None:  # a VML picture: taken as a page
            pages.append(picture)
        else:
            rows, cols = picture.shape[:2]
            if abs(max(rows, cols) / min(rows, cols) / (A4_INCHES[1] / A4_INCHES[0]) - 1) <= A4_TOLERANCE:
                pages.append(picture)  # a whole page: read as a scan of one
            else:
                pages.append(on_a4(picture, _written_dpi(shown.blob) or cols / shown.inches[0]))
    return pages


def _written_dpi(blob: bytes) -> float | None:
    """The resolution the scanner wrote in the picture (JPEG's JFIF or EXIF, PNG's pHYs), if a scan's."""
    try:
        dpi = Image.open(io.BytesIO(blob)).info.get("dpi")
    except (OSError, ValueError):
        return None
    value = float(dpi[0]) if dpi else 0.0
    return value if SCAN_DPI[0] <= value <= SCAN_DPI[1] else None


def on_a4(picture: np.ndarray, dpi: float) -> np.ndarray:
    """The picture on a white A4 sheet (portrait, or landscape for a wide picture) at `dpi`,
    centred across and a little below the top; a picture bigger than the sheet is the page."""
    rows, cols = picture.shape[:2]
    short, long = (round(side * dpi) for side in A4_INCHES)
    height, width = (short, long) if cols > rows else (long, short)
    if rows > height or cols > width:
        return picture
    sheet = np.full((height, width, *picture.shape[2:]), 255, picture.dtype)
    top, left = min(round(0.5 * dpi), height - rows), (width - cols) // 2
    sheet[top : top + rows, left : left + cols] = picture
    return sheet


def text(path: Path) -> str:
    """The document's own paragraphs (a title typed above the pasted scan), one a line."""
    return "\n".join(p.text for p in _document(path).paragraphs if p.text.strip())
