"""DOCX layouts for the reader tests on several tables, captions and header cases, and their
LibreOffice PDFs (built at test time into a temporary folder, all in one soffice run)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from readers_fixtures import HEADER

FILLER = " ".join(["Представители администрации и общественных организаций"] * 45)


def event(n: int, participants: str = "Делегация Республики Беларусь") -> list[str]:
    """One numbered event row under HEADER."""
    return [f"{n}.", f"Фестиваль народного творчества {n}", "г. Велиж", f"{n} июля 2024 г.", participants]


def _table(
    document,
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float] | None = None,
    style: str = "Table Grid",
):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    if style:
        table.style = style
    if widths_cm:
        table.autofit = False
        for col, width in zip(table.columns, widths_cm, strict=True):
            col.width = Cm(width)
            for cell in col.cells:
                cell.width = Cm(width)
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    return table


def _row_flag(row, flag: str) -> None:
    """Set a row property without a value: tblHeader (repeat on each page), cantSplit."""
    row._tr.get_or_add_trPr().append(OxmlElement(f"w:{flag}"))


def sections(path: Path) -> Path:
    """A summary table, then one events table per municipality under its heading paragraph: the
    second heading opens page 2 (same column grid as the table above it), the second table runs
    onto page 3 with its header repeated and a tall row broken by the page end, the third table
    follows under its heading."""
    document = docx.Document()
    document.add_paragraph("Отчёт о мероприятиях в международной сфере")
    document.add_paragraph("за III квартал 2024 года")
    _table(document, [["Показатель", "Значение"], ["Проведено мероприятий", "12"]])
    widths = (1.2, 4.0, 3.0, 3.0, 5.5)
    document.add_paragraph("Велижский район")
    _table(document, [list(HEADER), event(1), event(2)], widths)
    heading = document.add_paragraph("Город Десногорск")
    heading.paragraph_format.page_break_before = True
    rows = [list(HEADER)] + [event(n, FILLER if n == 6 else "Делегация") for n in range(1, 9)]
    _row_flag(_table(document, rows, widths).rows[0], "tblHeader")
    document.add_paragraph("Муниципальное образование\n«Ельнинский район»")
    _table(document, [list(HEADER), event(1)], widths)
    document.save(str(path))
    return path


# Header words cut by a narrow column: each table's first two columns get narrower than the word.
WRAP_HEADER = ("Мероприятия", "Наименования", "Сроки проведения", "Участники")
WRAP_WIDTHS = tuple(round(1.0 + 0.025 * i, 3) for i in range(16))


def header_wraps(path: Path) -> Path:
    """One small table per width; the header rows cannot split over a page."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    for width in WRAP_WIDTHS:
        document.add_paragraph(f"Ширина {width} см")
        rows = [list(WRAP_HEADER), ["Концерт", "Ярмарка", "1 июля 2024 г.", "Делегация"]]
        table = _table(document, rows, (width, width + 0.2, width, 4.0))
        _row_flag(table.rows[0], "cantSplit")
    document.save(str(path))
    return path


def titled_header(path: Path) -> Path:
    """A table whose first rows are a merged title row, the header and a column-number row, all
    repeated on each page, with a tall row broken by the page end."""
    document = docx.Document()
    document.add_paragraph("Информация о мероприятиях за 2 квартал 2024 года")
    rows = [["Таблица 1. Мероприятия", "", "", "", ""], list(HEADER), ["1", "2", "3", "4", "5"]]
    rows += [event(n, FILLER if n == 4 else "Делегация") for n in range(1, 8)]
    table = _table(document, rows, (1.2, 4.0, 3.0, 3.0, 5.5))
    table.cell(0, 0).merge(table.cell(0, 4))
    table.cell(0, 0).text = rows[0][0]
    for row in table.rows[:3]:
        _row_flag(row, "tblHeader")
    document.save(str(path))
    return path


def borderless(path: Path) -> Path:
    """Two events tables without any ruling line, each under its municipality heading."""
    document = docx.Document()
    document.add_paragraph("Отчёт о мероприятиях за 3 квартал 2024 года")
    for name in ("Велижский район", "Город Десногорск"):
        document.add_paragraph(name)
        _table(document, [list(HEADER)] + [event(n) for n in range(1, 5)], style="")
    document.save(str(path))
    return path


