"""`muniflow compile`: the quarter written from the warehouse reads back as the same events.

Round trips: ingest a report, compile its quarter, ingest the compiled DOCX (and its PDF) into a
fresh warehouse, compare the events field by field and the flags.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from muniflow.cli import main
from muniflow.model import Period
from muniflow.normalize.dates import parse_dates
from muniflow.plain import ingest_plain
from muniflow.publish.compilation import Compilation, Entry, Section, build_compilation, heading_order
from muniflow.publish.document import write_docx
from muniflow.publish.quarterly import compile_quarter
from muniflow.publish.russian import format_dates, genitive
from muniflow.publish.template import load_template

EVENT_FIELDS = "municipality, title, place, start_date, end_date, goal, participants"
HAS_SOFFICE = shutil.which("soffice") is not None
needs_soffice = pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) not installed")


# --- dates, names and order -------------------------------------------------------------------

DATE_CASES = [
    # (start, end, form, text, why)
    (date(2025, 4, 6), date(2025, 4, 6), "exact", "6 апреля 2025 года", "one day"),
    (date(2025, 3, 21), date(2025, 3, 22), "exact", "21–22 марта 2025 года", "days of one month"),
    (date(2025, 3, 30), date(2025, 4, 2), "exact", "30 марта – 2 апреля 2025 года", "across months"),
    (
        date(2024, 12, 27),
        date(2025, 1, 10),
        "exact",
        "27 декабря 2024 года – 10 января 2025 года",
        "across New Year: both years written",
    ),
    (date(2025, 9, 1), date(2025, 9, 30), "whole_month", "сентябрь 2025 года", "a month as written"),
    (date(2025, 7, 1), date(2025, 8, 31), "whole_month", "июль – август 2025 года", "months as written"),
    (date(2025, 9, 1), date(2025, 9, 30), "exact", "1–30 сентября 2025 года", "days that fill a month"),
]


@pytest.mark.parametrize(("start", "end", "form", "text", "why"), DATE_CASES)
def test_dates_are_written_the_russian_way_and_read_back(start, end, form, text, why):
    assert format_dates(start, end, form) == text, why
    parsed = parse_dates(text, None)
    assert (parsed.start, parsed.end) == (start, end), why


@settings(max_examples=200, deadline=None)
@given(st.dates(date(2000, 1, 1), date(2090, 12, 31)), st.integers(0, 400))
def test_any_range_reads_back_as_itself(start, days):
    end = start + timedelta(days=days)
    parsed = parse_dates(format_dates(start, end, "exact"), None)
    assert (parsed.start, parsed.end, parsed.form) == (start, end, "exact")


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Смоленская область", "Смоленской области"),
        ("Республика Карелия", "Республики Карелия"),  # only the noun before the name declines
        ("Пермский край", "Пермского края"),
        ("Ханты-Мансийский автономный округ", "Ханты-Мансийского автономного округа"),
        ("Еврейская автономная область", "Еврейской автономной области"),
        ("Энский автономный округ – Энсия", "Энского автономного округа – Энсии"),  # its second name too
    ],
)
def test_region_in_the_genitive(name, want):
    assert genitive(name) == want


def test_heading_order_groups_then_alphabet():
    names = [
        "Яйский район",
        "город Бийск",
        "Городищенский район",  # a district whose name begins with «город»: no city
        "Ельцовский район",
        "городской округ Город Йошкар-Ола",
        "город Алейск",
    ]
    groups = load_template().municipality_order
    assert heading_order(names, groups) == [
        "город Алейск",
        "город Бийск",
        "городской округ Город Йошкар-Ола",
        "Городищенский район",
        "Ельцовский район",
        "Яйский район",
    ]


def _event(event_id: str, municipality: str, title: str) -> dict:
    return {
        "event_id": event_id,
        "municipality": municipality,
        "title": title,
        "place": "г. Энск",
        "start_date": date(2025, 5, 5),
        "end_date": date(2025, 5, 6),
        "date_form": "exact",
        "goal": "Цель",
        "participants": "Делегация",
    }


def test_rows_are_numbered_through_and_co_reporters_named():
    events = [_event("a-1", "Бетский район", "Форум"), _event("b-1", "Альфинский район", "Ярмарка")]
    comp = build_compilation(
        events, {"a-1": ["Гаммский район"]}, load_template(), Period(2025, 2), "Энская область"
    )
    assert [s.municipality for s in comp.sections] == ["Альфинский район", "Бетский район"]
    assert [e.seq_no for s in comp.sections for e in s.entries] == [1, 2]
    forum = comp.sections[1].entries[0].cells["participants"]
    assert forum.splitlines() == ["Делегация", "Об участии также сообщили: Гаммский район"]
    assert comp.title[-1].endswith("Энской области во II квартале 2025 года")


# --- round trips through the warehouse --------------------------------------------------------


def _events(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(f"select {EVENT_FIELDS} from events order by all").fetchall()


def _flags(warehouse: Path) -> set[tuple[str, str]]:
    """(title, rule) of every flag on a row of a current report."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return set(
            con.execute(
                "select r.title, f.rule from flagged_rows as f"
                " join extracted_rows as r using (report_id, row_index) where f.report_status = 'loaded'"
            ).fetchall()
        )


