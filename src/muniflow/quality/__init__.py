"""Dataset checks on the loaded warehouse: the contract's Great Expectations suite as a checkpoint.

The names below are imported on first use (PEP 562): `muniflow.quality.gx_import` must be
importable without pandas or GX.
"""

from __future__ import annotations

from muniflow.lazy import attributes

_NAMES = {
    "run_checkpoint": "muniflow.quality.checkpoint",
    "ExpectationOutcome": "muniflow.quality.result",
    "QualityResult": "muniflow.quality.result",
}

__getattr__ = attributes(__name__, _NAMES)


__all__ = ["ExpectationOutcome", "QualityResult", "run_checkpoint"]
