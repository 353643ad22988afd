"""A scanned page's image made ready for its grid: ink told from paper, the light evened out, the
page turned so its ruling lines are level, a phone photo's table warped rectangular. Pure image
geometry with OpenCV and numpy (the grid itself: ocr_cells.py)."""

from __future__ import annotations

import cv2
import numpy as np

from muniflow.readers.ocr_images import A4_SHORT_INCHES

Image = np.ndarray


def binarize(gray: Image) -> Image:
    """Ink as 255 on 0, by Otsu's threshold after a light blur (noise and JPEG blocks)."""
    blurred = cv2.GaussianBlur(gray, (3, 3), 0)
    _, ink = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink


def with_faint_rules(gray: Image, ink: Image, contrast: float, width: int) -> Image:
    """`ink` with thin strokes darker than the paper around them by `contrast` added: a ruling line
    printed or scanned grey (a light rule, a toner-saving print) is lighter than the threshold
    that tells text from paper, yet still a line. Measured against what surrounds each pixel within
    `width` (a black-hat), a shaded cell stays out: it is no darker than itself."""
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (width | 1, width | 1))
    thin = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, kernel)
    return cv2.bitwise_or(ink, ((thin > contrast) * 255).astype(np.uint8))


def flatten(gray: Image) -> Image:
    """The page with its light evened out: each pixel over the paper's brightness around it (the
    page with its ink closed over, blurred), so a photo darker on one side thresholds like a scan.
    A scan's even paper is left as it is."""
    k = max(15, (min(gray.shape[:2]) // 100) | 1)  # wider than any stroke
    paper = cv2.dilate(gray, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    paper = cv2.GaussianBlur(paper, (0, 0), k)
    # in place: a 300 dpi page in float32 is 35 MB a copy, and the worker's address space is limited
    out = gray.astype(np.float32)
    out /= np.maximum(paper, 1)
    out *= 255
    np.clip(out, 0, 255, out=out)
    return out.astype(np.uint8)


def skew_angle(gray: Image, max_degrees: float) -> float:
    """The rotation (degrees) that makes the ruling lines straightest: the angle whose row profile of
    ink is the most peaked, searched coarse then fine on a reduced image."""
    ink = binarize(gray)
    scale = 1000 / max(ink.shape)
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else ink

    def peakedness(angle: float) -> float:
        rotated = _rotate(small, angle, border=0)
        profile = rotated.sum(axis=1, dtype=np.float64)
        return float(np.square(np.diff(profile)).sum())

    best = max(np.arange(-max_degrees, max_degrees + 1e-9, 0.5), key=peakedness)
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
    return float(max(fine, key=peakedness))


def deskew(gray: Image, max_degrees: float) -> Image:
    """The page turned so its ruling lines are level (white fills the corners)."""
    angle = skew_angle(gray, max_degrees)
    return gray if abs(angle) < 0.05 else _rotate(gray, angle, border=255)


def rectify(gray: Image, outline_share: float = 0.9, outline_reach_per_100dpi: float = 1.5) -> Image:
    """A phone photo's table made rectangular: the outline of the largest connected ink (the
    table's ruling) is a four-cornered shape when seen at an angle; it is warped back to a
    rectangle. Pages whose table is small (a row cut off at the top) are left as they are, and so
    are pages where the shape's sides do not run along that ink (`outline_follows_ink`): text
    touching the table (a heading just above it) pulls a corner of the outline off the ruling,
    and warping by it would slant a straight table, so that no ruling line is found level."""
    ink = cv2.dilate(binarize(gray), np.ones((3, 3), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count < 2:
        return gray
    largest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_WIDTH] * stats[1:, cv2.CC_STAT_HEIGHT]))
    h, w = gray.shape
    if stats[largest, cv2.CC_STAT_WIDTH] * stats[largest, cv2.CC_STAT_HEIGHT] < 0.2 * h * w:
        return gray
    points = cv2.findNonZero((labels == largest).astype(np.uint8))
    hull = cv2.convexHull(points)
    quad = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    if len(quad) != 4:
        return gray
    corners = order_corners(quad.reshape(4, 2).astype(np.float32))
    x0, y0 = corners[:, 0].min(), corners[:, 1].min()
    x1, y1 = corners[:, 0].max(), corners[:, 1].max()
    target = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32)
    if np.abs(corners - target).max() < 2:
        return gray
    reach = outline_reach_per_100dpi * min(h, w) / A4_SHORT_INCHES / 100
    if not outline_follows_ink(labels == largest, corners, reach, outline_share):
        return gray
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def outline_follows_ink(ink: Image, corners: np.ndarray, reach: float, share: float) -> bool:
    """Whether each side of the four-cornered outline (top-left, top-right, bottom-right,
    bottom-left) runs along `ink` (True where ink): at least `share` of the points along it lie
    within `reach` pixels of some. A table's frame seen at an angle is straight, so its outline
    does; an outline bent to a word touching the frame leaves the frame along most of a side."""
    near = cv2.dilate(ink.astype(np.uint8), np.ones((2 * round(reach) + 1,) * 2, np.uint8)) > 0
    h, w = near.shape
    for a, b in zip(corners, np.roll(corners, -1, axis=0), strict=True):
        t = np.linspace(0.0, 1.0, 200)[:, None]
        points = np.rint(a + (b - a) * t).astype(int)
        xs, ys = np.clip(points[:, 0], 0, w - 1), np.clip(points[:, 1], 0, h - 1)
        if float(near[ys, xs].mean()) < share:
            return False
    return True


def order_corners(corners: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    sums = corners.sum(axis=1)
    diffs = np.diff(corners, axis=1).ravel()
    order = [np.argmin(sums), np.argmin(diffs), np.argmax(sums), np.argmax(diffs)]
    return np.array([corners[k] for k in order], dtype=np.float32)


def _rotate(image: Image, angle: float, border: int) -> Image:
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)
