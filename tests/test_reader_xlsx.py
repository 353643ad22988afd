"""Excel workbooks (.xlsx; .xls and .ods through LibreOffice Calc): each sheet's table laid on its grid
as a Word table is, read as Excel shows it, and interpreted as any report.

The workbooks are built here with openpyxl, the way an office keeping its events in a spreadsheet
lays them out: title lines above the table (merged across it or not), a municipality heading merged
across, merged cells, dates typed as date cells, a sheet per municipality, hidden rows and sheets.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from extraction import extract_file
from openpyxl import Workbook

from muniflow.intake import guards
from muniflow.intake.checked import read_checked
from muniflow.intake.limits import default_limits
from muniflow.interpret.municipality import place_name
from muniflow.model import Period, ReaderError
from muniflow.readers import reader_for
from muniflow.readers.sheets import cell_text

HEADER = [
    "№ п/п",
    "Наименование мероприятия",
    "Место проведения",
    "Дата проведения",
    "Цель и результат",
    "Участники",
]
# report.xls|ods and hidden.xls|ods were made once from `_report(tmp_path, typed_dates=True)` and
# `_hidden(tmp_path)` by LibreOffice 7.4 Calc (`soffice --headless --convert-to xls|ods FILE.xlsx`):
# what Excel 97-2003 and Calc write, read here without LibreOffice.
FIXTURES = Path(__file__).parent / "data" / "readers"
TITLE = (
    "Информация о международных мероприятиях муниципальных образований Смоленской области "
    "за II квартал 2024 года"
)


def _event(n: int, day: Any = "12.05.2024", place: str = "г. Ярцево") -> list[Any]:
    return [
        n,
        f"Фестиваль дружбы народов «Вместе» {n}",
        place,
        day,
        "Укрепление культурных связей; проведено 5 концертов",
        "Делегация Республики Беларусь, 20 человек",
    ]


def _save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def _report(tmp_path: Path, *, typed_dates: bool = False) -> Path:
    """One sheet: the title merged across, the header, two municipalities under merged headings, a
    place merged down over two events, a signature below."""
    wb = Workbook()
    ws = wb.active
    ws.append([TITLE])
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(HEADER)
    ws.append(["Ярцевский район"])
    ws.merge_cells("A4:F4")
    day = datetime(2024, 5, 12) if typed_dates else "12.05.2024"
    ws.append(_event(1, day))
    ws.append(_event(2, day))
    ws.merge_cells("C5:C6")  # one place for both events
    ws.append(["Рославльский район"])
    ws.merge_cells("A7:F7")
    ws.append(_event(3, date(2024, 6, 3) if typed_dates else "03.06.2024", "г. Рославль"))
    ws.append([])
    ws.append(["Глава муниципального образования", None, None, "И.И. Иванов"])
    if typed_dates:
        for row in (5, 6, 8):
            ws.cell(row, 4).number_format = "DD.MM.YYYY"
    return _save(wb, tmp_path / "report.xlsx")


def test_a_sheet_reads_as_one_table_with_its_title_merges_and_without_its_signature(tmp_path: Path) -> None:
    doc = reader_for("xlsx").read(_report(tmp_path))
    assert doc.format == "xlsx" and doc.title == TITLE
    (table,) = doc.tables
    assert table.header == tuple(HEADER)
    heading, first, second, *_ = table.rows
    assert heading.cells == ("Ярцевский район", None, None, None, None, None)
    assert heading.from_above == frozenset()  # merged from the left
    assert first.cells[:4] == ("1", "Фестиваль дружбы народов «Вместе» 1", "г. Ярцево", "12.05.2024")
    assert second.cells[2] is None and second.from_above == frozenset({2})  # the place merged down
    assert [r.locator for r in table.rows] == [f"sheet Sheet, row {n}" for n in (4, 5, 6, 7, 8)]
    assert not any("Иванов" in (c or "") for r in table.rows for c in r.cells)


def test_a_workbook_report_is_interpreted_as_a_document_is(tmp_path: Path) -> None:
    outcome = extract_file(_report(tmp_path, typed_dates=True))
    assert outcome.reason is None, outcome.message
    assert outcome.report is not None and outcome.report.period is not None
    rows = outcome.report.rows
    assert outcome.report.period.label == "2024Q2"
    assert [(r.municipality, r.place, r.start_date) for r in rows] == [
        ("Ярцевский район", "г. Ярцево", date(2024, 5, 12)),
        ("Ярцевский район", "г. Ярцево", date(2024, 5, 12)),
        ("Рославльский район", "г. Рославль", date(2024, 6, 3)),
    ]
    assert outcome.format == "xlsx"


def test_a_sheet_per_municipality_names_its_events_municipality(tmp_path: Path) -> None:
    wb = Workbook()
    cover = wb.active
    cover.title = "Титул"
    cover.append([TITLE])  # a sheet of text only: it heads the next sheet's table
    for n, name in enumerate(("Ярцевский район", "Рославльский район"), start=1):
        ws = wb.create_sheet(name)
        ws.append(["Перечень мероприятий"])  # the sheet's own title: its name says whose events
        ws.append(HEADER)
        ws.append(_event(n))
    outcome = extract_file(_save(wb, tmp_path / "sheets.xlsx"))
    assert outcome.reason is None, outcome.message
    assert outcome.report is not None
    assert [r.municipality for r in outcome.report.rows] == ["Ярцевский район", "Рославльский район"]


def test_a_sheet_named_by_its_place_alone_names_its_events_municipality(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Свод"
    wb.active.append([TITLE])
    for n, name in enumerate(("Ярцево", "Монастырщина"), start=1):
        ws = wb.create_sheet(name)
        ws.append(HEADER)
        ws.append(_event(n))
    outcome = extract_file(_save(wb, tmp_path / "short.xlsx"))
    assert outcome.report is not None
    assert [r.municipality for r in outcome.report.rows] == ["Ярцево", "Монастырщина"]


def test_a_sheet_naming_no_municipality_takes_none_from_the_sheet_before(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Ярцево"
    wb.active.append([TITLE])
    wb.active.append(HEADER)
    wb.active.append(_event(1))
    other = wb.create_sheet("Отчёт")
    other.append(HEADER)
    other.append(_event(2))
    outcome = extract_file(_save(wb, tmp_path / "two.xlsx"))
    assert outcome.report is not None
    assert [r.municipality for r in outcome.report.rows] == ["Ярцево", ""]  # flagged, not guessed


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Смоленск", "Смоленск"),
        ("Йошкар-Ола", "Йошкар-Ола"),
        ("Отчёт", None),
        ("Культура", None),
        ("2 квартал", None),
    ],
)
def test_a_place_named_alone_is_told_from_a_common_word(name: str, place: str | None) -> None:
    assert place_name(name) == place


def test_a_title_typed_in_the_page_header_only_is_the_reports_title(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.oddHeader.center.text = TITLE
    ws.append(["Ярцевский район"])
    ws.append(HEADER)
    ws.append(_event(1))
    outcome = extract_file(_save(wb, tmp_path / "header.xlsx"))
    assert outcome.report is not None and outcome.report.period is not None
    assert outcome.report.period.label == "2024Q2"


def test_a_blank_row_inside_the_table_does_not_cut_it(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    for line in (TITLE, "Ярцевский район"):
        ws.append([line])
    ws.append(HEADER)
    ws.append(_event(1))
    ws.append([])
    ws.append(_event(2, "15.05.2024"))
    ws.cell(6, 6).value = None  # the second part leaves a column empty: it is as wide all the same
    doc = reader_for("xlsx").read(_save(wb, tmp_path / "gap.xlsx"))
    assert [len(t.header) for t in doc.tables] == [6, 6]
    outcome = extract_file(tmp_path / "gap.xlsx")
    assert outcome.report is not None
    assert [r.start_date for r in outcome.report.rows] == [date(2024, 5, 12), date(2024, 5, 15)]


def _hidden(tmp_path: Path) -> Path:
    """A sheet of lists hidden before the report's; a row and a column of the report hidden."""
    wb = Workbook()
    lists = wb.active
    lists.title = "Списки"
    lists.append(["a", "b", "c"])
    lists.append(["d", "e", "f"])
    lists.sheet_state = "hidden"
    ws = wb.create_sheet("Отчёт")
    ws.append([*HEADER, "Служебная"])
    ws.append([*_event(1), "x"])
    ws.append(_event(2))
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["G"].hidden = True
    wb.active = 1
    return _save(wb, tmp_path / "hidden.xlsx")


