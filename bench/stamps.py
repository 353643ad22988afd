"""Round stamps and signatures drawn over a rasterized page, for bench/scans.py.

Each draw varies what varies on real signed reports: one or two stamps, where they fall over the
table's lower rows, their size, ring widths, ink density (an uneven, partly dry impression) and
the signature's course. The ink is laid over the page multiplicatively, as ink over paper: black
text under a stamp stays black, its grey edges take the stamp's tint. `colour=False` gives the grey
of a greyscale scan; `colour=True` a colour scan (RGB) with a blue or violet stamp and signature.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
RING_TEXT = "АДМИНИСТРАЦИЯ МУНИЦИПАЛЬНОГО ОБРАЗОВАНИЯ * ОТДЕЛ *"
# stamp inks as RGB (blue, violet, dull blue) and a signature's (blue ballpoint, violet, black-blue)
STAMP_INKS = ((40, 70, 190), (110, 60, 170), (60, 90, 160))
PEN_INKS = ((20, 40, 150), (70, 30, 130), (30, 30, 90))


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.truetype(str(FONT), size) if FONT.exists() else ImageFont.load_default()


def _ring_text(alpha: np.ndarray, cx: int, cy: int, radius: int, rng: np.random.Generator) -> None:
    """Capital letters around the inside of the ring, each turned to the circle's tangent."""
    size = max(8, radius // 7)
    font = _font(size)
    start = rng.uniform(0, 2 * np.pi)
    for i, char in enumerate(RING_TEXT):
        angle = start + 2 * np.pi * i / len(RING_TEXT)
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size // 2, size // 3), char, fill=255, font=font)
        glyph = glyph.rotate(-np.degrees(angle) - 90, resample=Image.BILINEAR)
        x = int(cx + (radius - size * 1.1) * np.cos(angle)) - size
        y = int(cy + (radius - size * 1.1) * np.sin(angle)) - size
        g = np.asarray(glyph, dtype=np.float32) / 255
        h, w = alpha.shape
        if min(x, y) >= 0 and x + g.shape[1] <= w and y + g.shape[0] <= h:
            box = alpha[y : y + g.shape[0], x : x + g.shape[1]]
            np.maximum(box, g, out=box)


def _stamp(alpha: np.ndarray, rng: np.random.Generator) -> None:
    h, w = alpha.shape
    radius = int(rng.uniform(0.06, 0.09) * min(w, h * 0.75))
    cx, cy = int(rng.uniform(0.25, 0.8) * w), int(rng.uniform(0.45, 0.9) * h)
    outer = max(2, int(radius * rng.uniform(0.025, 0.045)))
    cv2.circle(alpha, (cx, cy), radius, 1.0, outer, cv2.LINE_AA)
    cv2.circle(alpha, (cx, cy), int(radius * 0.62), 1.0, max(1, outer // 2), cv2.LINE_AA)
    _ring_text(alpha, cx, cy, radius, rng)
    image = Image.fromarray((alpha * 255).astype(np.uint8))
    font = _font(max(10, radius // 4))
    ImageDraw.Draw(image).text((cx, cy), "М.П.", fill=255, font=font, anchor="mm")
    alpha[:] = np.asarray(image, dtype=np.float32) / 255


def _signature(alpha: np.ndarray, rng: np.random.Generator) -> None:
    """A looping pen stroke across a few cells near the page's foot."""
    h, w = alpha.shape
    x0, y0 = rng.uniform(0.15, 0.55) * w, rng.uniform(0.6, 0.93) * h
    t = np.linspace(0, 1, 240)
    span = rng.uniform(0.15, 0.3) * w
    loops = rng.uniform(4, 9)
    xs = x0 + span * t + 0.02 * w * np.sin(2 * np.pi * loops * t)
    ys = y0 + 0.025 * h * np.cos(2 * np.pi * loops * t) * np.exp(-2 * t) - 0.02 * h * t
    points = np.stack([xs, ys], 1).astype(np.int32)
    cv2.polylines(alpha, [points], False, 1.0, max(2, w // int(rng.uniform(350, 600))), cv2.LINE_AA)


def stamped(page: np.ndarray, rng: np.random.Generator, colour: bool) -> np.ndarray:
    """`page` (grey) with one or two round stamps and a signature: grey, or RGB when `colour`."""
    h, w = page.shape
    stamp = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(1, 3))):
        _stamp(stamp, rng)
    pen = np.zeros((h, w), np.float32)
    _signature(pen, rng)
    # an impression is uneven: smooth blotches of density, a little blur
    blotch = cv2.resize(rng.uniform(0.45, 1.0, (max(2, h // 60), max(2, w // 60))), (w, h))
    stamp = cv2.GaussianBlur(stamp * blotch.astype(np.float32), (3, 3), 0) * rng.uniform(0.7, 1.0)
    paper = page.astype(np.float32) / 255
    if not colour:
        stamp_grey, pen_grey = rng.uniform(0.35, 0.6), rng.uniform(0.25, 0.45)
        out = paper * (1 - stamp * (1 - stamp_grey)) * (1 - pen * (1 - pen_grey))
        return np.clip(out * 255, 0, 255).astype(np.uint8)
    stamp_ink = np.array(STAMP_INKS[rng.integers(len(STAMP_INKS))], np.float32) / 255
    pen_ink = np.array(PEN_INKS[rng.integers(len(PEN_INKS))], np.float32) / 255
    rgb = paper[..., None] * (1 - stamp[..., None] * (1 - stamp_ink)) * (1 - pen[..., None] * (1 - pen_ink))
    # a colour scanner's paper is not pure white and its black not pure black
    rgb = 0.06 + 0.9 * rgb + rng.normal(0, 0.012, rgb.shape).astype(np.float32)
    return np.clip(rgb * 255, 0, 255).astype(np.uint8)
