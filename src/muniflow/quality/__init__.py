"""Dataset checks on the loaded warehouse: the contract's Great Expectations suite as a checkpoint.

The names below are imported on first use (PEP 562): `muniflow.quality.gx_import` must be
importable without pandas or GX.
"""

from __future__ import annotations

import importlib
from typing import Any

_NAMES = {
    "run_checkpoint": "muniflow.quality.checkpoint",
    "ExpectationOutcome": "muniflow.quality.result",
    "QualityResult": "muniflow.quality.result",
}


def __getattr__(name: str) -> Any:
    module = _NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = ["ExpectationOutcome", "QualityResult", "run_checkpoint"]
