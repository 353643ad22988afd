"""Every name a package exports on first use (`muniflow.lazy`) is found where its map says: a
module split that moves a name must move its entry too."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = ("muniflow.warehouse", "muniflow.quality")


@pytest.mark.parametrize("package", PACKAGES)
def test_every_exported_name_resolves(package: str) -> None:
    module = importlib.import_module(package)
    missing = []
    for name in module.__all__:
        try:
            getattr(module, name)
        except (AttributeError, ImportError):
            missing.append(name)
    assert missing == [], f"{package} exports names its map points to the wrong module for"
