"""A PDF printed by a web browser reads as the DOCX it came from.

Reports reach the inbox as PDFs from other producers than Word and LibreOffice: a document system
or portal prints its HTML page with a browser (Skia's PDF). Such a PDF draws no space where a line
wraps and lays text to its own cell padding. Here each sample DOCX is saved by LibreOffice as an
HTML page, printed by headless Chromium (with and without the browser's page header and footer),
and read back: every field of every row as the DOCX gives it (raw texts aside: their line breaks are
where the browser wrapped).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from extraction import extract_file

from muniflow.intake import convert

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "sample_inputs").glob("*.docx"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium not installed (make browser / scripts/install-chromium.sh)"
    ),
    pytest.mark.skipif(
        convert.soffice() is None, reason="LibreOffice (soffice) is not installed: run `make libreoffice`"
    ),
]
FIELDS = ("seq_no", "municipality", "title", "place", "start_date", "end_date", "goal", "participants")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("printed")
    profile = tmp_path_factory.mktemp("profile")
    soffice = [str(convert.soffice()), f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    subprocess.run(
        [*soffice, "--convert-to", "html", "--outdir", str(out), *map(str, SAMPLES)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    assert CHROMIUM
    # no network at all: any request would fail to resolve
    browser = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
    browser += ["--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={out / 'chromium'}"]
    for page in out.glob("*.html"):
        subprocess.run(
            [*browser, "--no-pdf-header-footer", f"--print-to-pdf={out / page.stem}.pdf", page.as_uri()],
            check=True,
            capture_output=True,
            timeout=180,
        )
        # the browser's own header and footer on every page: the date printed, the page's title,
        # its address and «1/3», «2/3»… between a table's parts on two pages
        subprocess.run(
            [*browser, f"--print-to-pdf={out / page.stem}-margins.pdf", page.as_uri()],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return out


@pytest.mark.parametrize("margins", ["", "-margins"], ids=["plain", "page header and footer"])
@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_a_browser_printed_sample_reads_as_its_docx(printed: Path, sample: Path, margins: str) -> None:
    expected = extract_file(sample).report
    got = extract_file(printed / f"{sample.stem}{margins}.pdf")
    assert got.reason is None, got.message
    assert expected is not None and got.report is not None
    assert (got.report.period, got.report.region) == (expected.period, expected.region)
    fields = [tuple(getattr(r, f) for f in FIELDS) for r in got.report.rows]
    assert fields == [tuple(getattr(r, f) for f in FIELDS) for r in expected.rows]
