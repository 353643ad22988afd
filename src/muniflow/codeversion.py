"""A fingerprint of the code and contracts that shape a file's outcome, part of every extraction cache key."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from muniflow import __version__

_PACKAGE = Path(__file__).resolve().parent
_CONTRACTS = _PACKAGE.parents[1] / "contracts"
# What runs in `stages.process_file`; the CLI, flows, loader and reports do not change its result.
_SHAPES_OUTCOME = (
    "intake",
    "readers",
    "interpret",
    "normalize",
    "rules",
    "reporting",
    "enrich",
    "model.py",
    "stages.py",
    "contracts.py",
    "warehouse/enrichment.py",
)


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the extraction code and the contracts: a change to either invalidates the cache."""
    digest = hashlib.sha256(__version__.encode())
    files: list[Path] = []
    for part in _SHAPES_OUTCOME:
        target = _PACKAGE / part
        files.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    files.extend(sorted(_CONTRACTS.glob("*.yaml")))
    for f in files:
        digest.update(str(f.relative_to(_PACKAGE.parents[1])).encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]
