"""DOCX -> PDF through LibreOffice headless, where it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CONVERT_TIMEOUT_S = 180


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed or failed; the message says what to do."""


def soffice() -> str | None:
    """The LibreOffice binary, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: Path, out_dir: Path | None = None) -> Path:
    """Convert `docx` to a PDF beside it (or in `out_dir`) with a private LibreOffice profile.

    Raises:
        PdfUnavailable: no LibreOffice, or the conversion failed or timed out.
    """
    binary = soffice()
    if binary is None:
        raise PdfUnavailable(
            "LibreOffice is not installed, so no PDF was written: install it "
            "(`bash scripts/install-libreoffice.sh`, Debian package libreoffice-writer-nogui) or print "
            "the DOCX from Word"
        )
    target_dir = out_dir or docx.parent
    with tempfile.TemporaryDirectory(prefix="muniflow-soffice-") as profile:
        try:
            done = subprocess.run(
                [
                    binary,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(target_dir),
                    str(docx),
                ],
                capture_output=True,
                text=True,
                timeout=CONVERT_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired as err:
            raise PdfUnavailable(f"LibreOffice did not finish in {CONVERT_TIMEOUT_S} s") from err
    pdf = target_dir / (docx.stem + ".pdf")
    if done.returncode != 0 or not pdf.is_file():
        raise PdfUnavailable(
            f"LibreOffice could not convert {docx.name}: {done.stderr.strip() or done.stdout.strip()}"
        )
    return pdf
