"""Importing Great Expectations once per process, and only what its import cannot do without.

GX's public API has no narrow entry point: any `great_expectations.*` import runs the package's
`__init__`, which builds a data context module that imports every expectation GX ships. One of
them (`expect_column_kl_divergence_to_be_less_than`) and two KS-test metrics do
`from scipy import stats` at module level, and scipy.stats is about a third of GX's import CPU
(measured after Prefect is imported: 5.0-5.7 s -> 3.9-4.1 s). None of the contract's expectations
calls scipy, so before GX is imported scipy.stats is registered as a lazy module
(`importlib.util.LazyLoader`): it stays a placeholder until something reads an attribute of it,
and is then loaded for real, so an expectation that does need it still works.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from types import ModuleType

_LOCK = threading.Lock()


def _lazy_scipy_stats() -> None:
    """Register scipy.stats as a module loaded on first use (nothing when scipy is absent or
    scipy.stats is already imported)."""
    if "scipy.stats" in sys.modules:
        return
    try:
        import scipy

        spec = importlib.util.find_spec("scipy.stats")
    except ImportError:
        return
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["scipy.stats"] = module
    loader.exec_module(module)
    scipy.stats = module  # `from scipy import stats` finds it without an import (that loads it)


def great_expectations() -> ModuleType:
    """The `great_expectations` module, imported once (scipy.stats deferred, see the module doc)."""
    with _LOCK:
        if "great_expectations" not in sys.modules:
            _lazy_scipy_stats()
        import great_expectations

    return great_expectations


def warm_up() -> threading.Thread | None:
    """Import Great Expectations in a background thread, so it overlaps the extraction; the
    thread already started in this process, if any. None where the command's checkpoint process
    imports it (`quality.worker`): this process then never needs it."""
    from muniflow.quality import worker
    from muniflow.warmup import in_background

    if worker.started():
        return None

    return in_background("muniflow-gx-import", great_expectations)
