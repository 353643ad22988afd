"""Event cards printed from a web form into a PDF (no table: each event a block of «Label: value»
lines) read as a letter of labelled items (readers/listed.py): a card's number on a line of its
own, a municipality's label above its cards, a value wrapped over lines, a label glued to its
value, and a label wrapped in a column of its own (readers/pdflabelcol.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nil_builders as nb
import pytest
from readers_layouts import build_pdfs, soffice_missing

from muniflow import stages
from muniflow.contracts import header_synonyms
from muniflow.model import RawDocument
from muniflow.readers.listed import listed_document
from muniflow.readers.pdflabelcol import label_column_text

TITLE = "Сведения о международных мероприятиях Северной области за II квартал 2025 года"


def _cards(lines: list[str]) -> list[tuple[str | None, ...]]:
    doc = RawDocument(source_file="cards.pdf", format="pdf", title="\n".join(lines), tables=(), pages=1)
    listed = listed_document(doc, header_synonyms())
    assert listed is not None
    assert listed.title == TITLE
    table = listed.tables[0]
    return [table.header, *(row.cells for row in table.rows)]


def test_card_numbers_municipality_labels_and_wrapped_values() -> None:
    """«Мероприятие № 2» opens its card as its number; «Муниципальное образование: …» right above a
    card heads it (it did not end the card above); a value's wrapped line keeps its card open, so the
    label after it is the card's («(Республика Энция)» / «Место проведения: …»)."""
    cards = _cards(
        [
            TITLE,
            "Муниципальное образование: Озёрный район",
            "Мероприятие № 1",
            "Наименование мероприятия: Турнир по шашкам «Ладья»",
            "Место проведения: с. Ключи",
            "Дата проведения: 14.05.2025",
            "Муниципальное образование: Лесной район",
            "Мероприятие № 2",
            "Наименование мероприятия: Ярмарка ремёсел «Берега» с гостями из г. Витебска",
            "(Республика Беларусь)",
            "Место проведения: г. Лесногорск",
            "Дата проведения: 7–8 июня 2025 г.",
            "Цель и результат: Обмен опытом, подписан план на",
            "следующий год",
            "Участники: Мастера, 30 чел.",
        ]
    )
    assert cards[0][0] == "Муниципальное образование: Озёрный район"
    assert ("1", "наименование мероприятия", "Турнир по шашкам «Ладья»") in cards
    assert ("Муниципальное образование: Лесной район", None, None) in cards
    assert (
        "2",
        "наименование мероприятия",
        "Ярмарка ремёсел «Берега» с гостями из г. Витебска (Республика Беларусь)",
    ) in cards
    assert ("", "Место проведения", "г. Лесногорск") in cards
    assert ("", "Цель и результат", "Обмен опытом, подписан план на следующий год") in cards
    assert not any("Мероприятие" in str(cell) for row in cards for cell in row)


def test_a_label_glued_to_its_value_without_a_space() -> None:
    """«Место проведения:с. Ключи» is a label and its value as «Место проведения: с. Ключи» is; a time
    («10:00») in a value is no label."""
    cards = _cards(
        [
            TITLE,
            "Озёрный район",
            "1. Наименование мероприятия:Турнир по шашкам «Ладья»",
            "Место проведения:с. Ключи",
            "Дата проведения:14.05.2025 10:00",
            "2. Наименование мероприятия:Ярмарка ремёсел «Берега»",
            "Место проведения:г. Озёрск",
            "Дата проведения:7–8 июня 2025 г.",
        ]
    )
    assert cards[1:] == [
        ("1", "наименование мероприятия", "Турнир по шашкам «Ладья»"),
        ("", "Место проведения", "с. Ключи"),
        ("", "Дата проведения", "14.05.2025 10:00"),
        ("2", "наименование мероприятия", "Ярмарка ремёсел «Берега»"),
        ("", "Место проведения", "г. Озёрск"),
        ("", "Дата проведения", "7–8 июня 2025 г."),
    ]


