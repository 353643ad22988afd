"""Word 97-2003 `.doc`, `.rtf`, OpenDocument `.odt`, HTML pages, web archives (`.mht`: their page) and
Word 2003 XML converted to DOCX by LibreOffice, then read as DOCX.

Runs inside the sandboxed worker (its memory limit applies to soffice too). Each worker process has
its own LibreOffice profile directory, so conversions in parallel workers never share or lock a
profile; each run has a time limit and its whole process group is killed when it is over.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import uuid
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from muniflow.contracts import load_yaml
from muniflow.intake.webarchive import archived_page
from muniflow.model import RawDocument, ReaderError

# the formats read through LibreOffice, as lineage names them
CONVERTED = ("doc", "rtf", "odt", "html", "mht", "wordxml")
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"  # read by readers/ods.py, not converted
SOFFICE_ENV = "MUNIFLOW_SOFFICE"
INSTALL_HINT = (
    "to have muniflow convert it itself, install LibreOffice on the ingest machine "
    "(`apt-get install libreoffice-writer-nogui`, or `make libreoffice`)"
)
_ASK = {
    "doc": "open it in Word, save it as .docx (File > Save As > Word Document) and send it again",
    "rtf": "open it in Word, save it as .docx and send it again",
    "odt": "open it in LibreOffice Writer, save it as Word (.docx) and send it again",
    "html": "open it in Word, save it as .docx and send it again",
    "mht": "open it in Word, save it as .docx and send it again",
    "wordxml": "open it in Word, save it as .docx and send it again",
    "txt": "open it in Word, save it as .docx and send it again",
}
_NAMES = {
    "doc": "a legacy Word 97-2003 file (.doc)",
    "rtf": "an RTF document",
    "odt": "an OpenDocument text (.odt)",
    "html": "an HTML page (a web page, or a .doc a document system wrote as HTML)",
    "mht": "a web archive (.mht)",
    "wordxml": "a Word 2003 XML document",
    "txt": "a plain-text part a DOCX imports (altChunk)",
}
_REASON = {
    "doc": "legacy_doc",
    "rtf": "unsupported_format",
    "odt": "unsupported_format",
    "html": "unsupported_format",
    "mht": "unsupported_format",
    "wordxml": "unsupported_format",
    "txt": "unsupported_format",
}
_SUFFIX = {"wordxml": "xml"}  # the name LibreOffice is given, where the format's own is no extension
_profile: Path | None = None


def conversion_timeout(path: Path | None = None) -> float:
    """Seconds one soffice run may take (contracts/intake.yaml, `conversion.timeout_seconds`)."""
    return float(load_yaml("intake.yaml", path, ("conversion",))["conversion"]["timeout_seconds"])


def soffice() -> str | None:
    """The LibreOffice binary: $MUNIFLOW_SOFFICE when set (empty means none), else soffice on PATH."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured is not None:
        return configured if configured and Path(configured).exists() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def is_odt(path: Path) -> bool:
    """True for an OpenDocument text: a zip whose first member `mimetype` says so."""
    return opendocument_type(path) == ODT_MIMETYPE


def opendocument_type(path: Path) -> bytes:
    """The `mimetype` member of a zip (an OpenDocument file's first member), b"" where it has none."""
    try:
        with zipfile.ZipFile(path) as zf:
            if "mimetype" not in zf.namelist() or zf.getinfo("mimetype").file_size > 200:
                return b""
            return zf.read("mimetype").strip()
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return b""


def read_converted(path: Path, format: str, read_docx: Callable[[Path], RawDocument]) -> RawDocument:
    """Convert `path` (of `format`, one of CONVERTED) to DOCX and read it with `read_docx(docx_path)`.

    The document keeps the original's name and says its original format; the caller hashes the
    original file, so lineage is the file the clerk sent.

    Raises:
        ReaderError: soffice is missing or could not convert the file (the format's usual reason,
            with what to do), or took too long (`timeout`).
    """
    binary = soffice()
    if binary is None:
        raise ReaderError(_REASON[format], f"{_NAMES[format]}; {_ASK[format]}; or, {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="muniflow-convert-") as work:
        docx_path = convert_to_docx(path, format, Path(work), binary)
        try:
            doc = read_docx(docx_path)
        except ReaderError as err:  # name the clerk's file, not the temporary one
            raise ReaderError(
                err.reason,
                err.message.replace(docx_path.name, f"{path.name} (converted by LibreOffice)"),
                err.text,
            ) from err
    return replace(doc, source_file=str(path), format=format)


def convert_to_docx(path: Path, format: str, work: Path, binary: str, timeout: float | None = None) -> Path:
    """Run soffice headless on a copy of `path` in `work`; returns the DOCX it wrote there."""
    # soffice names its output after the input; the clerk's name may be odd
    if format == "mht":  # LibreOffice reads the archive's page, not the archive
        source = work / "input.html"
        source.write_bytes(archived_page(path))
    else:
        source = work / f"input.{_SUFFIX.get(format, format)}"
        shutil.copyfile(path, source)
    return convert_all_to_docx([source], work, binary, timeout, formats=[format])[0]


def convert_all_to_docx(
    sources: Sequence[Path],
    work: Path,
    binary: str,
    timeout: float | None = None,
    formats: Sequence[str] | None = None,
) -> list[Path]:
    """Convert files in `work` (distinct names) to DOCX in one soffice run, as it is slow to start;
    returns the DOCX files it wrote, in order. `formats` name what each file is, for the messages
    (by default its extension)."""
    out = work / "out"
    command = [
        binary,
        f"-env:UserInstallation={_worker_profile().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out),
        *(str(source) for source in sources),
    ]
    kinds = list(formats) if formats is not None else [source.suffix[1:] for source in sources]
    format = kinds[0]
    limit = timeout if timeout is not None else conversion_timeout()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, cwd=work
    )
    try:
        _, stderr = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise ReaderError(
            "timeout",
            f"LibreOffice took over {limit:g} s to convert {_NAMES[format]} and was stopped; {_ASK[format]}",
        ) from None
    converted = [out / f"{source.stem}.docx" for source in sources]
    missing = [source for source, docx in zip(sources, converted, strict=True) if not docx.exists()]
    if process.returncode != 0 or missing:
        format = kinds[list(sources).index(missing[0])] if missing else format
        detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {process.returncode}"]
        raise ReaderError(
            _REASON[format],
            f"{_NAMES[format]} that LibreOffice could not convert ({detail[0]}); {_ASK[format]}",
        )
    return converted


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill soffice and the soffice.bin it started (they share the new session's process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


# LibreOffice loads what a document links to (an image at http://…, file://…) while converting it:
# a report could make the ingest machine fetch any address it names. This setting of the profile
# blocks every link of a document that is not in a trusted location (none are configured).
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def _worker_profile() -> Path:
    """This process's own LibreOffice profile directory (linked content blocked, see
    PROFILE_SETTINGS), made once and removed at exit."""
    global _profile
    if _profile is None:
        profile = Path(tempfile.gettempdir()) / f"muniflow-soffice-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        atexit.register(shutil.rmtree, profile, True)
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(PROFILE_SETTINGS, encoding="utf-8")
        _profile = profile
    return _profile
