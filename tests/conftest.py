"""Shared fixtures: paths to the shared gold/seed files and the sample inputs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

# Timing belongs to bench/, never to tests: no per-example deadline, which a busy 2-core CI machine
# would turn into flaky failures.
settings.register_profile("muniflow", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("muniflow")

ROOT = Path(__file__).resolve().parents[1]
# `sample_inputs` and `bench` are imported by their tests as top-level packages, as their commands run.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("MUNIFLOW_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "sample_inputs"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


# Every skip for want of ../shared says this, so the summary below can count them.
SHARED_MISSING = "../shared (gold and seed files) not found"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED_MISSING} at {SHARED}")
    return SHARED


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    """Say loudly how many gold tests did not run because ../shared is missing, and why."""
    skipped = [
        r
        for r in terminalreporter.stats.get("skipped", [])
        if SHARED_MISSING in str(getattr(r, "longrepr", ""))
    ]
    if skipped:
        terminalreporter.write_sep(
            "!",
            f"{len(skipped)} GOLD TESTS SKIPPED: {SHARED_MISSING} at {SHARED} "
            "(set MUNIFLOW_SHARED to its path); accuracy against the gold files was NOT checked",
            red=True,
            bold=True,
        )


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test harness (a temporary API on a throwaway database) for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
