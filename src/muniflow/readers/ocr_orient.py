"""A scanned or photographed page lying sideways or upside down, put upright before it is read.

A landscape table scanned on a portrait flatbed, a sheet fed upside down, a phone held sideways:
the page's text then runs down, up or upside down. Read as it lies, its ruled grid is still found
(rules are rules either way) but its rows are the table's columns and its cells are read turned,
so the report comes out transposed and mangled rather than refused. Tesseract's orientation and
script detection (`--psm 0`, its `osd` model, installed with Tesseract) says how the page must be
turned from the shapes of its letters; the page is turned when it is sure enough
(`orientation_confidence_min`, contracts/ocr.yaml). Where the model is missing or finds too little
text, the page is read as it lies.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import cv2
import numpy as np

# Pixels on the long side of the picture the orientation is told from: an A4 page at 200 dpi.
LONG_SIDE_MAX = 2400
# Tesseract's "Rotate": the clockwise turn that puts the page upright.
_TURNS = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_CONFIDENCE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)


def orientation(image: np.ndarray, dpi: float, timeout: float) -> tuple[int, float] | None:
    """The clockwise turn (0, 90, 180, 270) that puts the page upright and Tesseract's confidence
    in it; None when Tesseract cannot tell (no `osd` model, too few letters, out of time)."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    scale = min(1.0, LONG_SIDE_MAX / max(grey.shape[:2]))
    if scale < 1.0:  # a photo's pixels beyond a 200 dpi page's tell the letters' shapes no better
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    with tempfile.TemporaryDirectory(prefix="muniflow-osd-") as work:
        path = Path(work) / "page.pgm"  # uncompressed: written and read at once
        cv2.imwrite(str(path), grey)
        try:
            command = ["tesseract", str(path), "stdout", "--psm", "0", "-l", "osd"]
            result = subprocess.run(
                [*command, "--dpi", str(round(dpi * scale))],
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except (subprocess.TimeoutExpired, OSError):
            return None
    turn, confidence = _ROTATE.search(result.stdout), _CONFIDENCE.search(result.stdout)
    if result.returncode != 0 or turn is None or confidence is None:
        return None
    return int(turn.group(1)) % 360, float(confidence.group(1))


def upright(image: np.ndarray, dpi: float, confidence_min: float, timeout: float) -> np.ndarray:
    """The page turned upright when Tesseract is sure it lies otherwise; as it is otherwise."""
    found = orientation(image, dpi, timeout)
    if found is None or found[0] not in _TURNS or found[1] < confidence_min:
        return image
    return cv2.rotate(image, _TURNS[found[0]])
