"""Scans and photos: build a degraded corpus from the sample PDFs and measure what OCR reads back.

    .venv/bin/python bench/scans.py                       # every degradation, every sample
    .venv/bin/python bench/scans.py --samples invented_tver_2024_q4 --only dpi300 skew3

Each sample PDF is rasterized with pdftoppm and degraded one axis at a time (resolution, 1-bit,
skew, noise + blur + JPEG, stamps and a signature over cells in a grey or a colour scan (bench/
stamps.py), phone-photo perspective), then packed the ways
offices send them (separate page images read with --pages, multi-page TIFF, image-only PDF). The
truth is the sample's own DOCX as muniflow extracts it. Per degradation it prints rows found, dates
exact, cells exact (title, place, goal, participants, municipality, whitespace folded), rows
flagged `ocr_review`, and OCR pages per second (each degradation, and the whole run). A ZIP
holding two reports and a note is checked for every member's outcome. Results go to
bench/results/scans-<date>.json. Each (sample, degradation, draw) has its own random draws from
`--seed`, whichever others run with it; `--draws N` measures N draws of each (stamp places, ...).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from stamps import stamped  # noqa: E402  (bench/stamps.py, beside this script)

from muniflow import stages  # noqa: E402
from muniflow.intake.expand import as_pages, expand  # noqa: E402
from muniflow.model import Row  # noqa: E402
from muniflow.readers.base import fold_whitespace  # noqa: E402

SAMPLES = ROOT / "sample_inputs"
CELLS = ("municipality", "title", "place", "goal", "participants")
Page = np.ndarray
CACHE_ENV = "MUNIFLOW_BENCH_OCR_CACHE"


def _cache_tesseract(folder: Path) -> None:
    """Keep Tesseract's words per (image, page segmentation) in `folder`, so a re-run after a change
    to the clean-up rules skips Tesseract where the image it is given is unchanged. This module is
    re-imported by every spawned worker (as `__mp_main__`), so the workers read the cache too."""
    from muniflow.readers import ocr
    from muniflow.readers.ocr_cells import Word

    uncached = ocr.words

    def words(gray: np.ndarray, timeout: float, psm: int = 11) -> list[Word]:
        key = hashlib.sha256(gray.tobytes() + repr((gray.shape, psm, ocr.settings().language)).encode())
        path = folder / f"{key.hexdigest()}.json"
        if path.exists():
            return [Word(*w) for w in json.loads(path.read_text(encoding="utf-8"))]
        found = uncached(gray, timeout, psm)
        path.write_text(json.dumps([list(vars(w).values()) for w in found], ensure_ascii=False), "utf-8")
        return found

    ocr.words = words  # type: ignore[assignment]


if os.environ.get(CACHE_ENV):
    _cache_tesseract(Path(os.environ[CACHE_ENV]))


def rasterize(pdf: Path, dpi: int, work: Path) -> list[Page]:
    prefix = work / f"{pdf.stem}-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)], check=True)
    return [cv2.imread(str(p), cv2.IMREAD_GRAYSCALE) for p in sorted(work.glob(f"{prefix.name}-*.png"))]


def rotate(page: Page, angle: float) -> Page:
    h, w = page.shape
    return cv2.warpAffine(page, cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0), (w, h), borderValue=255)


def one_bit(page: Page) -> Page:
    return np.where(page > 160, 255, 0).astype(np.uint8)


def noisy(page: Page, rng: np.random.Generator) -> Page:
    noise = rng.normal(0, 14, page.shape)
    blurred = cv2.GaussianBlur(np.clip(page + noise, 0, 255).astype(np.uint8), (3, 3), 0)
    _, jpeg = cv2.imencode(".jpg", blurred, [cv2.IMWRITE_JPEG_QUALITY, 40])
    return cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE)


def photo(page: Page, rng: np.random.Generator) -> Page:
    """A phone photo: perspective, uneven light, mild blur, JPEG."""
    h, w = page.shape
    d = 0.03
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jitter = rng.uniform(0, d, (4, 2)) * [w, h]
    dst = np.float32(src + jitter * [[1, 1], [-1, 1], [-1, -1], [1, -1]])
    warped = cv2.warpPerspective(page, cv2.getPerspectiveTransform(src, dst), (w, h), borderValue=255)
    light = np.linspace(0.85, 1.0, w)[None, :] * np.linspace(0.9, 1.0, h)[:, None]
    shaded = (warped * light).astype(np.uint8)
    return noisy(cv2.GaussianBlur(shaded, (3, 3), 0), rng)


# degradation -> (dpi, how each page is changed, container)
DEGRADATIONS = {
    "dpi300": (300, lambda p, r: p, "tiff"),
    "dpi200": (200, lambda p, r: p, "tiff"),
    "dpi150": (150, lambda p, r: p, "tiff"),
    "1bit200": (200, lambda p, r: one_bit(p), "tiff"),
    "skew3": (200, lambda p, r: rotate(p, 3.0), "tiff"),
    "skew-1.5_300": (300, lambda p, r: rotate(p, -1.5), "tiff"),
    "noise_blur_jpeg": (200, noisy, "tiff"),
    "stamp": (200, lambda p, r: stamped(p, r, colour=False), "tiff"),
    "stamp_colour": (200, lambda p, r: stamped(p, r, colour=True), "tiff"),
    "photo": (200, photo, "pages"),
    "pdf_image_only": (200, lambda p, r: rotate(p, 1.0), "pdf"),
    "separate_images": (250, lambda p, r: rotate(p, -2.0), "pages"),
}


def pack(pages: list[Page], container: str, dpi: int, target: Path) -> list[Path]:
    images = [Image.fromarray(p) for p in pages]
    if container == "tiff":
        path = target.with_suffix(".tiff")
        images[0].save(path, save_all=True, append_images=images[1:], compression="tiff_lzw", dpi=(dpi, dpi))
        return [path]
    if container == "pdf":
        path = target.with_suffix(".pdf")
        images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi)
        return [path]
    paths = []
    for i, image in enumerate(images, start=1):
        path = target.with_name(f"{target.name}-p{i}.jpg")
        image.save(path, quality=85)
        paths.append(path)
    return paths


def score(read: tuple[Row, ...], truth: tuple[Row, ...]) -> dict[str, float]:
    by_seq: dict[tuple[str, int | None], list[Row]] = {}
    for r in read:  # a report may number two rows alike: they are paired in order
        by_seq.setdefault((r.municipality, r.seq_no), []).append(r)
    found = [(by_seq.get((t.municipality, t.seq_no)) or [None]).pop(0) for t in truth]
    matched = [(t, r) for t, r in zip(truth, found, strict=True) if r is not None]
    dates = sum((t.start_date, t.end_date) == (r.start_date, r.end_date) for t, r in matched)
    cells = sum(
        fold_whitespace(getattr(t, c)) == fold_whitespace(getattr(r, c)) for t, r in matched for c in CELLS
    )
    n = max(len(truth), 1)
    bad: list[list[str]] = [
        [f"{t.municipality} {t.seq_no}", "row", "", "not found"]
        for t, r in zip(truth, found, strict=True)
        if r is None
    ]
    bad.extend(
        [f"{r.municipality} {r.seq_no}", "extra row", "", f"{r.seq_text!r} {r.title[:60]}"]
        for rows in by_seq.values()
        for r in rows
    )
    for t, r in matched:
        where = f"{t.municipality} {t.seq_no}"
        if (t.start_date, t.end_date) != (r.start_date, r.end_date):
            bad.append([where, "dates", t.date_text, r.date_text])
        bad.extend(
            [where, c, fold_whitespace(getattr(t, c)), fold_whitespace(getattr(r, c))]
            for c in CELLS
            if fold_whitespace(getattr(t, c)) != fold_whitespace(getattr(r, c))
        )
    return {
        "rows_truth": len(truth),
        "rows_read": len(read),
        "rows_found": len(matched) / n,
        "dates_exact": dates / n,
        "cells_exact": cells / (n * len(CELLS)),
        "bad": bad,
    }


def measure(sample: str, name: str, work: Path, rng: np.random.Generator) -> dict[str, object]:
    dpi, degrade, container = DEGRADATIONS[name]
    truth = stages.process_file(SAMPLES / f"{sample}.docx").report
    pages = [degrade(p, rng) for p in rasterize(SAMPLES / f"{sample}.pdf", dpi, work)]
    files = pack(pages, container, dpi, work / f"{sample}-{name}")
    started = time.perf_counter()
    if container == "pages":
        item = as_pages(files, work / f"{sample}-{name}-pages").inputs[0]
        outcome = stages.process_input(item)
    else:
        outcome = stages.process_file(files[0])
    seconds = time.perf_counter() - started
    read = outcome.report.rows if outcome.report else ()
    flagged = {f.row_index for f in outcome.flags if f.rule == "ocr_review"}
    result: dict[str, object] = {
        "sample": sample,
        "degradation": name,
        "pages": len(pages),
        "reason": outcome.reason,
        "message": outcome.message,
        **score(read, truth.rows if truth else ()),
        "rows_flagged_ocr_review": len(flagged) / max(len(read), 1),
        "low_confidence_cells": sum(f.rule == "ocr_low_confidence" for f in outcome.flags),
        "seconds": round(seconds, 1),
        "pages_per_s": round(len(pages) / seconds, 3),
    }
    return result


def zip_check(work: Path) -> dict[str, str]:
    """A ZIP of two reports and a text note: each member's outcome."""
    archive = work / "two_reports.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SAMPLES / "invented_tver_2024_q4.docx", "Тверь/отчёт.docx")
        zf.write(SAMPLES / "invented_pskov_2024_q3.pdf", "pskov.pdf")
        zf.writestr("записка.txt", "Направляем отчёты за квартал")
    expanded = expand([archive], work / "unzipped")
    outcomes = {i.name: stages.process_input(i) for i in expanded.inputs}
    listed = {a.source_file: "unpacked" for a in expanded.archives}
    return {
        **listed,
        **{
            name: o.reason or f"loaded {len(o.report.rows) if o.report else 0} rows"
            for name, o in outcomes.items()
        },
    }


