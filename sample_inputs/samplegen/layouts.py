"""Layout-variant corpus: generate N reports (DOCX, and PDF through LibreOffice), each with its
gold, read them with today's muniflow stages (no Prefect, no warehouse) and print accuracy per
axis value, per pool half and per format.

    PYTHONPATH=src:. python -m sample_inputs.samplegen.layouts --n 300 --out sample_inputs/_build/layouts

Every tenth report is a negative (a document whose only table is a summary, a table of contents
or a budget, or a half-year/nine-month/year report). Reports alternate between the dev and the
held-out half of the pool. Files go under --out (git-ignored), named by report: `docx/`, `pdf/`
(and `xlsx/`, `xls/`, `ods/` with `--formats`: the tables laid on sheets, layouts_xlsx),
`gold/*.gold.json` (scored by /work/shared/tools/evaluate.py too), `manifest.json`, `scores.json`.
`--cards` draws every report's events as cards (label and value rows per event, layout_cards).
`--transposed` draws them as columns, the labels down the first column (layout_transposed).
`--borders horizontal,frame,none` draws the borders axis among those values only (a corpus of
tables without a full grid); every other axis is drawn as without it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .gold import write_gold
from .layout_cards import as_cards
from .layout_package import pdf_sources
from .layout_plan import build_plan
from .layout_transposed import as_transposed
from .layouts_docx import render_docx
from .layouts_score import score_report, summary
from .layouts_xlsx import convert_xlsx
from .variants import HARD, NEGATIVES, Plan

PERIOD_LABEL = "{year}Q{q}"


def negative_of(index: int) -> str | None:
    """Every tenth report is a negative (indexes 4 and 9 of every twenty, so both pool halves get
    them), the kind cycling through NEGATIVES every twenty reports."""
    if index % 20 not in (4, 9):
        return None
    return NEGATIVES[(index // 20) % len(NEGATIVES)]


def hard_cases(axes: dict[str, str]) -> int:
    """How many hard cases of issue 13 a report combines."""
    return sum(1 for axis, values in HARD.items() if axes.get(axis) in values)


def plan_of(
    seed: int, index: int, borders: tuple[str, ...] = (), cards: bool = False, transposed: bool = False
) -> Plan:
    """Report `index` of the corpus drawn with `seed` (`borders`: see layout_extras.borders;
    `cards`: its events drawn as cards, see layout_cards; `transposed`: events as columns, see
    layout_transposed)."""
    plan = build_plan(seed, index, ("dev", "heldout")[index % 2], negative_of(index), borders)
    if transposed:
        return as_transposed(plan, index)
    return as_cards(plan, index) if cards else plan


def generate(
    n: int,
    out: Path,
    seed: int,
    borders: tuple[str, ...] = (),
    cards: bool = False,
    transposed: bool = False,
) -> list[dict[str, Any]]:
    """Write N DOCX reports and their gold files; returns the manifest (also written). `borders`:
    the borders values to draw among (empty: all, the default corpus); `cards`: events as cards;
    `transposed`: events as columns."""
    (out / "docx").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    manifest = []
    for index in range(n):
        plan = plan_of(seed, index, borders, cards, transposed)
        render_docx(plan, out / "docx" / f"{plan.stem}.docx")
        gold_path = out / "gold" / f"{plan.stem}.gold.json"
        if plan.expect:
            gold: dict[str, Any] = {
                "period": [plan.first.isoformat(), plan.last.isoformat()],
                "municipalities": 0,
                "events": [],
                "expect": plan.expect,
            }
            gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        else:
            write_gold(gold_path, tuple(plan.rows), plan.first, plan.last)
        manifest.append(
            {
                "stem": plan.stem,
                "half": plan.half,
                "axes": plan.axes,
                "expect": plan.expect,
                "negative": negative_of(index),
                "hard_cases": hard_cases(plan.axes),
                "rows": 0 if plan.expect else len(plan.rows),
            }
        )
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def convert_office(files: Sequence[Path], out_dir: Path, target: str = "pdf", batch: int = 40) -> None:
    """Convert files (DOCX to PDF, .xlsx to .xls or .ods) with LibreOffice, many per call (it is slow
    to start), in a private profile so parallel users do not collide."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit(
            "soffice (LibreOffice) is not installed: run `make libreoffice` or use --formats docx"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="muniflow-soffice-") as profile:
        for k in range(0, len(files), batch):
            chunk = [str(p) for p in files[k : k + batch]]
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    target,
                    "--outdir",
                    str(out_dir),
                    *chunk,
                ],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=60 * len(chunk),
            )
    missing = [p.name for p in files if not (out_dir / f"{p.stem}.{target}").exists()]
    if missing:  # soffice says nothing where a module is absent (Calc for .xls/.ods)
        raise SystemExit(
            f"soffice wrote no .{target} for {len(missing)} of {len(files)} files (e.g. {missing[0]}):"
            " .xls and .ods need LibreOffice Calc (apt-get install libreoffice-calc-nogui)"
        )


