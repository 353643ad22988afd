"""A DOCX package that Word opens but python-docx refuses, copied in memory into one it reads.

- Word's «Strict Open XML Document» (ISO/IEC 29500 Strict) writes the same elements and parts under
  other namespace and relationship-type URIs (`http://purl.oclc.org/ooxml/wordprocessingml/main`
  for `…/wordprocessingml/2006/main`), which python-docx does not know: it cannot even find the
  main part. Every Strict URI in the XML parts and relationships is replaced by its Transitional
  twin; the packaging URIs (content types, package relationships, core properties) are the same.
- A relationship pointing inside the package at a part that is not there (a hyperlink to «#_top»
  or «NULL» written without TargetMode="External", a picture or custom XML part another program
  dropped): python-docx stops at the first one, Word ignores it. Such relationships are left out.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

# The package was checked for DTDs by the intake; this parser would not load one anyway.
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

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


def readable(path: Path) -> io.BytesIO | None:
    """The package at `path` mended as the module says, or None when it needs nothing (or is no
    zip: python-docx then opens the file itself and says what is wrong with it)."""
    try:
        with zipfile.ZipFile(path) as zf:
            strict = is_strict(zf)
            names = set(zf.namelist())
            rels = [n for n in names if n.endswith(".rels")]
            dangling = {n: _dangling(n, zf.read(n), names) for n in rels}
            if not strict and not any(dangling.values()):
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for info in zf.infolist():
                    data = zf.read(info)
                    if dangling.get(info.filename):
                        data = _without(data, dangling[info.filename])
                    if strict and info.filename.lower().endswith((".xml", ".rels")):
                        data = _STRICT.sub(_transitional_uri, data)
                    copy.writestr(info, data)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, etree.XMLSyntaxError):
        return None
    out.seek(0)
    return out


def _dangling(rels_name: str, data: bytes, names: set[str]) -> set[str]:
    """The ids of the relationships in a .rels part whose internal target is no part of the package."""
    source_dir = posixpath.dirname(posixpath.dirname(rels_name))  # word/_rels/x.xml.rels -> word
    missing = set()
    for rel in etree.fromstring(data, _SAFE_XML):
        if not isinstance(rel.tag, str) or rel.get("TargetMode") == "External":
            continue
        raw = rel.get("Target", "")
        target = unquote(raw.split("#")[0])
        part = posixpath.normpath(
            posixpath.join("" if raw.startswith("/") else source_dir, target.lstrip("/"))
        )
        if not target or part not in names:
            missing.add(rel.get("Id", ""))
    return missing


def _without(data: bytes, ids: set[str]) -> bytes:
    """A .rels part without the relationships of these ids."""
    root = etree.fromstring(data, _SAFE_XML)
    for rel in list(root):
        if isinstance(rel.tag, str) and rel.get("Id", "") in ids:
            root.remove(rel)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _transitional_uri(match: re.Match[bytes]) -> bytes:
    """`…/ooxml/officeDocument/relationships/styles` → `…/officeDocument/2006/relationships/styles`."""
    area, name, rest = match.group(1), match.group(2), match.group(3)
    name = _RENAMED.get(name, name)
    if rest:
        tail = rest.rsplit(b"/", 1)
        rest = tail[0] + b"/" + _RENAMED.get(tail[1], tail[1])
    return b"http://schemas.openxmlformats.org/" + area + b"/2006/" + name + rest
