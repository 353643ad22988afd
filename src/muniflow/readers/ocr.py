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
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from muniflow.contracts import load_yaml
from muniflow.interpret.municipality import municipality_name
from muniflow.interpret.nil import nil_letter
from muniflow.model import RawDocument, RawRow, RawTable, ReaderError
from muniflow.morph import analyzer
from muniflow.normalize.dates import parse_dates
from muniflow.normalize.text import seq_number
from muniflow.readers import (
    heif,
    ocr_cells,
    ocr_columns,
    ocr_fringe,
    ocr_gutters,
    ocr_ink,
    ocr_latin,
    ocr_numbers,
    ocr_orient,
    ocr_photo,
    ocr_rowhead,
    ocr_seqcell,
    ocr_specks,
    ocr_strip,
    ocr_textgrid,
    ocr_turned,
    ocr_words,
)
from muniflow.readers.headerwords import is_header_like
from muniflow.readers.ocr_cells import CellText, Word
from muniflow.readers.pdfscanpage import render_command
from muniflow.readers.wordjoin import is_russian_word, rejoin_lines

A4_SHORT_INCHES = 8.27
INSTALL_HINT = (
    "install Tesseract with Russian (`apt-get install tesseract-ocr tesseract-ocr-rus`, or `make tesseract`)"
)


@dataclass(frozen=True)
class OcrSettings:
    language: str
    cell_confidence_min: float
    min_dpi: float
    letter_px_min: float
    letter_px_target: float
    page_ratio_tolerance: float
    page_timeout_seconds: float
    max_skew_degrees: float
    render_dpi: int
    memory_mb: int
    scan_image_share: float
    docx_picture_min_inches: float
    unreadable_text_share: float
    unknown_word_share: float
    outlined_page_min_shapes: int
    cyrillic_min_share: float
    shifted_word_share: float
    outline_share: float
    outline_reach_per_100dpi: float
    repeated_header_similarity: float
    phantom_ink_share_max: float
    orientation_confidence_min: float
    faint_rule_contrast: float
    faint_rule_width_per_100dpi: float
    latin_language: str
    latin_confidence_margin: float
    latin_confidence_min: float


def settings(path: Path | None = None) -> OcrSettings:
    """contracts/ocr.yaml (through the one contract loader, parsed once)."""
    return OcrSettings(**load_yaml("ocr.yaml", path, ("ocr",))["ocr"])


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
        flat = ocr_cells.flatten(grey)
    else:
        flat = ocr_ink.grey_page(sheet, s.max_skew_degrees)
    level = ocr_cells.deskew(
        ocr_cells.rectify(flat, s.outline_share, s.outline_reach_per_100dpi), s.max_skew_degrees
    )
    level = ocr_specks.without_specks(level, effective_dpi(level))
    ink = ocr_cells.binarize(level)
    width = round(s.faint_rule_width_per_100dpi * effective_dpi(level) / 100)
    return Prepared(level, ink, ocr_cells.with_faint_rules(level, ink, s.faint_rule_contrast, width))


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
    erased_ink = ocr_cells.binarize(erased)
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
    with faint rules added (`ocr_cells.with_faint_rules`), where a ruled grid is sought. Ruling
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


