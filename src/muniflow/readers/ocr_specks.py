"""Toner specks and dust taken off a scanned page before its table is read.

A dirty copier glass, a fax or an old photocopy sprinkles the page with isolated dots as small as a
full stop. Tesseract reads each one that falls in a text line's band as a mark («‘», «°», «^», «.»),
so a cell reads «Рабочая встреча с.°. ° : представителями», a heading gains a stray letter and a
date a tick before it. A full stop, a colon's dots, a comma or the dot over «ё» always stands close
to a letter; a speck stands apart. So a piece of ink no larger than `size_max_per_100dpi` with no
other ink within `reach_per_100dpi` (a ruling line or the table's grid does not count: dust lies
along cell borders too) is turned to paper, unless ink stands beside it on its own level a little
farther (the full stop of «г.» or «т.», the letter's foot far from it); a kept piece lends its
reach to the next (the dots of an ellipsis). Thresholds in contracts/ocr.yaml (`specks:`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from muniflow.contracts import load_yaml
from muniflow.readers import ocr_page_image

Image = np.ndarray
CHAIN_STEPS = 3  # kept specks lend their reach this many times (an ellipsis: three dots)


@dataclass(frozen=True)
class SpeckSettings:
    size_max_per_100dpi: float  # a speck's width and height are at most this (px per 100 dpi)
    reach_per_100dpi: float  # and no other ink stands within this (px per 100 dpi)
    line_reach_per_100dpi: float  # nor, on its own level (within line_band_per_100dpi up or down),
    line_band_per_100dpi: float  # this far beside it: the full stop of «г.», far from the stem's foot
    line_min_per_100dpi: float  # ink this long (px per 100 dpi) that fills its box sparsely is a
    line_fill_max: float  # ruling or a grid (under this share of its box inked): no speck's neighbour


def settings(path: Path | None = None) -> SpeckSettings:
    """contracts/ocr.yaml's `specks:` section."""
    return SpeckSettings(**load_yaml("ocr.yaml", path, ("specks",))["specks"])


def without_specks(grey: Image, dpi: float, s: SpeckSettings | None = None) -> Image:
    """The grey page (light evened) with its isolated specks turned to paper; the page itself when
    it has none."""
    s = s or settings()
    ink = ocr_page_image.binarize(grey)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count < 2:
        return grey
    size_max = max(1, round(s.size_max_per_100dpi * dpi / 100))
    reach = max(1, round(s.reach_per_100dpi * dpi / 100))
    small = (stats[:, cv2.CC_STAT_WIDTH] <= size_max) & (stats[:, cv2.CC_STAT_HEIGHT] <= size_max)
    small[0] = False  # the paper
    if not small.any():
        return grey
    speck = small[labels]
    # what a speck may stand by: a letter, a word, never a ruling line or a table's grid (long and
    # thin, or a frame whose box its strokes fill sparsely): dust by a cell's border is still dust
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    sparse = stats[:, cv2.CC_STAT_AREA] < s.line_fill_max * w * h
    line = sparse & (np.maximum(w, h) > s.line_min_per_100dpi * dpi / 100)
    line[0] = True
    along = max(reach, round(s.line_reach_per_100dpi * dpi / 100))
    anchor = ~(small | line)[labels] | _letters_on_rules(ink, labels, line, along, size_max, dpi)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * reach + 1, 2 * reach + 1))
    level = max(1, round(s.line_band_per_100dpi * dpi / 100))
    beside = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * along + 1, 2 * level + 1))
    kept = np.zeros(count, bool)
    for _ in range(CHAIN_STEPS):
        seed = anchor.astype(np.uint8)
        near = (cv2.dilate(seed, kernel) > 0) | (cv2.dilate(seed, beside) > 0)
        now = np.zeros(count, bool)
        now[np.unique(labels[speck & near])] = True
        now &= small
        if not (now & ~kept).any():
            break
        kept |= now
        anchor = anchor | kept[labels]
    gone = small & ~kept
    if not gone.any():
        return grey
    # with its grey fringe (lighter than the threshold, yet a dot Tesseract still sees on white)
    fringe = cv2.dilate(gone[labels].astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    out = grey.copy()
    out[fringe & ~anchor] = 255
    return out


def _letters_on_rules(
    ink: Image, labels: np.ndarray, line: np.ndarray, along: int, size_max: int, dpi: float
) -> np.ndarray:
    """The letters that touch a ruling line (a cell's last line sitting on its bottom rule, a
    descender on it), one piece of ink with the grid, which is never a speck's neighbour: what is
    left of the grid's pieces without their straight runs (longer than twice `along`: no letter's
    stroke) and those runs' fringe (a scan's ragged rule edge), where a piece of it is wider and
    taller than a speck (a letter's body; a rule's burr, a speck on the rule or its corner are
    thinner or smaller). True where such a letter's ink is."""
    on_grid = line[labels] & (labels > 0)
    if not on_grid.any():
        return on_grid
    run = 2 * along + 1
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, run)))
    fringe = 2 * max(1, round(dpi / 100)) + 1
    straight = cv2.dilate(cv2.bitwise_or(across, down), np.ones((fringe, fringe), np.uint8)) > 0
    rest = (on_grid & ~straight).astype(np.uint8)
    _, pieces, stats, _ = cv2.connectedComponentsWithStats(rest, connectivity=8)
    letter = (stats[:, cv2.CC_STAT_WIDTH] > size_max) & (stats[:, cv2.CC_STAT_HEIGHT] > size_max)
    letter[0] = False
    return np.asarray(letter[pieces])
