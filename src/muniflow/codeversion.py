"""A fingerprint of the code and contracts, part of every extraction cache key."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from muniflow import __version__

_PACKAGE = Path(__file__).resolve().parent
_CONTRACTS = _PACKAGE.parents[1] / "contracts"


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of muniflow's source files and contracts: a change to either invalidates the cache."""
    digest = hashlib.sha256(__version__.encode())
    files = sorted(_PACKAGE.rglob("*.py")) + sorted(_CONTRACTS.glob("*.yaml"))
    for f in files:
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]
