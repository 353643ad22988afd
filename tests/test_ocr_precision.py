"""Rows OCR reads that are no events: a table's header repeated on a later page or above a later
section, read a little differently each time (bench/scans_layouts.py, extra rows). Pages built
here from cells; no Tesseract needed."""

from __future__ import annotations

from muniflow.readers import ocr, ocr_cells

HEADER = ("№ п/п", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Участники")


def _cells(*texts: str) -> list[ocr_cells.CellText]:
    return [ocr_cells.CellText(t, 90.0) for t in texts]


def _event(n: str, title: str) -> list[ocr_cells.CellText]:
    return _cells(n, title, "г. Заречье, школа № 2", "5 мая 2024 г.", "Учащиеся школ")


def test_a_header_repeated_under_a_title_row_and_misread_is_dropped() -> None:
    """The table's first row is a title across it, so its header is a body row; the header repeated
    on the next page and above the next section is read with slips («{мероприятия», «Мосто»), and
    its № once as «2.». Those rows are dropped, and the page's piece of a row the page break cut is
    glued back though a repeated header stands between."""
    title = _cells("Перечень международных мероприятий", "", "", "", "")
    first = ocr.Page([title, _cells(*HEADER), _event("1", "Форум молодёжи"), _event("2", "Ярмарка")], "ОТЧЁТ")
    second = ocr.Page(
        [
            _cells("№ п/п", "Наименование {мероприятия", "Мосто проведения", "Сроки проведения", "Участники"),
            _cells("", "", "", "", "и студенты колледжа"),
            _cells("Сычёвский район", "", "", "", ""),
            _cells("2.", "Наименование мероприятия", "Место проведенияя", "Сроки провед", "Участники"),
            _event("3", "Концерт"),
        ],
        "",
    )
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [first, second])
    rows = [r.cells for r in doc.tables[0].rows]
    assert [r[0] for r in rows] == ["№ п/п", "1", "2", "Сычёвский район", "3"]
    assert rows[2][4] == "Учащиеся школ\nи студенты колледжа"


def test_events_alike_and_rows_with_no_number_are_kept() -> None:
    """Two events with the same text are two events (each its number); a table with no № column
    keeps rows alike, none of them reading as a header."""
    page = ocr.Page([_cells(*HEADER), _event("1", "Форум"), _event("2", "Форум")], "ОТЧЁТ")
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [page])
    assert [r.cells[0] for r in doc.tables[0].rows] == ["1", "2"]
    plain = ocr.Page([_cells(*HEADER[1:]), _event("1", "Форум")[1:], _event("2", "Форум")[1:]], "ОТЧЁТ")
    doc, _ = ocr.to_document("scan.tiff", "image_ocr", [plain])
    assert len(doc.tables[0].rows) == 2


def test_a_number_column_under_an_unread_label_is_typed_by_its_run() -> None:
    """A turned «№» label read as noise leaves the № column to be typed by its cells; in a scan
    whose columns came from gutters some events have cells merged (fewer filled), and a row of
    column numbers starts the body: the run 1., 2., 3., 4. is still the № column."""
    from muniflow import contracts
    from muniflow.interpret.tables import choose_tables
    from muniflow.model import RawRow, RawTable

    header = ("Е Е - зея", "Наименование мероприятия", "Место проведения", "Даты проведения", "Участники")
    rows = [
        ("1", "2", "3", "4", "5"),
        ("1.", "Форум молодёжи", "г. Заречье", "5 мая 2024 г.", "Учащиеся школ"),
        ("2.", "Ярмарка мастеров с. Ольховка", "", "", ""),
        ("3.", "Концерт", "г. Белозорск", "7 мая 2024 г.", "Творческие коллективы"),
        ("4.", "Круглый стол", "д. Студёнка", "9 мая 2024 г.", "Депутаты"),
    ]
    table = RawTable(header, tuple(RawRow(r, f"row {i}") for i, r in enumerate(rows)), "pages 1-1", "")
    chosen, _ = choose_tables([table], contracts.header_synonyms(), [], None)
    assert [(m.column, m.index) for m in chosen[0].matches if m.column == "seq_no"] == [("seq_no", 0)]
