"""A report typed with tab stops, no Word table at all: its lines under a header line so typed are
read as one table (readers/docxtabs.py), the paragraphs between them as its heading rows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from muniflow.model import ReaderError
from muniflow.readers.docx import DocxReader

READER = DocxReader()
STOPS = (Cm(1.2), Cm(9.5), Cm(15.0), Cm(20.0))
HEADER = "№\tНаименование мероприятия\tМесто проведения\tСроки проведения\tЧисло участников"


def _build(path: Path, lines: Sequence[tuple[str, bool]]) -> Path:
    """A document of paragraphs: each (text, on the table's tab stops); tabs written as w:tab."""
    document = docx.Document()
    document.add_paragraph("Сведения о международных мероприятиях Заозёрного края за 3 квартал 2031 года")
    for text, stopped in lines:
        paragraph = document.add_paragraph()
        if stopped:
            for stop in STOPS:
                paragraph.paragraph_format.tab_stops.add_tab_stop(stop)
        paragraph.add_run(text)  # python-docx writes each "\t" as a w:tab
    document.save(str(path))
    return path


def test_lines_typed_with_tab_stops_are_one_table_with_their_headings(tmp_path: Path) -> None:
    path = _build(
        tmp_path / "tabs.docx",
        [
            (HEADER, True),
            ("Посёлок Кедровый Лог", False),
            ("1.\tВыставка «Северное сияние»\tп. Кедровый Лог, музей\t03.07.2031 – 05.07.2031\t40", True),
            ("2.\tОнлайн-урок с гимназией г. Тарту\tонлайн\t12.08.2031\t25", True),
            ("Ледянский муниципальный округ", False),
            ("3.\tТурнир по шашкам «Белая ладья»\tс. Ледянка\t09.09.2031\t18", True),
            ("", False),
            ("Глава администрации\t\t\t\tП. П. Сидоров", False),
        ],
    )
    doc = READER.read(path)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.header == (
        "№",
        "Наименование мероприятия",
        "Место проведения",
        "Сроки проведения",
        "Число участников",
    )
    assert [row.cells for row in table.rows] == [
        ("Посёлок Кедровый Лог", None, None, None, None),
        ("1.", "Выставка «Северное сияние»", "п. Кедровый Лог, музей", "03.07.2031 – 05.07.2031", "40"),
        ("2.", "Онлайн-урок с гимназией г. Тарту", "онлайн", "12.08.2031", "25"),
        ("Ледянский муниципальный округ", None, None, None, None),
        ("3.", "Турнир по шашкам «Белая ладья»", "с. Ледянка", "09.09.2031", "18"),
    ]
    assert "Заозёрного края" in doc.title
    # the signature, typed on the default stops, is the text after the table, no row of it
    assert "П. П. Сидоров" in doc.closing


def test_two_tabs_running_are_an_empty_field_and_an_indented_line_goes_on(tmp_path: Path) -> None:
    path = _build(
        tmp_path / "gaps.docx",
        [
            (HEADER, True),
            ("1.\tЛекция о дружбе народов\t\t14.07.2031\t30", True),
            ("2.\tФестиваль национальных культур «Семь", True),
            ("\tветров» с гостями из г. Ош\tс. Ледянка", True),
            ("3.\tКонцерт\tп. Кедровый Лог\t20.09.2031", True),
        ],
    )
    rows = [row.cells for row in READER.read(path).tables[0].rows]
    assert rows == [
        ("1.", "Лекция о дружбе народов", "", "14.07.2031", "30"),
        ("2.", "Фестиваль национальных культур «Семь\nветров» с гостями из г. Ош", "с. Ледянка", "", ""),
        ("3.", "Концерт", "п. Кедровый Лог", "20.09.2031", ""),
    ]


def test_tabs_typed_to_reach_the_default_stops_part_one_field_each_run(tmp_path: Path) -> None:
    header = "№\t\tМероприятие\t\t\tМесто\t\tДата"
    path = _build(
        tmp_path / "default_stops.docx",
        [
            (header, False),
            ("1.\t\tВстреча с делегацией\t\tс. Ледянка\t\t01.08.2031", False),
            ("2.\t\tСеминар\t\t\t\tонлайн\t\t02.08.2031", False),
        ],
    )
    table = READER.read(path).tables[0]
    assert table.header == ("№", "Мероприятие", "Место", "Дата")
    assert [row.cells for row in table.rows] == [
        ("1.", "Встреча с делегацией", "с. Ледянка", "01.08.2031"),
        ("2.", "Семинар", "онлайн", "02.08.2031"),
    ]


def test_tab_parted_lines_under_no_header_line_are_no_table(tmp_path: Path) -> None:
    path = _build(
        tmp_path / "letter.docx",
        [
            ("Исх. № 12\tот 01.10.2031\tг. Заозёрск", True),
            ("1.\tВыставка «Северное сияние»\tп. Кедровый Лог\t03.07.2031\t40", True),
        ],
    )
    with pytest.raises(ReaderError):
        READER.read(path)


def test_prose_between_two_tab_typed_parts_ends_the_table(tmp_path: Path) -> None:
    """A heading is a line or three; more paragraphs without a tab are text after the table."""
    prose = [
        (f"Пояснение {k}: мероприятия проведены в рамках программы сотрудничества.", False) for k in range(4)
    ]
    path = _build(
        tmp_path / "prose.docx",
        [
            (HEADER, True),
            ("1.\tВыставка «Северное сияние»\tп. Кедровый Лог\t03.07.2031\t40", True),
            *prose,
            ("2.\tОнлайн-урок\tонлайн\t12.08.2031\t25", True),
        ],
    )
    table = READER.read(path).tables[0]
    assert [row.cells[0] for row in table.rows] == ["1."]
