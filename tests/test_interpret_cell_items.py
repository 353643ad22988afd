"""Several events listed inside one row: the title cell's numbered items, each with its own date."""

from __future__ import annotations

from datetime import date

import pytest

from muniflow.contracts import header_synonyms
from muniflow.interpret import interpret_document
from muniflow.interpret.cell_items import cell_lines, listed_items
from muniflow.model import RawDocument, RawRow, RawTable
from muniflow.rules import check_report

TITLE = "Информация о международных мероприятиях районов Энской области в III квартале 2025 года"
HEADER = (
    "№",
    "Муниципальное образование",
    "Наименование мероприятия",
    "Дата проведения",
    "Место проведения",
    "Участники",
)


def _read(*rows: tuple[str | None, ...], fmt: str = "docx"):
    body = tuple(RawRow(cells, f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    doc = RawDocument(f"x.{fmt}", fmt, TITLE, (RawTable(HEADER, body, "table 1"),))
    return interpret_document(doc, header_synonyms())


def test_numbered_events_in_one_cell_are_one_row_each_with_their_own_line_of_every_cell():
    report = _read(
        (
            "1.",
            "Заозёрный муниципальный округ",
            "1. Приём делегации города-побратима Лисберг\n2. Ярмарка ремёсел «Северный узор»",
            "4 июля 2025 г.\n18 августа 2025 г.",
            "пгт. Заозёрный\nс. Ольховка, Дом культуры",
            "40\n120",
        ),
        ("2.", "Тихореченский район", "Турнир по шашкам", "9 сентября 2025 г.", "г. Тихоречье", "30"),
    )
    got = [
        (r.source_locator, r.title, r.place, r.start_date, r.end_date, r.participants) for r in report.rows
    ]
    assert got == [
        (
            "table 1, row 2, item 1",
            "Приём делегации города-побратима Лисберг",
            "пгт. Заозёрный",
            date(2025, 7, 4),
            date(2025, 7, 4),
            "40",
        ),
        (
            "table 1, row 2, item 2",
            "Ярмарка ремёсел «Северный узор»",
            "с. Ольховка, Дом культуры",
            date(2025, 8, 18),
            date(2025, 8, 18),
            "120",
        ),
        ("table 1, row 3", "Турнир по шашкам", "г. Тихоречье", date(2025, 9, 9), date(2025, 9, 9), "30"),
    ]
    assert {r.municipality_raw for r in report.rows[:2]} == {"Заозёрный муниципальный округ"}
    # the row's events share its №: the № run is 1, 2, not 1, 1, 2
    assert not [f for f in check_report(report) if f.rule == "numbering"]


def test_a_pdf_cell_of_numbered_items_with_wrapped_lines_keeps_each_item_whole():
    report = _read(
        (
            "",
            "Город Верхнедольск",
            "1. Семинар для учителей с коллегами из\nРеспублики Кандар\n2. Лыжная гонка «Снежный путь»",
            "1. 19–21 августа\n2025 г.\n2. 5 сентября 2025 г.",
            "г. Верхнедольск, Центральная\nбиблиотека",  # one place wrapped: kept whole for each
            "",
        ),
        fmt="pdf",
    )
    got = [(r.title, r.place, r.start_date, r.end_date) for r in report.rows]
    assert got == [
        (
            "Семинар для учителей с коллегами из Республики Кандар",
            "г. Верхнедольск, Центральная библиотека",
            date(2025, 8, 19),
            date(2025, 8, 21),
        ),
        (
            "Лыжная гонка «Снежный путь»",
            "г. Верхнедольск, Центральная библиотека",
            date(2025, 9, 5),
            date(2025, 9, 5),
        ),
    ]


def test_numbered_events_whose_dates_do_not_pair_are_flagged_not_read_as_one_span():
    report = _read(
        (
            "1.",
            "Заозёрный муниципальный округ",
            "1. Приём делегации города-побратима Лисберг\n2. Ярмарка ремёсел «Северный узор»",
            "4 июля 2025 г.\n18 августа 2025 г.\n2 сентября 2025 г.",
            "пгт. Заозёрный",
            "",
        ),
    )
    (row,) = report.rows
    assert (row.start_date, row.end_date, row.date_form) == (None, None, None)
    (flag,) = [f for f in check_report(report) if f.rule == "date_format"]
    assert flag.severity == "error" and "мероприятий: 2" in flag.message and "дат: 3" in flag.message


def test_one_event_on_listed_days_keeps_its_span():
    report = _read(
        ("1.", "Тихореченский район", "Фестиваль «Кедровый бор»", "4 июля 2025 г.\n6 июля 2025 г.", "", "")
    )
    (row,) = report.rows
    assert (row.source_locator, row.start_date, row.end_date) == (
        "table 1, row 2",
        date(2025, 7, 4),
        date(2025, 7, 6),
    )


@pytest.mark.parametrize(
    ("text", "items", "reason"),
    [
        ("1. Концерт\n2. Выставка", ["Концерт", "Выставка"], "numbered with a dot"),
        ("1) Концерт\n2) Выставка\n3) Форум", ["Концерт", "Выставка", "Форум"], "numbered with a bracket"),
        ("1 – Концерт\n2 – Выставка", ["Концерт", "Выставка"], "numbered with a dash"),
        ("• Концерт\n• Выставка", ["Концерт", "Выставка"], "bulleted"),
        (
            "1. Концерт\nв парке\n2. Выставка",
            ["Концерт\nв парке", "Выставка"],
            "a wrapped line goes on its item",
        ),
        ("1. Концерт", None, "one item is one event"),
        ("Концерт\n2. Выставка", None, "the first line opens with no number"),
        ("3. Концерт\n4. Выставка", ["Концерт", "Выставка"], "numbered on from the row above"),
        ("3. Концерт\n5. Выставка", None, "numbers out of sequence"),
        ("1 – Концерт:\n- песни\n- танцы", None, "dash bullets inside a numbered item"),
        ("1.07.2025\n2.07.2025", None, "dates, no numbers"),
        ("1 – 3 июля\n2 – 4 августа", None, "day ranges, no numbers"),
        (
            "1. Фестиваль:\n1) концерт\n2) выставка",
            None,
            "a list of another style inside one item is that item's",
        ),
    ],
)
def test_listed_items(text: str, items: list[str] | None, reason: str) -> None:
    assert listed_items(text) == items, reason


@pytest.mark.parametrize(
    ("text", "count", "pieces", "reason"),
    [
        ("4 июля 2025 г.\n18 августа 2025 г.", 2, ["4 июля 2025 г.", "18 августа 2025 г."], "a line each"),
        (
            "19–21 августа\n2025 г.\n5 сентября 2025 г.",
            2,
            ["19–21 августа 2025 г.", "5 сентября 2025 г."],
            "a wrapped year",
        ),
        (
            "19 –\n21 августа 2025 г.\n5 сентября 2025 г.",
            2,
            ["19 – 21 августа 2025 г.", "5 сентября 2025 г."],
            "a cut range",
        ),
        (
            "19–21\nавгуста 2025 г.\n5 сентября 2025 г.",
            2,
            ["19–21 августа 2025 г.", "5 сентября 2025 г."],
            "a month cut off its days",
        ),
        (
            "с 19\nпо 21 августа 2025 г.\n5 сентября 2025 г.",
            2,
            ["с 19 по 21 августа 2025 г.", "5 сентября 2025 г."],
            "a range word",
        ),
        (
            "4 июля 2025 г.\nавгуст 2025 г.",
            2,
            ["4 июля 2025 г.", "август 2025 г."],
            "a month after a whole date opens its own",
        ),
        (
            "4 июля 2025\nавгуст 2025 г.",
            2,
            ["4 июля 2025", "август 2025 г."],
            "a month after a year opens its own",
        ),
        (
            "4 июля 2025 г.; 18 августа 2025 г.",
            2,
            ["4 июля 2025 г.", "18 августа 2025 г."],
            "one line, semicolons",
        ),
        ("4 июля 2025 г.", 2, None, "one date for two events"),
    ],
)
def test_dates_cell_lines(text: str, count: int, pieces: list[str] | None, reason: str) -> None:
    assert cell_lines(text, count, dates=True) == pieces, reason


@pytest.mark.parametrize(
    ("text", "pieces", "reason"),
    [
        (
            "г. Энск\nс. Ольховка, Дом культуры",
            ["г. Энск", "с. Ольховка, Дом культуры"],
            "a place's kind opens a line",
        ),
        ("г. Энск, Дом\nкультуры", None, "a small letter goes on the line above"),
        ("г. Энск, Дом культуры,\nЗал торжеств", None, "a comma goes on"),
        ("40\n120", ["40", "120"], "numbers"),
        ("Укрепление связей; обмен опытом", None, "a semicolon parts one text's clauses"),
    ],
)
def test_text_cell_lines(text: str, pieces: list[str] | None, reason: str) -> None:
    assert cell_lines(text, 2) == pieces, reason


def test_a_no_cell_holding_a_number_for_each_listed_event_numbers_each():
    report = _read(
        (
            "1.\n2.",
            "Тихореченский район",
            "1. Турнир по шашкам\n2. Вечер поэзии",
            "9 сентября 2025 г.\n12 сентября 2025 г.",
            "г. Тихоречье",
            "",
        ),
        ("3.", "Тихореченский район", "Концерт", "20 сентября 2025 г.", "г. Тихоречье", ""),
    )
    assert [(r.seq_no, r.title, r.place) for r in report.rows] == [
        (1, "Турнир по шашкам", "г. Тихоречье"),
        (2, "Вечер поэзии", "г. Тихоречье"),
        (3, "Концерт", "г. Тихоречье"),
    ]
    assert report.shared_numbers == ()
    assert not [f for f in check_report(report) if f.rule == "numbering"]


def test_a_no_cell_numbering_each_line_of_the_row_splits_it_by_lines():
    """№ «1.» / «2.», the title and dates cells a line each (no numbers of their own): two events;
    with three dates for two numbers, none is read."""
    report = _read(
        (
            "1.\n2.",
            "Тихореченский район",
            "Турнир по шашкам\nВечер поэзии",
            "9 сентября 2025 г.\n12 сентября 2025 г.",
            "",
            "",
        ),
    )
    assert [(r.seq_no, r.title, r.start_date) for r in report.rows] == [
        (1, "Турнир по шашкам", date(2025, 9, 9)),
        (2, "Вечер поэзии", date(2025, 9, 12)),
    ]
    unpaired = _read(
        (
            "1.\n2.",
            "Тихореченский район",
            "Турнир по шашкам\nВечер поэзии",
            "9 сентября 2025 г.\n10 сентября 2025 г.\n12 сентября 2025 г.",
            "г. Тихоречье",
            "",
        ),
    )
    (row,) = unpaired.rows
    assert row.start_date is None
    (flag,) = [f for f in check_report(unpaired) if f.rule == "date_format"]
    assert "номеров: 2" in flag.message and "дат: 3" in flag.message


def test_one_range_written_over_two_lines_beside_listed_events_is_no_pairing_to_flag():
    report = _read(
        (
            "1.",
            "Тихореченский район",
            "1. Турнир по шашкам\n2. Вечер поэзии",
            "с 9 сентября\nпо 12 сентября 2025 г.",
            "г. Тихоречье",
            "",
        ),
    )
    (row,) = report.rows
    assert (row.start_date, row.end_date) == (date(2025, 9, 9), date(2025, 9, 12))


def test_dates_listed_on_one_line_beside_listed_events_are_no_span():
    """«4 июля; 18 августа» beside two numbered events: each its own; beside three, none is read."""
    report = _read(
        (
            "1.",
            "Тихореченский район",
            "1. Турнир по шашкам\n2. Вечер поэзии",
            "4 июля 2025 г.; 18 августа 2025 г.",
            "г. Тихоречье",
            "",
        ),
    )
    assert [(r.title, r.start_date, r.end_date) for r in report.rows] == [
        ("Турнир по шашкам", date(2025, 7, 4), date(2025, 7, 4)),
        ("Вечер поэзии", date(2025, 8, 18), date(2025, 8, 18)),
    ]
    three = _read(
        (
            "1.",
            "Тихореченский район",
            "1. Турнир\n2. Вечер\n3. Концерт",
            "4 июля 2025 г.; 18 августа 2025 г.",
            "г. Тихоречье",
            "",
        ),
    )
    (row,) = three.rows
    assert (row.start_date, row.end_date) == (None, None)


def test_a_word_cell_of_one_typed_line_per_listed_event_gives_each_its_line():
    """In a Word document each line break in a cell was typed: participants written a line per
    event go to their events though the lines open in lower case; in a PDF such lines may be one
    text the column wrapped, and stay whole."""
    row = (
        "1.",
        "Заозёрный муниципальный округ",
        "1. Приём делегации города-побратима Лисберг\n2. Ярмарка ремёсел «Северный узор»",
        "4 июля 2025 г.\n18 августа 2025 г.",
        "пгт. Заозёрный",
        "жители округа (40 чел.), делегация г. Лисберг\nмастера народных промыслов (12 чел.)",
    )
    word = _read(row)
    assert [r.participants for r in word.rows] == [
        "жители округа (40 чел.), делегация г. Лисберг",
        "мастера народных промыслов (12 чел.)",
    ]
    pdf = _read(row, fmt="pdf")
    assert {r.participants for r in pdf.rows} == {
        "жители округа (40 чел.), делегация г. Лисберг мастера народных промыслов (12 чел.)"
    }
