"""Scans and photos read by OCR: page images -> deskewed -> ruled grid -> Tesseract words by cell.

Tesseract is run as a program (`tesseract`, language pack `rus`), one call per page with its own
time limit, so a long scan is limited per page, not per file; the words the dictionary does not know
are read again in Latin letters in one more call (ocr_latin). Image-only PDF pages are rendered
with `pdftoppm`. Every cell keeps the mean confidence of its words; stages turn them into the
`ocr_review` and `ocr_low_confidence` warnings.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from muniflow.model import ReaderError
from muniflow.readers import (
    ocr_cells,
    ocr_columns,
    ocr_gutters,
    ocr_ink,
    ocr_latin,
    ocr_orient,
    ocr_page_image,
    ocr_photo,
    ocr_specks,
    ocr_strip,
    ocr_textgrid,
    ocr_turned,
)
from muniflow.readers.ocr_cells import CellText, Word
from muniflow.readers.ocr_clean import clean as clean
from muniflow.readers.ocr_document import to_document as to_document
from muniflow.readers.ocr_images import effective_dpi
from muniflow.readers.ocr_images import image_pages as image_pages
from muniflow.readers.ocr_images import legible as legible
from muniflow.readers.ocr_images import letter_height as letter_height
from muniflow.readers.ocr_images import pdf_pages as pdf_pages
from muniflow.readers.ocr_images import render_dpi as render_dpi
from muniflow.readers.ocr_settings import OcrSettings as OcrSettings
from muniflow.readers.ocr_settings import settings

INSTALL_HINT = (
    "install Tesseract with Russian (`apt-get install tesseract-ocr tesseract-ocr-rus`, or `make tesseract`)"
)


@lru_cache(maxsize=1)
def missing() -> str | None:
    """Why OCR cannot run here (with how to fix it), or None when it can."""
    binary = shutil.which("tesseract")
    if binary is None:
        return f"Tesseract is not installed; {INSTALL_HINT}"
    langs = subprocess.run(
        [binary, "--list-langs"], capture_output=True, text=True, timeout=30
    ).stdout.split()
    if settings().language not in langs:
        return f"Tesseract has no '{settings().language}' language pack; {INSTALL_HINT}"
    return None


def words(gray: np.ndarray, timeout: float, psm: int = 11) -> list[Word]:
    """Tesseract's words on a page image, with boxes and confidences, within `timeout` seconds;
    the words the dictionary does not know read again in Latin letters (ocr_latin), in one more run."""
    s = settings()
    deadline = time.monotonic() + timeout
    found = _tesseract(gray, timeout, psm, s.language)
    if not s.latin_language or s.latin_language not in _languages():
        return found
    try:
        return ocr_latin.reread(
            gray,
            found,
            lambda strip: _tesseract(strip, max(1.0, deadline - time.monotonic()), 6, s.latin_language),
            s.latin_confidence_margin,
            s.latin_confidence_min,
        )
    except ReaderError:
        return found  # the page's time is up: its words as `rus` read them


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    """The language packs Tesseract has here."""
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    return frozenset(listed.stdout.split())


def _tesseract(
    gray: np.ndarray, timeout: float, psm: int, language: str, options: Sequence[str] = ()
) -> list[Word]:
    """One Tesseract run's words (`language`'s model, `options` such as `-c name=value`) on an image."""
    with tempfile.TemporaryDirectory(prefix="muniflow-ocr-") as work:
        image = Path(work) / "page.png"
        cv2.imwrite(str(image), gray)
        try:
            result = subprocess.run(
                ["tesseract", str(image), "stdout", "-l", language, "--psm", str(psm), *options, "tsv"],
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            raise ReaderError(
                "timeout", f"OCR of one page took over {timeout:g} s; send a cleaner scan at 200-300 dpi"
            ) from None
    out = []
    for rec in csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (rec.get("text") or "").strip()
        if text and float(rec["conf"]) >= 0:
            out.append(
                Word(
                    text,
                    int(rec["left"]),
                    int(rec["top"]),
                    int(rec["width"]),
                    int(rec["height"]),
                    float(rec["conf"]),
                )
            )
    return out


@dataclass(frozen=True)
class Page:
    """A page's table rows (cells with confidences) and the text above its table; `below`, the
    tables further down the page, each with the text between it and the one above it."""

    rows: list[list[CellText]]
    above: str
    below: tuple[Page, ...] = ()
    ruled: bool = True  # its columns from ruling lines; False: from the gutters (their count less sure)
    after: str = ""  # the text under the page's last table (a heading of the table going on overleaf)
    columns: tuple[int, ...] = ()  # the column lines of the page's last table (pixels)

    def tables(self) -> tuple[Page, ...]:
        """This page's tables, top to bottom."""
        return (Page(self.rows, self.above, ruled=self.ruled), *self.below) if self.rows else self.below


