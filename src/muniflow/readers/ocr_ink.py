"""Stamps and signatures taken off a scanned page before its table is sought and read.

A signed report carries a round stamp and a signature, often over the table's last rows. Printed
text is black; stamp and pen ink are coloured (blue, violet) and, scanned in grey, lighter than
the text. Two general steps, their thresholds in contracts/ocr.yaml (`ink:`):

- a colour scan: after a white balance on the paper, coloured ink (tinted: the spread of a
  pixel's red, green and blue large for its darkness) becomes paper when the page becomes grey,
  or, where even its lightest channel is dark (black text under a stamp), that channel;
- a grey page whose text is dark: mid-grey ink (lighter than the text's own dark by a margin) is
  turned to paper unless it joins dark ink within a short reach, which keeps a glyph's grey,
  anti-aliased edges and thin strokes and takes a stamp's rings and letters and a pen stroke.

Pages without such ink come out as the light-evened grey page `ocr_page_image.flatten` gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from muniflow.contracts import load_yaml
from muniflow.readers import ocr_page_image
from muniflow.readers.ocr_images import A4_SHORT_INCHES

Image = np.ndarray


@dataclass(frozen=True)
class InkSettings:
    tint_start: float  # tint (chroma over darkness, see `tint`) where coloured ink starts to go
    tint_full: float  # tint at and above which a pixel is paper
    darkness_floor: float  # darkness (0-255) under which a pixel's tint is taken over this instead
    lightest_paper_min: int  # coloured ink whose lightest channel is this light becomes paper
    paper_percentile: float  # a channel's brightness at this percentile is its paper (white balance)
    ink_max: int  # grey level (0-255, light evened) under which a pixel is ink (for the text's dark)
    paper_min: int  # grey level from which a pixel is paper: lighter ink is left as it is
    text_percentile: float  # the text's dark: this percentile of the ink pixels
    text_dark_max: int  # a page whose text's dark is lighter than this is left as it is
    dark_margin: int  # ink darker than the text's dark plus this margin is text (or a ruling line)
    reach_per_100dpi: float  # how far (pixels per 100 dpi) grey ink may run from dark ink and stay
    stroke_min_per_100dpi: float  # a grey piece out of that reach this long (pixels per 100 dpi) goes
    ruling_min_share: float  # a straight run this share of the page's long side is a ruling line
    border_min_share: float  # a shorter straight run from one ruling line to another is a cell's border
    dark_fill_max: int  # background grey under which a region is a dark fill
    dark_fill_window: float  # the window the background is the median over (share of the short side)
    dark_fill_contrast: int  # ink this much lighter than the fill is light text on it


def settings(path: Path | None = None) -> InkSettings:
    """contracts/ocr.yaml's `ink:` section."""
    return InkSettings(**load_yaml("ocr.yaml", path, ("ink",))["ink"])


def grey_page(image: Image, max_skew: float, s: InkSettings | None = None) -> Image:
    """The page (grey, or colour as BGR) in grey with its light evened out and the stamp and
    signature ink taken off, ready for the grid search (`max_skew` degrees: see `ruling`)."""
    s = s or settings()
    image = light_on_dark_turned(image, s)
    grey = without_colour(image, s) if image.ndim == 3 else image
    return without_grey_strokes(ocr_page_image.flatten(grey), max_skew, s)


