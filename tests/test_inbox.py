"""A folder scan lists every file a person sent and skips only system litter, counting it."""

from __future__ import annotations

from pathlib import Path

import pytest

from muniflow.intake.inbox import is_litter, scan

CASES = [
    # (relative name, skipped?, why)
    ("report.docx", False, "a document"),
    ("notes.txt", False, "a note the clerk sent: must be listed (quarantined), not dropped"),
    ("scan.JPG", False, "a photo: OCR or quarantine, never silence"),
    ("reports.zip", False, "an archive: unpacked or quarantined"),
    ("no_extension", False, "a file without a suffix is still something sent"),
    ("~$report.docx", True, "Word's lock file while the report is open"),
    (".DS_Store", True, "macOS Finder metadata"),
    ("Thumbs.db", True, "Windows Explorer thumbnails"),
    ("desktop.ini", True, "Windows folder settings"),
    ("._report.docx", True, "macOS resource fork on a foreign disk (hidden)"),
    (".hidden/report.docx", True, "inside a hidden folder"),
    ("sub/report.pdf", False, "in a sub-folder"),
]


@pytest.mark.parametrize(("name", "skipped", "why"), CASES, ids=[c[0] for c in CASES])
def test_litter_is_told_from_files_a_person_sent(tmp_path: Path, name: str, skipped: bool, why: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    inbox = scan([tmp_path])
    assert (path in inbox.skipped) is skipped, why
    assert (path in inbox.files) is not skipped, why


def test_a_file_named_explicitly_is_taken_even_if_it_looks_like_litter(tmp_path: Path) -> None:
    path = tmp_path / "~$odd.docx"
    path.write_bytes(b"x")
    assert scan([path]).files == (path,)
    assert is_litter(path)


def test_the_same_file_given_twice_is_taken_once(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"x")
    assert scan([tmp_path, path]).files == (path,)


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        scan([tmp_path / "typo"])


def test_a_corrected_report_in_the_folder_comes_after_its_original(tmp_path: Path) -> None:
    """«… (исправленный).docx» sorts before «….docx» by name; ingested first, the original would
    then supersede it. Files whose name says they correct a report come after the others."""
    names = [
        "Велижский район 2кв (исправленный).docx",
        "Велижский район 2кв.docx",
        "Демидовский район 2кв уточнённый.pdf",
        "Демидовский район 2кв.pdf",
        "Духовщинский район 2кв.docx",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    assert [f.name for f in scan([tmp_path]).files] == [
        "Велижский район 2кв.docx",
        "Демидовский район 2кв.pdf",
        "Духовщинский район 2кв.docx",
        "Велижский район 2кв (исправленный).docx",
        "Демидовский район 2кв уточнённый.pdf",
    ]