@pytest.mark.parametrize("format", ["xlsx", "xls", "ods"])
def test_hidden_sheets_rows_and_columns_are_left_out(tmp_path: Path, format: str) -> None:
    path = _hidden(tmp_path) if format == "xlsx" else FIXTURES / f"hidden.{format}"
    doc = read_checked(path, default_limits())
    (table,) = doc.tables
    assert table.header == tuple(HEADER)
    assert [r.cells[0] for r in table.rows] == ["1"]


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (datetime(2024, 5, 12), "DD.MM.YYYY", "12.05.2024"),
        (datetime(2024, 5, 12), "mmmm yyyy", "май 2024"),
        (datetime(2024, 5, 12), "[$-419]mmmm yyyy;@", "май 2024"),
        (datetime(2024, 5, 12), "d mmmm yyyy", "12.05.2024"),
        (datetime(2024, 5, 12, 15, 30), "DD.MM.YYYY HH:MM", "12.05.2024 15:30"),
        (3.0, "General", "3"),
        (2.5, "General", "2,5"),
        ("строка 1\r\nстрока 2", "General", "строка 1\nстрока 2"),
    ],
)
def test_a_cell_reads_as_excel_shows_it(value: Any, number_format: str, shown: str) -> None:
    assert cell_text(value, number_format) == shown


