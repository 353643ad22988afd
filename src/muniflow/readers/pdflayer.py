"""A scanned PDF page read from the scanner's own text layer, on the ruling lines of its picture.

A page that one picture covers with nothing drawn (`pdfscanpage`) carries its table's rules only
in the picture; FineReader, a scanner's software, `tesseract … pdf` or ocrmypdf lay the words
they read under it, invisible. Such a page is rendered, the picture's grid found as OCR finds it
(`ocr.find_tables`, no Tesseract run), its lines turned into PDF points, and pdfplumber cuts the
text layer into the grid's cells (`explicit` lines, a merged cell's missing line left out): the
same tables the PDF reader finds on a drawn grid, read on by the same code (headings, tables
going on overleaf).

Only where that is safe (`text_layer` in contracts/ocr.yaml): the layer's words are words (its
share of dictionary words), the picture lies straight (its rules level: the layer's boxes stand
where the picture's letters do), a grid is found, and the layer's words stay inside its cells
(few cross a column line). Otherwise the page is read by OCR, as before (`intake.checked`).
"""

from __future__ import annotations

import re
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from muniflow.contracts import load_yaml
from muniflow.readers.pdfscanpage import render_command

if TYPE_CHECKING:  # OpenCV is loaded only where a scanned page is rendered
    from muniflow.readers.ocr_cells import Grid


@dataclass(frozen=True)
class LayerSettings:
    dictionary_share_min: float
    letters_min: int
    mark_share_max: float
    max_skew_degrees: float
    crossing_share_max: float
    crossing_reach_points: float
    rule_glyph_reach_points: float
    render_dpi: int
    seconds_max: float


def settings() -> LayerSettings:
    """contracts/ocr.yaml, `text_layer`."""
    return LayerSettings(**load_yaml("ocr.yaml", None, ("text_layer",))["text_layer"])


_LETTERS = re.compile(r"[^\W\d_]+")


def dictionary_share(words: Sequence[str], letters_min: int) -> float | None:
    """The share of the layer's letter words (a run of `letters_min` letters or more, punctuation
    around it aside) the dictionary knows; None with no such word (nothing to judge the layer by)."""
    from muniflow.readers.ocr_dictionary import dictionary_word

    runs = [run for word in words for run in _LETTERS.findall(word) if len(run) >= letters_min]
    if not runs:
        return None
    return sum(1 for run in runs if dictionary_word(run)) / len(runs)


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def mark_share(words: Sequence[str]) -> float | None:
    """The share of the layer's words holding no letter or digit («‘», «°.», «:»); None with no
    word. A scan sprinkled with specks has its scanner's OCR read each one as such a word."""
    if not words:
        return None
    return sum(1 for word in words if not _LETTER_OR_DIGIT.search(word)) / len(words)


