"""Table cells written turned a quarter (Word's text direction upwards or downwards), read upright.

Templates with many narrow columns turn their header cells so the labels fit («Порядковый номер»
written upwards in a column one digit wide). Read as they stand, Tesseract makes noise of them, no
column is recognised and the report is refused as having no events table. A cell whose ink is
much taller than wide and whose reading is poor (or empty) is read again turned both ways, and
the better reading by Tesseract's confidence is kept when it beats the upright one by a margin: a
narrow body cell of horizontal lines reads worse turned, so it stays as read. Thresholds:
contracts/ocr.yaml, `turned:`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import cv2
import numpy as np

from muniflow.contracts import load_yaml

Image = np.ndarray
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class TurnedSettings:
    tall_ratio: float  # a cell's ink at least this many times taller than wide may be turned
    conf_below: float  # ... when its upright reading's confidence is under this (or nothing was read)
    margin: float  # the turned reading is kept when its confidence beats the upright one's by this


def settings(path: Path | None = None) -> TurnedSettings:
    """contracts/ocr.yaml's `turned:` section."""
    return TurnedSettings(**load_yaml("ocr.yaml", path, ("turned",))["turned"])


def looks_turned(ink: Image, reading: tuple[str, float | None], s: TurnedSettings) -> bool:
    """Whether a cell's ink (255 on 0, the cell cut out) may be text turned a quarter: much taller
    than wide, and read poorly upright."""
    points = cv2.findNonZero(ink)
    if points is None:
        return False
    _, _, w, h = cv2.boundingRect(points)
    text, conf = reading
    poor = not text.strip() or conf is None or conf < s.conf_below
    return poor and h >= s.tall_ratio * max(w, 1)


ReadCrops = Callable[[Sequence[Image]], list[tuple[str, float | None]]]  # crops -> (text, confidence)


def read_turned(crops: Sequence[Image], read_crops: ReadCrops) -> list[tuple[str, float | None]]:
    """Each crop's text read turned clockwise (upward text) and anticlockwise (downward text): one
    strip each way (`read_crops`); per crop the reading with the higher mean confidence."""
    best: list[tuple[str, float | None]] = [("", None)] * len(crops)
    for turn in (cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_90_COUNTERCLOCKWISE):
        for i, reading in enumerate(read_crops([cv2.rotate(c, turn) for c in crops])):
            conf, best_conf = reading[1], best[i][1]
            if conf is not None and (best_conf is None or conf > best_conf):
                best[i] = reading
    return best


def improve(
    found: dict[K, tuple[str, float | None]],
    crops: Mapping[K, tuple[Image, Image]],
    read_crops: ReadCrops,
    s: TurnedSettings,
) -> None:
    """Replace in `found` the readings of cells that look turned (`crops`: each cell's page crop and
    ink crop) by their turned reading where it is better by the margin."""
    keys = [k for k, (_, ink) in crops.items() if looks_turned(ink, found.get(k, ("", None)), s)]
    if not keys:
        return
    for k, turned in zip(keys, read_turned([crops[k][0] for k in keys], read_crops), strict=True):
        upright = found.get(k, ("", None))[1]
        if turned[1] is not None and turned[0].strip() and turned[1] >= (upright or 0.0) + s.margin:
            found[k] = turned
