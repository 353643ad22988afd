"""The committed sample reports: each opens, holds the one table its template promises, agrees
cell by cell with its gold file, and each PDF has the pages it should. Needs no LibreOffice.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell

RULES = {
    "date_format", "quarter_consistency", "duplicate_event", "required_field", "numbering", "mixed_script",
}  # fmt: skip
GOLD_KEYS = {
    "seq", "municipality", "title", "place", "goal", "participants", "start_date", "end_date",
    "flags", "optional", "dup_group", "in_events", "date_optional",
}  # fmt: skip
GOLDEN = Path(__file__).resolve().parent / "golden"


@dataclass(frozen=True)
class Sample:
    """What one sample's template looks like, so the test can read it without muniflow."""

    stem: str
    columns: int
    pages: tuple[int, int]  # accepted PDF page counts, inclusive: LibreOffice versions differ a little
    fields: dict[str, int]  # gold field -> grid column
    municipality_column: int | None  # None: municipality in full-width heading rows
    header_rows: int  # header plus a column-number row where the template has one
    invented: bool


SEED = Sample(
    # Heading rows (gridSpan), 6 columns, long goal cells: about 14 pages.
    stem="smolensk_2024_q2",
    columns=6,
    pages=(11, 17),
    fields={"title": 1, "place": 2, "goal": 4, "participants": 5},
    municipality_column=None,
    header_rows=1,
    invented=False,
)
PSKOV = Sample(
    # Municipality as a vMerge column, reordered columns, a "1 2 3 ... 7" row under the header.
    stem="invented_pskov_2024_q3",
    columns=7,
    pages=(5, 8),
    fields={"title": 3, "place": 4, "participants": 5, "goal": 6},
    municipality_column=1,
    header_rows=2,
    invented=True,
)
TVER = Sample(
    # Heading rows again, but other header words and the dates before the place.
    stem="invented_tver_2024_q4",
    columns=6,
    pages=(2, 3),
    fields={"title": 1, "place": 3, "goal": 4, "participants": 5},
    municipality_column=None,
    header_rows=1,
    invented=True,
)
SAMPLES = (SEED, PSKOV, TVER)
INVENTED = tuple(s for s in SAMPLES if s.invented)
IDS = [s.stem for s in SAMPLES]


def fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\xa0", " ")).strip()


def grid_rows(table: Table) -> list[list[str | None]]:
    """Rows as grid cells; None where a merge covers the cell (gridSpan tail, vMerge continue)."""
    rows = []
    for tr in table._tbl.tr_lst:
        cells: list[str | None] = []
        for tc in tr.tc_lst:
            text = None if tc.vMerge == "continue" else _Cell(tc, table).text
            cells.extend([text] + [None] * (tc.grid_span - 1))
        rows.append(cells)
    return rows


def records(sample: Sample, table: Table) -> tuple[list[dict[str, str]], int]:
    """The data rows as gold-like records, and how many heading rows there were."""
    out: list[dict[str, str]] = []
    municipality, headings = "", 0
    for cells in grid_rows(table)[sample.header_rows :]:
        if cells[0] is not None and all(c is None for c in cells[1:]):
            municipality, headings = fold(cells[0]), headings + 1
            continue
        col = sample.municipality_column
        if col is not None and cells[col] is not None:
            municipality = fold(cells[col])
        record = {name: fold(cells[k]) for name, k in sample.fields.items()}
        out.append({"seq": fold(cells[0]).rstrip("."), "municipality": municipality, **record})
    return out, headings


def gold_for(sample: Sample, shared: Path | None) -> dict:
    if sample.invented:
        path = GOLDEN / f"{sample.stem}.gold.json"
    else:
        if shared is None:
            pytest.skip("../shared (gold and seed files) not found: the seed's gold lives there")
        path = shared / "gold" / f"{sample.stem}.gold.json"
    return json.loads(path.read_text(encoding="utf-8"))


