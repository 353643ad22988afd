"""DOCX layouts for the PDF reader's body-text cases, and their LibreOffice PDFs (built at test
time, all in one soffice run): words a ~1 cm column cuts into many pieces, rows broken by a page
end under a two-level header, a date range broken after its dash, a long heading above a table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import readers_layouts
from docx.shared import Pt
from readers_fixtures import HEADER
from readers_layouts import _row_flag, _table

# Titles of long words for a column about 1 cm wide (three or four letters a line): each word is
# cut into four or more pieces, some of which are words themselves («меж», «кон», «рек»).
NARROW_TITLES = (
    "Межрегиональная благотворительная акция",
    "Конференция «Рекреационные ресурсы»",
    "Делегация Туркменистана",
    "Фотовыставка\nСотрудничество",  # two paragraphs: they stay apart
)
NARROW_PLACES = ("г. Великие Луки", "Краеведческий музей", "Администрация района", "пос. Усвяты")


def narrow(path: Path) -> Path:
    """One events table whose title column is 1 cm wide."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_paragraph("Отчёт о мероприятиях за 3 квартал 2024 года")
    rows = [list(HEADER)]
    for n, (title, place) in enumerate(zip(NARROW_TITLES, NARROW_PLACES, strict=True), start=1):
        rows.append([f"{n}.", title, place, f"{n} июля 2024 г.", "Делегация"])
    _table(document, rows, (1.2, 1.0, 2.0, 3.0, 4.0))
    document.add_paragraph("")
    document.save(str(path))
    return path


GROUP_HEADER = [
    ["№", "Мероприятие", "Место", "Сроки проведения", "", "Участники"],
    ["", "", "", "начало", "окончание", ""],
    ["1", "2", "3", "4", "5", "6"],
]
# Title and participants cells full of header words («делегация», «представители», «участники»),
# tall enough to be broken by a page end: their continuation reads like a header by the vocabulary.
TALL_PARTICIPANTS = " ".join(
    ["Делегация муниципалитета, представители общественных организаций и участники форума"] * 12
)


TALL_TITLE = " ".join(["Встреча с участием представителей делегаций городов-побратимов"] * 6)


def two_level(path: Path) -> Path:
    """A two-level header with a column-number row, repeated on every page; a municipality
    heading row under it; event rows, two of them tall and broken by a page end."""
    document = docx.Document()
    document.add_paragraph("Отчёт о мероприятиях за 2 квартал 2024 года")
    rows = [list(r) for r in GROUP_HEADER]
    rows.append(["Велижский район", "", "", "", "", ""])
    for n in range(1, 9):
        tall = n in (3, 6)
        people = TALL_PARTICIPANTS if tall else "Делегация г. Витебска"
        title = TALL_TITLE if tall else f"Фестиваль ремёсел {n}"
        rows.append([f"{n}.", title, "г. Велиж", f"{n}.05.2024", f"{n + 1}.05.2024", people])
    table = _table(document, rows, (1.0, 3.5, 2.5, 2.2, 2.2, 5.0))
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(0, 3).text = "Сроки проведения"
    for col in (0, 1, 2, 5):
        text = rows[0][col]
        table.cell(0, col).merge(table.cell(1, col))
        table.cell(0, col).text = text
    table.cell(3, 0).merge(table.cell(3, 5))
    table.cell(3, 0).text = "Велижский район"
    for row in table.rows[:3]:
        _row_flag(row, "tblHeader")
    document.save(str(path))
    return path


RANGE_CELL = "12.05.2024 –\v15.05.2024, г. Велиж"  # a soft line break after the dash


def date_range(path: Path) -> Path:
    """A date range broken after its spaced dash by a line break of the source."""
    from readers_fixtures import _write_cell

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    rows = [
        ["№", "Мероприятие", "Сроки и место", "Участники"],
        ["1.", "Форум", "", "Делегация"],
        ["2.", "Концерт", "14.06.2024, г. Велиж, районный Дом культуры и городская библиотека", "Делегация"],
    ]
    table = _table(document, rows, (1.2, 4.0, 3.6, 4.0))
    _write_cell(table.cell(1, 2), RANGE_CELL)
    document.save(str(path))
    return path


LONG_HEADING = (
    "Информация о международных и межрегиональных мероприятиях, проведённых органами местного "
    "самоуправления муниципальных образований области в третьем квартале 2024 года"
)


def long_heading(path: Path) -> Path:
    """A heading long enough to wrap over two or three lines, then a short one, then a table."""
    document = docx.Document()
    document.add_paragraph(LONG_HEADING)
    document.add_paragraph("Велижский район")
    _table(document, [list(HEADER), ["1.", "Форум", "г. Велиж", "1 июля 2024 г.", "Делегация"]])
    document.save(str(path))
    return path


RUNNING_HEADER = "Информация о международных мероприятиях за 2 квартал 2024 года"
RUNNING_FOOTER = "Исполнитель: отдел внешних связей"


def running_header(path: Path) -> Path:
    """The title only in the page header, a footer on every page, and a table over three pages
    whose tall rows are broken by the page ends: the running lines stand between its parts."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    section.footer.paragraphs[0].text = RUNNING_FOOTER
    rows = [list(HEADER)]
    for n in range(1, 13):
        people = TALL_PARTICIPANTS if n % 4 == 0 else "Делегация г. Витебска"
        rows.append([f"{n}.", f"Фестиваль ремёсел {n}", "г. Велиж", f"{n}.05.2024", people])
    _table(document, rows, (1.2, 4.0, 2.5, 2.5, 6.0))
    document.save(str(path))
    return path


# A print stamp every page repeats above a title typed in the body, naming another quarter (the
# browser's print header: the date printed and the page's <title>, a file name).
PRINT_STAMP = "03.07.2031 Справка_3кв_2030_черновик"
BODY_TITLE = "Отчёт о мероприятиях Озёрной области за I квартал 2031 года"


def stamp_over_title(path: Path) -> Path:
    """A title typed above a table that runs over three pages, under a page header every page
    repeats that names another quarter."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = PRINT_STAMP
    document.add_paragraph(BODY_TITLE)
    rows = [list(HEADER)]
    for n in range(1, 13):
        people = TALL_PARTICIPANTS if n % 4 == 0 else "Делегация г. Лесогорска"
        rows.append([f"{n}.", f"Ярмарка мастеров {n}", "г. Лесогорск", f"{n}.02.2031", people])
    _table(document, rows, (1.2, 4.0, 2.5, 2.5, 6.0))
    document.save(str(path))
    return path


LAYOUTS: dict[str, Callable[[Path], Path]] = {
    "narrow": narrow,
    "two_level": two_level,
    "date_range": date_range,
    "long_heading": long_heading,
    "running_header": running_header,
    "stamp_over_title": stamp_over_title,
}


def build_pdfs(out_dir: Path) -> dict[str, Path]:
    """Build these layouts' DOCX and convert them all to PDF in one headless LibreOffice run."""
    return readers_layouts.build_pdfs(out_dir, LAYOUTS)
