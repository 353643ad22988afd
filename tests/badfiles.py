"""Generates the intake test corpus (valid and hostile DOCX, PDF, OLE2 and other files) into a folder.

Binaries are built here rather than committed, so every hostile trait is visible in code. Bombs are
built from a repeated full-flush deflate block, so a gigabyte declares itself in a few kilobytes.
"""

from __future__ import annotations

import hashlib
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

import docx

MIB = 1 << 20
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
REPORT_HEADER = ("№ п/п", "Наименование мероприятия", "Место проведения", "Сроки", "Цель", "Участники")
SECRET = b"s3cret-intake-canary-7f3a"


# ---------------------------------------------------------------- DOCX


def docx_report(path: Path, rows: Iterable[tuple[str, ...]] | None = None, *, header=REPORT_HEADER) -> Path:
    """A small report DOCX: a title paragraph, then one table with a header and the given rows."""
    body = (
        list(rows)
        if rows is not None
        else [("1", "Встреча делегаций", "г. Город", "10.04.2024", "Обмен", "5")]
    )
    document = docx.Document()
    document.add_paragraph("Информация о международных мероприятиях во II квартале 2024 года")
    table = document.add_table(rows=1 + len(body), cols=len(header))
    for r, cells in enumerate([header, *body]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


def docx_without_table(path: Path) -> Path:
    """A DOCX of paragraphs only."""
    document = docx.Document()
    document.add_paragraph("Отчёт")
    document.add_paragraph("Мероприятий не проводилось.")
    document.save(str(path))
    return path


def zip_parts(path: Path) -> dict[str, bytes]:
    """Every part of a zip by name."""
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    """A zip of the given parts, deflated."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def docx_variant(src: Path, dst: Path, edit: Callable[[dict[str, bytes]], dict[str, bytes]]) -> Path:
    """A copy of a DOCX with its parts passed through `edit`."""
    return write_zip(dst, edit(zip_parts(src)))


def with_document_body(parts: dict[str, bytes], body_xml: str, *, prolog: str = "") -> dict[str, bytes]:
    """Parts with word/document.xml replaced by a document of the given body, after an optional prolog."""
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n{prolog}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body_xml}</w:body></w:document>'
    )
    return {**parts, "word/document.xml": xml.encode()}


def one_cell_table(text: str) -> str:
    """The body XML of a two-row table whose body cell holds `text` (raw XML, so entities stay)."""
    cell = '<w:tc><w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:tc>'
    header = "".join(cell.format(h) for h in ("№", "Наименование"))
    return f"<w:tbl><w:tr>{header}</w:tr><w:tr>{cell.format('1')}{cell.format(text)}</w:tr></w:tbl>"


def replace_content_type(parts: dict[str, bytes], old: str, new: str) -> dict[str, bytes]:
    """Parts with one content type string swapped in [Content_Types].xml."""
    ct = parts["[Content_Types].xml"].decode()
    assert old in ct, "the content type to replace must be there, else the case tests nothing"
    return {**parts, "[Content_Types].xml": ct.replace(old, new).encode()}


# ---------------------------------------------------------------- zip bombs


def zeros_deflate(mib: int) -> bytes:
    """A raw deflate stream of `mib` MiB of zero bytes, from one repeated self-contained block."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = co.compress(bytes(MIB)) + co.flush(zlib.Z_FULL_FLUSH)
    return block * mib + co.flush(zlib.Z_FINISH)


def zeros_crc(mib: int) -> int:
    crc, chunk = 0, bytes(MIB)
    for _ in range(mib):
        crc = zlib.crc32(chunk, crc)
    return crc


def zip_with_raw(path: Path, parts: dict[str, bytes], name: str, raw: bytes, size: int, crc: int) -> Path:
    """A zip of deflated `parts` plus one entry `name` whose deflate data is given precomputed."""
    entries = [(n, _deflate(d), len(d), zlib.crc32(d)) for n, d in parts.items() if n != name]
    entries.append((name, raw, size, crc))
    out, central = bytearray(), bytearray()
    for entry_name, data, usize, entry_crc in entries:
        fname = entry_name.encode()
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x21, entry_crc, len(data), usize)
        central += b"PK\x01\x02" + struct.pack("<H", 20) + fields
        central += struct.pack("<HHHHHII", len(fname), 0, 0, 0, 0, 0, len(out)) + fname
        out += b"PK\x03\x04" + fields + struct.pack("<HH", len(fname), 0) + fname + data
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    path.write_bytes(bytes(out + central + eocd))
    return path


