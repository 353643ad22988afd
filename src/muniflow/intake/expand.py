"""The inbox's files as inputs to read: archives unpacked (in a sandboxed worker), members named by lineage.

Runs in the parent: it decides, per file, whether it is read as it is or unpacked, and keeps the
record of every archive, unpacked or refused, so each file a clerk sent is accounted for.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass
from itertools import islice, product
from pathlib import Path

from muniflow.intake import run_sandboxed, sha256_file
from muniflow.intake.archive import ArchiveLimits, Unpacked, looks_like_zip, unpack_checked
from muniflow.intake.mail import looks_like_email, unpack_email
from muniflow.model import ReaderError

SEPARATOR = "!"  # lineage of a member: "reports.zip!folder/report.docx"


@dataclass(frozen=True)
class Input:
    """One file to read: where its bytes are, and the name lineage gives it."""

    path: Path
    name: str


def lineage_name(path: Path | str) -> str:
    """The name a file is recorded under: its path, with each part whose bytes are no UTF-8 (a name
    made on Windows, unpacked or copied as it was: cp1251, or cp866 from a ZIP) decoded by the
    code page that gives it the more Cyrillic letters. Such a path is read as it is, but its name
    could be neither stored nor printed."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        parts = os.fsencode(text).split(b"/")
        return "/".join(_decoded(part) for part in parts)


def _decoded(part: bytes) -> str:
    try:
        return part.decode("utf-8")
    except UnicodeDecodeError:
        readings = [part.decode(code, errors="replace") for code in ("cp1251", "cp866")]
        return max(readings, key=lambda r: len(_CYRILLIC.findall(r)))


_CYRILLIC = re.compile("[а-яёА-ЯЁ]")


_CODE_PAGES = ("utf-8", "cp1251", "cp866")
_MAX_SPELLINGS = 64


def on_disk(recorded: str) -> Path | None:
    """The file a recorded path names: as written, or with its non-ASCII parts in the code page
    they were decoded from (a name made on Windows is recorded in Cyrillic, `lineage_name`)."""
    if Path(recorded).is_file():
        return Path(recorded)
    parts = recorded.split("/")
    if all(part.isascii() for part in parts):
        return None
    options = []
    for part in parts:
        spellings = [part.encode(code, errors="strict") for code in _CODE_PAGES if _encodes(part, code)]
        options.append(list(dict.fromkeys(spellings)) or [part.encode("utf-8")])
    for spelled in islice(product(*options), _MAX_SPELLINGS):
        path = Path(os.fsdecode(b"/".join(spelled)))
        if path.is_file():
            return path
    return None


def _encodes(text: str, code: str) -> bool:
    try:
        text.encode(code)
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class ArchiveRecord:
    """An archive that was unpacked: its name, hash, and the members read or skipped as litter."""

    source_file: str
    sha256: str
    members: tuple[str, ...]
    skipped: tuple[str, ...]


@dataclass(frozen=True)
class Refused:
    """An archive refused whole (a bomb, a path traversal, too deep): quarantined like any file."""

    source_file: str
    sha256: str
    error: ReaderError


@dataclass(frozen=True)
class Expanded:
    inputs: tuple[Input, ...]
    archives: tuple[ArchiveRecord, ...] = ()
    refused: tuple[Refused, ...] = ()


def expand(files: tuple[Path, ...] | list[Path], workdir: Path, documents: Collection[str] = ()) -> Expanded:
    """Every file as an input; each archive unpacked into `workdir` (kept by the caller while reading).

    `documents` names files known to be documents, not archives (the warehouse holds them as read
    reports): they are taken as they are, without the sandboxed archive check a zip-like file (a
    DOCX) otherwise gets, which costs a worker process when none is running."""
    inputs: list[Input] = []
    archives: list[ArchiveRecord] = []
    refused: list[Refused] = []
    max_depth = ArchiveLimits.load().max_depth
    counter = iter(range(1 << 30))

    def visit(path: Path, name: str, depth: int) -> None:
        known = depth == 1 and name in documents
        mail = not known and looks_like_email(path)
        if known or not (mail or looks_like_zip(path)):
            inputs.append(Input(path, name))
            return
        dest = workdir / f"a{next(counter):05d}"
        dest.mkdir(parents=True)
        try:
            unpack = unpack_email if mail else unpack_checked
            unpacked: Unpacked | None = run_sandboxed(path, unpack, str(dest))
        except ReaderError as err:
            refused.append(Refused(name, sha256_file(path), err))
            return
        if unpacked is None:  # a DOCX or another document package
            inputs.append(Input(path, name))
            return
        if depth > max_depth:
            refused.append(Refused(name, sha256_file(path), _too_deep(max_depth)))
            return
        archives.append(
            ArchiveRecord(name, sha256_file(path), tuple(m.name for m in unpacked.members), unpacked.skipped)
        )
        for member in unpacked.members:
            visit(Path(member.path), f"{name}{SEPARATOR}{member.name}", depth + 1)

    for f in files:
        visit(Path(f), lineage_name(f), 1)
    return Expanded(tuple(inputs), tuple(archives), tuple(refused))


def _too_deep(max_depth: int) -> ReaderError:
    return ReaderError(
        "archive_too_deep",
        f"archives are nested more than {max_depth} deep; put the reports themselves in one archive",
    )


def as_pages(files: tuple[Path, ...] | list[Path], workdir: Path) -> Expanded:
    """The photos of one report's pages as one input (a multi-page TIFF made in a sandboxed worker),
    named `page1.jpg+page2.jpg` in lineage."""
    from muniflow.intake.scan import combine_pages

    name = "+".join(map(str, files))
    target = workdir / "pages.tiff"
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        run_sandboxed(Path(files[0]), combine_pages, [str(f) for f in files[1:]], str(target))
    except ReaderError as err:
        return Expanded((), (), (Refused(name, sha256_file(Path(files[0])), err),))
    return Expanded((Input(target, name),))
