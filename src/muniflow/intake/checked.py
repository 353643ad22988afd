"""One file through every guard and then its reader: what a sandbox worker runs for each file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from muniflow.intake import convert, flatopc, guards, legibility, pdf_guards, scan, sniff
from muniflow.intake.limits import Limits
from muniflow.model import LAYER_SLOW, RawDocument, ReaderError


def read_checked(path: Path, limits: Limits) -> RawDocument:
    """Sniff the file, run its format's guards, then read it; ReaderError says why a file is refused."""
    guards.check_file_size(path.stat().st_size, limits)
    kind = sniff.sniff(sniff.read_head(path))
    if kind == sniff.OLE2:
        data = path.read_bytes()
        if guards.is_ole2_workbook(data):
            return _read("xls", path)
        refusal = guards.ole2_error(data)
        if refusal.reason != "legacy_doc":
            raise refusal
        return convert.read_converted(path, "doc", _read_docx(limits, "doc"))
    if kind == sniff.IMAGE:
        raise scan.needs_ocr(path, "image")
    if kind == sniff.WORD_XML:
        guards.check_xml_document(path)  # no DTD reaches LibreOffice's XML parser
    if kind in (sniff.RTF, sniff.HTML, sniff.MHT, sniff.WORD_XML):
        return convert.read_converted(path, kind, _read_docx(limits, kind))
    if kind == sniff.FLAT_OPC:
        return flatopc.read_flat(path, limits, _read_docx(limits))
    if kind == sniff.ZIP:
        if convert.is_odt(path):
            guards.check_zip(path, limits)
            return convert.read_converted(path, "odt", _read_docx(limits, "odt"))
        if convert.opendocument_type(path) == convert.ODS_MIMETYPE:
            guards.check_zip(path, limits, xml_parts=True)
            return _read("ods", path)
        if guards.is_workbook(path):
            guards.check_package(path, limits, guards.EXCEL)
            return _read("xlsx", path)
        guards.check_docx(path, limits)
        try:
            return _read("docx", path)
        except ReaderError as err:
            if err.reason == "no_table_found" and (pages := scan.pasted_scans(path)):
                raise scan.needs_ocr(path, "docx", pages) from err
            raise
    try:
        pdf_guards.check_pdf(path, limits)
    except ReaderError as err:
        if err.reason == "no_text_layer":
            raise scan.needs_ocr(path, "pdf") from err
        raise
    try:
        doc = _read("pdf", path, letters=False)
    except ReaderError as err:
        from muniflow.readers.pdfscanpage import scan_image_share  # the readers load in the worker only

        if err.reason == LAYER_SLOW:  # a long searchable scan: its layer read where time is per page
            raise scan.needs_ocr(path, "pdflayer") from err

        if err.reason == "no_table_found" and pdf_guards.pdf_has_scanned_page(
            path, limits, scan_image_share()
        ):
            raise scan.needs_ocr(path, "pdf") from err
        tableless = err.reason in ("no_table_found", "unknown_layout")
        if tableless and pdf_guards.pdf_without_text(path, limits):
            raise scan.needs_ocr(path, "pdf") from err  # letters drawn as outlines
        if tableless and legibility.pdf_text_unreadable(path, limits.max_pages):
            raise scan.needs_ocr(path, "pdf") from err  # a garbled text layer: no header to recognise
        if tableless and legibility.pdf_outlined_page(path, limits):
            raise scan.needs_ocr(path, "pdf") from err  # the table's page drawn as outlines
        # a letter with no table, read once no page is a scan (a scanner's text layer is no letter)
        letter = _letter("pdf", path) if err.reason == "no_table_found" else None
        if letter is None:
            raise _with_text(_letter_unread(err), "pdf", path) from err
        doc = letter
    # fonts with no Unicode map: the pages show what the text does not say
    if legibility.text_unreadable(doc):
        raise scan.needs_ocr(path, "pdf")
    if legibility.textless(doc) and pdf_guards.pdf_without_text(path, limits):
        raise scan.needs_ocr(path, "pdf")  # a table's rules drawn, its letters as outlines
    if legibility.pdf_outlined_page(path, limits):
        raise scan.needs_ocr(path, "pdf")  # one page's letters as outlines: its rows not in the text
    return doc


def _read_docx(limits: Limits, converted: str | None = None) -> Callable[[Path], RawDocument]:
    """Read a DOCX LibreOffice wrote (from a file of format `converted`), through the same guards as
    one a clerk sent; one whose report is a scan pasted in is sent to OCR, which converts it again."""

    def read(docx_path: Path) -> RawDocument:
        guards.check_docx(docx_path, limits)
        try:
            return _read("docx", docx_path)
        except ReaderError as err:
            pages = scan.pasted_scans(docx_path) if converted and err.reason == "no_table_found" else 0
            if pages:
                raise scan.needs_ocr(docx_path, f"docx+{converted}", pages) from err
            raise

    return read


def _read(format: str, path: Path, *, letters: bool = True) -> RawDocument:
    """Run the format's reader; running out of memory stays a MemoryError even when a library wrapped it.
    With `letters`, a document with no table is read as a letter (`_letter`) before it is refused."""
    # imported here so a worker pays for the readers once, and the parent never needs them
    from muniflow.readers import reader_for

    try:
        return reader_for(format).read(path)
    except ReaderError as err:
        if _caused_by_memory(err):
            raise MemoryError(err.message) from err
        if letters and err.reason == "no_table_found":  # a nil-report letter has no table: read its text
            letter = _letter(format, path)
            if letter is not None:
                return letter
            raise _with_text(_letter_unread(err), format, path) from err
        raise


def _letter_unread(err: ReaderError) -> ReaderError:
    """A file with no table whose text was not read as a letter either: its refusal says what a
    letter's text is read by (a DOCX's and a PDF's alike)."""
    from muniflow.interpret.table_refusals import LETTER_TEXT_UNREAD

    if err.reason != "no_table_found":
        return err
    return ReaderError(err.reason, f"{err.message}; and {LETTER_TEXT_UNREAD}")


def _with_text(err: ReaderError, format: str, path: Path) -> ReaderError:
    """The refusal of a file with no table, holding the document's text: its title still names the
    report's quarter, region and municipality (`stages`). A text that cannot be read adds nothing."""
    from muniflow.readers.letter import letter_text

    if err.reason != "no_table_found":
        return err
    try:
        text, _ = letter_text(format, path)
    except Exception:  # the refusal stands as it is; only what its title says is lost
        return err
    return ReaderError(err.reason, err.message, text, format)


def _letter(format: str, path: Path) -> RawDocument | None:
    """The document as a letter listing its events, else as a nil letter; None when it is neither."""
    from muniflow.readers.letter import read_listed_letter, read_nil_letter

    # its events listed first: «других мероприятий не проводилось» beside them is no nil report
    return read_listed_letter(format, path) or read_nil_letter(format, path)


def _caused_by_memory(exc: BaseException) -> bool:
    """True when a MemoryError is anywhere in the exception's chain (pdfplumber re-raises it as its own)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, MemoryError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