class _Page:
    """A page's words as pdfplumber gives them: text and box, placed as (text, x, line number)."""

    def __init__(self, *placed: tuple[str, float, int]) -> None:
        self.words: list[dict[str, Any]] = []
        for text, x, line in placed:
            for word in text.split():
                width = 5.0 * len(word)
                self.words.append(
                    {"text": word, "x0": x, "x1": x + width, "top": 12.0 * line + 0.4 * (x > 150)}
                )
                x += width + 3.0

    def extract_words(self) -> list[dict[str, Any]]:
        return list(self.words)


VALUES = 180.0  # where the values' column starts


def test_a_label_wrapped_in_its_own_column_is_read_whole() -> None:
    """A label too long for its column wraps beside its value: «Наименование   Турнир …» /
    «мероприятия:». The labels of different widths all followed by their values at one x make a
    column; the label's words are taken from it up to its colon, its value from beside it."""
    page = _Page(
        ("Лесной район", 40.0, 0),
        ("Мероприятие № 1", 40.0, 1),
        ("Наименование", 40.0, 2),
        ("Турнир по шашкам «Ладья»", VALUES, 2),
        ("мероприятия:", 40.0, 3),
        ("Место проведения:", 40.0, 4),
        ("с. Ключи", VALUES, 4),
        ("Дата:", 40.0, 5),
        ("14.05.2025", VALUES, 5),
        ("Цель и", 40.0, 6),
        ("Обмен опытом мастеров", VALUES, 6),
        ("результат:", 40.0, 7),
        ("и учеников", VALUES, 7),
        ("Участники:", 40.0, 8),
        ("Мастера, 30 чел.", VALUES, 8),
    )
    assert label_column_text(page) == "\n".join(
        [
            "Лесной район",
            "Мероприятие № 1",
            "Наименование мероприятия: Турнир по шашкам «Ладья»",
            "Место проведения: с. Ключи",
            "Дата: 14.05.2025",
            "Цель и результат: Обмен опытом мастеров",
            "и учеников",
            "Участники: Мастера, 30 чел.",
        ]
    )


def test_labels_inline_or_in_a_column_none_wraps_keep_the_pages_text() -> None:
    """Labels typed inline (values wherever the label ends) make no column; a column where no label
    wraps leaves the page's text as pdfplumber gives it."""
    inline = _Page(
        ("Наименование мероприятия: Турнир", 40.0, 0),
        ("Место проведения: с. Ключи", 40.0, 1),
        ("Дата: 14.05.2025", 40.0, 2),
        ("Наименование", 40.0, 3),
        ("мероприятия:", 40.0, 4),
    )
    assert label_column_text(inline) is None
    column = _Page(
        ("Место проведения:", 40.0, 0),
        ("с. Ключи", VALUES, 0),
        ("Дата:", 40.0, 1),
        ("14.05.2025", VALUES, 1),
        ("Участники:", 40.0, 2),
        ("Мастера", VALUES, 2),
    )
    assert label_column_text(column) is None


def test_a_pdf_letter_listing_no_events_says_what_a_letters_text_is_read_by(tmp_path: Path) -> None:
    """A PDF with no table whose text lists no events as a letter's are read is refused saying what
    was tried (no table on its pages, and which items a letter's text is read by), as a DOCX is, and
    its record names the format it was read as."""
    reason = soffice_missing()
    if reason:
        pytest.skip(reason)
    lines = [
        "О направлении информации",
        "1. Отчёт будет направлен после согласования.",
        "2. Контактное лицо: Петров П.П., тел. 12-34-56.",
    ]
    pdf = build_pdfs(tmp_path, {"points": lambda path: nb.nil_letter(path, lines)})["points"]
    outcome = stages.process_file(pdf)
    assert outcome.reason == "no_table_found"
    assert outcome.format == "pdf"  # the format it was read as, not «unknown»
    assert "no table on any of 1 pages" in (outcome.message or "")
    assert "lists no events as muniflow reads them in a letter" in (outcome.message or "")
