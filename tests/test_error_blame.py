"""internal_error vs corrupt_file: a bug of ours on a valid file is never blamed on the sender.

Told apart by where the exception came from (readers/blame.py), so each case below is a real reader
on a real file: a valid file with a bug injected into muniflow's code, or a damaged file.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import badfiles as bf
import pytest

from muniflow.intake import Limits, WorkerPool
from muniflow.intake.checked import read_checked
from muniflow.model import ReaderError
from muniflow.readers import reader_for
from muniflow.readers.blame import blame

LIMITS = dataclasses.replace(Limits.load(), timeout_seconds=30, memory_mb=1024)


def _valid_pdf(folder: Path) -> Path:
    path = folder / "valid.pdf"
    path.write_bytes(bf.table_pdf())
    return path


def _valid_docx(folder: Path) -> Path:
    return bf.docx_report(folder / "valid.docx")


def _truncated_pdf(folder: Path) -> Path:
    path = folder / "cut.pdf"
    path.write_bytes(bf.table_pdf()[:400])
    return path


def _truncated_docx(folder: Path) -> Path:
    data = _valid_docx(folder).read_bytes()
    path = folder / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


# (file, muniflow function to break or None, expected reason, why)
CASES = [
    (_valid_pdf, "muniflow.readers.pdf:_page_fragments", "internal_error",
     "the bug is raised inside the PDF reader's try-block that also guards pdfplumber"),
    (_valid_pdf, "muniflow.readers.pdf:stitch_groups", "internal_error",
     "a bug after parsing, outside any try-block"),
    (_valid_docx, "muniflow.readers.docx:read_table", "internal_error",
     "a bug in the DOCX table walker on a valid document"),
    (_valid_docx, "muniflow.readers.docxtext:paragraph_text", "internal_error",
     "a bug in the title reader on a valid document"),
    (_truncated_pdf, None, "corrupt_file", "a PDF cut inside its objects: pdfminer cannot parse it"),
    (_truncated_docx, None, "corrupt_file", "a DOCX cut in half: the zip has no central directory"),
]  # fmt: skip
IDS = [f"{make.__name__}-{(target or 'no bug').split(':')[-1]}" for make, target, *_ in CASES]


@pytest.fixture(scope="module")
def pools():
    with (
        WorkerPool(1, LIMITS, task=bf.read_with_injected_bug) as buggy,  # type: ignore[arg-type]
        WorkerPool(1, LIMITS) as plain,
    ):
        yield buggy, plain


@pytest.mark.parametrize(("make", "target", "reason", "why"), CASES, ids=IDS)
def test_sandbox_reason(pools, tmp_path: Path, make, target, reason, why) -> None:
    buggy, plain = pools
    path = make(tmp_path)
    with pytest.raises(ReaderError) as caught:
        buggy.open(path, target) if target else plain.open(path)
    assert caught.value.reason == reason, why
    if reason == "internal_error":
        assert "report it with the file" in caught.value.message


@pytest.mark.parametrize(("make", "target", "reason", "why"), CASES, ids=IDS)
def test_in_process_reason(monkeypatch, tmp_path: Path, make, target, reason, why) -> None:
    """The same, without a worker: the reader lets our bug through and blame() names it."""
    path = make(tmp_path)
    if target:
        module, name = target.split(":")

        def broken(*args, **kwargs):
            return {}["a key our code forgot"]

        monkeypatch.setattr(f"{module}.{name}", broken)
    with pytest.raises(Exception) as caught:
        read_checked(path, LIMITS)
    got = caught.value.reason if isinstance(caught.value, ReaderError) else blame(caught.value)
    assert got == reason, why


def test_valid_files_read_without_a_bug(tmp_path: Path) -> None:
    """Control: the valid files of the table really are readable, so a failure above is the bug."""
    for make in (_valid_pdf, _valid_docx):
        path = make(tmp_path)
        assert reader_for(path.suffix[1:]).read(path).tables


def test_library_exception_types_blame_the_file() -> None:
    """An exception class a parsing library defines is the file's fault even without a Python frame."""
    from lxml import etree

    with pytest.raises(etree.XMLSyntaxError) as caught:
        etree.fromstring(b"<a><b></a>")
    assert blame(caught.value) == "corrupt_file"
    with pytest.raises(AttributeError) as ours:
        from muniflow.readers.base import fold_whitespace

        fold_whitespace(None)  # type: ignore[arg-type]
    assert blame(ours.value) == "internal_error"
