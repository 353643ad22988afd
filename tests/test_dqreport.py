"""The data-quality report: summary, every flagged row, duplicates side by side, a CSV Excel can open."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from muniflow.dqreport import CSV_NAME, FLAGGED_COLUMNS, render_html, write_report
from muniflow.quality import ExpectationOutcome, QualityResult

RUN = {"run_id": "run-7", "started_at": "2024-07-01 10:00:00", "finished_at": "2024-07-01 10:00:05"}


def flag(seq: int, municipality: str, rule: str, severity: str, message: str, **extra: object) -> dict:
    return {
        "run_id": "run-7",
        "report_id": "rep-1",
        "source_file": "inbox/report.docx",
        "source_locator": f"table 1, row {seq + 2}",
        "seq_no": seq,
        "municipality": municipality,
        "rule": rule,
        "severity": severity,
        "message": message,
        "field": "date_text",
        "value": None,
        "quarantined": severity == "error",
        "related_event_id": None,
        **extra,
    }


def sample() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Four flags over two municipalities, one of them a duplicate of a loaded event."""
    flagged = pd.DataFrame(
        [
            flag(
                1,
                "Город Альфа",
                "quarter_consistency",
                "error",
                "Мероприятие целиком вне периода отчёта",
                value="21-22 марта 2024 года",
            ),
            flag(
                3, "Город Альфа", "quarter_consistency", "warning", "Мероприятие выходит за границу периода"
            ),
            flag(
                9,
                "Район Бета",
                "mixed_script",
                "warning",
                "Слова смешивают латиницу и кириллицу",
                field="title",
                value="XХIV <b>",
            ),
            flag(
                12,
                "Район Бета",
                "duplicate_event",
                "error",
                "Повтор мероприятия № 11",
                field="title",
                value="Праздник дружбы",
                related_event_id="ev-11",
            ),
        ]
    )
    events = pd.DataFrame(
        {
            "event_id": ["ev-11", "ev-4"],
            "title": ["Праздник дружбы", "Концерт"],
            "municipality": ["Район Бета", "Город Альфа"],
            "place": ["д. Гамма", "г. Альфа"],
            "start_date": pd.to_datetime(["2024-04-06", "2024-04-02"]),
            "end_date": pd.to_datetime(["2024-04-06", "2024-04-02"]),
            "seq_no": [11, 4],
            "source_file": ["inbox/report.docx", "inbox/report.docx"],
            "source_locator": ["table 1, row 13", "table 1, row 6"],
        }
    )
    return flagged, events


QUALITY = QualityResult(
    success=False,
    outcomes=(
        ExpectationOutcome(
            "event_id_unique", "events", "expect_column_values_to_be_unique", "event_id", True, 0
        ),
        ExpectationOutcome(
            "flag_severity_known",
            "flagged_rows",
            "expect_column_values_to_be_in_set",
            "severity",
            False,
            2,
            description="Серьёзность замечания — error или warning.",
        ),
    ),
)


@pytest.fixture()
def written(tmp_path: Path) -> tuple[Path, str]:
    flagged, events = sample()
    path = write_report(tmp_path, run=RUN, flagged=flagged, events=events, quality=QUALITY)
    return path, path.read_text(encoding="utf-8")


def cells_of_row(page: str, first_cell: str) -> list[str]:
    """The texts of the table row whose first cell is `first_cell`."""
    match = re.search(rf"<tr><td>{re.escape(first_cell)}</td>(.*?)</tr>", page)
    assert match, first_cell
    return re.findall(r"<td[^>]*>(.*?)</td>", match.group(1))


def test_summary_by_rule_counts_errors_and_warnings(written: tuple[Path, str]) -> None:
    _, page = written
    # rule name, code, errors, warnings, total
    assert cells_of_row(page, "Соответствие кварталу")[1:] == ["1", "1", "2"]
    assert cells_of_row(page, "Смешение латиницы и кириллицы")[1:] == ["0", "1", "1"]


def test_summary_by_municipality(written: tuple[Path, str]) -> None:
    _, page = written
    # errors, warnings, quarantined rows, rules
    assert cells_of_row(page, "Город Альфа")[:3] == ["1", "1", "1"]
    assert cells_of_row(page, "Район Бета")[:3] == ["1", "1", "1"]


def test_every_flagged_row_with_locator_value_and_message(written: tuple[Path, str]) -> None:
    _, page = written
    assert page.count('<tr class="error">') == 2 and page.count('<tr class="warning">') == 2
    assert "table 1, row 3</td>" in page and "21-22 марта 2024 года" in page
    assert "Мероприятие целиком вне периода отчёта" in page