def _without_co_report_line(rows: list[tuple]) -> list[tuple]:
    """The compiled participants cell of a co-reported event carries one more line naming the
    other municipalities (the form asks for it); everything else must be identical."""
    prefix = load_template().co_reported_line.split("{")[0].strip()
    out = []
    for row in rows:
        participants = row[-1] or ""
        if prefix in participants:
            participants = participants[: participants.index(prefix)].rstrip()
        out.append((*row[:-1], participants))
    return sorted(out, key=repr)


def _round_trip(tmp_path: Path, inputs: list[Path], period: Period, fmt: str) -> tuple[Path, Path]:
    source = tmp_path / "source.duckdb"
    ingest_plain(inputs, source)
    compiled = compile_quarter(source, period, tmp_path / "out" / "compiled.docx", pdf=fmt == "pdf")
    document = compiled.pdf if fmt == "pdf" else compiled.docx
    assert document is not None
    again = tmp_path / f"again_{fmt}.duckdb"
    statuses = ingest_plain([document], again)["statuses"]
    assert list(statuses.values()) == ["loaded"], statuses
    return source, again


def _assert_same(source: Path, again: Path) -> None:
    before, after = _events(source), _events(again)
    assert len(before) == len(after) > 0
    assert _without_co_report_line(before) == _without_co_report_line(after)
    source_flags = _flags(source)
    new_flags = {(title, rule) for title, rule in _flags(again) if (title, rule) not in source_flags}
    assert not new_flags, f"flags the source rows did not have: {sorted(new_flags)[:5]}"


SAMPLE_QUARTERS = [
    ("smolensk_2024_q2", Period(2024, 2)),
    ("invented_pskov_2024_q3", Period(2024, 3)),
    ("invented_tver_2024_q4", Period(2024, 4)),
]


@pytest.mark.parametrize(("stem", "period"), SAMPLE_QUARTERS)
def test_compiled_docx_reads_back_as_the_same_events(tmp_path, samples, stem, period):
    source, again = _round_trip(tmp_path, [samples / f"{stem}.docx"], period, "docx")
    _assert_same(source, again)


@needs_soffice
def test_compiled_pdf_reads_back_as_the_same_events(tmp_path, samples):
    source, again = _round_trip(tmp_path, [samples / "smolensk_2024_q2.docx"], Period(2024, 2), "pdf")
    _assert_same(source, again)


def test_a_quarter_assembled_from_single_municipality_reports(tmp_path, samples):
    """Split a quarter into one report per municipality, ingest them all, compile, read back."""
    whole = tmp_path / "whole.duckdb"
    ingest_plain([samples / "invented_pskov_2024_q3.docx"], whole)
    template = load_template()
    full = compile_quarter(whole, Period(2024, 3), tmp_path / "full.docx").compilation
    inbox = tmp_path / "inbox"
    for k, section in enumerate(full.sections):
        one = Compilation(full.title, (Section(section.municipality, _renumbered(section.entries)),))
        write_docx(one, template, inbox / f"municipality_{k:02}.docx")
    source, again = _round_trip(tmp_path, sorted(inbox.glob("*.docx")), Period(2024, 3), "docx")
    assert len(list(inbox.glob("*.docx"))) == len(full.sections) > 1
    with duckdb.connect(str(source), read_only=True) as con:
        assert con.execute("select count(*) from reports where status = 'loaded'").fetchone() == (
            len(full.sections),
        )
    _assert_same(source, again)


