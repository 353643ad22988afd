"""A file refused whole (no table, or no events table) keeps what its title says: the quarter, the
region and the municipality whose report it is (`interpret.heading.refused_report`), read as a read
report's title is; the refusal's message names them. Municipality names are invented."""

from __future__ import annotations

from pathlib import Path

import nil_builders as nb
import pytest

from muniflow import stages
from muniflow.intake.limits import default_limits
from muniflow.interpret.heading import refused_report
from muniflow.model import Period, RawDocument, RawRow, RawTable, ReaderError

QUARTER = "Информация о международных мероприятиях за II квартал 2025 года"


def _table(caption: str = "", rows: int = 8, cells: tuple[str, ...] = ("Показатель", "Значение")) -> RawTable:
    body = tuple(RawRow(tuple(f"{c} {n}" for c in cells), f"row {n}") for n in range(rows))
    return RawTable(cells, body, "table", caption)


def _doc(
    title: str, tables: tuple[RawTable, ...] = (), closing: str = "", name: str = "otchet.docx"
) -> RawDocument:
    return RawDocument(f"inbox/{name}", "docx", title, tables, closing=closing)


# (document, quarter, region, municipality, why)
CASES = [
    (
        _doc(f"Администрация Заречнинского муниципального округа Костромской области\n{QUARTER}"),
        "2025Q2",
        "Костромская область",
        "Заречнинский муниципальный округ",
        "the title names the municipality, its region and the quarter",
    ),
    (
        _doc(f"Отчёт администрации Верхнеборского района Тверской области\n{QUARTER}", (_table(),)),
        "2025Q2",
        "Тверская область",
        "Верхнеборский район",
        "a table of figures under the title: the title still says whose report it is",
    ),
    (
        _doc(
            f"Информация муниципальных образований Тверской области\n{QUARTER}",
            (_table("Верхнеборский район"), _table("Нижнеборский район")),
        ),
        "2025Q2",
        "Тверская область",
        "",
        "a regional report: the captions above its tables are sections of it, no sender",
    ),
    (
        _doc(QUARTER, (_table(rows=1, cells=("Администрация Лесоозёрского района", "Псковской области")),)),
        "2025Q2",
        "Псковская область",
        "Лесоозёрский район",
        "a letterhead laid out as a small table",
    ),
    (
        _doc(QUARTER, closing="Глава Лесоозёрского района Псковской области  И.И. Иванов"),
        "2025Q2",
        "Псковская область",
        "Лесоозёрский район",
        "the signature after the text names the municipality",
    ),
    (
        _doc("Информация о международных мероприятиях", name="Лесоозёрский_район_3кв_2025.docx"),
        "2025Q3",
        None,
        "Лесоозёрский район",
        "the file's name names the municipality and the quarter",
    ),
    (
        _doc(
            "Администрация Лесоозёрского района Псковской области",
            (_table("План международных мероприятий Лесоозёрского района на IV квартал 2025 года"),),
        ),
        None,
        "Псковская область",
        "",
        "a plan of the quarter's events is no report of it: its sender has not reported by it",
    ),
    (
        _doc("Протокол № 2\nзаседания рабочей группы Лесоозёрского района за II квартал 2025 года"),
        None,
        None,
        "",
        "minutes (contract notHeldHeads) are no report either",
    ),
    (
        _doc("Администрация Лесоозёрского района\nИнформация о мероприятиях за 1 полугодие 2025 года"),
        None,
        None,
        "Лесоозёрский район",
        "a half-year is no quarter (and the file's name is not asked instead)",
    ),
]


@pytest.mark.parametrize(
    ("doc", "quarter", "region", "municipality", "why"), CASES, ids=[c[-1] for c in CASES]
)
def test_a_refused_document_keeps_what_its_title_says(
    doc: RawDocument, quarter: str | None, region: str | None, municipality: str, why: str
) -> None:
    report = refused_report(doc)
    assert (report.period.label if report.period else None, report.region, report.municipality) == (
        quarter,
        region,
        municipality,
    ), why
    assert report.rows == ()


