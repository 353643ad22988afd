"""The PDF reader: one table stitched across pages, identical to the DOCX once whitespace is folded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from muniflow.model import RawDocument, ReaderError
from muniflow.readers.base import fold_whitespace
from muniflow.readers.docx import DocxReader
from muniflow.readers.pdf import PdfReader

DATA = Path(__file__).resolve().parent / "data" / "readers"
READER = PdfReader()


def _folded_rows(doc: RawDocument) -> list[tuple[str | None, ...]]:
    return [
        tuple(None if c is None else fold_whitespace(c) for c in row.cells)
        for table in doc.tables
        for row in table.rows
    ]


@pytest.fixture(scope="module")
def report() -> RawDocument:
    """A five-page LibreOffice export: header repeated per page, a row cut by two page breaks."""
    return READER.read(DATA / "report.pdf")


def test_stitched_into_one_table(report: RawDocument) -> None:
    assert report.pages == 5
    assert len(report.tables) == 1
    assert report.tables[0].locator == "pages 1-5"
    assert (
        fold_whitespace(report.title) == "Отчёт о мероприятиях в международной сфере во II квартале 2024 года"
    )


def test_repeated_headers_dropped(report: RawDocument) -> None:
    header = tuple(fold_whitespace(h) for h in report.tables[0].header)
    assert header == (
        "№ п/п",
        "Наименование мероприятия",
        "Место проведения",
        "Сроки проведения",
        "Участники",
    )
    assert all(tuple(fold_whitespace(c or "") for c in r.cells) != header for r in report.tables[0].rows)


def test_rows_cut_by_page_breaks_are_glued(report: RawDocument) -> None:
    rows = report.tables[0].rows
    numbers = [r.cells[0] for r in rows if r.cells[1] is not None]
    assert numbers == [f"{n}." for n in range(1, 13)], "no continuation left as a row of its own"
    tall = next(r for r in rows if r.cells[0] == "4.")
    assert (
        fold_whitespace(tall.cells[1] or "")
        == "Межмуниципальное совещание по вопросам международного сотрудничества"
    )
    assert fold_whitespace(tall.cells[4] or "").count("Представители администрации") == 40
    assert tall.locator == "page 1, row 6"


def test_headings_keep_none(report: RawDocument) -> None:
    headings = [r.cells for r in report.tables[0].rows if r.cells[1] is None]
    assert headings == [(f"Муниципальный округ № {n}", None, None, None, None) for n in (1, 2, 3)]


def test_same_rows_as_docx(report: RawDocument) -> None:
    """Special characters («» – №) and cut words come out as in the Word original."""
    assert _folded_rows(report) == _folded_rows(DocxReader().read(DATA / "report.docx"))


def test_no_table() -> None:
    with pytest.raises(ReaderError) as err:
        READER.read(DATA / "no_table.pdf")
    assert err.value.reason == "no_table_found"


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4\n%%EOF", b"PK\x03\x04zip, not pdf"])
def test_corrupt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(ReaderError) as err:
        READER.read(path)
    assert err.value.reason == "corrupt_file"


GOLD_FIELDS = ("title", "place", "goal", "participants")


@pytest.mark.parametrize(
    ("fmt", "min_matched"),
    [("docx", 44), ("pdf", 42)],  # PDF misses: two proper names cut where the dictionary cannot tell
)
def test_seed_sample_against_gold(samples: Path, shared: Path, fmt: str, min_matched: int) -> None:
    path = samples / f"smolensk_2024_q2.{fmt}"
    if not path.exists():
        pytest.skip("sample not generated")
    gold = json.loads((shared / "gold" / "smolensk_2024_q2.gold.json").read_text())["events"]
    doc = DocxReader().read(path) if fmt == "docx" else READER.read(path)
    rows = _folded_rows(doc)
    headings = [r for r in rows if r[0] and all(c is None for c in r[1:])]
    events = [set(r) for r in rows if r not in headings]
    matched = sum(
        any({fold_whitespace(g[f]) for f in GOLD_FIELDS} <= cells for cells in events) for g in gold
    )
    assert (len(events), len(headings)) == (44, 12)
    assert matched >= min_matched