def _deflate(data: bytes) -> bytes:
    co = zlib.compressobj(6, zlib.DEFLATED, -15)
    return co.compress(data) + co.flush()


def docx_zero_bomb(src: Path, dst: Path, mib: int) -> Path:
    """A DOCX whose word/document.xml is `mib` MiB of zeros (real, CRC and all), a few KB on disk."""
    return zip_with_raw(
        dst, zip_parts(src), "word/document.xml", zeros_deflate(mib), mib * MIB, zeros_crc(mib)
    )


# ---------------------------------------------------------------- OLE2 (compound file)


def cfb(stream_names: Iterable[str]) -> bytes:
    """A minimal compound file (OLE2): header, one FAT sector, one directory sector of empty streams."""
    names = ["Root Entry", *stream_names]
    assert len(names) <= 4, "one directory sector holds four entries"
    free, end_of_chain, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108  # DIFAT: FAT is sector 0
    fat = struct.pack("<II", fat_sector, end_of_chain) + struct.pack("<I", free) * 126
    directory = bytearray()
    for i, name in enumerate(names):
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry_type = 5 if i == 0 else 2
        child = 1 if i == 0 and len(names) > 1 else free
        right = i + 1 if 0 < i < len(names) - 1 else free
        directory += encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), entry_type, 1)
        directory += struct.pack("<III", free, right, child) + bytes(16 + 4 + 16)
        directory += struct.pack("<IQ", end_of_chain, 0)
    directory = directory.ljust(512, b"\0")
    return bytes(header + fat + directory)


# ---------------------------------------------------------------- PDF

PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] %s >>"
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key: bytes, data: bytes) -> bytes:
    """RC4, the cipher of the PDF standard security handler revision 2."""
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf_file(objects: list[bytes], *, trailer: bytes = b"", prev_self: bool = False) -> bytes:
    """A PDF of numbered objects (1 is the catalog) with a classic xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    prev = b"/Prev %d" % xref if prev_self else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R %s %s >>\n" % (len(objects) + 1, trailer, prev)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def helvetica_page(path: Path, content: bytes) -> Path:
    """A one-page PDF at `path` drawing `content` (a content stream), font /F1 Helvetica and /F2
    Helvetica-Bold in WinAnsi."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE % b"/Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    path.write_bytes(pdf_file(objects))
    return path


def table_content(rows: list[tuple[str, ...]]) -> bytes:
    """A page content stream drawing a ruled grid with one text per cell."""
    width, height, left, top = 150, 30, 50, 700
    ops = [b"0.5 w"]
    for r in range(len(rows) + 1):
        y = top - r * height
        ops.append(b"%d %d m %d %d l S" % (left, y, left + width * len(rows[0]), y))
    for c in range(len(rows[0]) + 1):
        x = left + c * width
        ops.append(b"%d %d m %d %d l S" % (x, top, x, top - height * len(rows)))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            x, y = left + c * width + 5, top - (r + 1) * height + 10
            ops.append(b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (x, y, text.encode("latin-1")))
    ops.append(b"BT /F1 12 Tf 50 740 Td (Quarterly report on events) Tj ET")
    return b"\n".join(ops)


TABLE_ROWS = [("No", "Event", "Place"), ("1", "Delegation visit", "Town hall"), ("2", "Forum", "Library")]


def table_pdf(*, user_password: str | None = None, owner_password: str = "owner") -> bytes:
    """A one-page PDF with a ruled 3x3 table; with a user password given, RC4-encrypted (V1 R2)."""
    content = table_content(TABLE_ROWS)
    page = PAGE % b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    if user_password is None:
        return pdf_file([*objects, stream(content)])
    file_id = hashlib.md5(b"intake-test").digest()
    permissions = struct.pack("<i", -44)
    owner_entry = rc4(hashlib.md5(_pad(owner_password)).digest()[:5], _pad(user_password))
    key = hashlib.md5(_pad(user_password) + owner_entry + permissions + file_id).digest()[:5]
    user_entry = rc4(key, PAD)
    object_key = hashlib.md5(key + (5).to_bytes(3, "little") + bytes(2)).digest()[:10]
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>" % (
        owner_entry.hex().encode(),
        user_entry.hex().encode(),
    )
    objects += [stream(rc4(object_key, content)), encrypt]
    trailer = b"/Encrypt 6 0 R /ID [<%s> <%s>]" % (file_id.hex().encode(), file_id.hex().encode())
    return pdf_file(objects, trailer=trailer)


