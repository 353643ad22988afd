"""Scans and photos through OCR in the sandboxed worker: resolution check, pages, flags for review.

`read_checked` sends a picture, or a PDF whose pages are only pictures, here by raising
`needs_ocr` (with the page count, so the caller can give the worker a time limit per page). Where
Tesseract is missing the file stays quarantined as before, with a message saying how to enable OCR.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from muniflow.intake.limits import Limits
from muniflow.model import LAYER_FORMAT, Flag, RawDocument, ReaderError, Report

NEEDS_OCR = "needs_ocr"  # not a refusal: the caller re-runs the file through `read_scan`
# `reports.format` of files read by OCR; a scan pasted into a document as pictures is «<its format>_ocr»
# (docx_ocr, odt_ocr, doc_ocr…)
FORMATS = {"image": "image_ocr", "pdf": "pdf_ocr"}


def needs_ocr(path: Path, kind: str, pages: int | None = None) -> ReaderError:
    """The signal to read `path` by OCR (reason `needs_ocr`, message 'kind:pages'; `pages` where the
    caller counted them), or, where OCR cannot run, the refusal it always was."""
    from muniflow.readers import ocr

    why = ocr.missing()
    if why is not None:
        if kind in ("pdf", "pdflayer"):
            return ReaderError(
                "no_text_layer",
                "the PDF pages hold no text (scanned images, or letters drawn as outlines); send the "
                f"original .docx, or {why} so that muniflow reads scans",
            )
        if kind.startswith("docx"):
            return ReaderError(
                "no_table_found",
                f"the document's table is a scan pasted in as a picture, read only by OCR: {why}; or "
                "send the report with its table typed in",
            )
        return ReaderError("unsupported_format", f"a picture (photo or scan), read only by OCR: {why}")
    return ReaderError(NEEDS_OCR, f"{kind}:{pages or _count_pages(path, kind)}")


def pasted_scans(path: Path) -> int:
    """How many pictures of a DOCX without a table are shown as big as a pasted scan (contracts/ocr.yaml):
    its pages, when it is read by OCR."""
    from muniflow.readers import docx_pictures, ocr

    return docx_pictures.scan_count(path, ocr.settings().docx_picture_min_inches)


def _docx_pages(path: Path) -> list[Any]:
    from muniflow.readers import docx_pictures, ocr

    return docx_pictures.page_pictures(path, ocr.settings().docx_picture_min_inches)


def _count_pages(path: Path, kind: str) -> int:
    if kind == "image":
        import cv2  # here, not at import: the worker's memory limit is paid only by scans

        from muniflow.readers import heif

        return heif.heif_count(path) if heif.is_heif(path) else max(1, int(cv2.imcount(str(path))))
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with path.open("rb") as f:
        return max(1, sum(1 for _ in PDFPage.create_pages(PDFDocument(PDFParser(f)))))


def parse_signal(message: str) -> tuple[str, int]:
    kind, pages = message.split(":")
    return kind, int(pages)


def read_scan(path: Path, limits: Limits, kind: str) -> RawDocument:
    """Every page read by OCR as one report; ReaderError `low_resolution` for a too-coarse scan."""
    from muniflow.intake import guards
    from muniflow.readers import ocr

    guards.check_file_size(path.stat().st_size, limits)
    if kind == "pdflayer":  # a searchable scan its text worker had no time to read from its layer
        layer = _layer(path)
        if layer is not None:
            return layer
        kind = "pdf"
    if kind == "pdf":
        dpis, greys = _pdf_pictures(path)
        for dpi in dpis:
            if dpi is not None:
                _check_dpi(dpi)
        images = ocr.pdf_pages(path, dpis, ocr.settings().page_timeout_seconds, greys)
    elif kind.startswith("docx"):
        return _read_pasted(path, kind)
    else:
        images = ocr.image_pages(path)
    doc, confidence = ocr.to_document(str(path), FORMATS[kind], _read_pages(images, kind))
    return replace(doc, cell_confidence=confidence)


def _layer(path: Path) -> RawDocument | None:
    """A searchable scan read from its text layer on its pictures' rules with no time budget (here
    the worker's limit is per page: `stages.ocr_limits`); None where the layer is not used."""
    from muniflow.readers.pdf import PdfReader

    try:
        doc = PdfReader().read(path, budget=False)
    except ReaderError:
        return None
    return doc if doc.format == LAYER_FORMAT else None