def light_on_dark_turned(image: Image, s: InkSettings) -> Image:
    """The page (grey or BGR) with its regions of light text on a dark fill turned dark on light: a
    table's header filled dark blue with white letters, a page in a dark mode. A fill is solid and
    square: its pixels darker than `dark_fill_max` that stay when opened by a square of a third of
    `dark_fill_window` (a letter's stroke, however bold, is thinner), closed again over its light
    letters' strokes, cover FILL_SOLIDITY of their box at least. Where more of the box's
    pixels are lighter than the fill around them (their median over the window) by
    `dark_fill_contrast` than are darker by it, it holds light text, and is inverted. Otherwise the
    fill (coloured, or taken for paper) would go with the colour taken off, and its white letters
    with it; dark text on a dark fill, or a dark scan's, is left as it is."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    window = max(15, round(s.dark_fill_window * min(grey.shape[:2]))) | 1
    square = cv2.getStructuringElement(cv2.MORPH_RECT, (window // 3, window // 3))
    solid = cv2.morphologyEx((grey < s.dark_fill_max).astype(np.uint8), cv2.MORPH_OPEN, square)
    solid = cv2.morphologyEx(solid, cv2.MORPH_CLOSE, square)  # over its letters' strokes
    count, _, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=4)
    fills = [
        (int(x), int(y), int(x + bw), int(y + bh))
        for x, y, bw, bh, area in stats[1:count]
        if area >= FILL_SOLIDITY * bw * bh
    ]
    if not fills:
        return image
    delta = grey.astype(np.int16) - cv2.medianBlur(grey, window).astype(np.int16)
    out = image
    for x0, y0, x1, y1 in fills:
        box = delta[y0:y1, x0:x1]
        lighter = int(np.count_nonzero(box >= s.dark_fill_contrast))
        darker = int(np.count_nonzero(box <= -s.dark_fill_contrast))
        if lighter > darker and lighter >= LIGHT_TEXT_SHARE * box.size:
            out = out.copy() if out is image else out
            out[y0:y1, x0:x1] = 255 - image[y0:y1, x0:x1]
    return out


FILL_SOLIDITY = 0.7  # of its box: a fill is square (a header's cells, a page), its letters the rest
LIGHT_TEXT_SHARE = 0.01  # of a fill's pixels light text at least (less: noise on a dark border)


def _balanced(bgr: Image, s: InkSettings) -> list[Image]:
    """The blue, green and red channels scaled so that the paper is white (a yellowish light or
    paper is no colour); in 8 bits: a 300 dpi page in float is 100 MB, and memory is limited."""
    paper = np.percentile(bgr.reshape(-1, 3)[:: max(1, bgr.size // 3 // 200_000)], s.paper_percentile, axis=0)
    return [cv2.convertScaleAbs(bgr[..., i], alpha=255 / max(float(paper[i]), 1.0)) for i in range(3)]


def tint(channels: list[Image], s: InkSettings) -> Image:
    """How coloured each pixel's ink is: its chroma (max minus min channel) over its darkness (255
    minus its grey). Ink thinned by the paper (a stroke's anti-aliased edge, a pale impression)
    keeps its ink's tint; black text has none."""
    out = cv2.subtract(np.maximum.reduce(channels), np.minimum.reduce(channels)).astype(np.float32)
    darkness = 255 - cv2.cvtColor(cv2.merge(channels), cv2.COLOR_BGR2GRAY).astype(np.float32)
    out /= np.maximum(darkness, s.darkness_floor)
    return out


def without_colour(bgr: Image, s: InkSettings) -> Image:
    """The page in grey with coloured ink taken off in proportion to its tint between `tint_start`
    and `tint_full`: to paper where its lightest channel (the blue of a blue stamp) is at least
    `lightest_paper_min`, else to that channel, so black text under a stamp stays as dark as it was."""
    channels = _balanced(bgr, s)
    grey = cv2.cvtColor(cv2.merge(channels), cv2.COLOR_BGR2GRAY).astype(np.float32)
    share = tint(channels, s)
    share -= s.tint_start
    share /= s.tint_full - s.tint_start
    np.clip(share, 0, 1, out=share)
    lightest = np.maximum.reduce(channels)
    target = np.where(lightest >= s.lightest_paper_min, np.float32(255), lightest.astype(np.float32))
    grey += (target - grey) * share
    return grey.astype(np.uint8)


def text_dark(grey: Image, s: InkSettings) -> float | None:
    """The grey of the page's text: a low percentile of its ink pixels (None without ink)."""
    ink = grey[grey < s.ink_max]
    return float(np.percentile(ink, s.text_percentile)) if ink.size else None


def without_grey_strokes(grey: Image, max_skew: float, s: InkSettings) -> Image:
    """A light-evened grey page with mid-grey ink away from dark ink and from ruling lines turned to
    paper; left as it is when the page's text is not dark (a faint scan, where text and stamp
    cannot be told apart)."""
    dark_level = text_dark(grey, s)
    if dark_level is None or dark_level > s.text_dark_max:
        return grey
    ink = grey < s.paper_min
    dark = grey <= dark_level + s.dark_margin
    mid = ink & ~dark
    if not mid.any():
        return grey
    per_100dpi = min(grey.shape[:2]) / A4_SHORT_INCHES / 100
    # a ruling line stays, but lends no reach: a pen stroke crossing it is no glyph's edge
    lines = ruling(ink, ocr_page_image.skew_angle(grey, max_skew), s.ruling_min_share, s.border_min_share)
    far = mid & ~lines & ~_reach(dark & ~lines, ink, max(1, round(s.reach_per_100dpi * per_100dpi)))
    out = grey.copy()
    out[_strokes(far, max(2, round(s.stroke_min_per_100dpi * per_100dpi)))] = 255
    return out


def _strokes(far: Image, min_extent: int) -> Image:
    """The pieces of `far` (grey ink out of reach of dark ink) that run on for `min_extent` pixels
    or more: a stamp's ring or letter, a pen's loop. A glyph's thin grey part beyond the reach (the
    arc of a «с» in a page turned askew) is a short piece, and stays."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(far.astype(np.uint8), connectivity=8)
    extent = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT])
    long_piece = extent >= min_extent
    long_piece[0] = False  # the background
    return long_piece[labels]


def ruling(ink: Image, angle: float, min_share: float, border_share: float = 0.0) -> Image:
    """The ruling lines among `ink` (bool) on a page skewed by `angle` degrees: straight runs at
    least `min_share` of the page's long side, and shorter ones (at least `border_share` of it) that
    run from one such line to another: a column's border in a section of one or two rows, cut by
    the headings across the table above and below it. A thin line turned by a scanner or a photo,
    or blurred by JPEG, is grey along its length, with no dark core, yet must stay; a stamp's ring
    or a pen's loop is never straight that long, nor ends on two rulings."""
    h, w = ink.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    straight = cv2.warpAffine(ink.astype(np.uint8) * 255, turn, (w, h), flags=cv2.INTER_NEAREST)
    length = max(3, round(min_share * max(h, w)))
    across = _opened(straight, (length, 1))
    down = _opened(straight, (1, length))
    if border_share > 0:
        short = max(3, round(border_share * max(h, w)))
        down = cv2.bitwise_or(down, _between(_opened(straight, (1, short)), across, vertical=True))
        across = cv2.bitwise_or(across, _between(_opened(straight, (short, 1)), down, vertical=False))
    lines = cv2.dilate(
        cv2.bitwise_or(across, down), np.ones((3, 3), np.uint8)
    )  # the fringe of a line turned twice
    back = cv2.invertAffineTransform(turn)
    return cv2.warpAffine(lines, back, (w, h), flags=cv2.INTER_NEAREST) > 0


def _opened(image: Image, size: tuple[int, int]) -> Image:
    """The straight runs of `image` at least `size` (width, height) long."""
    return cv2.morphologyEx(image, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))