def letter_height(image: np.ndarray) -> float | None:
    """The median height (pixels) of the picture's letter-sized ink: its connected pieces of ink no
    wider than twice their height and no taller than a twentieth of the picture (ruling lines,
    frames and fills are longer), whichever of dark and light is the ink (the rarer: light text
    on a dark page too). None where too few are found (a blank picture, a drawing)."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if np.count_nonzero(ink) > ink.size / 2:
        ink = cv2.bitwise_not(ink)
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights, widths = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH]
    letters = heights[(heights >= 3) & (heights <= grey.shape[0] / 20) & (widths <= 2 * heights)]
    return float(np.median(letters)) if letters.size >= MIN_LETTERS else None


MIN_LETTERS = 50  # letter-sized pieces of ink needed to judge a picture by its text


def legible(image: np.ndarray) -> np.ndarray:
    """The picture ready to read. One as large as an A4 page at `min_dpi` is read as it is; a
    smaller one (a screenshot, a crop of a page: no A4 page, whatever its width says) is judged by
    its letters: refused (ReaderError `low_resolution`) when they are too few pixels high to read
    (`letter_px_min`), else scaled up to `min_dpi` as an A4 page, and its letters to
    `letter_px_target` at least (a screenshot's crisp 9 px letters read well larger). A small
    picture with no letters found is refused as a coarse scan."""
    s = settings()
    dpi = effective_dpi(image)
    if dpi >= s.min_dpi * 0.95:
        return image
    height = letter_height(image)
    if height is None:
        raise ReaderError(
            "low_resolution",
            f"the scan is about {dpi:.0f} dpi, too coarse to read reliably (at least "
            f"{s.min_dpi:g}); {_advice(image)}",
        )
    if height < s.letter_px_min:
        raise ReaderError(
            "low_resolution",
            f"the picture's letters are about {height:.0f} px high, too small to read reliably (at "
            f"least {s.letter_px_min:g}); {_advice(image)}",
        )
    scale = max(s.min_dpi / dpi, s.letter_px_target / height)
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)


A4_RATIO = 297 / 210


def _advice(image: np.ndarray) -> str:
    """What to send instead: a page (A4's proportions) is scanned again; a screenshot or a crop is
    no scan, and its report is sent as its file or shot again zoomed in."""
    h, w = image.shape[:2]
    ratio = max(h, w) / max(1, min(h, w))
    if abs(ratio - A4_RATIO) <= settings().page_ratio_tolerance * A4_RATIO:
        return "scan the report again at 200-300 dpi and send it"
    return (
        "send the report's own file (.docx, .pdf), or a screenshot taken zoomed in so that its "
        "letters are larger"
    )


def effective_dpi(gray: np.ndarray) -> float:
    """Pixels per inch if the image is an A4 page (the short side), whatever its metadata says."""
    return min(gray.shape[:2]) / A4_SHORT_INCHES


def image_pages(path: Path) -> Iterator[np.ndarray]:
    """The pages of a JPEG, PNG, (multi-page) TIFF or HEIC photo, in grey or colour (BGR) as stored:
    colour tells stamp ink from text (ocr_ink)."""
    if heif.is_heif(path):
        yield from heif.heif_pages(path)
        return
    ok, images = cv2.imreadmulti(str(path), flags=cv2.IMREAD_ANYCOLOR)
    if not ok or not images:
        single = cv2.imread(str(path), cv2.IMREAD_ANYCOLOR)
        if single is None:
            raise ReaderError(
                "corrupt_file", "the picture cannot be decoded; take or save it again and re-send"
            )
        images = [single]
    yield from images


def render_dpi(picture_dpi: float | None) -> int:
    """The resolution a scanned PDF page is rendered at: its picture's own resolution, so the scan's
    pixels are read as they are (rendering a 200 dpi picture at 300 dpi smears its letters and
    JPEG blocks), never above the contract's `render_dpi`; that, for a page with no picture."""
    ceiling = settings().render_dpi
    return ceiling if picture_dpi is None else max(72, min(ceiling, round(picture_dpi)))


def pdf_pages(
    path: Path, dpis: Sequence[float | None], timeout: float, greys: Sequence[bool] = ()
) -> Iterator[np.ndarray]:
    """Each page of a PDF rendered, one pdftoppm run per page; `dpis` holds each page's picture
    resolution (None: no picture), see `render_dpi`; `greys` says which pages hold only grey pictures.

    Pages come out as uncompressed PNM, not PNG: compressing a noisy 300 dpi scan took pdftoppm
    ~17 s of CPU a page (rendering it, 0.3 s). A page of grey pictures is rendered grey (OCR reads
    grey), any other in colour (BGR), so a colour stamp still reaches `ocr_ink`. A render that
    overruns `timeout` is a `timeout` of this run (the machine busy), never the file's fault.
    """
    with tempfile.TemporaryDirectory(prefix="muniflow-render-") as work:
        for number, picture_dpi in enumerate(dpis, start=1):
            grey = number <= len(greys) and greys[number - 1]
            target = Path(work) / f"p{number}"
            try:
                subprocess.run(
                    render_command(path, number, render_dpi(picture_dpi), grey, target),
                    capture_output=True,
                    timeout=timeout,
                    check=True,
                )
            except subprocess.TimeoutExpired as exc:
                raise ReaderError(
                    "timeout",
                    f"rendering page {number} of the scan took over {timeout:g} s and was stopped; "
                    "the machine was likely busy: run the ingest again",
                ) from exc
            except subprocess.CalledProcessError as exc:
                raise ReaderError(
                    "corrupt_file", f"page {number} of the scan could not be rendered ({exc})"
                ) from exc
            image = cv2.imread(str(target.with_suffix(".pgm" if grey else ".ppm")), cv2.IMREAD_ANYCOLOR)
            if image is None:
                raise ReaderError("corrupt_file", f"page {number} of the scan could not be rendered")
            yield image


# Roman numerals as OCR reads them in Russian text: "II" as Cyrillic "П", "III" as "Ш", "I" as "l";
# a lone "П" or "Ш" before a word is no Russian word, and digits alone are left as they are.
_ROMAN_READ = {"П": "II", "Ш": "III", "ПI": "III", "IП": "III", "1V": "IV", "lV": "IV"}
_ROMAN = re.compile(r"(?<![\w.,])(?:П|Ш|ПI|IП|1V|lV|[lI1]*[lI][lI1]*)(?![\w.,])(?=\s+[А-ЯЁа-яё])")


# The abbreviations before a settlement's name (г. город, д. деревня, с. село, п. посёлок) read as
# capitals (Tesseract's `rus` tells г from Г by size only): lower case when the next word is a
# place name in the dictionary and not a first name or surname (an initial: "П. Иванов").
_SETTLEMENT = re.compile(r"(?<![\w.])([ГДСП])\.(?=\s*([А-ЯЁ][а-яё-]+))")


def _lower_settlement(match: re.Match[str]) -> str:
    tags = [p.tag for p in analyzer().parse(match.group(2))]
    place = any("Geox" in t for t in tags) and not any(
        {"Surn", "Name", "Patr"} & set(t.grammemes) for t in tags
    )
    return f"{match.group(1).lower()}." if place else match.group()


# A word's last letter й wrapped alone onto the next line of a narrow cell, read as a capital И or
# Й: after a lower-case word with no stop, a capital conjunction cannot stand, so it is the й when
# the word with й is in the dictionary ("Лесно\nИ" -> "Лесной").
_WRAPPED_SHORT_I = re.compile(r"(?<![А-ЯЁа-яё])([А-ЯЁа-яё]*[а-яё])\n[ИЙ](?=[\s,.;:)]|$)")


def _wrapped_short_i(match: re.Match[str]) -> str:
    word = match.group(1)
    return f"{word}\nй" if is_russian_word(f"{word}й") else match.group()


# A cell that is only a short number (the № column) read with Cyrillic or Latin look-alikes.
_DIGIT_LOOKALIKES = str.maketrans("ЗзОоOбlI|", "300006111")
_SHORT_NUMBER = re.compile(r"[0-9ЗзОоOбlI|]{1,3}\.?")


def clean(text: str) -> str:
    """OCR's usual slips in Russian text: marks read from a scan's specks, odd dashes and quotes,
    look-alikes in Roman numerals and in a lone number, words cut at line ends, a speck read as a
    period at a line's end."""
    if _SHORT_NUMBER.fullmatch(text.strip()):
        return text.strip().translate(_DIGIT_LOOKALIKES)
    text = re.sub(r"[‐‑‒—―]", "–", ocr_words.speck_marks(text))
    text = ocr_words.date_range(ocr_words.punctuation(text.replace("...", "…")))
    text = ocr_words.abbreviation_phrases(text)
    text = ocr_words.stray_periods(text)
    text = ocr_words.lower_misread_capitals(ocr_words.roman_numerals(text))
    text = ocr_words.city_abbreviation(ocr_words.wrapped_capitals(text))
    text = ocr_words.join_split_words(_SETTLEMENT.sub(_lower_settlement, text))
    text = text.replace("„", "«").replace("“", "»").replace("”", "»")
    text = _ROMAN.sub(
        lambda m: _ROMAN_READ.get(m.group(), m.group().replace("l", "I").replace("1", "I")), text
    )
    # numerals again once cut words are whole: «ХХУ Международн\nой» needs the adjective whole;
    # confused letters only in whole words: a piece of a word cut at a line end is no word either
    whole = rejoin_lines(_WRAPPED_SHORT_I.sub(_wrapped_short_i, text))
    return ocr_words.roman_numerals(ocr_words.confused_letters(ocr_words.lost_breves(whole)))


@dataclass
class _Table:
    """One table as it is gathered across pages: its header, its rows with their places, the text
    above it (after the title), the pages it spans."""

    header: list[CellText]
    rows: list[tuple[list[CellText], str]]
    caption: str
    first: int
    last: int
    headers: list[str] = field(default_factory=list)  # its header's text and header-like rows'


def to_document(
    source: str, format: str, pages: list[Page]
) -> tuple[RawDocument, tuple[tuple[str, tuple[float | None, ...]], ...]]:
    """One report from its pages: the title above the first table; each table's rows across pages
    (header repeated on later pages dropped, a row cut by a page break glued back). A page's first
    table continues the table before it when it has as many columns; a table further down a page,
    or one with another number of columns, is a table of its own with the text above it as its
    caption (a summary or a table of contents above the events table, as in a DOCX). Columns found
    from the gutters may be fewer on one page than on the next, so such a page's first table goes
    on with the table before it whatever its count. Pages with no table at all are a letter: a nil
    report (`interpret.nil.nil_letter`) is its text with no table, else refused with its text."""
    title = clean(pages[0].above) if pages else ""
    limit = settings().repeated_header_similarity
    tables: list[_Table] = []
    overleaf = ""  # the text under the last table of the page before
    for number, page in enumerate(pages, start=1):
        for k, part in enumerate(page.tables()):
            current = tables[-1] if tables else None
            body = _without_empty_columns(part.rows, len(current.header) if current else None)
            heading = None  # a municipality's heading above this part's rows going on the table before
            place = f"page {number}, row" if k == 0 else f"page {number}, table {k + 1}, row"
            other_columns = part.ruled and len(body[0]) != len(current.header) if current else True
            if current is None or k > 0 or other_columns:
                caption = clean(part.above) if current is not None else ""
                current = _Table(body[0], [], caption, number, number, [_wordy(body[0])])
                tables.append(current)
                body = body[1:]
            else:
                heading = _heading_above(f"{overleaf}\n{part.above}", len(current.header))
                rest = ocr_rowhead.under_header(body[0], current.header, limit)
                if rest is not None and any((c.text or "").strip() for c in rest):
                    body = [rest, *body[1:]]  # the header repeated over a cut row's rest, one row read
                elif rest is not None or _same_row(body[0], current.header):
                    body = body[1:]
            current.last = number
            # before a page's first row is glued to the row a page break cut: a repeat of the header
            kept = [
                (i, row) for i, row in enumerate(body) if not _repeated_header(row, current.headers, limit)
            ]
            # a municipality's heading above the rows going on, unless the first goes on the row the
            # page break cut (then the line is a running header or a letterhead, no heading)
            if heading is not None and not (kept and current.rows and _continues(kept[0][1])):
                current.rows.append((heading, f"page {number}, above the table"))
            for k, (index, row) in enumerate(kept):
                if k == 0 and current.rows and _continues(row):
                    current.rows[-1] = (_glue(current.rows[-1][0], row), current.rows[-1][1])
                else:
                    current.rows.append((row, f"{place} {index + 1}"))
        overleaf = page.after if page.tables() else ""
    if not tables:
        # a letter as a picture: its OCR'd text, read as a text reader reads a letter with no table
        text = "\n".join(clean(page.above) for page in pages if page.above.strip())
        letter = RawDocument(source, format, text, (), pages=len(pages))
        if nil_letter(letter) is not None:  # a nil report: no events held
            return letter, ()
        raise ReaderError(
            "no_table_found",
            "no ruled table was found on the scanned pages (OCR reads tables by their ruling lines, "
            "or by the rules between their rows or their frame); ask for the report as .docx or a "
            "text PDF, or scan it again whole and straight at 200-300 dpi",
            text,  # its title still says whose report it is and for when
            format,
        )
    built = [_raw_table(t) for t in tables]
    document = RawDocument(source, format, title, tuple(raw for raw, _ in built), pages=len(pages))
    return document, tuple(c for _, confidence in built for c in confidence)


def _without_empty_columns(rows: list[list[CellText]], width: int | None) -> list[list[CellText]]:
    """A part's rows without the columns no row (its header included) writes in of its own: a
    stroke beside the table (a punched hole's shadow, the scanner's dark edge) taken for a column
    line makes one, and so does a gap between a column's lines that start at two places (an
    unruled table read by where its words stand): there a row's text starts the column and spans
    the next, and goes to the next. Left as they are where the part goes on a table (`width`: its
    columns) as wide as it is: a column may be blank in the few rows a page holds."""
    columns = max((len(r) for r in rows), default=0)
    empty = {j for j in range(columns) if all(_none_of_its_own(r, j) for r in rows)}
    if not empty or len(empty) == columns or width == columns:
        return rows
    if width is not None and columns - len(empty) != width:
        return rows
    out = []
    for row in rows:
        kept: list[CellText] = []
        carried: CellText | None = None  # a dropped column's text spanning the next
        for j, cell in enumerate(row):
            if j in empty:
                carried = cell if (cell.text or "").strip() else carried
                continue
            kept.append(carried if carried is not None and cell.text is None else cell)
            carried = None
        out.append(kept)
    return out


def _none_of_its_own(row: list[CellText], j: int) -> bool:
    """Whether column j of a row holds no text of its own: blank, covered by a cell to its left, or
    the start of a cell spanning the next column (its text that one's)."""
    if j >= len(row) or not (row[j].text or "").strip():
        return True
    return j + 1 < len(row) and row[j + 1].text is None


# A line of words (a page number, «- 2 -», holds none).
_WORDS = re.compile(r"[^\W\d_]{2,}")


def _heading_above(above: str, width: int) -> list[CellText] | None:
    """The text between a table at a page's end and its going on overleaf (under the one, above
    the other) as a heading row across it: a heading between two municipalities' parts of one
    table (each section a table of its own, the same columns), which the rows under it belong
    to: the last line there that names a municipality; None where none does."""
    lines = [
        ocr_fringe.without_fringe(line.strip()) for line in clean(above).split("\n") if _WORDS.search(line)
    ]
    named = [line for line in lines if municipality_name(line) is not None]
    if not named:
        return None  # a running footer or header, a page's title: no heading
    return [CellText(named[-1], None), *[CellText(None, None)] * (width - 1)]


def _across(cells: list[str | None], seq: int) -> bool:
    """Whether a row is one cell merged across the table (every cell but the № column's None)."""
    others = [c for i, c in enumerate(cells) if i != seq]
    return bool(others) and cells[seq] is not None and all(c is None for c in others)


def _raw_table(table: _Table) -> tuple[RawTable, tuple[tuple[str, tuple[float | None, ...]], ...]]:
    """A gathered table's cells cleaned, column numbers and the № column put right, a heading
    across the table read without the OCR fringe round its municipality's name (ocr_fringe)."""
    header, rows = table.header, table.rows
    width = len(header)
    texts = [[_text(c) for c in _fit(r, width)] for r, _ in rows]
    texts = [ocr_numbers.column_numbers(t) or t for t in texts]
    labels = [clean(c.text or "") for c in header]
    seq = ocr_numbers.number_column(labels)
    if seq is None:  # «№» or «N» read as another letter («М»): a short label over the rows' numbers
        limits = ocr_seqcell.settings()
        seq = ocr_numbers.numbered_column(labels, texts, limits.label_max, limits.numbered_share_min)
        if seq is not None:
            labels[seq] = "№"
    if seq is not None:
        # a row merged across the table (a heading whose text stands in the № column) is no row
        # of the sequence: its text is never taken for a misread number
        column = [None if _across(t, seq) else t[seq] for t in texts]
        for cells in texts:  # a heading's OCR fringe round its municipality's name
            heading = cells[seq]
            if heading and _across(cells, seq):
                cells[seq] = ocr_fringe.without_fringe(heading)
        for cells, fixed, read in zip(texts, ocr_numbers.repair_sequence(column), column, strict=True):
            if read is not None:
                cells[seq] = fixed
    raw_rows = tuple(RawRow(tuple(t), loc) for t, (_, loc) in zip(texts, rows, strict=True))
    confidence = tuple((loc, tuple(c.conf for c in _fit(r, width))) for r, loc in rows)
    locator = f"pages {table.first}-{table.last}"
    return RawTable(tuple(labels), raw_rows, locator, table.caption), confidence


def _repeated_header(row: list[CellText], seen: list[str], limit: float) -> bool:
    """Whether a row is a header repeated inside the table (a page's or a section's): its cells
    other than a number read like the table's first row's or an earlier header-like row's (header
    words in most cells: `seen`, which a header-like row is added to), by at least `limit`, and it
    has no number or reads as a header itself (its № misread as a number: «№» read «2,»). OCR reads
    each repeat a little differently, so it is no exact repeat; an event's row has its number and
    its own text, and is never compared with another event's."""
    cells = [clean(c.text or "") for c in row]
    words = [c for c in cells if c.strip() and seq_number(c) is None]
    if len(words) < 2:
        return False
    text = _wordy(row)
    numbered = len(words) < sum(1 for c in cells if c.strip())
    # a header names its columns and dates no day: a row with a day's date is an event's, though
    # its cells carry header words («3 сентября 2025 года», «Представители … делегация»)
    header_like = is_header_like(words) and not any(parse_dates(c, None).start for c in words)
    if (not numbered or header_like) and any(_repeats(text, s, limit) for s in seen):
        return True
    if header_like:
        seen.append(text)
    return False


def _repeats(text: str, seen: str, limit: float) -> bool:
    """Whether a row's text reads like a header row seen before, whole or its beginning: a header
    repeated on a later page may be drawn cut short (the writer clips a repeated header's merged
    cells to one line: «… | мероприятия (общее» for «… | мероприятия (общее количество, …)»)."""
    if SequenceMatcher(None, text, seen).ratio() >= limit:
        return True
    return len(text) < len(seen) and SequenceMatcher(None, text, seen[: len(text)]).ratio() >= limit


def _wordy(row: list[CellText]) -> str:
    """A row's text with number cells left out, whitespace folded, for comparing rows."""
    cells = [clean(c.text or "") for c in row]
    return " | ".join(" ".join(c.split()) for c in cells if c.strip() and seq_number(c) is None)


def _text(cell: CellText) -> str | None:
    return None if cell.text is None else clean(cell.text)


def _fit(row: list[CellText], width: int) -> list[CellText]:
    return (row + [CellText("", None)] * width)[:width]


def _same_row(a: list[CellText], b: list[CellText]) -> bool:
    left = " ".join(c.text or "" for c in a)
    right = " ".join(c.text or "" for c in b)
    return SequenceMatcher(None, left, right).ratio() > 0.8


def _continues(row: list[CellText]) -> bool:
    """A row cut by a page break goes on with an empty № cell and text in another; so does one
    whose № cell holds marks only (a speck read as «:») where its first text goes on a sentence
    (opens in lower case or with a closing quote): a new row's № misread so opens with a capital."""
    if not row or not any((c.text or "").strip() for c in row[1:]):
        return False
    number = (row[0].text or "").strip()
    if not number:
        return True
    first = next((c.text or "" for c in row[1:] if (c.text or "").strip()), "").lstrip()
    return not _LETTER_OR_DIGIT.search(number) and bool(_GOES_ON.match(first))


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_GOES_ON = re.compile(r"[а-яё»)]")


def _glue(upper: list[CellText], lower: list[CellText]) -> list[CellText]:
    out = []
    for up, down in zip(upper, lower, strict=False):
        if not (down.text or "").strip():
            out.append(up)
        elif up.text is None or not up.text.strip():
            out.append(down)
        else:
            confs = [c for c in (up.conf, down.conf) if c is not None]
            out.append(CellText(f"{up.text}\n{down.text}", float(np.mean(confs)) if confs else None))
    return out