def _read_pages(images: Iterable[Any], kind: str) -> list[Any]:
    """Each picture read by OCR as a page, a photo's or a pasted scan's resolution checked first (a
    picture's by its letters' height, scaled up where they are small: `ocr.legible`); a page with
    too few column lines takes the page before's, and a table ruled between rows only the columns
    its pages agree on (`ocr.read_pages`)."""
    from muniflow.readers import ocr

    return ocr.read_pages(_checked(image, kind) for image in images)


def _checked(image: Any, kind: str) -> Any:
    """A picture ready for OCR: a pasted scan's resolution checked, a photo's judged by its letters."""
    from muniflow.readers import ocr

    if kind.startswith("docx"):
        try:
            _check_dpi(ocr.effective_dpi(image))  # pictures placed on an A4 page at their size
        except ReaderError as err:
            # a document with no table whose pictures are screenshots or a coarse scan
            raise ReaderError(
                "no_table_found",
                f"the document holds no table, and its pictures are no scan to read one from ({err.message})",
            ) from err
    elif kind != "pdf":
        image = ocr.legible(image)  # a photo, a scan or a screenshot: judged by its letters
    return image


def _read_pasted(path: Path, kind: str) -> RawDocument:
    """A document whose report is a scan pasted in as pictures (kind «docx», or «docx+odt» for a file
    LibreOffice converts first, again here): its pictures read by OCR, with its typed title."""
    from muniflow.readers import docx_pictures, ocr

    converted = kind.partition("+")[2]
    with tempfile.TemporaryDirectory(prefix="muniflow-pasted-") as work:
        docx_path = path
        if converted:
            from muniflow.intake import convert

            binary = convert.soffice()
            if binary is None:
                raise ReaderError("no_table_found", f"{path.name}: LibreOffice is no longer available")
            docx_path = convert.convert_to_docx(path, converted, Path(work), binary)
        pages = _read_pages(_docx_pages(docx_path), kind)
        typed = docx_pictures.text(docx_path)  # the title typed above the scan, as a text reader takes it
    doc, confidence = ocr.to_document(str(path), f"{converted or 'docx'}_ocr", pages)
    doc = replace(doc, title="\n".join(t for t in (typed, doc.title) if t))
    return replace(doc, cell_confidence=confidence)


def _check_dpi(dpi: float) -> None:
    from muniflow.readers import ocr

    if dpi < ocr.settings().min_dpi * 0.95:
        raise ReaderError(
            "low_resolution",
            f"the scan is about {dpi:.0f} dpi, too coarse to read reliably (at least "
            f"{ocr.settings().min_dpi:g}); scan the report again at 200-300 dpi and send it",
        )


def _pdf_pictures(path: Path) -> tuple[list[float | None], list[bool]]:
    """Per page, from one reading of the file: the effective resolution of its largest picture (its
    pixels over its printed size; None for a page without one), and whether every picture on it is
    grey or black and white (rendered grey; a page with no picture, or a colour one, in colour)."""
    import pdfplumber

    dpis: list[float | None] = []
    greys = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            sizes = [  # the long sides, so a picture placed turned by 90 degrees measures the same
                max(img["srcsize"]) / max(float(img["width"]) / 72, float(img["height"]) / 72, 1e-6)
                for img in page.images
                if img.get("srcsize")
            ]
            dpis.append(max(sizes) if sizes else None)
            greys.append(bool(page.images) and all(_grey_picture(img) for img in page.images))
    return dpis, greys


def _pdf_image_dpis(path: Path) -> list[float | None]:
    """The effective resolution of each page's largest picture, None for a page without one."""
    return _pdf_pictures(path)[0]


_GREY_SPACES = {"DeviceGray", "CalGray", "G"}


def _pdf_grey_pages(path: Path) -> list[bool]:
    """For each page, whether every picture on it is grey or black and white (rendered grey)."""
    return _pdf_pictures(path)[1]


def _grey_picture(img: dict[str, Any]) -> bool:
    """A picture's colour space has one component (a 1-bit mask, DeviceGray, an ICC profile of N 1)."""
    from pdfminer.pdftypes import resolve1

    if img.get("bits") == 1 or img.get("imagemask"):
        return True
    spaces = img.get("colorspace") or []
    space = resolve1(spaces[0]) if spaces else None
    if isinstance(space, list) and space:  # [/ICCBased stream]
        name = getattr(resolve1(space[0]), "name", None)
        stream = resolve1(space[1]) if len(space) > 1 else None
        return name == "ICCBased" and getattr(stream, "get", lambda _k: None)("N") == 1
    return getattr(space, "name", None) in _GREY_SPACES


