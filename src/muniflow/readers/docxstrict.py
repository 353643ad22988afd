"""Word's «Strict Open XML Document» (ISO/IEC 29500 Strict) read as the ordinary (Transitional) DOCX.

Strict writes the same elements and parts under other namespace and relationship-type URIs
(`http://purl.oclc.org/ooxml/wordprocessingml/main` for `…/wordprocessingml/2006/main`), which
python-docx does not know: it cannot even find the main part. The package is copied in memory
with every Strict URI in its XML parts and relationships replaced by its Transitional twin; the
packaging URIs (content types, package relationships, core properties) are the same in both.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

_STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/([A-Za-z]+)((?:/[A-Za-z]+)*)")
# Strict renamed a few last segments besides dropping the year from the path.
_RENAMED = {b"extendedProperties": b"extended-properties", b"customProperties": b"custom-properties"}
_PACKAGE_RELS = "_rels/.rels"


def is_strict(zf: zipfile.ZipFile) -> bool:
    """True when the package's relationships point at its main part with a Strict relationship type."""
    try:
        rels = zf.read(_PACKAGE_RELS)
    except KeyError:
        return False
    return b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in rels


def transitional(path: Path) -> io.BytesIO | None:
    """The Strict package at `path` rewritten in Transitional namespaces; None for any other file
    (python-docx then opens the file itself and says what is wrong with it)."""
    try:
        with zipfile.ZipFile(path) as zf:
            if not is_strict(zf):
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for info in zf.infolist():
                    data = zf.read(info)
                    if info.filename.lower().endswith((".xml", ".rels")):
                        data = _STRICT.sub(_transitional_uri, data)
                    copy.writestr(info, data)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
        return None
    out.seek(0)
    return out


def _transitional_uri(match: re.Match[bytes]) -> bytes:
    """`…/ooxml/officeDocument/relationships/styles` → `…/officeDocument/2006/relationships/styles`."""
    area, name, rest = match.group(1), match.group(2), match.group(3)
    name = _RENAMED.get(name, name)
    if rest:
        tail = rest.rsplit(b"/", 1)
        rest = tail[0] + b"/" + _RENAMED.get(tail[1], tail[1])
    return b"http://schemas.openxmlformats.org/" + area + b"/2006/" + name + rest
