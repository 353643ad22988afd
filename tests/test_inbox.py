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
    ("~WRL0003.tmp", True, "Word's temporary copy of an earlier version, left after a save"),
    ("~report.docx", False, "a name starting with a tilde is no temporary copy by that alone"),
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


def test_an_addendum_in_the_folder_comes_after_the_report_it_adds_to(tmp_path: Path) -> None:
    """«Энск дополнение.docx» sorts before «Энск отчёт.docx» by name; ingested first, the report
    would then supersede it (a report is no addendum). A name saying it adds to a report comes after."""
    names = ["Энск дополнение к отчету.docx", "Энск отчет.docx", "Ывань отчет.docx"]
    for name in names:
        (tmp_path / name).write_bytes(name.encode())
    assert [f.name for f in scan([tmp_path]).files] == [
        "Ывань отчет.docx",
        "Энск отчет.docx",
        "Энск дополнение к отчету.docx",
    ]


def test_a_later_copy_under_the_same_name_comes_right_after_its_original(tmp_path: Path) -> None:
    """A browser names a second download «Ржев (1).docx», Explorer a copy «Ржев - копия.docx»: each
    sorts before «Ржев.docx» by name and, ingested first, would be superseded by the original it
    replaces. They come right after it, by their number."""
    names = ["Ржев (2).docx", "Ржев (1).docx", "Копия Кимры.docx", "Кимры.docx", "Ржев.docx", "Торжок.docx"]
    for name in names:
        (tmp_path / name).write_bytes(name.encode())
    assert [f.name for f in scan([tmp_path]).files] == [
        "Кимры.docx",
        "Копия Кимры.docx",
        "Ржев.docx",
        "Ржев (1).docx",
        "Ржев (2).docx",
        "Торжок.docx",
    ]


def test_a_detached_signature_beside_its_file_is_skipped_and_one_holding_the_report_is_not(
    tmp_path: Path,
) -> None:
    """«отчёт.pdf.sig» signs «отчёт.pdf», which is read: no report of its own. «письмо.docx.sig»
    with no «письмо.docx» beside it holds the report inside (an attached signature): listed."""
    for name in ("отчёт.pdf", "отчёт.pdf.sig", "отчёт.pdf.P7S", "письмо.docx.sig"):
        (tmp_path / name).write_bytes(b"x")
    inbox = scan([tmp_path])
    assert sorted(p.name for p in inbox.files) == ["отчёт.pdf", "письмо.docx.sig"]
    assert sorted(p.name for p in inbox.skipped) == ["отчёт.pdf.P7S", "отчёт.pdf.sig"]


def test_a_name_made_on_windows_is_recorded_in_cyrillic(tmp_path: Path, samples: Path) -> None:
    """A report whose name's bytes are cp1251 (a Windows ZIP unpacked as it was, a Samba share) or
    cp866 (`unzip`'s) loads beside the others; it was a crash that loaded nothing. Its name is
    recorded as it reads, the path it is read from is its own."""
    import os
    import shutil

    from muniflow.intake.expand import lineage_name
    from muniflow.plain import ingest_plain
    from muniflow.warehouse import db

    folder = os.fsencode(tmp_path / "входящие")
    os.mkdir(folder)
    shutil.copy(samples / "invented_tver_2024_q4.docx", folder + b"/" + "Кимры.docx".encode("cp1251"))
    shutil.copy(samples / "invented_pskov_2024_q3.docx", folder + b"/" + "Псков.docx".encode("cp866"))
    run = ingest_plain([os.fsdecode(folder)], str(tmp_path / "w.duckdb"))
    expected = {str(tmp_path / "входящие" / name) for name in ("Кимры.docx", "Псков.docx")}
    assert set(run["statuses"]) == expected
    assert set(run["statuses"].values()) == {"loaded"}
    with db.connect(tmp_path / "w.duckdb") as con:
        assert {r[0] for r in con.execute("select source_file from reports").fetchall()} == expected
    assert lineage_name("/tmp/отчёт.docx") == "/tmp/отчёт.docx"
