"""The analyst's review of flagged rows: decisions read from a file, checked, applied as data."""