def _pad(password: str) -> bytes:
    return (password.encode("latin-1") + PAD)[:32]


def scanned_pdf(text_layer: bool = False, picture: tuple[int, int] = (500, 700)) -> bytes:
    """A page that paints an image of `picture` points: what a scanner produces. With
    `text_layer`, the invisible text a scanner's own OCR lays over it (text render mode 3)."""
    if not text_layer:
        page = PAGE % b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R"
    else:
        page = PAGE % b"/Resources << /XObject << /Im0 4 0 R >> /Font << /F1 6 0 R >> >> /Contents 5 0 R"
    image = stream(
        b"\x00\xff\xff\x00",
        b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
    )
    content = b"q %d 0 0 %d 50 50 cm /Im0 Do Q" % picture
    if text_layer:
        content += b" BT 3 Tr /F1 12 Tf 100 600 Td (Forum Delegation) Tj ET"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page,
            image,
            stream(content),
            *([font] if text_layer else []),
        ]
    )


def outlines_pdf(in_form: bool = False, font_in_form: bool = False, grid: bool = False) -> bytes:
    """A page of text drawn as outlines (a converter's «text to curves»): paths, no font; with
    `in_form`, drawn by a form XObject, whose resources hold no font either (or, with
    `font_in_form`, do: its text may be shown there); with `grid`, inside a table's ruled grid of
    three columns and three rows, which a PDF reader finds (its cells empty)."""
    shapes = b"0 0 0 rg 100 600 m 110 620 l 120 600 l h f 130 600 10 20 re f 50 580 400 1 re f"
    if grid:
        rules = b"".join(b"50 %d m 450 %d l " % (y, y) for y in (700, 660, 620, 560))
        rules += b"".join(b"%d 700 m %d 560 l " % (x, x) for x in (50, 180, 320, 450))
        shapes += b" 0 0 0 RG 1 w " + rules + b"S"
    if in_form:
        page = PAGE % b"/Resources << /XObject << /Fm0 4 0 R >> >> /Contents 5 0 R"
        font = (
            b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>" if font_in_form else b""
        )
        form = stream(shapes, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << %s >>" % font)
        content = b"/Fm0 Do"
    else:
        page = PAGE % b"/Resources << >> /Contents 4 0 R"
        form, content = b"", shapes
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page,
            *([form] if in_form else []),
            stream(content),
        ]
    )


def flate_bomb_pdf(mib: int) -> bytes:
    """A page whose content stream is FlateDecode twice over and inflates to `mib` MiB of zeros."""
    adler = struct.pack(">I", ((mib * MIB) % 65521) << 16 | 1)  # Adler-32 of zeros: a = 1, b = n
    inner = b"\x78\xda" + zeros_deflate(mib) + adler
    page = PAGE % b"/Contents 4 0 R"
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page,
            stream(zlib.compress(inner, 9), b"/Filter [/FlateDecode /FlateDecode]"),
        ]
    )


def many_pages_pdf(pages: int) -> bytes:
    """A PDF of `pages` distinct blank pages."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
    ]
    objects += [PAGE % b""] * pages
    return pdf_file(objects)


def self_prev_pdf() -> bytes:
    """The table PDF whose trailer's /Prev points back at its own xref section."""
    valid = table_pdf()
    head, _, _ = valid.partition(b"xref\n")
    objects = [_object_body(valid, n) for n in range(1, 6)]
    rebuilt = pdf_file(objects, prev_self=True)
    assert rebuilt.startswith(head), "rebuilding must keep the objects, only the trailer changes"
    return rebuilt


def _object_body(pdf: bytes, number: int) -> bytes:
    start = pdf.index(b"\n%d 0 obj\n" % number) + len(b"\n%d 0 obj\n" % number)
    return pdf[start : pdf.index(b"\nendobj\n", start)]


