"""ZIP archives a clerk sends: checked and unpacked in a sandboxed worker, members read as if in the inbox.

A zip that is a document package (DOCX, ODT, XLSX: it holds `[Content_Types].xml` or `mimetype`) is
not an archive. An archive is refused whole when it is a bomb (declared sizes and ratios, as for
DOCX), holds too many members, a member path that escapes (absolute, `..`, a drive letter), a
symbolic link, or a password. Member names without the UTF-8 flag are decoded as CP866, which is
what Windows' Russian "Send to > Compressed folder" writes. Members are copied out under safe names
(never the member's own path) and named in lineage as `archive.zip!folder/member.docx`.
"""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from muniflow.contracts import load_yaml
from muniflow.intake import guards
from muniflow.intake.inbox import is_litter
from muniflow.intake.limits import Limits
from muniflow.model import ReaderError

PACKAGE_MARKERS = ("[Content_Types].xml", "mimetype")  # OOXML and OpenDocument packages
_UTF8_FLAG = 0x800
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class ArchiveLimits:
    """What one archive may hold (contracts/intake.yaml, `archive`)."""

    max_members: int
    max_depth: int

    @classmethod
    def load(cls, path: Path | None = None) -> ArchiveLimits:
        data = load_yaml("intake.yaml", path, ("archive",))["archive"]
        return cls(max_members=int(data["max_members"]), max_depth=int(data["max_depth"]))


@dataclass(frozen=True)
class Member:
    """One file unpacked from an archive: its name inside the archive and where its copy lies."""

    name: str
    path: str


@dataclass(frozen=True)
class Unpacked:
    """What a worker unpacked: the members to read (in archive order) and the litter it left out."""

    members: tuple[Member, ...]
    skipped: tuple[str, ...] = ()


def looks_like_zip(path: Path) -> bool:
    """True when the file starts like a zip: cheap, read in the parent to decide where it goes."""
    with path.open("rb") as f:
        return f.read(4) in (b"PK\x03\x04", b"PK\x05\x06")


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its writer meant it: UTF-8 when flagged, else CP866 (zipfile read CP437)."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("cp866")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def unpack_checked(path: Path, limits: Limits, dest: str) -> Unpacked | None:
    """What a worker runs: None for a document package, else check the archive and copy its members
    into `dest`. Raises ReaderError saying why an archive is refused whole."""
    guards.check_file_size(path.stat().st_size, limits)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if any(info.filename in PACKAGE_MARKERS for info in infos):
                return None
            return _unpack(zf, infos, limits, Path(dest))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        if _is_package(path):
            raise ReaderError(
                "corrupt_file",
                f"the document is damaged, likely cut short in sending ({exc}); open it in Word (or "
                "ask for it again), save it and re-send",
            ) from exc
        raise ReaderError(
            "corrupt_file", f"the zip archive is damaged ({exc}); pack the files again and re-send"
        ) from exc


def _is_package(path: Path) -> bool:
    """A damaged zip that is a document (a DOCX, XLSX, ODT: its first entries name a package's
    parts), not an archive a clerk packed."""
    with path.open("rb") as f:
        head = f.read(4096)
    return any(marker.encode() in head for marker in (*PACKAGE_MARKERS, "word/", "xl/", "_rels/"))


def _unpack(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits, dest: Path) -> Unpacked:
    files = [info for info in infos if not info.is_dir()]
    archive_limits = ArchiveLimits.load()
    if len(files) > archive_limits.max_members:
        raise ReaderError(
            "too_large",
            f"the archive holds {len(files)} files, over the limit of {archive_limits.max_members}; "
            "send each quarter's reports in their own archive",
        )
    guards.check_zip_sizes(infos, limits)
    for info in files:
        _check_member(info)
    members = []
    skipped = []
    for index, info in enumerate(files):
        name = member_name(info)
        if any(is_litter(PurePosixPath(part)) for part in PurePosixPath(name).parts):
            skipped.append(name)
            continue
        target = dest / f"{index:04d}{_safe_suffix(name)}"
        with zf.open(info) as source, target.open("wb") as out:
            shutil.copyfileobj(source, out)  # bounded: zipfile reads no more than the declared size
        members.append(Member(name, str(target)))
    return Unpacked(tuple(members), tuple(skipped))


def _check_member(info: zipfile.ZipInfo) -> None:
    """Refuse an encrypted member, a symbolic link, or a path that would land outside a folder."""
    if info.flag_bits & 0x1:
        raise ReaderError("encrypted", "the archive is password-protected; send it without a password")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise ReaderError(
            "unsafe_archive", f"the archive holds a symbolic link ({info.filename}); pack plain files only"
        )
    name = info.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or _DRIVE.match(name) or ".." in parts:
        raise ReaderError(
            "unsafe_archive",
            f"member {info.filename!r} points outside the archive's folder (a path-traversal attack or "
            "a broken packer); pack the files again and re-send",
        )


def _safe_suffix(name: str) -> str:
    """The member's own suffix if it is plain (it helps a person reading the temp folder), else none."""
    suffix = PurePosixPath(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""