def test_cell_text_is_escaped(written: tuple[Path, str]) -> None:
    _, page = written
    assert "XХIV &lt;b&gt;" in page and "XХIV <b>" not in page


def test_duplicate_is_shown_beside_the_kept_copy(written: tuple[Path, str]) -> None:
    _, page = written
    pair = re.search(r'<div class="pair">(.*?)</div></div>', page, re.S)
    assert pair
    dropped, kept = pair.group(1).split('<div class="copy kept">')
    assert "Повтор мероприятия № 11" in dropped and "table 1, row 14" in dropped
    assert "Оставленная копия" in kept and "д. Гамма" in kept and "table 1, row 13" in kept


def test_page_is_self_contained(written: tuple[Path, str]) -> None:
    _, page = written
    assert "<style>" in page
    assert not re.search(r"(https?:)?//[a-z]", page, re.I), "no external address"
    assert not re.search(r"<(script|link|img|iframe)\b", page, re.I)


def test_quality_results_are_listed(written: tuple[Path, str]) -> None:
    _, page = written
    assert "Не пройдено проверок: 1." in page and "Серьёзность замечания — error или warning." in page


def test_csv_has_a_bom_and_the_flagged_rows_columns(written: tuple[Path, str]) -> None:
    path, _ = written
    raw = (path.parent / CSV_NAME).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path.parent / CSV_NAME, encoding="utf-8-sig")
    assert tuple(frame.columns) == FLAGGED_COLUMNS
    assert len(frame) == 4 and "Город Альфа" in set(frame["municipality"])


def test_an_empty_run_reads_as_clean() -> None:
    page = render_html(run={"run_id": "r0"}, flagged=pd.DataFrame(), events=pd.DataFrame(), quality=None)
    assert "Замечаний нет." in page and "Повторов не найдено." in page


def test_files_refused_whole_or_superseded_are_listed_with_why() -> None:
    """A file refused whole has no row the reviewer meets, and a superseded version is history:
    both are listed, the first with its reason and what to do, the second with what replaced it."""
    reports = pd.DataFrame(
        [
            {"report_id": "a", "source_file": "inbox/v2.docx", "status": "loaded", "period": "2025Q3"},
            {
                "report_id": "b",
                "source_file": "inbox/v1.docx",
                "status": "superseded",
                "period": "2025Q3",
                "superseded_by": "a",
            },
            {
                "report_id": "c",
                "source_file": "inbox/положение.docx",
                "status": "quarantined",
                "period": None,
                "reason": "unknown_layout",
                "message": "no events table",
            },
        ]
    )
    page = render_html(
        run={"run_id": "r1"}, flagged=pd.DataFrame(), events=pd.DataFrame(), quality=None, reports=reports
    )
    section = page.split("Файлы, не загруженные целиком (2)")[1].split("<h2>")[0]
    assert "inbox/положение.docx" in section and "unknown_layout: no events table" in section
    assert "inbox/v1.docx" in section and "заменён файлом inbox/v2.docx" in section
    assert "inbox/v2.docx</td><td>2025Q3" not in section  # the current version is not listed


def test_a_region_with_no_expected_list_is_said_unchecked_not_complete() -> None:
    """No municipality of a region on an expected list: nobody is «missing», and the page says its
    completeness was not checked rather than that everyone reported."""
    reporting = pd.DataFrame(
        [
            {
                "region": "Северная область",
                "period": "2025Q3",
                "municipality": "Район А",
                "status": "reported",
                "expected": False,
            },
            {
                "region": "Южная область",
                "period": "2025Q3",
                "municipality": "Район Б",
                "status": "reported",
                "expected": True,
            },
        ]
    )
    page = render_html(
        run={"run_id": "r1"}, flagged=pd.DataFrame(), events=pd.DataFrame(), quality=None, reporting=reporting
    )
    section = page.split("Не представили отчёт (0)")[1].split("<h2>")[0]
    assert "Полнота не проверена" in section and "Северная область" in section
    assert "Южная область" not in section
    assert "Все ожидаемые" not in section
    assert "регионы без списка не проверены" in section
    # no region with a list: nothing was checked, and the heading says so instead of a count of 0
    alone = render_html(
        run={"run_id": "r1"},
        flagged=pd.DataFrame(),
        events=pd.DataFrame(),
        quality=None,
        reporting=reporting[reporting["region"] == "Северная область"],
    )
    assert "Не представили отчёт (не проверено)" in alone and "Не проверено: списка ожидаемых нет." in alone