def broken_xref_pdf() -> bytes:
    """The table PDF with its startxref pointing into the middle of an object."""
    valid = table_pdf()
    at = valid.rindex(b"startxref\n") + len(b"startxref\n")
    return valid[:at] + b"17\n%%EOF\n"


# ---------------------------------------------------------------- everything else

HTML = b"<!DOCTYPE html>\n<html><head><meta charset='utf-8'></head><body><table><tr><td>1</td></tr></table>"
RTF = rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} \f0 report}"
TEXT = "№\tМероприятие\tМесто\n1\tВстреча\tГород\n".encode()
WORD_2003_XML = (
    b'<?xml version="1.0"?><?mso-application progid="Word.Document"?>'
    b'<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>'
)


# ---------------------------------------------------------------- sandbox misbehaviour


def misbehave(path: Path, limits: object) -> object:
    """A worker task that does what the file says: sleep, allocate, die, raise — or return its text."""
    import os
    import signal
    import time

    command = path.read_text().strip()
    if command == "sleep":
        time.sleep(3600)
    if command == "allocate":
        return bytearray(8 << 30)
    if command == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if command == "terminate":  # stopped as the run is (a service manager's SIGTERM to the group)
        os.kill(os.getpid(), signal.SIGTERM)
    if command == "raise":  # a library's own exception on bytes it cannot parse
        import zipfile

        zipfile.ZipFile(path)
    if command == "scratch":  # a temporary folder left behind, as a killed converter leaves its profile
        import tempfile

        return tempfile.mkdtemp(prefix="left-")
    if command == "collector":  # how the worker's garbage collector stands once it serves files
        import gc

        return gc.get_threshold(), gc.get_freeze_count()
    if command == "bug":  # muniflow's own code failing: fold_whitespace given no text
        from muniflow.readers.base import fold_whitespace

        fold_whitespace(None)  # type: ignore[arg-type]
    return command


def read_with_injected_bug(path: Path, limits: object, target: str) -> object:
    """A worker task: the real guards and reader, with muniflow function `target` (module:function)
    replaced by one that fails the way a bug of ours would."""
    import importlib

    from muniflow.intake.checked import read_checked

    module_name, name = target.split(":")

    def broken(*args: object, **kwargs: object) -> object:
        return {}["a key our code forgot"]  # KeyError raised in muniflow-called code, not by a parser

    module = importlib.import_module(module_name)
    original = getattr(module, name)
    setattr(module, name, broken)
    try:
        return read_checked(path, limits)  # type: ignore[arg-type]
    finally:
        setattr(module, name, original)  # the worker serves the next file unbroken


def mapped_text_pdf(lines: list[str], unicode_of: Callable[[str], str]) -> bytes:
    """A page showing `lines` in a Type 3 font (each glyph a small box, one byte per character)
    whose /ToUnicode map names `unicode_of(character)` for each: a producer's map to Unicode, right
    (the identity) or wrong (private use code points, other letters)."""
    chars = sorted({ch for line in lines for ch in line})
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    procs = b" ".join(b"/g%d %d 0 R" % (code[ch], 8 + i) for i, ch in enumerate(chars))
    widths = b" ".join(b"6" for _ in chars)
    font = (
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 6 8] /FontMatrix [0.1 0 0 0.1 0 0]"
        b" /CharProcs << %s >> /Encoding << /Type /Encoding /Differences [1 %s] >>"
        b" /FirstChar 1 /LastChar %d /Widths [%s] /ToUnicode 6 0 R >>"
    ) % (procs, b" ".join(b"/g%d" % code[ch] for ch in chars), len(chars), widths)
    entries = b"\n".join(
        b"<%02X> <%s>" % (code[ch], unicode_of(ch).encode("utf-16-be").hex().upper().encode()) for ch in chars
    )
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"%d beginbfchar\n%s\nendbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    ) % (len(chars), entries)
    shown = b" T* ".join(b"<%s> Tj" % bytes(code[ch] for ch in line).hex().encode() for line in lines)
    content = b"BT /F1 10 Tf 14 TL 50 750 Td " + shown + b" ET"
    glyph = stream(b"6 0 0 0 5 7 d1 0 0 5 7 re f")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE % b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R",
        font,
        stream(content),
        stream(cmap),
        b"<< >>",
        *(glyph for _ in chars),
    ]
    return pdf_file(objects)
