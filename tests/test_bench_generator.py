"""The benchmark generator writes distinct, realistic Word reports (no LibreOffice needed)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import build_corpus, corpus_key, load_corpus
from bench.reports import MAX_ROWS, MIN_ROWS, plan_reports, write_docx
from muniflow.interpret.title import parse_period, parse_region


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[object, Path]]:
    """Two planned reports (one per template) written as DOCX."""
    out = tmp_path_factory.mktemp("bench")
    return [(spec, write_docx(spec, out / f"{spec.stem}.docx")) for spec in plan_reports(2, pages=6, seed=3)]


def _table_rows(path: Path) -> list[list[str]]:
    """Each table row's distinct cell texts (a merged cell shows once per row)."""
    (table,) = docx.Document(str(path)).tables
    return [list(dict.fromkeys(c.text for c in row.cells)) for row in table.rows]


def test_reports_are_distinct_files(two_reports):
    digests = {hashlib.sha256(path.read_bytes()).hexdigest() for _, path in two_reports}
    assert len(digests) == 2


def test_both_templates_are_generated(two_reports):
    assert {spec.template for spec, _ in two_reports} == {"headings", "column"}


def test_each_report_has_its_intended_rows(two_reports):
    for spec, path in two_reports:
        assert MIN_ROWS <= len(spec.rows) <= MAX_ROWS
        titles = [row.title for row in spec.rows]
        # every planned title appears in exactly one table row, in plan order
        found = [t for cells in _table_rows(path) for t in cells if t in set(titles)]
        assert found == titles, spec.stem


def test_headings_template_has_one_heading_row_per_municipality(two_reports):
    spec, path = next((s, p) for s, p in two_reports if s.template == "headings")
    headings = [cells[0] for cells in _table_rows(path) if len(cells) == 1]
    assert headings == list(dict.fromkeys(row.municipality for row in spec.rows))


def test_titles_name_a_region_and_the_planned_quarter(two_reports):
    for spec, _ in two_reports:
        title = " ".join(spec.title_lines)
        period = parse_period(title)
        assert parse_region(title) is not None, title
        assert period is not None and (period.year, period.quarter) == (
            spec.first_day.year,
            (spec.first_day.month + 2) // 3,
        )


def test_dates_lie_inside_the_quarter(two_reports):
    for spec, _ in two_reports:
        assert all(spec.first_day <= r.start <= r.end <= spec.last_day for r in spec.rows)


def test_same_seed_same_plan_other_seed_other_plan():
    assert plan_reports(2, 6, seed=3) == plan_reports(2, 6, seed=3)
    assert plan_reports(2, 6, seed=3) != plan_reports(2, 6, seed=4)


def test_docx_set_and_pdf_set_never_share_a_region_and_quarter():
    docx_set = plan_reports(3, 6, seed=3)
    pdf_set = plan_reports(3, 6, seed=3, offset=3)
    assert not {s.title_lines for s in docx_set} & {s.title_lines for s in pdf_set}


def test_corpus_is_reused_from_its_manifest(tmp_path):
    params = {"docx": 1, "pdf": 0, "pages": 6, "seed": 5}
    built = build_corpus(tmp_path / corpus_key(params), 1, 0, 6, 5)
    assert load_corpus(tmp_path / corpus_key(params)) == built
    (built.inbox / built.files[0].name).unlink()  # a missing file means: build again
    assert load_corpus(tmp_path / corpus_key(params)) is None


def test_bytecode_says_whether_a_package_reads_compiled_bytecode(tmp_path, monkeypatch):
    """The benchmark records whether imports read .pyc files (without them a cold report takes
    about twice as long): a package compiled as the Makefile's install does, one not compiled."""
    import py_compile
    import sys

    from bench.measure import bytecode

    for name in ("muniflow_probe_compiled", "muniflow_probe_source"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("X = 1\n", encoding="utf-8")
    py_compile.compile(str(tmp_path / "muniflow_probe_compiled" / "__init__.py"), doraise=True)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setattr(sys, "pycache_prefix", None)

    found = bytecode(("muniflow_probe_compiled", "muniflow_probe_source", "muniflow_probe_absent"))

    assert found["compiled"] == {
        "muniflow_probe_compiled": True,
        "muniflow_probe_source": False,
        "muniflow_probe_absent": False,
    }
    assert found["dont_write_bytecode"] is True


def test_the_scale_benchmark_fills_a_warehouse_and_measures_a_run() -> None:
    """bench.scale copies reports by SQL into a warehouse of the current schema: a migration that
    adds a column must not stop it (no timing is asserted: the benchmark measures, tests do not)."""
    from bench import scale

    [measured] = scale.measure([4], 1)
    assert measured["reports"] == 4 and measured["rows"] > 0
    assert set(scale.KEYS) <= measured.keys()
