"""Checks a PDF must pass before its reader sees it (a password, its page count, pages of scanned
images only), and what its pages are when the reader finds no table: scans, letters drawn as
outlines. Each reads only bounded amounts: at most `Limits.max_pages` pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from muniflow.intake.limits import Limits
from muniflow.model import ReaderError


def check_pdf(path: Path, limits: Limits) -> None:
    """Refuse a PDF that needs a password, has too many pages or is only scanned images."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSException

    with path.open("rb") as f:
        try:
            document = PDFDocument(PDFParser(f), password="")
            declared = resolve1(resolve1(document.catalog.get("Pages")) or {}).get("Count")
            if isinstance(declared, int) and declared > limits.max_pages:
                raise _too_many_pages(declared, limits)
            pages = list(islice(PDFPage.create_pages(document), limits.max_pages + 1))
            if len(pages) > limits.max_pages:
                raise _too_many_pages(len(pages), limits)
            if pages and all(_image_only(page.resources) for page in pages):
                raise no_text_layer()
        except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
            raise ReaderError(
                "encrypted",
                "the PDF needs a password to open; export it again without a password "
                "(a permissions-only password is fine) and send it",
            ) from exc
        except (PSException, RecursionError, ValueError, KeyError, TypeError, AttributeError) as exc:
            # RecursionError: pdfminer follows a trailer's /Prev chain recursively, so a loop never ends
            raise ReaderError(
                "corrupt_file",
                f"the PDF is damaged ({type(exc).__name__}: {exc}); export it again and re-send",
            ) from exc


def _too_many_pages(count: int, limits: Limits) -> ReaderError:
    return ReaderError(
        "too_many_pages",
        f"the PDF has {count} pages, over the limit of {limits.max_pages}; send only the report itself",
    )


def no_text_layer() -> ReaderError:
    """The error for a PDF whose pages hold no text (a scan, or text drawn as outlines)."""
    return ReaderError(
        "no_text_layer",
        "the PDF pages hold no text (scanned images, or letters drawn as outlines); send the original .docx, "
        "or a PDF exported from Word (File > Save As > PDF), not a scan",
    )


def _image_only(resources: Any) -> bool:
    """True for a page that paints images and has no font: a scanned page."""
    from pdfminer.pdftypes import resolve1

    resources = resolve1(resources) or {}
    if not isinstance(resources, dict) or resolve1(resources.get("Font")):
        return False
    xobjects = resolve1(resources.get("XObject")) or {}
    subtypes = [_subtype(resolve1(x)) for x in xobjects.values()] if isinstance(xobjects, dict) else []
    return bool(subtypes) and all(s == "Image" for s in subtypes)


def _textless(resources: Any, depth: int = 0) -> bool:
    """True for a page that can show no text: no font in its resources nor in a form it draws (a
    scan's pictures, or text drawn as outlines by a converter); only OCR reads it."""
    from pdfminer.pdftypes import resolve1

    resources = resolve1(resources) or {}
    if not isinstance(resources, dict) or resolve1(resources.get("Font")):
        return False
    xobjects = resolve1(resources.get("XObject")) or {}
    forms = [resolve1(x) for x in xobjects.values()] if isinstance(xobjects, dict) else []
    forms = [x for x in forms if _subtype(x) == "Form"]
    if forms and depth >= _FORM_DEPTH:
        return False
    return all(_textless(getattr(x, "attrs", {}).get("Resources"), depth + 1) for x in forms)


# Forms drawing forms are looked into this deep for a font.
_FORM_DEPTH = 4


def _subtype(xobject: Any) -> str:
    attrs = getattr(xobject, "attrs", {})
    name = attrs.get("Subtype")
    return getattr(name, "name", str(name))


def pdf_has_scanned_page(path: Path, limits: Limits, image_share: float) -> bool:
    """True when some page is a scan, asked after a reader found no table: a page of pictures
    only, or one that a single picture covers at least `image_share` of (a scan saved with the
    scanner's text layer: text, but no table drawn, the ruling is in the picture)."""
    if pdf_has_image_only_page(path, limits):
        return True
    import pdfplumber

    from muniflow.readers.pdfscanpage import picture_share

    with pdfplumber.open(path) as pdf:
        return any(picture_share(page) >= image_share for page in pdf.pages[: limits.max_pages])


def pdf_without_text(path: Path, limits: Limits) -> bool:
    """True when no page can show text (letters drawn as outlines, or pictures): asked after a
    reader found no table, to send the file to OCR."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with path.open("rb") as f:
        pages = list(islice(PDFPage.create_pages(PDFDocument(PDFParser(f))), limits.max_pages))
        return bool(pages) and all(_textless(page.resources) for page in pages)


def pdf_has_outlined_page(path: Path, limits: Limits, min_shapes: int) -> bool:
    """True when a PDF whose other pages hold text has a page that can show none but draws at
    least `min_shapes` small filled shapes: its letters drawn as outlines (a converter's «text to
    curves» on one page, a page pasted in from a drawing program); asked after the text was read,
    which left that page's rows out without a word."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with path.open("rb") as f:
        pages = list(islice(PDFPage.create_pages(PDFDocument(PDFParser(f))), limits.max_pages))
        textless = [i for i, page in enumerate(pages) if _textless(page.resources)]
    if not textless or len(textless) == len(pages):  # none, or all of them: the file is read by OCR
        return False
    with pdfplumber.open(path) as pdf:
        return any(_outline_shapes(pdf.pages[i]) >= min_shapes for i in textless)


# Points: a filled shape no wider nor taller than this may be a letter's outline.
_LETTER_SHAPE_MAX = 30.0


def _outline_shapes(page: Any) -> int:
    """How many small filled curves a page draws (a letter drawn as an outline is one or two)."""
    return sum(
        1
        for c in page.curves
        if c.get("fill") and c["width"] <= _LETTER_SHAPE_MAX and c["height"] <= _LETTER_SHAPE_MAX
    )


def pdf_has_image_only_page(path: Path, limits: Limits) -> bool:
    """True when some page is a scan: asked after a reader found no table, to say why."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with path.open("rb") as f:
        pages: Iterator[Any] = islice(PDFPage.create_pages(PDFDocument(PDFParser(f))), limits.max_pages)
        return any(_image_only(page.resources) for page in pages)
