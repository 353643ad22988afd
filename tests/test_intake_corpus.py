"""The bad-input corpus through `open_report`: each file ends in a document or a stable reason code."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

import badfiles as bf
import pytest

from muniflow.intake import Limits, open_report, sha256_file
from muniflow.intake.convert import soffice
from muniflow.model import RawDocument, ReaderError
from muniflow.readers.ocr import missing as missing_ocr

Build = Callable[[Path, Path], Path]  # (folder, a valid report DOCX) -> the case's file


def _write(name: str, data: bytes) -> Build:
    return lambda folder, _valid: _put(folder / name, data)


def _put(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _variant(name: str, edit: Callable[[dict[str, bytes]], dict[str, bytes]]) -> Build:
    return lambda folder, valid: bf.docx_variant(valid, folder / name, edit)


def _body(name: str, body: str, prolog: str = "") -> Build:
    return _variant(name, lambda parts: bf.with_document_body(parts, body, prolog=prolog))


def _truncated(folder: Path, valid: Path) -> Path:
    data = valid.read_bytes()
    return _put(folder / "truncated.docx", data[: len(data) // 2])


def _bad_crc(folder: Path, valid: Path) -> Path:
    data = bytearray(valid.read_bytes())
    at = data.index(b"word/document.xml") + len(b"word/document.xml") + 40  # inside its deflate data
    data[at] ^= 0xFF
    return _put(folder / "bad_crc.docx", bytes(data))


def _xxe(folder: Path, valid: Path) -> Path:
    secret = folder / "secret.txt"
    secret.write_bytes(bf.SECRET)
    prolog = f'<!DOCTYPE w:document [<!ENTITY leak SYSTEM "file://{secret}">]>'
    return bf.docx_variant(
        valid,
        folder / "xxe.docx",
        lambda p: bf.with_document_body(p, bf.one_cell_table("&leak;"), prolog=prolog),
    )


def _utf16_dtd(parts: dict[str, bytes]) -> dict[str, bytes]:
    xml = parts["word/document.xml"].decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    xml = xml.replace("<w:document", '<!DOCTYPE w:document [<!ENTITY a "b">]><w:document', 1)
    return {**parts, "word/document.xml": xml.encode("utf-16")}


def _rels_dtd(parts: dict[str, bytes]) -> dict[str, bytes]:
    rels = (
        parts["_rels/.rels"]
        .decode()
        .replace("<Relationships", "<!DOCTYPE r SYSTEM 'x.dtd'><Relationships", 1)
    )
    return {**parts, "_rels/.rels": rels.encode()}


def _oversized(folder: Path, _valid: Path) -> Path:
    path = _put(folder / "oversized.docx", b"PK\x03\x04")
    os.truncate(path, 51 << 20)  # sparse: 51 MB on paper, nothing on disk
    return path


LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY a "hahahahaha">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)
BIDI = "\u202eдата\u202c\u2066x\u2069\u200b\x9b"
DEEP = "<w:sdt><w:sdtContent>" * 5000 + bf.one_cell_table("глубоко") + "</w:sdtContent></w:sdt>" * 5000
MACRO_CT = (bf.DOCX_MAIN, bf.DOCM_MAIN)
TEMPLATE_CT = (bf.DOCX_MAIN, bf.DOCX_MAIN.replace(".document.", ".template."))

# (case, builder, expected reason or None when the file must load, text a loaded cell must hold, why)
CASES: list[tuple[str, Build, str | None, str | None, str]] = [
    ("valid_docx", lambda f, v: v, None, "Встреча делегаций", "the baseline: a small real report loads"),
    ("valid_pdf", _write("table.pdf", bf.table_pdf()), None, "Delegation visit", "ruled table PDF loads"),
    ("empty_docx", _write("empty.docx", b""), "empty_file", None, "a failed upload, 0 bytes"),
    ("empty_pdf", _write("empty.pdf", b""), "empty_file", None, "0 bytes whatever the extension"),
    ("oversized", _oversized, "too_large", None, "over max_file_mb before anything is read"),
    (
        "html_as_docx",
        _write("page.docx", bf.HTML),
        None if soffice() else "unsupported_format",
        "1" if soffice() else None,
        "a web page renamed: converted by LibreOffice where installed, its table read",
    ),
    (
        "html_as_pdf",
        _write("page.pdf", bf.HTML),
        None if soffice() else "unsupported_format",
        "1" if soffice() else None,
        "the extension is never trusted",
    ),
    ("text", _write("notes.docx", bf.TEXT), "unsupported_format", None, "tab-separated text renamed"),
    (
        "rtf",
        _write("report.doc", bf.RTF),
        "no_table_found" if soffice() else "unsupported_format",
        None,
        "RTF is not Word's binary .doc: converted by LibreOffice where installed (this one holds no table)",
    ),
    (
        "word2003_xml",
        _write("w2003.docx", bf.WORD_2003_XML),
        "no_table_found" if soffice() else "unsupported_format",
        None,
        "Word 2003 XML: converted by LibreOffice where installed (this one holds no table)",
    ),
    (
        "word2003_xml_dtd",
        _write(
            "w2003dtd.xml",
            bf.WORD_2003_XML.replace(
                b"?><w:", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:', 1
            ),
        ),
        "dtd_forbidden",
        None,
        "an entity could make LibreOffice's XML parser read a file: refused before any parser",
    ),
    ("random", _write("noise.pdf", bytes(range(256)) * 4), "unsupported_format", None, "no known magic"),
    ("truncated_docx", _truncated, "corrupt_file", None, "zip cut in half: no central directory"),
    ("bad_crc_docx", _bad_crc, "corrupt_file", None, "a flipped byte inside document.xml"),
    (
        "legacy_doc",
        _write("old.docx", bf.cfb(["WordDocument", "1Table"])),
        "legacy_doc",
        None,
        "Word 97 as .docx",
    ),
    (
        "encrypted_docx",
        _write("locked.docx", bf.cfb(["EncryptionInfo", "EncryptedPackage"])),
        "encrypted",
        None,
        "password-protected OOXML is an OLE2 container",
    ),
    (
        "docm",
        _variant("m.docx", lambda p: bf.replace_content_type(p, *MACRO_CT)),
        "macro_enabled",
        None,
        "macro-enabled main part content type",
    ),
    (
        "vba_part",
        _variant("vba.docx", lambda p: {**p, "word/vbaProject.bin": b"\0" * 64}),
        "macro_enabled",
        None,
        "a VBA project part under a plain content type",
    ),
    (
        "dotx",
        _variant("t.docx", lambda p: bf.replace_content_type(p, *TEMPLATE_CT)),
        "unsupported_format",
        None,
        "a template, not a document",
    ),
    ("xlsx_like", _write("book.docx", b""), "unsupported_format", None, "replaced below: an Excel package"),
    (
        "plain_zip",
        _variant("plain.docx", lambda p: {"readme.txt": b"hello"}),
        "unsupported_format",
        None,
        "a zip that is no Office package",
    ),
    (
        "zip_bomb_1g",
        lambda f, v: bf.docx_zero_bomb(v, f / "bomb.docx", 1100),
        "too_large",
        None,
        "document.xml declares 1.1 GB of zeros: over max_part_mb",
    ),
    (
        "ratio_bomb",
        lambda f, v: bf.docx_zero_bomb(v, f / "ratio.docx", 150),
        "too_large",
        None,
        "150 MB of zeros is under the size limits but inflates ~1000-fold",
    ),
    (
        "many_entries",
        _variant("many.docx", lambda p: {**p, **{f"x/{i}.bin": b"" for i in range(2001)}}),
        "too_large",
        None,
        "more zip entries than max_zip_entries",
    ),
    (
        "billion_laughs",
        _body("laughs.docx", bf.one_cell_table("&j;"), LAUGHS),
        "dtd_forbidden",
        None,
        "nested entities expand to 10^9 characters",
    ),
    ("xxe_local_file", _xxe, "dtd_forbidden", None, "an external entity naming a local secret file"),
    ("dtd_utf16", _variant("u16.docx", _utf16_dtd), "dtd_forbidden", None, "a DTD hidden by UTF-16 encoding"),
    ("dtd_in_rels", _variant("rels.docx", _rels_dtd), "dtd_forbidden", None, "the DTD sits in a .rels part"),
    (
        "deep_nesting",
        _body("deep.docx", DEEP),
        "corrupt_file",
        None,
        "10 000 levels: over lxml's depth limit",
    ),
    (
        "no_table",
        lambda f, v: bf.docx_without_table(f / "prose.docx"),
        "no_table_found",
        None,
        "the reader's verdict passes through",
    ),
    (
        "unrelated_columns",
        lambda f, v: bf.docx_report(f / "other.docx", [("a", "b")], header=("Цвет", "Вкус")),
        None,
        "Вкус",
        "intake does not judge the columns; interpretation does",
    ),
    (
        "bidi_controls",
        lambda f, v: bf.docx_report(f / "bidi.docx", [("1", BIDI)], header=("№", "Текст")),
        None,
        BIDI,
        "bidi overrides, zero-width and C1 controls arrive untouched",
    ),
    (
        "pdf_user_password",
        _write("locked.pdf", bf.table_pdf(user_password="secret")),
        "encrypted",
        None,
        "cannot be opened without the password",
    ),
    (
        "pdf_empty_user_password",
        _write("owner.pdf", bf.table_pdf(user_password="")),
        None,
        "Forum",
        "an owner-only password opens normally",
    ),
    (
        "pdf_scan",
        _write("scan.pdf", bf.scanned_pdf()),
        "no_text_layer" if missing_ocr() else "needs_ocr",
        None,
        "an image-only page: handed to OCR where Tesseract is installed",
    ),
    (
        "pdf_scan_text_layer",
        _write("scan_text.pdf", bf.scanned_pdf(text_layer=True)),
        "no_text_layer" if missing_ocr() else "needs_ocr",
        None,
        "a scan with the scanner's invisible text and no table drawn: handed to OCR too",
    ),
    (
        "pdf_outlines",
        _write("outlines.pdf", bf.outlines_pdf()),
        "no_text_layer" if missing_ocr() else "needs_ocr",
        None,
        "letters drawn as outlines, no font: only OCR reads the page",
    ),
    (
        "pdf_outlines_in_form",
        _write("outlines_form.pdf", bf.outlines_pdf(in_form=True)),
        "no_text_layer" if missing_ocr() else "needs_ocr",
        None,
        "the outlines drawn by a form XObject holding no font",
    ),
    (
        "pdf_outlines_grid",
        _write("outlines_grid.pdf", bf.outlines_pdf(grid=True)),
        "no_text_layer" if missing_ocr() else "needs_ocr",
        None,
        "a table's rules drawn, its letters as outlines: read as a PDF, the table holds no text",
    ),
    (
        "pdf_form_with_font",
        _write("form_font.pdf", bf.outlines_pdf(in_form=True, font_in_form=True)),
        "no_table_found",
        None,
        "a form whose resources hold a font may show text: read as text, no table found",
    ),
    (
        "pdf_small_picture_text",
        _write("logo_text.pdf", bf.scanned_pdf(text_layer=True, picture=(100, 80))),
        "no_table_found",
        None,
        "text and a small picture (a logo), no table: not a scan, no table found",
    ),
    (
        "pdf_flate_bomb",
        _write("fbomb.pdf", bf.flate_bomb_pdf(2048)),
        "resource_limit",
        None,
        "a content stream inflating to 2 GiB through two FlateDecode filters",
    ),
    (
        "pdf_self_prev",
        _write("prev.pdf", bf.self_prev_pdf()),
        "corrupt_file",
        None,
        "a trailer /Prev pointing at itself must terminate",
    ),
    (
        "pdf_broken_xref",
        _write("xref.pdf", bf.broken_xref_pdf()),
        None,
        "Library",
        "startxref into garbage: the parser rebuilds the xref",
    ),
    (
        "pdf_truncated",
        _write("cut.pdf", bf.table_pdf()[:400]),
        "corrupt_file",
        None,
        "cut inside the objects",
    ),
    (
        "pdf_20000_pages",
        _write("pages.pdf", bf.many_pages_pdf(20_000)),
        "too_many_pages",
        None,
        "a page tree of 20 000 blank pages",
    ),
]
CASES[[c[0] for c in CASES].index("xlsx_like")] = (
    "xlsx_like",
    lambda f, v: bf.write_zip(
        f / "book.docx", {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}
    ),
    "unsupported_format",
    None,
    "an Excel package renamed to .docx",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("intake_corpus")
    valid = bf.docx_report(folder / "valid.docx")
    return {name: build(folder, valid) for name, build, *_ in CASES}


LIMITS = dataclasses.replace(Limits.load(), timeout_seconds=60, memory_mb=1024)


@pytest.mark.parametrize(
    ("name", "reason", "text"), [(c[0], c[2], c[3]) for c in CASES], ids=[c[0] for c in CASES]
)
def test_corpus_case(corpus: dict[str, Path], name: str, reason: str | None, text: str | None) -> None:
    path = corpus[name]
    before = (sha256_file(path), path.stat().st_size) if path.stat().st_size < (50 << 20) else None
    try:
        outcome: RawDocument | ReaderError = open_report(path, limits=LIMITS)
    except ReaderError as err:
        outcome = err
    if reason is None:
        assert isinstance(outcome, RawDocument), f"{name}: refused as {getattr(outcome, 'reason', '')}"
        cells = [c for t in outcome.tables for c in (*t.header, *(c for r in t.rows for c in r.cells))]
        assert any(text in (cell or "") for cell in cells), f"{text!r} did not arrive"
    else:
        assert isinstance(outcome, ReaderError), f"{name}: loaded, expected {reason}"
        assert (outcome.reason, name) == (reason, name), outcome.message
        assert outcome.message.strip()
    if before is not None:
        assert (sha256_file(path), path.stat().st_size) == before, "intake must never modify an input"


def test_xxe_secret_never_leaves_its_file(corpus: dict[str, Path]) -> None:
    with pytest.raises(ReaderError) as caught:
        open_report(corpus["xxe_local_file"], limits=LIMITS)
    assert bf.SECRET.decode() not in caught.value.message


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 25 and len({c[0] for c in CASES}) == len(CASES)