# Five events: 1-2 share their place and date, 3-5 their place (`merged_events`).
MERGED_EVENTS = [
    ["1.", "Фестиваль народного творчества", "г. Велиж, районный Дом культуры", "5 мая 2024 г.", "Делегация"],
    ["2.", "Круглый стол по туризму", "", "", "Делегация г. Витебска"],
    ["3.", "Турнир по мини-футболу", "г. Демидов, стадион", "17 мая 2024 г.", "Спортсмены"],
    ["4.", "Выставка ремёсел", "", "18 мая 2024 г.", "Мастера"],
    ["5.", "Концерт творческих коллективов", "", "19 мая 2024 г.", "Артисты"],
]


def merged_events(path: Path, centred: bool = True, borders: str | None = None) -> Path:
    """`MERGED_EVENTS` in a Word table: events 1-2 share their place and date (cells merged down,
    text at the top), events 3-5 their place (one cell over three rows, its text vertically
    centred unless not `centred`); `borders`: the layout generator's borders drawn (`draw_borders`
    of `BORDER_SIDES[borders]`), else the grid's own."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    from sample_inputs.samplegen.docx_build import (
        BookmarkIds,
        add_cells_row,
        add_grid_table,
        add_title,
        merge_down,
        new_document,
        save_stable,
    )

    doc = new_document("Times New Roman", 12)
    add_title(doc, ["Информация о международных мероприятиях", "за II квартал 2024 года"], 12)
    widths = [1.2, 4.5, 4.0, 3.0, 3.8]
    ids = BookmarkIds()
    table = add_grid_table(doc, widths)
    add_cells_row(table, list(HEADER), widths, ids, bold=True)
    for cells in MERGED_EVENTS:
        add_cells_row(table, cells, widths, ids)
    merge_down(table, 2, 1, 2)
    merge_down(table, 3, 1, 2)
    merge_down(table, 2, 3, 5)
    if centred:
        table.cell(3, 2).vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if borders is not None:
        from sample_inputs.samplegen.layout_extras import BORDER_SIDES
        from sample_inputs.samplegen.layouts_docx import draw_borders

        draw_borders(table, BORDER_SIDES[borders])
    save_stable(doc, path)
    return path


PROSE = (
    "Администрация муниципального образования провела в отчётном периоде встречи с делегациями "
    "городов-побратимов, обсудила вопросы культурного обмена и подготовила план совместных "
    "мероприятий на следующий год. "
)


def two_columns(path: Path) -> Path:
    """Prose set in three newspaper columns and a signature line spaced by tabs: no table at all."""
    document = docx.Document()
    cols = document.sections[0]._sectPr.xpath("./w:cols")
    columns = cols[0] if cols else OxmlElement("w:cols")
    columns.set(qn("w:num"), "3")
    if not cols:
        document.sections[0]._sectPr.append(columns)
    for _ in range(8):
        document.add_paragraph(PROSE * 3)
    document.add_paragraph("Глава района\t\t\tИ. И. Иванов")
    document.save(str(path))
    return path


LAYOUTS: dict[str, Callable[[Path], Path]] = {
    "sections": sections,
    "header_wraps": header_wraps,
    "titled_header": titled_header,
    "borderless": borderless,
    "two_columns": two_columns,
}


def soffice_missing() -> str | None:
    """Why the PDFs cannot be built here, or None when LibreOffice is installed."""
    if shutil.which("soffice") is None:
        return "soffice (LibreOffice) not installed: run `make libreoffice` (scripts/install-libreoffice.sh)"
    return None


def exported(
    factory: pytest.TempPathFactory, folder: str, layouts: Mapping[str, Callable[[Path], Path]]
) -> tuple[Path, dict[str, Path]]:
    """For a module fixture: a new folder with each layout's DOCX and its PDF export (see
    build_pdfs); the test is skipped where LibreOffice is missing."""
    reason = soffice_missing()
    if reason:
        pytest.skip(reason)
    out = factory.mktemp(folder)
    return out, build_pdfs(out, layouts)


def build_pdfs(out_dir: Path, layouts: Mapping[str, Callable[[Path], Path]] | None = None) -> dict[str, Path]:
    """Build every layout's DOCX (these, or `layouts`) and convert them all to PDF in one headless
    LibreOffice run."""
    layouts = LAYOUTS if layouts is None else layouts
    built = [builder(out_dir / f"{name}.docx") for name, builder in layouts.items()]
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), *map(str, built)],
            check=True,
            capture_output=True,
            timeout=300,
        )  # fmt: skip
    return {name: out_dir / f"{name}.pdf" for name in layouts}