def read_outcome(path: Path) -> dict[str, Any]:
    """What muniflow makes of one file (read, interpret, validate), as plain data."""
    from muniflow import stages

    return outcome_data(stages.process_file(path), path)


def outcome_data(outcome: Any, path: Path) -> dict[str, Any]:
    """A `stages` outcome of the file `path` as plain data: each row's fields and the rules it broke."""
    rules: dict[int, list[str]] = {}
    for flag in outcome.flags:
        rules.setdefault(flag.row_index, []).append(flag.rule)
    report = outcome.report
    rows = [
        {
            "seq_no": r.seq_no,
            "municipality": r.municipality,
            "title": r.title,
            "place": r.place,
            "goal": r.goal,
            "participants": r.participants,
            "start_date": r.start_date.isoformat() if r.start_date else None,
            "end_date": r.end_date.isoformat() if r.end_date else None,
            "rules": rules.get(r.row_index, []),
        }
        for r in (report.rows if report else ())
    ]
    period = report.period.label if report and report.period else None
    return {
        "file": path.name,
        "format": path.suffix.lstrip(".").lower(),
        "reason": outcome.reason,
        "message": outcome.message,
        "period": period,
        "rows": rows,
    }


def score(
    out: Path,
    manifest: list[dict[str, Any]],
    formats: Sequence[str],
    workers: int,
    scores_path: Path | None = None,
) -> list[dict[str, Any]]:
    """Read every generated file and score it against its gold."""
    files = [out / fmt / f"{e['stem']}.{fmt}" for fmt in formats for e in manifest]
    files = [f for f in files if f.exists()]
    with ProcessPoolExecutor(workers) as pool:
        outcomes = list(pool.map(read_outcome, files, chunksize=4))
    by_stem = {e["stem"]: e for e in manifest}
    scores = []
    for outcome in outcomes:
        stem = outcome["file"].rsplit(".", 1)[0]
        gold = json.loads((out / "gold" / f"{stem}.gold.json").read_text(encoding="utf-8"))
        first = gold["period"][0]
        gold["period_label"] = PERIOD_LABEL.format(year=first[:4], q=(int(first[5:7]) - 1) // 3 + 1)
        scores.append(score_report(by_stem[stem], gold, outcome))
    (scores_path or out / "scores.json").write_text(
        json.dumps(scores, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
    )
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=60, help="reports to generate (default 60)")
    parser.add_argument(
        "--out", type=Path, default=Path("sample_inputs/_build/layouts"), help="output folder"
    )
    parser.add_argument("--seed", type=int, default=13, help="corpus seed (default 13)")
    parser.add_argument(
        "--formats",
        default="docx,pdf",
        help="docx,pdf (default), docx, or any of them with xlsx, xls and ods (the tables as workbooks: "
        "samplegen/layouts_xlsx.py, then converted by LibreOffice Calc)",
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="reader processes")
    parser.add_argument(
        "--borders",
        default="",
        help="comma-separated borders values to draw among, e.g. horizontal,frame,none "
        "(default: all, the grid included; the default corpus is unchanged)",
    )
    parser.add_argument(
        "--cards",
        action="store_true",
        help="draw every report's events as cards (a table of label and value rows per event: one "
        "table each, one long table, or numbered), the rest of the report as without it",
    )
    parser.add_argument(
        "--transposed",
        action="store_true",
        help="draw every report's events transposed (labels down the first column, one column per "
        "event: one table per municipality, or blocks of three continued under each other)",
    )
    parser.add_argument("--no-generate", action="store_true", help="score files already generated in --out")
    parser.add_argument("--scores", type=Path, help="where to write scores.json (default: in --out)")
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    if args.no_generate:
        manifest = json.loads((args.out / "manifest.json").read_text(encoding="utf-8"))
    else:
        borders = tuple(b for b in args.borders.split(",") if b)
        manifest = generate(args.n, args.out, args.seed, borders, args.cards, args.transposed)
        if "pdf" in formats:
            convert_office(pdf_sources(args.out / "docx"), args.out / "pdf")
        if {"xlsx", "xls", "ods"} & set(formats):
            convert_xlsx(pdf_sources(args.out / "docx"), args.out / "xlsx")
        for workbook in {"xls", "ods"} & set(formats):
            convert_office(sorted((args.out / "xlsx").glob("*.xlsx")), args.out / workbook, workbook)
    hard = [e["hard_cases"] for e in manifest if not e["expect"]]
    mean = sum(hard) / max(1, len(hard))
    print(
        f"{len(manifest)} reports ({len(manifest) - len(hard)} negatives), formats {formats}; "
        f"hard cases per report: >=3 in {sum(h >= 3 for h in hard)}/{len(hard)}, mean {mean:.1f}"
    )
    positives = [e for e in manifest if not e["expect"]]
    counts = {
        f"{a}={v}": sum(e["axes"].get(a) == v for e in positives)
        for a, vs in HARD.items()
        for v in sorted(vs)
    }
    print("reports per hard case: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    scores = score(args.out, manifest, formats, args.workers, args.scores)
    print("\n".join(summary(manifest, scores)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
