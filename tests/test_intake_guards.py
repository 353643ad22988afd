"""Sniffing and guards as plain functions, in-process: the decisions without the sandbox."""

from __future__ import annotations

import io
from pathlib import Path

import badfiles as bf
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from muniflow.intake import Limits, sha256_file
from muniflow.intake.guards import _has_dtd, check_file_size, ole2_error
from muniflow.intake.sniff import HTML, IMAGE, MHT, OLE2, PDF, RTF, WORD_XML, ZIP, sniff
from muniflow.model import ReaderError

LIMITS = Limits.load()

# (first bytes, container kind or the refusal reason, why)
SNIFF = [
    (b"%PDF-1.7\n", PDF, "PDF header"),
    (b"\r\n%PDF-1.4\n", PDF, "junk before the PDF header is tolerated by readers"),
    (b"PK\x03\x04\x14\x00", ZIP, "zip local header: maybe a DOCX"),
    (b"PK\x05\x06" + bytes(18), ZIP, "an empty zip is still a zip (guards reject it)"),
    (bf.cfb(["WordDocument"])[:64], OLE2, "compound file magic"),
    (b"{\\rtf1\\ansi", RTF, "RTF: converted by LibreOffice"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html>", HTML, "HTML behind a BOM: converted by LibreOffice"),
    (b"<html xmlns:w='urn:schemas-microsoft-com:office:word'>", HTML, "a .doc written as HTML"),
    (b"<!-- saved -->\n<HTML><BODY>", HTML, "a comment before the page, capitals"),
    (
        b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument>',
        WORD_XML,
        "Word 2003 XML, no HTML page: converted by LibreOffice",
    ),
    (b"<note><html>", "unsupported_format", "XML that only mentions html"),
    (b'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="x"\n', MHT, "Word's web archive"),
    (
        b"From: <Saved by Blink>\nSubject: r\nMIME-Version: 1.0\nContent-Type: multipart/related;\n",
        MHT,
        "a browser's web archive, other headers first",
    ),
    (b"MIME-Version: 1.0\nContent-Type: text/plain\n\nhello", "unsupported_format", "a mail, no archive"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8L", IMAGE, "a WebP picture: read by OCR like a JPEG"),
    (b"BM\x36\x10\x0e\x00\x00\x00\x00\x00\x36\x00\x00\x00", IMAGE, "a Windows bitmap"),
    (b"BMW 320i service log", "unsupported_format", "text that opens with «BM» is no bitmap"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", IMAGE, "an iPhone's HEIC photo: decoded by libheif"),
    (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00", "unsupported_format", "AVIF: refused, saying what to send"),
    ("Отчёт о мероприятиях".encode("cp1251"), "unsupported_format", "cp1251 text"),
    (b"\x00\x01\x02\x03garbage", "unsupported_format", "binary of no known kind"),
]


@pytest.mark.parametrize(("head", "expected"), [(h, e) for h, e, _ in SNIFF], ids=[w for *_, w in SNIFF])
def test_sniff(head: bytes, expected: str) -> None:
    try:
        kind = sniff(head)
    except ReaderError as err:
        kind = err.reason
    assert kind == expected


@pytest.mark.parametrize(
    ("streams", "reason"),
    [(["WordDocument", "1Table"], "legacy_doc"), (["EncryptionInfo", "EncryptedPackage"], "encrypted")],
)
def test_ole2_verdict(streams: list[str], reason: str) -> None:
    assert ole2_error(bf.cfb(streams)).reason == reason


def test_ole2_name_in_body_text_is_not_a_stream() -> None:
    body = b"x" + "EncryptedPackage".encode("utf-16-le") + b"\0\0"  # off the 128-byte directory grid
    assert ole2_error(bf.cfb(["WordDocument"]) + body).reason == "legacy_doc"


@pytest.mark.parametrize(
    ("size", "reason"), [(0, "empty_file"), (int(LIMITS.max_file_mb * 2**20) + 1, "too_large")]
)
def test_file_size_limits(size: int, reason: str) -> None:
    with pytest.raises(ReaderError) as caught:
        check_file_size(size, LIMITS)
    assert caught.value.reason == reason


def test_file_size_within_limit_passes() -> None:
    check_file_size(1, LIMITS)


@given(
    st.binary(max_size=300).filter(lambda b: b"<!" not in b),
    st.integers(min_value=0, max_value=300),
    st.sampled_from(["utf-8", "utf-16-le", "utf-16-be"]),
    st.sampled_from(["<!DOCTYPE", "<!doctype", "<!ENTITY"]),
)
def test_dtd_found_across_chunk_borders(noise: bytes, at: int, encoding: str, marker: str) -> None:
    at = min(at, len(noise))
    data = noise[:at] + marker.encode(encoding) + noise[at:]
    stream = io.BufferedReader(io.BytesIO(data), buffer_size=7)
    assert _has_dtd(_Trickle(stream))


class _Trickle:
    """A stream that hands out at most 5 bytes per read, to put markers across chunk borders."""

    def __init__(self, stream: io.BufferedReader):
        self._stream = stream

    def read(self, n: int = -1) -> bytes:
        return self._stream.read(min(n, 5) if n > 0 else 5)


def test_plain_xml_has_no_dtd() -> None:
    assert not _has_dtd(io.BytesIO(b'<?xml version="1.0"?><w:document><w:t>DOC</w:t></w:document>'))


def test_limits_file_must_name_every_limit(tmp_path: Path) -> None:
    path = tmp_path / "intake.yaml"
    path.write_text(yaml.safe_dump({"limits": {"max_file_mb": 1}}))
    with pytest.raises(ValueError, match="limits must be exactly"):
        Limits.load(path)


def test_sha256_file_streams_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(b"abc" * 1_000_000)
    assert (
        sha256_file(path, chunk_size=4096)
        == sha256_file(path)
        != sha256_file(bf.docx_report(tmp_path / "x.docx"))
    )
