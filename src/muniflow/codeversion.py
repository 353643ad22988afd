"""A fingerprint of the code and contracts that shape a file's outcome, part of every extraction
cache key and stored with each report (`muniflow reprocess` re-reads reports read by another)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from muniflow import __version__, contracts

_PACKAGE = Path(__file__).resolve().parent
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


def code_version() -> str:
    """Hash of the extraction code and the contracts in use ($MUNIFLOW_CONTRACTS_DIR or
    `contracts/`): a change to either invalidates the cache and makes reports worth re-reading."""
    folder = contracts.contracts_dir()
    files = sorted(folder.glob("*.yaml"))
    stamp = tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    return _fingerprint(str(folder.resolve()), stamp)


@lru_cache(maxsize=8)
def _fingerprint(folder: str, stamp: tuple[tuple[str, int, int], ...]) -> str:
    """The hash for one state of the contracts folder (its files' names, times and sizes)."""
    digest = hashlib.sha256(_code_digest().encode())
    for name, _, _ in stamp:
        digest.update(f"contracts/{name}".encode())
        digest.update((Path(folder) / name).read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """Hash of the package version and the extraction code, read once per process."""
    digest = hashlib.sha256(__version__.encode())
    files: list[Path] = []
    for part in _SHAPES_OUTCOME:
        target = _PACKAGE / part
        files.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    for f in files:
        digest.update(str(f.relative_to(_PACKAGE.parents[1])).encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()


def clear_cache() -> None:
    """Forget the hashes read so far, so the next `code_version()` reads the code again."""
    _code_digest.cache_clear()
    _fingerprint.cache_clear()
