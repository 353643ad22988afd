"""Scans and photos: build a degraded corpus from the sample PDFs and measure what OCR reads back.

    .venv/bin/python bench/scans.py                       # every degradation, every sample
    .venv/bin/python bench/scans.py --samples invented_tver_2024_q4 --only dpi300 skew3

Each sample PDF is rasterized with pdftoppm and degraded one axis at a time (resolution, 1-bit,
skew, noise + blur + JPEG, stamps and a signature over cells in a grey or a colour scan (bench/
stamps.py), a mild photo filling the frame, and a phone photo of the page lying on a desk), then
packed the ways
offices send them (separate page images read with --pages, multi-page TIFF, image-only PDF). The
truth is the sample's own DOCX as muniflow extracts it. Per degradation it prints rows found, dates
exact, cells exact (title, place, goal, participants, municipality, whitespace folded), rows
flagged `ocr_review`, and OCR pages per second (each degradation, and the whole run). A ZIP
holding two reports and a note is checked for every member's outcome. Results go to
bench/results/scans-<date>.json. Each (sample, degradation, draw) has its own random draws from
`--seed`, whichever others run with it; `--draws N` measures N draws of each (stamp places, ...;
the desk photo of draw d is photographed from its own seed d + 1, page by page).
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
import zlib
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


def photo_flat(page: Page, rng: np.random.Generator) -> Page:
    """The first, mild phone photo: 3 % perspective, the page filling the frame, uneven light, grey JPEG
    (kept, with its draws from the run's generator, so earlier results stay comparable)."""
    h, w = page.shape
    d = 0.03
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jitter = rng.uniform(0, d, (4, 2)) * [w, h]
    dst = np.float32(src + jitter * [[1, 1], [-1, 1], [-1, -1], [1, -1]])
    warped = cv2.warpPerspective(page, cv2.getPerspectiveTransform(src, dst), (w, h), borderValue=255)
    light = np.linspace(0.85, 1.0, w)[None, :] * np.linspace(0.9, 1.0, h)[:, None]
    shaded = (warped * light).astype(np.uint8)
    return noisy(cv2.GaussianBlur(shaded, (3, 3), 0), rng)


def photo(page: Page, rng: np.random.Generator) -> Page:
    """A phone photo of a page lying on a desk: the page 70-85 % of a 3:4 frame's width on a dark
    textured background, turned up to 4°, seen at an angle (one edge 5-12 % shorter than its
    opposite, each corner a little off), light falling off across the frame and a soft shadow,
    lens blur, sensor noise, colour JPEG. `rng` is the draw's own generator (see `photo_rng`)."""
    h, w = page.shape
    fill = rng.uniform(0.70, 0.85)
    fw = int(w / fill)
    fh = int(fw * 4 / 3)
    # the desk: a colour, wood-like grain along one axis, blotches
    colour = rng.uniform([60, 40, 25], [130, 100, 80])  # RGB
    yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
    along = xx if rng.random() < 0.5 else yy
    grain = np.sin(along / rng.uniform(6, 30) + 3 * np.sin(along / rng.uniform(150, 400)))
    blotch = cv2.GaussianBlur(rng.normal(0, 1, (fh // 16 + 1, fw // 16 + 1)).astype(np.float32), (0, 0), 2)
    blotch = cv2.resize(blotch, (fw, fh), interpolation=cv2.INTER_CUBIC)
    texture = 1 + 0.08 * grain + 0.15 * blotch / max(float(np.abs(blotch).max()), 1e-6)
    desk = colour[None, None, :] * texture[:, :, None]
    # where the page's corners land: centred with a little slack, turned, then seen at an angle
    cx = fw / 2 + rng.uniform(-0.5, 0.5) * (fw - w)
    cy = fh / 2 + rng.uniform(-0.5, 0.5) * max(fh - h, 0)
    corners = np.float32([[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]])
    tilt = rng.uniform(0.05, 0.12)
    edge = rng.integers(4)  # the edge farther from the camera: top, right, bottom, left
    ends = [(0, 1), (1, 2), (2, 3), (3, 0)][edge]
    centre = corners.mean(axis=0)
    for k in ends:
        towards = corners[ends[1] if k == ends[0] else ends[0]] - corners[k]
        corners[k] += towards * tilt / 2
        corners[k] += (centre - corners[k]) * tilt / 4  # the far edge also lies closer to the middle
    corners += rng.uniform(-0.015, 0.015, (4, 2)) * [w, h]
    turn = np.deg2rad(rng.uniform(-4, 4))
    rot = np.float32([[np.cos(turn), -np.sin(turn)], [np.sin(turn), np.cos(turn)]])
    dst = np.float32(corners @ rot.T + [cx, cy])
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    tint = rng.uniform([0.97, 0.95, 0.88], [1.0, 0.98, 0.95])  # paper under warm light
    sheet = cv2.warpPerspective(page, matrix, (fw, fh), flags=cv2.INTER_AREA, borderValue=0)
    mask = cv2.warpPerspective(np.full_like(page, 255), matrix, (fw, fh), borderValue=0) / 255.0
    mask = cv2.GaussianBlur(mask.astype(np.float32), (3, 3), 0)[:, :, None]
    frame = mask * (sheet[:, :, None] * tint) + (1 - mask) * desk
    # light: brighter towards one side of the frame, and a soft shadow (a hand, the phone) over a part
    angle = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(angle) * xx / fw + np.sin(angle) * yy / fh) + 1
    light = rng.uniform(0.6, 0.75) + rng.uniform(0.2, 0.35) * ramp / 2
    if rng.random() < 0.7:
        sx, sy = rng.uniform(0, fw), rng.uniform(0, fh)
        side = np.cos(angle + np.pi / 2) * (xx - sx) + np.sin(angle + np.pi / 2) * (yy - sy)
        soft = cv2.GaussianBlur((side > 0).astype(np.float32), (0, 0), fw * rng.uniform(0.01, 0.04))
        light = light * (1 - rng.uniform(0.15, 0.3) * soft)
    frame = frame * np.minimum(light, 1.05)[:, :, None]
    frame = cv2.GaussianBlur(frame.astype(np.float32), (0, 0), rng.uniform(0.5, 1.0))
    frame = np.clip(frame + rng.normal(0, rng.uniform(3, 7), frame.shape), 0, 255).astype(np.uint8)
    quality = int(rng.integers(70, 91))
    _, jpeg = cv2.imencode(
        ".jpg", cv2.cvtColor(frame, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality]
    )
    return cv2.cvtColor(cv2.imdecode(jpeg, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def photo_rng(seed: int, sample: str, page: int) -> np.random.Generator:
    """The generator of one photo draw: the same seed, sample and page give the same photo, whatever
    else the run measures, and take nothing from the run's generator (the other draws stay as they were)."""
    return np.random.default_rng([seed, zlib.crc32(sample.encode()), page])


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
    "photo_flat": (200, photo_flat, "pages"),
    "photo": (200, photo, "pages"),
    "pdf_image_only": (200, lambda p, r: rotate(p, 1.0), "pdf"),
    "separate_images": (250, lambda p, r: rotate(p, -2.0), "pages"),
    # each page's scan pasted into a Word document as a JPEG picture shown 6.5 in wide (the text width)
    "docx_pasted": (200, lambda p, r: rotate(p, 0.5), "docx"),
}

OWN_DRAWS = {"photo"}  # degradations drawn per (seed, sample, page), one run per --draws seed


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
    if container == "docx":
        return [_pasted_docx(images, target.with_suffix(".docx"))]
    paths = []
    for i, image in enumerate(images, start=1):
        path = target.with_name(f"{target.name}-p{i}.jpg")
        image.save(path, quality=85)
        paths.append(path)
    return paths


def _pasted_docx(images: list[Image.Image], path: Path) -> Path:
    """A Word document holding the scanned pages as pictures, one a page, as offices paste scans."""
    from docx import Document
    from docx.shared import Inches

    document = Document()
    for i, image in enumerate(images, start=1):
        picture = path.with_name(f"{path.stem}-p{i}.jpg")
        image.save(picture, quality=85)
        document.add_picture(str(picture), width=Inches(6.5))
    document.save(str(path))
    return path


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


def measure(sample: str, name: str, work: Path, rng: np.random.Generator, draw: int = 0) -> dict[str, object]:
    """One sample under one degradation and draw; a degradation in OWN_DRAWS takes each page's
    generator from the draw (`photo_rng`, seed draw + 1), the others from `rng` (see `draw_rng`)."""
    dpi, degrade, container = DEGRADATIONS[name]
    truth = stages.process_file(SAMPLES / f"{sample}.docx").report
    clean = rasterize(SAMPLES / f"{sample}.pdf", dpi, work)
    if name in OWN_DRAWS:
        pages = [degrade(p, photo_rng(draw + 1, sample, i)) for i, p in enumerate(clean)]
    else:
        pages = [degrade(p, rng) for p in clean]
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
                r = measure(sample, name, work, draw_rng(args.seed, sample, name, draw), draw)
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