@dataclass(frozen=True)
class Prepared:
    """A page ready to have its tables sought and read: upright, its light evened, stamps and specks
    off, straight (`level`, grey); its ink (255 on 0) and that ink with faint rules added (`rules`)."""

    level: np.ndarray
    ink: np.ndarray
    rules: np.ndarray


def prepare(gray: np.ndarray) -> Prepared:
    """Turn a page lying sideways or upside down upright (ocr_orient), cut a photographed sheet
    from the desk around it (ocr_photo), even out its light and take its stamp and signature ink
    off (ocr_ink; the page may be in colour, BGR), straighten its table, deskew and take its
    specks off (ocr_specks)."""
    s = settings()
    gray = ocr_orient.upright(gray, effective_dpi(gray), s.orientation_confidence_min, s.page_timeout_seconds)
    sheet = ocr_photo.unwarp(gray)
    if sheet is not gray:
        # A photographed sheet: its colour is its light's and its JPEG's, and its letters are as
        # grey as a stamp's strokes, so ocr_ink would take text for ink: its light is only evened.
        grey = cv2.cvtColor(sheet, cv2.COLOR_BGR2GRAY) if sheet.ndim == 3 else sheet
        flat = ocr_page_image.flatten(grey)
    else:
        flat = ocr_ink.grey_page(sheet, s.max_skew_degrees)
    level = ocr_page_image.deskew(
        ocr_page_image.rectify(flat, s.outline_share, s.outline_reach_per_100dpi), s.max_skew_degrees
    )
    level = ocr_specks.without_specks(level, effective_dpi(level))
    ink = ocr_page_image.binarize(level)
    width = round(s.faint_rule_width_per_100dpi * effective_dpi(level) / 100)
    return Prepared(level, ink, ocr_page_image.with_faint_rules(level, ink, s.faint_rule_contrast, width))


def page_tables(page: Prepared, hint: Sequence[int] = ()) -> list[tuple[ocr_cells.Grid, bool]]:
    """The prepared page's tables (`find_tables`); `hint`: the page before's `columns`."""
    return find_tables(page.ink, page.level, hint, page.rules)


def read_page(gray: np.ndarray, hint: Sequence[int] = ()) -> Page:
    """A page prepared (`prepare`), its tables found (`find_tables`) and read (`read_tables`); a
    page without a ruled table is read whole, as its text above. `hint`: the page before's
    `columns`."""
    page = prepare(gray)
    return read_tables(page, page_tables(page, hint))


