"""`.doc`, `.rtf`, `.odt`, HTML and web archives are converted by LibreOffice and extract exactly as
the DOCX they came from.

The corpus is made here, in tmp, from every sample DOCX: LibreOffice saves each as `.odt`, `.rtf`,
an HTML page (also wrapped in a web archive) and Word 2003 XML, and the `.odt` again as `.doc`
(LibreOffice 7.4 writes a `.doc` straight from a DOCX whose tables it cannot read back itself, so
the `.doc` goes through its own native format, as an office that keeps ODT would produce it).
LibreOffice's Word 2003 XML export drops vertical merges (Word's own keeps them as <w:vmerge>), so
that fixture is faithful only for a sample without them, and only those are compared.
"""

from __future__ import annotations

import http.server
import quopri
import subprocess
import threading
import zipfile
from dataclasses import replace
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest
from extraction import extract_file

from muniflow.intake import convert, sha256_file
from muniflow.intake.webarchive import archived_page
from muniflow.model import ReaderError, Row

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "sample_inputs").glob("*.docx"))
FORMATS = ("doc", "rtf", "odt", "html", "mht", "wordxml")
needs_soffice = pytest.mark.skipif(
    convert.soffice() is None,
    reason="LibreOffice (soffice) is not installed: run `make libreoffice` "
    "(apt-get install libreoffice-writer-nogui)",
)


