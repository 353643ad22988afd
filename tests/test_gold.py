"""End to end on every sample, each format in its own warehouse, scored by ../shared/tools/evaluate.py.

The seed's gold is the shared one; the invented reports' gold files are written by
sample_inputs/make_samples.py from the rows that build the documents.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from muniflow.normalize.text import fold
from muniflow.plain import ingest_plain

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ("smolensk_2024_q2", "invented_pskov_2024_q3", "invented_tver_2024_q4")
COMPARED = (
    "seq_no", "municipality", "title", "place", "date_text", "start_date", "end_date", "goal", "participants"
)  # fmt: skip


def _gold(stem: str, shared: Path) -> Path:
    return (
        shared / "gold" / f"{stem}.gold.json"
        if stem.startswith("smolensk")
        else ROOT / "tests" / "golden" / f"{stem}.gold.json"
    )


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory, samples):
    """One warehouse per (report, format)."""
    out = {}
    for stem in REPORTS:
        for suffix in (".docx", ".pdf"):
            wh = tmp_path_factory.mktemp(stem) / f"{suffix[1:]}.duckdb"
            ingest_plain([samples / f"{stem}{suffix}"], wh)
            out[stem, suffix] = wh
    return out


def _score(wh: Path, gold: Path, shared: Path) -> dict:
    tool = shared / "tools" / "evaluate.py"
    out = subprocess.run(
        [sys.executable, str(tool), str(wh), str(gold), "--json"], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out[: out.rindex("]") + 1])[0]


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@pytest.mark.parametrize("stem", REPORTS)
def test_sample_scores_perfectly(warehouses, shared, stem, suffix):
    result = _score(warehouses[stem, suffix], _gold(stem, shared), shared)
    s = result["formats"][suffix]
    assert result["period_ok"] == 1
    assert (s["found"], s["extracted"]) == (s["gold_rows"], s["gold_rows"])
    assert s["cells_strict"] == s["cells_total"], s["bad_cells"]
    assert s["muni_ok"] == s["gold_rows"]
    assert s["dates_ok"] == s["dates_total"], s["bad_dates"]
    assert (s["flags_fn"], s["flags_fp"]) == (0, 0), (s["flag_misses"], s["flag_extras"])
    assert s["loads_ok"] == s["loads_total"], s["bad_loads"]
    assert s["dup_groups_ok"] == s["dup_groups"]


@pytest.mark.parametrize("stem", REPORTS)
def test_docx_and_pdf_give_identical_records(warehouses, stem):
    def records(wh):
        with duckdb.connect(str(wh), read_only=True) as con:
            rows = con.execute(
                f"select {', '.join(COMPARED)} from extracted_rows order by row_index"
            ).fetchall()
        # date_text is raw: Word paragraphs and PDF lines break it differently
        return [tuple(fold(v) if isinstance(v, str) else v for v in row) for row in rows]

    docx, pdf = records(warehouses[stem, ".docx"]), records(warehouses[stem, ".pdf"])
    assert len(docx) == len(pdf)
    differ = [
        (d[0], [c for c, a, b in zip(COMPARED, d, p, strict=True) if a != b])
        for d, p in zip(docx, pdf, strict=True)
        if d != p
    ]
    assert differ == []
