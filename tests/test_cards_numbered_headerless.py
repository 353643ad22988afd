"""Events given as numbered cards (the № in each card's first row, then label | value rows) in a
table whose first row is a card's row, not a header: its cells alone would type the labels as the
events' names; the labels, naming the columns, are read as cards instead (interpret/cards.py)."""

from __future__ import annotations

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о международных мероприятиях Ольшанского района за I квартал 2025 года"


def _card(number: str, title: str, where: str, who: str, result: str, at: int) -> list[RawRow]:
    labels = (
        ("Время и место", where),
        ("Кто участвовал", who),
        ("Мероприятие (наименование)", title),
        ("Краткое содержание и результаты", result),
    )
    return [
        RawRow((number if k == 0 else "", label, value), f"table 1, row {at + k}")
        for k, (label, value) in enumerate(labels)
    ]


def test_numbered_cards_without_a_header_are_read_as_cards() -> None:
    rows = [
        *_card(
            "1.",
            "Турнир по шахматам «Ладья»",
            "с. Ольшанка, школа, 12.02.2025",
            "Школьники",
            "Обмен опытом",
            1,
        ),
        *_card(
            "2.",
            "Визит делегации г. Бреста",
            "г. Ольшанск, музей, 20.03.2025",
            "Гости",
            "Подписано соглашение",
            5,
        ),
    ]
    table = RawTable(rows[0].cells, tuple(rows[1:]), "table 1")
    report = interpret_document(RawDocument("x.docx", "docx", TITLE, (table,)), contracts.header_synonyms())
    assert [(r.title, r.start_date.isoformat() if r.start_date else None) for r in report.rows] == [
        ("Турнир по шахматам «Ладья»", "2025-02-12"),
        ("Визит делегации г. Бреста", "2025-03-20"),
    ]
