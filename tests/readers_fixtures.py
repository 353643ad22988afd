"""Small DOCX files for reader tests, built with python-docx; `python tests/readers_fixtures.py`
rebuilds the committed PDFs under tests/data/readers/ (needs LibreOffice, tests do not)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

DATA = Path(__file__).resolve().parent / "data" / "readers"

HEADER = ("№ п/п", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Участники")

# Merges as ((first row, first col), (last row, last col)), inclusive, 0-based.
Merge = tuple[tuple[int, int], tuple[int, int]]


def _write_cell(cell, text: str) -> None:
    """Fill a cell: '\n' starts a new paragraph, '\v' is a soft line break (w:br) inside one."""
    cell.text = ""
    for i, line in enumerate(text.split("\n")):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        for j, piece in enumerate(line.split("\v")):
            run = paragraph.add_run(piece)
            if j < len(line.split("\v")) - 1:
                run.add_break()


def _repeat_as_header(row) -> None:
    """Mark a row as a header row that Word and LibreOffice repeat on every page."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def build_docx(
    path: Path,
    rows: Sequence[Sequence[str]],
    merges: Sequence[Merge] = (),
    title: Sequence[str] = ("Отчёт о мероприятиях",),
    widths_cm: Sequence[float] | None = None,
    font_pt: float | None = None,
    header_rows: int = 0,
) -> Path:
    """Write a one-table DOCX: title paragraphs, then rows (merged cells take the first cell's text)."""
    document = docx.Document()
    if font_pt:
        document.styles["Normal"].font.size = Pt(font_pt)
    for line in title:
        document.add_paragraph(line)
    n_cols = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=n_cols)
    table.style = "Table Grid"
    if widths_cm:
        table.autofit = False
        for col, width in zip(table.columns, widths_cm, strict=True):
            col.width = Cm(width)
            for cell in col.cells:
                cell.width = Cm(width)
    for (r0, c0), (r1, c1) in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    covered = {(r, c) for (r0, c0), (r1, c1) in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    starts = {start for start, _ in merges}
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            if (r, c) in covered and (r, c) not in starts:
                continue
            _write_cell(table.cell(r, c), text)
    for row in table.rows[:header_rows]:
        _repeat_as_header(row)
    document.save(str(path))
    return path


def add_table(path: Path, rows: Sequence[Sequence[str]], before: str = "") -> Path:
    """Append another table (optionally after a paragraph) to an existing DOCX."""
    document = docx.Document(str(path))
    if before:
        document.add_paragraph(before)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            _write_cell(table.cell(r, c), text)
    document.save(str(path))
    return path


def replace_cell_xml(path: Path, row: int, col: int, inner_xml: str, table: int = 0) -> Path:
    """Replace a cell's content with raw WordprocessingML (runs, fields, tracked changes, sdt)."""
    document = docx.Document(str(path))
    tc = document.tables[table].rows[row].cells[col]._tc
    for child in list(tc):
        if child.tag != qn("w:tcPr"):
            tc.remove(child)
    for element in parse_xml(f"<w:wrap {nsdecls('w')}>{inner_xml}</w:wrap>"):
        tc.append(element)
    document.save(str(path))
    return path


def wrap_table_in_sdt(path: Path) -> Path:
    """Move the document's first table into a block-level content control (w:sdt)."""
    document = docx.Document(str(path))
    tbl = document.tables[0]._tbl
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    tbl.addprevious(sdt)
    sdt[1].append(tbl)
    document.save(str(path))
    return path


def report_rows(
    sections: int, rows_per_section: int, long_text: str = ""
) -> tuple[list[list[str]], list[Merge]]:
    """Rows of a report table: header, then per section a full-width heading row and numbered rows."""
    rows: list[list[str]] = [list(HEADER)]
    merges: list[Merge] = []
    seq = 0
    for s in range(sections):
        merges.append(((len(rows), 0), (len(rows), len(HEADER) - 1)))
        rows.append([f"Муниципальный округ № {s + 1}", "", "", "", ""])
        for _ in range(rows_per_section):
            seq += 1
            rows.append(
                [
                    f"{seq}.",
                    f"Фестиваль «Дружба народов – {seq}»\vнаучно-практической конференции",
                    "г. Смоленск,\nРеспублика Беларусь",
                    f"{seq % 28 + 1} мая – 2 июня\n2024 года",
                    f"Делегации городов-побратимов {long_text}".strip(),
                ]
            )
    return rows, merges


# Each committed PDF fixture: name -> (builder of its DOCX). Widths force narrow wrapping columns.
def _pdf_report(path: Path) -> Path:
    """Three pages: repeated header, headings, a row breaking across a page, narrow columns."""
    filler = " ".join(["Представители администрации и общественных организаций"] * 40)
    rows, merges = report_rows(sections=3, rows_per_section=4)
    rows[5][4] = filler  # a tall row in the middle that must break across the page
    rows[5][1] = "Межмуниципальное совещание по вопросам международного сотрудничества"
    return build_docx(
        path,
        rows,
        merges,
        title=("Отчёт о мероприятиях в международной сфере", "во II квартале 2024 года"),
        widths_cm=(1.2, 2.8, 3.0, 2.6, 6.4),
        header_rows=1,
    )


def _pdf_no_table(path: Path) -> Path:
    """A letter without any table: the reader must say no_table_found."""
    document = docx.Document()
    document.add_paragraph("Сопроводительное письмо: отчёт будет направлен позднее.")
    document.save(str(path))
    return path


PDF_FIXTURES = {"report.docx": _pdf_report, "no_table.docx": _pdf_no_table}


def _convert(docx_path: Path, out_dir: Path) -> Path:
    """Export a DOCX to PDF with LibreOffice, headless, in a private profile."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
        )
    return out_dir / (docx_path.stem + ".pdf")


def rebuild_pdf_fixtures() -> None:
    """Rebuild every committed DOCX+PDF pair under tests/data/readers/."""
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is needed to rebuild the PDF fixtures")
    DATA.mkdir(parents=True, exist_ok=True)
    for name, builder in PDF_FIXTURES.items():
        built = builder(DATA / name)
        _convert(built, DATA)
        if name.startswith("no_table"):
            built.unlink()  # only its PDF is needed


if __name__ == "__main__":
    rebuild_pdf_fixtures()
