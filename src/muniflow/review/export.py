"""Write the rows to review to a CSV (UTF-8 with BOM) or .xlsx, and format them for the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from muniflow.sheets import Sheet, write_csv, write_xlsx
from muniflow.warehouse.review import REVIEW_COLUMNS

SUFFIXES = (".csv", ".xlsx")
# What `review list` shows of each line, and how wide (the rest is in the file).
LIST_COLUMNS = (
    ("row_key", 16),
    ("municipality", 20),
    ("seq_no", 4),
    ("rules", 24),
    ("decision", 9),
    ("title", 48),
)


def write_review_file(path: Path, lines: Sequence[dict[str, Any]]) -> Path:
    """The review file, by extension: .csv (cells neutralized) or .xlsx (text cells stay text).

    Raises:
        ValueError: another extension.
    """
    suffix = path.suffix.lower()
    rows = [tuple(line.get(c) for c in REVIEW_COLUMNS) for line in lines]
    if suffix == ".csv":
        return write_csv(path, REVIEW_COLUMNS, rows)
    if suffix == ".xlsx":
        return write_xlsx(path, [Sheet("review", REVIEW_COLUMNS, tuple(rows))])
    raise ValueError(f"{path}: write .csv or .xlsx, not {suffix or 'no extension'}")


def format_lines(lines: Sequence[dict[str, Any]]) -> str:
    """The lines as a fixed-width table for the terminal."""
    header = "  ".join(name.ljust(width) for name, width in LIST_COLUMNS)
    out = [header, "  ".join("-" * width for _, width in LIST_COLUMNS)]
    for line in lines:
        cells = []
        for name, width in LIST_COLUMNS:
            text = " ".join(str(line.get(name) or "").split())
            cells.append((text[: width - 1] + "…" if len(text) > width else text).ljust(width))
        out.append("  ".join(cells).rstrip())
    out.append(f"({len(lines)} row{'s' if len(lines) != 1 else ''})")
    return "\n".join(out)