def _rewritten(source: Path, target: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of the zip package `source` with one part changed."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, change(data) if item.filename == part else data)
    return target


def _halved(data: bytes) -> bytes:
    return data[: len(data) // 2]


def test_a_macro_enabled_workbook_is_refused_saying_how_to_save_it(tmp_path: Path) -> None:
    def macro_type(data: bytes) -> bytes:
        return data.replace(guards.XLSX_MAIN.encode(), guards.XLSM_MAIN.encode())

    macro = _rewritten(_report(tmp_path), tmp_path / "report.xlsm", "[Content_Types].xml", macro_type)
    with zipfile.ZipFile(macro, "a") as zf:
        zf.writestr("xl/vbaProject.bin", b"\0" * 64)
    with pytest.raises(ReaderError) as err:
        read_checked(macro, default_limits())
    assert err.value.reason == "macro_enabled" and "Excel" in err.value.message


def test_a_damaged_xls_or_ods_is_a_corrupt_file(tmp_path: Path) -> None:
    data = bytearray((FIXTURES / "report.xls").read_bytes())
    data[512:4096] = b"\xff" * (4096 - 512)  # the container's sector table gone, its directory kept
    broken = tmp_path / "broken.xls"
    broken.write_bytes(bytes(data))
    with pytest.raises(ReaderError) as err:
        read_checked(broken, default_limits())
    assert err.value.reason == "corrupt_file"
    ods = _rewritten(FIXTURES / "report.ods", tmp_path / "broken.ods", "content.xml", _halved)
    with pytest.raises(ReaderError) as err:
        read_checked(ods, default_limits())
    assert err.value.reason == "corrupt_file"


def test_a_damaged_workbook_is_a_corrupt_file(tmp_path: Path) -> None:
    broken = _rewritten(_report(tmp_path), tmp_path / "broken.xlsx", "xl/workbook.xml", _halved)
    with pytest.raises(ReaderError) as err:
        read_checked(broken, default_limits())
    assert err.value.reason == "corrupt_file"


def test_a_workbook_part_declaring_a_dtd_is_refused(tmp_path: Path) -> None:
    dtd = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    bad = _rewritten(_report(tmp_path), tmp_path / "dtd.xlsx", "xl/workbook.xml", lambda data: dtd + data)
    with pytest.raises(ReaderError) as err:
        read_checked(bad, default_limits())
    assert err.value.reason == "dtd_forbidden"


@pytest.mark.parametrize("format", ["xls", "ods"])
def test_a_legacy_or_opendocument_workbook_reads_as_its_xlsx(tmp_path: Path, format: str) -> None:
    source = _report(tmp_path, typed_dates=True)
    fixture = FIXTURES / f"report.{format}"
    original, read = reader_for("xlsx").read(source), read_checked(fixture, default_limits())
    assert read.format == format and read.title == original.title
    assert [(t.header, t.caption, t.locator) for t in read.tables] == [
        (t.header, t.caption, t.locator) for t in original.tables
    ]
    assert [(r.cells, r.from_above) for t in read.tables for r in t.rows] == [
        (r.cells, r.from_above) for t in original.tables for r in t.rows
    ]
    outcome = extract_file(fixture)
    assert outcome.reason is None and outcome.report is not None and len(outcome.report.rows) == 3


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Отчёт">
<table:table-column table:number-columns-repeated="3"/>
<table:table-header-rows><table:table-row>
<table:table-cell><text:p>Мероприятие</text:p></table:table-cell>
<table:table-cell><text:p>Место</text:p></table:table-cell>
<table:table-cell><text:p>Дата</text:p></table:table-cell>
</table:table-row></table:table-header-rows>
<table:table-row table:number-rows-repeated="{repeat}">
<table:table-cell><text:p>Выставка<text:s text:c="2"/>«Край»<text:line-break/>(открытие)</text:p>
<office:annotation><text:p>проверить</text:p></office:annotation></table:table-cell>
<table:table-cell table:number-columns-repeated="2"><text:p><text:span>г. Ярцево</text:span></text:p>
</table:table-cell>
</table:table-row>
<table:table-row table:number-rows-repeated="1048570">
<table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""


def _ods(path: Path, repeat: int) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", ODS_CONTENT.replace("{repeat}", str(repeat)))
    return path


def test_an_ods_reads_its_paragraphs_repeats_and_header_rows_not_its_comments(tmp_path: Path) -> None:
    doc = read_checked(_ods(tmp_path / "r.ods", 2), default_limits())
    (table,) = doc.tables
    assert table.header == ("Мероприятие", "Место", "Дата")
    assert [r.cells for r in table.rows] == [("Выставка  «Край»\n(открытие)", "г. Ярцево", "г. Ярцево")] * 2
    assert [r.locator for r in table.rows] == ["sheet Отчёт, row 2", "sheet Отчёт, row 3"]


def test_an_ods_row_of_text_repeated_past_any_report_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReaderError) as err:
        read_checked(_ods(tmp_path / "bomb.ods", 5_000_000), default_limits())
    assert err.value.reason == "too_large"


def test_a_nil_report_typed_in_a_sheet_is_a_nil_report(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Администрация муниципального образования «Озёрный район» Северной области сообщает,"])
    ws.append(["что в III квартале 2025 года международные мероприятия не проводились."])
    outcome = extract_file(_save(wb, tmp_path / "nil.xlsx"))
    assert outcome.reason is None, outcome.message
    assert outcome.report is not None and outcome.report.period is not None
    assert outcome.report.period.label == "2025Q3" and outcome.report.rows == ()
    assert outcome.report.nil_municipalities == ("Озёрный район",)


def _quarter_sheet(wb: Workbook, quarter: int, events: int) -> None:
    ws = wb.create_sheet(f"{quarter} квартал")
    ws.append([f"Информация о международных мероприятиях Смоленской области за {quarter} квартал 2024 года"])
    ws.append(["Ярцевский район"])
    ws.append(HEADER)
    day = f"12.{quarter * 3 - 1:02d}.2024"
    for n in range(1, events + 1):
        ws.append(_event(n, day))


@pytest.mark.parametrize(("asked", "label", "rows"), [(None, "2024Q2", 2), (Period(2024, 1), "2024Q1", 3)])
def test_a_workbook_with_a_sheet_per_quarter_reads_the_reports_quarter_only(
    tmp_path: Path, asked: Period | None, label: str, rows: int
) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    _quarter_sheet(wb, 1, 3)
    _quarter_sheet(wb, 2, 2)
    _quarter_sheet(wb, 3, 0)  # made ready for the next quarter, still empty
    outcome = extract_file(_save(wb, tmp_path / "year.xlsx"), asked)
    assert outcome.report is not None and outcome.report.period is not None
    assert (outcome.report.period.label, len(outcome.report.rows)) == (label, rows)
    left = [t.reason for t in outcome.report.reading.tables if not t.chosen]
    assert left and all("another quarter" in reason for reason in left)
