"""Long-table corpus: reports of 20-60 event rows drawn along the axes that lose a PDF's rows
(tables without rules, cells padded by nothing, rows set at their middle or bottom, a municipality
merged down its rows, paragraphs spaced apart inside cells, lists in the goal cell), each with its
gold written from the generator's own data before anything is read, then read and scored per axis
as layouts.py does.

    PYTHONPATH=src:. python -m sample_inputs.samplegen.layouts_pdfrows --n 24 --seed 1 \
        --out sample_inputs/_build/pdfrows [--fix borders=none,padding=zero] [--formats docx,pdf]

Axes: borders (grid, none, horizontal), valign (top, center, bottom), paper (A4, Letter), padding
(normal, zero), sections (heading_rows, merged_column), paragraphs (single, space_after: every
cell paragraph has space after it, so gaps inside a cell are as tall as those between rows),
bullets (none, bullet_char «•», dash_char «–», drawn: Word's «List Bullet» list). Reports
alternate between the dev and the held-out half of the pool.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table

from . import layout_content as lc
from .docx_build import (
    BookmarkIds,
    add_cells_row,
    add_grid_table,
    add_span_row,
    add_title,
    mark_header,
    merge_down,
    new_document,
    save_stable,
)
from .gold import InventedRow, fold, write_gold
from .layout_plan import _pick_forms
from .layouts import PERIOD_LABEL, convert_office, read_outcome
from .layouts_docx import draw_borders
from .layouts_score import score_report, summary
from .pool import load_pool

AXES = {
    "borders": ("grid", "none", "none", "horizontal"),
    "valign": ("top", "center", "bottom"),
    "paper": ("A4", "Letter"),
    "padding": ("normal", "zero"),
    "sections": ("heading_rows", "merged_column"),
    "paragraphs": ("single", "space_after"),
    "bullets": ("none", "bullet_char", "dash_char", "drawn"),
}
FONTS = (("Times New Roman", 12), ("Arial", 10), ("DejaVu Sans", 9), ("Liberation Serif", 11), ("Arial", 11))
VALIGN = {
    "top": WD_CELL_VERTICAL_ALIGNMENT.TOP,
    "center": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
    "bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM,
}
SIDES = {"none": (), "horizontal": ("top", "bottom", "insideH")}
ITEMS = (
    "проведены мастер-классы для школьников",
    "подписан план совместных действий на год",
    "организована выставка работ мастеров",
    "достигнута договорённость об обмене делегациями",
    "проведена экскурсия по историческому центру",
    "состоялся круглый стол по вопросам туризма",
    "обсуждены перспективы сотрудничества в сфере образования",
)


def _split(rng: random.Random, text: str) -> list[str]:
    """A text as two paragraphs at a word boundary (a cell typed as paragraphs), or one."""
    words = text.split(" ")
    if len(words) < 4 or rng.random() < 0.4:
        return [text]
    k = rng.randrange(2, len(words) - 1)
    return [" ".join(words[:k]), " ".join(words[k:])]


def _cell_margins(table: Table, zero: bool) -> None:
    """Set the table's cell padding (w:tblCellMar): Word's default, or none at all."""
    props = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side, cm in (("top", 0.05), ("left", 0.19), ("bottom", 0.05), ("right", 0.19)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "0" if zero else str(int(cm * 567)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    later = None
    for name in ("w:tblLook", "w:tblCaption", "w:tblDescription"):
        later = props.find(qn(name))
        if later is not None:
            break
    if later is None:
        props.append(mar)
    else:
        later.addprevious(mar)


def build(seed: int, index: int, out: Path, fixed: dict[str, str] | None = None) -> dict[str, Any]:
    """Write report `index` of the corpus drawn with `seed` (DOCX and gold); returns its manifest
    entry. `fixed`: axis values drawn for every report (a corpus of one failure's layout)."""
    half = ("dev", "heldout")[index % 2]
    rng = random.Random(f"pdfrows:{seed}:{index}")
    pool = load_pool(half)
    axes = {axis: rng.choice(values) for axis, values in AXES.items()}
    axes.update(fixed or {})
    font, size = rng.choice(FONTS)
    axes["font"] = f"{font} {size}"
    year, quarter = rng.choice((2024, 2025)), rng.randint(1, 4)
    first, last = lc.quarter_bounds(year, quarter)
    region = rng.choice(lc.REGIONS_GEN)
    period = lc.period_phrase(rng.choice(pool["periods"]), year, quarter)
    title = [
        "Информация",
        f"о международных мероприятиях, проведённых органами местного самоуправления {region},",
        period,
    ]
    district_form, city_form, _ = _pick_forms(rng, pool)
    entities = rng.sample(pool["municipality_entities"], k=rng.randint(3, 5))
    doc = new_document(font, size)
    section = doc.sections[0]
    available = 16.5  # cm of text width: new_document's A4 and margins
    if axes["paper"] == "Letter":  # US Letter, margins of an inch
        section.page_width, section.page_height = Cm(21.59), Cm(27.94)
        section.left_margin = section.right_margin = Cm(2.54)
        section.top_margin = section.bottom_margin = Cm(2.54)
        available = 21.59 - 2 * 2.54
    add_title(doc, title, size)
    words = pool["header"]
    fields = ["seq", "title", "place", "date", "goal", "participants"]
    if axes["sections"] == "merged_column":
        fields.insert(1, "municipality")
    weights = {
        "seq": 1.5,
        "municipality": 3.0,
        "title": 4.5,
        "place": 3.2,
        "date": 2.6,
        "goal": 5.5,
        "participants": 4.0,
    }
    total = sum(weights[f] for f in fields)
    widths = [round(available * weights[f] / total, 2) for f in fields]
    table = add_grid_table(doc, widths)
    if axes["borders"] != "grid":
        draw_borders(table, SIDES[axes["borders"]])
    _cell_margins(table, axes["padding"] == "zero")
    ids = BookmarkIds()
    add_cells_row(table, [rng.choice(words[f]) for f in fields], widths, ids, bold=True, center=True)
    mark_header(table, 0)
    space = rng.choice((4, 6, 8)) if axes["paragraphs"] == "space_after" else 0
    axes["space_pt"] = str(space)
    rows: list[InventedRow] = []
    titles: set[str] = set()
    seq = 0
    dot = rng.choice(("", "."))
    for entity in entities:
        muni = lc.municipality_of(entity)
        heading = lc.heading_text(city_form if entity["kind"] == "city" else district_form, muni, region)
        if axes["sections"] == "heading_rows":
            add_span_row(table, heading, widths, ids)
        events = []
        for _ in range(rng.randint(6, 12)):
            ev = lc.invent_event(rng, first, last, False)
            while ev.title in titles:
                ev = lc.invent_event(rng, first, last, False)
            titles.add(ev.title)
            events.append(ev)
        events.sort(key=lambda e: (e.start, e.end))
        top = len(table.rows)
        for k, ev in enumerate(events):
            seq += 1
            paragraphs = axes["paragraphs"] == "space_after"
            goal_paras = _split(rng, ev.goal) if paragraphs else [ev.goal]
            drawn: list[int] = []
            if axes["bullets"] != "none" and rng.random() < 0.7:
                items = rng.sample(ITEMS, k=rng.randint(2, 3))
                mark = {"bullet_char": "• ", "dash_char": "– ", "drawn": "• "}[axes["bullets"]]
                intro = ev.goal.split(". ")[0] + ":"
                goal_paras = [intro, *(f"{mark}{item};" for item in items)]
                if axes["bullets"] == "drawn":
                    drawn = list(range(1, len(goal_paras)))
            gold_goal = fold(" ".join(goal_paras))
            texts = {
                "seq": f"{seq}{dot}",
                "municipality": heading if k == 0 else "",
                "title": "\n".join(_split(rng, ev.title) if paragraphs else [ev.title]),
                "place": "\n".join(_split(rng, ev.place) if paragraphs else [ev.place]),
                "date": lc.date_text(rng, ev.start, ev.end, False),
                "goal": "\n".join(
                    p.removeprefix("• ") if i in drawn else p for i, p in enumerate(goal_paras)
                ),
                "participants": "\n".join([f"{ev.participants_ru},", ev.participants_foreign])
                if paragraphs
                else f"{ev.participants_ru}, {ev.participants_foreign}",
            }
            r = add_cells_row(table, [texts[f] for f in fields], widths, ids)
            row = table.rows[r]
            for c, cell in enumerate(row.cells):
                cell.vertical_alignment = VALIGN[axes["valign"]]
                for p_i, paragraph in enumerate(cell.paragraphs):
                    paragraph.paragraph_format.space_after = Pt(space)
                    if fields[c] == "goal" and p_i in drawn:
                        paragraph.style = doc.styles["List Bullet"]
                        paragraph.paragraph_format.space_after = Pt(space)
            rows.append(
                InventedRow(
                    f"{seq}{dot}",
                    muni.canonical,
                    ev.title,
                    fold(ev.place),
                    "x",
                    gold_goal,
                    fold(f"{ev.participants_ru}, {ev.participants_foreign}"),
                    ev.start,
                    ev.end,
                )
            )
        if axes["sections"] == "merged_column":
            merge_down(table, 1, top, len(table.rows) - 1)
            table.cell(top, 1).vertical_alignment = VALIGN[axes["valign"]]
    doc.add_paragraph()
    stem = f"P{index:04d}_{half}"
    save_stable(doc, out / "docx" / f"{stem}.docx")
    write_gold(out / "gold" / f"{stem}.gold.json", tuple(rows), first, last)
    return {
        "stem": stem,
        "half": half,
        "axes": axes,
        "expect": None,
        "negative": None,
        "hard_cases": 0,
        "rows": len(rows),
    }


def score_here(
    out: Path, manifest: list[dict[str, Any]], formats: list[str], only: str
) -> list[dict[str, Any]]:
    """Read and score every file one after another in this process (stages.process_file reads in
    its own sandboxed worker), printing each report's rows and cells found; `only`: stems."""
    stems = set(filter(None, only.split(",")))
    scores = []
    for fmt in formats:
        for entry in manifest:
            if stems and entry["stem"] not in stems:
                continue
            outcome = read_outcome(out / fmt / f"{entry['stem']}.{fmt}")
            gold = json.loads((out / "gold" / f"{entry['stem']}.gold.json").read_text(encoding="utf-8"))
            first = gold["period"][0]
            gold["period_label"] = PERIOD_LABEL.format(year=first[:4], q=(int(first[5:7]) - 1) // 3 + 1)
            s = score_report(entry, gold, outcome)
            scores.append(s)
            print(
                fmt,
                entry["stem"],
                s["rows_found"],
                "/",
                s["rows_total"],
                s["cells_ok"],
                "/",
                s["cells_total"],
                s["reason"],
                flush=True,
            )
    (out / "scores.json").write_text(json.dumps(scores, ensure_ascii=False, indent=1, default=str), "utf-8")
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--no-generate", action="store_true")
    parser.add_argument("--formats", default="docx,pdf")
    parser.add_argument("--only", default="", help="comma-separated stems to score")
    parser.add_argument("--fix", default="", help="axis=value,... drawn for every report")
    args = parser.parse_args(argv)
    formats = args.formats.split(",")
    if args.no_generate:
        manifest = json.loads((args.out / "manifest.json").read_text(encoding="utf-8"))
    else:
        (args.out / "docx").mkdir(parents=True, exist_ok=True)
        (args.out / "gold").mkdir(parents=True, exist_ok=True)
        fixed = dict(pair.split("=", 1) for pair in args.fix.split(",") if pair)
        manifest = [build(args.seed, i, args.out, fixed) for i in range(args.n)]
        (args.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
        convert_office(sorted((args.out / "docx").glob("*.docx")), args.out / "pdf")
    scores = score_here(args.out, manifest, formats, args.only)
    print("\n".join(summary(manifest, scores)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