def _save_as(sources: list[Path], target: str, out: Path, profile: Path) -> None:
    """LibreOffice saves every source as `target` into `out` (one soffice run for all)."""
    subprocess.run(
        [
            str(convert.soffice()),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("converted")
    profile = tmp_path_factory.mktemp("profile")
    _save_as(SAMPLES, "odt", out, profile)
    _save_as(SAMPLES, "rtf", out, profile)
    _save_as([out / f"{s.stem}.odt" for s in SAMPLES], "doc", out, profile)
    xml = out / "xml"
    _save_as(SAMPLES, "xml:MS Word 2003 XML", xml, profile)
    for document in xml.glob("*.xml"):
        document.rename(out / f"{document.stem}.wordxml")
    pages = out / "pages"
    _save_as(SAMPLES, "html", pages, profile)
    for page in pages.glob("*.html"):
        page.rename(out / f"{page.stem}.html")
        _web_archive(out / f"{page.stem}.html", out / f"{page.stem}.mht")
    return out


def _web_archive(page: Path, archive: Path) -> None:
    """The page saved as a web archive the way Word saves one: a MIME message of related parts, the
    page quoted-printable in its own charset, then a picture it shows."""
    message = MIMEMultipart("related")
    message.preamble = "This document is a Single File Web Page, also known as a Web Archive file."
    html = MIMEText(page.read_text(encoding="utf-8"), "html", "utf-8")
    del html["Content-Transfer-Encoding"]
    html.set_payload(quopri.encodestring(page.read_bytes()).decode("ascii"))
    html["Content-Transfer-Encoding"] = "quoted-printable"
    html["Content-Location"] = f"file:///C:/{page.name}"
    picture = MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(32), "png")
    picture["Content-Location"] = "file:///C:/image001.png"
    message.attach(html)
    message.attach(picture)
    archive.write_bytes(message.as_bytes())


def _records(rows: tuple[Row, ...], spaces_collapsed: bool = False) -> list[Row]:
    """Rows without their file name; raw texts with line-end spaces dropped (LibreOffice drops them)
    and, with `spaces_collapsed`, each line's spaces collapsed (HTML collapses runs of white space)."""
    raw = [f for f in Row.__dataclass_fields__ if f.endswith("_raw") or f in ("date_text", "seq_text")]

    def line(text: str) -> str:
        return " ".join(text.split()) if spaces_collapsed else text.rstrip()

    return [
        replace(
            row,
            source_file="",
            **{f: "\n".join(line(x) for x in getattr(row, f).split("\n")) for f in raw},
        )
        for row in rows
    ]


@needs_soffice
@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_converted_sample_extracts_as_its_docx(corpus: Path, sample: Path, format: str) -> None:
    if format == "wordxml" and b"<w:vMerge" in zipfile.ZipFile(sample).read("word/document.xml"):
        pytest.skip("LibreOffice's Word 2003 XML export drops vertical merges: no faithful fixture")
    original = extract_file(sample)
    path = corpus / f"{sample.stem}.{format}"
    converted = extract_file(path)
    assert converted.reason is None, converted.message
    assert original.report is not None and converted.report is not None
    read, expected = converted.report, original.report
    assert (read.period, read.region) == (expected.period, expected.region)
    html = format in ("html", "mht")
    assert _records(converted.report.rows, html) == _records(original.report.rows, html)
    # lineage: the clerk's file, its bytes and its format
    assert converted.format == format
    assert converted.source_file == str(path)
    assert {r.source_file for r in converted.report.rows} == {str(path)}
    assert converted.sha256 == sha256_file(path)


def test_without_soffice_the_file_is_quarantined_with_how_to_enable_conversion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(convert.SOFFICE_ENV, "")
    path = tmp_path / "old.doc"
    path.write_bytes(b"irrelevant: soffice is looked for first")
    with pytest.raises(ReaderError) as err:
        convert.read_converted(path, "doc", lambda p: pytest.fail("no DOCX without soffice"))
    assert err.value.reason == "legacy_doc"
    assert "libreoffice-writer-nogui" in err.value.message


def test_a_stalled_conversion_is_stopped(tmp_path: Path) -> None:
    stall = tmp_path / "soffice"
    stall.write_text("#!/bin/sh\nsleep 60\n")
    stall.chmod(0o755)
    source = tmp_path / "a.rtf"
    source.write_bytes(b"{\\rtf1 x}")
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(ReaderError) as err:
        convert.convert_to_docx(source, "rtf", work, str(stall), timeout=0.5)
    assert err.value.reason == "timeout"


def test_a_failed_conversion_keeps_the_formats_reason(tmp_path: Path) -> None:
    fail = tmp_path / "soffice"
    fail.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fail.chmod(0o755)
    source = tmp_path / "a.doc"
    source.write_bytes(b"x")
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(ReaderError) as err:
        convert.convert_to_docx(source, "doc", work, str(fail))
    assert err.value.reason == "legacy_doc"
    assert "could not be loaded" in err.value.message


ODT_LINKING = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2">
<office:body><office:text><text:p>Отчёт<draw:frame draw:name="logo" svg:width="1cm" svg:height="1cm"
 text:anchor-type="as-char"><draw:image xlink:href="{url}" xlink:type="simple" xlink:show="embed"
 xlink:actuate="onLoad"/></draw:frame></text:p></office:text></office:body></office:document-content>"""
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"""
HTML_LINKING = '<html><body><p>Отчёт</p><img src="{url}"><table><tr><td>1</td></tr></table></body></html>'


def _linking_files(folder: Path, url: str) -> list[tuple[Path, str]]:
    """An ODT and an HTML page, each showing an image that lives at `url` (not in the file)."""
    odt = folder / "linked.odt"
    with zipfile.ZipFile(odt, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), convert.ODT_MIMETYPE)  # stored, first, as ODF asks
        zf.writestr("META-INF/manifest.xml", ODT_MANIFEST)
        zf.writestr("content.xml", ODT_LINKING.replace("{url}", url))
    page = folder / "linked.doc"
    page.write_text(HTML_LINKING.replace("{url}", url), encoding="utf-8")
    return [(odt, "odt"), (page, "html")]


@needs_soffice
def test_a_converted_document_never_makes_this_machine_fetch_what_it_links_to(tmp_path: Path) -> None:
    """LibreOffice loads a linked image while converting unless its profile blocks untrusted links:
    a report could otherwise make the ingest machine request any address (here a loopback server
    that counts requests)."""
    requested: list[str] = []

    class Count(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requested.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Count)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/logo.png"
        for path, format in _linking_files(tmp_path, url):
            work = tmp_path / f"work-{format}"
            work.mkdir()
            assert convert.convert_to_docx(path, format, work, str(convert.soffice())).exists()
    finally:
        server.shutdown()
    assert requested == []


def test_a_web_archive_without_a_page_is_refused_saying_what_to_send(tmp_path: Path) -> None:
    message = MIMEMultipart("related")
    message.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(32), "png"))
    archive = tmp_path / "pictures.mht"
    archive.write_bytes(message.as_bytes())
    with pytest.raises(ReaderError) as err:
        archived_page(archive)
    assert err.value.reason == "unsupported_format"
    assert ".docx" in err.value.message
