"""The layout-variant generator (sample_inputs/samplegen/layouts.py): its pool is split as
documented and not copied from the contract's synonyms, every axis value can be drawn, and each
rendered DOCX holds exactly the rows its gold lists (DOCX only: no LibreOffice, fast)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from muniflow import contracts
from muniflow.readers.docx import DocxReader
from muniflow.readers.docxpackage import readable
from sample_inputs.samplegen import pool
from sample_inputs.samplegen.layout_extras import EXTRA_AXES
from sample_inputs.samplegen.layout_package import PACKAGE_AXIS, PLAIN_DIR
from sample_inputs.samplegen.layouts import generate, negative_of, plan_of
from sample_inputs.samplegen.layouts_docx import render_docx
from sample_inputs.samplegen.variants import AXES, Plan

SEED = 13


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip().lower()


def test_pool_halves_follow_the_split_rule() -> None:
    # Re-dealing both halves joined gives back the committed halves: nobody moved an item by hand.
    dev, held = pool.split_tree(pool.merged_pool())
    assert (dev, held) == (pool.load_pool("dev"), pool.load_pool("heldout"))


def test_held_out_header_wordings_are_not_the_contracts_synonyms() -> None:
    # The held-out half measures matching by meaning, so none of its wordings may be a synonym word
    # for word. (The development half is what the vocabulary is tuned on: it may end up in it.)
    synonyms = {fold(s) for words in contracts.header_synonyms().values() for s in words}
    held = pool.load_pool("heldout")["header"]
    copied = [w for words in held.values() for w in words if fold(w) in synonyms]
    assert copied == []


def _first_index(axis: str, value: str) -> int:
    """The first positive report of the corpus drawn with this axis value (a named fixture)."""
    for index in range(400):
        if negative_of(index) is None and plan_of(SEED, index).axes[axis] == value:
            return index
    raise AssertionError(f"no report with {axis}={value} in 400 draws")


def _event_rows(path: Path, plan: Plan) -> list[list[str]]:
    """Table rows of the rendered file that hold one of the gold titles in a cell."""
    titles = {fold(r.title) for r in plan.rows}
    found = []
    imported = path.parent / PLAIN_DIR / path.name  # an `altchunk` report's own document
    document = Document(str(imported)) if imported.exists() else Document(readable(path) or str(path))
    for table in document.tables:
        for row in table.rows:
            cells = [fold(c.text) for c in row.cells]
            if titles & set(cells):
                found.append(cells)
    return found


def _check_consistent(plan: Plan, path: Path) -> None:
    rows = _event_rows(path, plan)
    assert len(rows) == len(plan.rows), "every gold row is rendered once and nothing else holds a title"
    rendered_titles = sorted(t for cells in rows for t in cells if t in {fold(r.title) for r in plan.rows})
    assert rendered_titles == sorted(fold(r.title) for r in plan.rows)
    for row in plan.rows:
        assert row.start is not None and row.end is not None
        assert plan.first <= row.start <= row.end <= plan.last, "gold dates lie inside the quarter"
        assert any(fold(row.place) in cell for cells in rows for cell in cells), "gold place is in a cell"


# Every value of every axis, each with the first report of the corpus that draws it.
AXES_ALL = {**AXES, **EXTRA_AXES, "package": PACKAGE_AXIS}
CASES = [(axis, value) for axis, (values, _) in AXES_ALL.items() for value in values]


@pytest.mark.parametrize(("axis", "value"), CASES, ids=[f"{a}={v}" for a, v in CASES])
def test_each_axis_value_renders_a_self_consistent_report(axis: str, value: str, tmp_path: Path) -> None:
    plan = plan_of(SEED, _first_index(axis, value))
    path = render_docx(plan, tmp_path / f"{plan.stem}.docx")
    _check_consistent(plan, path)


@pytest.mark.parametrize(
    ("value", "mark"),
    [
        ("strict", b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
        ("title_box", b"txbxContent"),
        ("altchunk", b"altChunk"),
        ("hidden", b"<w:vanish/>"),
    ],
)
def test_each_package_value_writes_what_it_names_and_the_title_reads_back(
    value: str, mark: bytes, tmp_path: Path
) -> None:
    import zipfile

    plan = plan_of(SEED, _first_index("package", value))
    path = render_docx(plan, tmp_path / f"{plan.stem}.docx")
    with zipfile.ZipFile(path) as zf:
        assert mark in zf.read("word/document.xml")
    doc = DocxReader().read(path)
    above = fold(" ".join([doc.title, *(table.caption for table in doc.tables)]))  # a letterhead comes first
    assert all(fold(line) in above for line in plan.title)


def test_two_level_header_is_two_rows_and_participants_gold_keeps_labels(tmp_path: Path) -> None:
    # Reason: the gold joins the two participants sub-columns, each with its sub-header label.
    plan = plan_of(SEED, _first_index("participants", "group"))
    table = next(t for t in plan.tables if any(c == "cells" for c, _ in t.body) and len(t.header) == 2)
    labels = [sub for sub in table.header[1] if sub]
    assert all(any(r.participants.startswith(label) for r in plan.rows) for label in labels[:1])


def test_negatives_have_no_gold_rows_and_say_what_to_expect(tmp_path: Path) -> None:
    indexes = [i for i in range(80) if negative_of(i)]
    assert {negative_of(i) for i in indexes} == {"summary_only", "toc_only", "budget_only", "not_quarter"}
    for index in indexes:
        plan = plan_of(SEED, index)
        assert plan.expect in ("no_events", "period_not_quarter")
        assert plan.expect != "no_events" or plan.rows == []


def test_generate_writes_docx_gold_and_manifest_deterministically(tmp_path: Path) -> None:
    first = generate(4, tmp_path / "a", SEED)
    second = generate(4, tmp_path / "b", SEED)
    assert first == second
    for entry in first:
        a = (tmp_path / "a" / "docx" / f"{entry['stem']}.docx").read_bytes()
        assert a == (tmp_path / "b" / "docx" / f"{entry['stem']}.docx").read_bytes(), "same seed, same bytes"
        gold_path = tmp_path / "a" / "gold" / f"{entry['stem']}.gold.json"
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        assert len(gold["events"]) == entry["rows"]


def test_borders_option_draws_only_the_values_named_and_leaves_the_default_corpus_as_it_was() -> None:
    # Reason: --borders gives a corpus of tables without a full grid; the default draw must not move.
    import dataclasses

    from sample_inputs.samplegen.layout_extras import BORDERS_AXIS

    only = ("frame", "none")
    positives = [index for index in range(40) if negative_of(index) is None]
    drawn = [plan_of(SEED, index, only).axes["borders"] for index in positives]
    assert set(drawn) == set(only)
    for index in positives[:10]:
        everything = dataclasses.asdict(plan_of(SEED, index, BORDERS_AXIS[0]))
        assert everything == dataclasses.asdict(plan_of(SEED, index))
    with pytest.raises(ValueError, match="unknown"):
        plan_of(SEED, positives[0], ("dotted",))


def test_cards_option_writes_every_gold_value_in_a_card_and_keeps_the_rest(tmp_path: Path) -> None:
    # Reason: --cards measures the reading of event cards on the same variety; a gold value missing
    # from the cards (a merged-down cell left empty) would be scored as a reading error.
    from sample_inputs.samplegen.layout_cards import FORMS

    positives = [index for index in range(14) if negative_of(index) is None]  # merged-down cells among them
    forms = set()
    for index in positives:
        rows_form, cards = plan_of(SEED, index), plan_of(SEED, index, cards=True)
        forms.add(cards.axes["cards"])
        assert cards.rows == rows_form.rows and cards.title == rows_form.title
        values = [
            " ".join(text.split())
            for table in cards.tables
            for kind, content in table.body
            if kind == "cells" and isinstance(content, list)
            for text in content
        ]
        for row in cards.rows:  # each row's own value (the place may share a cell with the date)
            for field in ("title", "goal", "place"):
                text = getattr(row, field)
                written = sum(text in v for v in values)
                assert written >= sum(getattr(r, field) == text for r in cards.rows), (field, text)
        doc = DocxReader().read(render_docx(cards, tmp_path / f"{cards.stem}.docx"))
        assert all(len(t.header) in (2, 3) for t in doc.tables[-1:]), "a card is two or three columns"
    assert forms == set(FORMS)
    negative = next(index for index in range(12) if negative_of(index) is not None)
    assert plan_of(SEED, negative, cards=True) == plan_of(SEED, negative)


def test_transposed_option_writes_every_gold_value_in_an_events_column(tmp_path: Path) -> None:
    # Reason: --transposed measures the reading of events as columns on the same variety; a gold
    # value missing from its column (a merged-down cell left empty) would be scored as an error.
    from sample_inputs.samplegen.layout_transposed import BLOCK, FORMS

    positives = [index for index in range(14) if negative_of(index) is None]
    forms = set()
    for index in positives:
        rows_form, turned = plan_of(SEED, index), plan_of(SEED, index, transposed=True)
        forms.add(turned.axes["transposed"])
        assert turned.rows == rows_form.rows and turned.title == rows_form.title
        columns = [c for table in turned.tables for c in _column_texts(table)]
        for row in turned.rows:
            for field in ("title", "goal", "place"):
                text = " ".join(getattr(row, field).split())
                assert any(text in c for c in columns), (field, text)
        if turned.axes["transposed"] == "blocks":
            assert all(len(t.widths) <= BLOCK + 1 for t in turned.tables[-1:])
        doc = DocxReader().read(render_docx(turned, tmp_path / f"{turned.stem}.docx"))
        assert fold_label(doc.tables[-1].header[0]) == fold_label(turned.tables[-1].header[0][0])
    assert forms == set(FORMS)


def fold_label(text: str) -> str:
    return " ".join(text.split())


def _column_texts(table: Any) -> list[str]:
    """Each column's values, one text per column (the label column left out)."""
    lines = [line for kind, line in table.body if isinstance(line, list)]
    width = max((len(line) for line in lines), default=0)
    return [" ".join(" ".join(line[j].split()) for line in lines if j < len(line)) for j in range(1, width)]
