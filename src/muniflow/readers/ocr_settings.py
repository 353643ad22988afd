"""OCR's thresholds and limits: contracts/ocr.yaml's `ocr` section, read once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from muniflow.contracts import load_yaml


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
