"""A fingerprint of the code and contracts that shape a file's outcome, part of every extraction
cache key and stored with each report (`muniflow reprocess` re-reads reports read by another)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from muniflow import __version__
from muniflow.contracts import files_in_use

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
    "morph.py",
    "stages.py",
    "file_outcome.py",
    "report_period.py",
    "contracts.py",
)
# Modules of the package the code above imports that do not change an outcome: the warehouse (its
# loads run after the extraction), an intake worker's warm-up, its garbage collector's settings and
# how it holds a Ctrl-C. Any other module it imports is part of the fingerprint (tests/test_codeversion.py).
NOT_SHAPING = ("warehouse", "warmfile.py", "import_gc.py", "interrupt.py")


def code_version() -> str:
    """Hash of the extraction code and of the contract files in use (after $MUNIFLOW_CONTRACTS_DIR):
    a change to either, or pointing the variable elsewhere, invalidates the cache."""
    contracts = tuple((f, f.stat().st_mtime_ns, f.stat().st_size) for f in files_in_use())
    return _fingerprint(contracts)


@lru_cache(maxsize=8)
def _fingerprint(contracts: tuple[tuple[Path, int, int], ...]) -> str:
    digest = hashlib.sha256(_code_digest().encode())
    for path, _mtime, _size in contracts:
        digest.update(path.name.encode())  # by name and content: a copy elsewhere fingerprints alike
        digest.update(_shaping(path))
    return digest.hexdigest()[:16]


# Keys of a contract file that no extraction reads: the expected reporters of reporting.yaml are
# read after the load (`warehouse.expected`, `reporting_status`), so editing them re-reads no file.
_READ_AFTER_LOAD = {"reporting.yaml": ("expected",)}


def _shaping(path: Path) -> bytes:
    """The part of a contract file that shapes an extraction: the file's bytes, or for a file with
    keys read only after the load, the rest of it (parsed, those keys dropped)."""
    data = path.read_bytes()
    skipped = _READ_AFTER_LOAD.get(path.name)
    if not skipped:
        return data
    import json

    import yaml

    doc = yaml.safe_load(data)
    if not isinstance(doc, dict):
        return data
    kept = {k: v for k, v in doc.items() if k not in skipped}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str).encode()


@lru_cache(maxsize=1)
def _code_digest() -> str:
    digest = hashlib.sha256(__version__.encode())
    files: list[Path] = []
    for part in _SHAPES_OUTCOME:
        target = _PACKAGE / part
        if target.is_dir():
            files.extend(sorted(target.rglob("*.py")))
        elif target.is_file():
            files.append(target)
    for f in files:
        digest.update(str(f.relative_to(_PACKAGE)).encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()


def clear_cache() -> None:
    """Forget the hashes read so far, so the next `code_version()` reads the code again."""
    _code_digest.cache_clear()
    _fingerprint.cache_clear()
