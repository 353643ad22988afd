"""A header row repeated on a later page of a scan, drawn cut short (its merged cells clipped to one
line), is the header repeated, not the rest of the row the page end cut (readers/ocr_document.py). Names
invented."""

from __future__ import annotations

from muniflow.readers import ocr, ocr_document
from muniflow.readers.ocr_cells import CellText


def _row(*texts: str) -> list[CellText]:
    return [CellText(t, 90.0 if t else None) for t in texts]


def test_a_sub_header_repeated_cut_short_is_a_repeat() -> None:
    limit = ocr.settings().repeated_header_similarity
    seen: list[str] = []
    first = _row("", "", "", "начало", "окончание", "итоги", "мероприятия (общее количество, другие)")
    assert not ocr_document._repeated_header(first, seen, limit)  # the first page's: remembered
    again = _row("", "", "", "начало", "окончание", "итоги", "мероприятия (общее")
    assert ocr_document._repeated_header(again, seen, limit)
    event = _row("", "", "", "", "", "Обмен опытом между коллективами.", "Гости из г. Энска – 12 чел.")
    assert not ocr_document._repeated_header(event, seen, limit)


def test_events_alike_whose_cells_carry_header_words_are_no_repeats() -> None:
    """Two events of one kind in a scan's table, their cells read as header words («года»,
    «Представители … делегация») but the date a day's: the second is an event, not a header
    repeated (it was dropped, its № missing from the rows)."""
    limit = ocr.settings().repeated_header_similarity
    seen = [ocr_document._wordy(_row("№", "Мероприятие", "Место проведения", "Сроки", "Участники"))]
    title = "Открытое первенство по волейболу «Кубок Заречья» (команды Монголии)"
    first = _row(
        "4",
        title,
        "с. Заречье, стадион «Луч»",
        "с 7 по 9 июля 2025 года",
        "Представители администрации, делегация Монголии",
    )
    assert not ocr_document._repeated_header(first, seen, limit)
    again = _row(
        "9",
        title,
        "с. Озерки, стадион «Луч»",
        "3 сентября 2025 года",
        "Представители администрации, делегация Монголии",
    )
    assert not ocr_document._repeated_header(again, seen, limit)
