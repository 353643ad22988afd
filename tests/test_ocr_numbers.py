"""The № column of a scanned table put right from its own order (readers/ocr_numbers.py)."""

from __future__ import annotations

import pytest

from muniflow.readers import ocr, ocr_document, ocr_numbers
from muniflow.readers.ocr_cells import CellText

SEQUENCES = [
    # (cells read, expected, why)
    (["16", "7", "18"], ["16", "17", "18"], "a digit lost"),
    (["31", "82", "33"], ["31", "32", "33"], "a digit misread"),
    (["6", "#4", "8"], ["6", "7", "8"], "a number read as signs"),
    (["6.", "", "8."], ["6.", "7.", "8."], "a number lost, the dots kept"),
    (["5", None, "6", "8"], ["5", None, "6", "8"], "a gap of two with no row between: left"),
    (["5", None, "x", "7"], ["5", None, "6", "7"], "a merged heading is no row of the sequence"),
    (["1", "1", "2", "3"], ["1", "1", "2", "3"], "the column-number row before the first row"),
    (["4", "4", "6"], ["4", "5", "6"], "a repeated number between n and n+2"),
    (["4", "5", "5", "6"], ["4", "5", "5", "6"], "a number repeated by the report itself"),
    (["3", "9", "12"], ["3", "9", "12"], "neighbours not two apart: left as read"),
    (["", "7", ""], ["", "7", ""], "no numbers around: left"),
    (
        ["10.", "10.", "Городской округ город Заречанск", "12."],
        ["10.", "11.", "Городской округ город Заречанск", "12."],
        "a heading's text in the column is no misread number",
    ),
    (["3", "Ж", "!", "6"], ["3", "4", "5", "6"], "two misread between numbers whose gap they fill"),
    (["3", "Ж", "!", "7"], ["3", "Ж", "!", "7"], "a gap they do not fill: left"),
    (["9", "2.", "3."], ["1.", "2.", "3."], "the first row misread, the next two numbered by their place"),
    (["г", "2?", "3.", None, "4.", "5;"], ["1.", "2.", "3.", None, "4.", "5."], "a mark read for the stop"),
    (["6.", "7?", None, "8.", "9;"], ["6.", "7.", None, "8.", "9."], "marks for the stop, short sections"),
    (["и", "2.", None, "3.", "4."], ["1.", "2.", None, "3.", "4."], "numbered on across a heading"),
    (["Ы", "&", "3", "4"], ["1", "2", "3", "4"], "the first two misread"),
    (["Ы", "", "3", "4"], ["Ы", "", "3", "4"], "a blank among them: left"),
    (["Ы", "2", "4"], ["Ы", "2", "4"], "the next two not in a row: left"),
    (["Ы", "5", "6"], ["Ы", "5", "6"], "a table numbered on from another: left"),
    (
        ["1", "2", None, "Щ", "2", "3"],
        ["1", "2", None, "1", "2", "3"],
        "a section numbered anew after a heading",
    ),
    (["7", "8", "ды."], ["7", "8", "9"], "the last row misread after two in a row"),
    (["7", "9", "ды."], ["7", "9", "ды."], "the last row after a gap: left"),
    (["7", "8", "Итого"], ["7", "8", "Итого"], "a total's row is no misread number"),
]


def test_a_row_merged_across_is_no_row_of_the_sequence() -> None:
    assert ocr_document._across(["Энск", None, None], 0)
    assert not ocr_document._across(["7", "Фестиваль", None], 0)
    assert not ocr_document._across(["7"], 0)


@pytest.mark.parametrize(("cells", "expected", "why"), SEQUENCES, ids=[c[2] for c in SEQUENCES])
def test_a_number_between_two_is_put_right(
    cells: list[str | None], expected: list[str | None], why: str
) -> None:
    assert ocr_numbers.repair_sequence(cells) == expected, why


HEADERS = [
    (["№", "Мероприятие"], 0, "the sign"),
    (["Район", "№ п/п", "Мероприятие"], 1, "№ п/п in the second column"),
    (["N п/п", "Мероприятие"], 0, "N for №"),
    (["Мероприятие", "Номер соглашения"], None, "no № column"),
    (["Название", "Место"], None, "an N inside a word is no №"),
]


@pytest.mark.parametrize(("header", "expected", "why"), HEADERS, ids=[c[2] for c in HEADERS])
def test_the_number_column_is_found_by_its_header(header: list[str], expected: int | None, why: str) -> None:
    assert ocr_numbers.number_column(header) == expected, why


def test_a_scanned_table_gets_its_numbers_from_their_order() -> None:
    def row(*texts: str) -> list[CellText]:
        return [CellText(t, 90.0) for t in texts]

    page = ocr.Page(
        [row("№", "Мероприятие"), row("1", "Форум"), row("Z", "Выставка"), row("3", "Концерт")], ""
    )
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [page])
    assert [r.cells[0] for r in doc.tables[0].rows] == ["1", "2", "3"]


COLUMN_ROWS = [
    # (cells read, expected, why)
    (["1", "2", "Е", "4", "5", "6", "7"], ["1", "2", "3", "4", "5", "6", "7"], "one number misread"),
    (["1", "2", "", "4"], ["1", "2", "3", "4"], "one number lost"),
    (["1", "2", "3", "4"], None, "read right: nothing to do"),
    (["1", "2", "Е", "4", "Б"], None, "two misread: not sure it is the numbers row"),
    (["5", "Псков", "3", "4"], None, "an event's row has a longer text"),
    (["1", "2"], None, "two cells are too few to tell"),
]


@pytest.mark.parametrize(("cells", "expected", "why"), COLUMN_ROWS, ids=[c[2] for c in COLUMN_ROWS])
def test_a_column_number_row_with_one_number_misread_is_put_right(
    cells: list[str | None], expected: list[str] | None, why: str
) -> None:
    assert ocr_numbers.column_numbers(cells) == expected, why


def _cells(*texts: str) -> list[CellText]:
    return [CellText(t, 90.0) for t in texts]


def test_a_numbers_column_whose_short_label_ocr_misread_is_the_number_column() -> None:
    """The «N» over the № column read as «М»: a label of a letter or two over a column holding the
    rows' numbers heads the № column, which is put right from its order; a word over numbers, or a
    short label over a column of words, heads no № column."""
    rows = [
        _cells("М", "Мероприятие", "Дата"),
        _cells("1", "Встреча делегаций", "12.03.2025"),
        _cells("7", "Фестиваль дружбы", "20.03.2025"),
        _cells("3", "Выставка ремёсел", "27.03.2025"),
    ]
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [ocr.Page(rows, "Информация")])
    table = doc.tables[0]
    assert table.header[0] == "№"
    assert [r.cells[0] for r in table.rows] == ["1", "2", "3"]
    worded = [_cells("Код", "Мероприятие"), _cells("1", "Встреча"), _cells("2", "Выставка")]
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [ocr.Page(worded, "")])
    assert doc.tables[0].header[0] == "Код"
    assert ocr_numbers.numbered_column(["А", "Б"], [["Встреча", "1"], ["Выставка", "2"]], 2, 0.6) == 1
    assert ocr_numbers.numbered_column(["А", "Б"], [["Встреча", "x"], ["Выставка", "y"]], 2, 0.6) is None
    assert (
        ocr_numbers.numbered_column(["2", "Ярмарка"], [["3", "Концерт"], ["4", "Выставка"]], 2, 0.6) is None
    )
