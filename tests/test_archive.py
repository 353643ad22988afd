"""ZIP archives: members read as if in the inbox, the archive refused whole when it is hostile."""

from __future__ import annotations

import shutil
import stat
import zipfile
from pathlib import Path

import badfiles as bf
import pytest

from muniflow.intake.archive import ArchiveLimits, unpack_checked
from muniflow.intake.expand import expand
from muniflow.intake.limits import default_limits
from muniflow.model import ReaderError

SAMPLES = Path(__file__).resolve().parents[1] / "sample_inputs"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _cp866_zip(path: Path, name: str, data: bytes) -> Path:
    """A zip whose member name is CP866 bytes without the UTF-8 flag, as Windows' Explorer writes it."""
    raw = name.encode("cp866")
    placeholder = b"q" * len(raw)
    _zip(path, {placeholder.decode(): data})
    content = path.read_bytes()
    assert content.count(placeholder) == 2  # local header and central directory
    path.write_bytes(content.replace(placeholder, raw))
    return path


def _symlink_zip(path: Path) -> Path:
    info = zipfile.ZipInfo("link.docx")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(info, "/etc/passwd")
    return path


def _unpack(path: Path, tmp_path: Path):
    dest = tmp_path / "out"
    dest.mkdir()
    return unpack_checked(path, default_limits(), str(dest))


REFUSED = [
    # (case, build, reason, why)
    (
        "traversal",
        lambda p: _zip(p, {"../evil.docx": b"x"}),
        "unsafe_archive",
        "a member escaping the folder",
    ),
    ("absolute", lambda p: _zip(p, {"/etc/cron.d/x": b"x"}), "unsafe_archive", "an absolute member path"),
    ("drive", lambda p: _zip(p, {"C:\\Windows\\x.docx": b"x"}), "unsafe_archive", "a Windows drive path"),
    ("backslash", lambda p: _zip(p, {"a\\..\\..\\x.docx": b"x"}), "unsafe_archive", "`..` with backslashes"),
    ("symlink", _symlink_zip, "unsafe_archive", "a symbolic link could point anywhere"),
    (
        "bomb",
        lambda p: bf.zip_with_raw(
            p, {}, "zeros.docx", bf.zeros_deflate(300), 300 * bf.MIB, bf.zeros_crc(300)
        ),
        "too_large",
        "declares 300 MB in a few KB: refused before inflating",
    ),
    (
        "many",
        lambda p: _zip(p, {f"f{i}.txt": b"x" for i in range(ArchiveLimits.load().max_members + 1)}),
        "too_large",
        "more members than the contract allows",
    ),
    ("truncated", lambda p: p.write_bytes(b"PK\x03\x04" + bytes(30)), "corrupt_file", "cut short"),
]


@pytest.mark.parametrize(("case", "build", "reason", "why"), REFUSED, ids=[c[0] for c in REFUSED])
def test_a_hostile_archive_is_refused_whole(tmp_path: Path, case: str, build, reason: str, why: str) -> None:
    path = tmp_path / f"{case}.zip"
    build(path)
    with pytest.raises(ReaderError) as err:
        _unpack(path, tmp_path)
    assert err.value.reason == reason, why
    assert list((tmp_path / "out").iterdir()) == [], "nothing is written before the archive is cleared"


def test_members_are_copied_out_and_litter_left(tmp_path: Path) -> None:
    docx = (SAMPLES / "invented_tver_2024_q4.docx").read_bytes()
    path = _zip(
        tmp_path / "a.zip",
        {"q4/report.docx": docx, "note.txt": b"hello", "__MACOSX/._r": b"", "~$r.docx": b""},
    )
    unpacked = _unpack(path, tmp_path)
    assert [m.name for m in unpacked.members] == ["q4/report.docx", "note.txt"]
    assert Path(unpacked.members[0].path).read_bytes() == docx
    assert set(unpacked.skipped) == {"__MACOSX/._r", "~$r.docx"}


def test_a_cp866_member_name_is_decoded(tmp_path: Path) -> None:
    path = _cp866_zip(tmp_path / "a.zip", "Отчёт за 2 квартал.docx", b"x")
    assert [m.name for m in _unpack(path, tmp_path).members] == ["Отчёт за 2 квартал.docx"]


def test_a_document_package_is_not_an_archive(tmp_path: Path) -> None:
    assert _unpack(SAMPLES / "invented_tver_2024_q4.docx", tmp_path) is None


def test_nested_archives_are_read_to_the_contracts_depth_and_refused_beyond(tmp_path: Path) -> None:
    docx = (SAMPLES / "invented_tver_2024_q4.docx").read_bytes()
    inner = _zip(tmp_path / "inner.zip", {"r.docx": docx})
    outer = _zip(tmp_path / "outer.zip", {"inner.zip": inner.read_bytes()})
    assert ArchiveLimits.load().max_depth == 2, "this case is built for a depth of 2"
    ok = expand([outer], tmp_path / "w1")
    assert [i.name for i in ok.inputs] == [f"{outer}!inner.zip!r.docx"]
    assert [a.source_file for a in ok.archives] == [str(outer), f"{outer}!inner.zip"]
    deeper = _zip(tmp_path / "deeper.zip", {"outer.zip": outer.read_bytes()})
    refused = expand([deeper], tmp_path / "w2")
    assert refused.inputs == ()
    assert [(r.source_file, r.error.reason) for r in refused.refused] == [
        (f"{deeper}!outer.zip!inner.zip", "archive_too_deep")
    ]


def test_an_inbox_of_documents_passes_through_unchanged(tmp_path: Path) -> None:
    docx = Path(shutil.copy(SAMPLES / "invented_tver_2024_q4.docx", tmp_path))
    note = tmp_path / "n.txt"
    note.write_text("x")
    result = expand([docx, note], tmp_path / "w")
    assert [(i.path, i.name) for i in result.inputs] == [(docx, str(docx)), (note, str(note))]
    assert result.archives == () and result.refused == ()
