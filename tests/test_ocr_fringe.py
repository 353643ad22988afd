"""A scanned heading read without the OCR fringe round its municipality's name (readers/ocr_fringe.py)."""

from __future__ import annotations

import pytest

from muniflow.interpret.sections import MUNICIPALITY, classify
from muniflow.readers import ocr, ocr_fringe
from muniflow.readers.ocr_cells import CellText

SKIP = ["итого", "всего", "примечание"]

FRINGED = [
    # (heading as read, without its fringe, why)
    ("ИА И «Заозёрский муниципальный район. 5 п", "«Заозёрский муниципальный район.", "read as totals"),
    ("и – 7 Полынский муниципальный район а", "Полынский муниципальный район", "read as «И»"),
    ("- я – Город Камышанск ––", "Город Камышанск", "read as «Я»"),
    ("1 . - Городской округ «Камышанск» – Е", "Городской округ «Камышанск»", "marks and a capital"),
    (
        "т д» Муниципальное образование «Ветлугинский район»… . о",
        "Муниципальное образование «Ветлугинский район»…",
        "marks and small letters",
    ),
]

KEPT = [
    ("г. Камышанск", "a settlement's abbreviation names it"),
    ("МО «Город Камышанск»", "an abbreviated kind"),
    ("Итого: 5", "totals name no municipality"),
    ("Полынский муниципальный район", "nothing to take off"),
]


@pytest.mark.parametrize(("read", "clean", "why"), FRINGED, ids=[c[2] for c in FRINGED])
def test_a_headings_fringe_is_taken_off(read: str, clean: str, why: str) -> None:
    assert ocr_fringe.without_fringe(read) == clean
    assert classify(clean, SKIP, merged=True, municipality_column=False) == MUNICIPALITY


@pytest.mark.parametrize(("read", "why"), KEPT, ids=[c[1] for c in KEPT])
def test_a_heading_naming_its_municipality_as_read_is_kept(read: str, why: str) -> None:
    assert ocr_fringe.without_fringe(read) == read


def test_a_scanned_heading_across_the_table_loses_its_fringe() -> None:
    def row(*texts: str | None) -> list[CellText]:
        return [CellText(t, 90.0) for t in texts]

    page = ocr.Page(
        [
            row("№", "Мероприятие", "Место"),
            row("ИА И «Заозёрский муниципальный район. 5 п", None, None),
            row("1.", "Форум", "г. Заозёрск"),
        ],
        "",
    )
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [page])
    assert doc.tables[0].rows[0].cells[0] == "«Заозёрский муниципальный район."


def test_a_heading_above_a_tables_going_on_overleaf_loses_its_fringe() -> None:
    def row(*texts: str | None) -> list[CellText]:
        return [CellText(t, 90.0) for t in texts]

    first = ocr.Page([row("№", "Мероприятие", "Место"), row("1.", "Форум", "г. Заозёрск")], "")
    second = ocr.Page([row("2.", "Выставка", "г. Камышанск")], "- я – Город Камышанск ––")
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [first, second])
    assert [r.cells[0] for r in doc.tables[0].rows] == ["1.", "Город Камышанск", "2."]