def read_pages(pictures: Iterable[np.ndarray]) -> list[Page]:
    """The pages of one report read: each prepared and its tables found first (the page before's
    `columns` its hint), kept on disk meanwhile (a long scan's pages would fill the OCR worker's
    memory); a table ruled between its rows only takes the columns its pages agree on where it was
    told others and they fit it (ocr_columns: a page holding a row or two tells them badly, the
    first page too); then each page's cells read."""
    found: list[list[tuple[ocr_cells.Grid, bool]]] = []
    hint: Sequence[int] = ()
    gap = 0.0
    with tempfile.TemporaryDirectory(prefix="muniflow-pages-") as work:
        for number, picture in enumerate(pictures):
            page = prepare(picture)
            grids = page_tables(page, hint)
            hint = grids[-1][0].xs if grids else ()
            gap = max(gap, ocr_gutters.gap(ocr_gutters.settings(), page.ink.shape))
            for name, image in zip(_KEPT, (page.level, page.ink, page.rules), strict=True):
                _keep(image, Path(work) / f"{number}-{name}.png")
            found.append(grids)
        firsts = [grids[0][0] if grids and not grids[0][1] else None for grids in found]
        pages = []
        for number, (grids, columns) in enumerate(zip(found, ocr_columns.agreed(firsts, gap), strict=True)):
            page = Prepared(*(_kept(Path(work) / f"{number}-{name}.png") for name in _KEPT))
            fitted = (
                None
                if columns is None
                else ocr_gutters.with_columns(page.ink, ocr_gutters.settings(), columns)
            )
            if fitted is not None and not grids:  # no table told here: the rows of one ruled alike
                grids = [(fitted, False)]
            elif fitted is not None and not grids[0][1] and fitted.ys == grids[0][0].ys:
                grids = [(fitted, False), *grids[1:]]
            pages.append(read_tables(page, grids))
    return pages


_KEPT = ("level", "ink", "rules")


def _keep(image: np.ndarray, path: Path) -> None:
    """A prepared page's picture kept (losslessly, quickly) while the report's other pages are."""
    if not cv2.imwrite(str(path), image, [cv2.IMWRITE_PNG_COMPRESSION, 1]):
        raise ReaderError(
            "resource_limit",
            "a page of the scan could not be kept on the temporary disk (full?) while reading it; run again",
        )


def _kept(path: Path) -> np.ndarray:
    image = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    if image is None:
        raise ReaderError(
            "resource_limit",
            "a page of the scan kept on the temporary disk could not be read back; run again",
        )
    return np.asarray(image, np.uint8)


def read_tables(page: Prepared, grids: Sequence[tuple[ocr_cells.Grid, bool]]) -> Page:
    """The cells of a prepared page's tables (`grids`, each with whether it is ruled) read
    (ocr_strip), with the text above and under them; with no table, the page's text as its text
    above."""
    s = settings()
    level = page.level
    if not grids:
        return Page([], ocr_cells.text_of(words(level, s.page_timeout_seconds)))
    erased = ocr_cells.erase_lines(level, page.rules)
    erased_ink = ocr_page_image.binarize(erased)
    read = []
    top = 0
    after = ""
    panes = ocr_cells.held_panes(page.rules)  # a screenshot's window round the page: its pane
    for k, (grid, ruled) in enumerate(grids):
        bottom = level.shape[0] if k == len(grids) - 1 else 0  # under the last table only
        pane = _pane(panes, grid)
        across = None if pane is None else (pane[0], pane[2])
        top = top if pane is None else max(top, pane[1])
        rows, above, after = ocr_strip.read_table(
            erased,
            erased_ink,
            grid,
            words,
            s.page_timeout_seconds,
            ocr_turned.settings(),
            top,
            bottom,
            across,
            _digits,
        )
        read.append(Page(rows, above, ruled=ruled))
        top = grid.ys[-1]
    return Page(read[0].rows, read[0].above, tuple(read[1:]), read[0].ruled, after, grids[-1][0].xs)


def _digits(line: np.ndarray) -> tuple[str, float | None]:
    """One line read as digits and stops only (a № cell's number, ocr_seqcell), with its confidence."""
    found = _tesseract(line, settings().page_timeout_seconds, 7, settings().language, _DIGITS)
    return "".join(w.text for w in found), float(np.mean([w.conf for w in found])) if found else None


_DIGITS = ("-c", "tessedit_char_whitelist=0123456789.")


