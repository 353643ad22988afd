"""Period phrases of titles: quarters in any notation, and the periods that are not a quarter."""

from __future__ import annotations

import pytest

from muniflow.interpret.period import HALF_YEAR, NINE_MONTHS, PART, QUARTER, YEAR, find_period
from muniflow.interpret.period_path import period_in_path
from muniflow.model import Period


@pytest.mark.parametrize(
    ("title", "period", "reason"),
    [
        ("Отчёт о мероприятиях в третьем квартале 2025 года", Period(2025, 3), "ordinal in words"),
        ("Отчёт о мероприятиях во втором квартале 2024 года", Period(2024, 2), "ordinal, prepositional"),
        ("Информация за первый квартал 2023 г.", Period(2023, 1), "ordinal, nominative"),
        ("Сведения за четвёртый квартал 2024 года", Period(2024, 4), "ё in the ordinal"),
        ("в 3-м квартале 2025 года", Period(2025, 3), "arabic with an ending"),
        ("за 2-й квартал 2025 года", Period(2025, 2), "arabic with -й"),
        ("3 кв. 2025", Period(2025, 3), "abbreviation"),
        ("за IV кв 2024 г.", Period(2024, 4), "Roman, abbreviation without its dot"),
        ("за ІІІ квартал 2025 года", Period(2025, 3), "Cyrillic І typed for the Roman I"),
        ("за IIквартал 2024г.", Period(2024, 2), "a Roman numeral run into its word"),
        ("январь–март 2025 года", Period(2025, 1), "month range of the first quarter"),
        ("за период апрель - июнь 2024 г.", Period(2024, 2), "month range with spaced dash"),
        ("с июля по сентябрь 2024 года", Period(2024, 3), "month range with «по»"),
        ("Отчёт о мероприятиях (апрель, май, июнь 2024 года)", Period(2024, 2), "the months listed"),
        ("за октябрь, ноябрь и декабрь 2024 г.", Period(2024, 4), "months listed with «и»"),
        ("за период с 01.04.2025 по 30.06.2025", Period(2025, 2), "a quarter's first and last day"),
        ("в период 01.10.2024 г. – 31.12.2024 г.", Period(2024, 4), "dates with a dash and «г.»"),
        ("Отчёт за 3 месяца 2025 года", Period(2025, 1), "three months counted from the year's start"),
        ("Информация за три месяца 2024 г.", Period(2024, 1), "three months in words"),
    ],
)
def test_quarters(title, period, reason):
    found = find_period(title)
    assert (found.period, found.kind) == (period, QUARTER), reason
    assert found.text and found.text in title.replace("І", "I"), reason


@pytest.mark.parametrize(
    ("title", "kind", "reason"),
    [
        ("Отчёт за первое полугодие 2025 года", HALF_YEAR, "half-year in words"),
        ("Отчёт за 1 полугодие 2025 года", HALF_YEAR, "half-year with a numeral"),
        ("Информация за 9 месяцев 2024 года", NINE_MONTHS, "nine months in digits"),
        ("Информация за девять месяцев 2024 года", NINE_MONTHS, "nine months in words"),
        ("Отчёт за 6 месяцев 2025 года", HALF_YEAR, "six months counted"),
        ("Сведения за 12 месяцев 2024 года", YEAR, "twelve months counted"),
        ("январь – июнь 2025 года", HALF_YEAR, "month range of six months"),
        ("январь, февраль, март, апрель, май, июнь 2025 года", HALF_YEAR, "six months listed"),
        ("январь – сентябрь 2025 года", NINE_MONTHS, "month range of nine months"),
        ("Отчёт о мероприятиях за 2024 год", YEAR, "a year"),
        ("Годовой отчёт о мероприятиях 2024", YEAR, "an annual report"),
        ("за период с 01.01.2025 по 30.06.2025", HALF_YEAR, "first and last day of a half-year"),
    ],
)
def test_periods_that_are_not_a_quarter(title, kind, reason):
    found = find_period(title)
    assert (found.period, found.kind) == (None, kind), reason


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("Отчёт о мероприятиях", "no period at all"),
        ("Отчёт о мероприятиях, проведённых в 2024 года квартале", "no numbered quarter"),
        ("за период с 01.04.2025 по 15.06.2025", "dates that are not a quarter's bounds"),
    ],
)
def test_no_period(title, reason):
    assert find_period(title).period is None, reason


