"""Scans given as pages: image-only PDF pages rendered at their own resolution, `ingest --pages`
reading several page images as one report, and a lone page without a title in a watched inbox.

The page images are rendered from a sample PDF with pdftoppm, as tests/test_ocr.py does; the tests
that run Tesseract carry its skip marker.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import duckdb
import numpy as np
import pytest
from extraction import extract_file
from PIL import Image
from test_ocr import SAMPLES, needs_tesseract

from muniflow.intake import scan
from muniflow.model import OF_THIS_RUN, ReaderError
from muniflow.readers import ocr

CEILING = ocr.settings().render_dpi

RENDER = [
    # (picture resolution in the PDF, rendered at, why)
    (200.0, 200, "a 200 dpi scan is read pixel for pixel, not blown up to the ceiling"),
    (199.6, 200, "a resolution a rounding away from a whole number"),
    (150.0, 150, "a coarse scan stays coarse (upsampling adds no detail, only blur)"),
    (600.0, CEILING, "a fine scan is brought down to the ceiling: more pixels only cost OCR time"),
    (None, CEILING, "a page without a picture is rendered at the ceiling"),
    (20.0, 72, "a thumbnail is not rendered smaller than 72 dpi"),
]


@pytest.mark.parametrize(("picture", "rendered", "why"), RENDER, ids=[c[2] for c in RENDER])
def test_a_scanned_pdf_page_is_rendered_at_its_pictures_resolution(
    picture: float | None, rendered: int, why: str
) -> None:
    assert ocr.render_dpi(picture) == rendered, why


def _pdf(path: Path, pages: list[tuple[int, int]], dpi: int) -> Path:
    """An image-only PDF of blank pages of the given pixel sizes, printed at `dpi`."""
    images = [Image.fromarray(np.full((h, w), 255, np.uint8)) for w, h in pages]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi)
    return path


PICTURES = [
    # (page pixel sizes, printed at dpi, expected per page, why)
    ([(1654, 2339), (1654, 2339)], 200, [200, 200], "an A4 scan at 200 dpi, both pages measured"),
    ([(2339, 1654)], 200, [200], "a landscape page measures the same as a portrait one"),
    ([(1240, 1754)], 150, [150], "a 150 dpi scan"),
]


@pytest.mark.parametrize(("sizes", "dpi", "expected", "why"), PICTURES, ids=[c[3] for c in PICTURES])
def test_each_pages_picture_resolution_is_measured(
    tmp_path: Path, sizes: list[tuple[int, int]], dpi: int, expected: list[int], why: str
) -> None:
    measured = scan._pdf_image_dpis(_pdf(tmp_path / "scan.pdf", sizes, dpi))
    assert [round(d) if d is not None else None for d in measured] == expected, why


def _ruled_table(columns: list[int], rows: list[int], size: tuple[int, int] = (2339, 1654)) -> np.ndarray:
    """A white A4 page at 200 dpi with a ruled table (black lines, 3 px); stamps are drawn dark grey."""
    import cv2

    page = np.full(size, 255, np.uint8)
    for x in columns:
        cv2.line(page, (x, rows[0]), (x, rows[-1]), 0, 3)
    for y in rows:
        cv2.line(page, (columns[0], y), (columns[-1], y), 0, 3)
    return page


MARKS = [
    # (what is drawn over the table, why it must not become a column)
    ("stamp", "a round stamp's sides are nearly vertical for a short stretch"),
    ("two_stamps", "two stamps in different rows"),
    ("none", "a plain table keeps every column"),
]


@pytest.mark.parametrize(("mark", "why"), MARKS, ids=[m[1] for m in MARKS])
def test_a_stamp_over_cells_adds_no_column(mark: str, why: str) -> None:
    import cv2

    from muniflow.readers import ocr_cells, ocr_page_image

    columns = [236, 314, 613, 795, 999, 1283, 1535]
    rows = [305, 370, 630, 856, 1018, 1211, 1400, 1650, 1900, 2150]
    page = _ruled_table(columns, rows)
    centres = {"stamp": [(1150, 1000)], "two_stamps": [(1150, 1000), (700, 1800)], "none": []}[mark]
    for cx, cy in centres:
        cv2.circle(page, (cx, cy), 115, 60, 5)
        cv2.circle(page, (cx, cy), 86, 60, 3)
    grid = ocr_cells.find_grid(ocr_page_image.binarize(page))
    assert grid is not None
    assert [round(x / 10) for x in grid.xs] == [round(x / 10) for x in columns], why
    assert len(grid.ys) == len(rows), why


def _render(sample: str, page: int, target: Path, dpi: int = 200) -> Path:
    """One page of a sample PDF as a grey PNG, the way a scanner saves it."""
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
         str(SAMPLES / f"{sample}.pdf"), str(target.with_suffix(""))],
        check=True,
    )  # fmt: skip
    return target


@pytest.mark.slow
@needs_tesseract
def test_ingest_pages_reads_the_page_images_of_one_report_as_one_report(
    prefect_harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from muniflow.cli import main

    monkeypatch.setenv("MUNIFLOW_HOME", str(tmp_path / "home"))  # no other server's state file
    sample = "invented_tver_2024_q4"  # two pages, a row cut by the page break
    first = _render(sample, 1, tmp_path / "p1.png")
    second = _render(sample, 2, tmp_path / "p2.png")
    wh = tmp_path / "wh.duckdb"

    assert main(["ingest", "--pages", str(first), str(second), "--warehouse", str(wh)]) == 0

    truth = extract_file(SAMPLES / f"{sample}.docx").report
    assert truth is not None
    with duckdb.connect(str(wh), read_only=True) as con:
        reports = con.execute("select source_file, status, format from reports").fetchall()
        keys = con.execute("select municipality, seq_no from extracted_rows").fetchall()
    assert reports == [(f"{first}+{second}", "loaded", "image_ocr")], "two page images, one report"
    assert sorted(keys) == sorted((r.municipality, r.seq_no) for r in truth.rows), "every row, once"


@needs_tesseract
def test_a_lone_page_without_a_title_in_an_inbox_is_quarantined_with_how_to_group_pages(
    tmp_path: Path,
) -> None:
    from muniflow.plain import ingest_plain

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    page = _render("invented_pskov_2024_q3", 2, inbox / "photo.png")  # a middle page: no title
    wh = tmp_path / "wh.duckdb"

    assert ingest_plain([inbox], wh)["statuses"] == {str(page): "quarantined"}
    with duckdb.connect(str(wh), read_only=True) as con:
        reason, message, loaded = con.execute("select reason, message, rows_loaded from reports").fetchone()
    assert reason == "lone_page"
    assert "muniflow ingest --pages" in message and "--period" in message, "says how to group pages"
    assert loaded == 0, "no row of an unplaceable page is loaded"


SETTLEMENTS = [
    # (OCR text, expected, why)
    ("Г. Псков, набережная", "г. Псков, набережная", "a town's г. read as a capital"),
    ("солисты из Г. Минска", "солисты из г. Минска", "mid-sentence, a place in the genitive"),
    ("Г. Великие Луки", "г. Великие Луки", "a place name of two words"),
    ("Д. Изборск", "д. Изборск", "д. for a village"),
    ("П. Иванов", "П. Иванов", "an initial before a surname stays"),
    ("С. Петров", "С. Петров", "an initial before a surname that is no place stays"),
    ("Г. Петрова", "Г. Петрова", "a surname that is also a form of a first name"),
    ("Г. проведено", "Г. проведено", "no capital word after it: left alone"),
    ("Озёрски\nИ\nмуниципальны\nИ округ", "Озёрский\nмуниципальный округ", "й alone, read as И"),
    ("Лесно\nЙ район", "Лесной район", "й wrapped alone, read as Й"),
    ("проведены встречи\nИ концерты", "проведены встречи\nИ концерты", "встречий is no word: left alone"),
]


@pytest.mark.parametrize(("text", "expected", "why"), SETTLEMENTS, ids=[c[2] for c in SETTLEMENTS])
def test_letters_whose_case_ocr_misreads_are_put_right(text: str, expected: str, why: str) -> None:
    assert ocr.clean(text) == expected, why


LIGHT = [
    # (light falling on the page: factor at the left/top edge, at the right/bottom edge; why)
    ((1.0, 1.0), "an evenly lit scan is left exactly as it is"),
    ((0.8, 1.0), "a photo darker on one side"),
    ((0.7, 0.95), "a photo dim all over, darker on one side"),
]


@pytest.mark.parametrize(("light", "why"), LIGHT, ids=[c[1] for c in LIGHT])
def test_uneven_light_is_evened_out_and_the_grid_found(light: tuple[float, float], why: str) -> None:
    from muniflow.readers import ocr_cells, ocr_page_image

    columns = [236, 314, 613, 795, 999, 1283, 1535]
    rows = [305, 370, 630, 856, 1018, 1211, 1400]
    page = _ruled_table(columns, rows)
    page[page == 0] = 40  # ink as a camera sees it, not pure black
    shade = np.linspace(light[0], light[1], page.shape[1])[None, :]
    lit = (page * shade).astype(np.uint8)
    flat = ocr_page_image.flatten(lit)
    paper = flat[rows[0] + 20 : rows[-1] - 20 : 50, columns[0] + 20 : columns[-1] - 20 : 50]
    assert int(paper.min()) >= 245, why
    if light == (1.0, 1.0):
        assert np.array_equal(flat, lit), why
    grid = ocr_cells.find_grid(ocr_page_image.binarize(flat))
    assert grid is not None and len(grid.xs) == len(columns) and len(grid.ys) == len(rows), why


def test_an_ocr_worker_gets_the_address_space_the_ocr_contract_gives() -> None:
    from muniflow import stages
    from muniflow.intake.limits import default_limits

    limits = stages.ocr_limits(1)
    assert limits.memory_mb == max(default_limits().memory_mb, ocr.settings().memory_mb)
    assert limits.memory_mb >= 2 * 1024, "a 300 dpi page with the worker's libraries passes 1 GB"


def _noisy_pdf(path: Path, mode: str) -> Path:
    """An A4 page at 300 dpi of grain (what a dark, noisy scan is to a PNG encoder), as a PDF."""
    rng = np.random.default_rng(7)
    noise = rng.integers(0, 256, (3508, 2481), dtype=np.uint8)
    Image.fromarray(noise).convert(mode).save(path, resolution=300)
    return path


def test_a_grey_pdf_page_is_rendered_grey_and_quickly(tmp_path: Path) -> None:
    """A page of grey pictures comes out grey (OCR reads grey) and without PNG compression, which
    took ~17 s of CPU on a noisy 300 dpi page (its rendering, well under a second)."""
    import time

    path = _noisy_pdf(tmp_path / "grey.pdf", "L")
    assert scan._pdf_grey_pages(path) == [True]
    started = time.monotonic()
    page = next(ocr.pdf_pages(path, [300.0], 60, scan._pdf_grey_pages(path)))
    assert page.ndim == 2 and page.shape == (3508, 2481)
    assert time.monotonic() - started < 8, "rendered without compressing the noisy page"


def test_a_colour_pdf_page_is_rendered_in_colour(tmp_path: Path) -> None:
    """A colour picture (a blue stamp) keeps its colour for ocr_ink."""
    path = tmp_path / "colour.pdf"
    Image.new("RGB", (827, 1169), (40, 60, 200)).save(path, resolution=100)
    assert scan._pdf_grey_pages(path) == [False]
    assert next(ocr.pdf_pages(path, [100.0], 60, scan._pdf_grey_pages(path))).ndim == 3


def test_a_render_over_its_time_limit_is_a_timeout_not_a_corrupt_file(tmp_path: Path) -> None:
    """A busy machine is no damaged file: the refusal says to run again, and is not cached."""
    path = _pdf(tmp_path / "scan.pdf", [(1654, 2339)], 200)
    with pytest.raises(ReaderError) as err:
        next(ocr.pdf_pages(path, [200.0], 1e-4, [True]))
    assert err.value.reason == "timeout" and err.value.reason in OF_THIS_RUN
    assert "again" in err.value.message
