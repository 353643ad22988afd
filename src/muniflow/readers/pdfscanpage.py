"""A PDF page that is a scan with the scanner's text layer under it (what FineReader, a scanner's
software or `tesseract … pdf` make of a signed paper report): one picture covers the page and
nothing is drawn, so the table's rules are only in the picture.

Its text layer has no cells to find: read by rules-less text positions it gives a mangled table.
Such a page is read from its layer cut into the cells of the grid found in the picture where
that is safe (`pdflayer`), else the file is read by OCR (`intake.checked`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from muniflow.contracts import load_yaml


def scan_image_share() -> float:
    """How much of a page one picture covers for the page to be a scan (contracts/ocr.yaml)."""
    return float(load_yaml("ocr.yaml", None, ("ocr",))["ocr"]["scan_image_share"])


def is_scanned_page(page: Any, share: float) -> bool:
    """One picture covers at least `share` of the page and no line, rectangle or curve is drawn."""
    return not (page.lines or page.rects or page.curves) and picture_share(page) >= share


def picture_share(page: Any) -> float:
    """The share of a pdfplumber page its largest picture covers (0 with none)."""
    area = float(page.width) * float(page.height)
    sizes = ((float(i["x1"]) - float(i["x0"])) * (float(i["bottom"]) - float(i["top"])) for i in page.images)
    return max(sizes, default=0.0) / area if area > 0 else 0.0


def render_command(path: Path, number: int, dpi: int, grey: bool, target: Path) -> list[str]:
    """pdftoppm rendering page `number` of the PDF at `dpi` to `target` (.pgm grey, else .ppm),
    as OCR and the text-layer reader both render a scanned page."""
    return [
        "pdftoppm",
        "-r",
        str(dpi),
        *(["-gray"] if grey else []),
        "-singlefile",
        "-f",
        str(number),
        "-l",
        str(number),
        str(path),
        str(target),
    ]