@pytest.mark.parametrize(
    ("title", "period", "reason"),
    [
        ("Отчёт о мероприятиях за май 2024 года", Period(2024, 2), "one month: a monthly report"),
        ("Информация за ноябрь 2023 г.", Period(2023, 4), "one month, «г.»"),
        ("за январь – февраль 2025 года", Period(2025, 1), "two months of one quarter"),
    ],
)
def test_part_of_a_quarter(title, period, reason):
    found = find_period(title)
    assert (found.period, found.kind) == (period, PART), reason


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("Фестиваль прошёл 12 мая 2024 года", "a date, not a month's report"),
        ("Письмо направлено в июле 2024 года", "when a letter was sent, not what it reports on"),
    ],
)
def test_a_month_named_otherwise_is_no_period(title, reason):
    assert find_period(title).kind == "", reason


def test_a_day_range_covering_one_quarter():
    found = find_period("Сведения за период с 1 июля по 30 сентября 2025 года")
    assert (found.period, found.kind) == (Period(2025, 3), QUARTER)


@pytest.mark.parametrize(
    ("path", "period", "reason"),
    [
        ("/inbox/Озёрный_район_2кв_2024.docx", Period(2024, 2), "a phrase in the file name, «_» for spaces"),
        ("/inbox/2024Q3/отчёт.pdf", Period(2024, 3), "muniflow's label as the folder's name"),
        ("/inbox/II квартал 2025/Озёрный.docx", Period(2025, 2), "a phrase as the folder's name"),
        ("/tmp/unpacked!Q4-2024/отчёт.docx", Period(2024, 4), "an archive member's own folder"),
        ("/inbox/report_2024_q1.docx", Period(2024, 1), "the label with «_» inside"),
        ("/inbox/отчёт за 1 полугодие 2024.docx", None, "only a quarter counts"),
        ("/inbox/2024/20240630_report.docx", None, "a year and a date name no quarter"),
        ("/tmp/pack.zip!2023/3 квартал/Озёрный.docx", Period(2023, 3), "a quarter's folder in its year's"),
        (
            "/inbox/Отчёты 2026/Озёрный за I квартал.docx",
            Period(2026, 1),
            "a file's quarter, its folder's year",
        ),
        ("/inbox/2026/Озёрный район.docx", None, "a year's folder alone names no quarter"),
    ],
)
def test_the_quarter_a_file_or_folder_name_gives(path: str, period: Period | None, reason: str) -> None:
    assert period_in_path(path).period == period, reason


def test_a_title_naming_no_period_or_municipality_takes_the_file_names() -> None:
    from muniflow import contracts
    from muniflow.interpret import interpret_document
    from muniflow.model import RawDocument, RawRow, RawTable

    header = ("№", "Наименование мероприятия", "Место проведения", "Дата проведения", "Участники")
    table = RawTable(
        header, (RawRow(("1", "Концерт", "г. Энск", "12 мая", "10 чел."), "table 1, row 2"),), "t1"
    )

    def read(path: str, title: str):  # type: ignore[no-untyped-def]
        doc = RawDocument(path, "docx", title, (table,))
        return interpret_document(doc, contracts.load_contract().header_synonyms())

    report = read("/inbox/Озёрный_район_2кв_2024.docx", "Информация о мероприятиях")
    assert report.period == Period(2024, 2) and str(report.rows[0].start_date) == "2024-05-12"
    assert report.rows[0].municipality == "Озёрный район", "the file's name names its municipality too"
    assert "file name" in (report.reading.period_text if report.reading else "")
    # the title's own period wins, and a half-year in the title stays one
    assert read("/inbox/2кв_2024.docx", "Информация за 3 квартал 2024 года").period == Period(2024, 3)
    assert read("/inbox/2кв_2024.docx", "Информация за 1 полугодие 2024 года").period is None


def test_an_archive_member_is_interpreted_under_its_own_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Unpacked under a temporary name, a member is read by the name lineage gives it: its own
    name and its folders in the archive name the quarter its title does not."""
    from nil_builders import event_row
    from readers_fixtures import HEADER, build_docx

    from muniflow import stages
    from muniflow.intake.expand import Input

    rows = [list(HEADER), event_row(1, "Фестиваль «Озёрная волна»")]
    unpacked = build_docx(tmp_path / "0003.docx", rows, title=("Информация о международных мероприятиях",))
    for member, period in [
        ("Озёрный_район_3кв_2025.docx", "2025Q3"),
        ("2025/3 квартал/Озёрный район.docx", "2025Q3"),
    ]:
        name = f"{tmp_path}/pack.zip!{member}"
        outcome = stages.process_input(Input(unpacked, name), None)
        assert outcome.report is not None and outcome.reason is None, outcome.message
        assert (outcome.source_file, outcome.report.period and outcome.report.period.label) == (name, period)
