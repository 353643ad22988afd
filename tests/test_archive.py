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


def _email(path: Path, attachments: dict[str, bytes]) -> Path:
    """A letter saved as .eml, as a mail client writes it: text, then each attachment."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "adm@example.ru"
    message["To"] = "mvs@example.ru"
    message["Subject"] = "Отчёт о международных мероприятиях"
    message.set_content("Направляем информацию за II квартал.")
    for name, data in attachments.items():
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    path.write_bytes(bytes(message))
    return path


def test_a_saved_email_is_read_by_its_attachments(tmp_path: Path) -> None:
    """An .eml in the inbox: its attachments are read as an archive's members are
    (`letter.eml!Отчёт.docx`), its lock files left; a letter with no attachment is refused saying
    what to do; a text file that merely starts with «From:» is no letter."""
    docx = (SAMPLES / "invented_tver_2024_q4.docx").read_bytes()
    letter = _email(tmp_path / "letter.eml", {"Отчёт Андреаполь.docx": docx, "~$Отчёт.docx": b""})
    result = expand([letter], tmp_path / "w")
    assert [i.name for i in result.inputs] == [f"{letter}!Отчёт Андреаполь.docx"]
    assert result.inputs[0].path.read_bytes() == docx
    assert [(a.source_file, a.skipped) for a in result.archives] == [(str(letter), ("~$Отчёт.docx",))]
    note = tmp_path / "note.txt"
    note.write_text("From: отдел\nКому: всем\n\nОтчёт будет позже.", encoding="utf-8")
    other = expand([_email(tmp_path / "empty.eml", {"a.txt": b""}), note], tmp_path / "w2")
    assert [i.name for i in other.inputs] == [f"{tmp_path / 'empty.eml'}!a.txt", str(note)]


def test_a_letter_forwarded_as_an_attachment_is_opened_for_its_own(tmp_path: Path) -> None:
    """«Forward as attachment»: the report is attached to the letter attached to the saved one."""
    from email import message_from_bytes, policy
    from email.message import EmailMessage

    docx = (SAMPLES / "invented_tver_2024_q4.docx").read_bytes()
    inner = _email(tmp_path / "inner.eml", {"Отчёт Озёрный.docx": docx})
    outer = EmailMessage()
    outer["From"] = "region@example.ru"
    outer["Subject"] = "FW: отчёт"
    outer.set_content("Пересылаю.")
    outer.add_attachment(message_from_bytes(inner.read_bytes(), policy=policy.default))
    letter = tmp_path / "forwarded.eml"
    letter.write_bytes(bytes(outer))
    result = expand([letter], tmp_path / "w")
    assert [i.name for i in result.inputs] == [f"{letter}!Отчёт Озёрный.docx"]
    assert result.inputs[0].path.read_bytes() == docx


def test_a_letter_without_attachment_is_refused_with_what_to_do(tmp_path: Path) -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "adm@example.ru"
    message.set_content("Отчёт направим позднее.")
    message.add_alternative("<p>Отчёт направим позднее.</p>", subtype="html")
    path = tmp_path / "letter.eml"
    path.write_bytes(bytes(message))
    result = expand([path], tmp_path / "w")
    assert [(r.source_file, r.error.reason) for r in result.refused] == [(str(path), "no_table_found")]
    assert "attachment" in result.refused[0].error.message


def test_a_document_cut_short_is_said_damaged_as_a_document(tmp_path: Path) -> None:
    """A DOCX cut half-way in sending has no zip directory: it is no archive the clerk packed, so
    the message says to save the document again, not to pack files again."""
    docx = (SAMPLES / "invented_tver_2024_q4.docx").read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(docx[: len(docx) // 2])
    with pytest.raises(ReaderError) as err:
        _unpack(cut, tmp_path)
    assert err.value.reason == "corrupt_file"
    assert "document is damaged" in err.value.message and "pack the files" not in err.value.message


def test_a_web_page_saved_as_one_file_is_no_letter(tmp_path: Path) -> None:
    """Word's «Web archive» (.mht) is a MIME message too, «multipart/related»: a document, read as
    one, never unpacked as a letter with no attachment."""
    mht = tmp_path / "report.mht"
    mht.write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/html\r\n\r\n<html><body><table><tr><td>1</td></tr></table></body></html>"
        b"\r\n--b--\r\n"
    )
    result = expand([mht], tmp_path / "w")
    assert [i.name for i in result.inputs] == [str(mht)] and result.refused == ()