def test_the_period_given_comes_first() -> None:
    doc = _doc(f"Администрация Верхнеборского района Тверской области\n{QUARTER}")
    assert refused_report(doc, Period(2025, 3)).period == Period(2025, 3)


def test_a_docx_with_no_table_is_quarantined_with_its_title_read(tmp_path: Path) -> None:
    """Through the worker's stages: the refusal keeps its reason, its report has no rows but the
    title's quarter, region and municipality, and the message says whose report it was."""
    path = nb.nil_letter(
        tmp_path / "report.docx",
        [
            "Администрация Верхнеборского района Тверской области",
            QUARTER,
            "Работа с зарубежными партнёрами велась в плановом порядке.",
        ],
    )
    outcome = stages._process_in_worker(path, default_limits(), None)
    assert outcome.reason == "no_table_found"
    assert outcome.report is not None and outcome.report.rows == ()
    report = outcome.report
    assert (report.period, report.region, report.municipality) == (
        Period(2025, 2),
        "Тверская область",
        "Верхнеборский район",
    )
    message = outcome.message or ""
    assert message.startswith(
        "report of Верхнеборский район (Тверская область) for 2025Q2, as its title says: "
    )
    assert "the document holds no table" in message


def test_other_refusals_stay_as_they_were(tmp_path: Path) -> None:
    """A damaged file, or a refusal with no text read, is refused as before: nothing to say whose."""
    damaged = ReaderError("corrupt_file", "the file is damaged")
    with pytest.raises(ReaderError) as raised:
        stages.titled_refusal(tmp_path / "x.docx", damaged, None, None)
    assert raised.value is damaged
    textless = ReaderError("no_table_found", "no table")
    with pytest.raises(ReaderError):
        stages.titled_refusal(tmp_path / "x.docx", textless, None, None)
    untitled = stages.titled_refusal(
        tmp_path / "x.docx", ReaderError("no_table_found", "no table", "Письмо"), None, None
    )
    assert (
        untitled.message == "no table" and untitled.report is not None and untitled.report.municipality == ""
    )


def test_a_table_with_no_event_rows_says_whose_report_it_was(tmp_path: Path) -> None:
    """`no_rows`: the header is read, no row under it; the municipality is counted quarantined, so
    the message says whose report it is too."""
    from readers_fixtures import HEADER, build_docx

    path = build_docx(
        tmp_path / "empty.docx",
        [list(HEADER)],
        title=("Администрация Верхнеборского района Тверской области", QUARTER),
    )
    outcome = stages._process_in_worker(path, default_limits(), None)
    assert outcome.reason == "no_rows"
    assert outcome.report is not None and outcome.report.municipality == "Верхнеборский район"
    assert outcome.message == (
        "report of Верхнеборский район (Тверская область) for 2025Q2, as its title says: "
        "the table has no event rows"
    )


def test_the_run_summary_shows_the_quarter_a_refused_file_names() -> None:
    """A run whose only file is refused whole loads no rows, yet the quarter its title names is
    summed up (its municipality counts `quarantined` there); a file seen before adds none."""
    from flows.ingest import completeness_periods
    from muniflow.pipeline import RunResult
    from muniflow.warehouse.loader import LoadResult

    loaded = (
        ("a.docx", LoadResult("a", "loaded", 3, 3, 0)),
        ("refused.docx", LoadResult("r", "quarantined", 0, 0, 0)),
        ("untitled.docx", LoadResult("u", "quarantined", 0, 0, 0)),
        ("old.docx", LoadResult("o", "unchanged", 0, 0, 0)),
    )
    states = {
        "a": {"period": "2025Q3"},
        "r": {"period": "2025Q2"},
        "u": {"period": None},
        "o": {"period": "2024Q1"},
    }
    run = RunResult("run", {}, loaded, states, None, periods=("2025Q3",))
    assert completeness_periods(run) == ["2025Q2", "2025Q3"]
