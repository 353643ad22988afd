"""What a scan's reading tells its reviewer: a cell OCR is unsure of named by its column's field and
quoted; a scan whose header is not read is first sent back for a better scan."""

from __future__ import annotations

from dataclasses import replace

import pytest

from muniflow import contracts
from muniflow.intake.scan import ocr_flags
from muniflow.interpret import InterpretError, interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Отчёт о международных мероприятиях муниципальных образований за II квартал 2024 года"


def test_a_cell_ocr_is_unsure_of_is_quoted_and_its_column_named_by_its_field() -> None:
    """The header as OCR read it («№\\nпит») is no name for a column, and a table going on over a page
    has none of its own: the column is named by the field it was read into, the cell's own text
    quoted; a column read into no field keeps its header as read."""
    first = RawTable(
        ("№\nпит", "Мероприятие", "Место", "Дата", "Отметка"),
        (RawRow(("1", "Форум", "г. Энск", "12.05.2024", "да"), "page 1, row 2"),),
        "pages 1-1",
    )
    going_on = RawTable(
        ("2", "Ярмарка", "с. Заречье", "14.05.2024", "нет"),
        (RawRow(("3", "Концерт", "г. Энск", "20.05.2024", "да"), "page 2, row 2"),),
        "pages 2-2",
    )
    doc = RawDocument("scan.tiff", "image_ocr", TITLE, (first, going_on))
    doc = replace(
        doc,
        cell_confidence=(
            ("page 1, row 2", (40.0, 95.0, 95.0, 95.0, 30.0)),
            ("page 2, row 2", (95.0, 95.0, 50.0, 95.0, 95.0)),
        ),
    )
    report = interpret_document(doc, contracts.header_synonyms())
    unsure = [f for f in ocr_flags(doc, report, 70) if f.rule == "ocr_low_confidence"]
    assert [(f.field, f.value) for f in unsure] == [("seq_no", "1"), ("Отметка", "да"), ("place", "г. Энск")]
    assert "«1» in the column «№ п/п»" in unsure[0].message
    assert "«да» in the column «Отметка»" in unsure[1].message
    assert "«г. Энск» in the column «Место проведения»" in unsure[2].message


@pytest.mark.parametrize("format", ["image_ocr", "docx"])
def test_a_header_not_read_asks_a_scan_for_a_better_scan_first(format: str) -> None:
    """A header OCR garbled («Нанменованпе | Мсто прведеня») is no wording to add to the header
    synonyms: a scan's refusal asks for a scan at 300 dpi, grey, or the document first; a typed
    document's asks for the wording."""
    table = RawTable(
        ("Нанменованпе", "Мсто прведеня", "Сркн"),
        (RawRow(("Форум", "г. Энск", "12.05.2024"), "page 1, row 2"),),
        "pages 1-1",
    )
    doc = RawDocument(f"report.{format}", format, TITLE, (table,))
    with pytest.raises(InterpretError) as refused:
        interpret_document(doc, contracts.header_synonyms())
    assert refused.value.reason == "unknown_layout"
    message = refused.value.message
    if format.endswith("_ocr"):
        assert "300 dpi" in message and message.index("300 dpi") < message.index("headerSynonyms")
    else:
        assert "300 dpi" not in message and "headerSynonyms" in message
