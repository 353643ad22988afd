"""Interpretation: raw tables -> canonical columns, municipalities, region and period."""

from muniflow.interpret.errors import InterpretError
from muniflow.interpret.municipality import canonical_municipality
from muniflow.interpret.rows import interpret_document, map_header
from muniflow.interpret.title import parse_period, parse_region

__all__ = [
    "InterpretError",
    "canonical_municipality",
    "interpret_document",
    "map_header",
    "parse_period",
    "parse_region",
]