def _pane(
    panes: Sequence[tuple[ocr_cells.Box4, ocr_cells.Box4]], grid: ocr_cells.Grid
) -> ocr_cells.Box4 | None:
    """The pane (`ocr_cells.held_panes`) of the table the grid stands in, None on a page with no frame."""
    for (x0, y0, x1, y1), pane in panes:
        if x0 - 5 <= grid.xs[0] and grid.xs[-1] <= x1 + 5 and y0 - 5 <= grid.ys[0] <= y1:
            return pane
    return None


MAX_TABLES = 6  # tables looked for on one page
MIN_REST = 10  # pixels left under a table: less, and no table is sought there (the picture's edge)
FEW_BANDS = 3  # bands of a rows-ruled reading that may be framed tables instead (see find_tables)


def find_tables(
    ink: np.ndarray, grey: np.ndarray | None = None, hint: Sequence[int] = (), rules: np.ndarray | None = None
) -> list[tuple[ocr_cells.Grid, bool]]:
    """The page's tables top to bottom: a ruled grid, or one ruled between its rows only (its
    columns from the gutters, ocr_gutters); then again below it. A summary table or a table of
    contents above the events table has columns of its own, and its grid stops where it ends:
    the events table under it is another table, not lost. Each grid with whether it is ruled.
    `hint`: the column lines of the table the page before ended with (for the page's first). A
    page with no rule at all may hold tables whose text lines up (ocr_textgrid), each kept. `rules`: `ink`
    with faint rules added (`ocr_page_image.with_faint_rules`), where a ruled grid is sought. Ruling
    that holds a ruled table (a window round a screenshot's page) is no table: the tables it
    holds are sought, and nothing outside them (`ocr_cells.held_boxes`)."""
    gutters = ocr_gutters.settings()
    grids: list[tuple[ocr_cells.Grid, bool]] = []
    top = 0
    held = ocr_cells.held_boxes(ink if rules is None else rules)
    if held:  # a frame round the tables (a screenshot's window): the tables it holds are sought
        ink = ocr_cells.within(ink, held)
        rules = None if rules is None else ocr_cells.within(rules, held)
    while len(grids) < MAX_TABLES and top < ink.shape[0] - MIN_REST:
        rest = ink[top:]
        ruled = ocr_cells.find_grid((ink if rules is None else rules)[top:])
        grid = ruled or ocr_gutters.find_grid(rest, gutters, () if grids else hint)
        # one band and too few columns for a table: a frame, a stroke of its text taken for a rule
        one_band = ruled is not None and len(ruled.ys) == 2 and len(ruled.xs) - 1 < gutters.columns_min
        # a few bands between rules across, without column rules: rows ruled apart, or tables each
        # drawn with a frame (or its top and bottom rules), one band a table
        few = ruled is None and grid is not None and len(grid.ys) - 1 <= FEW_BANDS
        if (grid is None or one_band or few) and grey is not None:  # rows from the № column's numbers
            above = grids[-1][0].xs if grids and not grids[-1][1] else ()
            timeout = settings().page_timeout_seconds
            framed = ocr_gutters.frame_grid(rest, grey[top:], gutters, words, timeout, above)
            # a framed table's rows inside the first band of the rows-ruled reading: the band was it
            inside = grid is not None and framed is not None and framed.ys[-1] <= grid.ys[1] + 10
            if framed is not None and (not few or (inside and len(framed.ys) > 2)):
                grid, ruled = framed, None
        if grid is None:
            break
        grids.append((replace(grid, ys=tuple(y + top for y in grid.ys)), ruled is not None))
        top = grids[-1][0].ys[-1] + 3  # under the table's bottom rule
    if not grids and grey is not None:  # no rule at all: a table whose text lines up, if any
        s = settings()
        textual = ocr_textgrid.text_grids(
            grey, effective_dpi(grey), words, s.page_timeout_seconds, s.phantom_ink_share_max, _digits, hint
        )
        grids.extend((grid, False) for grid in textual[:MAX_TABLES])
    return grids