# How far (pixels) a short run's end may stop from the ruling line it meets.
_TOUCH = 4


def _between(runs: Image, rulings: Image, vertical: bool) -> Image:
    """The runs (straight pieces, all one way) whose both ends meet a ruling line across them."""
    near = cv2.dilate(rulings, np.ones((2 * _TOUCH + 1, 2 * _TOUCH + 1), np.uint8)) > 0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    keep = np.zeros(count, dtype=bool)
    for i in range(1, count):
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        if vertical:
            ends = near[y, x : x + bw].any() and near[y + bh - 1, x : x + bw].any()
        else:
            ends = near[y : y + bh, x].any() and near[y : y + bh, x + bw - 1].any()
        keep[i] = ends
    return (keep[labels] * 255).astype(np.uint8)


def _reach(seed: Image, within: Image, steps: int) -> Image:
    """The pixels of `within` joined to `seed` by a path through `within` of at most `steps`
    pixels (a geodesic dilation, 8-connected)."""
    kernel = np.ones((3, 3), np.uint8)
    allowed = within.astype(np.uint8)
    grown = cv2.bitwise_and(seed.astype(np.uint8), allowed)
    for _ in range(steps):
        grown = cv2.bitwise_and(cv2.dilate(grown, kernel), allowed)
    return grown.astype(bool)
