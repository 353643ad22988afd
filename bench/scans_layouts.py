"""Scans of the layout-variant corpus: OCR accuracy per layout axis, on reports never tuned on.

    PYTHONPATH=src:. .venv/bin/python -m sample_inputs.samplegen.layouts --n 30 --seed 101 --out DIR
    .venv/bin/python bench/scans_layouts.py --corpus DIR --only dpi200 dpi300 skew3 --cache /tmp/ocr-cache

The OCR path was tuned on the three sample reports only (bench/scans.py). This reads a corpus made
by `sample_inputs.samplegen.layouts` (each report's PDF through LibreOffice, its gold, and the
layout axes it was drawn with: narrow columns, turned headers, merged cells, month headings, no
borders, landscape, fonts...) as scans: each PDF is rasterized grey and degraded by bench/scans.py's
own degradations (`--only`, the same names: dpi200, dpi300, skew3...), packed as that degradation's
container (a multi-page TIFF, an image-only PDF, page images), read as `muniflow ingest` reads it
(`stages.process_file`, the OCR worker included) and scored against the gold by the layout scorer
(`layouts_score`: rows found, cells exact, dates exact, municipality exact, per axis value). The
"format" column of the printed summary is the degradation. Results: bench/results/
scans-layouts-<date>-<tag>.json. Use one corpus seed to tune on and another, held out, for the
figures (README).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

# bench/scans.py, beside this script: its rasterizing, degradations, packing and Tesseract cache
# (importing it installs the cache in the OCR workers too, which re-import this module)
import scans  # noqa: E402

from sample_inputs.samplegen.layouts import PERIOD_LABEL, outcome_data, read_outcome  # noqa: E402
from sample_inputs.samplegen.layouts_score import score_report, summary  # noqa: E402


def read_scanned(job: tuple[str, str, str, int, int]) -> dict[str, Any]:
    """One report's PDF rasterized and degraded as `name`, read by muniflow; its outcome as data,
    with the degradation as its format."""
    corpus, stem, name, seed, draw = job
    dpi, degrade, container = scans.DEGRADATIONS[name]
    with tempfile.TemporaryDirectory(prefix="muniflow-scanlay-") as tmp:
        work = Path(tmp)
        clean = scans.rasterize(Path(corpus) / "pdf" / f"{stem}.pdf", dpi, work)
        rng = scans.draw_rng(seed, stem, name, draw)
        if name in scans.OWN_DRAWS:
            pages = [degrade(p, scans.photo_rng(draw + 1, stem, i)) for i, p in enumerate(clean)]
        else:
            pages = [degrade(p, rng) for p in clean]
        files = scans.pack(pages, container, dpi, work / stem)
        if container == "pages":
            from muniflow import stages
            from muniflow.intake.expand import as_pages

            item = as_pages(files, work / f"{stem}-pages").inputs[0]
            outcome = outcome_data(stages.process_input(item), files[0])
        else:
            outcome = read_outcome(files[0])
    outcome["format"] = name
    outcome["pages"] = len(pages)
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a folder made by samplegen.layouts")
    parser.add_argument("--only", nargs="*", default=["dpi200"], choices=list(scans.DEGRADATIONS))
    parser.add_argument("--limit", type=int, help="read only the first N reports of the corpus")
    parser.add_argument("--stems", nargs="*", help="read only these reports")
    parser.add_argument("--seed", type=int, default=14, help="the degradations' random draws")
    parser.add_argument("--workers", type=int, default=1, help="reports read at once")
    parser.add_argument("--tag", default="", help="appended to the results file's name")
    parser.add_argument("--show-bad", action="store_true", help="print each report's first cells not exact")
    parser.add_argument(
        "--cache", type=Path, help="keep Tesseract's output here between runs (for tuning the clean-up rules)"
    )
    args = parser.parse_args(argv)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
        os.environ[scans.CACHE_ENV] = str(args.cache.resolve())
        scans._cache_tesseract(args.cache.resolve())
    manifest = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
    if args.stems:
        manifest = [e for e in manifest if e["stem"] in args.stems]
    manifest = manifest[: args.limit]
    jobs = [
        (str(args.corpus.resolve()), e["stem"], name, args.seed, 0) for name in args.only for e in manifest
    ]
    by_stem = {e["stem"]: e for e in manifest}
    scores = []
    with ProcessPoolExecutor(args.workers) as pool:
        for outcome in pool.map(read_scanned, jobs):
            stem = outcome["file"].rsplit(".", 1)[0].removesuffix("-p1")
            gold = json.loads((args.corpus / "gold" / f"{stem}.gold.json").read_text(encoding="utf-8"))
            first = gold["period"][0]
            gold["period_label"] = PERIOD_LABEL.format(year=first[:4], q=(int(first[5:7]) - 1) // 3 + 1)
            s = score_report(by_stem[stem], gold, outcome)
            s["pages"] = outcome["pages"]
            scores.append(s)
            got = (
                f"{s.get('rows_found', '-')}/{s.get('rows_total', '-')} rows"
                if "negative" not in s
                else "negative"
            )
            print(f"{stem:<40} {outcome['format']:<10} {got:<12} {s['reason'] or ''}", flush=True)
            if args.show_bad:
                for seq, field, want, read in s.get("bad_cells", ()):
                    print(f"    {seq!s:<4} {field:<13} want {want!r}\n{'':<23}got  {read!r}")
                for seq, title in s.get("extra_rows", ()):
                    print(f"    extra  №{seq!s:<4} {title!r}")
                for want, read, title in s.get("seq_wrong", ()):
                    print(f"    №      want {want!s:<4} got {read!s:<4} {title!r}")
    print("\n".join(summary(manifest, scores)))
    out = (
        ROOT / "bench" / "results" / f"scans-layouts-{date.today():%Y%m%d}"
        f"{'-' + args.tag if args.tag else ''}.json"
    )
    out.write_text(
        json.dumps({"scores": scores}, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
    )
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