def open_table(samples: Path, sample: Sample) -> Table:
    doc = Document(str(samples / f"{sample.stem}.docx"))
    assert len(doc.tables) == 1, "a report holds exactly one table"
    return doc.tables[0]


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_docx_has_one_table_with_the_template_columns(samples: Path, sample: Sample) -> None:
    table = open_table(samples, sample)
    assert len(table.columns) == sample.columns
    first_row_props = table.rows[0]._tr.trPr
    assert first_row_props is not None and first_row_props.find(qn("w:tblHeader")) is not None, (
        "the header row must repeat on every page"
    )


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_docx_cells_fold_to_gold(samples: Path, sample: Sample, request: pytest.FixtureRequest) -> None:
    """The faithful-reconstruction check: every row's cells, folded, equal the gold values."""
    shared = None if sample.invented else request.getfixturevalue("shared")
    gold = gold_for(sample, shared)
    got, headings = records(sample, open_table(samples, sample))
    assert len(got) == len(gold["events"])
    for row, want in zip(got, gold["events"], strict=True):
        expected = {k: str(want[k]) if k == "seq" else want[k] for k in row}
        assert row == expected
    if sample.municipality_column is None:
        assert headings == gold["municipalities"], "one heading row per municipality"


def test_seed_bookmarks_are_word_bookmarks_not_text(samples: Path) -> None:
    table = open_table(samples, SEED)
    names = {el.get(qn("w:name")) for el in table._tbl.iter(qn("w:bookmarkStart"))}
    assert names == {"bookmark2", "_GoBack"}
    assert not any("[bookmark:" in (c or "") for row in grid_rows(table) for c in row)


def test_pskov_municipality_column_is_vertically_merged(samples: Path) -> None:
    table = open_table(samples, PSKOV)
    starts = [tc for tc in table._tbl.iter(qn("w:tc")) if tc.vMerge == "restart"]
    gold = json.loads((GOLDEN / f"{PSKOV.stem}.gold.json").read_text(encoding="utf-8"))
    assert len(starts) == gold["municipalities"], "one merged cell per municipality"


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_pdf_page_count(samples: Path, sample: Sample) -> None:
    with pdfplumber.open(samples / f"{sample.stem}.pdf") as pdf:
        low, high = sample.pages
        assert low <= len(pdf.pages) <= high


def _valid_date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


@pytest.mark.parametrize("sample", INVENTED, ids=[s.stem for s in INVENTED])
def test_invented_gold_is_well_formed(sample: Sample) -> None:
    gold = json.loads((GOLDEN / f"{sample.stem}.gold.json").read_text(encoding="utf-8"))
    first, last = (date.fromisoformat(d) for d in gold["period"])
    assert first < last
    events = gold["events"]
    assert gold["municipalities"] == len({e["municipality"] for e in events})
    seen: set[int] = set()
    groups: dict[str, int] = {}
    for e in events:
        assert set(e) == GOLD_KEYS, e["seq"]
        assert set(e["flags"]) | set(e["optional"]) <= RULES
        assert not set(e["flags"]) & set(e["optional"]), "a rule is either expected or tolerated"
        repeated = e["seq"] in seen
        assert not repeated or "numbering" in e["flags"], "a repeated № must be a planted numbering defect"
        seen.add(e["seq"])
        start, end = _valid_date(e["start_date"]), _valid_date(e["end_date"])
        assert (start is None) == (end is None)
        if start is None:
            assert {"date_format", "required_field"} & set(e["flags"]), "no date: unreadable or missing"
            assert e["in_events"] is False, "no date: an error"
        else:
            assert end is not None and start <= end
        if e["dup_group"]:
            groups[e["dup_group"]] = groups.get(e["dup_group"], 0) + 1
            assert e["in_events"] is None, "which copy of a duplicate loads is the pipeline's choice"
        else:
            assert isinstance(e["in_events"], bool)
    assert all(n >= 2 for n in groups.values()), "a duplicate group needs at least two rows"


def test_invented_golds_plant_every_rule() -> None:
    """Between them the invented reports must give every rule something to catch."""
    planted: set[str] = set()
    for sample in INVENTED:
        gold = json.loads((GOLDEN / f"{sample.stem}.gold.json").read_text(encoding="utf-8"))
        for e in gold["events"]:
            planted |= set(e["flags"]) | ({"duplicate_event"} if e["dup_group"] else set())
    assert planted == RULES
