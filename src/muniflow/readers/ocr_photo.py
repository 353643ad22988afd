"""A phone photo of a page: find the sheet on the desk around it and warp it flat and upright.

A photo shows the page smaller than the frame, at an angle, on a darker background. The sheet is the
largest bright region whose outline is a four-cornered shape with paper brighter just inside its
edges than just outside, along each of its sides (a scan whose side lies in a shadow as dark as the
scanner's border is no sheet on a desk); it is warped to a rectangle the size of its longer sides
(A4 when its sides' ratio is near A4's). A page that fills the picture (a scan) is left as it is.
Thresholds are in contracts/ocr.yaml (`photo`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import cv2
import numpy as np

from muniflow.contracts import load_yaml
from muniflow.readers import ocr_page_image

Image = np.ndarray
A4 = 2**0.5  # long side over short side
WORK_SIDE = 1000  # the sheet is sought on the picture brought down to this long side


@dataclass(frozen=True)
class PhotoSettings:
    page_share_min: float
    page_share_max: float
    edge_contrast_min: float
    side_contrast_min: float
    a4_tolerance: float
    margin: float
    sharpen_sigma: float
    sharpen_amount: float


def settings(path: Path | None = None) -> PhotoSettings:
    """contracts/ocr.yaml, its `photo` block."""
    return PhotoSettings(**load_yaml("ocr.yaml", path, ("photo",))["photo"])


def unwarp(gray: Image, s: PhotoSettings | None = None) -> Image:
    """The sheet of a photo (grey, or colour as BGR: its colour kept for ocr_ink) warped to an
    upright rectangle; the picture as it is when no sheet smaller than the picture is found. The
    sheet is sharpened (see `sharpen`): a scan is not."""
    s = s or settings()
    corners = sheet_corners(cv2.cvtColor(gray, cv2.COLOR_BGR2GRAY) if gray.ndim == 3 else gray, s)
    if corners is None:
        return gray
    top, bottom = np.linalg.norm(corners[1] - corners[0]), np.linalg.norm(corners[2] - corners[3])
    left, right = np.linalg.norm(corners[3] - corners[0]), np.linalg.norm(corners[2] - corners[1])
    w, h = max(top, bottom), max(left, right)
    # perspective shortens the far sides; a sheet near A4's proportions is an A4 page
    for ratio in (A4, 1 / A4):
        if abs(h / w - ratio) <= s.a4_tolerance * ratio:
            h = w * ratio
    width, height = round(w), round(h)
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    # white beyond the picture: a corner the frame cut off is blank paper, not a dark edge
    white = (255, 255, 255) if gray.ndim == 3 else 255
    sheet = cv2.warpPerspective(gray, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=white)
    return sharpen(sheet, s.sharpen_sigma, s.sharpen_amount)


def sharpen(gray: Image, sigma: float, amount: float) -> Image:
    """An unsharp mask: a camera's lens blur and JPEG soften bold letters until Tesseract misreads
    them (a bold header most); the detail lost to a blur of `sigma` is added back `amount` times."""
    blurred = cv2.GaussianBlur(gray, (0, 0), sigma)
    return cv2.addWeighted(gray, 1 + amount, blurred, -amount, 0)


def sheet_corners(gray: Image, s: PhotoSettings) -> np.ndarray | None:
    """The sheet's corners (top-left, top-right, bottom-right, bottom-left, in the picture's pixels),
    or None: no bright four-cornered region of a plausible size with paper brighter inside its edges."""
    scale = min(1.0, WORK_SIDE / max(gray.shape[:2]))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    small = cv2.GaussianBlur(small, (0, 0), 2)
    _, bright = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # the ink on the sheet makes holes and notches, not a separate region: close them first
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(bright, connectivity=4)
    if count < 2:
        return None
    largest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    hull = cv2.convexHull(cv2.findNonZero((labels == largest).astype(np.uint8)))
    # a shadow across a corner cuts the bright region's outline there: its sides still run on
    quad = _least_quad(hull)
    if quad is None:
        quad = _four_corners(hull)
    if quad is None:
        return None
    share = cv2.contourArea(quad) / (small.shape[0] * small.shape[1])
    if not s.page_share_min <= share <= s.page_share_max:
        return None
    if edge_contrast(small, quad) < s.edge_contrast_min:
        return None
    outline = cv2.findContours(
        (labels == largest).astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE
    )[0]
    points = max(outline, key=len).reshape(-1, 2).astype(np.float32)
    corners = fit_sides(ocr_page_image.order_corners(quad), points, small.shape)
    # every side is an edge: one along which the paper goes on as bright beyond (a shadow over a
    # scanned page's side, as dark as the scanner's border) cut the bright region, not the sheet
    if any(side and np.median(side) < s.side_contrast_min for side in side_ratios(small, corners)):
        return None
    return inset(corners, s.margin) / scale


def fit_sides(corners: np.ndarray, outline: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """The corners where the sheet's sides meet, each side a straight line fitted to the outline's
    points along it, leaving out those on the picture's border: a corner cut off by the frame is put
    where its two sides would meet outside the picture."""
    h, w = shape[:2]
    inside = (outline[:, 0] > 1) & (outline[:, 0] < w - 2) & (outline[:, 1] > 1) & (outline[:, 1] < h - 2)
    lines = []
    for a, b in zip(corners, np.roll(corners, -1, axis=0), strict=True):
        along = b - a
        length = float(np.linalg.norm(along))
        unit = along / max(length, 1e-6)
        rel = outline - a
        t = rel @ unit
        off = np.abs(rel[:, 0] * unit[1] - rel[:, 1] * unit[0])
        near = inside & (t > 0.1 * length) & (t < 0.9 * length) & (off < 0.02 * length + 2)
        if near.sum() < 10:
            lines.append((a, unit))
            continue
        vx, vy, x0, y0 = cv2.fitLine(outline[near], cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
        lines.append((np.array([x0, y0], np.float32), np.array([vx, vy], np.float32)))
    out = []
    for (p, u), (q, v) in zip(np.roll(np.array(lines, dtype=object), 1, axis=0), lines, strict=True):
        # p + s u = q + t v
        matrix = np.array([[u[0], -v[0]], [u[1], -v[1]]], np.float64)
        if abs(np.linalg.det(matrix)) < 1e-6:
            return corners
        s_, _ = np.linalg.solve(matrix, np.asarray(q - p, np.float64))
        out.append(p + s_ * u)
    return np.array(out, np.float32)


def inset(corners: np.ndarray, margin: float) -> np.ndarray:
    """The corners moved towards the sheet's middle by `margin` of the way, so the sheet's edge and
    the desk just beyond it (a dark strip a ruling-line finder takes for a line) are left out."""
    return (corners + (corners.mean(axis=0) - corners) * margin).astype(np.float32)


def _four_corners(hull: np.ndarray) -> np.ndarray | None:
    """The hull simplified to four corners (loosening the tolerance step by step), provided the
    four-cornered shape covers the hull closely; None when the outline is no quadrilateral."""
    perimeter = cv2.arcLength(hull, True)
    for tolerance in (0.01, 0.02, 0.03, 0.05, 0.08):
        quad = cv2.approxPolyDP(hull, tolerance * perimeter, True)
        if len(quad) == 4:
            break
    else:
        return None
    if not cv2.isContourConvex(quad):
        return None
    if cv2.contourArea(quad) < 0.9 * cv2.contourArea(hull):
        return None
    return quad.reshape(4, 2).astype(np.float32)


def _least_quad(hull: np.ndarray, most_sides: int = 12) -> np.ndarray | None:
    """The smallest four-cornered shape whose sides lie along four of the hull's sides, or None.

    A shadow over a corner of the sheet darkens paper below the brightness threshold: the bright
    region is the sheet with a corner cut off, its outline has five or more sides, and the sheet's
    own sides are stretches of it (the shadow's edge is another). Any four sides' lines enclose the
    hull; the one with the cut side left out, its two neighbours extended to meet, is the smallest
    as long as the shadow takes less than half of each side it reaches."""
    perimeter = cv2.arcLength(hull, True)
    poly = cv2.approxPolyDP(hull, 0.01 * perimeter, True).reshape(-1, 2).astype(np.float64)
    if not 4 <= len(poly) <= most_sides:
        return None
    sides = [(a, b - a) for a, b in zip(poly, np.roll(poly, -1, axis=0), strict=True)]
    points = poly.astype(np.float32).reshape(-1, 1, 2)
    best: tuple[float, np.ndarray] | None = None
    for chosen in combinations(range(len(sides)), 4):
        corners = [_meet(sides[i], sides[j]) for i, j in zip(chosen, (*chosen[1:], chosen[0]), strict=True)]
        if any(c is None for c in corners):
            continue
        quad = np.array(corners, np.float32)
        if not cv2.isContourConvex(quad):
            continue
        inside = [cv2.pointPolygonTest(quad, (float(x), float(y)), True) for x, y in points.reshape(-1, 2)]
        if min(inside) < -2:  # not around the hull (sides met on the wrong side)
            continue
        area = cv2.contourArea(quad)
        if best is None or area < best[0]:
            best = (area, quad)
    return None if best is None else best[1]


def _meet(one: tuple[np.ndarray, np.ndarray], other: tuple[np.ndarray, np.ndarray]) -> np.ndarray | None:
    """Where the lines through two sides (a point and a direction each) meet; None if parallel."""
    (p, u), (q, v) = one, other
    matrix = np.array([[u[0], -v[0]], [u[1], -v[1]]], np.float64)
    if abs(np.linalg.det(matrix)) < 1e-6 * float(np.linalg.norm(u) * np.linalg.norm(v)):
        return None
    t, _ = np.linalg.solve(matrix, q - p)
    return np.asarray(p + t * u)


def edge_contrast(gray: Image, quad: np.ndarray, step: float = 6.0) -> float:
    """How much brighter the picture is just inside the quadrilateral's sides than just outside
    (median ratio over points along the sides); points outside the picture are skipped."""
    ratios = [r for side in side_ratios(gray, quad, step) for r in side]
    return float(np.median(ratios)) if ratios else 0.0


def side_ratios(gray: Image, quad: np.ndarray, step: float = 6.0) -> list[list[float]]:
    """Per side of the quadrilateral, the ratios of the picture's brightness just inside to just
    outside at points along it (none where the side runs outside the picture)."""
    centre = quad.mean(axis=0)
    h, w = gray.shape[:2]
    sides = []
    for a, b in zip(quad, np.roll(quad, -1, axis=0), strict=True):
        ratios = []
        for t in np.linspace(0.1, 0.9, 25):
            p = a + t * (b - a)
            normal = np.array([-(b - a)[1], (b - a)[0]], np.float32)
            normal /= max(float(np.linalg.norm(normal)), 1e-6)
            if np.dot(centre - p, normal) < 0:
                normal = -normal
            (xi, yi), (xo, yo) = (p + step * normal).astype(int), (p - step * normal).astype(int)
            if 0 <= xo < w and 0 <= yo < h and 0 <= xi < w and 0 <= yi < h:
                ratios.append(float(gray[yi, xi]) / max(float(gray[yo, xo]), 1.0))
        sides.append(ratios)
    return sides