def _renumbered(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    return tuple(Entry(k + 1, e.cells) for k, e in enumerate(entries))


@needs_soffice
def test_compiled_pdf_is_landscape_a4_and_nothing_overflows(tmp_path, samples):
    source = tmp_path / "source.duckdb"
    ingest_plain([samples / "smolensk_2024_q2.docx"], source)
    pdf = compile_quarter(source, Period(2024, 2), tmp_path / "c.docx", pdf=True, annex=True).pdf
    assert pdf is not None
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) > 1
        for page in doc.pages:
            assert page.width > page.height, "landscape"
            assert abs(page.width - 841.9) < 2 and abs(page.height - 595.3) < 2, "A4"
            for char in page.chars:
                assert char["x0"] >= 0 and char["x1"] <= page.width and 0 <= char["top"] <= page.height
            for line in page.lines + page.rects:
                assert line["x1"] <= page.width - 20, "the table fits between the margins"
        header_pages = sum("Наименование" in (p.extract_text() or "") for p in doc.pages)
        assert header_pages >= len(doc.pages) - 1, "the header row repeats on every page of the table"


def test_annex_lists_what_is_open_and_is_not_read_as_events(tmp_path, samples):
    source = tmp_path / "source.duckdb"
    ingest_plain([samples / "smolensk_2024_q2.docx"], source)
    with duckdb.connect(str(source), read_only=True) as con:
        (open_rows,) = con.execute(
            "select count(distinct row_index) from flagged_rows"
            " where quarantined and rule <> 'duplicate_event'"
        ).fetchone()
    done = compile_quarter(source, Period(2024, 2), tmp_path / "annexed.docx", annex=True)
    assert done.compilation.annex is not None and len(done.compilation.annex) == open_rows > 0
    again = tmp_path / "again.duckdb"
    ingest_plain([done.docx], again)
    assert len(_events(again)) == done.compilation.event_count


# --- the command ------------------------------------------------------------------------------


def test_cli_compile_writes_the_document(tmp_path, samples, capsys):
    wh = tmp_path / "w.duckdb"
    ingest_plain([samples / "invented_tver_2024_q4.docx"], wh)
    out = tmp_path / "q.docx"
    assert main(["compile", "--period", "2024Q4", "--out", str(out), "--warehouse", str(wh)]) == 0
    assert out.is_file() and "events under" in capsys.readouterr().out


def test_cli_compile_without_pdf_says_an_older_pdf_is_stale(tmp_path, samples, capsys):
    wh = tmp_path / "w.duckdb"
    ingest_plain([samples / "invented_tver_2024_q4.docx"], wh)
    out = tmp_path / "q.docx"
    args = ["compile", "--period", "2024Q4", "--out", str(out), "--warehouse", str(wh)]
    assert main(args) == 0
    assert "earlier compilation" not in capsys.readouterr().err, "no PDF beside it yet: nothing to say"
    out.with_suffix(".pdf").write_bytes(b"%PDF-1.4 an earlier compilation")
    assert main(args) == 0
    assert f"{out.with_suffix('.pdf')} is an earlier compilation" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--period", "2024Q9"], "period must look like"),
        (["--period", "2023Q1"], "no loaded report for 2023Q1"),
        (["--period", "2024Q4", "--region", "Нет такой области"], "no loaded report of"),
    ],
)
def test_cli_compile_says_what_is_wrong(tmp_path, samples, capsys, args, needle):
    wh = tmp_path / "w.duckdb"
    ingest_plain([samples / "invented_tver_2024_q4.docx"], wh)
    assert main(["compile", *args, "--out", str(tmp_path / "x.docx"), "--warehouse", str(wh)]) == 2
    assert needle in capsys.readouterr().err


def test_cli_compile_without_a_warehouse(tmp_path, capsys):
    code = main(
        [
            "compile",
            "--period",
            "2024Q2",
            "--out",
            str(tmp_path / "x.docx"),
            "--warehouse",
            str(tmp_path / "no.duckdb"),
        ]
    )
    assert code == 2 and "run `muniflow ingest PATH` first" in capsys.readouterr().err