def draw_rng(seed: int, sample: str, name: str, draw: int) -> np.random.Generator:
    """The random draws of one (sample, degradation, draw): the same whichever others run with it."""
    salt = int.from_bytes(hashlib.sha256(f"{sample}/{name}".encode()).digest()[:4], "big")
    return np.random.default_rng([seed, salt, draw])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", nargs="*", default=[p.stem for p in sorted(SAMPLES.glob("*.pdf"))])
    parser.add_argument("--tag", default="", help="appended to the results file's name")
    parser.add_argument("--no-zip", action="store_true", help="skip the ZIP check")
    parser.add_argument("--only", nargs="*", default=list(DEGRADATIONS), choices=list(DEGRADATIONS))
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument(
        "--draws",
        type=int,
        default=1,
        help="measure each degradation on this many random draws (stamp places, ...)",
    )
    parser.add_argument(
        "--show-bad", action="store_true", help="print each row not found, date or cell not exact"
    )
    parser.add_argument(
        "--cache", type=Path, help="keep Tesseract's output here between runs (for tuning the clean-up rules)"
    )
    args = parser.parse_args(argv)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
        os.environ[CACHE_ENV] = str(args.cache.resolve())
        _cache_tesseract(args.cache.resolve())
    results = []
    header = (
        f"{'sample':<24} {'degradation':<16} {'pages':>5} {'rows':>9} {'found':>6} {'dates':>6} "
        f"{'cells':>6} {'flag':>5} {'pg/s':>6}  reason"
    )
    print(header)
    with tempfile.TemporaryDirectory(prefix="muniflow-scans-") as tmp:
        for sample in args.samples:
            for name, draw in ((n, d) for n in args.only for d in range(args.draws)):
                work = Path(tmp) / f"{sample}-{name}-{draw}"
                work.mkdir()
                r = measure(sample, name, work, draw_rng(args.seed, sample, name, draw))
                r["draw"] = draw
                results.append(r)
                label = name if args.draws == 1 else f"{name}#{draw}"
                print(
                    f"{sample:<24} {label:<16} {r['pages']:>5} {r['rows_read']:>4}/{r['rows_truth']:<4} "
                    f"{r['rows_found']:>6.0%} {r['dates_exact']:>6.0%} {r['cells_exact']:>6.0%} "
                    f"{r['rows_flagged_ocr_review']:>5.0%} {r['pages_per_s']:>6.3f}  "
                    f"{r['reason'] or ''} {r['message'] or ''}",
                    flush=True,
                )
                if args.show_bad:
                    for where, what, truth_text, read_text in r["bad"]:  # type: ignore[attr-defined]
                        print(f"    {where:<28} {what:<13} want {truth_text!r}\n{'':<47}got  {read_text!r}")
        archive = {} if args.no_zip else zip_check(Path(tmp))
    pages = sum(int(str(r["pages"])) for r in results)
    seconds = sum(float(str(r["seconds"])) for r in results) or 1e-9
    throughput = {"pages": pages, "seconds": round(seconds, 1), "pages_per_s": round(pages / seconds, 3)}
    print(f"OCR throughput: {pages} pages in {seconds:.0f} s = {throughput['pages_per_s']} pages/s")
    for name, status in archive.items():
        print(f"zip: {Path(name).name if '!' not in name else name.split('!', 1)[1]:<24} {status}")
    picked = f"{len(args.samples)}s-{len(args.only)}d" + (f"-{args.tag}" if args.tag else "")
    out = ROOT / "bench" / "results" / f"scans-{date.today():%Y%m%d}-{picked}.json"
    out.write_text(
        json.dumps(
            {"results": results, "throughput": throughput, "zip": archive}, ensure_ascii=False, indent=1
        ),
        encoding="utf-8",
    )
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
