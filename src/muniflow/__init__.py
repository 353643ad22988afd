"""muniflow: municipal international-events reports -> validated DuckDB facts."""

__version__ = "0.1.0"