def lone_page(doc: RawDocument, report: Report) -> ReaderError | None:
    """A single photographed page without the report's title cannot be placed: ask to group pages."""
    if doc.format != FORMATS["image"] or (doc.pages or 1) > 1 or report.period is not None:
        return None
    return ReaderError(
        "lone_page",
        "a photo of one page without the report's title (no quarter named above the table); ingest "
        "all the photos of this report together as one: muniflow ingest --pages page1.jpg page2.jpg "
        "(or give the quarter with --period)",
    )


def ocr_flags(doc: RawDocument, report: Report, threshold: float) -> list[Flag]:
    """`ocr_review` on every row read by OCR, with its confidence; `ocr_low_confidence` on each cell
    under the threshold, naming its column (the field it was read into, else its header) and
    quoting the cell's text."""
    if not doc.cell_confidence:
        return []
    by_locator = dict(doc.cell_confidence)
    cells = {row.locator: row.cells for table in doc.tables for row in table.rows}
    columns = _column_names(doc, report)
    flags = []
    for row in report.rows:
        confs = by_locator.get(row.source_locator, ())
        known = [c for c in confs if c is not None]
        mean = sum(known) / len(known) if known else 0.0
        flags.append(
            Flag(
                row.row_index,
                "ocr_review",
                "warning",
                f"read by OCR from a scan (mean confidence {mean:.0f}%): check the row against the scan",
                value=f"{mean:.0f}",
            )
            if known or doc.format != LAYER_FORMAT
            else Flag(
                row.row_index,
                "ocr_review",
                "warning",
                "read from the scan's own text layer (the OCR of the scanner's software, its confidence "
                "unknown) on the table's rules in the picture: check the row against the scan",
            )
        )
        texts = cells.get(row.source_locator, ())
        named = columns.get(row.source_locator, {})
        for col, conf in enumerate(confs):
            if conf is not None and conf < threshold:
                field, name = named.get(col, ("", f"column {col + 1}"))
                text = texts[col] if col < len(texts) else None
                shown = " ".join((text or "").split())
                flags.append(
                    Flag(
                        row.row_index,
                        "ocr_low_confidence",
                        "warning",
                        f"OCR is unsure of the cell «{shown}» in the column «{name}» ({conf:.0f}% < "
                        f"{threshold:g}%): compare it with the scan",
                        field=field or name,
                        value=text,
                    )
                )
    return flags


def _column_names(doc: RawDocument, report: Report) -> dict[str, dict[int, tuple[str, str]]]:
    """Per row locator, each column's field and name: a column read into a field is named by the
    field's header label (its header as OCR read it may be garbled or, on a table going on, absent);
    another by its header as read, one line. The readings follow the tables' order."""
    from muniflow.rules.messages import label

    readings = list(report.reading.tables) if report.reading is not None else []
    out: dict[str, dict[int, tuple[str, str]]] = {}
    for table in doc.tables:
        k = next((i for i, r in enumerate(readings) if r.locator == table.locator), None)
        reading = readings.pop(k) if k is not None else None
        header = reading.header if reading is not None else table.header
        names = {col: ("", " ".join(h.split())) for col, h in enumerate(header) if h and h.strip()}
        for match in reading.columns if reading else ():
            names[match.index] = (match.column, label(match.column))
        for row in table.rows:
            out[row.locator] = names
    return out


def combine_pages(first: Path, limits: Limits, rest: list[str], dest: str) -> str:
    """What a worker runs for `ingest --pages`: the photos of one report's pages, in the order
    given, as one multi-page TIFF at `dest` (in colour when any page is), so they are read as one
    report."""
    import cv2

    from muniflow.intake import guards, sniff
    from muniflow.readers import ocr

    images: list[Any] = []
    for page in [first, *map(Path, rest)]:
        guards.check_file_size(page.stat().st_size, limits)
        if sniff.sniff(sniff.read_head(page)) != sniff.IMAGE:
            raise ReaderError(
                "unsupported_format", f"{page.name} is not a picture: --pages takes photos or scans"
            )
        images.extend(ocr.image_pages(page))
    if any(i.ndim == 3 for i in images):  # colour kept (it tells stamp ink from text): all pages BGR
        images = [i if i.ndim == 3 else cv2.cvtColor(i, cv2.COLOR_GRAY2BGR) for i in images]
    if not images or not cv2.imwritemulti(dest, images):
        raise ReaderError("corrupt_file", "the pictures could not be decoded; take or save them again")
    return dest
