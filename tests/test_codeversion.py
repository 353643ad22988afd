"""The extraction's fingerprint (`muniflow.codeversion`) covers every module the extraction runs."""

from __future__ import annotations

import re
from pathlib import Path

from muniflow import codeversion

PACKAGE = Path(codeversion.__file__).resolve().parent
IMPORTS = re.compile(r"^\s*from muniflow(?:\.(\w+)| import ([\w, ]+))|^\s*import muniflow\.(\w+)", re.M)


def _files(parts: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for part in parts:
        target = PACKAGE / part
        found.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return found


def _top_level(name: str) -> str:
    """The entry of `_SHAPES_OUTCOME` a module of the package is: its package or its file."""
    return name if (PACKAGE / name).is_dir() else f"{name}.py"


def test_every_module_the_extraction_imports_is_fingerprinted() -> None:
    """A module that `stages`, the readers, interpretation or rules import (at the top or where
    used) changes an outcome when edited: its edit must change the cache key, else a cached
    extraction of the old code is served (stages' period checks moved to `report_period.py` were
    not, until listed)."""
    imported: set[str] = set()
    for file in _files(codeversion._SHAPES_OUTCOME):
        for dotted, names, plain in IMPORTS.findall(file.read_text(encoding="utf-8")):
            for name in [dotted or plain, *(n.strip() for n in names.split(","))]:
                if name and ((PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file()):
                    imported.add(_top_level(name))
    covered = set(codeversion._SHAPES_OUTCOME) | set(codeversion.NOT_SHAPING)
    assert sorted(imported - covered) == []