def test_open_flags_come_with_how_to_close_them() -> None:
    """A reviewer reading the page learns the commands that close a flag; none when none is open."""
    flagged = pd.DataFrame(
        [
            {
                "report_id": "r",
                "row_index": 0,
                "period": "2025Q3",
                "region": "Северная область",
                "municipality": "Район А",
                "title": "Фестиваль",
                "rule": "date_format",
                "severity": "warning",
                "message": "Дата прочитана с допущением",
                "quarantined": False,
                "is_open": True,
            }
        ]
    )
    page = render_html(run={"run_id": "r1"}, flagged=flagged, events=pd.DataFrame(), quality=None)
    assert "muniflow review export" in page and "muniflow review apply" in page
    empty = render_html(run={"run_id": "r1"}, flagged=pd.DataFrame(), events=pd.DataFrame(), quality=None)
    assert "muniflow review export" not in empty


def test_a_report_whose_first_row_has_no_date_gets_its_note_without_failing() -> None:
    """A missing date comes from the view as NaT (a datetime to isinstance): it says nothing of the
    quarter, and the other rows still show the title's quarter fits none of them."""
    from muniflow.dqnotes import report_notes

    reports = pd.DataFrame(
        [{"report_id": "r1", "source_file": "a.docx", "period": "2025Q1", "status": "loaded"}]
    )
    extracted = pd.DataFrame(
        {
            "report_id": ["r1", "r1"],
            "start_date": pd.to_datetime([None, "2025-07-03"]),
            "end_date": pd.to_datetime([None, "2025-07-03"]),
        }
    )
    head, body = report_notes(reports, extracted)
    assert "(1)" in head and "a.docx" in body and "2025Q3" in body


def test_a_loaded_report_of_no_region_is_a_note_on_the_whole_report() -> None:
    """Its rows count under no region's completeness: the reviewer is told, not only the run summary."""
    from muniflow.dqnotes import NO_REGION, report_notes

    reports = pd.DataFrame(
        [
            {
                "report_id": "r1",
                "source_file": "ozersk.docx",
                "period": "2025Q3",
                "status": "loaded",
                "region": None,
            },
            {
                "report_id": "r2",
                "source_file": "lesnoy.docx",
                "period": "2025Q3",
                "status": "loaded",
                "region": "Ю",
            },
            {
                "report_id": "r3",
                "source_file": "old.docx",
                "period": "2025Q3",
                "status": "superseded",
                "region": None,
            },
        ]
    )
    extracted = pd.DataFrame(
        {
            "report_id": ["r1", "r2", "r3"],
            "start_date": pd.to_datetime(["2025-07-03"] * 3),
            "end_date": pd.to_datetime(["2025-07-03"] * 3),
        }
    )
    head, body = report_notes(reports, extracted)
    assert "(1)" in head and "ozersk.docx" in body and NO_REGION.split(":")[0] in body
    assert "lesnoy.docx" not in body and "old.docx" not in body


def test_rows_read_by_ocr_are_counted_apart_from_the_findings() -> None:
    """Every row of a scan carries a reminder to check it against the scan (`reminder_rules` in
    contracts/ocr.yaml): the cards, the summary by municipality and the open flags count the
    findings only, and the reminders get a line per file with their confidences."""
    flagged, events = sample()
    scan = [
        flag(k, "Город Альфа", "ocr_review", "warning", "read by OCR", source_file="inbox/scan.pdf", value=v)
        for k, v in ((20, "91"), (21, "64"), (22, "85"))
    ]
    low = flag(
        21, "Город Альфа", "ocr_low_confidence", "warning", "OCR is unsure", source_file="inbox/scan.pdf"
    )
    page = render_html(
        run=RUN, flagged=pd.concat([flagged, pd.DataFrame([*scan, low])]), events=events, quality=None
    )
    cards = dict(re.findall(r'<div class="card">([^<]+)<b>(\d+)</b>', page))
    assert cards["Замечаний"] == "5"  # the four of the sample and the unsure cell
    assert cards["Предупреждений"] == "3"
    assert cards["Строк из сканов: сверить"] == "3"
    assert "Открытые замечания (5)" in page
    assert cells_of_row(page, "Город Альфа")[:2] == ["1", "2"]  # errors, warnings
    line = re.search(r'<tr><td title="inbox/scan.pdf">scan.pdf</td>(.*?)</tr>', page)
    assert line, "a line for the scanned file"
    # the reminder, its rows, how many open, their mean and lowest confidence
    assert re.findall(r"<td[^>]*>(.*?)</td>", line.group(1))[1:] == ["3", "3", "80", "64"]


def test_a_run_without_scans_has_no_reminders_section(written: tuple[Path, str]) -> None:
    _, page = written
    assert "Строк из сканов" not in page and "прочитанные OCR" not in page