def grid_lines(
    grid: Grid, size: tuple[int, int], page: tuple[float, float, float, float]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A grid found on the rendered page (pixels; `size` the image's width and height) as
    pdfplumber line objects on the page (`page`: its bbox in points): the vertical lines cut at
    each row band, one drawn only where the band's cells part there (a merged cell keeps no line
    inside it), and each rule across the table whole."""
    width, height = size
    x0, top, x1, bottom = page
    sx, sy = (x1 - x0) / width, (bottom - top) / height
    xs = [x0 + x * sx for x in grid.xs]
    ys = [top + y * sy for y in grid.ys]
    verticals = []
    for band, spans in enumerate(grid.spans):
        edges = {spans[0][0], *(last + 1 for _, last in spans)}
        for k in sorted(edges):
            verticals.append(_line(xs[k], xs[k], ys[band], ys[band + 1]))
    horizontals = [_line(xs[0], xs[-1], y, y) for y in ys]
    return verticals, horizontals


def _line(x0: float, x1: float, top: float, bottom: float) -> dict[str, Any]:
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
    }


def crossing_share(words: Sequence[dict[str, Any]], tables: Sequence[Any], reach: float) -> float:
    """The share of the layer's words inside the tables whose box runs over the side of the cell
    its middle is in by more than `reach` points: a word the picture shows in a cell, its box
    elsewhere (a layer shifted or scaled off the picture, a picture askew)."""
    cells = [cell for table in tables for cell in table.cells]
    inside = crossing = 0
    for word in words:
        cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        cell = next((c for c in cells if c[0] <= cx <= c[2] and c[1] <= cy <= c[3]), None)
        if cell is None:
            continue
        inside += 1
        crossing += word["x0"] < cell[0] - reach or word["x1"] > cell[2] + reach
    return crossing / inside if inside else 0.0


# Glyphs a scanner's OCR reads a ruling line as, standing alone on it («|», «_|», «[»); no digit
# or capital: a row's number or a Roman numeral may stand as near a line.
_RULE_GLYPHS = frozenset("|¦!l[]/\\_")


def rule_glyphs(words: Sequence[dict[str, Any]], lines: Sequence[dict[str, Any]], reach: float) -> list[Any]:
    """The layer's words that are a ruling line read as a letter («|», «l», «]», «_|»): one glyph
    or two whose box reaches a vertical line of the grid (within `reach` points, in its height)."""
    out = []
    for word in words:
        if len(word["text"]) > 2 or not set(word["text"]) <= _RULE_GLYPHS:
            continue
        if _on_line(word, lines, reach):
            out.append(word)
    return out


def _on_line(box: dict[str, Any], lines: Sequence[dict[str, Any]], reach: float) -> bool:
    """Whether a glyph's or word's box reaches a vertical line (within `reach`, in its height)."""
    cy = (box["top"] + box["bottom"]) / 2
    return any(
        box["x0"] - reach <= v["x0"] <= box["x1"] + reach and v["top"] <= cy <= v["bottom"] for v in lines
    )


# Of those, the ones a scanner's OCR also glues to the word beside the line («|г. Н»,
# «|20 июня»): no letter or digit of a word reads so.
_GLUED_RULE_GLYPHS = frozenset("|¦[]")


def glued_rule_glyphs(
    page: Any, words: Sequence[dict[str, Any]], lines: Sequence[dict[str, Any]], reach: float
) -> list[Any]:
    """The first or last glyph of a longer word that is a ruling line read as a letter and glued
    to the word («|г.»): a bar or bracket whose box reaches a vertical line of the grid."""
    out = []
    for word in words:
        if len(word["text"]) <= 2 or not ({word["text"][0], word["text"][-1]} & _GLUED_RULE_GLYPHS):
            continue
        chars = sorted(_chars_of(page, word), key=lambda c: c["x0"])
        for char in (chars[:1] + chars[-1:]) if chars else []:
            if char["text"] in _GLUED_RULE_GLYPHS and _on_line(char, lines, reach):
                out.append(char)
    return out


# A line opening with a number as an event's row does («3.», «12», «4)»), then a word.
_NUMBERED = re.compile(r"^\d{1,3}[.)]?$")


def numbered_lines(words: Sequence[dict[str, Any]]) -> bool:
    """Whether any line of the layer opens with a row's number followed by a word."""
    lines: dict[int, list[dict[str, Any]]] = {}
    for word in words:
        lines.setdefault(round(word["top"]), []).append(word)
    for line in lines.values():
        first, *rest = sorted(line, key=lambda w: w["x0"])
        if rest and _NUMBERED.match(first["text"]) and _LETTERS.match(rest[0]["text"]):
            return True
    return False


def render(path: Path, number: int, dpi: int, timeout: float) -> Any:
    """Page `number` of the PDF rendered grey at `dpi` (pdftoppm, as OCR renders); None where it
    cannot be (the page is then read by OCR, which says why)."""
    import cv2

    with tempfile.TemporaryDirectory(prefix="muniflow-layer-") as work:
        target = Path(work) / "page"
        try:
            subprocess.run(
                render_command(path, number, dpi, True, target),
                capture_output=True,
                timeout=timeout,
                check=True,
            )
        except (subprocess.SubprocessError, OSError):
            return None
        return cv2.imread(str(target.with_suffix(".pgm")), cv2.IMREAD_GRAYSCALE)


@dataclass(frozen=True)
class LayerPage:
    """A scanned page's tables cut from its text layer, and the page without the glyphs that
    were its ruling lines read as letters."""

    tables: list[Any]
    page: Any


def out_of_time(started: float) -> bool:
    """Whether a file whose reading began at `started` (time.monotonic()) has read for `seconds_max`:
    its pages are then read on in a worker timed per page, before the limit of a worker reading
    a text document would end it."""
    return time.monotonic() - started > settings().seconds_max


def read_layer(path: Path, page: Any, after_table: bool = False) -> tuple[LayerPage | None, str]:
    """The page's tables from its text layer on its picture's grid, or None with why it is left
    to OCR (see the module's doc); no table on a page of text with no grid in its picture, unless
    a table was read on a page before (`after_table`) and this one holds numbered lines. A file
    with no table read at all goes to OCR (`intake.checked`): its table may be drawn without rules."""
    from muniflow.readers import ocr, ocr_cells

    s = settings()
    words = page.extract_words(x_tolerance=1.5, y_tolerance=2)
    share = dictionary_share([w["text"] for w in words], s.letters_min)
    if share is None or share < s.dictionary_share_min:
        return None, f"its text layer reads as few dictionary words ({share or 0:.0%})"
    marks = mark_share([w["text"] for w in words])
    if marks is not None and marks > s.mark_share_max:
        return None, f"its text layer reads specks as marks ({marks:.0%} of its words)"
    if not all(w["upright"] for w in words) or page.rotation % 360:
        return None, "its text layer is turned"
    settings_ocr = ocr.settings()
    grey = render(path, page.page_number, s.render_dpi, settings_ocr.page_timeout_seconds)
    if grey is None:
        return None, "it could not be rendered"
    flat = ocr_cells.flatten(grey)
    angle = ocr_cells.skew_angle(flat, settings_ocr.max_skew_degrees)
    if abs(angle) > s.max_skew_degrees:
        return None, f"its picture lies askew ({angle:.1f}°)"
    ink = ocr_cells.binarize(flat)
    width = round(settings_ocr.faint_rule_width_per_100dpi * ocr.effective_dpi(flat) / 100)
    rules = ocr_cells.with_faint_rules(flat, ink, settings_ocr.faint_rule_contrast, width)
    grids = ocr.find_tables(ink, None, (), rules)
    if not grids:
        # a page of text (a covering letter, a signature page) is read as text; one holding numbered
        # lines after a table may be that table going on with its rules too faint to find: OCR
        if after_table and numbered_lines(words):
            return None, "no ruled table was found in its picture, and it holds numbered lines"
        return LayerPage([], page), ""
    size = (grey.shape[1], grey.shape[0])
    lines = [grid_lines(grid, size, page.bbox) for grid, _ in grids]
    verticals = [v for vs, _ in lines for v in vs]
    tables = [
        table
        for vs, hs in lines
        for table in page.find_tables(
            {
                "vertical_strategy": "explicit",
                "horizontal_strategy": "explicit",
                "explicit_vertical_lines": vs,
                "explicit_horizontal_lines": hs,
            }
        )
    ]
    if not tables:
        return None, "no table was cut from its grid"
    # out of the layer: its ruling lines read as letters, and its spaces inside the tables (a cell's
    # lines are rebuilt from the glyphs' gaps, as a typed PDF's are; a space the layer writes after a
    # line's last word would hide a word cut at a hyphen there)
    glyphs = {
        id(c) for w in rule_glyphs(words, verticals, s.rule_glyph_reach_points) for c in _chars_of(page, w)
    }
    glyphs.update(id(c) for c in glued_rule_glyphs(page, words, verticals, s.rule_glyph_reach_points))
    boxes = [table.bbox for table in tables]
    glyphs.update(id(c) for c in page.chars if c["text"].isspace() and _inside(c, boxes))
    kept = page.filter(lambda obj: id(obj) not in glyphs)
    crossing = crossing_share(
        kept.extract_words(x_tolerance=1.5, y_tolerance=2), tables, s.crossing_reach_points
    )
    if crossing > s.crossing_share_max:
        return None, f"its text layer's words cross the picture's column lines ({crossing:.0%})"
    return LayerPage(sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0])), kept), ""


def _inside(obj: dict[str, Any], boxes: Sequence[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


def _chars_of(page: Any, word: dict[str, Any]) -> list[Any]:
    return [
        c
        for c in page.chars
        if c["x0"] >= word["x0"] - 0.01
        and c["x1"] <= word["x1"] + 0.01
        and c["top"] >= word["top"] - 0.01
        and c["bottom"] <= word["bottom"] + 0.01
    ]
