"""The one Russian morphological analyzer (pymorphy3) every stage shares, loaded on first use."""

from __future__ import annotations

from functools import cache

import pymorphy3


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """Load the Russian dictionary once per process, on first use (it takes a fraction of a second)."""
    return pymorphy3.MorphAnalyzer()
